"""Dotted criterion codes: field `3`, criterion `3.4`, sub-criterion `3.4.1`."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CODE = re.compile(r"^\d+(?:\.\d+)*$")


@lru_cache(maxsize=8192)  # every row of every sheet asks (500 sheets: 55,000 calls, 0.66 of 6 s under cProfile)
def normalize_code(text: str) -> str | None:
    """`3.4.1`, ` 3.4.1. ` and `3 . 4 . 1` give `3.4.1`; anything else gives None."""
    cleaned = unicodedata.normalize("NFKC", text).replace(" ", "").strip().rstrip(".")
    if len(cleaned) > 40 or not _CODE.match(cleaned):  # codes are short; int() refuses 4,300 digits
        return None
    return ".".join(str(int(part)) for part in cleaned.split("."))


def parent_code(code: str) -> str | None:
    head, dot, _ = code.rpartition(".")
    return head if dot else None


def depth(code: str) -> int:
    return code.count(".") + 1


def sort_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


_ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}


@lru_cache(maxsize=8192)  # as normalize_code
def roman_value(text: str) -> int | None:
    """`I`, `II.`, `IV`, `XII` give 1, 2, 4, 12 (fields up to XXXIX); anything else None."""
    cleaned = unicodedata.normalize("NFKC", text).strip().rstrip(".").upper()
    if not cleaned or not _ROMAN.match(cleaned):
        return None
    values = [_ROMAN_DIGITS[letter] for letter in cleaned]
    return sum(-value if value < following else value for value, following in zip(values, values[1:] + [0]))
