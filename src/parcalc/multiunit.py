"""Workbooks with many units (departments, districts, communes, provinces), in three
layouts:

- wide: one row per code, one points column per unit (the unit's name is the heading);
- long: one row per unit and code, with a unit column (Đơn vị / unit);
- sheets: one sheet per unit, each laid out like a single-unit workbook; a workbook
  with a single such sheet is one unit named after the file.

Each unit becomes an Appraisal whose `source` is the unit's name.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import codes
from .errors import InputError, Problem
from .model import Appraisal, Entry
from .workbook import HEADER_SEARCH_ROWS, Layout, cell_number, entries_from_rows, find_layout, header_roles
from .xlsx import Cell, Workbook, column_letter

def read_units(path: Path, layout: str | None = None, sheet: str | None = None) -> list[Appraisal]:
    """Every unit in the workbook at `path`, in the order the workbook lists them."""
    with Workbook(path) as book:
        first = book.sheet(sheet)
        chosen = layout or _detect(book, first)
        if chosen == "sheets":
            names = [first] if sheet else book.sheet_names
            units = [_one_sheet(book, name) for name in names]
            if len(units) == 1:  # one unit in the file: the file names it
                units = [replace(units[0], source=path.stem)]
            return units
        rows = book.rows(first)
        if chosen == "long":
            return _long(rows, book.name, first)
        return _wide(rows, book.name, first)


def _detect(book: Workbook, sheet: str) -> str:
    for number, cells in book.rows(sheet):
        if number > HEADER_SEARCH_ROWS:
            break
        roles = header_roles(cells)
        if "code" not in roles:
            continue
        if "unit" in roles:
            return "long"
        unnamed = [cell for column, cell in cells.items() if column not in roles.values() and cell.text.strip()]
        if "points" not in roles and unnamed:
            return "wide"
        break
    return "sheets"


def _one_sheet(book: Workbook, name: str) -> Appraisal:
    rows = book.rows(name)
    layout = find_layout(rows, name, book.name, require=("points", "max", "lost"))
    return Appraisal(entries=entries_from_rows(rows, layout, book.name), source=name, sheet=name)


def _header(rows, filename: str, sheet: str, require: str) -> tuple[int, dict[int, Cell], Layout]:
    """The header row: the first in the first 20 with a code column (and `require`)."""
    for number, cells in rows:
        if number > HEADER_SEARCH_ROWS:
            break
        columns = header_roles(cells)
        if "code" in columns and (require in columns or require == "unit columns"):
            return number, cells, Layout(sheet, number, columns)
    needed = "a code column and a unit column (Đơn vị, unit)" if require == "unit" else "a code column and one column per unit"
    raise InputError.at(f"{filename}, sheet {sheet!r}", f"no header row in the first {HEADER_SEARCH_ROWS} rows with {needed}")


def _wide(rows, filename: str, sheet: str) -> list[Appraisal]:
    header_row, header, layout = _header(rows, filename, sheet, "unit columns")
    place = lambda ref: f"{filename}, sheet {sheet!r}, cell {ref}"  # noqa: E731
    role_columns = set(layout.columns.values())
    units: dict[int, str] = {}
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for column, cell in sorted(header.items()):
        name = " ".join(cell.text.split())
        if column in role_columns or not name:
            continue
        if name in seen:
            problems.append(Problem(place(cell.ref), f"unit {name!r} has a second column (first in column {seen[name]}); name each unit once"))
            continue
        seen[name] = column_letter(column)
        units[column] = name
    if not units:
        raise InputError.at(f"{filename}, sheet {sheet!r}, row {header_row}", "no unit columns: the wide layout has one points column per unit, headed with its name")
    entries: dict[int, list[Entry]] = {column: [] for column in units}
    code_column, max_column, name_column = layout.columns["code"], layout.columns.get("max"), layout.columns.get("name")
    for _number, cells in rows:
        code_cell = cells.get(code_column)
        code = codes.normalize_code(code_cell.text) if code_cell and code_cell.text.strip() else None
        if code is None:
            continue
        for column, cell in cells.items():
            if column not in units and column not in role_columns and column > code_column and cell.text.strip():
                problems.append(Problem(place(cell.ref), f"column {column_letter(column)} has points but no unit name in its header (row {header_row})"))
        maximum = _points_of(cells.get(max_column) if max_column else None, code, problems, place)
        name = " ".join(cells[name_column].text.split()) if name_column and name_column in cells else None
        given = {column: cells[column] for column in units if column in cells and cells[column].text.strip()}
        if given and len(given) < len(units):
            for column in units:
                if column not in given:
                    ref = f"{column_letter(column)}{code_cell.ref.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}"
                    problems.append(Problem(place(ref), f"unit {units[column]!r} has no points for {code}, which other units have"))
        for column, cell in given.items():
            points = _points_of(cell, code, problems, place)
            entries[column].append(Entry(code=code, points=points, max=maximum, name=name,
                                         where={"code": place(code_cell.ref), "points": place(cell.ref)}))
    if problems:
        raise InputError(*problems[:50])
    return [Appraisal(entries=tuple(entries[column]), source=unit, sheet=sheet) for column, unit in units.items()]


def _long(rows, filename: str, sheet: str) -> list[Appraisal]:
    _header_row, _cells, layout = _header(rows, filename, sheet, "unit")
    if "points" not in layout.columns:
        raise InputError.at(f"{filename}, sheet {sheet!r}, row {layout.header_row}", "the long layout needs a points column (Điểm thẩm định, points)")
    place = lambda ref: f"{filename}, sheet {sheet!r}, cell {ref}"  # noqa: E731
    by_unit: dict[str, dict[str, Entry]] = {}
    problems: list[Problem] = []
    unit_column = layout.columns["unit"]
    for _number, cells in rows:
        code_cell, unit_cell = cells.get(layout.columns["code"]), cells.get(unit_column)
        code = codes.normalize_code(code_cell.text) if code_cell and code_cell.text.strip() else None
        if code is None:
            continue
        if unit_cell is None or not unit_cell.text.strip():
            problems.append(Problem(place(code_cell.ref), f"the row of {code} names no unit"))
            continue
        unit = " ".join(unit_cell.text.split())
        points_cell = cells.get(layout.columns["points"])
        max_cell = cells.get(layout.columns["max"]) if "max" in layout.columns else None
        entry = Entry(code=code, points=_points_of(points_cell, code, problems, place), max=_points_of(max_cell, code, problems, place),
                      where={"code": place(code_cell.ref), **({"points": place(points_cell.ref)} if points_cell else {})})
        unit_entries = by_unit.setdefault(unit, {})
        if code in unit_entries:
            problems.append(Problem(place(code_cell.ref), f"unit {unit!r} has {code} twice (first at {unit_entries[code].where['code']})"))
            continue
        unit_entries[code] = entry
    if problems:
        raise InputError(*problems[:50])
    if not by_unit:
        raise InputError.at(f"{filename}, sheet {sheet!r}", "no rows with a unit and a criterion code")
    return [Appraisal(entries=tuple(entries.values()), source=unit, sheet=sheet) for unit, entries in by_unit.items()]


def _points_of(cell: Cell | None, code: str, problems: list[Problem], place) -> object:
    if cell is None:
        return None
    try:
        return cell_number(cell)
    except ValueError as exc:
        problems.append(Problem(place(cell.ref), f"{code}: {exc}"))
        return None
