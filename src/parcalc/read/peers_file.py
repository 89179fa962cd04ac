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
    numbered = [(number, line) for number, line in enumerate(text.splitlines(), start=1)
                if line.strip() and not line.lstrip().startswith("#")]  # rows keep their line numbers in the file
    rows = list(csv.reader([line for _, line in numbered]))
    header = [name.strip() for name in rows[0]] if rows else []
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise InputError.at(Place(shown).row(numbered[0][0] if numbered else 1), "the header needs the columns {required} (missing: {missing}); add the missing ones",
                            required=", ".join(REQUIRED), missing=", ".join(missing))
    peers, problems, first = [], [], {}
    for (number, _), values in zip(numbered[1:], rows[1:]):
        row = dict(zip(header, values))
        if len(values) > len(header):  # 85,5 unquoted: the ",5" would be dropped, and 85 read
            problems.append(Problem(Place(shown).row(number), Msg(
                "{unit!r}: {count} values under {columns} columns (a decimal comma? write 85.5, or quote it: \"85,5\")",
                unit=row.get("unit"), count=len(values), columns=len(header))))
            continue
        key = (_same(row.get("unit") or ""), (row.get("year") or "").strip())
        if key in first:
            problems.append(Problem(Place(shown).row(number), Msg("{unit!r} is listed twice for {year} (also on row {first})",
                                                                  unit=key[0], year=key[1], first=first[key])))
            continue
        first[key] = number
        try:
            index = parse_decimal(row.get("index") or "")  # a short row lacks it
            if index is None or not 0 <= index <= 100:
                raise ValueError
            rank = int(row["rank"]) if (row.get("rank") or "").strip() else None
            peers.append(Peer(_same(row["unit"]), int(row["year"]), index, rank, (row.get("source") or "").strip()))
        except (ValueError, TypeError):
            problems.append(Problem(Place(shown).row(number), Msg("{unit!r}: year, index (0..100) and rank must be numbers", unit=row.get("unit"))))
    if problems:
        raise InputError(*problems)
    if not peers:
        raise InputError.at(shown, "has no rows; add the units' results")
    chosen = year if year is not None else max(peer.year for peer in peers)
    left_out = _same(exclude) if exclude is not None else None
    return [peer for peer in peers if peer.year == chosen and peer.unit != left_out]


def _same(name: str) -> str:
    """A unit's name compared as written, whatever the Unicode form or spacing."""
    return " ".join(unicodedata.normalize("NFC", name).split())
