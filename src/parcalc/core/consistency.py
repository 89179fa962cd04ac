"""A given node against the given nodes below it: the engine's check of its one unit,
and of units scored without a result per node (by columns, many at a time).

Below a given node the engine takes nothing but given points (what it derives there is
their sum), so the nearest given nodes below it, and the most that the rest below it
can hold, are the tree's, the same for every unit that gives points for the same codes:
a ranking works them out once and checks each unit from its given points alone.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Mapping

from .model import Criterion, CriterionSet, Finding
from .numbers import TOLERANCE

# a given node with given nodes below it: the node, those nodes (code, maximum), and the
# most that the unknown rest below it can hold
Check = tuple[Criterion, tuple[tuple[str, Decimal], ...], Decimal]


def given_checks(tree: CriterionSet, given: frozenset[str]) -> tuple[Check, ...]:
    """The checks for a unit that gives points for the codes `given`."""
    checks = []
    for node in tree.walk():
        if node.code in given and node.children:
            below, most = given_below(node, given)
            if below:
                checks.append((node, below, most))
    return tuple(checks)


def given_below(node: Criterion, given: frozenset[str]) -> tuple[tuple[tuple[str, Decimal], ...], Decimal]:
    """The nearest nodes below `node` among `given` (code, maximum), and the most that
    the rest below it can hold (unknown leaves' maxima, unlisted remainders)."""
    found: list[tuple[str, Decimal]] = []
    most = node.unlisted_max
    for child in node.children:
        assert child.max is not None  # a scored tree knows every maximum
        if child.code in given:
            found.append((child.code, child.max))
        elif child.children:
            below, rest = given_below(child, given)
            found += below
            most += rest
        else:
            most += child.max
    return tuple(found), most


def unit_finding(check: Check, points: Mapping[str, Decimal], where: object) -> Finding | None:
    """What a given node's points say against the given nodes below it (`points`, by
    code): nothing when what they leave fits between 0 and what the rest below it can
    hold, to the tolerance of two-decimal sheets."""
    node, below, most = check
    assert node.max is not None
    if not below:
        return None
    known_points = sum((points[code] for code, _ in below), Decimal(0))
    implied = points[node.code] - known_points
    if -TOLERANCE <= implied <= most + TOLERANCE:
        return None
    key = "children_sum" if most == 0 else "children_lose_more" if implied > 0 else "children_exceed"
    return Finding(key, node.code, where, {"points": points[node.code], "children_points": known_points,
                                          "lost": node.max - points[node.code],
                                          "children_lost": sum((maximum - points[code] for code, maximum in below), Decimal(0))})


def unit_findings(checks: tuple[Check, ...], points: Mapping[str, Decimal], place: Callable[[str], object]) -> list[Finding]:
    """One unit's findings, as the engine makes them: `points` are its given points by
    code (every code of `checks`), `place(code)` where that code's points cell is, asked
    only of a code that is said."""
    found = []
    for check in checks:
        finding = unit_finding(check, points, None)
        if finding is not None:
            found.append(Finding(finding.key, finding.code, place(finding.code), finding.params))
    return found
