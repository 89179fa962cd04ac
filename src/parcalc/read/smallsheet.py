"""A one-unit sheet's rows read by python-calamine, exactly as the strict reader
(xlsx.Workbook.rows) gives them, for workbooks with a sheet per unit.

The strict reader costs ~19 µs a cell: `rank` of a workbook of 500 departments' sheets
spent 4.3 of its 15 s there, where python-calamine reads every sheet in 0.5 s
(benchmarks/bench_matrix.py --only "sheets 500", 2026-11-30). What calamine does not
say is found in the sheet's bytes, as for the wide and long layouts (sheetscan):
hidden rows, formulas without a saved result, Excel errors, percentages. Numbers are
the same decimals either way (both go through 15 significant digits,
numbers.from_stored_number).

A sheet is left to the strict reader, which then says what is wrong with it or reads
it as before, when the scan cannot follow it (a namespace prefix, comments, a DTD),
when a cell's value is written before its formula, when it is not UTF-8 or not
well-formed, when its rows and cells are not in the order the strict reader requires
(each once, rising, each cell in its row, of one of Excel's types), when a stored
value is not a number (a text formula's result, an error, damage), when it has more
rows than one unit's table, and when a cell shows a date or a time (calamine gives
those as dates, and 59 and 60 both as 1900-02-28: the number typed cannot be told
again). So `rank` reads a unit's sheet as `score` does, or refuses it as `score` does
(tests/test_fuzz_inputs.py asks both of mutated sheets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Iterator
from xml.parsers import expat

from ..core.errors import InputError
from .sheetscan import CellFacts
from .valuesheet import check_extent, hidden_rows
from .xlsx import CELL_TYPES, FINITE_STORED_NUMBER, Cell, check_encoding, column_index, column_letter

if TYPE_CHECKING:
    from .xlsx import Workbook

# <v> before <f>: no tool writes it, and calamine drops that value (the strict reader keeps it)
_VALUE_BEFORE_FORMULA = re.compile(rb"</v>\s*<f[\s>/]")
# A stored value that is not a finite number as a number cell holds one (xlsx.STORED_NUMBER): a
# text formula's result, an error, or damage ("12,5" in a number cell), which calamine
# reads as text and the strict reader refuses at its cell. Such a sheet is the strict
# reader's: one search, in C, over the sheet's bytes.
_NOT_A_STORED_NUMBER = re.compile(rf"<v>(?!{FINITE_STORED_NUMBER}</v>)".encode("ascii"))

# Each row's and cell's start tag: a row's number, a cell's column letters, row number
# and type, where the tag gives them (a cell's type after its reference, as Excel,
# LibreOffice and openpyxl write it)
_TAGS = re.compile(rb"""<(?:row(?=[\s/>])(?:[^>]*?\sr\s*=\s*["']([0-9]+)["'])?"""
                   rb"""|c(?=[\s/>])(?:[^>]*?\sr\s*=\s*["']([A-Z]{1,3})([0-9]+)["'])?(?:[^>]*?\st\s*=\s*["']([^"']*)["'])?)""")
_TYPES = frozenset({b"", *(kind.encode("ascii") for kind in CELL_TYPES)})

Rows = list[tuple[int, dict[int, Cell]]]


@dataclass(frozen=True)
class SheetValues:
    """A sheet as calamine reads it, with what its bytes say beside: `values` holds its
    rows from row `top` + 1 and column `left` + 1, all equally long."""

    values: list[list]
    top: int
    left: int
    hidden: frozenset[int]  # the rows the sheet hides
    merged: tuple[tuple[int, int, int, int], ...]  # (first row, first column, last row, last column), 1-based
    unread: dict[str, tuple[str, str]]  # ref -> (kind, text) of cells calamine shows empty (sheetscan)
    percent: frozenset[str]  # refs of cells shown as a percentage

    def numbered_rows(self) -> Iterator[tuple[int, list]]:
        """(row number, [value of column A, B, ...]) of each row from the first with a
        value, as ValueSheet.rows gives them."""
        padding = [""] * self.left
        return ((number, padding + values if padding else values) for number, values in enumerate(self.values, self.top + 1))

    def rows(self) -> tuple[Rows, list[int]] | None:
        """(the rows as the strict reader gives them, the hidden rows with cells it left
        out), or None if a cell shows a date or a time."""
        unread_by_row: dict[int, dict[int, Cell]] = {}
        for ref, (kind, text) in self.unread.items():
            letters = ref.rstrip("0123456789")
            unread_by_row.setdefault(int(ref[len(letters):]), {})[column_index(letters)] = Cell(ref, text, kind)
        rows: Rows = []
        hidden_with_cells: list[int] = []
        for number, row_values in enumerate(self.values, self.top + 1):
            cells = unread_by_row.pop(number, {})
            if not self.row_cells(number, row_values, cells):
                return None
            _keep(rows, hidden_with_cells, self.hidden, number, cells)
        for number in sorted(unread_by_row):  # rows calamine shows empty: only such cells
            _keep(rows, hidden_with_cells, self.hidden, number, unread_by_row[number])
        rows.sort(key=lambda row: row[0])
        return rows, sorted(hidden_with_cells)

    def row_cells(self, number: int, row_values: list, cells: dict[int, Cell]) -> bool:
        """Add a row's values to `cells` as the strict reader's cells (TRUE as "1", as it
        is stored); False if one shows a date or a time."""
        # one loop, no call per cell: 220,000 cells took 1.0 s through a function per
        # cell, 0.7 s so (with Cell a named tuple; 2026-11-30, /tmp/t_q.py's timing of
        # calamine_rows over the 500 sheets of bench_matrix.py)
        letters, numbers, percent, left, row = self._letters, self._number_texts, self.percent, self.left, str(number)
        for offset, value in enumerate(row_values):
            if value == "":
                continue
            ref = letters[offset] + row
            kind = type(value)
            if kind is str:
                cells[left + 1 + offset] = Cell(ref, value, "text")
            elif kind is float or kind is int:
                text = numbers.get(value)
                if text is None:
                    text = numbers[value] = format(value, ".15g")
                cells[left + 1 + offset] = Cell(ref, text, "percent" if ref in percent else "number")
            elif kind is bool:
                cells[left + 1 + offset] = Cell(ref, "1" if value else "0", "bool")
            else:
                return False  # a date or a time (datetime.date, .time, .timedelta)
        return True

    @cached_property
    def _letters(self) -> list[str]:
        width = len(self.values[0]) if self.values else 0
        return [column_letter(index) for index in range(self.left + 1, self.left + 1 + width)]

    @cached_property
    def _number_texts(self) -> dict[float, str]:  # rows share most numbers: each formatted once
        return {}


def sheet_values(book: Workbook, sheet: str, most_rows: int) -> SheetValues | None:
    """`sheet` read by calamine, or None for a sheet the strict reader must read (see the
    module's docstring)."""
    xml = book.sheet_xml(sheet)
    if (b"<!" in xml or _VALUE_BEFORE_FORMULA.search(xml) or _NOT_A_STORED_NUMBER.search(xml) or not _utf8(xml)
            or xml.count(b"<row") > most_rows or not _strict_enough(xml)):
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
    merged = tuple((first[0] + 1, first[1] + 1, last[0] + 1, last[1] + 1) for first, last in found.merged_cell_ranges or ())
    return SheetValues(values, top, left, frozenset(hidden_rows(xml)), merged, facts.unread, frozenset(facts.percent))


def calamine_rows(book: Workbook, sheet: str, found: SheetValues) -> Rows | None:
    """(row number, {column: cell}) of each row with a cell of `sheet` (read as `found`),
    hidden rows left out (and kept in `book.hidden`, merged ranges in `book.merged`), as
    `book.rows(sheet)` gives them; None if a cell shows a date or a time."""
    read = found.rows()
    if read is None:
        return None
    rows, book.hidden[sheet] = read
    book.merged[sheet] = list(found.merged)
    return rows


def _keep(rows: Rows, hidden_with_cells: list[int], hidden: frozenset[int], number: int, cells: dict[int, Cell]) -> None:
    if not cells:
        return
    if number in hidden:
        hidden_with_cells.append(number)  # not read, as the strict reader does not
    else:
        rows.append((number, dict(sorted(cells.items()))))


def _strict_enough(xml: bytes) -> bool:
    """Whether the sheet is well-formed and plainly ordered (below). Both are known,
    without checking again, for a sheet whose bytes differ from those of a sheet that
    passed only in the numbers its <v> elements hold: digits, a point, an exponent and
    signs are well-formed text wherever a <v> stands, and no tag the order check reads.
    (A sheet that passed holds no `<!` and at most one `<?`, so each such match in it is
    a <v> element.) Copies of one template, a sheet or a workbook per unit, are so: the
    two checks took 0.70 s of 500 sheets, the skeletons 0.05 s, and `rank` of the 500
    went from 3.09 to 2.15 s (bench_matrix.py --only "sheets 500", 2026-12-01)."""
    skeleton = _NUMBERS_HELD.sub(b"<v></v>", xml) if len(xml) <= _MOST_SKELETON else None
    if skeleton is not None and skeleton in _STRICT_ENOUGH:
        return True
    if not (_well_formed(xml) and _plainly_ordered(xml)):
        return False
    if skeleton is not None:
        if len(_STRICT_ENOUGH) >= _MOST_SKELETONS:
            _STRICT_ENOUGH.clear()
        _STRICT_ENOUGH.add(skeleton)
    return True


# the numbers <v> elements hold, as Excel, LibreOffice and openpyxl write them (or a blank)
_NUMBERS_HELD = re.compile(rb"<v>[-+.0-9eE]*</v>")
# skeletons of sheets that passed, each at most a one-unit sheet's size (about 22 KB for 110 rows)
_STRICT_ENOUGH: set[bytes] = set()
_MOST_SKELETON, _MOST_SKELETONS = 256 << 10, 16


def _well_formed(xml: bytes) -> bool:
    """Whether the sheet is well-formed XML, as the strict reader requires (calamine reads
    past a missing end tag, found by tests/test_fuzz_inputs.py). expat without handlers,
    in C: 0.5 ms for the 22 KB sheet of one unit's 110 rows (timeit, 2026-12-01), about
    0.15 s of the 500 sheets' 2.3 s (bench_matrix.py --only "sheets 500": 2.16 -> 2.32 s)."""
    try:
        expat.ParserCreate().Parse(xml, True)
    except (expat.ExpatError, LookupError):  # LookupError: an encoding Python does not know (hypothesis found it)
        return False
    return True


def _plainly_ordered(xml: bytes) -> bool:
    """Whether every row and cell names its reference, the rows rise, each cell is in
    its row and given once, and each cell's type is one of Excel's: what the strict
    reader requires (xlsx._SheetReader), in the forms spreadsheets write it. calamine
    reads past a row out of order, a cell given twice or in another row (the fuzz test
    found it), so a sheet that is not so is the strict reader's, which refuses it or
    reads it. One search in C and a loop over the tags: about 1.1 ms for the 545 tags of
    one unit's sheet, 0.55 s of the 2.6 s of `api.rank_workbooks` on bench_matrix.py's
    500 sheets (medians of 5 with it and with a no-op in its place, 2026-12-01); the
    same checks by an expat handler per element took 1.3 ms a sheet more than expat alone."""
    if xml.count(b"<?") > 1:  # a processing instruction among the rows may hold tags
        return False
    last, row, columns = 0, None, set()
    for number, letters, cell_row, kind in _TAGS.findall(xml):
        if number:
            if int(number) <= last:
                return False
            last, row, columns = int(number), number, set()
        elif cell_row == row and letters not in columns and kind in _TYPES:  # b"" when a cell gives no row or type
            columns.add(letters)
        else:
            return False
    return True  # a row below Excel's last is refused by valuesheet.check_extent


def _utf8(xml: bytes) -> bool:
    try:
        check_encoding(xml[:200], "")  # type: ignore[arg-type]
    except InputError:
        return False
    return True
