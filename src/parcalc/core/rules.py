"""Scoring rules: how a raw indicator (a rate, a count, yes/no) becomes points.

Rules are data in the criterion set. Kinds:
- direct: the value is the points (the default when a node has no rule);
- bands: the first band whose edge the value reaches gives its points, else `otherwise`;
  an edge is `at_least` ("từ 90%", the value may equal it) or `above` ("trên 90%", it may not);
- proportional: maximum x value / target, capped at the maximum;
- yesno: 1 gives the maximum, 0 gives nothing;
- per_item: value (a count) x points per item, capped at the maximum;
- deduction: the maximum less value (a count of violations) x points per violation, down to 0.
Results are rounded half up to `places` decimals (default 3, as MoHA prints 0,996).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .numbers import round_half_up
from .messages import Msg

KINDS = ("direct", "bands", "proportional", "yesno", "per_item", "deduction")


@dataclass(frozen=True)
class Band:
    at_least: Decimal  # the edge
    points: Decimal
    above: bool = False  # the value must exceed the edge ("trên"), not only reach it ("từ", "ít nhất")

    def reached(self, value: Decimal) -> bool:
        return value > self.at_least if self.above else value >= self.at_least


@dataclass(frozen=True)
class Threshold:
    """The least value that gives full points: `edge`, or anything above it when `above`."""

    edge: Decimal
    above: bool = False

    def margin(self, value: Decimal) -> Decimal:
        """How far `value` is past the edge (negative: short of it)."""
        return value - self.edge

    def met(self, value: Decimal) -> bool:
        return value > self.edge if self.above else value >= self.edge


@dataclass(frozen=True)
class Rule:
    kind: str
    bands: tuple[Band, ...] = ()
    otherwise: Decimal = Decimal(0)
    target: Decimal | None = None
    per_item: Decimal | None = None
    per_violation: Decimal | None = None
    places: int = 3

    def points(self, value: Decimal, maximum: Decimal) -> Decimal:
        """Points for `value`; raises ValueError for a value the rule cannot take."""
        if value < 0:
            raise ValueError(Msg("a {kind} value cannot be negative", kind=self.kind))
        if self.kind == "direct":
            result = value
        elif self.kind == "bands":
            result = next((band.points for band in self.bands if band.reached(value)), self.otherwise)
        elif self.kind == "proportional":
            assert self.target is not None
            result = min(maximum, maximum * value / self.target)
        elif self.kind == "yesno":
            if value not in (0, 1):
                raise ValueError(Msg("a yes/no value is 1 (yes) or 0 (no)"))
            result = maximum if value == 1 else Decimal(0)
        elif self.kind == "per_item":
            assert self.per_item is not None
            result = min(maximum, value * self.per_item)
        else:  # deduction
            assert self.per_violation is not None
            result = max(Decimal(0), maximum - value * self.per_violation)
        if result > maximum:
            raise ValueError(Msg("gives {result}, more than the maximum {maximum}", result=result, maximum=maximum))
        return round_half_up(result, Decimal(1).scaleb(-self.places))

    def full_points_at(self, maximum: Decimal) -> Threshold | None:
        """The value from which the rule gives `maximum` (a target to reach), for the kinds
        where more is better; None for direct points and deductions."""
        if self.kind == "bands":
            full = next((band for band in self.bands if band.points == maximum), None)
            return Threshold(full.at_least, full.above) if full else None
        if self.kind == "proportional" and self.target is not None:
            return Threshold(self.target)
        if self.kind == "yesno":
            return Threshold(Decimal(1))
        if self.kind == "per_item" and self.per_item:
            return Threshold(maximum / self.per_item)
        return None


def check(rule: Rule, maximum: Decimal | None) -> list[str]:
    """What is wrong with a rule for a node of `maximum` points (empty when fine)."""
    problems = []
    needs = {"bands": "bands", "proportional": "target", "per_item": "per_item", "deduction": "per_violation"}
    if rule.kind in needs and not getattr(rule, needs[rule.kind]):
        problems.append(f"a {rule.kind} rule needs `{needs[rule.kind]}`")
    edges = [(band.at_least, band.above) for band in rule.bands]  # "above 0.9" comes before "at least 0.9"
    if edges != sorted(edges, reverse=True) or len(set(edges)) != len(edges):
        problems.append("band edges (at_least, above) must go from the highest down, each once")
    points = [band.points for band in rule.bands] + ([rule.otherwise] if rule.kind == "bands" else [])
    if maximum is not None and any(p > maximum or p < 0 for p in points):
        problems.append(f"band points must be between 0 and the maximum {maximum}")
    for name in ("target", "per_item", "per_violation"):
        value = getattr(rule, name)
        if value is not None and value <= 0:
            problems.append(f"`{name}` must be more than 0")
    return problems
