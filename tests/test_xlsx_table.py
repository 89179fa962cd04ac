"""A long table's rows are written as the sheet's XML at save (parcalc.write.xlsx_table),
and must be the bytes openpyxl writes for the same cells: the reference here is openpyxl
itself, given the same values, looks and heights as cells of its own."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Border, Font, Side

from parcalc.write import ooxml
from parcalc.write.xlsx_styles import CellStyles, alignment
from parcalc.write.xlsx_table import Table, save_order

FONTS = (Font(name="Times New Roman", size=11), Font(name="Times New Roman", size=11, bold=True))
BORDERS = (Border(left=Side(style="thin")), Border(top=Side(style="thin"), bottom=Side(style="thin")))
FORMATS = (None, "0", "0.00", "0.000", "@")
ALIGNS = (None, alignment(horizontal="center"), alignment(wrap=True))
LOOKS = st.tuples(st.sampled_from(FONTS), st.sampled_from(BORDERS), st.sampled_from(ALIGNS), st.sampled_from(FORMATS))

# what a document's cells hold: figures as the engine gives them, whole numbers, text
# (never a formula: writers put a quote before "="; never a character XML cannot hold)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12).filter(
    lambda text: not text.startswith("=") and not ILLEGAL_CHARACTERS_RE.search(text))
VALUES = st.one_of(
    st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.integers(-(10**20), 10**20), st.none(), st.just(""), TEXT,
    st.sampled_from([" lề", "cuối ", "   ", "a & b <c> \"d\" 'e'", "x\ty\nz\rw", "Xã 😀", "\u00a0nbsp", "Sở Tư pháp"]))
ROWS = st.lists(st.tuples(st.one_of(st.none(), st.sampled_from([15.0, 18.0, 33.0, 48.5])),
                          st.lists(st.tuples(VALUES, LOOKS), min_size=1, max_size=6)), max_size=12)


def _style(styles: CellStyles, sheet, look):
    font, border, align, number_format = look
    return styles.look(sheet, font=font, border=border, align=align, number_format=number_format)


def _workbook(rows, first: int, above: list, below: list, as_table: bool) -> bytes:
    """A workbook whose first sheet holds `above` (cells above the rows), the rows from
    row `first`, then `below` two rows after them, and a second sheet with a cell of a
    look of its own; the rows as a Table, or as openpyxl's own cells."""
    book = Workbook()
    sheet = book.active
    styles = CellStyles()
    for column, (value, look) in enumerate(above, start=1):
        styles.put(sheet.cell(row=1, column=column, value=value), font=look[0], border=look[1], align=look[2], number_format=look[3])
    table = Table(sheet, first)
    for offset, (height, cells) in enumerate(rows):
        if as_table:
            table.add([(value, _style(styles, sheet, look)) for value, look in cells], height)
            continue
        for column, (value, look) in enumerate(cells, start=1):
            styles.put(sheet.cell(row=first + offset, column=column, value=value),
                       font=look[0], border=look[1], align=look[2], number_format=look[3])
        if height is not None:
            sheet.row_dimensions[first + offset].height = height
    for column, (value, look) in enumerate(below, start=1):
        styles.put(sheet.cell(row=first + len(rows) + 2, column=column, value=value),
                   font=look[0], border=look[1], align=look[2], number_format=look[3])
    other = book.create_sheet("Khác")
    styles.put(other.cell(row=2, column=2, value="khác"), font=Font(name="Arial", italic=True), border=BORDERS[0])
    return ooxml.xlsx_bytes(book, [table] if as_table else [])


@settings(max_examples=80, deadline=None)
@given(ROWS, st.integers(1, 4), st.lists(st.tuples(VALUES, LOOKS), max_size=3), st.lists(st.tuples(VALUES, LOOKS), max_size=3))
def test_a_table_is_the_bytes_openpyxl_writes_for_the_same_cells(rows, first, above, below):
    first = first + (1 if above else 0)  # the table starts below the cells above it
    assert _workbook(rows, first, above, below, as_table=True) == _workbook(rows, first, above, below, as_table=False)


def _sheet_xml(package: bytes, part: str = "xl/worksheets/sheet1.xml") -> str:
    return zipfile.ZipFile(io.BytesIO(package)).read(part).decode("ascii")


def test_a_sheet_of_only_a_table_says_its_rows_and_its_dimension():
    book = Workbook()
    styles = CellStyles()
    look = styles.look(book.active, font=FONTS[1], border=BORDERS[0], number_format="0.00")
    table = Table(book.active, 3)
    table.add([("Xã A", look), (Decimal("75.15"), look)], 18.0)
    table.add([(None, look), (Decimal("0.996"), look), (7, look)])
    xml = _sheet_xml(ooxml.xlsx_bytes(book, [table]))
    assert '<dimension ref="A3:C4"/>' in xml
    assert ('<sheetData><row r="3" ht="18" customHeight="1"><c r="A3" s="1" t="inlineStr"><is><t>X&#227; A</t></is></c>'
            '<c r="B3" s="1" t="n"><v>75.15000000000001</v></c></row>'
            '<row r="4"><c r="A4" s="1" t="n"></c><c r="B4" s="1" t="n"><v>0.996</v></c><c r="C4" s="1" t="n"><v>7</v></c></row>'
            '</sheetData>') in xml
    again = load_workbook(io.BytesIO(ooxml.xlsx_bytes(book, [table]))).active
    assert [[cell.value for cell in row] for row in again.iter_rows(min_row=3)] == [["Xã A", 75.15, None], [None, 0.996, 7]]


def test_characters_xml_cannot_hold_are_left_out_where_openpyxl_refuses_them():
    book = Workbook()
    look = CellStyles().look(book.active, font=FONTS[0], border=BORDERS[0])
    table = Table(book.active, 1)
    table.add([("Sở\x07 Tư\x00 pháp\x1f", look)])
    assert load_workbook(io.BytesIO(ooxml.xlsx_bytes(book, [table]))).active["A1"].value == "Sở Tư pháp"


@pytest.mark.parametrize("row", [2, 3])
def test_an_openpyxl_cell_among_a_tables_rows_is_refused(row):
    book = Workbook()
    look = CellStyles().look(book.active, font=FONTS[0], border=BORDERS[0])
    table = Table(book.active, 2)
    table.add([("a", look)])
    table.add([("b", look)])
    book.active.cell(row=row, column=4, value="in the way")
    with pytest.raises(AssertionError, match=f"row {row}"):
        save_order(book, [table])


def test_every_part_is_deflated_at_the_chosen_level():
    """The parts, a table's sheet (written in pieces) and the others, are each what zlib
    gives at ooxml.DEFLATE_LEVEL: 3 (see its measurement), not zlib's default 6."""
    import zlib

    book = Workbook()
    look = CellStyles().look(book.active, font=FONTS[0], border=BORDERS[0])
    table = Table(book.active, 1)
    for number in range(400):
        table.add([(f"Xã {number}", look), (Decimal(number % 97) / 4, look)])
    package = zipfile.ZipFile(io.BytesIO(ooxml.xlsx_bytes(book, [table])))
    assert ooxml.DEFLATE_LEVEL == 3
    for info in package.infolist():
        data = package.read(info)
        deflate = zlib.compressobj(ooxml.DEFLATE_LEVEL, zlib.DEFLATED, -15)
        assert (info.filename, info.compress_size) == (info.filename, len(deflate.compress(data) + deflate.flush()))
    sheet = package.getinfo("xl/worksheets/sheet1.xml")
    default = zlib.compressobj(6, zlib.DEFLATED, -15)
    assert sheet.compress_size != len(default.compress(package.read(sheet)) + default.flush())  # the level tells them apart here
