"""Ranking many units as MoHA reports do: rank (equal indexes share one), index, group,
each field's sub-index, the count per group and the mean index."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .engine import GROUPS, ScoreResult, UnitTotals
from .numbers import percent, round_half_up


@dataclass(frozen=True)
class RankedUnit:
    rank: int
    unit: str
    result: ScoreResult | UnitTotals
    field_indexes: tuple[Decimal | None, ...]  # each field's points as a percentage of its maximum


@dataclass(frozen=True)
class Ranking:
    units: tuple[RankedUnit, ...]
    field_codes: tuple[str, ...]

    @property
    def mean_index(self) -> Decimal:
        """The mean of the published (rounded) indexes, to two decimals."""
        if not self.units:
            return Decimal("0.00")
        return round_half_up(sum((u.result.index for u in self.units), Decimal(0)) / len(self.units))

    @property
    def group_counts(self) -> dict[str, int]:
        counts = {name: 0 for name, _ in GROUPS} | {"D": 0}
        for unit in self.units:
            counts[unit.result.group] += 1
        return counts


def rank_results(named: "list[tuple[str, ScoreResult]] | list[tuple[str, UnitTotals]]") -> Ranking:
    """Highest index first; equal indexes share a rank and keep the workbook's order."""
    indexes = [result.index for _, result in named]
    order = sorted(range(len(named)), key=indexes.__getitem__, reverse=True)  # stable: ties keep their order
    field_indexes = _field_indexes([result for _, result in named])
    ranked = []
    rank, previous = 0, None
    for position, i in enumerate(order, 1):
        if indexes[i] != previous:  # 1 + how many indexes are higher
            rank, previous = position, indexes[i]
        ranked.append(RankedUnit(rank, named[i][0], named[i][1], field_indexes[i]))
    units = tuple(ranked)
    fields = tuple(root.code for root in named[0][1].criteria.roots) if named else ()
    return Ranking(units, fields)


def _field_indexes(results: "list[ScoreResult] | list[UnitTotals]") -> list[tuple[Decimal | None, ...]]:
    """Each result's field sub-indexes, a field at a time for the results that share a
    set: thousands of units have far fewer distinct points, each worked out once."""
    out: list[tuple[Decimal | None, ...]] = [()] * len(results)
    by_set: dict[int, list[int]] = {}
    for position, result in enumerate(results):
        by_set.setdefault(id(result.criteria), []).append(position)
    for members in by_set.values():
        roots = results[members[0]].criteria.roots
        per_field = []
        for points, root in zip(zip(*(results[i].field_points for i in members)), roots):
            index_of = {p: None if p is None else percent(p, root.max) for p in set(points)}  # type: ignore[arg-type]
            per_field.append(map(index_of.__getitem__, points))
        for position, field_indexes in zip(members, zip(*per_field)):
            out[position] = field_indexes
    return out
