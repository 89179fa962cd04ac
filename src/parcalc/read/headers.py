"""Headers as people write them: which column holds codes, names, standard points,
appraised points, self-scores, lost points and remedies, found by their headings
(compared without diacritics, case or punctuation), in one header row or in two (a
merged "Điểm" over "Tối đa | Tự chấm | Thẩm định")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from ..core import codes
from ..core.errors import InputError
from ..core.messages import Place
from .xlsx import Cell

HEADER_SEARCH_ROWS = 20
# Vietnamese letters decompose (NFD) to ASCII plus combining marks in this block; a
# wide sheet's header has one heading per unit, so folding must be quick.
_VIETNAMESE_MARKS = re.compile("[\u0300-\u036f]+")
_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is str.isalnum() or "_"
NUMBER_ROLES = ("max", "points", "self_score", "lost", "value")
TEXT_ROLES = ("remedy", "lead", "support", "deadline", "note", "explanation", "evidence")  # carried as written

# Headings, compared without diacritics, case or punctuation. A heading matches a role
# when it equals one of the role's phrases or starts with it; roles are tried in order.
_ROLE_PHRASES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    # (role, phrases, exact only)
    ("code", ("stt", "tt", "so tt", "ma", "ma so", "ma tieu chi", "ma chi so", "code", "no"), True),
    ("max", ("diem chuan", "diem toi da", "toi da", "max", "maximum", "standard", "standard points", "max points"), False),
    # lost before points: "Points lost" starts with "points" too
    ("lost", ("diem bi mat", "diem mat", "lost", "lost points", "points lost"), False),
    ("points", ("diem tham dinh", "diem dat", "diem duoc cong nhan", "tham dinh", "ket qua tham dinh", "diem sau tham dinh",
                "diem hoi dong tham dinh", "hoi dong tham dinh", "diem hoi dong cham", "appraised", "points"), False),
    ("self_score", ("diem tu cham", "diem tu danh gia", "tu cham", "tu danh gia", "self", "self score"), False),
    ("remedy", ("giai phap", "remedy", "remedies", "solution"), False),
    ("lead", ("co quan chu tri", "don vi chu tri", "lead", "lead agency"), False),
    ("support", ("co quan phoi hop", "don vi phoi hop", "support", "supporting agencies"), False),
    ("deadline", ("thoi gian thuc hien", "thoi gian hoan thanh", "deadline"), False),
    ("note", ("ghi chu", "note", "notes"), False),
    ("evidence", ("tai lieu kiem chung", "tai lieu minh chung", "minh chung", "evidence"), False),
    ("explanation", ("giai trinh", "noi dung giai trinh", "y kien giai trinh", "ly do giai trinh", "explanation"), False),
    ("value", ("gia tri", "value", "raw value"), False),
    ("unit", ("don vi", "ten don vi", "unit", "co quan", "dia phuong"), True),  # exact: "Đơn vị A" may head a unit column
    ("name", ("linh vuc", "tieu chi", "noi dung", "ten tieu chi", "name", "criterion", "criteria", "field"), False),
)


_COLUMN_LABEL = re.compile(r"^\(?\s*([0-9]{1,2}|[A-Za-z])\s*\)?(?:\s*=.*)?$")  # (1), 2, (C), (5)=(3)-(4)


def is_column_numbering(texts: Sequence[str]) -> bool:
    """Whether a row (its cells' text, left to right) only numbers the columns above it,
    as official tables do under their header: (1) (2) (3) ..., 1 2 3 ..., A B C ..."""
    labels = []
    for text in texts:
        if not text.strip():
            continue
        found = _COLUMN_LABEL.match(text.strip())
        if found is None:
            return False
        label = found.group(1)
        labels.append(int(label) if label.isdigit() else ord(label.upper()) - 64)
    return len(labels) >= 3 and labels[0] == 1 and all(b == a + 1 for a, b in zip(labels, labels[1:]))


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


@lru_cache(maxsize=8192)  # sheets copied from one template repeat their headings and names (500 sheets: 111,000 calls)
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
    """Where the header is, which column holds what, and the heading each was found by."""

    sheet: str
    header_row: int  # the last header row (the second of a two-row header)
    columns: dict[str, int]  # role -> column index
    headings: dict[str, str] = field(default_factory=dict)  # role -> its heading, as written


def header_roles(cells: dict[int, Cell]) -> dict[str, int]:
    """role -> column for a row's headings (the first column of each role wins)."""
    columns: dict[str, int] = {}
    for column, cell in sorted(cells.items()):
        role = role_of(cell.text) if cell.kind == "text" else None
        if role and role not in columns:
            columns[role] = column
    return columns


Rows = Sequence[tuple[int, dict[int, Cell]]]


class UnitColumnsError(ValueError):
    """A points heading over several columns that name no role: one column per unit."""

    def __init__(self, cells: list[Cell]) -> None:
        super().__init__("units side by side")
        self.cells = cells


def find_layout(rows: Rows, sheet: str, filename: str, require: tuple[str, ...],
                merged: Sequence[tuple[int, int, int, int]] = ()) -> tuple[Layout, int]:
    """The header in the first rows: a code column and one of `require`, in one row or
    in two (headings under a merged heading, such as "Điểm" over "Tối đa | Thẩm định").
    Returns the layout and the position in `rows` where the data begins."""
    place = Place(filename).sheet(sheet)
    headed_without_code: int | None = None
    for position, (number, cells) in enumerate(rows):
        if number > HEADER_SEARCH_ROWS:
            break
        columns = header_roles(cells)
        below = rows[position + 1] if position + 1 < len(rows) else None
        if "code" in columns and below is not None and below[0] == number + 1:
            try:
                two = two_row_header(cells, below[1], columns, number, merged)
            except UnitColumnsError as units:
                shown = ", ".join(f"{cell.ref} «{_clean(cell.text)}»" for cell in units.cells[:4]) + (", ..." if len(units.cells) > 4 else "")
                raise InputError.at(place.row(number), "the points heading stands over several columns ({cells}): a sheet "
                                    "with a column per unit is ranked with `parcalc rank`, which reads every unit", cells=shown) from None
            if two is not None and any(role in two[0] for role in require):
                return Layout(sheet, below[0], *two), position + 2
        if "code" in columns and any(role in columns for role in require):
            return Layout(sheet, number, columns, {role: _heading(cells[column]) for role, column in columns.items()}), position + 1
        if headed_without_code is None and any(role in columns for role in require):
            headed_without_code = number
    if not rows:
        raise InputError.at(place, "the sheet is empty")
    ranking = _ranking_header(rows)
    if ranking is not None:  # such as the ranking `rank -o` wrote into the folder of the files it ranks
        number, headings = ranking
        raise InputError.at(place.row(number), "this sheet is a ranking ({headings}), not a table of points: leave its workbook "
                            "out of those read (parcalc rank -o writes such a file)", headings=headings)
    if headed_without_code is not None:
        raise InputError.at(
            place.row(headed_without_code),
            "the header has no code column: add a column headed STT, Mã or code holding codes such as 3.4.1",
        )
    wanted = {"points": "Điểm thẩm định", "max": "Điểm chuẩn", "lost": "Điểm bị mất", "value": "Giá trị"}
    names = " / ".join(wanted.get(role, role) for role in require)
    raise InputError.at(
        place,
        "no header row in the first {rows} rows: expected a code column (STT, Mã, code) and a points column ({names})",
        rows=HEADER_SEARCH_ROWS, names=names,
    )


# the headings a ranking's table starts with, as parcalc's ranking writes them (and offices do)
_RANKING_HEADINGS = (("hạng", "đơn vị", "chỉ số"), ("rank", "unit", "index"))


def _ranking_header(rows: Rows) -> tuple[int, str] | None:
    """The first row, within the header search, that heads a ranking (rank, unit and
    index columns), and those headings as written."""
    for number, cells in rows:
        if number > HEADER_SEARCH_ROWS:
            break
        texts = {_clean(cell.text).casefold(): _clean(cell.text) for cell in cells.values() if cell.kind == "text"}
        for headings in _RANKING_HEADINGS:
            if all(heading in texts for heading in headings):
                return number, ", ".join(texts[heading] for heading in headings)
    return None


def two_row_header(top: dict[int, Cell], sub: dict[int, Cell], top_roles: dict[str, int], number: int,
                   merged: Sequence[tuple[int, int, int, int]] = ()) -> tuple[dict[str, int], dict[str, str]] | None:
    """Roles of a header whose second row (`sub`) names the columns under the first
    (`top`); None when `sub` is a data row (its code column holds a code) or names
    nothing. A sub-heading is read alone first ("Thẩm định"), then under the heading
    above it ("Điểm" + "Tối đa"). Raises UnitColumnsError when one heading stands over
    several columns that name no role of their own (units side by side)."""
    code_cell = sub.get(top_roles["code"])
    if code_cell is not None and (codes.normalize_code(code_cell.text) or codes.roman_value(code_cell.text)):
        return None
    if is_column_numbering([cell.text for _, cell in sorted(sub.items())]):
        return None  # (1) (2) (3) ... numbers the columns; the readers skip it
    above = _spread(top, number, merged)
    columns: dict[str, int] = {}
    headings: dict[str, str] = {}
    under: dict[str, list[Cell]] = {}  # role -> the sub-headings that have it only from the heading above
    for column, cell in sorted(sub.items()):
        if cell.kind != "text" or not cell.text.strip():
            continue
        parent = above.get(column, "")
        own = role_of(cell.text)
        role = own or (role_of(f"{parent} {cell.text}") if parent else None)
        if role and not own:
            under.setdefault(role, []).append(cell)
        if role and role not in columns:
            columns[role] = column
            headings[role] = f"{_clean(parent)} / {_clean(cell.text)}" if parent else _clean(cell.text)
    if len(under.get("points", ())) > 1:
        raise UnitColumnsError(under["points"])
    if not columns:
        return None
    for role, column in top_roles.items():  # headings that span both rows (STT, Tiêu chí)
        if role not in columns and column not in sub and column not in columns.values():
            columns[role] = column
            headings[role] = _heading(top[column])
    return columns, headings


def _spread(top: dict[int, Cell], number: int, merged: Sequence[tuple[int, int, int, int]]) -> dict[int, str]:
    """The first header row's text per column, a merged heading repeated over its columns."""
    spread = {column: cell.text for column, cell in top.items() if cell.kind == "text"}
    for first_row, first_column, last_row, last_column in merged:
        if first_row == number and first_column in spread:
            for column in range(first_column + 1, last_column + 1):
                spread.setdefault(column, spread[first_column])
    return spread


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _heading(cell: Cell) -> str:
    return _clean(cell.text)
