"""A large sheet is cut into bands of rows that python-calamine parses on worker threads.

The bands must give exactly the cells of the whole sheet (a property test over
hand-written sheet XML: rows and cells with and without numbers, shared and inline
strings, TRUE/FALSE, formulas, pretty-printed whitespace, comments and CDATA), and a
sheet is cut only where that is sure."""

from __future__ import annotations

import os
import re
import zipfile
from io import BytesIO
from pathlib import Path
from xml.parsers import expat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parcalc.read import valuesheet, xlsx
from parcalc.core.errors import InputError
from parcalc.read.valuesheet import bands

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Bìa" sheetId="1" r:id="rId1"/><sheet name="Điểm" sheetId="2" r:id="rId2"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"),
    "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"><si><t>Sở Nội vụ</t></si><si><t>1,5</t></si></sst>',
    "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>cover</t></is></c></row></sheetData></worksheet>',
}


def workbook(path: Path, rows_xml: str, *, head: str = "") -> Path:
    """A workbook whose second sheet, 'Điểm', holds `rows_xml` (the first is a cover)."""
    sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{head}<sheetData>{rows_xml}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in {**PARTS, "xl/worksheets/sheet2.xml": sheet}.items():
            book.writestr(name, text)
    return path


def cells_by_row(path: Path) -> dict[int, list]:
    """The sheet 'Điểm' as ValueSheet rows, without the empty ones or trailing blanks."""
    with xlsx.Workbook(path) as book:
        rows = list(book.values("Điểm").rows())
    out = {}
    for number, row in rows:
        while row and row[-1] == "":
            row = row[:-1]
        if row:
            assert number not in out
            out[number] = row
    return out


CELL_VALUES = st.sampled_from([
    '<v>1.5</v>', '<v>0.25</v>', '<v>1.4799999999999999</v>', '<v>0</v>',  # numbers
    't="s"><v>0</v>', 't="s"><v>1</v>',  # shared strings
    't="inlineStr"><is><t>Sở &lt;row r="9"&gt; Tư pháp</t></is>',  # markup escaped in text
    't="b"><v>1</v>', 't="b"><v>0</v>',  # TRUE / FALSE
    '<f>SUM(A1:A2)</f><v>3</v>', '<f>1/0</f>', 't="e"><v>#DIV/0!</v>',  # formulas, errors
    't="inlineStr"><is><t><![CDATA[</row><row r="7"><c r="A7"><v>9</v></c>]]></t></is>',  # CDATA that looks like rows
])


@st.composite
def sheets(draw):
    """Rows as Excel, LibreOffice or hand-written tools write them."""
    parts, number = [], 0
    pretty = draw(st.booleans())
    for _ in range(draw(st.integers(1, 30))):
        number += draw(st.integers(1, 3))
        numbered = draw(st.integers(0, 5)) > 0  # now and then a row without r="..."
        cells, column = [], 0
        for _ in range(draw(st.integers(0, 6))):
            column += draw(st.integers(1, 2))
            value = draw(CELL_VALUES)
            ref = f' r="{chr(64 + column)}{number}"' if draw(st.integers(0, 5)) > 0 else ""
            attrs, _, inner = value.partition(">") if not value.startswith("<") else ("", "", value)
            cells.append(f"<c{ref}{' ' + attrs if attrs else ''}>{inner}</c>")
        if draw(st.integers(0, 15)) == 0:
            cells.append("<!-- a comment with </row><row r=\"3\"> in it -->")
        tag = f'<row r="{number}" spans="1:12">' if numbered else "<row>"
        parts.append(tag + "".join(cells) + "</row>" if cells or numbered else "<row/>")
    return ("\n  " if pretty else "").join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows_xml=sheets(), band_bytes=st.integers(40, 400))
def test_bands_hold_the_cells_of_the_whole_sheet(tmp_path, monkeypatch, rows_xml, band_bytes):
    path = workbook(tmp_path / "units.xlsx", rows_xml)
    whole = cells_by_row(path)
    monkeypatch.setattr(valuesheet, "BAND_BYTES", band_bytes)
    assert cells_by_row(path) == whole


def test_a_large_sheet_is_parsed_in_bands(tmp_path, monkeypatch):
    rows_xml = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>1.{n}</t></is></c><c r="B{n}"><v>{n / 4}</v></c></row>' for n in range(1, 201))
    path = workbook(tmp_path / "units.xlsx", rows_xml)
    monkeypatch.setattr(valuesheet, "BAND_BYTES", 600)
    parsed = []
    real = valuesheet._parse_band
    monkeypatch.setattr(valuesheet, "_parse_band", lambda *args: parsed.append(len(args[2])) or real(*args))
    rows = cells_by_row(path)
    assert len(parsed) > 10 and max(parsed) < 1500  # the bands and their size, with the sheet's head
    assert rows[1] == ["1.1", 0.25] and rows[200] == ["1.200", 50.0] and len(rows) == 200
    assert os.listdir(valuesheet._band_folder()) == []  # each band's temporary file is gone once parsed


def split(xml: bytes, size: int) -> list[bytes]:
    return list(bands(BytesIO(xml), size))


ROWS = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(1, 41))
SHEET = b'<?xml version="1.0"?><worksheet xmlns="' + MAIN.encode() + b'"><sheetData>' + ROWS + b"</sheetData></worksheet>"


def test_each_band_is_a_whole_sheet_document_cut_before_a_numbered_row():
    parts = split(SHEET, 200)
    assert len(parts) > 4
    for part in parts:
        expat.ParserCreate().Parse(part, True)  # well-formed
        body = part.split(b"<sheetData>", 1)[1]
        assert body.startswith(b'<row r="') and body.endswith(b"</sheetData></worksheet>")
    assert b"".join(part.split(b"<sheetData>", 1)[1].removesuffix(b"</sheetData></worksheet>") for part in parts) == ROWS


@pytest.mark.parametrize("xml", [
    SHEET.replace(b"<sheetData>", b"<!-- data --><sheetData>"),  # a comment in the head
    SHEET.replace(b"<worksheet xmlns=", b"<x:worksheet xmlns:x=").replace(b"sheetData>", b"x:sheetData>").replace(b"</worksheet>", b"</x:worksheet>"),
    SHEET.replace(b'<row r="', b'<row s="'),  # rows without numbers
    SHEET.replace(b"<sheetData>", b"<sheetData><?pi </row><row r='5'>?>"),  # markup at the start
], ids=["comment", "prefixed", "unnumbered", "processing-instruction"])
def test_sheets_that_cannot_surely_be_cut_are_one_band(xml):
    assert split(xml, 200) == [xml]


def test_cutting_stops_at_the_first_cdata():
    xml = SHEET.replace(b'<c r="A20"><v>20</v></c>', b'<c r="A20" t="inlineStr"><is><t><![CDATA[</row><row r="2">]]></t></is></c>')
    parts = split(xml, 200)
    assert 1 < len(parts) < len(split(SHEET, 200))
    assert b"CDATA" in parts[-1] and all(b"CDATA" not in part for part in parts[:-1])


def test_a_damaged_band_is_reported_with_the_workbook_and_sheet(tmp_path, monkeypatch):
    path = workbook(tmp_path / "units.xlsx", ROWS.decode())
    monkeypatch.setattr(valuesheet, "BAND_BYTES", 200)
    monkeypatch.setattr(valuesheet, "_parse_band", lambda *args: (_ for _ in ()).throw(ValueError("XML error at row 12")))
    with pytest.raises(InputError, match=r"units.xlsx, trang tính «Điểm»: bảng tính bị hỏng \(XML error at row 12\)"):
        cells_by_row(path)


def _band(rows: list[tuple[int, list[str]]]) -> bytes:
    """A sheet's XML of the given (row number, cell refs) rows, each cell holding 1."""
    body = "".join(f'<row r="{number}">' + "".join(f'<c r="{ref}"><v>1</v></c>' for ref in refs) + "</row>" for number, refs in rows)
    return f'<worksheet xmlns="{MAIN}"><sheetData>{body}</sheetData></worksheet>'.encode()


# Rows 1 to 30,001: MOST_CELLS / 30,001 = 666 columns at most (ZZ is 702, AAA 703).
TALL = 30_001


@pytest.mark.parametrize(("cells", "span"), [
    (["ZZ7"], "A1:ZZ30001"),  # two letters past the limit, among A-column cells
    (["AB7", "ZZ9", "AC8"], "A1:ZZ30001"),  # the widest is said
    (["AB7", "AZ9"], None),  # two letters within the limit (AZ is 52)
    ([f"AB{row}" for row in range(2, 102)] + ["ZZ500"], "A1:ZZ30001"),  # past 64 such refs: looked at by the regex
    ([f"AB{row}" for row in range(2, 102)], None),
    (["zz7"], None),  # lower case: not a column calamine reads so
])
def test_a_cell_far_right_in_a_tall_band_is_refused(cells, span):
    rows = {1: ["A1"], TALL: [f"A{TALL}"]}
    for ref in cells:
        rows.setdefault(int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")), []).append(ref)
    xml = _band(sorted(rows.items()))
    if span is None:
        valuesheet.check_extent(xml)
    else:
        with pytest.raises(valuesheet.SheetTooLarge) as refused:
            valuesheet.check_extent(xml)
        assert refused.value.args[0] == span


def test_an_attribute_ending_in_r_is_not_a_reference():
    xml = _band([(1, ["A1"]), (TALL, [f"A{TALL}"])]).replace(b'<c r="A1">', b'<c r="A1" xr="ZZ7">', 1)
    valuesheet.check_extent(xml)
    with pytest.raises(valuesheet.SheetTooLarge):
        valuesheet.check_extent(xml.replace(b' xr="ZZ7"', b' r="ZZ7"'))


def _column_by_regex(xml: bytes, first: int, last: int) -> str | None:
    """The span the column check refused a band by before it used `find` (commit 2a384fe):
    one regex over the band, the widest reference of enough letters."""
    limit = valuesheet.MOST_CELLS // max(1, last - first + 1)
    if limit >= 16_384:
        return None
    letters = 1 if limit < 26 else 2 if limit < 702 else 3
    found = [ref.group(1) for ref in re.finditer(rb'\sr="([A-Z]{%d,7})[0-9]' % letters, xml)]
    widest = max(found, key=lambda column: (len(column), column), default=None)
    return f"A{first}:{widest.decode()}{last}" if widest and valuesheet._column(widest) > limit else None


REFS = st.sampled_from(["A", "Z", "AB", "AZ", "BA", "ZZ", "AAA", "ABC", "XFD", "ab", "zz", "aBc"])


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(st.tuples(REFS, st.integers(1, 99), st.sampled_from([' r="', ' xr="', " r='", '<t> r="'])), max_size=80),
       last=st.sampled_from([2, 1_500, 30_001, 800_000, 1_048_576]))
def test_the_column_check_refuses_what_the_regex_refused(cells, last):
    body = "".join(f'<c{attribute}{letters}{number}"><v>1</v></c>' for letters, number, attribute in cells)
    xml = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{body}</row><row r="{last}"><c r="A{last}"/></row></sheetData></worksheet>'.encode()
    try:
        valuesheet._check_columns(xml, xml.translate(valuesheet._REF_SHAPES), 1, last)
        refused = None
    except valuesheet.SheetTooLarge as span:
        refused = span.args[0]
    assert refused == _column_by_regex(xml, 1, last)
