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

from ..core.errors import UsageError


def spelled_on_disk(typed: str | Path) -> Path:
    """`typed` if it names something (or is plain ASCII, which has one spelling); else the
    same path with each part that is missing replaced by the one entry of its folder
    that reads the same in NFC, if there is one (an output's folder is found so). Two
    or more such entries are refused, as is a name that is not UTF-8 (bytes Python
    keeps as surrogates, which no output could name)."""
    path = Path(typed)
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        raise UsageError.at(shown, "the name is not UTF-8 text: rename the file or folder") from None
    if str(path).isascii() or os.path.lexists(path):
        return path
    found = Path(path.anchor)
    for part in path.parts[1 if path.anchor else 0:]:
        if not os.path.lexists(found / part):
            alike = _alike(found, part)
            if len(alike) > 1:
                raise UsageError.at(str(found / part), "{count} files or folders here have this name in different Unicode spellings (NFC, NFD): "
                                    "rename all but one, or give the name by a wildcard or the Tab key", count=len(alike))
            part = alike[0] if alike else part  # none: a file still to be written, or none at all (the reader says so)
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
