"""analysis/remediation.py pinned (issue 18): --min-lost inclusive, the English appendix,
names from the workbook or else the set, the playbook's placeholders, and where the
no_remedy warning points."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook

from parcalc.analysis.playbook import Action, Playbook
from parcalc.analysis.remediation import build_appendix
from parcalc.core.engine import score
from parcalc.core.labels import finding_message
from parcalc.core.model import Appraisal, Criterion, CriterionSet, Entry, Finding
from parcalc.write.common import warning_line
from tests.conftest import SMALL_SET

D = Decimal

# small-set.yaml: 1 Lĩnh vực một (6) = 1.1 Tiêu chí một (4) + 1.2 Tiêu chí hai (2); 2 Lĩnh vực hai (4) = 2.1 Tiêu chí ba (4)
SET = CriterionSet(id="s", title="s", roots=(
    Criterion("1", "Lĩnh vực một", D(6), name_en="Field one", children=(
        Criterion("1.1", "Tiêu chí một", D(4)), Criterion("1.2", "Tiêu chí hai", D(2)))),
    Criterion("2", "Lĩnh vực hai", D(4), children=(Criterion("2.1", None, D(4)),)),
))


def entries(*rows):
    """(code, points, name) -> entries whose code is in A<row> and points in D<row>, from row 2."""
    return tuple(Entry(code, points=D(points), name=name, where={"code": f"A{n}", "points": f"D{n}"})
                 for n, (code, points, name) in enumerate(rows, start=2))


# 1.1: 3,5 of 4 (lost 0,5); 1.2: 2 of 2; 2.1: 3,75 of 4 (lost 0,25). 1: 5,5 (lost 0,5); 2: 3,75 (lost 0,25)
APPRAISAL = Appraisal(entries(("1.1", "3.5", None), ("1.2", "2", None), ("2.1", "3.75", "Tên trong bảng")))
RESULT = score(SET, APPRAISAL.by_code())


def rows(appendix):
    return [(row.code, row.name, row.lost, row.subtotal) for row in appendix.rows]


def test_min_lost_is_inclusive():
    at = build_appendix(RESULT, APPRAISAL, year=2025, min_lost=D("0.25"))
    # 2.1 loses exactly 0,25: listed, with its field 2 (which loses 0,25 too); 1.2 lost nothing
    assert [row.code for row in at.rows] == ["1", "1.1", "2", "2.1"]
    above = build_appendix(RESULT, APPRAISAL, year=2025, min_lost=D("0.2501"))
    assert [row.code for row in above.rows] == ["1", "1.1"]
    # 0 lists every node with points, those that lost nothing too
    assert [row.code for row in build_appendix(RESULT, APPRAISAL, year=2025, min_lost=D(0)).rows] == ["1", "1.1", "1.2", "2", "2.1"]


def test_names_come_from_the_workbook_else_the_set_in_the_appendixs_language():
    vi = build_appendix(RESULT, APPRAISAL, year=2025)
    assert rows(vi) == [("1", "Lĩnh vực một", D("0.5"), True), ("1.1", "Tiêu chí một", D("0.5"), False),
                        ("2", "Lĩnh vực hai", D("0.25"), True), ("2.1", "Tên trong bảng", D("0.25"), False)]
    en = build_appendix(RESULT, None, year=2025, lang="en")
    # without the workbook's rows: the set's names, in English where the set has one; 2.1 has none at all
    assert [row.name for row in en.rows] == ["Field one", "Tiêu chí một", "Lĩnh vực hai", "(name unknown)"]
    assert [row.name for row in build_appendix(RESULT, None, year=2025).rows][3] == "(chưa rõ tên)"


def test_playbook_placeholders_are_filled_per_node_and_language():
    template = "{code} {name}: {points}/{max}, mất {lost}; {year}-{next_year} {other}"
    playbook = Playbook(rules={"1.1": Action(remedy=template)}, fallback=Action(lead="{code} ({lost})"))
    vi = {row.code: row.actions for row in build_appendix(RESULT, APPRAISAL, playbook, year=2025).rows}
    # 1.1: 3,5 of 4, lost 0,5, shown with two decimals; {name} is the set's name; an unknown brace stays
    assert vi["1.1"] == {"remedy": "1.1 Tiêu chí một: 3,50/4,00, mất 0,50; 2025-2026 {other}", "lead": "1.1 (0,50)"}
    assert vi["2.1"] == {"lead": "2.1 (0,25)"}  # the fallback; 2.1 has no name in the set
    assert vi["1"] == {} and vi["2"] == {}  # subtotal rows take only an exact rule
    en = {row.code: row.actions for row in build_appendix(RESULT, APPRAISAL, playbook, year=2030, lang="en").rows}
    assert en["1.1"]["remedy"] == "1.1 Tiêu chí một: 3.50/4.00, mất 0.50; 2030-2031 {other}"
    named = Playbook(rules={"2.*": Action(remedy="[{name}] {points}")})
    assert build_appendix(RESULT, APPRAISAL, named, year=2025).rows[3].actions == {"remedy": "[] 3,75"}


def test_no_remedy_is_placed_at_the_code_cell_of_each_row_without_one():
    appendix = build_appendix(RESULT, APPRAISAL, Playbook(rules={"2.1": Action(remedy="x")}), year=2025)
    # 1.1 lost points and has no remedy: its code cell A2 (not its points cell D2); 2.1 has one; 1 and 2 are subtotals
    assert appendix.findings == (Finding("no_remedy", "1.1", "A2", {}),)
    (finding,) = appendix.findings
    assert warning_line(finding, "vi") == "A2: 1.1: chưa có giải pháp (thêm vào cột Giải pháp của bảng tính hoặc vào playbook)"
    assert warning_line(finding, "en") == "A2: 1.1: no remedy yet (add it to the workbook's remedy column or to the playbook)"
    # without the workbook's rows there is no place: the message alone
    (unplaced, _) = build_appendix(RESULT, None, year=2025).findings
    assert unplaced == Finding("no_remedy", "1.1", None, {})
    assert warning_line(unplaced, "en") == finding_message(Finding("no_remedy", "1.1", None), "en")


def test_the_english_appendix_from_the_command_line(cli, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "KQ"
    sheet.append(["STT", "Nội dung", "Điểm chuẩn", "Điểm thẩm định", "Giải pháp"])
    sheet.append(["1.1", None, 4, 3.5, None])
    sheet.append(["1.2", None, 2, 2, None])
    sheet.append(["2.1", None, 4, 3.75, "Rà soát"])
    path = tmp_path / "t.xlsx"  # named in the warning as given on the command line
    book.save(path)
    run = cli("remediation", path, "--criteria", SMALL_SET, "--year", "2025", "--min-lost", "0.25", "--lang", "en", "--format", "md")
    assert run.exit_code == 0, run.output
    empty = "  |  |  |  |  |"  # remedy, lead, support, deadline, note
    # codes and names in bold for fields and criteria (numbers are plain in Markdown)
    # total 5,5 + 3,75 = 9,25 of 10: index 92,50, group A; lost 0,75; four rows, 1.2 (lost 0) left out
    assert run.stdout == "\n".join([
        "## REMEDYING SHORTCOMINGS AND RAISING THE PAR INDEX IN 2025 AND THE FOLLOWING YEARS",
        "",
        "- Index: 92.50 — Group A (on a scale of 10.00)",
        "- Total lost: 0.75",
        "- Rows: 4",
        "",
        "| No. | Field/Criterion/Sub-criterion | Standard points | Appraised points | Lost points | Remedy | Lead agency | "
        "Supporting agencies | Deadline | Note |",
        "|---|---|---:|---:|---:|---|---|---|---|---|",
        "| **1** | **Lĩnh vực một** | 6.00 | 5.50 | 0.50 |" + empty,
        "| **1.1** | **Tiêu chí một** | 4.00 | 3.50 | 0.50 |" + empty,
        "| **2** | **Lĩnh vực hai** | 4.00 | 3.75 | 0.25 |" + empty,
        "| **2.1** | **Tiêu chí ba** | 4.00 | 3.75 | 0.25 | Rà soát |  |  |  |  |",
        "",
        "**Warning**",
        "",
        f"- {path}, sheet 'KQ', cell A2: 1.1: no remedy yet (add it to the workbook's remedy column or to the playbook)",
        "",
    ])
    assert run.stderr == (f"parcalc: warning: {path}, sheet 'KQ', cell A2: 1.1: no remedy yet (add it to the workbook's "
                          "remedy column or to the playbook)\n")
    vi = cli("remediation", path, "--criteria", SMALL_SET, "--year", "2025", "--min-lost", "0,25", "--format", "md")
    assert "| **2.1** | **Tiêu chí ba** | 4,00 | 3,75 | 0,25 | Rà soát |  |  |  |  |\n" in vi.stdout  # 0,25: a decimal comma, inclusive
    assert vi.stderr == (f"parcalc: cảnh báo: {path}, trang tính «KQ», ô A2: 1.1: chưa có giải pháp (thêm vào cột Giải pháp "
                         "của bảng tính hoặc vào playbook)\n")


def test_a_node_at_the_threshold_is_listed_under_every_ancestor_even_ones_below_it():
    # 1 (10) = 9,5 given (lost 0,5); 1.1 (6) = 5,5 given (lost 0,5); 1.1.1 (3) = 2 (lost 1):
    # a published appendix whose parents lose less than a child. At --min-lost 1 only
    # 1.1.1 reaches the threshold, and it is listed under 1.1 and 1 all the same
    deep = CriterionSet(id="d", title="d", roots=(
        Criterion("1", "Một", D(10), children=(
            Criterion("1.1", "Một một", D(6), children=(Criterion("1.1.1", "Một một một", D(3)), Criterion("1.1.2", "Hai", D(3)))),
            Criterion("1.2", "Một hai", D(4)))),
    ))
    appraisal = Appraisal(entries(("1", "9.5", None), ("1.1", "5.5", None), ("1.1.1", "2", None), ("1.1.2", "3", None),
                                  ("1.2", "4", None)))
    appendix = build_appendix(score(deep, appraisal.by_code()), appraisal, year=2025, min_lost=D(1))
    assert [(row.code, row.lost, row.subtotal) for row in appendix.rows] == [
        ("1", D("0.5"), True), ("1.1", D("0.5"), True), ("1.1.1", D(1), False)]
