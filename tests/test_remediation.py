"""The remediation appendix: the Lâm Đồng example against the published appendix, the
documents reopened and checked, playbooks, determinism and bad outputs."""

from __future__ import annotations

import importlib.util
import json
import os
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from parcalc import api
from parcalc.read.playbook_file import load_playbook
from parcalc.write.yaml_text import playbook_skeleton as skeleton
from parcalc.analysis.remediation import build_appendix
from tests.conftest import BAD, EXAMPLES, FIXTURES, GOOD, LAM_DONG, ROOT, SMALL_SET, digest

D = Decimal
GOLDEN = ROOT / "tests" / "golden"
PLAN = "6006/KH-UBND ngày 23 tháng 8 năm 2021 của UBND tỉnh Lâm Đồng"
ARGS = ("remediation", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--year", "2021",
        "--min-lost", "0.001", "--plan", PLAN)


def published_rows():
    """The appendix rows as transcribed from the published plan (examples/build_examples.py)."""
    spec = importlib.util.spec_from_file_location("build_examples", EXAMPLES / "build_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ROWS


@pytest.fixture(scope="module")
def appendix():
    return api.remediation_appendix(LAM_DONG, "province-2020", year=2021, assume_full=True, min_lost=D("0.001"), plan=PLAN)


def test_rows_codes_and_numbers_equal_the_published_appendix(appendix):
    published = published_rows()
    assert [row.code for row in appendix.rows] == [row[0] for row in published]
    for row, (code, name, standard, appraised, lost, *remedy) in zip(appendix.rows, published):
        assert (row.name, row.max, row.points, row.lost) == (name, D(standard), D(appraised), D(lost)), code
        if remedy:
            assert (row.text("remedy"), row.text("lead"), row.text("support")) == tuple(remedy)
            assert row.text("deadline") == "Trong năm 2021 và các năm tiếp theo"
    assert appendix.findings == ()


def test_by_default_every_node_that_lost_anything_is_listed(appendix):
    """Decided: the published appendix lists 3.4.3, which lost 0,004."""
    default = api.remediation_appendix(LAM_DONG, "province-2020", year=2021, assume_full=True, plan=PLAN)
    assert [row.code for row in default.rows] == [row.code for row in appendix.rows] and "3.4.3" in [row.code for row in default.rows]
    assert len(default.rows) == 37
    at_half = api.remediation_appendix(LAM_DONG, "province-2020", year=2021, assume_full=True, min_lost=D("0.005"))
    assert [row.code for row in at_half.rows] == [row.code for row in appendix.rows if row.code != "3.4.3"]


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_golden_files(cli, tmp_path, fmt):
    target = tmp_path / f"phu-luc.{fmt}"
    run = cli(*ARGS, "-o", target)
    assert run.exit_code == 0, run.output
    golden = GOLDEN / f"lam-dong-2020.{fmt}"
    if os.environ.get("PARCALC_UPDATE_GOLDEN"):
        golden.write_bytes(target.read_bytes())
    assert target.read_bytes() == golden.read_bytes()


def test_json_summary_and_rows(cli):
    data = json.loads((GOLDEN / "lam-dong-2020.json").read_text(encoding="utf-8"))
    assert data["schema"] == "parcalc/remediation-1"
    assert data["summary"] == {"index": 83.93, "group": "B", "total_lost": 16.07, "listed_lost": 16.07, "rows": 37}
    row = next(r for r in data["rows"] if r["code"] == "3.4.3")
    assert (row["points"], row["lost"], row["lead"], row["subtotal"]) == (0.996, 0.004, "UBND cấp xã", False)
    assert data["plan"] == f"(Kèm theo Kế hoạch số {PLAN})"


def test_csv_and_md_formats():
    csv_bytes = (GOLDEN / "lam-dong-2020.csv").read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbfSTT,L\xc4\xa9nh v\xe1\xbb\xb1c")
    assert "3.4.3,Tỷ lệ hồ sơ TTHC do UBND cấp xã" in csv_bytes.decode("utf-8-sig")
    md = (GOLDEN / "lam-dong-2020.md").read_text(encoding="utf-8")
    assert "- Chỉ số: 83,93 — Nhóm B" in md and "- Tổng điểm bị mất: 16,07" in md and "- Số dòng: 37" in md
    assert "| 3.4.3 | Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn | 1,00 | 0,996 | 0,004 |" in md


def test_xlsx_document(cli, tmp_path):
    target = tmp_path / "phu-luc.xlsx"
    assert cli(*ARGS, "-o", target).exit_code == 0
    book = load_workbook(target)
    sheet = book["Phụ lục"]
    assert sheet["A1"].value == "PHỤ LỤC"
    assert sheet["A2"].value.startswith("KHẮC PHỤC NHỮNG TỒN TẠI") and "NĂM 2021" in sheet["A2"].value
    assert sheet["A3"].value == f"(Kèm theo Kế hoạch số {PLAN})"
    assert {"A1:J1", "A2:J2", "A3:J3"} <= {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[5]] == ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định",
                                           "Điểm bị mất", "Giải pháp", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp",
                                           "Thời gian thực hiện", "Ghi chú"]
    assert all(c.font.b and c.border.left.style == "thin" and c.alignment.wrap_text for c in sheet[5])
    row = next(r for r in sheet.iter_rows(min_row=6) if r[0].value == "3.4.3")
    assert (row[2].value, row[3].value, row[4].value) == (1, 0.996, 0.004)
    assert (row[3].number_format, row[2].number_format) == ("0.000", "0.00")
    assert row[6].value == "UBND cấp xã" and not row[0].font.b
    field = next(r for r in sheet.iter_rows(min_row=6) if r[0].value == "6")
    assert field[0].font.b and field[1].value == "CẢI CÁCH TÀI CHÍNH CÔNG" and field[4].value == 3.42
    assert sheet.max_row == 5 + 37
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "landscape", 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$5:$5" and sheet.freeze_panes == "A6"
    # Nghị định 30/2020/NĐ-CP margins (inches) and the page number from the second page
    assert (round(sheet.page_margins.left * 25.4), round(sheet.page_margins.right * 25.4)) == (30, 15)
    assert sheet.HeaderFooter.differentFirst and sheet.oddHeader.center.text == "&P"
    # a row tall enough for its longest text: 1.6's remedy (about 230 characters in a 32-wide column)
    remedy_row = next(r for r in sheet.iter_rows(min_row=6) if r[0].value == "1.6")
    assert sheet.row_dimensions[remedy_row[0].row].height >= 15 * 7
    agencies = book["DanhMucCoQuan"]
    assert agencies.sheet_state == "hidden"
    listed = [c.value for c in agencies["A"]]
    assert "Sở Tài chính" in listed and listed == sorted(listed)
    (rule,) = sheet.data_validations.dataValidation
    assert rule.type == "list" and rule.formula1 == f"=DanhMucCoQuan!$A$1:$A${len(listed)}"
    assert str(rule.sqref) == "G6:G42 H6:H42"


def test_docx_document(cli, tmp_path):
    target = tmp_path / "phu-luc.docx"
    assert cli(*ARGS, "-o", target).exit_code == 0
    document = Document(target)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)  # swapped, not just flagged
    assert section.orientation == 1  # landscape
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size.pt) == ("Times New Roman", 13)
    label, title, plan, rule = document.paragraphs[:4]
    assert label.text == "PHỤ LỤC" and label.runs[0].bold
    assert title.text.startswith("KHẮC PHỤC NHỮNG TỒN TẠI") and title.runs[0].bold
    assert plan.text == f"(Kèm theo Kế hoạch số {PLAN})"
    assert rule.text == "" and rule._p.pPr.find(qn("w:pBdr")) is not None  # the short rule under it
    # Nghị định 30/2020/NĐ-CP: binding side 30 mm, the other 15 mm; page numbers from page 2
    assert (round(section.left_margin.mm), round(section.right_margin.mm), round(section.top_margin.mm)) == (30, 15, 20)
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml
    assert document.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    (table,) = document.tables
    assert len(table.rows) == 38
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    cells = lambda r: [c.text for c in table.rows[r].cells]  # noqa: E731
    assert cells(0)[:5] == ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất"]
    assert cells(1)[:5] == ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "8,50", "7,47", "1,03"]
    assert table.rows[1].cells[0].paragraphs[0].runs[0].bold
    row = next(r for r in range(1, 38) if cells(r)[0] == "3.4.3")
    assert cells(row)[2:5] == ["1,00", "0,996", "0,004"]
    assert not table.rows[row].cells[0].paragraphs[0].runs[0].bold
    criterion = next(r for r in range(1, 38) if cells(r)[0] == "3.4")
    assert table.rows[criterion].cells[1].paragraphs[0].runs[0].bold  # criteria bold as in the xlsx
    widths = [cell.width.mm for cell in table.rows[0].cells]
    assert round(sum(widths)) == 297 - 30 - 15 and min(widths) > 12  # the page's width between margins, no sliver
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows[1:])  # no row split across pages


def test_every_format_is_deterministic(cli, tmp_path):
    for fmt in ("xlsx", "docx", "md", "csv", "json"):
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert cli(*ARGS, "-o", first).exit_code == 0
        assert cli(*ARGS, "-o", second).exit_code == 0
        assert first.read_bytes() == second.read_bytes(), fmt


def test_english(cli):
    run = cli(*ARGS, "--lang", "en", "--format", "md")
    assert run.exit_code == 0
    assert "| No. | Field/Criterion/Sub-criterion | Standard points | Appraised points | Lost points | Remedy |" in run.stdout
    assert "REMEDYING SHORTCOMINGS AND RAISING THE PAR INDEX IN 2021" in run.stdout
    assert "| 0.996 | 0.004 |" in run.stdout


def test_fail_under_after_writing(cli, tmp_path):
    target = tmp_path / "phu-luc.md"
    run = cli(*ARGS, "-o", target, "--fail-under", "90")
    assert run.exit_code == 1 and target.exists()


# --- playbooks --------------------------------------------------------------------------

def small_appendix(playbook):
    result = api.score_workbook(GOOD / "small.xlsx", str(SMALL_SET))
    return build_appendix(result, None, playbook, year=2025)


def test_playbook_precedence_and_placeholders():
    playbook = load_playbook(FIXTURES / "playbooks" / "patterns.yaml", api.load_criteria(str(SMALL_SET)))
    rows = {row.code: row for row in small_appendix(playbook).rows}
    assert list(rows) == ["1", "1.1", "2", "2.1"]
    assert rows["1.1"].actions == {"remedy": "Riêng Tiêu chí một", "support": '=HYPERLINK("x")',
                                   "lead": "Sở Nội vụ", "deadline": "Năm 2025"}
    assert rows["2.1"].actions == {"remedy": "Rà soát trong năm 2026", "deadline": "Năm 2025"}
    assert rows["1"].actions == {}  # a subtotal row takes only an exact rule, as published appendices do


def test_pattern_fills_lost_and_max():
    playbook = load_playbook(FIXTURES / "playbooks" / "patterns.yaml")
    result = api.score_workbook(GOOD / "small.xlsx", str(SMALL_SET))
    assert playbook.actions_for("1.2")["remedy"] == "Khắc phục {code}: mất {lost}/{max} điểm"
    from parcalc.analysis.playbook import fill

    assert fill("mất {lost}/{max} {unknown}", {"lost": "0,50", "max": "4,00"}) == "mất 0,50/4,00 {unknown}"
    assert result.node("1.1").lost == D("0.5")


def test_workbook_columns_win_over_the_playbook():
    appraisal = api.read_workbook(LAM_DONG)
    result = api.score_appraisal(appraisal, api.load_criteria("province-2020"), assume_full=True)
    playbook = load_playbook(FIXTURES / "playbooks" / "patterns.yaml")
    rows = {row.code: row for row in build_appendix(result, appraisal, playbook, year=2021).rows}
    assert rows["6.1.2"].text("remedy") == "Thực hiện đảm bảo đúng quy định đạt 100%"
    assert rows["1.5"].text("deadline") == "Trong năm 2021 và các năm tiếp theo"  # the workbook's own


def test_rows_without_remedy_are_warnings(cli):
    run = cli("remediation", GOOD / "small.xlsx", "--criteria", SMALL_SET, "--year", "2025")
    assert run.exit_code == 0
    assert run.stderr.count("chưa có giải pháp") == 2  # 1.1 and 2.1; subtotal rows need none
    assert "**Cảnh báo**" in run.stdout


def test_formulas_are_neutralised_in_csv_and_xlsx(cli, tmp_path):
    for fmt in ("csv", "xlsx"):
        target = tmp_path / f"a.{fmt}"
        run = cli("remediation", GOOD / "small.xlsx", "--criteria", SMALL_SET, "--year", "2025",
                  "--playbook", FIXTURES / "playbooks" / "patterns.yaml", "-o", target)
        assert run.exit_code == 0, run.output
    import csv

    rows = list(csv.reader((tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [row[7] for row in rows if row[0] == "1.1"] == ['\'=HYPERLINK("x")']
    sheet = load_workbook(tmp_path / "a.xlsx").active
    support = [row[7].value for row in sheet.iter_rows(min_row=5) if row[0].value == "1.1"]
    assert support == ['\'=HYPERLINK("x")'] and sheet["H7"].data_type == "s"


def test_shipped_playbook_covers_the_appendix():
    criteria = api.load_criteria("province-2020")
    playbook = api.load_playbook("province-2020", criteria)
    assert len(playbook.rules) == 21
    assert playbook.actions_for("6.1.2") == {"remedy": "Thực hiện đảm bảo đúng quy định đạt 100%", "lead": "Sở Tài chính",
                                             "support": "Các Sở, ban, ngành; UBND cấp huyện",
                                             "deadline": "Trong năm {year} và các năm tiếp theo"}


def test_playbook_init_lists_every_sub_criterion(cli, tmp_path):
    target = tmp_path / "playbook.yaml"
    run = cli("playbook", "init", "--criteria", "province-2020", "-o", target)
    assert run.exit_code == 0, run.output
    criteria = api.load_criteria("province-2020")
    playbook = load_playbook(target, criteria)
    assert sorted(playbook.rules) == sorted(n.code for n in criteria.walk() if not n.children)
    assert target.read_text(encoding="utf-8") == skeleton(criteria)


# --- bad input and output ---------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("unknown-key.yaml", "unknown-key.yaml:5: khóa «owner» không hợp lệ"),
    ("unknown-code.yaml", "unknown-code.yaml:4: mã 7.7 không có trong bộ tiêu chí small"),
])
def test_bad_playbook(cli, name, expected):
    run = cli("remediation", GOOD / "small.xlsx", "--criteria", SMALL_SET, "--year", "2025",
              "--playbook", FIXTURES / "playbooks" / name)
    assert run.exit_code == 2 and run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"parcalc: lỗi: {FIXTURES / 'playbooks' / expected}")


def test_unknown_playbook_id(cli):
    run = cli(*ARGS, "--playbook", "province-1999")
    assert run.exit_code == 2 and "không có sổ tay khắc phục «province-1999»: hãy dùng một trong province-2020" in run.stderr


@pytest.mark.parametrize("extra, expected", [
    (("-o", "missing-folder/x.docx"), "missing-folder» không tồn tại: hãy tạo thư mục trước"),
    (("-f", "docx"), "parcalc: lỗi: --format: docx là tệp nhị phân: ghi ra tệp bằng -o TỆP.docx\n"),
    (("-o", "x.pdf"), "x.pdf: không nhận ra định dạng từ phần mở rộng của tệp: dùng .xlsx, .docx, .md, .csv, .json, hoặc --format\n"),
    (("--min-lost", "abc"), "parcalc: lỗi: --min-lost: «abc» không phải là số (viết như 85,5 hoặc 85.5)\n"),
])
def test_bad_output_options(cli, tmp_path, extra, expected):
    extra = tuple(str(tmp_path / e) if "/" in e or e.endswith(".pdf") else e for e in extra)
    run = cli(*ARGS, *extra)
    assert run.exit_code == 2 and expected in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_existing_output_and_output_equal_to_input(cli, tmp_path):
    target = tmp_path / "phu-luc.docx"
    target.write_bytes(b"keep")
    run = cli(*ARGS, "-o", target)
    assert (run.exit_code, run.stderr) == (2, f"parcalc: lỗi: {target}: đã có: dùng --force để ghi đè\n") and target.read_bytes() == b"keep"
    assert cli(*ARGS, "-o", target, "--force").exit_code == 0 and target.read_bytes() != b"keep"
    copy = tmp_path / "in.xlsx"
    copy.write_bytes(LAM_DONG.read_bytes())
    run = cli("remediation", copy, "-o", copy, "--format", "xlsx", "--force")
    assert run.exit_code == 2 and run.stderr == f"parcalc: lỗi: {copy}: cũng là tệp đầu vào: hãy ghi kết quả ra tệp khác\n"
    assert digest(copy) == digest(LAM_DONG)


def test_broken_workbook_leaves_no_document(cli, tmp_path):
    target = tmp_path / "phu-luc.xlsx"
    run = cli("remediation", BAD / "truncated.xlsx", "-o", target)
    assert run.exit_code == 2 and not target.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_both_documents(cli, tmp_path):
    """LibreOffice converts what it can open; a damaged package fails to convert."""
    import subprocess

    for fmt in ("xlsx", "docx"):
        assert cli(*ARGS, "-o", tmp_path / f"phu-luc.{fmt}").exit_code == 0
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / fmt),
                        str(tmp_path / f"phu-luc.{fmt}")], check=True, capture_output=True, timeout=180)
        pdf = (tmp_path / fmt / "phu-luc.pdf").read_bytes()
        assert pdf.startswith(b"%PDF")
        assert b"/MediaBox[0 0 841.8" in pdf  # every page A4 landscape (841.9 x 595.3 pt)
        assert b"/MediaBox[0 0 595.3" not in pdf


def test_an_ancestor_known_only_as_part_of_a_given_field_is_a_row_marked_unknown(tmp_path, cli):
    """Field 6 given (7,5 of 8); 6.3 left blank, its 6.3.3 and 6.3.4 given (1 and 0 of 1):
    6.3.4 lost 1 and is listed under 6.3, whose points are covered by 6 but not known
    (…), not as if under 6.1. 6.1 = 1 + 1 + 0,75 = 2,75, lost 0,25."""
    from openpyxl import Workbook

    rows = [("6", 8, 7.5), ("6.1", 3, None), ("6.1.1", 1, 1), ("6.1.2", 1, 1), ("6.1.3", 1, 0.75),
            ("6.3", 3, None), ("6.3.3", 1, 1), ("6.3.4", 1, 0)]
    book = Workbook()
    book.active.append(("STT", "Điểm chuẩn", "Điểm thẩm định"))
    for row in rows:
        book.active.append(row)
    path = tmp_path / "field6.xlsx"
    book.save(path)
    target = tmp_path / "plan.md"
    run = cli("remediation", path, "--criteria", "province-2020", "--assume-full", "--year", "2020", "-o", target)
    assert run.exit_code == 0, run.output
    cells = [line.replace("*", "").split(" | ") for line in target.read_text(encoding="utf-8").splitlines() if line.startswith("| ") and "." in line[:6]]
    assert [[row[0][2:], *row[2:5]] for row in cells] == [
        ["6.1", "3,00", "2,75", "0,25"], ["6.1.3", "1,00", "0,75", "0,25"], ["6.3", "3,00", "…", "…"], ["6.3.4", "1,00", "0,00", "1,00"]]
    assert "6 mất 0,50 điểm nhưng các tiêu chí con được liệt kê mất tổng cộng 1,25" in run.stderr
    workbook = tmp_path / "plan.xlsx"
    assert cli("remediation", path, "--criteria", "province-2020", "--assume-full", "--year", "2020", "-o", workbook).exit_code == 0
    row = next(row for row in load_workbook(workbook).active.iter_rows() if row[0].value == "6.3")
    assert [(cell.value, cell.alignment.horizontal) for cell in row[2:5]] == [(3, None), ("…", "right"), ("…", "right")]  # as figures
