"""A given node against the given nodes below it, for units scored without a result per
node (by columns, many at a time).

`score` checks its one unit in the engine (engine._Scorer._check_children). A ranking
scores most units by columns and checks each here, from its given points alone: below
a given node the engine takes nothing but given points (what it derives there is their
sum), so the nearest given nodes below it, and the most that the rest below it can
hold, are the tree's, the same for every unit that gives points for the same codes.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Callable, Mapping

from .engine import children_finding
from .model import Criterion, CriterionSet, Finding

# a given node with given nodes below it: the node, those nodes (code, maximum), and the
# most that the unknown rest below it can hold
Check = tuple[Criterion, tuple[tuple[str, Decimal], ...], Decimal]


def given_checks(tree: CriterionSet, given: frozenset[str]) -> tuple[Check, ...]:
    """The checks for a unit that gives points for the codes `given`."""
    checks = []
    for node in tree.walk():
        if node.code in given and node.children:
            below, most = _given_below(node, given)
            if below:
                checks.append((node, tuple(below), most))
    return tuple(checks)


def _given_below(node: Criterion, given: frozenset[str]) -> tuple[list[tuple[str, Decimal]], Decimal]:
    found: list[tuple[str, Decimal]] = []
    most = node.unlisted_max
    for child in node.children:
        assert child.max is not None  # a scored tree knows every maximum
        if child.code in given:
            found.append((child.code, child.max))
        elif child.children:
            below, rest = _given_below(child, given)
            found += below
            most += rest
        else:
            most += child.max
    return found, most


def unit_findings(checks: tuple[Check, ...], points: Mapping[str, Decimal], place: Callable[[str], object]) -> list[Finding]:
    """One unit's findings, as the engine would make them: `points` are its given points
    by code (every code of `checks`), `place(code)` where that code's points cell is."""
    found = []
    for node, below, most in checks:
        known_points = sum((points[code] for code, _ in below), Decimal(0))
        known_lost = sum((maximum - points[code] for code, maximum in below), Decimal(0))
        finding = children_finding(node, points[node.code], known_points, known_lost, most, None)
        if finding is not None:
            found.append(replace(finding, where=place(node.code)))
    return found
