"""Other units' published results, and the rank a score would have among them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .errors import InputError, Problem
from .numbers import parse_decimal
from .textfile import read_text

REQUIRED = ("unit", "year", "index")


@dataclass(frozen=True)
class Peer:
    unit: str
    year: int
    index: Decimal
    rank: int | None = None
    source: str = ""


def load_peers(path: Path, year: int | None = None, exclude: str | None = None) -> list[Peer]:
    """Rows of a peers CSV (unit, year, index, optional rank and source) for `year`
    (default: the latest year in the file), without the unit named `exclude`."""
    shown = str(path)
    text = read_text(path, "a peers file (.csv)", InputError)
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        raise InputError.at(f"{shown}:1", f"the header needs the columns {', '.join(REQUIRED)} (missing: {', '.join(missing)})")
    peers, problems = [], []
    for number, row in enumerate(reader, start=2):
        try:
            index = parse_decimal(row["index"] or "")
            if index is None or not 0 <= index <= 100:
                raise ValueError
            rank = int(row["rank"]) if (row.get("rank") or "").strip() else None
            peers.append(Peer(row["unit"].strip(), int(row["year"]), index, rank, (row.get("source") or "").strip()))
        except (ValueError, TypeError):
            problems.append(Problem(f"{shown}, row {number}", f"{row.get('unit')!r}: year, index (0..100) and rank must be numbers"))
    if problems:
        raise InputError(*problems)
    if not peers:
        raise InputError.at(shown, "has no rows")
    chosen = year if year is not None else max(peer.year for peer in peers)
    return [peer for peer in peers if peer.year == chosen and peer.unit != exclude]


def rank_among(index: Decimal, peers: list[Peer]) -> int:
    """1 + the number of peers with a higher index: equal indexes share a rank."""
    return 1 + sum(1 for peer in peers if peer.index > index)


def index_for_rank(rank: int, peers: list[Peer]) -> Decimal | None:
    """The lowest index that reaches `rank` (ties share it); None if any index does."""
    ordered = sorted((peer.index for peer in peers), reverse=True)
    return ordered[rank - 1] if len(ordered) >= rank else None
