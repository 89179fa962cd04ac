"""A file named as the user typed it, found when only its Unicode spelling differs.

Vietnamese letters have two spellings in Unicode: composed (NFC, one code point for
"ễ") and decomposed (NFD, the letter and its marks). A keyboard types one; macOS, some
zip tools and copies from them store the other; and Linux and Windows compare names
byte for byte. A clerk who typed `parcalc rank "Xã Đông Sơn.xlsx"` was told there was
no such file while `ls` showed it (a wildcard found it: the shell reads the folder).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path


def spelled_on_disk(typed: str | Path) -> Path:
    """`typed` if it names something (or is plain ASCII, which has one spelling); else the
    same path with each part that is missing replaced by the one entry of its folder
    that reads the same in NFC. Where there is none, or more than one, `typed` as it
    is, for the reader to say that no such file exists."""
    path = Path(typed)
    if str(path).isascii() or os.path.lexists(path):
        return path
    found = Path(path.anchor)
    for part in path.parts[1 if path.anchor else 0:]:
        if not os.path.lexists(found / part):
            alike = _alike(found, part)
            if len(alike) != 1:
                return path
            part = alike[0]
        found = found / part
    return found


def _alike(folder: Path, name: str) -> list[str]:
    """The entries of `folder` that are `name` (which it lacks) in another Unicode spelling."""
    wanted = unicodedata.normalize("NFC", name)
    try:
        entries = os.listdir(folder)  # Path("") is Path("."), the current folder
    except OSError:
        return []
    return [entry for entry in entries if unicodedata.normalize("NFC", entry) == wanted]  # `name` itself is missing
