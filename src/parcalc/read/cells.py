"""A cell's points as clerks type them: numbers stored as numbers, or text with a decimal
comma or dot, spaces, non-breaking spaces and a unit ("4 điểm", "6,5 đ"); marks for
"không áp dụng" told apart from blanks; rates (91,67 %) refused where points belong."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ..core.messages import Msg
from ..core.numbers import format_points, from_stored_number, typed_number
from .xlsx import Cell, value_cell

# A unit after the number: điểm, đ, đ., points, pts (compared in lower case, NFC).
_UNIT = re.compile(r"\s*(?:điểm|diem|đ\.?|points?|pts?\.?)$")
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
# "Không áp dụng" marks, compared without diacritics, case or spaces.
NOT_APPLICABLE = frozenset({"-", "–", "—", "x", "kad", "k/a/d", "khongapdung", "khongphatsinh", "kps", "n/a", "na"})
BLANK_DASHES = frozenset({"-", "–", "—"})
# A number cell's stored text, as spreadsheets write it (1.4799999999999999, 1E-3).
_LARGEST = 10**12  # points, rates and counts of a scoring sheet stay far below
# An indicator's yes/no as clerks write it (compared without diacritics, case or spaces).
YES_NO = {"co": Decimal(1), "dat": Decimal(1), "yes": Decimal(1), "khong": Decimal(0), "khongdat": Decimal(0), "no": Decimal(0)}


def excerpt(text: str) -> str:
    """A cell's text as a message quotes it (`{text!r}`, «{text}»): at most 40 characters."""
    shown = text.strip()
    return shown if len(shown) <= 40 else shown[:40] + "…"


def plain(text: str) -> str:
    """Lower case, no diacritics (đ -> d), no spaces: for comparing short marks."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return _SPACES.sub("", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")).lower()


def is_not_applicable(value: object) -> bool:
    """Whether a value is a "không áp dụng" mark (-, x, KAD, không phát sinh)."""
    return type(value) is str and bool(value.strip()) and plain(value) in NOT_APPLICABLE


def not_applicable_mark(cell: Cell | None) -> str | None:
    """The mark's text when `cell` says "không áp dụng"."""
    if cell is None or cell.kind != "text" or not is_not_applicable(cell.text):
        return None
    return cell.text.strip()


def parse_points_text(text: str, *, rate: bool = False) -> Decimal | None:
    """`1,48`, `1.48`, ` 4 điểm `, `6,5 đ` exactly; blank or a dash is None. With
    `rate` (an indicator's value), `91,67%` is 0.9167 and Có / Không (Đạt / Không đạt)
    are 1 / 0. Raises ValueError naming what is wrong (its argument a Msg)."""
    cleaned = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if not cleaned or cleaned in BLANK_DASHES:
        return None
    if rate and plain(cleaned) in YES_NO:
        return YES_NO[plain(cleaned)]
    if cleaned.endswith("%") and rate:
        number = typed_number(cleaned[:-1].strip())
        if number is None:
            raise ValueError(Msg("{text!r} is not a rate (write it like 91,67% or 0,9167)", text=excerpt(cleaned)))
        return number / 100
    if cleaned.endswith("%"):
        raise ValueError(Msg("{text!r} is a rate, not points: write the points this rate earns (or give the rate in a value column with a scoring rule)",
                             text=excerpt(cleaned)))
    number = typed_number(_UNIT.sub("", cleaned.lower()))
    if number is None and rate:
        raise ValueError(Msg("{text!r} is not a value (write a rate like 32% or 0,32, a count, or Có / Không)", text=excerpt(cleaned)))
    if number is None:
        raise ValueError(Msg("{text!r} is not a number (write points like 1,48 or 1.48)", text=excerpt(cleaned)))
    return number


def cell_number(cell: Cell, *, negative: bool = False, rate: bool = False) -> Decimal | None:
    """A cell's points, exactly; ValueError (with a Msg) says what is wrong with it. `negative`
    admits a sign (penalty rows often write the deduction as -2); `rate` admits
    percentages (an indicator's value: a cell formatted 25% holds 0.25)."""
    if cell.kind == "formula-without-value":
        raise ValueError(Msg("holds a formula whose result was never saved: open the workbook in Excel or LibreOffice, let it calculate, save, and try again"))
    if cell.kind == "error":
        raise ValueError(Msg("holds the Excel error {error}: fix the formula", error=cell.text))
    if cell.kind == "bool":
        raise ValueError(Msg("holds TRUE/FALSE, not points: write the points"))
    if cell.kind == "percent" and not rate:
        raise ValueError(Msg("is formatted as a percentage ({percent} %): a rate, not points; format it as a number if it holds points",
                             percent=Decimal(format_points(from_stored_number(cell.text) * 100, "."))))  # a Decimal: shown as the language writes it
    # a number cell holds a stored number: the reader refuses any other (xlsx.STORED_NUMBER)
    number = from_stored_number(cell.text) if cell.kind in ("number", "percent") else parse_points_text(cell.text, rate=rate)
    if number is not None and (not number.is_finite() or abs(number) >= _LARGEST):
        raise ValueError(Msg("{text!r} is not a number of points (nor a count) that a sheet can hold", text=excerpt(cell.text)))
    if number is not None and number < 0 and not negative:
        raise ValueError(Msg("points cannot be negative ({text}): write 0 or more", text=cell.text.strip()))
    return number


def value_points(value: object, *, negative: bool = False) -> Decimal | None:
    """A python-calamine value's points, as cell_number reads the same cell."""
    if type(value) is float and 0 <= value < _LARGEST:  # most cells: no detour through text (NaN and infinity fail this)
        return from_stored_number(value)
    number = cell_number(value_cell("", value), negative=negative)
    return abs(number) if number is not None else None
