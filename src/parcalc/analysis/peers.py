"""Other units' published results, and the rank a score would have among them.
(parcalc.read.peers_file reads them from CSV.)"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Peer:
    unit: str
    year: int
    index: Decimal
    rank: int | None = None
    source: str = ""


def rank_among(index: Decimal, peers: list[Peer]) -> int:
    """1 + the number of peers with a higher index: equal indexes share a rank."""
    return 1 + sum(1 for peer in peers if peer.index > index)


def index_for_rank(rank: int, peers: list[Peer]) -> Decimal | None:
    """The lowest index that reaches `rank` (ties share it); None if any index does."""
    ordered = sorted((peer.index for peer in peers), reverse=True)
    return ordered[rank - 1] if len(ordered) >= rank else None
