"""The score table in a terminal, a pipe or a file, at any width from 60 columns: no
number or code split across lines, names wrapped under their indent, no trailing spaces."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal

import pytest
from rich.console import Console

from parcalc import api
from parcalc.write.score_data import score_json
from parcalc.write.score_table import score_table_text
from parcalc.write.terminal import table_lines
from tests.conftest import EXAMPLES, LAM_DONG

RESULT = api.score_workbook(LAM_DONG, "province-2020", assume_full=True)
D90 = Decimal(90)
SO_TU_PHAP = api.score_workbook(EXAMPLES / "field" / "so-tu-phap-2025.xlsx")


@pytest.mark.parametrize("width", [60, 80, 100, 160])
@pytest.mark.parametrize("result", [RESULT, SO_TU_PHAP], ids=["lam-dong", "so-tu-phap"])
def test_every_number_and_code_is_whole_on_one_line(result, width):
    text = score_table_text(result, "vi", width)
    lines = text.splitlines()
    assert all(line == line.rstrip() for line in lines)  # no trailing padding
    table = lines[: lines.index("")]
    assert max(len(line) for line in table) <= width
    data = json.loads(score_json(result, "vi"))
    for node in data["nodes"]:
        row = next(line for line in table if line.startswith(node["code"] + " "))  # the code starts its row, whole
        for key in ("max", "points", "lost"):
            if node[key] is not None:
                shown = f"{node[key]:.2f}".replace(".", ",") if len(str(node[key]).partition(".")[2]) <= 2 else str(node[key]).replace(".", ",")
                assert re.search(rf"(?<![\d,]){re.escape(shown)}(?![\d,])", row), (node["code"], key, shown, row)


def test_wrapped_names_keep_their_indent():
    lines = score_table_text(RESULT, "vi", 60).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("1.6 "))
    assert lines[start][7:].startswith("  Thực hiện các nhiệm vụ")  # a criterion: two spaces under the field
    assert lines[start + 1] == " " * 9 + "Chính phủ, Thủ tướng Chính"
    assert lines[start + 2] == " " * 9 + "phủ giao"


def test_headings_wrap_between_words():
    lines = score_table_text(RESULT, "vi", 60).splitlines()
    header = lines[: next(i for i, line in enumerate(lines) if line.startswith("─"))]
    words = " ".join(header).split()
    for heading in ("Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất"):
        assert all(word in words for word in heading.split())


def test_a_terminal_gets_colour_and_the_same_text():
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, force_terminal=True, color_system="standard")
    score_table_text(RESULT, "vi", console=console)
    coloured = buffer.getvalue()
    assert "\x1b[1m" in coloured  # fields bold
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == score_table_text(RESULT, "vi", 80)


def test_table_lines_right_align_numbers_and_bottom_align_headings():
    rows = [(["1", "  Một", "12,50"], None), (["1.10", "  Hai ba", "1,00"], "bold")]
    lines = table_lines(["Mã", "Tên", "Điểm chuẩn"], rows, 30)
    # widths: code 4 ("1.10"), points 5 ("chuẩn", "12,50"), names 16 (at least NAME_MIN);
    # two spaces between columns: 4 + 2 + 16 + 2 + 5 = 29
    assert [line.text for line in lines] == [
        " " * 25 + "Điểm",
        "Mã    Tên" + " " * 15 + "chuẩn",
        "─" * 29,
        "1       Một" + " " * 13 + "12,50",
        "1.10    Hai ba" + " " * 11 + "1,00",
    ]
    assert [line.style for line in lines] == ["bold", "bold", None, None, "bold"]


def test_a_name_longer_than_its_column_breaks_after_a_hyphen_not_inside_a_word():
    """A unit named after its file (`rank unit-*.xlsx`): «xa-2024--Phường 12» has no space
    where a 16-wide column could break it."""
    lines = table_lines(["Hạng", "Đơn vị", "Chỉ số"], [(["1", "bao-cao-2024--Phường 12", "89,00"], None)], 30)
    assert [line.text for line in lines[3:]] == ["1     bao-cao-2024--     89,00", "      Phường 12"]  # 4 + 2 + 17 + 2 + 5 wide


RANKS = {
    "national-9-fields": (LAM_DONG, EXAMPLES / "synthetic-province-2020.xlsx", "--criteria", "province-2020", "--assume-full"),
    "department-5-fields": (EXAMPLES / "departments" / "departments.xlsx", "--criteria", EXAMPLES / "departments" / "department-set.yaml"),
    "no-set": (EXAMPLES / "departments" / "departments.xlsx",),
}


@pytest.mark.parametrize("width", [60, 80, 100, 160])
@pytest.mark.parametrize("name", sorted(RANKS))
def test_rank_table_keeps_numbers_whole_and_names_what_it_leaves_out(cli, name, width):
    data = json.loads(cli("rank", *RANKS[name], "-f", "json").stdout)
    from parcalc.write.rank import rank_table_text
    from parcalc import api

    args = RANKS[name]
    criteria = args[args.index("--criteria") + 1] if "--criteria" in args else None
    workbooks = [a for a in args if str(a).endswith(".xlsx")]
    ranking = api.rank_workbooks(workbooks, str(criteria) if criteria else None, assume_full="--assume-full" in args)
    lines = rank_table_text(ranking, "vi", width).splitlines()
    assert all(len(line) <= width and line == line.rstrip() for line in lines)
    body = lines[: lines.index("")]
    heading_end = next(i for i, line in enumerate(body) if line.startswith("─"))
    shown_fields = [code for code in data["units"][0]["fields"] if code in " ".join(body[:heading_end]).split()]
    for unit in data["units"]:
        row = next(line for line in body[heading_end + 1:] if line.startswith(f"{unit['rank']} "))
        for value in (unit["total"], unit["index"], *(unit["fields"][code] for code in shown_fields)):
            shown = f"{value:.2f}".replace(".", ",")
            assert re.search(rf"(?<![\d,]){re.escape(shown)}(?![\d,])", row), (unit["unit"], shown, row)
    left_out = [code for code in data["units"][0]["fields"] if code not in shown_fields]
    notes = " ".join(lines[lines.index("") + 1:])
    if left_out:
        assert notes.endswith(f"Các lĩnh vực {', '.join(left_out)} không vừa {width} cột: xem đủ bằng --format csv hoặc -o FILE.xlsx")
    else:
        assert notes.startswith(f"{len(data['units'])} đơn vị") and "không vừa" not in notes


@pytest.mark.parametrize("width", [60, 80, 100])
def test_whatif_and_compare_tables_keep_numbers_whole(cli, width):
    from parcalc.write.compare import compare_table_text
    from parcalc.write.whatif import whatif_table_text
    from parcalc import api

    report = api.whatif_report(LAM_DONG, "province-2020", assume_full=True, overrides=["6.1.2=1"], top=5, target_index=D90)
    text = whatif_table_text(report, "vi", width)
    assert all(len(line) <= width and line == line.rstrip() for line in text.splitlines())
    for number in ("83,93", "84,93", "5,94", "89,87"):
        assert re.search(rf"(?<![\d,]){number}(?![\d,])", text), number
    departments = EXAMPLES / "departments" / "departments.xlsx"
    comparison = api.compare_workbooks(departments, departments, EXAMPLES / "departments" / "department-set.yaml")
    text = compare_table_text(comparison, "vi", width)
    assert all(len(line) <= width and line == line.rstrip() for line in text.splitlines())
    assert "84,85" in text
