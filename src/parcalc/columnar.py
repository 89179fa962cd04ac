"""Scoring every unit of a wide sheet at once.

In a wide sheet every unit has points for the same codes (a unit left blank where
others have points is an error), so the engine's decisions (which nodes are given,
derived, bounded, assumed or absent) are the same for every unit. The first unit is
scored by the engine; every unit's field points are then the same sums of its own
given points plus what the engine assumed or left as a fixed remainder. Exact Decimal
sums, one list per field, no per-unit node objects: the totals equal scoring each unit
on its own (tests/test_rank.py checks that on random sheets), for 10,000 units in a
fraction of the time.
"""

from __future__ import annotations

from decimal import Decimal
from operator import add
from typing import Iterator, Mapping

from .engine import ABSENT, GIVEN, NodeResult, Scale, UnitTotals
from .errors import ScoringError
from .model import Criterion, CriterionSet
from .multiunit import UnitColumns


def score_columns(columns: UnitColumns, criteria: CriterionSet | None, *, assume_full: bool = False) -> list[tuple[str, UnitTotals]] | None:
    """(unit, totals) for every unit, in column order; None when some unit's points are
    wrong, so that the caller scores unit by unit and reports each problem."""
    from .api import score_appraisal

    try:
        result = score_appraisal(columns.first_unit(), criteria, assume_full=assume_full)
    except ScoringError:
        return None
    nodes = {node.code: node for node in result.nodes}
    if any(row.given and row.highest > nodes[row.code].max for row in columns.rows):  # type: ignore[operator]
        return None
    tree = result.criteria
    count = len(columns.units)
    adds_to: dict[str, int] = {}  # code of a given node -> the field its points add to
    sums: list[list[Decimal] | None] = []
    for position, root in enumerate(tree.roots):
        points = nodes[root.code].points
        if points is None:
            sums.append(None)
            continue
        given = list(_given_tops(root, nodes))
        adds_to.update((code, position) for code in given)
        fixed = points - sum((nodes[code].points for code in given), Decimal(0))  # type: ignore[misc]
        sums.append([fixed] * count)
    for row, unit_points in columns.points():
        position = adds_to.get(row.code)
        if position is not None:
            sums[position] = list(map(add, sums[position], unit_points))  # type: ignore[arg-type]
    scale = Scale(tree, frozenset(root.code for root in tree.roots if nodes[root.code].status == ABSENT))
    field_points = list(zip(*(field if field is not None else [None] * count for field in sums)))
    return [(unit, UnitTotals(tree, scale.points(points), scale.total_max, points))
            for unit, points in zip(columns.units, field_points)]


def _given_tops(node: Criterion, nodes: Mapping[str, NodeResult]) -> Iterator[str]:
    """The given nodes at or below `node` with no given ancestor below `node`."""
    if nodes[node.code].status == GIVEN:
        yield node.code
        return
    for child in node.children:
        yield from _given_tops(child, nodes)
