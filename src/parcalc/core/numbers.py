"""Exact decimal points: parsing as Vietnamese and English documents write them, rounding
as MoHA publishes, and formatting with the precision a value needs."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .messages import Msg

TWO_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)
# Tolerance for "does this published figure add up": tables are printed to two decimals.
TOLERANCE = Decimal("0.005")
_BLANKS = {"", "-", "–", "—"}


def parse_decimal(text: str) -> Decimal | None:
    """Read `1,48`, `1.48`, ` 8,50 ` or `1e-3` exactly; blank or a dash is None.

    A comma is the Vietnamese decimal separator. Raises ValueError on anything else.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if cleaned in _BLANKS:
        return None
    cleaned = cleaned.replace(",", ".")  # 1,2,5 and 1.234,5 become no number Decimal reads
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


# One number as people type it: an optional sign, digits, at most one decimal separator
# (comma or dot). No thousands separators, underscores, inner spaces, exponents, NaN or
# infinity: "1 2" or "0_5" must not become 12 or 5, nor 1e999999999 stall the arithmetic.
_TYPED = re.compile(r"^[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)$")  # ASCII digits: Decimal would take ١ and １
_MOST_CHARACTERS = 30


def typed_number(text: str) -> Decimal | None:
    """`text` (stripped) read by that grammar; None when it is not one number."""
    cleaned = text.strip()
    if len(cleaned) > _MOST_CHARACTERS or not _TYPED.fullmatch(cleaned):
        return None
    return Decimal(cleaned.replace(",", "."))


def plausible(value: Decimal) -> bool:
    """Finite, and of a size points, years, rates and counts can have (10^-12 to 10^12):
    a huge exponent would stall the arithmetic."""
    return value.is_finite() and (value == 0 or -12 <= value.adjusted() <= 12)


def parse_typed(text: str, lowest: Decimal | None = None, highest: Decimal | None = None) -> Decimal:
    """A number a user types (an option, a scenario), in range. ValueError says what is wrong."""
    cleaned = text.strip()
    value = typed_number(cleaned)
    if value is None:
        raise ValueError(Msg("{text!r} is not a number (write it like 85,5 or 85.5)", text=text))
    if (lowest is not None and value < lowest) or (highest is not None and value > highest):
        if lowest is not None and highest is not None:
            raise ValueError(Msg("{value} is out of range: give a number from {lowest} to {highest}", value=cleaned, lowest=lowest, highest=highest))
        if lowest is not None:
            raise ValueError(Msg("{value} is out of range: give a number at least {lowest}", value=cleaned, lowest=lowest))
        raise ValueError(Msg("{value} is out of range: give a number at most {highest}", value=cleaned, highest=highest))
    return value


def from_stored_number(text: str | float) -> Decimal:
    """A numeric cell as Excel shows it. Spreadsheets store binary doubles written with
    up to 17 digits (1.48 is saved as 1.4799999999999999); Excel displays 15 significant
    digits, so that is what the user typed and sees."""
    value = Decimal(format(float(text), ".15g"))
    return value if value != 0 else Decimal(0)


def round_half_up(value: Decimal, places: Decimal = TWO_PLACES) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole x 100 to two decimals, rounding half up (as MoHA publishes indexes)."""
    if whole == 0:
        return Decimal("0.00")
    return round_half_up(part * HUNDRED / whole)


def format_points(value: Decimal | None, decimal_sep: str = ",", min_places: int = 2) -> str:
    """At least two decimals, more only where the value needs them (0,996 stays 0,996)."""
    if value is None:
        return "—"
    places = max(min_places, -value.normalize().as_tuple().exponent)  # finite: every value shown is
    text = f"{value:.{places}f}"
    if text.startswith("-") and Decimal(text) == 0:
        text = text[1:]
    return text.replace(".", decimal_sep)


def to_json_number(value: Decimal | None) -> int | float | None:
    """Decimals become JSON numbers; points have few digits, so float's shortest repr
    prints exactly the decimal we hold (0.996 -> 0.996)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)
