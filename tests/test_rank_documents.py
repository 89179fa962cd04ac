"""The ranking as a signed appendix (xlsx, docx) and its native Excel charts, reopened
and checked against figures worked out by hand from the fixtures' points."""

from __future__ import annotations

import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from xml.etree import ElementTree

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from tests.conftest import EXAMPLES, GOOD, SMALL_SET, wide_points

D = Decimal
ARGS = ("rank", GOOD / "units-long.xlsx", "--criteria", SMALL_SET, "--year", "2024")
DEPARTMENTS = (EXAMPLES / "departments" / "departments.xlsx", "--criteria", EXAMPLES / "departments" / "department-set.yaml")
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
# The fixture's points (tests/fixtures/build_fixtures.py): 1.1 (max 4), 1.2 (max 2), 2.1 (max 4)
#   Sở A 3.5 + 2 | 3 -> field 1: 5.5/6 = 91.67, field 2: 3/4 = 75.00, index 85.00 (B)
#   Sở B 4 + 2 | 4   -> 100.00, 100.00, 100.00 (A)
#   Sở C as Sở A     -> 91.67, 75.00, 85.00 (B), rank 2 shared with Sở A
#   Sở D 1 + 0.5 | 1 -> 25.00, 25.00, 25.00 (D)
# mean index (100 + 85 + 85 + 25) / 4 = 73.75; field means 308.34 / 4 = 77.085 -> 77.09 and 275 / 4 = 68.75
ROWS = [[1, "Sở B", 10, 100, "A", 100, 100], [2, "Sở A", 8.5, 85, "B", 91.67, 75],
        [2, "Sở C", 8.5, 85, "B", 91.67, 75], [4, "Sở D", 2.5, 25, "D", 25, 25]]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    from typer.testing import CliRunner

    from parcalc.cli import app

    folder = tmp_path_factory.mktemp("rank")
    runner = CliRunner()
    for name, extra in (("rank.xlsx", ("--unit", "Sở D")), ("rank.docx", ()), ("again.xlsx", ("--unit", "Sở D")),
                        ("again.docx", ()), ("plain.xlsx", ()), ("en.xlsx", ("--lang", "en", "--unit", "Sở A")),
                        ("en.docx", ("--lang", "en"))):
        run = runner.invoke(app, [str(arg) for arg in (*ARGS, *extra, "-o", folder / name)])
        assert run.exit_code == 0, run.output
    return folder


def test_xlsx_appendix_title_table_and_summary(outputs):
    book = load_workbook(outputs / "rank.xlsx")
    assert book.sheetnames == ["Phụ lục", "Biểu đồ", "Chỉ số thành phần"]
    sheet = book["Phụ lục"]
    assert sheet["A1"].value == "PHỤ LỤC"
    assert sheet["A2"].value == "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC ĐƠN VỊ"
    assert sheet["A3"].value == "Bộ tiêu chí: A small test set"
    assert {"A1:G1", "A2:G2", "A3:G3"} <= {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[5]] == ["Hạng", "Đơn vị", "Tổng điểm", "Chỉ số", "Nhóm", "1. Lĩnh vực một", "2. Lĩnh vực hai"]
    assert [[c.value for c in sheet[row]] for row in range(6, 10)] == ROWS
    assert sheet["F7"].number_format == "0.00" and sheet["A7"].number_format == "0" and sheet["A7"].alignment.horizontal == "center"
    assert all(c.border.left.style == "thin" and c.border.bottom.style == "thin" for row in sheet["A5:G9"] for c in row)
    assert all(c.font.b for c in sheet[5]) and not any(c.font.b for c in sheet[6])
    summary = {sheet.cell(row=row, column=2).value: sheet.cell(row=row, column=3).value for row in range(11, 17)}
    assert summary == {"Tổng số đơn vị": 4, "Nhóm A (từ 90 trở lên)": 1, "Nhóm B (từ 80 đến dưới 90)": 2,
                       "Nhóm C (từ 70 đến dưới 80)": 0, "Nhóm D (dưới 70)": 1, "Chỉ số trung bình": 73.75}
    assert sheet["B17"].value.startswith("Các cột lĩnh vực (1–2) là chỉ số thành phần")


def test_xlsx_every_sheet_prints_as_a_signed_document(outputs):
    book = load_workbook(outputs / "rank.xlsx")
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "landscape", 1, 0), sheet.title
        assert (round(sheet.page_margins.left * 25.4), round(sheet.page_margins.right * 25.4),
                round(sheet.page_margins.top * 25.4), round(sheet.page_margins.bottom * 25.4)) == (30, 15, 20, 20)
        assert sheet.HeaderFooter.differentFirst and sheet.oddHeader.center.text == "&P"
        assert sheet.oddHeader.center.font == "Times New Roman"
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Times New Roman", (sheet.title, cell.coordinate)
    appendix = book["Phụ lục"]
    assert appendix.print_title_rows == "$5:$5" and appendix.freeze_panes == "A6"
    assert sum(appendix.column_dimensions[letter].width for letter in "ABCDEFG") == 136  # the unit column fills A4's width


def _charts(path):
    """Each chart part of an xlsx: its bar direction, series (title ref, category ref, value ref) and fonts."""
    found = []
    with zipfile.ZipFile(path) as package:
        for name in sorted(n for n in package.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)):
            root = ElementTree.fromstring(package.read(name))
            series = [(ser.findtext(f"{C}tx/{C}strRef/{C}f"), ser.findtext(f"{C}cat/{C}numRef/{C}f") or ser.findtext(f"{C}cat/{C}strRef/{C}f"),
                       ser.findtext(f"{C}val/{C}numRef/{C}f")) for ser in root.iter(f"{C}ser")]
            fonts = {element.get("typeface") for element in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}latin")}
            found.append((root.find(f".//{C}barDir").get("val"), series, fonts))
    return found


def test_xlsx_native_charts_with_their_series(outputs):
    (ranking, ranking_series, fonts), (focus, focus_series, focus_fonts) = _charts(outputs / "rank.xlsx")
    assert ranking == "bar" and focus == "col"
    sheet = "'Biểu đồ'"
    assert ranking_series == [(f"{sheet}!{column}1", f"{sheet}!$A$2:$A$5", f"{sheet}!${column}$2:${column}$5") for column in "BCDE"]
    assert focus_series == [(f"{sheet}!{column}8", f"{sheet}!$A$9:$A$10", f"{sheet}!${column}$9:${column}$10") for column in "BC"]
    assert fonts == focus_fonts == {"Times New Roman"}
    charts = load_workbook(outputs / "rank.xlsx")["Biểu đồ"]
    # one column per group: a unit's index only in its group's column, so each group is a series of its own colour
    assert [[c.value for c in row] for row in charts["A1:E5"]] == [
        ["Đơn vị", "Nhóm A", "Nhóm B", "Nhóm C", "Nhóm D"], ["Sở B", 100, None, None, None], ["Sở A", None, 85, None, None],
        ["Sở C", None, 85, None, None], ["Sở D", None, None, None, 25]]
    assert [[c.value for c in row] for row in charts["A8:C10"]] == [
        ["Lĩnh vực", "Sở D", "Trung bình"], ["1. Lĩnh vực một", 25, 77.09], ["2. Lĩnh vực hai", 25, 68.75]]
    assert [series for _, series, _ in _charts(outputs / "plain.xlsx")] == [ranking_series]  # no --unit: no unit chart


def test_xlsx_sub_indexes_colour_scaled_per_field(outputs):
    sheet = load_workbook(outputs / "rank.xlsx")["Chỉ số thành phần"]
    assert [c.value for c in sheet[3]] == ["Hạng", "Đơn vị", "1. Lĩnh vực một", "2. Lĩnh vực hai"]
    assert [[c.value for c in row] for row in sheet["A4:D7"]] == [[r[0], r[1], r[5], r[6]] for r in ROWS]
    rules = {str(scope.sqref): [rule.type for rule in rules] for scope, rules in sheet.conditional_formatting._cf_rules.items()}
    assert rules == {"C4:C7": ["colorScale"], "D4:D7": ["colorScale"]}
    (rule,) = next(iter(sheet.conditional_formatting._cf_rules.values()))
    assert [c.rgb[-6:] for c in rule.colorScale.color] == ["F8696B", "FFEB84", "63BE7B"]
    assert sheet.row_dimensions[3].height == 48  # short names: the least height


def test_xlsx_sub_index_headings_are_as_tall_as_a_long_field_name_needs(tmp_path, cli):
    """province-2020's field 8, «8. Tác động của CCHC đến người dân, tổ chức và phát triển
    KT-XH của tỉnh» (72 characters), wraps at about 11 bold characters a line in its
    column of 12: at least 7 lines of 15 points (it was cut at 48 points in LibreOffice's PDF)."""
    target = tmp_path / "rank.xlsx"
    assert cli("rank", EXAMPLES / "synthetic-province-2020.xlsx", "-c", "province-2020", "-o", target).exit_code == 0
    sheet = load_workbook(target)["Chỉ số thành phần"]
    heading = sheet.cell(3, 10).value
    assert heading == "8. Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH của tỉnh" and len(heading) == 72
    assert sheet.row_dimensions[3].height >= 15 * 7 + 3


def test_docx_appendix(outputs):
    document = Document(outputs / "rank.docx")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm), section.orientation) == (297, 210, 1)
    assert (round(section.left_margin.mm), round(section.right_margin.mm), round(section.top_margin.mm), round(section.bottom_margin.mm)) == (30, 15, 20, 20)
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size.pt) == ("Times New Roman", 13)
    assert normal.element.rPr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    runs += [run for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs for run in p.runs]
    assert runs and all(run.font.name in (None, "Times New Roman") for run in runs)  # each run in the Normal style's font
    assert all(run._r.rPr is None or run._r.rPr.find(qn("w:lang")) is None for run in runs)  # and its vi-VN
    label, title, subtitle, rule = document.paragraphs[:4]
    assert (label.text, label.runs[0].bold) == ("PHỤ LỤC", True)
    assert title.text == "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC ĐƠN VỊ" and title.runs[0].bold
    assert subtitle.text == "Bộ tiêu chí: A small test set" and subtitle.runs[0].italic
    assert rule.text == "" and rule._p.pPr.find(qn("w:pBdr")) is not None
    (table,) = document.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [["Hạng", "Đơn vị", "Tổng điểm", "Chỉ số", "Nhóm", "1. Lĩnh vực một", "2. Lĩnh vực hai"],
                     ["1", "Sở B", "10,00", "100,00", "A", "100,00", "100,00"], ["2", "Sở A", "8,50", "85,00", "B", "91,67", "75,00"],
                     ["2", "Sở C", "8,50", "85,00", "B", "91,67", "75,00"], ["4", "Sở D", "2,50", "25,00", "D", "25,00", "25,00"]]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[1:])
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert not any(run.bold for row in table.rows[1:] for cell in row.cells for run in cell.paragraphs[0].runs)
    assert table.rows[1].cells[0].paragraphs[0].alignment == 1 and table.rows[1].cells[3].paragraphs[0].alignment == 2  # centred, right
    assert round(sum(cell.width.mm for cell in table.rows[0].cells)) == 297 - 30 - 15
    notes = [line for p in document.paragraphs[4:] for line in p.text.splitlines() if line]  # one paragraph kept whole, a line a note
    assert document.paragraphs[-1].paragraph_format.keep_together
    assert notes[:6] == ["Tổng số đơn vị: 4", "Nhóm A (từ 90 trở lên): 1", "Nhóm B (từ 80 đến dưới 90): 2",
                         "Nhóm C (từ 70 đến dưới 80): 0", "Nhóm D (dưới 70): 1", "Chỉ số trung bình: 73,75"]


def test_english_documents(outputs):
    sheet = load_workbook(outputs / "en.xlsx")["Appendix"]
    assert sheet["A1"].value == "APPENDIX" and sheet["A2"].value == "PAR INDEX RANKING 2024: UNITS"
    assert [c.value for c in sheet[5]][:5] == ["Rank", "Unit", "Points", "Index", "Group"]
    assert load_workbook(outputs / "en.xlsx").sheetnames == ["Appendix", "Charts", "Sub-indexes"]
    document = Document(outputs / "en.docx")
    assert document.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert "Mean index: 73.75" in [line for p in document.paragraphs for line in p.text.splitlines()]
    assert document.tables[0].rows[2].cells[5].text == "91.67"


def test_documents_are_deterministic(outputs):
    assert (outputs / "rank.xlsx").read_bytes() == (outputs / "again.xlsx").read_bytes()
    assert (outputs / "rank.docx").read_bytes() == (outputs / "again.docx").read_bytes()


def test_department_example_counts_and_mean_from_the_raw_cells(cli, tmp_path):
    """The 20 departments' indexes summed here from the workbook's cells (leaf rows, one
    column per department; the set's total is 100), then counted and averaged."""
    totals = {unit: sum(fields.values()) for unit, fields in wide_points(DEPARTMENTS[0]).items()}
    indexes = [total.quantize(D("0.01"), ROUND_HALF_UP) for total in totals.values()]
    expected = {group: sum(1 for i in indexes if low <= i < high) for group, low, high in
                (("A", 90, 1000), ("B", 80, 90), ("C", 70, 80), ("D", 0, 70))}
    mean = (sum(indexes) / len(indexes)).quantize(D("0.01"), ROUND_HALF_UP)
    assert len(indexes) == 20
    target = tmp_path / "departments.docx"
    assert cli("rank", *DEPARTMENTS, "--year", "2024", "-o", target).exit_code == 0
    notes = [line for p in Document(target).paragraphs for line in p.text.splitlines()]
    assert "Tổng số đơn vị: 20" in notes and f"Chỉ số trung bình: {str(mean).replace('.', ',')}" in notes
    for group, count in expected.items():
        assert any(line.startswith(f"Nhóm {group} (") and line.endswith(f": {count}") for line in notes), group
    headings = [cell.text for cell in Document(target).tables[0].rows[0].cells]
    assert headings[5:] == ["1. Chỉ đạo, điều hành", "2. Thủ tục hành chính", "3. Chế độ công vụ", "4. Chính quyền số", "5. Sự hài lòng"]
    assert Document(target).paragraphs[1].text == "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC SỞ, BAN, NGÀNH"


@pytest.mark.parametrize("extra, english, vietnamese", [
    (("--unit", "Sở Z", "-o", "x.xlsx"),
     "parcalc: error: --unit: 'Sở Z' is not a unit of the workbooks (their units: 'Sở B', 'Sở A', 'Sở C', 'Sở D')",
     "parcalc: lỗi: --unit: «Sở Z» không phải là đơn vị nào trong các bảng tính (các đơn vị: 'Sở B', 'Sở A', 'Sở C', 'Sở D')"),
    (("--title", "X"), "parcalc: error: --title: belongs to the appendix: write it with -o FILE.xlsx or -o FILE.docx (not table)",
     "parcalc: lỗi: --title: chỉ dùng cho phụ lục: ghi ra tệp bằng -o TỆP.xlsx hoặc -o TỆP.docx (không phải table)"),
    (("--unit", "Sở A", "-f", "json"), "parcalc: error: --unit: belongs to the appendix: write it with -o FILE.xlsx or -o FILE.docx (not json)",
     "parcalc: lỗi: --unit: chỉ dùng cho phụ lục: ghi ra tệp bằng -o TỆP.xlsx hoặc -o TỆP.docx (không phải json)"),
])
def test_appendix_options_misused(cli, tmp_path, monkeypatch, extra, english, vietnamese):
    monkeypatch.chdir(tmp_path)
    for lang, expected in (("", vietnamese), ("en", english)):
        run = cli(*ARGS[:4], *extra, lang=lang)
        assert (run.exit_code, run.stderr) == (2, expected + "\n")
    assert list(tmp_path.iterdir()) == []


def test_title_plan_and_unit_from_python(tmp_path):
    from parcalc import api

    ranking = api.rank_workbooks([GOOD / "units-wide.xlsx"], SMALL_SET)
    appendix = api.ranking_appendix(ranking, year=2025, title="XẾP HẠNG NĂM {year}", plan="Quyết định số 1/QĐ-UBND", unit="sở  c")
    assert (appendix.title, appendix.plan_line, appendix.focus.unit) == ("XẾP HẠNG NĂM 2025", "(Kèm theo Quyết định số 1/QĐ-UBND)", "Sở C")
    data = api.render_ranking(appendix, "docx")
    document = Document(__import__("io").BytesIO(data))
    assert [p.text for p in document.paragraphs[:4]] == ["PHỤ LỤC", "XẾP HẠNG NĂM 2025", "Bộ tiêu chí: A small test set",
                                                         "(Kèm theo Quyết định số 1/QĐ-UBND)"]
    assert api.render_ranking(ranking, "json") == api.render_ranking(appendix, "json")


def test_nine_fields_share_the_page_without_breaking_short_headings(cli, tmp_path):
    """Two provinces of the 2020 set (nine fields): in Word, Hạng, Nhóm and the points keep
    the width their headings need and the fields share the rest; in Excel the unit
    column narrows before the page shrinks."""
    from tests.conftest import LAM_DONG

    args = ("rank", LAM_DONG, EXAMPLES / "synthetic-province-2020.xlsx", "--criteria", "province-2020", "--assume-full")
    assert cli(*args, "-o", tmp_path / "p.docx").exit_code == 0
    widths = [round(cell.width.mm, 1) for cell in Document(tmp_path / "p.docx").tables[0].rows[0].cells]
    assert widths[0] == 14 and widths[2:5] == [17, 17, 16] and widths[5:] == [17] * 9
    assert round(sum(widths)) == 252 and widths[1] == 252 - 14 - 17 - 17 - 16 - 9 * 17
    assert cli(*args, "-o", tmp_path / "p.xlsx").exit_code == 0
    sheet = load_workbook(tmp_path / "p.xlsx")["Phụ lục"]
    assert sheet.column_dimensions["B"].width == 24 and sheet.column_dimensions["F"].width == 10


def test_the_charts_sheet_is_as_wide_as_its_longest_name(cli, tmp_path):
    long_name = "Cải cách tổ chức bộ máy hành chính nhà nước và tinh giản biên chế"  # 65 characters: cut at 30 before
    criteria = tmp_path / "set.yaml"
    criteria.write_text(SMALL_SET.read_text(encoding="utf-8").replace("name: Lĩnh vực một", f"name: {long_name}"), encoding="utf-8")
    target = tmp_path / "r.xlsx"
    assert cli("rank", GOOD / "units-long.xlsx", "--criteria", criteria, "--unit", "Sở A", "-o", target).exit_code == 0
    charts = load_workbook(target).worksheets[1]
    assert f"1. {long_name}" in [cell.value for cell in charts["A"]]
    assert charts.column_dimensions["A"].width == 60  # len("1. " + name) + 2 = 70, at most 60
