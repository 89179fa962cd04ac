"""The long layout: one row per unit and code, with a unit column (Đơn vị / unit).

A long sheet of 10,000 units is a million rows, so it is read with python-calamine
(the strict reader costs ~14 µs a cell) and kept as the rows' values: each row's unit,
code, name, points and standard points. A unit's code cells are settled (CodeColumn)
once for all the units that list the same codes under the same names, and the units
that give points for the same codes with the same standard points become one
ColumnGroup, which parcalc.core.columnar scores by columns as it scores a wide sheet.
Each unit is still an Appraisal when asked (`LongUnits.appraisals`), as before.
`rank` of a million rows (10,000 units x 100 codes) went from 26.4x a bare calamine
read of the file to 2.85x, peak memory from 2.4 GB to 0.95 GB (calamine's 0.48 GB):
installed copies, medians of 3 interleaved, python /tmp/read13/bench.py
VENV_MAIN,VENV_THIS 3 "long=/tmp/read13/long-10000.xlsx::rank /tmp/read13/long-10000.xlsx -f csv".
Of what is left, the bands' streaming (ValueSheet.rows) is ~1.3x calamine's own read.

python-calamine shows a formula without a saved result and an Excel error cell as
empty: the sheet's scan (sheetscan) names them, and they are refused at their cell as
the strict reader refuses them; so are cells shown as a percentage.
"""

from __future__ import annotations

import gc
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby, repeat
from operator import eq, itemgetter
from decimal import Decimal
from typing import TYPE_CHECKING, Iterator, Mapping, Sequence

from ..core import codes
from ..core.columnar import CodeRow, ColumnGroup
from ..core.errors import InputError, Problem
from ..core.messages import Msg, Place
from ..core.model import Appraisal, Entry, Finding
from .cells import cell_number, is_not_applicable, value_points
from .code_column import NODE, CodeColumn, RowCode
from .headers import HEADER_SEARCH_ROWS, Layout, header_roles, is_column_numbering
from .workbook import hidden_note
from .xlsx import Cell, Workbook, column_letter, value_cell

if TYPE_CHECKING:
    from .valuesheet import ValueSheet

_MAX_PROBLEMS = 50
UNIT, CODE, NAME, POINTS, MAX = range(5)  # the values kept of each row, in this order
_NO_UNIT: list[int] = []  # the rows of a unit cell that names no unit: never filled


def unit_name(text: str) -> str:
    """A unit's name as compared: Unicode NFC (a name typed in decomposed form is the
    same unit) and single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class LongUnits:
    """A long sheet's units in the order the sheet first names them: as column groups
    (`groups`), and one by one as Appraisals (`appraisals()`)."""

    units: tuple[str, ...]
    groups: tuple[ColumnGroup, ...]
    findings: tuple[Finding, ...]  # what reading noticed: each unit's but where the units list the same rows
    sheet: "_LongSheet"
    marks: bool = False  # a points cell says "không áp dụng" (-, x, KAD): --na may change its unit's scale


    def appraisals(self) -> list[Appraisal]:
        return [self.sheet.appraisal(unit) for unit in self.units]


def read_long(book: Workbook, sheet: str) -> LongUnits:
    with _cycles_not_sought():
        return _LongSheet(book, sheet).read()


@contextmanager
def _cycles_not_sought() -> Iterator[None]:
    """Python's cycle collector paused while a long sheet is read: its reading keeps a
    tuple per row, and the collector's passes over all of them (35 for a million rows,
    as the tuples grow) found nothing to free (gc.get_stats), since the reading makes
    no cycles: api.rank_workbooks of bench_matrix.py's million rows took 13.8 and 14.0 s
    with it, 12.0 and 11.5 s without (2026-12-01). That is a Python user's run: the
    command line already collects rarely (launch.GC_NEW_OBJECTS), and its time did not
    move. Objects without cycles are freed as ever; the collector runs again after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@dataclass
class _Settled:
    """The code column of the units that list the same codes under the same names:
    what CodeColumn made of each row, and of the first such unit, what it noticed."""

    kinds: list[RowCode]
    findings: list[Finding]
    nodes: list[int]  # the positions of the node rows among the unit's rows
    twice: list[tuple[int, int]]  # (position, position of the same code's first row)
    first: str  # the first unit whose rows say so


@dataclass
class _Group:
    """Units whose rows say the same codes with the same standard points, blank alike."""

    settled: _Settled
    units: list[str] = field(default_factory=list)
    rows: list[list[int]] = field(default_factory=list)  # each unit's node rows' positions
    points: list[list] = field(default_factory=list)  # each unit's node rows' points values


class _LongSheet:
    def __init__(self, book: Workbook, sheet: str) -> None:
        self.book, self.sheet, self.filename = book, sheet, book.name
        self.sheet_place = Place(book.name).sheet(sheet)
        self.problems: list[tuple[int, int, Problem]] = []  # (row, order in the row, problem): said in the sheet's order
        self.points_of: dict[tuple[type, object, bool], Decimal | None | ValueError] = {}  # values recur: each read once
        self.settled: dict[tuple, _Settled] = {}
        self.key_of: dict[str, tuple] = {}
        self.hidden_seen: list[int] = []

    def place(self, column: int, number: int) -> Place:
        return self.sheet_place.cell(f"{column_letter(column + 1)}{number}")

    def read(self) -> LongUnits:
        values = self.book.values(self.sheet)
        hidden = values.hidden_rows  # known for each band before its rows are read
        stream = values.stream()
        layout = _unit_header(((number, row) for number, row in stream if number not in hidden), self.filename, self.sheet)
        columns = layout.columns
        if "points" not in columns:
            raise InputError.at(self.sheet_place.row(layout.header_row), "the long layout needs a points column (Điểm thẩm định, points); add it")
        self.columns = tuple(columns[role] - 1 if role in columns else -1 for role in ("unit", "code", "name", "points", "max"))
        self.numbers: list[int] = []
        self.cells: list[tuple] = []  # each row's values (UNIT, CODE, NAME, POINTS, MAX) as python-calamine gives them
        self.by_unit: dict[str, list[int]] = {}  # a unit -> its rows' positions in `cells`
        self.rows_of: dict[object, list[int]] = {}  # a unit cell's value -> its unit's rows (or _NO_UNIT): each name worked out once
        self.nameless: list[tuple[int, tuple]] = []
        self.first = True  # no row with a value read yet below the header
        for start, block in stream.blocks():  # a band's rows at a time
            numbers: Sequence[int] = range(start, start + len(block))
            if self.first or (hidden and not hidden.isdisjoint(numbers)):  # rare rows, one at a time
                kept = [(number, row) for number, row in zip(numbers, block) if self._ordinary(number, row, hidden)]
                numbers, block = [number for number, _ in kept], [row for _, row in kept]
            self._add(numbers, block)
        self.unread = self._unread(values)
        self.percent = values.cells.percent
        for number, cells in self.nameless:
            self._no_unit(number, cells)
        return self._units(layout)

    def _ordinary(self, number: int, row: list, hidden: set[int]) -> bool:
        """Whether a row is read as the others: not one the sheet hides (kept to be said),
        nor the column numbering (1) (2) (3) right under the header."""
        if number in hidden:
            if any(value != "" for value in row):
                self.hidden_seen.append(number)
            return False
        if self.first and any(value != "" and (type(value) is not str or value.strip()) for value in row):
            self.first = False
            return not is_column_numbering([_text(value) for value in row])
        return True

    def _add(self, numbers: Sequence[int], rows: list[list]) -> None:
        """Keep the rows with a code, each in its unit's rows: by zip, set and groupby, a
        few Python steps per band and per run of one unit's rows, not per row.
        read_long of bench_matrix.py's million rows took 9.7 s with Python steps per
        row, 8.9 s so (two interleaved rounds each, 2026-11-30)."""
        by_column = list(zip(*rows))  # the band's columns; a band's rows end at its own last used column
        picked = list(zip(*(by_column[index] if 0 <= index < len(by_column) else repeat("", len(rows)) for index in self.columns)))
        codes = list(map(itemgetter(CODE), picked))
        blank = {code for code in set(codes) if code == "" or (type(code) is str and not code.strip())}
        if blank:
            kept = [index for index, code in enumerate(codes) if code not in blank]
            picked, numbers = [picked[index] for index in kept], [numbers[index] for index in kept]
        units = list(map(itemgetter(UNIT), picked))
        rows_of, named = self.rows_of, dict.fromkeys(units)  # in the order the sheet names them
        for value in [value for value in named if value not in rows_of]:
            unit = unit_name(_text(value))
            rows_of[value] = self.by_unit.setdefault(unit, []) if unit else _NO_UNIT
        if any(rows_of[value] is _NO_UNIT for value in named):  # rare: rows that name no unit, said later
            for number, cells in zip(numbers, picked):
                unit_rows = rows_of[cells[UNIT]]
                if unit_rows is _NO_UNIT:
                    self.nameless.append((number, cells))
                    continue
                unit_rows.append(len(self.cells))
                self.numbers.append(number)
                self.cells.append(cells)
            return
        position = len(self.cells)
        self.cells += picked
        self.numbers += numbers
        for value, run in groupby(units):
            count = len(list(run))
            rows_of[value].extend(range(position, position + count))
            position += count

    def _unread(self, values: "ValueSheet") -> Mapping[str, Cell]:
        scanned = values.cells.unread
        if scanned is None:  # a sheet the scan cannot tell: the strict reader says
            return self.book.unread_cells(self.sheet)
        return {ref: Cell(ref, text, kind) for ref, (kind, text) in scanned.items()}

    def _no_unit(self, number: int, cells: tuple) -> None:
        text = _text(cells[CODE])
        unit_ref = f"{column_letter(self.columns[UNIT] + 1)}{number}"
        if unit_ref in self.unread:  # an error or a formula never calculated where the unit belongs
            self._refuse(number, 0, UNIT, text.strip(), self.unread[unit_ref])
        elif codes.normalize_code(text) or codes.roman_value(text):
            self.problems.append((number, 0, Problem(self.place(self.columns[CODE], number), Msg(
                "the row of {code} names no unit; write the unit in the unit column", code=text.strip()))))

    def _refuse(self, number: int, order: int, role: int, code: str, cell: Cell) -> None:
        try:
            cell_number(cell)
        except ValueError as exc:
            self.problems.append((number, order, Problem(self.place(self.columns[role], number), Msg("{code}: {reason}", code=code, reason=_reason(exc)))))

    def _settle(self, unit: str, key: tuple, positions: list[int]) -> _Settled:
        """The unit's code column, settled once for the units whose rows say the same."""
        self.key_of[unit] = key
        if key not in self.settled:
            column = CodeColumn()
            kinds = [column.read(_text(self.cells[p][CODE]), unit_name(_text(self.cells[p][NAME])), self.place(self.columns[CODE], self.numbers[p]))
                     for p in positions]
            nodes, first_of, twice = [], {}, []
            for position, kind in enumerate(kinds):
                if kind.role == NODE:
                    if kind.code in first_of:
                        twice.append((position, first_of[kind.code]))
                    else:
                        first_of[kind.code] = position
                        nodes.append(position)
            self.settled[key] = _Settled(kinds, column.findings, nodes, twice, unit)
        return self.settled[key]

    def _twice(self, unit: str, positions: list[int], position: int, first: int, kind: RowCode) -> None:
        p = positions[position]
        self._row_points(p, kind)  # its cells' problems come first, as in its row
        self._maximum(p, kind.code)
        self.problems.append((self.numbers[p], 2, Problem(self.place(self.columns[CODE], self.numbers[p]), Msg(
            "unit {unit!r} has {code} twice (first at {first}); keep one row", unit=unit, code=kind.code,
            first=self.place(self.columns[CODE], self.numbers[positions[first]])))))

    def _unseen(self, number: int, code: str | None, value: object, role: int, order: int) -> bool:
        """Whether the cell holds what python-calamine does not show (a formula without a
        saved result, an error, a percentage), which is then refused as a problem."""
        if value == "" and self.unread:
            ref = f"{column_letter(self.columns[role] + 1)}{number}"
            if ref in self.unread:
                self._refuse(number, order, role, code, self.unread[ref])  # type: ignore[arg-type]
                return True
        elif type(value) is float and self.percent:
            ref = f"{column_letter(self.columns[role] + 1)}{number}"
            if ref in self.percent:
                self._refuse(number, order, role, code, Cell(ref, value_cell(ref, value).text, "percent"))  # type: ignore[arg-type]
                return True
        return False

    def _blank(self, value: object) -> bool:
        """Whether a points value is a blank (a text may be a dash)."""
        if type(value) is not str:
            return value == ""
        try:
            return value_points(value) is None
        except ValueError:
            return False  # refused when its group is read

    def _points(self, number: int, code: str, value: object, role: int, order: int, negative: bool = False) -> Decimal | None:
        """A points or standard points cell's points; a problem at the cell if it holds none."""
        if self._unseen(number, code, value, role, order):
            return None
        points = self._value(value, negative)
        if isinstance(points, ValueError):
            self.problems.append((number, order, Problem(self.place(self.columns[role], number), Msg("{code}: {reason}", code=code, reason=_reason(points)))))
            return None
        return points

    def _units(self, layout: Layout) -> LongUnits:
        """The units that have node rows, grouped: per unit a few C-level passes over its
        rows (no Python call per row), the values read once per group and column (3.6 s
        where a call per row and cell took 7.5 s, on the million rows, time.perf_counter
        around read_long's steps on a loaded machine)."""
        hidden = [number for number in self.hidden_seen if number > layout.header_row]
        self.notes = [hidden_note(self.place(0, hidden[0]), hidden)] if hidden else []
        groups: dict[tuple, _Group] = {}
        findings: list[Finding] = []
        marks = False
        units = []
        cells, code_name, points_of, max_of = self.cells, itemgetter(CODE, NAME), itemgetter(POINTS), itemgetter(MAX)
        for unit, positions in self.by_unit.items():
            unit_rows = [cells[p] for p in positions]
            key = tuple(map(code_name, unit_rows))
            settled = self._settle(unit, key, positions)
            if not settled.nodes:
                continue  # totals and headings only: no unit
            units.append(unit)
            if settled.first == unit:  # the first unit to list its rows so speaks for the others
                findings += [*self.notes, *settled.findings]
            for position, first in settled.twice:
                self._twice(unit, positions, position, first, settled.kinds[position])
            nodes = [unit_rows[k] for k in settled.nodes]
            points = list(map(points_of, nodes))
            if str in set(map(type, points)):  # texts: a number written as text, a dash, "không áp dụng"
                blanks = tuple(map(self._blank, points))
                marks = marks or any(map(is_not_applicable, points))
            else:
                blanks = tuple(map(eq, points, repeat("")))
            maxima = tuple(map(max_of, nodes))  # with their types: as keys TRUE == 1 == 1.0, and a group checks its first unit's maxima
            group = groups.setdefault((key, maxima, tuple(map(type, maxima)), blanks), _Group(settled))
            group.units.append(unit)
            group.rows.append([positions[k] for k in settled.nodes])
            group.points.append(points)
        read = [self._group(group) for group in groups.values()]  # every value is checked here
        if self.problems:
            self.problems.sort(key=itemgetter(0, 1))
            raise InputError(*[problem for _, _, problem in self.problems[:_MAX_PROBLEMS]])
        if not units:
            raise InputError.at(self.sheet_place, "no rows with a unit and a criterion code; write the criterion codes in the code column")
        return LongUnits(tuple(units), tuple(read), tuple(findings), self, marks)

    def _row_points(self, position: int, kind: RowCode) -> Decimal | None:
        return self._points(self.numbers[position], kind.code, self.cells[position][POINTS], POINTS, 0, negative=kind.block == "penalty")  # type: ignore[arg-type]

    def _maximum(self, position: int, code: str | None) -> Decimal | None:
        return self._points(self.numbers[position], code, self.cells[position][MAX], MAX, 1)  # type: ignore[arg-type]

    def _group(self, group: _Group) -> ColumnGroup | None:
        """Units alike as one group of columns, a CodeRow and a column of points values per
        node row, each distinct value read once; None, and problems, if a value is wrong."""
        settled, before = group.settled, len(self.problems)
        columns = list(zip(*group.points))
        tables = []
        for index, column in enumerate(columns):
            kind = settled.kinds[settled.nodes[index]]
            tables.append(self._column(group, index, kind.code, column, POINTS, kind.block == "penalty"))
            self._column(group, index, kind.code, (self.cells[group.rows[0][index]][MAX],) * len(group.units), MAX, False)
        if self.unread or self.percent:  # rare: a sheet with such cells; each cell looked at
            for rows in group.rows:
                for index, p in enumerate(rows):
                    code = settled.kinds[settled.nodes[index]].code
                    self._unseen(self.numbers[p], code, self.cells[p][POINTS], POINTS, 0)
                    self._unseen(self.numbers[p], code, self.cells[p][MAX], MAX, 1)
        if len(self.problems) > before:
            return None
        first = self.appraisal(group.units[0])
        code_rows = tuple(CodeRow(self.numbers[group.rows[0][index]], entry.code, entry.name, entry.max, table, entry.where["code"],
                                  entry.points, entry.kind) for index, (entry, table) in enumerate(zip(first.entries, tables)))
        return ColumnGroup(tuple(group.units), code_rows, tuple(columns), first)

    def _column(self, group: _Group, index: int, code: str | None, column: Sequence, role: int, negative: bool) -> dict[object, Decimal | None]:
        """Each distinct value of a node row's column -> its points; a problem at each cell
        of a value that is no points."""
        table: dict[object, Decimal | None] = {}
        wrong: set[tuple[type, object]] = set()
        for value in set(column):
            points = self._value(value, negative)
            table[value] = None if isinstance(points, ValueError) else points
            if isinstance(points, ValueError):
                wrong.add((type(value), value))
        if wrong or bool in set(map(type, column)):  # as a key True == 1.0: the set may have kept only one of them
            for rows, cell in zip(group.rows, column):
                if type(cell) is bool or (type(cell), cell) in wrong:
                    number = self.numbers[rows[index]]
                    self.problems.append((number, role - POINTS, Problem(self.place(self.columns[role], number), Msg(
                        "{code}: {reason}", code=code, reason=_reason(self._value(cell, negative))))))  # type: ignore[arg-type]
        return table

    def _value(self, value: object, negative: bool) -> Decimal | None | ValueError:
        """A value's points (None for a blank), or why it holds none: each value read once."""
        if value == "" and type(value) is str:
            return None
        key = (type(value), value, negative)
        if key not in self.points_of:
            try:
                self.points_of[key] = value_points(value, negative=negative)
            except ValueError as exc:
                self.points_of[key] = exc
        return self.points_of[key]

    def appraisal(self, unit: str) -> Appraisal:
        """One unit's rows, as one unit's sheet is read (its own code column's findings)."""
        positions = self.by_unit[unit]
        settled = self.settled[self.key_of[unit]]
        column = CodeColumn()  # run again: its findings name this unit's cells
        for p in positions:
            column.read(_text(self.cells[p][CODE]), unit_name(_text(self.cells[p][NAME])), self.place(self.columns[CODE], self.numbers[p]))
        entries = []
        for k in settled.nodes:
            p, kind = positions[k], settled.kinds[k]
            cells, number = self.cells[p], self.numbers[p]
            name = unit_name(_text(cells[NAME]))
            where = {"code": self.place(self.columns[CODE], number)}
            if cells[POINTS] != "":
                where["points"] = self.place(self.columns[POINTS], number)
            mark = cells[POINTS].strip() if is_not_applicable(cells[POINTS]) else None
            entries.append(Entry(code=kind.code, points=self._row_points(p, kind), max=self._maximum(p, kind.code), name=name or None,
                                 kind=kind.block if "." not in kind.code else None, mark=mark, where=where))
        return Appraisal(entries=tuple(entries), source=unit, sheet=self.sheet, findings=(*self.notes, *column.findings))


def _text(value: object) -> str:
    """A python-calamine value's text, as the strict reader gives the cell's."""
    return value if type(value) is str else value_cell("", value).text if value != "" else ""


def _reason(exc: ValueError) -> object:
    """What a cell reader's ValueError says (a Msg), to be shown in the user's language."""
    return exc.args[0] if exc.args else str(exc)


def _unit_header(rows: Iterator[tuple[int, list]], filename: str, sheet: str) -> Layout:
    """The long layout's header: the first row in the first 20 with a code and a unit column."""
    for number, values in rows:
        if number > HEADER_SEARCH_ROWS:
            break
        cells = {index + 1: value_cell(f"{column_letter(index + 1)}{number}", value) for index, value in enumerate(values) if value != ""}
        columns = header_roles(cells)
        if "code" in columns and "unit" in columns:
            return Layout(sheet, number, columns)
    raise InputError.at(Place(filename).sheet(sheet), "no header row in the first {rows} rows with a code column and a unit column (Đơn vị, unit); add these columns to the header row",
                        rows=HEADER_SEARCH_ROWS)
