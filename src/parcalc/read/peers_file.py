"""Read a peers file: other units' published results (CSV of unit, year, index, rank, source)."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from ..analysis.peers import Peer
from ..core.errors import InputError, Problem
from ..core.messages import Msg, Place
from ..core.numbers import parse_decimal
from .textfile import read_text

REQUIRED = ("unit", "year", "index")


def load_peers(path: Path, year: int | None = None, exclude: str | None = None) -> list[Peer]:
    """Rows of a peers CSV (unit, year, index, optional rank and source) for `year`
    (default: the latest year in the file), without the unit named `exclude`."""
    shown = str(path)
    text = read_text(path, Msg("a peers file (.csv)"), InputError)
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        raise InputError.at(Place(shown, line=1), "the header needs the columns {required} (missing: {missing})",
                            required=", ".join(REQUIRED), missing=", ".join(missing))
    peers, problems = [], []
    for number, row in enumerate(reader, start=2):
        try:
            index = parse_decimal(row["index"] or "")
            if index is None or not 0 <= index <= 100:
                raise ValueError
            rank = int(row["rank"]) if (row.get("rank") or "").strip() else None
            peers.append(Peer(_same(row["unit"]), int(row["year"]), index, rank, (row.get("source") or "").strip()))
        except (ValueError, TypeError):
            problems.append(Problem(Place(shown).row(number), Msg("{unit!r}: year, index (0..100) and rank must be numbers", unit=row.get("unit"))))
    if problems:
        raise InputError(*problems)
    if not peers:
        raise InputError.at(shown, "has no rows")
    chosen = year if year is not None else max(peer.year for peer in peers)
    left_out = _same(exclude) if exclude is not None else None
    return [peer for peer in peers if peer.year == chosen and peer.unit != left_out]


def _same(name: str) -> str:
    """A unit's name compared as written, whatever the Unicode form or spacing."""
    return " ".join(unicodedata.normalize("NFC", name).split())
