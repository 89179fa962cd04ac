"""Year over year: two rankings (one unit each, or many) compared unit by unit and code
by code, largest drops first. Different criterion sets are matched by code; what has no
match on the other side is listed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core.model import Finding
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
    findings: tuple[Finding, ...] = ()    # what reading either year's workbooks noticed


def compare(old: Ranking, new: Ranking) -> Comparison:
    old_units = {u.unit: u for u in old.units}
    new_units = {u.unit: u for u in new.units}
    if len(old_units) == len(new_units) == 1:  # one unit each: the same unit, whatever its sheet is called
        (old_name, old_unit), (_, new_unit) = next(iter(old_units.items())), next(iter(new_units.items()))
        pairs = [(old_name, old_unit, new_unit)]
    else:
        pairs = [(name, old_units[name], new_units[name]) for name in old_units if name in new_units]
    codes = _Codes()
    changes = [(pair, codes.changes(*pair[1:])) for pair in pairs]  # every unit's changes first: then each distinct one is ranked once
    units = tuple(sorted((_unit_delta(*pair, codes.ordered(indexes)) for pair, indexes in changes), key=lambda u: (u.index_delta, u.unit)))
    findings = (*old.findings, *new.findings)
    if len(pairs) == 1 and len(old_units) == len(new_units) == 1:
        return Comparison(units, (), (), findings)
    return Comparison(
        units=units,
        only_old=tuple(name for name in old_units if name not in new_units),
        only_new=tuple(name for name in new_units if name not in old_units),
        findings=findings,
    )


class _Codes:
    """What every unit of a comparison asks again of the same few values: 10,000 units of
    110 codes have a million node changes but only a few thousand distinct ones, so each
    distinct (code, name, old, new) is one shared NodeDelta, made once, and they are
    sorted once: a unit's changes are then ordered by their distinct change's rank, an
    integer. `compare` itself (analysis.compare.compare on the two rankings of
    bench_matrix.py's compare case, timed alone, 2026-11-30): 5.3 s with a NodeDelta per
    change and a sort by (delta, code) per unit; 1.8 s with shared NodeDeltas; 1.06 s
    ranked once; 0.7 s with each unit's changes looked up in C (`_aligned`, 2026-12-01)."""

    def __init__(self) -> None:
        self._names: dict[tuple[int, int], dict[str, str | None]] = {}
        self._index: dict[tuple[str, str | None, Decimal, Decimal], int] = {}
        self._deltas: list[NodeDelta] = []
        self._ranks: list[int] | None = None
        self._seen: dict[tuple, list[dict[Decimal, dict[Decimal, int]]]] = {}  # per sets and nodes: each node's old -> new -> its change

    def names(self, old: RankedUnit, new: RankedUnit) -> dict[str, str | None]:
        """Each code of both sets -> its name: the later set's, else the earlier's."""
        pair = (id(old.result.criteria), id(new.result.criteria))
        if pair not in self._names:
            old_nodes, new_nodes = old.result.criteria.by_code(), new.result.criteria.by_code()
            self._names[pair] = {code: new_nodes[code].name or old_nodes[code].name for code in old_nodes if code in new_nodes}
        return self._names[pair]

    def changes(self, old: RankedUnit, new: RankedUnit) -> list[int]:
        """The unit's node changes, in the old year's node order, as indexes of distinct changes."""
        old_points, new_points = old.result.node_points, new.result.node_points
        codes = tuple(old_points)
        if codes == tuple(new_points):  # nearly always: both years' nodes, in the same order
            return self._aligned(old, new, codes)
        names = self.names(old, new)
        return [self._delta((code, names[code], points, new_points[code])) for code, points in old_points.items() if code in new_points]

    def _aligned(self, old: RankedUnit, new: RankedUnit, codes: tuple[str, ...]) -> list[int]:
        """`changes` of two units whose nodes are `codes`, in that order: each node's
        changes so far by its old points, then its new points, looked up in C (map over
        the nodes), the few not seen yet in Python. 10,000 units of 110 nodes: 0.73 to
        0.86 s a change at a time in Python, 0.45 to 0.53 s by (old, new) pairs as keys,
        0.40 to 0.49 s so (time.perf_counter, two runs each, 2026-12-01)."""
        key = (id(old.result.criteria), id(new.result.criteria), codes)  # names differ by the sets
        seen = self._seen.get(key)
        if seen is None:
            seen = self._seen[key] = [{} for _ in codes]
        olds, news = list(old.result.node_points.values()), list(new.result.node_points.values())
        by_new = list(map(dict.get, seen, olds))
        if None not in by_new:
            found = list(map(dict.get, by_new, news))
            if None not in found:
                return found
        names = self.names(old, new)
        found = []
        for position, (code, old_points, new_points) in enumerate(zip(codes, olds, news)):
            changes = seen[position].setdefault(old_points, {})
            at = changes.get(new_points)
            if at is None:
                at = changes[new_points] = self._delta((code, names[code], old_points, new_points))
            found.append(at)
        return found

    def _delta(self, change: tuple[str, str | None, Decimal, Decimal]) -> int:
        """The index of the distinct change (code, name, old, new), made on first sight."""
        at = self._index.get(change)
        if at is None:
            at = self._index[change] = len(self._deltas)
            self._deltas.append(NodeDelta(*change))
        return at

    def ordered(self, indexes: list[int]) -> tuple[NodeDelta, ...]:
        """The changes at `indexes` as NodeDeltas, largest drops first, then in code order
        (equal keys, one code twice, keep their order: the sort is stable)."""
        if self._ranks is None:  # once every unit's changes are known
            keys = [(delta.delta, tuple(int(part) for part in delta.code.split("."))) for delta in self._deltas]
            rank_of = {key: rank for rank, key in enumerate(sorted(set(keys)))}
            self._ranks = [rank_of[key] for key in keys]
        return tuple(map(self._deltas.__getitem__, sorted(indexes, key=self._ranks.__getitem__)))


def _unit_delta(unit: str, old: RankedUnit, new: RankedUnit, nodes: tuple[NodeDelta, ...]) -> UnitDelta:
    old_points, new_points = old.result.node_points, new.result.node_points
    if old_points.keys() == new_points.keys():  # nearly always: one comparison of the key sets, in C
        return UnitDelta(unit=unit, old=old, new=new, nodes=nodes, only_old=(), only_new=())
    return UnitDelta(
        unit=unit, old=old, new=new, nodes=nodes,
        only_old=tuple(code for code in old_points if code not in new_points),
        only_new=tuple(code for code in new_points if code not in old_points),
    )
