"""A one-unit sheet's rows read by python-calamine, exactly as the strict reader
(xlsx.Workbook.rows) gives them, for workbooks with a sheet per unit.

The strict reader costs ~19 µs a cell: `rank` of a workbook of 500 departments' sheets
spent 4.3 of its 15 s there, where python-calamine reads every sheet in 0.5 s
(benchmarks/bench_matrix.py --only "sheets 500", 2026-11-30). What calamine does not
say is found in the sheet's bytes, as for the wide and long layouts (sheetscan):
hidden rows, formulas without a saved result, Excel errors, percentages. Numbers are
the same decimals either way (both go through 15 significant digits, numbers.from_stored_number).

A sheet is left to the strict reader, which then says what is wrong with it or reads
it as before, when the scan cannot follow it (a namespace prefix, comments, a DTD),
when a cell's value is written before its formula, when it is not UTF-8, when it has more rows than one unit's table, and when a cell
shows a date or a time (calamine gives those as dates, and 59 and 60 both as
1900-02-28: the number typed cannot be told again).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .sheetscan import CellFacts
from .valuesheet import check_extent, hidden_rows
from ..core.errors import InputError
from .xlsx import Cell, check_encoding, column_index, column_letter

if TYPE_CHECKING:
    from .xlsx import Workbook

# <v> before <f>: no tool writes it, and calamine drops that value (the strict reader keeps it)
_VALUE_BEFORE_FORMULA = re.compile(rb"</v>\s*<f[\s>/]")


def calamine_rows(book: Workbook, sheet: str, most_rows: int) -> list[tuple[int, dict[int, Cell]]] | None:
    """(row number, {column: cell}) of each row with a cell, hidden rows left out (and
    kept in `book.hidden`, merged ranges in `book.merged`), as `book.rows(sheet)` gives
    them; None for a sheet the strict reader must read (see the module's docstring)."""
    xml = book.sheet_xml(sheet)
    if b"<!" in xml or _VALUE_BEFORE_FORMULA.search(xml) or not _utf8(xml) or xml.count(b"<row") > most_rows:
        return None
    facts = CellFacts(book.percent_styles())
    facts.learn(xml)
    if facts.unread is None:
        return None
    try:
        check_extent(xml)  # calamine allocates the rectangle its cells span
        found = book.calamine().get_sheet_by_name(sheet)
        values = found.to_python()
    except Exception:  # noqa: BLE001 - too large or damaged: the strict reader says which, at its cell
        return None
    top, left = found.start or (0, 0)
    hidden = set(hidden_rows(xml))
    unread_by_row: dict[int, dict[int, Cell]] = {}
    for ref, (kind, text) in facts.unread.items():
        letters = ref.rstrip("0123456789")
        unread_by_row.setdefault(int(ref[len(letters):]), {})[column_index(letters)] = Cell(ref, text, kind)
    rows: list[tuple[int, dict[int, Cell]]] = []
    hidden_with_cells: list[int] = []
    letters = [column_letter(index) for index in range(left + 1, left + 1 + max(map(len, values), default=0))]
    number_texts: dict[float, str] = {}  # rows share most numbers: each formatted once
    percent = facts.percent
    # one loop, no call per cell: 220,000 cells took 1.0 s through a function per cell, 0.xx s so
    for number, row_values in enumerate(values, top + 1):
        cells = unread_by_row.pop(number, {})
        row = str(number)
        for offset, value in enumerate(row_values):
            if value == "":
                continue
            ref = letters[offset] + row
            kind = type(value)
            if kind is str:
                cells[left + 1 + offset] = Cell(ref, value, "text")
            elif kind is float or kind is int:
                text = number_texts.get(value)
                if text is None:
                    text = number_texts[value] = format(value, ".15g")
                cells[left + 1 + offset] = Cell(ref, text, "percent" if ref in percent else "number")
            elif kind is bool:
                cells[left + 1 + offset] = Cell(ref, "1" if value else "0", "bool")  # as stored, as the strict reader gives it
            else:
                return None  # a date or a time (datetime.date, .time, .timedelta)
        _keep(rows, hidden_with_cells, hidden, number, cells)
    for number in sorted(unread_by_row):  # rows calamine shows empty: only such cells
        _keep(rows, hidden_with_cells, hidden, number, unread_by_row[number])
    rows.sort(key=lambda row: row[0])
    book.hidden[sheet] = sorted(hidden_with_cells)
    book.merged[sheet] = [(first[0] + 1, first[1] + 1, last[0] + 1, last[1] + 1) for first, last in found.merged_cell_ranges or ()]
    return rows


def _keep(rows: list, hidden_with_cells: list[int], hidden: set[int], number: int, cells: dict[int, Cell]) -> None:
    if not cells:
        return
    if number in hidden:
        hidden_with_cells.append(number)  # not read, as the strict reader does not
    else:
        rows.append((number, dict(sorted(cells.items()))))


def _utf8(xml: bytes) -> bool:
    try:
        check_encoding(xml[:200], "")
    except InputError:
        return False
    return True
