"""The sheets layout: a workbook with a sheet per unit (departments, districts), each
laid out like one unit's workbook.

Offices fill copies of one template, so most sheets differ from one already read only
in the appraised points of their criterion and total rows. Such a sheet is not read
again row by row: its units' points are read from the points column and the rest of
the reading (codes settled, names, standard points, notes) is the earlier sheet's,
placed on this sheet, its entries made only when looked at (core.model.CopiedEntries:
scoring by columns needs its points alone). "Differ only in the points" is checked on
python-calamine's values of every cell: the same cells (but a title above the header
that holds no heading, and notes and signatures below the table that are read as
nothing), rows hidden and merged alike, and points that are numbers or blanks (a mark,
a text or a wrong number is read in full, where it is said as every sheet says it). A
criterion row may also word its name or its text columns (remedy, explanation, ...)
its own way, as clerks do: those are then taken from the copy, unless the words could
change what the row is (a total, a bonus block, a heading, a name that is not text),
which the full reading decides. 500 sheets' `rank` took 5.1 s with every sheet read in
full, 2.1 s so (medians of 3, benchmarks/bench_matrix.py --only "sheets 500", installed
copy, 2026-11-30; python-calamine's own read: 0.47 s), 1.3 s before the entries were
made only when looked at and 1.15 s after (the same command, one run each, 2026-12-01).
tests/test_sheetunits.py checks that both readings give the same units.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import chain
from pathlib import Path

from ..core.errors import InputError, Problem
from ..core.messages import Msg, Place
from ..core.model import Appraisal, CopiedEntries, Entry, Finding
from .longsheet import unit_name
from .smallsheet import SheetValues, calamine_rows, sheet_values
from .code_column import name_role
from .headers import TEXT_ROLES, Layout, header_roles
from .workbook import (MOST_ROWS, CellPlaces, RowValues, TableRows, clean_text, find_table, is_header, is_plain_row, read_sheet,
                       read_table_rows, total_entry, validated_numbers)
from .xlsx import Cell, Names, Workbook, column_letter


def read_sheet_units(book: Workbook, path: Path, names: list[str], templates: "list[_Template] | None" = None,
                     known: Mapping[str, SheetValues] | None = None) -> list[Appraisal]:
    """One unit per sheet of `names` that holds a scoring table (a cover or instructions
    sheet is skipped, and said); a workbook with one such sheet is one unit named after
    the file. `templates`, given for several workbooks read in turn (`rank unit-*.xlsx`),
    are the sheets read in full so far, that a later workbook's sheets may copy; `known`
    holds sheets already read by calamine (smallsheet.sheet_values)."""
    shared = templates is not None
    templates = [] if templates is None else templates
    read: dict[str, Appraisal | InputError] = {}
    for number, name in enumerate(names, start=1):  # each sheet read once; a table's problems are said once every sheet is looked at
        found = (known or {}).get(name) or sheet_values(book, name, MOST_ROWS)
        unit = next((unit for template in templates if (unit := template.read(found, book.name, name)) is not None), None) if found else None
        if unit is not None:
            read[name] = unit
            continue
        rows = calamine_rows(book, name, found) if found is not None else None
        table = find_table(book, name, rows)
        if table is None:
            continue
        try:
            unit, table_rows = read_table_rows(book, name, unit_name(name), *table)
        except InputError as problem:
            read[name] = problem
            continue
        read[name] = unit
        # the last sheet is no other's template (3.6 ms saved) unless later workbooks may copy it
        more = number < len(names) or shared
        template = _Template.of(found, table_rows, unit) if more and found is not None and len(templates) < _MOST_TEMPLATES else None
        if template is not None:
            templates.append(template)
    problems = [problem for unit in read.values() if isinstance(unit, InputError) for problem in unit.problems]
    problems += _one_unit_twice(book, list(read))
    if problems:  # every sheet's, in the workbook's order
        raise InputError(*problems[:_MOST_PROBLEMS])
    if not read:
        return [read_sheet(book, names[0], unit_name(names[0]))]  # its refusal says what is missing
    units: list[Appraisal] = list(read.values())  # type: ignore[arg-type]
    if len(units) == 1:  # one unit in the file: the file names it
        units = [replace(units[0], source=unit_name(path.stem))]
    skipped = [name for name in names if name not in read]
    if skipped:
        note = Finding("sheets_skipped", None, book.name, {"sheets": Names(skipped)})
        units[0] = replace(units[0], findings=(note, *units[0].findings))
    return units


def _one_unit_twice(book: Workbook, names: list[str]) -> list[Problem]:
    """Sheets whose names are one unit's (they differ in spaces or in how a letter is
    encoded, NFC or NFD): named at the later sheet, with the earlier."""
    first: dict[str, str] = {}
    problems = []
    for name in names:
        unit = unit_name(name)
        if unit in first:
            problems.append(Problem(Place(book.name).sheet(name), Msg("names unit {unit!r}, as sheet {other!r} does: give each unit's sheet its own name",
                                                                      unit=unit, other=first[unit])))
        else:
            first[unit] = name
    return problems


_MOST_PROBLEMS = 50
# Templates looked at for each sheet: a workbook's sheets come from one or a few; a
# workbook of sheets all different is read in full, each compared with these few.
_MOST_TEMPLATES = 8
_POINTS_VALUE = (float, int)  # what calamine gives for a number; "" for a blank
_UNREAD = object()


@dataclass(frozen=True)
class _Row:
    """A criterion row of the template: where its points are, and the rest of its entry."""

    index: int  # in the sheet's values
    entry: Entry
    penalty: bool
    before: tuple[tuple[str, str, str], ...]  # its number cells (role, kind, text) before the points column, as validated_numbers takes them
    after: tuple[tuple[str, str, str], ...]
    refs: tuple[tuple[str, str], ...]  # (role, cell) of its places when its points are given, in the entry's order
    blank_refs: tuple[tuple[str, str], ...]  # the same when its points are blank: the points cell last, as the full reading has it
    read: dict[object, RowValues | None] = field(default_factory=dict)  # a points value -> its row's numbers: sheets share most values

    def numbers(self, value: object) -> RowValues | None:
        """The row's numbers with `value` as its points; None if the full reading would
        refuse them (it then says so at the cell)."""
        given = ("points", "number", format(value, ".15g")) if value != "" else None
        checked = validated_numbers((*self.before, *([given] if given else []), *self.after), self.penalty)
        if isinstance(checked, list) or (checked.max is not None and checked.points is not None and checked.points > checked.max):
            return None
        return checked


@dataclass(frozen=True)
class _Template:
    """A sheet read in full, whose reading serves the sheets that differ from it only in
    their points."""

    values: SheetValues
    points_offset: int  # the points column in each row of values
    masked: frozenset[int]  # the rows whose points may differ: criterion and total rows
    rows: tuple[_Row, ...]
    totals: tuple[tuple[int, dict[str, Cell]], ...]  # each total row's index and number cells other than its points
    points_letter: str
    appraisal: Appraisal
    layout: Layout
    titles: frozenset[int]  # rows above the header that hold no heading: a copy may say another title
    plain: frozenset[int]  # rows below the header read as nothing (notes, signatures): a copy may say another
    unread_from: int | None  # rows from here on are not read (below a second table's header), unless the sheet hides them
    worded: tuple[tuple[str, int], ...]  # (name or a text role, its offset in each row of values): what a copy may word its own way
    kept: tuple[slice, ...]  # the parts of a criterion row a copy must repeat: all but its points and its words
    fixed_words: frozenset[int]  # criterion rows whose words must be the template's (the first, whose words may make it no row)

    @classmethod
    def of(cls, values: SheetValues, table: TableRows, appraisal: Appraisal) -> "_Template | None":
        """The template a sheet makes, if its points are all numbers or blanks (a mark,
        a lost points or a raw value column is read in full)."""
        columns = dict(table.number_columns)
        if values.unread or values.percent or "points" not in columns or "lost" in columns or "value" in columns:
            return None
        if _has_bool(values):
            return None  # as a value TRUE equals 1: alike sheets are told apart by their values' types only so
        offset = columns["points"] - 1 - values.left
        before_points = [column for role, column in table.number_columns[:[role for role, _ in table.number_columns].index("points")]]
        rows = []
        for node, entry in zip(table.nodes, appraisal.entries, strict=True):
            index = node.number - values.top - 1
            if not _is_points(values.values[index][offset]):
                return None
            others = [(role, cell.kind, cell.text) for role, column in table.number_columns if role != "points" and (cell := node.cells.get(column)) is not None]
            at = sum(column in node.cells for column in before_points)
            # the places in the full reading's order: the code, then each number cell's, a blank points cell's last
            present = [(role, f"{column_letter(column)}{node.number}") for role, column in table.number_columns if role == "points" or column in node.cells]
            code = ("code", entry.where["code"].parts[-1][1])  # type: ignore[attr-defined]
            blank = [ref for ref in present if ref[0] != "points"] + [ref for ref in present if ref[0] == "points"]
            rows.append(_Row(index, entry, node.block == "penalty", tuple(others[:at]), tuple(others[at:]), (code, *present), (code, *blank)))
        totals = []
        for number, cells in table.totals:
            index = number - values.top - 1
            if not _is_points(values.values[index][offset]):
                return None
            totals.append((index, {role: cells[column] for role, column in table.number_columns if role == "max" and column in cells}))
        masked = frozenset(row.index for row in rows) | frozenset(index for index, _ in totals)
        top, hidden = values.top, values.hidden
        titles = set()  # the rows above the first that holds a heading: never part of a header
        for number in range(top + 1, table.layout.header_row):
            cells = _cells(values, number)
            if cells is None or header_roles(cells):
                break
            if number not in hidden:
                titles.add(number - top - 1)
        plain = frozenset(number - top - 1 for number in table.plain if number not in hidden)
        unread_from = table.end - top if table.end is not None else None
        width = len(values.values[0])
        worded = tuple((role, column - 1 - values.left) for role, column in table.layout.columns.items()
                       if (role == "name" or role in TEXT_ROLES) and 0 <= column - 1 - values.left < width)
        cuts = sorted({offset, *(at for _, at in worded)})
        kept = tuple(slice(start + 1, end) for start, end in zip([-1, *cuts], [*cuts, width]) if end > start + 1)
        return cls(values, offset, masked, tuple(rows), tuple(totals), column_letter(columns["points"]), appraisal, table.layout,
                   frozenset(titles), plain, unread_from, worded, kept, frozenset({rows[0].index} if rows else ()))

    def read(self, values: SheetValues, book: str, sheet: str) -> Appraisal | None:
        """The unit of `sheet` of workbook `book` (read as `values`) if it differs from the
        template only in its points, and they are points the full reading takes as they are.
        Its entries are CopiedEntries: made only when looked at."""
        reworded = self._alike(values)
        if reworded is None:
            return None
        place = self.sheet_place.on_sheet(sheet, book)
        at = self.points_offset
        given = tuple(values.values[row.index][at] for row in self.rows)
        points = []
        for row, value in zip(self.rows, given):
            checked = row.read.get(value, _UNREAD)
            if checked is _UNREAD:
                checked = row.read[value] = row.numbers(value)
            if checked is None:
                return None  # said at its cell by the full reading
            points.append(checked.points)  # type: ignore[union-attr]
        words = {index: self._words(values.values[index]) for index in reworded}
        codes, names, maxes, kinds = self._columns
        if words:
            names = tuple(words[row.index][0] if row.index in words else name for row, name in zip(self.rows, names))
        entries = CopiedEntries(codes, names, maxes, kinds, tuple(points), lambda: self._entries(given, words, place))
        totals = []
        for index, cells in self.totals:
            value = values.values[index][at]
            number = index + values.top + 1
            total_points = {"points": Cell(f"{self.points_letter}{number}", format(value, ".15g"), "number")} if value != "" else {}
            total = total_entry({**cells, **total_points}, place.cell)
            if total is not None:
                totals.append(total)
        findings = tuple(replace(finding, where=finding.where.on_sheet(sheet, book)) if isinstance(finding.where, Place) else finding
                         for finding in self.appraisal.findings)
        return replace(self.appraisal, entries=entries, source=unit_name(sheet), sheet=sheet, findings=findings, totals=tuple(totals))

    def _entries(self, given: tuple, words: dict[int, tuple[str | None, dict[str, str]]], place: Place) -> tuple[Entry, ...]:
        """A copy's entries: its points `given` (a value per criterion row, each checked by
        read), its rows' own `words`, its cells at `place`."""
        entries = []
        for row, value in zip(self.rows, given):
            checked = row.read[value]
            entry = row.entry
            name, texts = words.get(row.index, (entry.name, entry.texts))
            entries.append(Entry(code=entry.code, points=checked.points, max=checked.max, self_score=checked.self_score, name=name,  # type: ignore[union-attr]
                                 kind=entry.kind, texts=dict(texts), where=CellPlaces(place, row.refs if value != "" else row.blank_refs)))  # type: ignore[arg-type]
        return tuple(entries)

    @cached_property
    def _columns(self) -> tuple[tuple, tuple, tuple, tuple]:
        """The criterion rows' codes, names, standard points and kinds, as a copy's
        CopiedEntries hold them (a copy's standard points are read from the cells the
        template's are: _alike finds them equal)."""
        entries = [row.entry for row in self.rows]
        return (tuple(entry.code for entry in entries), tuple(entry.name for entry in entries), tuple(entry.max for entry in entries),
                tuple(entry.kind for entry in entries))

    def _words(self, cells: list) -> tuple[str | None, dict[str, str]]:
        """A criterion row's name and texts as the full reading reads them from its cells."""
        name, texts = None, {}
        for role, at in self.worded:
            if cells[at] != "" and cells[at].strip():
                if role == "name":
                    name = clean_text(cells[at])
                else:
                    texts[role] = clean_text(cells[at])
        return name, texts

    def _worded_alike(self, values: SheetValues, index: int) -> bool:
        """Whether a criterion row that words its name or texts otherwise is one the full
        reading reads as a criterion row all the same: words that are text, and a name
        that makes it no total, summary, bonus or penalty row (as the template's, so that
        the row's code is its code cell's), and no heading."""
        row = values.values[index]
        if index in self.fixed_words or any(type(row[at]) is not str for _, at in self.worded):
            return False
        if not all(_plain_name(words, self.worded) for words in (row, self.values.values[index])):
            return False
        cells = _cells(values, index + values.top + 1)
        return cells is not None and not is_header(cells)

    @cached_property
    def sheet_place(self) -> Place:
        return self.appraisal.entries[0].where["code"].up()  # type: ignore[attr-defined]

    def _alike(self, values: SheetValues) -> set[int] | None:
        """The criterion rows that word their name or texts otherwise (see read), if the
        sheet is otherwise the template's but for its points; else None."""
        mine = self.values
        if (values.unread or values.percent or _has_bool(values) or (values.top, values.left, values.hidden, values.merged) != (mine.top, mine.left, mine.hidden, mine.merged)
                or len(values.values) != len(mine.values) or (values.values and len(values.values[0]) != len(mine.values[0]))):
            return None
        at, masked, criteria = self.points_offset, self.masked, self._criterion_rows
        reworded = set()
        for index, (row, theirs) in enumerate(zip(values.values, mine.values)):
            if index in masked:
                if not _is_points(row[at]):
                    return None
                if row[:at] == theirs[:at] and row[at + 1:] == theirs[at + 1:]:
                    continue  # nearly every row: two comparisons in C
                if (index not in criteria or any(row[part] != theirs[part] for part in self.kept)
                        or not self._worded_alike(values, index)):
                    return None
                reworded.add(index)
            elif row != theirs and not self._says_another(values, index):
                return None
        return reworded

    @cached_property
    def _criterion_rows(self) -> frozenset[int]:
        return frozenset(row.index for row in self.rows)

    def _says_another(self, values: SheetValues, index: int) -> bool:
        """Whether a row that differs from the template's is one whose words are not read:
        a title (the unit's name in it) that holds no heading, a note or a signature
        below the table that is read as nothing, a row below a second table's header."""
        number = index + values.top + 1
        if self.unread_from is not None and index >= self.unread_from and number not in values.hidden:
            return True
        if index not in self.titles and index not in self.plain:
            return False
        cells = _cells(values, number)
        if cells is None:
            return False
        return not header_roles(cells) if index in self.titles else is_plain_row(cells, self.layout)


def _cells(values: SheetValues, number: int) -> dict[int, Cell] | None:
    """Row `number` of `values` as the strict reader's cells; None if it shows a date."""
    cells: dict[int, Cell] = {}
    return cells if values.row_cells(number, values.values[number - values.top - 1], cells) else None


def _plain_name(row: list, worded: tuple[tuple[str, int], ...]) -> bool:
    """Whether a row's name is text that makes it no total, summary, bonus or penalty row."""
    name = next((row[at] for role, at in worded if role == "name"), "")
    return type(name) is str and bool(name.strip()) and name_role(clean_text(name), "") == (None, None)


def _has_bool(values: SheetValues) -> bool:
    return bool in set(map(type, chain.from_iterable(values.values)))  # no Python call per cell: 0.12 s of 500 sheets' 2.9 under cProfile before


def _is_points(value: object) -> bool:
    """A number (not TRUE or FALSE) or a blank: what the points of a template's rows may be."""
    return value == "" or type(value) in _POINTS_VALUE
