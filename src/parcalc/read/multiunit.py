"""Workbooks with many units (departments, districts, communes, provinces), in three
layouts:

- wide: one row per code, one points column per unit (the unit's name is the heading);
- long: one row per unit and code, with a unit column (Đơn vị / unit);
- sheets: one sheet per unit, each laid out like a single-unit workbook; a workbook
  with a single such sheet is one unit named after the file.

A wide sheet of 10,000 units is a million cells, so it is read with python-calamine and
becomes `UnitColumns`: per code row only the row's distinct values are kept, and every
unit's points are streamed again from the sheet when asked. A long sheet is read
with python-calamine too, into LongUnits (parcalc.read.longsheet); the sheets layout
becomes one Appraisal per unit, whose `source` is the unit's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, Sequence

from ..core import codes
from ..core.columnar import CodeRow
from ..core.errors import InputError, Problem, UsageError
from ..core.messages import Msg, Place
from ..core.model import Appraisal, Entry, Finding
from .cells import cell_number, is_not_applicable, value_points
from .code_column import NODE, CodeColumn, twice
from .headers import HEADER_SEARCH_ROWS, Layout, UnitColumnsError, header_roles, is_column_numbering, role_of, two_row_header
from .longsheet import LongUnits, read_long, unit_name
from .sheetunits import read_sheet_units
from .smallsheet import sheet_values
from .workbook import MOST_ROWS, hidden_note
from .xlsx import Cell, Workbook, column_index, column_letter, value_cell

if TYPE_CHECKING:
    from .valuesheet import ValueSheet

LAYOUTS = ("wide", "long", "sheets")
_LAYOUT_OPTION = "--layout"  # the place of a layout problem
_MAX_PROBLEMS = 50
_KNOWN_FLOATS = 1 << 16  # values remembered across rows; sheets of formula results have more


@dataclass(frozen=True)
class UnitColumns:
    """A wide sheet: the units, in column order, and the code rows."""

    filename: str
    sheet: str
    units: tuple[str, ...]
    columns: tuple[int, ...]  # each unit's column, 0-based
    rows: tuple[CodeRow, ...]
    values: ValueSheet
    findings: tuple[Finding, ...] = ()  # what reading the code column noticed
    marks: Mapping[tuple[int, int], str] = field(default_factory=dict)  # (row number, unit position) -> không áp dụng mark

    @cached_property
    def _sheet_place(self) -> Place:
        return Place(self.filename).sheet(self.sheet)

    def place(self, ref: str) -> Place:
        return self._sheet_place.cell(ref)

    def cells(self) -> Iterator[tuple[CodeRow, Sequence]]:
        """Each code row with its units' values, in unit order, read from the sheet again."""
        by_number = {row.number: row for row in self.rows}
        pick = _picker(self.columns)
        for number, values in self.values.rows(self.columns[-1] + 1):
            row = by_number.get(number)
            if row is not None:
                yield row, pick(values)

    def points(self) -> Iterator[tuple[CodeRow, Iterator[Decimal | None]]]:
        """Each code row with every unit's points, in unit order, read from the sheet
        again (an iterator: take the points before asking for the next row)."""
        for row, cells in self.cells():
            yield row, map(row.points.__getitem__, cells)

    def appraisals(self) -> list[Appraisal]:
        """One Appraisal per unit (rows without points too: a field row may give only
        its standard points)."""
        entries: list[list[Entry]] = [[] for _ in self.units]
        for row, points in self.points():
            for index, unit_points in enumerate(points):
                entries[index].append(self._entry(row, index, unit_points))
        return [Appraisal(entries=tuple(unit_entries), source=unit, sheet=self.sheet, findings=self.findings)
                for unit, unit_entries in zip(self.units, entries)]

    def first_unit(self) -> Appraisal:
        """The first unit's Appraisal, from what the first reading kept: rows without
        points too, so that a field row with only its standard points stays a field."""
        entries = tuple(self._entry(row, 0, row.first) for row in self.rows)
        return Appraisal(entries=entries, source=self.units[0], sheet=self.sheet, findings=self.findings)

    def _entry(self, row: CodeRow, index: int, points: Decimal | None) -> Entry:
        ref = f"{column_letter(self.columns[index] + 1)}{row.number}"
        return Entry(code=row.code, points=points, max=row.max, name=row.name, kind=row.kind, mark=self.marks.get((row.number, index)),
                     where={"code": row.where_code, "points": self.place(ref)})


def open_units(path: Path, layout: str | None = None, sheet: str | None = None,
               on_row: Callable[[CodeRow, Sequence | None], None] | None = None,
               templates: list | None = None) -> UnitColumns | LongUnits | list[Appraisal]:
    """The units in the workbook at `path`: a wide sheet as UnitColumns, a long one as
    LongUnits, else one Appraisal per unit in the order the workbook lists them. A wide sheet's reading
    calls `on_row` with each code row and, when every unit has points, the units'
    values (`CodeRow.points` maps each to its points), else None. `templates`: see
    read_sheet_units (a list kept from one workbook to the next)."""
    if layout not in (None, *LAYOUTS):
        raise UsageError.at(_LAYOUT_OPTION, "{layout!r} is not a layout: use {layouts}", layout=layout, layouts=", ".join(LAYOUTS))
    with Workbook(path) as book:
        first = book.sheet(sheet)
        small = sheet_values(book, first, MOST_ROWS) if layout is None and book.part_size(first) <= _SMALL_SHEET else None
        values = None
        if layout in (None, "wide"):
            if small is None:
                values = book.values(first)
            found = _code_header(small.numbered_rows() if small is not None else values.rows())  # type: ignore[union-attr]
            two_rows = _units_below(found) if found is not None else None
            header = two_rows or (found[:3] if found is not None else None)
            layout = layout or ("wide" if two_rows else _detect(found))
        if layout == "sheets":
            return read_sheet_units(book, path, [first] if sheet else book.sheet_names, templates, {first: small} if small else None)
        if layout == "long":
            return read_long(book, first)
        return _wide(book, values or book.values(first), first, header, on_row)


# A first sheet this small (one unit's table is 20 to 100 KB of XML) is read whole by
# python-calamine to find its layout, and that reading serves the sheets layout too:
# reading it in bands on a thread first cost about 4 of a one-unit workbook's 11 ms
# (benchmarks/bench_matrix.py --only "one-unit files": 5.84 -> 4.17 s for 500 files,
# installed copy, 2026-12-01).
_SMALL_SHEET = 256 * 1024


def read_units(path: Path, layout: str | None = None, sheet: str | None = None) -> list[Appraisal]:
    """Every unit in the workbook at `path` as an Appraisal, in the workbook's order."""
    units = open_units(path, layout, sheet)
    return units if isinstance(units, list) else units.appraisals()


def _cells(number: int, values: list) -> dict[int, Cell]:
    """A row of python-calamine values as the strict reader's cells (1-based columns)."""
    return {index + 1: value_cell(f"{column_letter(index + 1)}{number}", value)
            for index, value in enumerate(values) if value != ""}


def _picker(columns: tuple[int, ...]) -> Callable[[list], Sequence]:
    """A row's values in `columns`: a slice when the units stand side by side."""
    if columns[-1] - columns[0] + 1 == len(columns):
        return itemgetter(slice(columns[0], columns[-1] + 1))
    return itemgetter(*columns)


def _code_header(rows: Iterator[tuple[int, list]]) -> tuple[int, dict[int, Cell], dict[str, int], dict[int, Cell]] | None:
    """(row number, cells, roles, the next row's cells) of the first row in the first
    20 with a code column; the next row's cells are {} unless it follows directly."""
    for number, values in rows:
        if number > HEADER_SEARCH_ROWS:
            break
        cells = _cells(number, values)
        roles = header_roles(cells)
        if "code" in roles:
            following = next(rows, None)
            below = _header_below(following, roles["code"]) if following is not None and following[0] == number + 1 else {}
            return number, cells, roles, below
    return None


def _header_below(row: tuple[int, list], code_column: int) -> dict[int, Cell]:
    """The cells of the row under a header row, if it may be the header's second row:
    {} when its code cell holds a code (a data row: 10,000 units' cells are then not
    converted, which cost `rank` 0.13 s)."""
    number, values = row
    code = values[code_column - 1] if code_column - 1 < len(values) else ""
    text = value_cell("", code).text if code != "" else ""
    if text and (codes.normalize_code(text) or codes.roman_value(text)):
        return {}
    return _cells(number, values)


def _units_below(found: tuple[int, dict[int, Cell], dict[str, int], dict[int, Cell]]) -> tuple[int, dict[int, Cell], dict[str, int]] | None:
    """A two-row wide header: a points heading (Điểm thẩm định) over the units' names
    in the row below. Returns the header as one row: the roles of the first row, the
    names of the second."""
    number, cells, roles, below = found
    if "points" not in roles or below.get(roles["code"]) is not None:
        return None
    names = {column: cell for column, cell in below.items()
             if column >= roles["points"] and cell.kind == "text" and cell.text.strip() and role_of(cell.text) is None}
    if len(names) < 2:
        return None
    kept = {role: column for role, column in roles.items() if role != "points"}
    return number + 1, {**{column: cells[column] for column in kept.values()}, **names}, kept


def _detect(found: tuple[int, dict[int, Cell], dict[str, int], dict[int, Cell]] | None) -> str:
    """long with a unit column; sheets when the header (in one row or two) names a
    points column; wide when it names none but has other headed columns (the units)."""
    if found is None:
        return "sheets"
    number, cells, roles, below = found
    if "unit" in roles:
        return "long"
    if "points" not in roles and below:
        try:
            two = two_row_header(cells, below, roles, number)
        except UnitColumnsError:
            return "wide"
        if two is not None and any(role in two[0] for role in ("points", "max", "lost")):
            return "sheets"  # "Điểm" over "Tối đa | Tự chấm | Thẩm định": one unit
    unnamed = [cell for column, cell in cells.items() if column not in roles.values() and cell.text.strip()]
    return "wide" if "points" not in roles and unnamed else "sheets"


def _wide(book: Workbook, values: ValueSheet, sheet: str, header_found: tuple[int, dict[int, Cell], dict[str, int]] | None,
          on_row: Callable[[CodeRow, Sequence | None], None] | None) -> UnitColumns:
    filename = book.name
    if header_found is None:
        raise InputError.at(Place(filename).sheet(sheet), "no header row in the first {rows} rows with a code column and one column per unit; add a header row naming the units",
                            rows=HEADER_SEARCH_ROWS)
    header_row, header, roles = header_found
    layout = Layout(sheet, header_row, roles)
    place = Place(filename).sheet(sheet).cell
    role_columns = set(layout.columns.values())
    units: dict[int, str] = {}
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    second_columns: set[int] = set()  # a unit's second column: already reported
    for column, cell in sorted(header.items()):
        name = unit_name(cell.text)
        if column in role_columns or not name:
            continue
        if name in seen:
            problems.append(Problem(place(cell.ref), Msg("unit {unit!r} has a second column (first in column {column}); name each unit once",
                                                   unit=name, column=column_letter(seen[name]))))
            second_columns.add(column)
            continue
        seen[name] = column
        units[column] = name
    if not units:
        raise InputError.at(Place(filename).sheet(sheet).row(header_row), "no unit columns: the wide layout has one points column per unit, headed with its name")
    width = max(header)  # the header's last named column: every unit's is at most that
    reader = _WideRows(filename, sheet, layout, tuple(column - 1 for column in units), tuple(units.values()), problems, width, on_row,
                       frozenset(column - 1 for column in second_columns))
    hidden = values.hidden_rows
    skipped = []
    first = True
    for number, row in values.rows(width):
        if number in hidden:
            skipped.append(number)
        elif number > header_row:
            if first and any(value != "" for value in row):
                first = False
                if is_column_numbering([_label(value) for value in row]):
                    continue  # (1) (2) (3) ... under the header
            reader.read(number, row)
    if skipped:
        reader.settle.findings.append(hidden_note(place(f"A{skipped[0]}"), skipped))
    scanned = values.cells.unread
    reader.explain_blanks({ref: Cell(ref, text, kind) for ref, (kind, text) in scanned.items()} if scanned is not None else book.unread_cells(sheet))
    reader.refuse_rates(values.cells.percent)
    if problems:
        raise InputError(*problems[:_MAX_PROBLEMS])
    return UnitColumns(filename, sheet, tuple(units.values()), reader.columns, tuple(reader.code_rows), values,
                       tuple(reader.settle.findings), reader.marks)


# A criterion set has a few hundred nodes (the national ones about 150); a wide sheet with
# 100,000 code rows took 55 s and 2.5 GB before it was refused for its codes.
MOST_CODE_ROWS = 10_000


class _WideRows:
    """Reads a wide sheet's code rows once, checking every unit's cells."""

    def __init__(self, filename: str, sheet: str, layout: Layout, columns: tuple[int, ...], units: tuple[str, ...],
                 problems: list[Problem], width: int, on_row: Callable[[CodeRow, Sequence | None], None] | None,
                 reported: frozenset[int] = frozenset()) -> None:
        self.filename, self.sheet, self.columns, self.units, self.problems = filename, sheet, columns, units, problems
        self.sheet_place = Place(filename).sheet(sheet)
        self.on_row = on_row
        self.header_row = layout.header_row
        self.pick = _picker(columns)
        self.code_index = layout.columns["code"] - 1
        self.max_index = layout.columns["max"] - 1 if "max" in layout.columns else None
        self.name_index = layout.columns["name"] - 1 if "name" in layout.columns else None
        self.role_indexes = {column - 1 for column in layout.columns.values()} | reported
        unit_indexes = set(columns)
        # columns right of the code column that are neither a unit's nor a role's
        self.unheaded = [i for i in range(self.code_index + 1, width) if i not in unit_indexes and i not in self.role_indexes]
        self.unnamed_reported: set[int] = set()  # those of them (or right of the header) already reported
        self.width = width
        self.code_rows: list[CodeRow] = []
        self.settle = CodeColumn()
        self.marks: dict[tuple[int, int], str] = {}  # (row number, unit position) -> a không áp dụng mark
        self.float_points: dict[float, Decimal | None] = {}  # rows share most values: each read once
        self.seen: dict[str, str] = {}
        # rows with blank cells, in order: (row number, code, a blank standard points cell,
        # the row if its unit cells were read, the positions of its blank unit cells: None for all)
        self.blanks: list[tuple[int, str, bool, CodeRow | None, list[int] | None]] = []

    def place(self, number: int, index: int) -> Place:
        return self.sheet_place.cell(f"{column_letter(index + 1)}{number}")

    def read(self, number: int, row: list) -> None:
        code_value = row[self.code_index] if self.code_index < len(row) else ""
        name = " ".join(str(row[self.name_index]).split()) if self.name_index is not None and self.name_index < len(row) else ""
        where_code = self.place(number, self.code_index)
        kind = self.settle.read(value_cell("", code_value).text if code_value != "" else "", name, where_code)
        if kind.role != NODE:
            return  # headings, notes, signatures and total rows
        code, block = kind.code, kind.block
        assert code is not None
        if len(self.seen) >= MOST_CODE_ROWS:
            raise InputError.at(where_code, "more than {most} criterion rows: a wide sheet has one row per criterion, so this is "
                                "no scoring table (a row per unit and criterion is the long layout: --layout long)", most=MOST_CODE_ROWS)
        if code in self.seen:
            self.problems.append(Problem(where_code, twice(code, self.seen[code], value_cell("", code_value).text if type(code_value) is float else None)))
            return
        self.seen[code] = where_code
        problems_before = len(self.problems)
        stray = False  # points in a column without a unit name: reported once, at the column's first such cell
        for index in chain(self.unheaded, range(self.width, len(row))):  # also right of the header
            if row[index] != "":
                stray = True
                if index in self.unnamed_reported:
                    continue
                self.unnamed_reported.add(index)
                self.problems.append(Problem(self.place(number, index), Msg("column {column} has points but no unit name in its header (row {row}); write the unit's name in the header",
                                                                      column=column_letter(index + 1), row=self.header_row)))
        maximum = None
        if self.max_index is not None:
            maximum = self._points(number, code, (row[self.max_index],), (self.max_index,))[row[self.max_index]]
        blank_max = self.max_index is not None and row[self.max_index] == ""
        cells = self.pick(row)
        table = self._points(number, code, cells, self.columns, negative=block == "penalty")
        code_row = CodeRow(number, code, name or None, maximum, table, where_code, table[cells[0]],
                           block if "." not in code else None)
        self.code_rows.append(code_row)
        if stray or len(self.problems) > problems_before:
            if blank_max:
                self.blanks.append((number, code, True, None, []))
            return
        given = None not in table.values()
        if self.on_row is not None:
            self.on_row(code_row, cells if given else None)
        if given:
            if blank_max:
                self.blanks.append((number, code, True, None, []))
            return
        marks = {value for value, points in table.items() if points is None and is_not_applicable(value)}
        blank: list[int] | None = None  # a field row's cells are all blank: not listed
        if marks or code_row.given:
            blank = []
            for position, value in enumerate(cells):
                if value in marks:
                    self.marks[(number, position)] = value.strip()  # read as the user says (--na)
                elif table[value] is None:
                    blank.append(position)
        self.blanks.append((number, code, blank_max, code_row, blank))

    def _points(self, number: int, code: str, cells: Sequence, columns: tuple[int, ...], negative: bool = False) -> dict[object, Decimal | None]:
        """Each distinct value of `cells` (in `columns`) -> its points; a problem at
        every cell whose value is not points. `negative`: a penalty row's deductions
        may carry a minus sign."""
        table: dict[object, Decimal | None] = {}
        known = self.float_points if not negative else {}
        for value in set(cells):
            if type(value) is float and value in known:
                table[value] = known[value]
                continue
            try:
                table[value] = None if value == "" or type(value) is bool or is_not_applicable(value) else value_points(value, negative=negative)
            except ValueError as exc:
                table[value] = None
                self._report(number, code, exc, [columns[p] for p, v in enumerate(cells) if v == value and type(v) is type(value)])
            else:
                if type(value) is float and len(known) < _KNOWN_FLOATS:
                    known[value] = table[value]
        if bool in set(map(type, cells)):  # as a key True == 1.0: the set may have kept only one of them
            self._report(number, code, ValueError(Msg("holds TRUE/FALSE, not points: write the points")), [columns[p] for p, v in enumerate(cells) if type(v) is bool])
        return table

    def _report(self, number: int, code: str, exc: ValueError, indexes: list[int]) -> None:
        self.problems += [Problem(self.place(number, index), Msg("{code}: {reason}", code=code, reason=_reason(exc))) for index in indexes[:_MAX_PROBLEMS]]

    def refuse_rates(self, percent_refs: set[str]) -> None:
        """Unit cells shown as a percentage hold rates, not points (as cell_number says)."""
        if not percent_refs:
            return
        rows = {row.number: row for row in self.code_rows}
        unit_columns = set(self.columns)
        for ref in sorted(percent_refs, key=lambda ref: (len(ref), ref)):
            letters = ref.rstrip("0123456789")
            number, column = int(ref[len(letters):]), column_index(letters) - 1
            if number in rows and column in unit_columns:
                self.problems.append(Problem(self.place(number, column), Msg("{code}: is formatted as a percentage: "
                                             "a rate, not points; format it as a number if it holds points", code=rows[number].code)))

    def explain_blanks(self, unread: Mapping[str, Cell]) -> None:
        """Blank cells that hold a formula without a saved result or an Excel error
        (`unread`: such cells of the sheet by ref) are errors; so is a unit left blank
        in a row where other units have points."""
        by_row: dict[int, dict[int, Cell]] = {}  # row number -> 0-based column -> cell
        for ref, cell in unread.items():
            letters = ref.rstrip("0123456789")
            by_row.setdefault(int(ref[len(letters):]), {})[column_index(letters) - 1] = cell
        position_of = {column: position for position, column in enumerate(self.columns)}
        for number, code, blank_max, row, blank in self.blanks:
            if len(self.problems) >= _MAX_PROBLEMS:
                return  # no more are shown
            unread_here = by_row.get(number, {})
            if blank_max and self.max_index in unread_here:
                self._unreadable(number, self.max_index, Msg("the standard points of {code}", code=code), unread_here[self.max_index])
            if row is None:
                continue
            if blank is None:  # every unit cell blank (or marked): only those that are not count
                blank = [position_of[column] for column in sorted(unread_here) if column in position_of
                         and (number, position_of[column]) not in self.marks]
            for position in blank:
                column = self.columns[position]
                if column in unread_here:
                    self._unreadable(number, column, code, unread_here[column])
                elif row.given:
                    self.problems.append(Problem(self.place(number, column), Msg("unit {unit!r} has no points for {code}, which other units have; enter its points",
                                                                                 unit=self.units[position], code=code)))

    def _unreadable(self, number: int, column: int, what: str | Msg, cell: Cell) -> None:
        try:
            cell_number(cell)
        except ValueError as exc:
            self.problems.append(Problem(self.place(number, column), Msg("{code}: {reason}", code=what, reason=_reason(exc))))


def _label(value: object) -> str:
    """A calamine value as the text a column label would be typed as (1.0 is "1")."""
    if type(value) is float and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else ""


def _reason(exc: ValueError) -> object:
    """What a cell reader's ValueError says (a Msg), to be shown in the user's language."""
    return exc.args[0] if exc.args else str(exc)
