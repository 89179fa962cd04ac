"""Read appraised points from a workbook sheet as MoHA result sheets and provincial
appendices lay them out: title rows, a header row somewhere in the first 20 rows,
blank spacer rows, merged cells, numbers as numbers or as text with a decimal comma."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..core import codes
from ..core.errors import InputError, Problem
from ..core.model import Appraisal, Entry
from ..core.numbers import from_stored_number, parse_decimal
from .xlsx import Cell, Workbook, value_cell

HEADER_SEARCH_ROWS = 20
# Vietnamese letters decompose (NFD) to ASCII plus combining marks in this block; a
# wide sheet's header has one heading per unit, so folding must be quick.
_VIETNAMESE_MARKS = re.compile("[\u0300-\u036f]+")
_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is str.isalnum() or "_"
NUMBER_ROLES = ("max", "points", "self_score", "lost", "value")
REMEDIATION_ROLES = ("remedy", "lead", "support", "deadline", "note")

# Headings, compared without diacritics, case or punctuation. A heading matches a role
# when it equals one of the role's phrases or starts with it; roles are tried in order.
_ROLE_PHRASES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    # (role, phrases, exact only)
    ("code", ("stt", "ma", "ma so", "ma tieu chi", "ma chi so", "code", "no"), True),
    ("max", ("diem chuan", "diem toi da", "max", "maximum", "standard", "standard points", "max points"), False),
    ("points", ("diem tham dinh", "diem dat", "diem duoc cong nhan", "appraised", "points"), False),
    ("self_score", ("diem tu cham", "diem tu danh gia", "self", "self score"), False),
    ("lost", ("diem bi mat", "diem mat", "lost", "lost points"), False),
    ("remedy", ("giai phap", "remedy", "remedies", "solution"), False),
    ("lead", ("co quan chu tri", "don vi chu tri", "lead", "lead agency"), False),
    ("support", ("co quan phoi hop", "don vi phoi hop", "support", "supporting agencies"), False),
    ("deadline", ("thoi gian thuc hien", "thoi gian hoan thanh", "deadline"), False),
    ("note", ("ghi chu", "note", "notes"), False),
    ("value", ("gia tri", "value", "raw value"), False),
    ("unit", ("don vi", "ten don vi", "unit", "co quan", "dia phuong"), True),  # exact: "Đơn vị A" may head a unit column
    ("name", ("linh vuc", "tieu chi", "noi dung", "ten tieu chi", "name", "criterion", "criteria", "field"), False),
)


def fold(text: str) -> str:
    """Lower case, no diacritics (đ -> d), punctuation as spaces, spaces collapsed."""
    plain = text
    if not plain.isascii():
        plain = _VIETNAMESE_MARKS.sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")))
        if not plain.isascii():  # marks of other scripts: the exact (slower) test
            plain = "".join(ch for ch in plain if unicodedata.category(ch) != "Mn")
    return " ".join(_NOT_ALNUM.sub(" ", plain.lower()).split())


# phrase -> (position of its role in _ROLE_PHRASES, role, exact only), for lookups by
# the heading's first words instead of a scan of every phrase
_BY_PHRASE: dict[str, list[tuple[int, str, bool]]] = {}
for _order, (_role, _phrases, _exact) in enumerate(_ROLE_PHRASES):
    for _phrase in _phrases:
        _BY_PHRASE.setdefault(_phrase, []).append((_order, _role, _exact))
_LONGEST_PHRASE = max(phrase.count(" ") + 1 for phrase in _BY_PHRASE)


_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in _BY_PHRASE)
# first word -> the most words a heading that starts with it can have and still match,
# when every phrase starting with it must be matched exactly ("Unit 7" is no "unit")
_EXACT_WORDS: dict[str, int] = {}
for _first in _FIRST_WORDS:
    _starting = [(phrase.count(" ") + 1, exact) for phrase, found in _BY_PHRASE.items() if phrase.split()[0] == _first for _, _, exact in found]
    if all(exact for _, exact in _starting):
        _EXACT_WORDS[_first] = max(words for words, _ in _starting)
_HAS_WORD = re.compile(r"[^\W_]")  # a token that folds to at least one word


@lru_cache(maxsize=4096)
def _first_folded_word(word: str) -> str:
    folded = fold(word)
    return folded.split(maxsplit=1)[0] if folded else ""


def role_of(heading: str) -> str | None:
    """The role of the first phrase (in role order) that the heading equals or, unless
    the role takes exact headings only, starts with as whole words."""
    # A wide sheet's header names thousands of units ("Sở Tư pháp", "Xã Tân Lập") that
    # share a few first words: reject those by their first word, folded once.
    tokens = heading.split(maxsplit=_LONGEST_PHRASE + 1)
    if not tokens:
        return None
    head = _first_folded_word(tokens[0])
    if head and head not in _FIRST_WORDS:
        return None
    if head in _EXACT_WORDS and len(tokens) > _EXACT_WORDS[head] and sum(map(bool, map(_HAS_WORD.search, tokens))) > _EXACT_WORDS[head]:
        return None  # more words than any phrase it could equal
    words = fold(heading).split()
    found: tuple[int, str] | None = None
    for count in range(1, min(len(words), _LONGEST_PHRASE) + 1):
        for order, role, exact in _BY_PHRASE.get(" ".join(words[:count]), ()):
            if (count == len(words) or not exact) and (found is None or order < found[0]):
                found = (order, role)
    return found[1] if found else None


@dataclass(frozen=True)
class Layout:
    """Where the header is and which column holds what."""

    sheet: str
    header_row: int
    columns: dict[str, int]  # role -> column index


class RowValues(BaseModel):
    """One data row's numbers, validated: exact decimals, never negative."""

    model_config = ConfigDict(extra="forbid")

    max: Optional[Decimal] = None
    points: Optional[Decimal] = None
    self_score: Optional[Decimal] = None
    lost: Optional[Decimal] = None
    value: Optional[Decimal] = None

    @field_validator("max", "points", "self_score", "lost", "value", mode="before")
    @classmethod
    def _number(cls, value: object) -> Decimal | None:
        return None if value is None else cell_number(value)  # type: ignore[arg-type]


def cell_number(cell: Cell) -> Decimal | None:
    """A cell's points, exactly; ValueError says what is wrong with it."""
    if cell.kind == "formula-without-value":
        raise ValueError("holds a formula whose result was never saved: open the workbook in Excel or LibreOffice, let it calculate, save, and try again")
    if cell.kind == "error":
        raise ValueError(f"holds the Excel error {cell.text}: fix the formula")
    if cell.kind == "bool":
        raise ValueError("holds TRUE/FALSE, not points")
    try:
        number = from_stored_number(cell.text) if cell.kind == "number" else parse_decimal(cell.text)
    except ValueError:
        raise ValueError(f"{cell.text.strip()!r} is not a number (write points like 1,48 or 1.48)") from None
    if number is not None and number < 0:
        raise ValueError(f"points cannot be negative ({cell.text.strip()})")
    return number


def value_points(value: object) -> Decimal | None:
    """A python-calamine value's points, as cell_number reads the same cell."""
    if type(value) is float and value >= 0:  # most cells: no detour through text
        return from_stored_number(value)
    return cell_number(value_cell("", value))


def read_appraisal(path: Path, sheet: str | None = None) -> Appraisal:
    """Read one unit's values from `path` (first sheet unless `sheet` is named)."""
    with Workbook(path) as book:
        name = book.sheet(sheet)
        rows = book.rows(name)
        layout = find_layout(rows, name, book.name, require=("points", "max", "lost"))
        entries = entries_from_rows(rows, layout, book.name)
    return Appraisal(entries=entries, source=path.name, sheet=name)


def header_roles(cells: dict[int, Cell]) -> dict[str, int]:
    """role -> column for a row's headings (the first column of each role wins)."""
    columns: dict[str, int] = {}
    for column, cell in sorted(cells.items()):
        role = role_of(cell.text) if cell.kind == "text" else None
        if role and role not in columns:
            columns[role] = column
    return columns


def find_layout(rows: Iterable[tuple[int, dict[int, Cell]]], sheet: str, filename: str, require: tuple[str, ...]) -> Layout:
    """Find the header row in the first rows: a code column and one of `require`.

    Consumes `rows` up to and including the header row.
    """
    place = f"{filename}, sheet {sheet!r}"
    seen_any = False
    headed_without_code: int | None = None
    for number, cells in rows:
        seen_any = True
        if number > HEADER_SEARCH_ROWS:
            break
        columns = header_roles(cells)
        if "code" in columns and any(role in columns for role in require):
            return Layout(sheet, number, columns)
        if headed_without_code is None and any(role in columns for role in require):
            headed_without_code = number
    if not seen_any:
        raise InputError.at(place, "the sheet is empty")
    if headed_without_code is not None:
        raise InputError.at(
            f"{place}, row {headed_without_code}",
            "the header has no code column: add a column headed STT, Mã or code holding codes such as 3.4.1",
        )
    wanted = {"points": "Điểm thẩm định", "max": "Điểm chuẩn", "lost": "Điểm bị mất"}
    names = " / ".join(wanted.get(role, role) for role in require)
    raise InputError.at(
        place,
        f"no header row in the first {HEADER_SEARCH_ROWS} rows: expected a code column (STT, Mã, code) "
        f"and a points column ({names})",
    )


def entries_from_rows(rows: Iterable[tuple[int, dict[int, Cell]]], layout: Layout, filename: str) -> tuple[Entry, ...]:
    problems: list[Problem] = []
    entries: dict[str, Entry] = {}
    number_columns = {role: layout.columns[role] for role in NUMBER_ROLES if role in layout.columns}

    def cell_place(cell_ref: str) -> str:
        return f"{filename}, sheet {layout.sheet!r}, cell {cell_ref}"

    for _number, cells in rows:
        code_cell = cells.get(layout.columns["code"])
        numbers = {role: cells[col] for role, col in number_columns.items() if col in cells}
        if code_cell is None or not code_cell.text.strip():
            continue  # spacer, merged cell or a total row without a code
        code = codes.normalize_code(code_cell.text)
        if code is None:
            if any(cell.text.strip() for cell in numbers.values()):
                problems.append(Problem(cell_place(code_cell.ref), f"{code_cell.text.strip()!r} is not a criterion code (codes look like 3 or 3.4.1)"))
            continue  # a heading row such as "I" or "A"
        try:
            values = RowValues.model_validate(numbers)
        except ValidationError as exc:
            for error in exc.errors():
                role = str(error["loc"][0])
                problems.append(Problem(cell_place(numbers[role].ref), f"{code}: {error['msg'].removeprefix('Value error, ')}"))
            continue
        where = {"code": cell_place(code_cell.ref)}
        where.update({role: cell_place(cell.ref) for role, cell in numbers.items()})
        if code in entries:
            problems.append(Problem(where["code"], f"code {code} appears twice (first at {entries[code].where['code']}); keep one row per code"))
            continue
        if values.max is not None and values.points is not None and values.points > values.max:
            problems.append(Problem(where["points"], f"{code}: {values.points} points is more than its standard points {values.max}"))
            continue
        points = values.points
        if points is None and values.lost is not None and values.max is not None:
            points = values.max - values.lost  # appendix rows that give only the lost points
        name_cell = cells.get(layout.columns.get("name", -1))
        entries[code] = Entry(
            code=code,
            points=points,
            max=values.max,
            lost=values.lost,
            self_score=values.self_score,
            value=values.value,
            name=_clean_text(name_cell.text) if name_cell else None,
            remediation={
                role: _clean_text(cells[layout.columns[role]].text)
                for role in REMEDIATION_ROLES
                if role in layout.columns and layout.columns[role] in cells and cells[layout.columns[role]].text.strip()
            },
            where=where,
        )
    if problems:
        raise InputError(*problems)
    if not entries:
        raise InputError.at(f"{filename}, sheet {layout.sheet!r}", f"no rows with a criterion code below the header (row {layout.header_row})")
    return tuple(entries.values())


def _clean_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())
