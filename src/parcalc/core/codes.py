"""Dotted criterion codes: field `3`, criterion `3.4`, sub-criterion `3.4.1`."""

from __future__ import annotations

import re
import unicodedata

_CODE = re.compile(r"^\d+(?:\.\d+)*$")


def normalize_code(text: str) -> str | None:
    """`3.4.1`, ` 3.4.1. ` and `3 . 4 . 1` give `3.4.1`; anything else gives None."""
    cleaned = unicodedata.normalize("NFKC", text).replace(" ", "").strip().rstrip(".")
    if not _CODE.match(cleaned):
        return None
    return ".".join(str(int(part)) for part in cleaned.split("."))


def parent_code(code: str) -> str | None:
    head, dot, _ = code.rpartition(".")
    return head if dot else None


def depth(code: str) -> int:
    return code.count(".") + 1


def sort_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))
