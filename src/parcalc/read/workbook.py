"""Read one unit's appraised points from a workbook sheet, the way MoHA result sheets,
provincial appendices and departments' own sheets lay them out: title rows, a header in
one or two rows somewhere in the first 20, fields numbered I, II, ... (with numbering
that may restart inside each field), blank parent rows, total and signature rows,
bonus and penalty rows, notes and a second table below."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from decimal import Decimal
from pathlib import Path
from typing import Callable, Optional

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from ..core import codes
from ..core.errors import InputError, Problem
from ..core.messages import Msg, Place
from ..core.model import Appraisal, Entry, Finding
from .cells import cell_number, excerpt, not_applicable_mark
from .code_column import NODE, NOT_A_CODE, TOTAL, CodeColumn, name_role, twice
from .headers import NUMBER_ROLES, TEXT_ROLES, Layout, Rows, find_layout, header_roles, is_column_numbering
from .xlsx import Cell, DamagedWorkbook, Names, Workbook, column_letter


class RowValues(BaseModel):
    """One data row's numbers, validated: exact decimals, never negative (a penalty
    row may write its deduction with a minus sign)."""

    model_config = ConfigDict(extra="forbid")

    max: Optional[Decimal] = None
    points: Optional[Decimal] = None
    self_score: Optional[Decimal] = None
    lost: Optional[Decimal] = None
    value: Optional[Decimal] = None

    @field_validator("max", "points", "self_score", "lost", "value", mode="before")
    @classmethod
    def _number(cls, value: object, info: ValidationInfo) -> Decimal | None:
        if value is None:
            return None
        number = cell_number(value, negative=bool(info.context and info.context.get("penalty")), rate=info.field_name == "value")  # type: ignore[arg-type]
        return abs(number) if number is not None else None


def read_appraisal(path: Path, sheet: str | None = None) -> Appraisal:
    """Read one unit's values from `path`: the sheet named, else the first sheet, else
    the only other sheet that holds a scoring table (which is then said)."""
    with Workbook(path) as book:
        if sheet is not None:
            return read_sheet(book, book.sheet(sheet), path.name)
        first = book.sheet(None)
        try:
            found = _find_table(book, first)
        except DamagedWorkbook:
            raise  # damage is said as such, wherever it is
        except InputError as refusal:
            others = {name: table for name in book.sheet_names[1:] if (table := find_table(book, name)) is not None}
            if len(others) != 1:
                if not others:
                    raise
                raise InputError.at(Place(book.name).sheet(first), "{message}; did you mean {choices}?",
                                    message=refusal.problems[0].message, choices=Names(others, option="--sheet")) from None
            (other, table), = others.items()
            appraisal = read_table(book, other, path.name, *table)  # the sheet read once, when it was looked at
            note = Finding("other_sheet", None, book.name, {"first": first, "sheet": other})
            return replace(appraisal, findings=(note, *appraisal.findings))
        return read_table(book, first, path.name, *found)


def read_sheet(book: Workbook, sheet: str, source: str) -> Appraisal:
    """One unit's values from `sheet` of an open workbook; `source` names the unit."""
    return read_table(book, sheet, source, *_find_table(book, sheet))


# One unit's table has a row per criterion (the national sets about 150): a sheet of
# 300,000 rows took 42 s and 1.5 GB to read whole before being scored.
MOST_ROWS = 20_000


class TooManyRows(InputError):
    """Said even when the sheet was only looked at for a table."""


def _find_table(book: Workbook, sheet: str, rows: Rows | None = None) -> tuple[Rows, Layout, int]:
    """`rows`: the sheet's rows already read (by python-calamine, parcalc.read.smallsheet),
    with its hidden rows and merged cells in `book`; else the strict reader reads them."""
    if rows is None:
        rows = list(itertools.islice(book.rows(sheet), MOST_ROWS + 1))
    if len(rows) > MOST_ROWS:
        raise TooManyRows.at(Place(book.name).sheet(sheet), "holds more than {most:,} rows: one unit's scoring table has a row per "
                             "criterion (many units in one sheet: parcalc rank)", most=MOST_ROWS)
    # every row was read (fewer than the limit), so the sheet's merged cells are known
    layout, start = find_layout(rows, sheet, book.name, require=("points", "max", "lost", "value"), merged=book.merged[sheet])
    return rows, layout, start


def find_table(book: Workbook, sheet: str, rows: Rows | None = None) -> tuple[Rows, Layout, int] | None:
    """The rows, layout and first data row of `sheet`'s scoring table; None if it has
    none. `rows` as _find_table's."""
    try:
        return _find_table(book, sheet, rows)
    except (TooManyRows, DamagedWorkbook):
        raise
    except InputError:
        return None


def read_table(book: Workbook, sheet: str, source: str, rows: Rows, layout: Layout, start: int) -> Appraisal:
    return read_table_rows(book, sheet, source, rows, layout, start)[0]


def read_table_rows(book: Workbook, sheet: str, source: str, rows: Rows, layout: Layout, start: int) -> tuple[Appraisal, "TableRows"]:
    """The Appraisal, and the rows it was read from (what parcalc.read.sheetunits reuses
    for sheets copied from this one)."""
    # the sheet's rows were all read to find its table, so its hidden rows are known
    table = _Table(layout, book.name, [number for number in book.hidden[sheet] if number > layout.header_row])
    table.read(rows[start:])
    columns = tuple((role, f"{column_letter(layout.columns[role])} «{layout.headings[role]}»")  # find_layout names each column
                    for role in NUMBER_ROLES if role in layout.columns)
    entries = table.entries()
    appraisal = Appraisal(entries=entries, source=source, sheet=sheet, findings=tuple(table.findings),
                          totals=tuple(table.totals), columns=columns)
    return appraisal, TableRows(table.rows, table.total_rows, table.number_columns, layout,
                                 [number for number in table.plain_rows if number != table.first_row], table.end)


@dataclass(frozen=True)
class TableRows:
    """What a table was read from: its node rows (one per entry, in order), its total
    rows, the columns of its number roles (in the order an entry's places are), the
    rows below the header read as nothing, and a second table's header row."""

    nodes: list["_Row"]
    totals: list[tuple[int, dict[int, Cell]]]
    number_columns: list[tuple[str, int]]
    layout: Layout
    plain: list[int]
    end: int | None


def is_plain_row(cells: dict[int, Cell], layout: Layout) -> bool:
    """Whether a data row is read as nothing: no code, a name that makes it no total,
    index, grade, bonus or penalty row (a note, a signature, a date), and no header of a
    second table."""
    code_cell = cells.get(layout.columns["code"])
    if code_cell is not None and code_cell.text.strip():
        return False
    name_cell = cells.get(layout.columns.get("name"))  # type: ignore[arg-type]
    name = clean_text(name_cell.text) if name_cell is not None and name_cell.kind == "text" else ""
    return name_role(name, "") == (None, None) and not is_header(cells)


@dataclass
class _Row:
    """A data row with its code settled."""

    number: int
    cells: dict[int, Cell]
    code: str
    block: str | None  # bonus / penalty when the row is in such a block
    code_cell: Cell | None
    code_place: Place
    name: str  # its name cell's text, cleaned


@dataclass
class _Table:
    """The data rows of one sheet: rows are classified and their codes settled as they
    come (parcalc.read.code_column), then each row's numbers are read."""

    layout: Layout
    filename: str
    hidden: list[int]  # rows the sheet hides, which the reader left out
    rows: list[_Row] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    totals: list[Entry] = field(default_factory=list)
    total_rows: list[tuple[int, dict[int, Cell]]] = field(default_factory=list)
    plain_rows: list[int] = field(default_factory=list)  # rows read as nothing: no code, a plain name, no header
    end: int | None = None  # a second table's header row: the rows from it on are not read
    first_row: int | None = None  # the first row with text below the header (column numbering?)
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def _sheet_place(self) -> Place:
        return Place(self.filename).sheet(self.layout.sheet)

    def place(self, ref: str) -> Place:
        return self._sheet_place.cell(ref)

    def read(self, rows: Rows) -> None:
        code_column = self.layout.columns["code"]
        settle = CodeColumn()
        first = True
        for number, cells in rows:
            if first and any(cell.text.strip() for cell in cells.values()):
                first = False
                self.first_row = number
                if is_column_numbering([cell.text for _, cell in sorted(cells.items())]):
                    continue  # (1) (2) (3) ... under the header
            code_cell = cells.get(code_column)
            code_text = code_cell.text.strip() if code_cell is not None else ""
            name = self._name(cells)
            if self.rows and is_header(cells):
                self.findings.append(Finding("second_table", None, self.place(f"A{number}"), {"row": number}))
                self.end = number
                break  # a second table below the first
            if is_plain_row(cells, self.layout):  # a note, a signature: read as nothing, so a copy of this sheet may say another
                self.plain_rows.append(number)
                continue
            code_place = self.place(code_cell.ref if code_cell is not None else f"A{number}")
            row = settle.read(code_text, name, code_place)
            if row.role == TOTAL:
                self.total_rows.append((number, cells))
                total = total_entry(self._numbers(cells), self.place)
                if total is not None:
                    self.totals.append(total)
            elif row.role == NOT_A_CODE:
                if any(cell.text.strip() for cell in self._numbers(cells).values()):
                    self.problems.append(Problem(self.place(code_cell.ref), Msg(  # type: ignore[union-attr]
                        "{text!r} is not a criterion code (codes look like 3, 3.4.1 or a Roman field number such as II)", text=excerpt(code_text))))
            elif row.role == NODE:
                self.rows.append(_Row(number, cells, row.code, row.block, code_cell, code_place, name))  # type: ignore[arg-type]
        self.findings += settle.findings
        if self.hidden:
            self.findings.append(hidden_note(self.place(f"A{self.hidden[0]}"), self.hidden))

    def entries(self) -> tuple[Entry, ...]:
        entries: dict[str, Entry] = {}
        for row in self.rows:
            entry = self._entry(row, entries)
            if entry is not None:
                entries[row.code] = entry
        if self.problems:
            raise InputError(*self.problems)
        if not entries:
            raise InputError.at(Place(self.filename).sheet(self.layout.sheet), "no rows with a criterion code below the header (row {row}): write the criterion codes in the code column",
                                row=self.layout.header_row)
        return tuple(entries.values())

    def _entry(self, row: _Row, entries: dict[str, Entry]) -> Entry | None:
        code, block = row.code, row.block
        numbers = self._numbers(row.cells)
        mark = not_applicable_mark(numbers.get("points"))
        if mark is not None:
            numbers.pop("points")
        values = validated_numbers(tuple((role, cell.kind, cell.text) for role, cell in numbers.items()), block == "penalty")
        if isinstance(values, list):
            for role, message in values:
                self.problems.append(Problem(self.place(numbers[role].ref), Msg("{code}: {message}", code=code, message=message)))
            return None
        refs = [("code", row.code_cell.ref if row.code_cell is not None else f"A{row.number}"), *((role, cell.ref) for role, cell in numbers.items())]
        if "points" in self.layout.columns and "points" not in numbers:  # a mark, or a blank cell: name the cell
            refs.append(("points", f"{column_letter(self.layout.columns['points'])}{row.number}"))
        where = CellPlaces(self._sheet_place, tuple(refs), code=row.code_place)
        if code in entries:
            self.problems.append(Problem(where["code"], self._twice(code, row, entries[code])))
            return None
        if values.max is not None and values.points is not None and values.points > values.max:
            self.problems.append(Problem(where["points"], Msg("{code}: {points} points is more than its standard points {max}",
                                                              code=code, points=values.points, max=values.max)))
            return None
        points = values.points
        if points is None and values.lost is not None and values.max is not None:
            points = values.max - values.lost  # appendix rows that give only the lost points
        cells = row.cells
        return Entry(
            code=code, points=points, max=values.max, lost=values.lost, self_score=values.self_score, value=values.value,
            name=row.name or None, kind=block if codes.depth(code) == 1 else None, mark=mark,
            texts={role: clean_text(cells[column].text) for role, column in self._text_columns if column in cells and cells[column].text.strip()},
            where=where,
        )

    def _twice(self, code: str, row: _Row, first: Entry) -> str:
        number = row.code_cell.text if row.code_cell is not None and row.code_cell.kind == "number" else None
        return twice(code, first.where["code"], number)

    @cached_property
    def number_columns(self) -> list[tuple[str, int]]:
        return [(role, column) for role, column in self.layout.columns.items() if role in NUMBER_ROLES]

    @cached_property
    def _text_columns(self) -> list[tuple[str, int]]:
        return [(role, self.layout.columns[role]) for role in TEXT_ROLES if role in self.layout.columns]

    def _numbers(self, cells: dict[int, Cell]) -> dict[str, Cell]:
        return {role: cells[column] for role, column in self.number_columns if column in cells}

    def _name(self, cells: dict[int, Cell]) -> str:
        cell = cells.get(self.layout.columns.get("name"))  # type: ignore[arg-type]
        return clean_text(cell.text) if cell is not None and cell.kind == "text" else ""


class CellPlaces(Mapping[str, Place]):
    """An entry's places (role -> its cell's place), each made when first asked: a place
    is a string built for each cell, 165,000 of them for 500 sheets' entries, 1.0 of
    3.5 s of their `rank` (places made for every entry, 2026-11-30), and all but a few
    are never shown. `code` is the code cell's place where it is already made."""

    __slots__ = ("_sheet", "_refs", "_made")

    def __init__(self, sheet: Place, refs: tuple[tuple[str, str], ...], code: Place | None = None) -> None:
        self._sheet, self._refs, self._made = sheet, refs, ({"code": code} if code is not None else {})

    def __getitem__(self, role: str) -> Place:
        made = self._made.get(role)
        if made is None:
            ref = next((ref for known, ref in self._refs if known == role), None)
            if ref is None:
                raise KeyError(role)
            made = self._made[role] = self._sheet.cell(ref)
        return made

    def __iter__(self) -> Iterator[str]:
        return (role for role, _ in self._refs)

    def __len__(self) -> int:
        return len(self._refs)

    def __repr__(self) -> str:
        return repr(dict(self))


@lru_cache(maxsize=4096)  # rows repeat their figures (standard points 1, points 0,5): 500 sheets' 55,000 rows, 1.6 of 11.3 s under cProfile
def validated_numbers(numbers: tuple[tuple[str, str, str], ...], penalty: bool) -> RowValues | list[tuple[str, object]]:
    """A row's numbers ((role, kind, text) of each number cell) validated, or what is
    wrong: (role, message) for each cell that holds no number."""
    try:
        return RowValues.model_validate({role: Cell("", text, kind) for role, kind, text in numbers}, context={"penalty": penalty})
    except ValidationError as exc:
        # each error is cell_number's ValueError (every field goes through it), whose argument is a Msg
        return [(str(error["loc"][0]), error["ctx"]["error"].args[0]) for error in exc.errors()]


def total_entry(numbers: dict[str, Cell], place: Callable[[str], Place]) -> Entry | None:
    """A total row (its number cells by role; `place` makes a cell's place): kept to be
    checked against the computed total, never a node."""
    try:
        values = RowValues.model_validate({role: cell for role, cell in numbers.items() if role in ("points", "max")})
    except ValidationError:
        return None  # a total row's own text ("Tổng: 85,5 điểm/100") is not ours to judge
    if values.points is None and values.max is None:
        return None
    # only its figures and their cells: a total row is checked (core.scoring), never listed
    return Entry(code="", points=values.points, max=values.max,
                 where={role: place(cell.ref) for role, cell in numbers.items() if role in ("points", "max")})


def hidden_note(where: str, rows: list[int]) -> Finding:
    """The warning that hidden rows were not read."""
    return Finding("hidden_rows", None, where, {"rows": ", ".join(map(str, rows[:12])) + (" …" if len(rows) > 12 else "")})


def is_header(cells: dict[int, Cell]) -> bool:
    roles = header_roles(cells)
    return "code" in roles and any(role in roles for role in ("points", "max"))


@lru_cache(maxsize=8192)  # names repeat in sheets copied from one template (500 sheets: 110,000 calls)
def clean_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())
