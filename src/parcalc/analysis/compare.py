"""Year over year: two rankings (one unit each, or many) compared unit by unit and code
by code, largest drops first. Different criterion sets are matched by code; what has no
match on the other side is listed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .ranking import RankedUnit, Ranking


@dataclass(frozen=True)
class NodeDelta:
    code: str
    name: str | None
    old: Decimal
    new: Decimal

    @property
    def delta(self) -> Decimal:
        return self.new - self.old


@dataclass(frozen=True)
class UnitDelta:
    unit: str
    old: RankedUnit
    new: RankedUnit
    nodes: tuple[NodeDelta, ...]          # largest drops first
    only_old: tuple[str, ...]             # codes with points only in the old year
    only_new: tuple[str, ...]

    @property
    def index_delta(self) -> Decimal:
        return self.new.result.index - self.old.result.index

    @property
    def rank_change(self) -> int:
        """Places gained (positive) or lost (negative)."""
        return self.old.rank - self.new.rank


@dataclass(frozen=True)
class Comparison:
    units: tuple[UnitDelta, ...]          # largest index drops first
    only_old: tuple[str, ...]             # units in the old year only
    only_new: tuple[str, ...]


def compare(old: Ranking, new: Ranking) -> Comparison:
    old_units = {u.unit: u for u in old.units}
    new_units = {u.unit: u for u in new.units}
    if len(old_units) == len(new_units) == 1:  # one unit each: the same unit, whatever its sheet is called
        (old_name, old_unit), (_, new_unit) = next(iter(old_units.items())), next(iter(new_units.items()))
        pairs = [(old_name, old_unit, new_unit)]
    else:
        pairs = [(name, old_units[name], new_units[name]) for name in old_units if name in new_units]
    units = tuple(sorted((_unit_delta(*pair) for pair in pairs), key=lambda u: (u.index_delta, u.unit)))
    if len(pairs) == 1 and len(old_units) == len(new_units) == 1:
        return Comparison(units, (), ())
    return Comparison(
        units=units,
        only_old=tuple(name for name in old_units if name not in new_units),
        only_new=tuple(name for name in new_units if name not in old_units),
    )


def _unit_delta(unit: str, old: RankedUnit, new: RankedUnit) -> UnitDelta:
    old_points = {n.code: n for n in old.result.nodes if n.points is not None}
    new_points = {n.code: n for n in new.result.nodes if n.points is not None}
    nodes = [
        NodeDelta(code, new_points[code].criterion.name or old_points[code].criterion.name, old_points[code].points, new_points[code].points)  # type: ignore[arg-type]
        for code in old_points if code in new_points
    ]
    nodes.sort(key=lambda n: (n.delta, [int(p) for p in n.code.split(".")]))
    return UnitDelta(
        unit=unit, old=old, new=new, nodes=tuple(nodes),
        only_old=tuple(code for code in old_points if code not in new_points),
        only_new=tuple(code for code in new_points if code not in old_points),
    )
