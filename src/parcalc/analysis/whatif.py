"""What-if scenarios: parse the workbook once, then evaluate many changes on copies of
the baseline (never on the baseline itself).

An override sets a node's points (or a raw value that its rule turns into points). The
change travels up: every ancestor gains the same delta, so recovering 6.1.2 in full
raises 6.1, field 6 and the total by what 6.1.2 had lost. Evaluating a scenario touches
only the overridden nodes and their ancestors, so thousands of scenarios take well under
a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..core import codes
from ..core.engine import ABSENT, ScoreResult, Totals, totals
from ..core.errors import UsageError
from ..core.messages import Msg
from ..core.model import MOHA_GROUPS, Grade
from ..core.numbers import parse_typed


@dataclass(frozen=True)
class Override:
    code: str
    points: Decimal | None = None
    value: Decimal | None = None

    @classmethod
    def parse(cls, text: str, where: str = "--set") -> "Override":
        """`3.4.1=1.5` (points) or `3.4.1=value:0.98` (a raw value for the node's rule)."""
        code, equals, amount = text.partition("=")
        normalized = codes.normalize_code(code)
        if not equals or normalized is None:
            raise UsageError.at(where, "{text!r} is not CODE=POINTS or CODE=value:NUMBER (e.g. 6.1.2=1 or 3.4.1=value:0.98)", text=text)
        is_value = amount.strip().lower().startswith("value:")
        number_text = amount.strip()[len("value:"):] if is_value else amount
        try:
            number = parse_typed(number_text, lowest=Decimal(0))
        except ValueError as exc:
            raise UsageError.at(where, "{text!r}: {reason}", text=text, reason=exc.args[0]) from None
        return cls(normalized, value=number) if is_value else cls(normalized, points=number)

    def __str__(self) -> str:
        return f"{self.code}=value:{self.value}" if self.value is not None else f"{self.code}={self.points}"


@dataclass(frozen=True)
class Scenario:
    name: str
    overrides: tuple[Override, ...]
    description: str = ""


@dataclass(frozen=True)
class Change:
    code: str
    before: Decimal
    after: Decimal

    @property
    def delta(self) -> Decimal:
        return self.after - self.before


@dataclass(frozen=True)
class Outcome(Totals):
    name: str
    description: str
    total_points: Decimal
    total_max: Decimal
    changes: tuple[Change, ...] = ()
    scale: tuple[Grade, ...] = MOHA_GROUPS  # the set's grades

    @property
    def grades(self) -> tuple[Grade, ...]:
        return self.scale


class WhatIf:
    """The baseline, read once; `evaluate` returns new outcomes and changes nothing here."""

    def __init__(self, baseline: ScoreResult) -> None:
        self.baseline = baseline
        self._points = {node.code: node.points for node in baseline.nodes}
        self._nodes = {node.code: node for node in baseline.nodes}
        self._order = {node.code: position for position, node in enumerate(baseline.nodes)}
        self._ancestors: dict[str, tuple[str, ...]] = {}
        for node in baseline.criteria.walk():
            chain, parent = [], codes.parent_code(node.code)
            while parent is not None:
                chain.append(parent)
                parent = codes.parent_code(parent)
            self._ancestors[node.code] = tuple(chain)
        self._roots = tuple(root.code for root in baseline.criteria.roots)
        self._absent = frozenset(node.code for node in baseline.nodes if node.status == ABSENT)

    def baseline_outcome(self, name: str = "baseline") -> Outcome:
        return Outcome(name, "", self.baseline.total_points, self.baseline.total_max, scale=self.baseline.grades)

    def evaluate(self, scenario: Scenario) -> Outcome:
        current: dict[str, Decimal | None] = {}
        for override in sorted(scenario.overrides, key=lambda o: -codes.depth(o.code)):
            new = self._new_points(override, scenario.name)
            before = current.get(override.code, self._points[override.code])
            if before is None:
                raise UsageError.at(
                    Msg("scenario {name!r}", name=scenario.name),
                    "{code}'s points are not known one by one (they are inside its parent's total); override its parent instead",
                    code=override.code,
                )
            delta = new - before
            if not delta:
                continue
            current[override.code] = new
            for ancestor in self._ancestors[override.code]:
                known = current.get(ancestor, self._points[ancestor])
                if known is not None:
                    # a parent never exceeds its maximum, even where published figures
                    # do not add up (3.4 in Lâm Đồng): pass on only what it really gained
                    raised = min(self._nodes[ancestor].max, known + delta)
                    delta, current[ancestor] = raised - known, raised
        total, _ = totals(self.baseline.criteria, {code: current.get(code, self._points[code]) for code in self._roots}, self._absent)
        changes = tuple(
            Change(code, self._points[code], after)  # type: ignore[arg-type]
            for code, after in sorted(current.items(), key=lambda item: self._order[item[0]])
            if after != self._points[code]
        )
        return Outcome(scenario.name, scenario.description, total, self.baseline.total_max, changes, self.baseline.grades)

    def evaluate_all(self, scenarios: Iterable[Scenario]) -> list[Outcome]:
        return [self.evaluate(scenario) for scenario in scenarios]

    def _new_points(self, override: Override, scenario: str) -> Decimal:
        where = Msg("scenario {name!r}, {override}", name=scenario, override=str(override))
        node = self._nodes.get(override.code)
        if node is None:
            raise UsageError.at(where, "code {code} is not in criterion set {set}", code=override.code, set=self.baseline.criteria.id)
        maximum = node.max
        if override.value is not None:
            rule = node.criterion.rule
            if rule is None:
                raise UsageError.at(where, "{code} has no scoring rule in set {set}; give points instead (CODE=POINTS)",
                                    code=override.code, set=self.baseline.criteria.id)
            try:
                return rule.points(override.value, maximum)
            except ValueError as exc:
                raise UsageError.at(where, exc.args[0]) from None
        assert override.points is not None
        if not 0 <= override.points <= maximum:
            raise UsageError.at(where, "{points} points is outside 0..{max}, the maximum of {code}", points=override.points, max=maximum, code=override.code)
        return override.points

    def recoverable(self) -> list[tuple[str, Decimal]]:
        """Sub-criteria (nodes without children) that lost points, most lost first."""
        found = [
            (node.code, node.lost)
            for node in self.baseline.nodes
            if not node.criterion.children and node.lost is not None and node.lost > 0
        ]
        return sorted(found, key=lambda item: (-item[1], self._order[item[0]]))  # type: ignore[operator]

    def recovered_points(self, code: str, gain: Decimal | None = None) -> Decimal:
        """The points after winning back `gain` (default: everything lost): the maximum,
        or no deduction at all for a penalty."""
        node = self._nodes[code]
        if gain is None or node.points is None or gain >= (node.lost or 0):
            return Decimal(0) if node.criterion.kind == "penalty" else node.max
        return node.points - gain if node.criterion.kind == "penalty" else node.points + gain

    def kind(self, code: str) -> str:
        return self._nodes[code].criterion.kind

    def full_recovery(self, code: str) -> Scenario:
        return Scenario(f"{code}", (Override(code, points=self.recovered_points(code)),))
