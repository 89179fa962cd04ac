"""A one-unit sheet read by python-calamine (parcalc.read.smallsheet) gives exactly the
strict reader's rows, hidden rows and merged ranges, on random sheets written by hand
(numbers as spreadsheets store them, text, TRUE/FALSE, formulas with and without a
saved result, errors, percentages, hidden rows, merged cells); or it says that the
strict reader must read the sheet, and only where it cannot be sure."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parcalc import api
from parcalc.core.errors import InputError
from parcalc.core.numbers import from_stored_number
from parcalc.read import smallsheet, xlsx
from parcalc.read.smallsheet import calamine_rows, sheet_values
from tests.test_sheetscan import CELLS
from tests.test_valuesheet import MAIN, PARTS

STYLES = (  # style 1 shows a percentage, style 2 a date
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
NUMBERS = st.sampled_from(['<v>1.4799999999999999</v>', '<v>1E-3</v>', '<v>-2</v>', '<v>0</v>', '<v>12345678901234567</v>', '<v>0.5</v>'])
# text runs with spaces at an end marked to keep them, as Excel, LibreOffice and openpyxl
# write them (calamine drops such spaces of an unmarked run, the strict reader keeps them)
TEXTS = st.sampled_from(['t="s"><v>0</v>', 't="s"><v>1</v>', 't="inlineStr"><is><t xml:space="preserve"> 4 điểm </t></is>',
                         't="inlineStr"><is><r><t xml:space="preserve">Tiêu </t></r><r><t>chí</t></r></is>', 't="str"><v>x</v>', 't="b"><v>0</v>'])


def book_with(path: Path, rows_xml: str, tail: str = "") -> Path:
    """A workbook whose second sheet, 'Điểm', holds `rows_xml` (and `tail` after its
    rows: merged cells), with styles for a percentage and a date."""
    sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{rows_xml}</sheetData>{tail}</worksheet>'
    parts = {**PARTS, "xl/worksheets/sheet2.xml": sheet, "xl/styles.xml": STYLES}
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>", '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
                            'Target="styles.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            book.writestr(name, text)
    return path


@st.composite
def sheets(draw, *, dates: bool):
    """Rows of random cells, some rows hidden, some cells merged; `dates` also puts a
    cell shown as a date."""
    rows, number, used = [], 0, []
    for _ in range(draw(st.integers(1, 10))):
        number += draw(st.integers(1, 3))
        cells, column = [], 0
        for _ in range(draw(st.integers(0, 6))):
            column += draw(st.integers(1, 2))
            value = draw(st.one_of(CELLS, NUMBERS, TEXTS))
            style = draw(st.sampled_from(["", ' s="1"', *([' s="2"'] if dates else [])]))
            attrs, _, inner = value.partition(">") if not value.startswith("<") else ("", "", value)
            ref = f' r="{chr(64 + column)}{number}"'
            cells.append(f"<c{ref}{style}{' ' + attrs if attrs else ''}>{inner}</c>" if not attrs.endswith("/") else f"<c{ref}{style} {attrs}>")
            used.append((number, column))
        hidden = ' hidden="1"' if draw(st.integers(0, 4)) == 0 else ""
        rows.append(f'<row r="{number}"{hidden}>' + "".join(cells) + "</row>")
    merged = ""
    if used and draw(st.booleans()):
        row, column = draw(st.sampled_from(used))
        merged = f'<mergeCells count="1"><mergeCell ref="{chr(64 + column)}{row}:{chr(65 + column)}{row + 1}"/></mergeCells>'
    return "".join(rows), merged


def shown(rows: list[tuple[int, dict[int, xlsx.Cell]]]) -> list:
    """The rows with each number as Excel shows it (15 significant digits: the strict
    reader keeps 1.4799999999999999 as stored, calamine's float gives 1.48); scoring
    reads both as 1.48 (numbers.from_stored_number)."""
    return [(number, {column: (cell.ref, cell.kind, from_stored_number(cell.text) if cell.kind in ("number", "percent") else cell.text)
                      for column, cell in cells.items()}) for number, cells in rows]


# A text formula's empty result (IF(...;"";...)): the strict reader gives a cell of no
# text, which nothing reads (a blank); calamine gives none. So the strict reading to
# compare with is that of the sheet without such cells (a hidden row of only such
# cells is then no hidden row with values either).
_EMPTY_TEXT = re.compile(r'<c r="\w+"(?: s="\d")? t="str"><f>[^<]*</f><v></v></c>')


def both(path: Path, rows_xml: str, merged: str = "") -> tuple[object, object]:
    """(calamine_rows' reading, the strict reader's), each with the hidden rows and merged ranges."""
    book_with(path, rows_xml, merged)
    with xlsx.Workbook(path) as book:
        found = sheet_values(book, "Điểm", 20_000)
        quick = calamine_rows(book, "Điểm", found) if found is not None else None
        quick = None if quick is None else (shown(quick), book.hidden["Điểm"], book.merged["Điểm"])
    book_with(path, _EMPTY_TEXT.sub("", rows_xml), merged)
    with xlsx.Workbook(path) as book:
        strict = (shown(list(book.rows("Điểm"))), book.hidden["Điểm"], book.merged["Điểm"])
    return quick, strict


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=sheets(dates=False))
def test_the_rows_are_the_strict_reader_s(tmp_path, sheet):
    """Left to the strict reader: a value written before its formula (<v>5</v><f>A1</f>:
    calamine drops it) and a stored value that is not a number (a text formula's result,
    an error: the strict reader tells them from damage by the cell's type)."""
    quick, strict = both(tmp_path / "units.xlsx", *sheet)
    assert quick == (None if re.search(r"</v>\s*<f", sheet[0]) or not all(map(_stored_number, re.findall(r"<v>([^<]*)</v>", sheet[0])))
                     else strict)


def _stored_number(text: str) -> bool:
    try:
        return text == text.strip() and float(text) - float(text) == 0 and "_" not in text
    except ValueError:
        return False


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=sheets(dates=True))
def test_a_sheet_with_a_date_is_left_to_the_strict_reader(tmp_path, sheet):
    rows_xml, merged = sheet
    quick, strict = both(tmp_path / "units.xlsx", rows_xml, merged)
    # a number shown as a date, up to the last day of Excel's calendar (calamine gives larger ones as numbers)
    dated = any(float(value) < 2_958_466 for value in re.findall(r'<c r="\w+" s="2">(?:<f[^>]*>[^<]*</f>|<f[^>]*/>)?\s*<v>([^<]+)</v>', rows_xml))
    assert quick == (None if dated or re.search(r"</v>\s*<f", rows_xml) or not all(map(_stored_number, re.findall(r"<v>([^<]*)</v>", rows_xml)))
                     else strict)


@pytest.mark.parametrize("rows_xml", [
    '<!-- a comment --><row r="1"><c r="A1"><v>1</v></c></row>',  # the scan cannot follow it
    '<row r="1"><c r="A1" s="2"><v>45000</v></c></row>',  # a date: 59 and 60 are both 1900-02-28 to calamine
    "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 5)),  # more rows than one unit's table
    '<row r="1"><c r="A1"><v>1</v></c><c r="Z1"><v>12,5</v></c></row>',  # damage calamine reads as text: the strict reader refuses it
    '<row r="1"><c r="A1"><v>1</v></c><row r="2"><c r="A2"><v>2</v></c></row>',  # not well-formed (a row's end lost): calamine reads on
    # the order the strict reader requires, which calamine reads past:
    '<row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>',  # rows out of order
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="B1"><v>2</v></c></row>',  # a row given twice
    '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>',  # a cell given twice
    '<row r="1"><c r="A1"><v>1</v></c><c r="A2"><v>2</v></c></row>',  # a cell of another row
    '<row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c></row>',  # a cell without its reference
    '<row><c r="A1"><v>1</v></c></row>',  # a row without its number
    '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="zz"/></row>',  # a cell type none of Excel's
    '<row r="1"><c r="a1"><v>1</v></c></row>',  # a reference in small letters
    '<row r="1"><?pi <row r="2">?><c r="A2"><v>1</v></c></row>',  # a processing instruction holding a tag
    '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',  # a row below Excel's last
])
def test_what_the_strict_reader_reads(tmp_path, rows_xml):
    path = book_with(tmp_path / "units.xlsx", rows_xml)
    with xlsx.Workbook(path) as book:
        found = sheet_values(book, "Điểm", 3)
        assert found is None or calamine_rows(book, "Điểm", found) is None


@pytest.mark.parametrize("rows_xml", [
    '<row r="1" spans="1:2"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1</f><v>1</v></c></row>',
    "<row r='1'><c r = 'A1' t = 'n'><v>2</v></c></row>",  # quoted and spaced otherwise, as XML allows
    '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>1</v></c></row><row r="3"/><row r="7"><c r="B7"/></row>',
])
def test_what_calamine_reads(tmp_path, rows_xml):
    path = book_with(tmp_path / "units.xlsx", rows_xml)
    with xlsx.Workbook(path) as book:
        strict = list(book.rows("Điểm"))
        assert calamine_rows(book, "Điểm", sheet_values(book, "Điểm", 20)) == strict


def test_a_sheet_of_no_more_rows_than_the_limit_is_read(tmp_path):
    path = book_with(tmp_path / "units.xlsx", "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 4)))
    with xlsx.Workbook(path) as book:
        rows = calamine_rows(book, "Điểm", sheet_values(book, "Điểm", 3))
    assert rows == [(n, {1: xlsx.Cell(f"A{n}", str(n), "number")}) for n in range(1, 4)]


def test_a_cell_far_away_is_left_to_the_strict_reader_not_allocated(tmp_path):
    path = book_with(tmp_path / "units.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')
    with xlsx.Workbook(path) as book:
        assert sheet_values(book, "Điểm", 20_000) is None


def test_an_error_cell_in_a_unit_s_sheet_is_named_as_the_strict_reader_names_it(tmp_path):
    """Two units' sheets (so the sheets layout, read by calamine): the error is said at its cell."""
    from openpyxl import Workbook

    book = Workbook()
    for index, name in enumerate(["Sở A", "Sở B"]):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = name
        sheet.append(["STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"])
        sheet.append(["1", "Một", 4, 3.5])
        sheet.append(["2", "Hai", 6, "=1/0" if index else 5])
    path = tmp_path / "units.xlsx"
    book.save(path)
    with pytest.raises(InputError) as raised:
        api.score_units([path], totals_only=True)
    (problem,) = raised.value.problems
    assert problem.where == f"{path}, sheet 'Sở B', cell D3"
    assert problem.message.render("en") == "2: holds a formula whose result was never saved: open the workbook in Excel or LibreOffice, let it calculate, save, and try again"


def test_a_sheet_read_whole_gives_its_rows_as_the_banded_reading_does(tmp_path):
    """A table that starts at C3 (blank rows above, blank columns left): the rows that find
    a one-unit workbook's layout are the banded reading's, numbered and padded alike."""
    path = book_with(tmp_path / "units.xlsx", '<row r="3"><c r="C3" t="inlineStr"><is><t>STT</t></is></c><c r="D3"><v>1</v></c></row>'
                                               '<row r="5"><c r="D5"><v>2.5</v></c></row>')
    with xlsx.Workbook(path) as book:
        banded = list(book.values("Điểm").rows())
        whole = list(sheet_values(book, "Điểm", 20).numbered_rows())
    assert whole == banded == [(3, ["", "", "STT", 1.0]), (4, ["", "", "", ""]), (5, ["", "", "", 2.5])]


def test_small_parts_alike_are_read_once_and_parts_that_differ_each_time(tmp_path, monkeypatch):
    """Files made from one template share their sheet index and styles: what was read of
    them serves the next file whose parts are the same bytes, and only it."""
    monkeypatch.setattr(xlsx, "_READ_PARTS", {})
    first = book_with(tmp_path / "a.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>')
    same = book_with(tmp_path / "b.xlsx", '<row r="1"><c r="A1"><v>2</v></c></row>')
    with xlsx.Workbook(first) as book:
        assert (book.sheet_names, book.percent_styles()) == (["Bìa", "Điểm"], frozenset({1}))
    reads: list[str] = []
    for name in ("_read_sheet_index", "_read_percent_styles"):
        real = getattr(xlsx.Workbook, name)
        monkeypatch.setattr(xlsx.Workbook, name, lambda self, real=real, name=name: reads.append(name) or real(self))
    with xlsx.Workbook(same) as book:
        assert (book.sheet_names, book.percent_styles(), reads) == (["Bìa", "Điểm"], frozenset({1}), [])
        assert book._styles_part == "xl/styles.xml"
    other = book_with(tmp_path / "c.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>')
    with zipfile.ZipFile(other) as source:  # style 2 a percentage too, the sheet named otherwise
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/styles.xml"] = parts["xl/styles.xml"].replace(b'numFmtId="164" applyNumberFormat', b'numFmtId="9" applyNumberFormat')
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace("Điểm".encode(), "Điểm 2".encode())
    with zipfile.ZipFile(other, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with xlsx.Workbook(other) as book:
        assert (book.sheet_names, book.percent_styles()) == (["Bìa", "Điểm 2"], frozenset({1, 2}))
    assert reads == ["_read_sheet_index", "_read_percent_styles"]
    swapped = book_with(tmp_path / "d.xlsx", '<row r="1"><c r="A1"><v>3</v></c></row>')
    with zipfile.ZipFile(swapped) as source:  # the same workbook.xml, its sheets' parts swapped in the relationships
        parts = {name: source.read(name) for name in source.namelist()}
    rels = parts["xl/_rels/workbook.xml.rels"]
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(b"sheet1.xml", b"SHEET").replace(b"sheet2.xml", b"sheet1.xml").replace(b"SHEET", b"sheet2.xml")
    with zipfile.ZipFile(swapped, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with xlsx.Workbook(swapped) as book:
        assert b"<v>3</v>" in book.sheet_xml("Bìa") and b"<v>3</v>" not in book.sheet_xml("Điểm")


def test_a_part_remembered_is_refused_all_the_same_when_over_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "_READ_PARTS", {})
    path = book_with(tmp_path / "a.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>')
    xlsx.Workbook(path).close()
    monkeypatch.setattr(xlsx, "_MAX_PART", 100)  # the limit of a part's size, as a zip bomb's
    with pytest.raises(InputError, match="_rels/.rels"):
        xlsx.Workbook(path)
    monkeypatch.setattr(xlsx, "_MAX_PART", 512 << 20)
    monkeypatch.setattr(xlsx, "_READ_PARTS", {})
    monkeypatch.setattr(xlsx, "_SMALL_PART", 100)  # larger parts are not remembered
    with xlsx.Workbook(path) as book:
        book.percent_styles()
    assert xlsx._READ_PARTS == {}


def test_a_damaged_index_is_refused_each_time(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "_READ_PARTS", {})
    path = book_with(tmp_path / "a.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>')
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"</workbook>", b"")
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    for _ in range(2):
        with pytest.raises(InputError, match="xl/workbook.xml"):
            xlsx.Workbook(path)
    assert xlsx._READ_PARTS == {}


def test_the_parts_remembered_are_bounded(monkeypatch):
    monkeypatch.setattr(xlsx, "_READ_PARTS", {})
    monkeypatch.setattr(xlsx, "_MOST_READ_PARTS", 2)
    for number in range(5):
        xlsx._remember(("index", bytes([number])), number)
        assert len(xlsx._READ_PARTS) <= 2 and xlsx._READ_PARTS[("index", bytes([number]))] == number
    xlsx._remember(None, 9)  # a part not read as bytes (large, damaged): nothing to know it by
    assert 9 not in xlsx._READ_PARTS.values()


# A sheet's numbers replaced: by other numbers (its checks are then known again) or by
# text that may break the XML or a tag (then it is checked afresh).
_HELD = re.compile(rb"<v>([^<]*)</v>")
_VALUE_TEXTS = st.text(alphabet="0123456789.eE+-<>&\"'/x ", max_size=6)


@settings(max_examples=300, deadline=None)
@given(sheet=sheets(dates=True), data=st.data())
def test_a_sheet_known_again_by_its_skeleton_is_checked_as_it_would_be(sheet, data):
    """Whether a sheet is well-formed and plainly ordered is known again from a sheet
    whose bytes differ only in the numbers its <v> elements hold, and only then."""
    rows_xml, merged = sheet
    first = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{rows_xml}</sheetData>{merged}</worksheet>'.encode()
    held = _HELD.findall(first)
    texts = [data.draw(st.one_of(st.just(text.decode()), _VALUE_TEXTS)) for text in held]
    pieces = iter(texts)
    second = _HELD.sub(lambda _: b"<v>" + next(pieces).encode() + b"</v>", first)
    at = data.draw(st.integers(0, len(second)))
    second = second[:at] + data.draw(st.sampled_from([b"", b"<", b"&", b"1", b"</v>", b"<v>2</v>"])) + second[at:]
    smallsheet._STRICT_ENOUGH.clear()
    smallsheet._strict_enough(first)  # remembered if it passes
    assert smallsheet._strict_enough(second) == (smallsheet._well_formed(second) and smallsheet._plainly_ordered(second))


def test_a_sheet_in_an_encoding_python_does_not_know_is_not_well_formed():
    """expat asks Python for the declared encoding and raises LookupError, not ExpatError
    (hypothesis found it inserting a byte into "UTF-8")."""
    sheet = f'<?xml version="1.0" encoding="U1TF-8"?><worksheet xmlns="{MAIN}"><sheetData/></worksheet>'.encode()
    assert not smallsheet._well_formed(sheet)
    assert smallsheet._well_formed(sheet.replace(b"U1TF-8", b"UTF-8"))


_TWO_NUMBERS = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
                '<c r="B1"><v>{}</v></c></row><row r="2"><c r="B2"><f>B1</f><v>{}</v></c></row></sheetData></worksheet>')


def _checked_again(xml: bytes) -> bool:
    raise AssertionError("checked again")


def test_a_sheet_whose_numbers_alone_differ_is_not_checked_again(monkeypatch):
    monkeypatch.setattr(smallsheet, "_STRICT_ENOUGH", set())
    assert smallsheet._strict_enough(_TWO_NUMBERS.format("4", "4").encode())
    monkeypatch.setattr(smallsheet, "_well_formed", _checked_again)
    monkeypatch.setattr(smallsheet, "_plainly_ordered", _checked_again)
    assert smallsheet._strict_enough(_TWO_NUMBERS.format("0.5", "-1E-3").encode())
    assert smallsheet._strict_enough(_TWO_NUMBERS.format("", "7").encode())
    for other in ("4&", "x", "<b/>"):  # another skeleton: checked
        with pytest.raises(AssertionError, match="checked again"):
            smallsheet._strict_enough(_TWO_NUMBERS.format(other, "4").encode())


def test_the_skeletons_remembered_are_bounded(monkeypatch):
    monkeypatch.setattr(smallsheet, "_STRICT_ENOUGH", set())
    monkeypatch.setattr(smallsheet, "_MOST_SKELETONS", 2)
    for number in range(5):
        sheet = _TWO_NUMBERS.replace('r="2"', f'r="{number + 2}"').replace('r="B2"', f'r="B{number + 2}"').format(1, 1).encode()
        assert smallsheet._strict_enough(sheet)
        assert len(smallsheet._STRICT_ENOUGH) <= 2 and smallsheet._NUMBERS_HELD.sub(b"<v></v>", sheet) in smallsheet._STRICT_ENOUGH
    monkeypatch.setattr(smallsheet, "_MOST_SKELETON", 100)  # a larger sheet is checked, not remembered
    smallsheet._STRICT_ENOUGH.clear()
    assert smallsheet._strict_enough(_TWO_NUMBERS.format(1, 1).encode()) and not smallsheet._STRICT_ENOUGH
