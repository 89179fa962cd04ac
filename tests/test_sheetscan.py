"""The scan of a sheet's bytes (parcalc.read.sheetscan) finds exactly the cells that the
strict reader reads as a formula without a saved result or an Excel error, on random
sheets written as Excel, LibreOffice, openpyxl or by hand; where it cannot be sure it
says so, and only there."""

from __future__ import annotations

import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parcalc.read import xlsx
from parcalc.read.sheetscan import CellFacts
from parcalc.read.valuesheet import bands
from tests.test_valuesheet import workbook

CELLS = st.sampled_from([
    '<v>1.5</v>', 't="s"><v>0</v>', 't="inlineStr"><is><t>t="e" &lt;f&gt;x&lt;/f&gt;&lt;/c&gt;</t></is>', 't="b"><v>1</v>',
    '<f>SUM(A1:A2)</f><v>3</v>', '<f>SUM(A1:A2)</f>', '<f>A1*2</f><v></v>', '<f>A1*2</f><v/>',  # calculated or not
    '<f t="shared" ref="A1:A9" si="0">B1</f><v>2</v>', '<f t="shared" si="0"/><v>2</v>', '<f t="shared" si="0"/>',
    't="str"><f>IF(A1,"","x")</f><v></v>', 't="str"><f>A1</f><v>x</v>', 't="e"><v>#DIV/0!</v>', 't="e"><f>1/0</f><v>#N/A</v>',
    't="e"><f>1/0</f><v></v>', 't="e"><v></v>', 't="e"/>', 't="b"><f>TRUE()</f>', 't="d"><f>TODAY()</f>',
    '<f>A1</f>\n  <v>4</v>', '<v>5</v><f>A1</f>', '<v></v><f>A1</f>', 't="inlineStr"><is><t>=A1</t></is>',
])


@st.composite
def sheets(draw, *, unsure: bool):
    """Rows of random cells; `unsure` also draws what the scan cannot follow (a cell
    without its reference, a comment among the rows)."""
    rows, number = [], 0
    for _ in range(draw(st.integers(1, 12))):
        number += draw(st.integers(1, 3))
        cells, column = [], 0
        for _ in range(draw(st.integers(0, 6))):
            column += draw(st.integers(1, 2))
            value = draw(CELLS)
            ref = "" if unsure and draw(st.integers(0, 6)) == 0 else f' r="{chr(64 + column)}{number}"'
            style = ' s="1"' if draw(st.booleans()) else ""
            attrs, _, inner = value.partition(">") if not value.startswith("<") else ("", "", value)
            cell = f"<c{ref}{style}{' ' + attrs if attrs else ''}>{inner}</c>" if not attrs.endswith("/") else f"<c{ref}{style} {attrs}>"
            cells.append(cell)
        if unsure and draw(st.integers(0, 8)) == 0:
            cells.append('<!-- <c r="Z1"><f>A1</f></c> -->')
        rows.append(f'<row r="{number}">' + "".join(cells) + "</row>")
    return ("\n" if draw(st.booleans()) else "").join(rows)


def strict(path: Path) -> dict[str, tuple[str, str]]:
    with xlsx.Workbook(path) as book:
        return {ref: (cell.kind, cell.text) for ref, cell in book.unread_cells("Điểm").items()}


def scanned(path: Path, band_bytes: int) -> dict[str, tuple[str, str]] | None:
    facts = CellFacts()
    with zipfile.ZipFile(path) as archive, archive.open("xl/worksheets/sheet2.xml") as stream:
        for xml in bands(stream, band_bytes):
            facts.learn(xml)
    return facts.unread


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows_xml=sheets(unsure=False), band_bytes=st.sampled_from([60, 300, 1 << 20]))
def test_the_scan_finds_what_the_strict_reader_finds(tmp_path, rows_xml, band_bytes):
    path = workbook(tmp_path / "units.xlsx", rows_xml)
    assert scanned(path, band_bytes) == strict(path)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows_xml=sheets(unsure=True))
def test_the_scan_is_right_or_says_it_cannot_tell(tmp_path, rows_xml):
    path = workbook(tmp_path / "units.xlsx", rows_xml)
    found = scanned(path, 1 << 20)
    assert found is None or found == strict(path)


def test_a_sheet_without_formulas_or_errors_has_nothing_unread(tmp_path):
    path = workbook(tmp_path / "units.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>Sở &lt;f&gt;</t></is></c><c r="B1"><v>1</v></c></row>')
    assert scanned(path, 1 << 20) == {}


def test_a_sheet_with_a_namespace_prefix_is_left_to_the_strict_reader(tmp_path):
    facts = CellFacts()
    facts.learn(b'<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"><x:f>B1</x:f></x:c></x:row></x:sheetData></x:worksheet>')
    assert facts.unread is None


def test_cells_shown_as_percentages_are_found_in_the_bands(tmp_path):
    rows = '<row r="1"><c r="A1" s="2"><v>0.5</v></c><c r="B1" s="3"><v>1</v></c></row><row r="2"><c r="C2" s="2"><v>1</v></c></row>'
    facts = CellFacts(frozenset({2}))
    for xml in bands(__import__("io").BytesIO(workbook_xml(rows)), 80):
        facts.learn(xml)
    assert facts.percent == {"A1", "C2"}


def workbook_xml(rows: str) -> bytes:
    return f'<?xml version="1.0"?><worksheet xmlns="m"><sheetData>{rows}</sheetData></worksheet>'.encode()
