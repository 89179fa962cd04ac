"""One unit's appraisal scored: the tree (a criterion set merged with the workbook, or the
workbook's own), scoring rules turning raw values into points, then the engine."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Mapping

from . import engine, reconcile
from .engine import ScoreResult
from .errors import ScoringError
from .model import Appraisal, CriterionSet, Finding
from .numbers import TOLERANCE
from .rules import Rule


def score_appraisal(
    appraisal: Appraisal,
    criteria: CriterionSet | None = None,
    *,
    assume_full: bool = False,
) -> ScoreResult:
    """Score values already read. Without `criteria` the workbook's own tree is used."""
    if criteria is None:
        tree, findings = reconcile.tree_from_workbook(appraisal)
    else:
        tree, findings = reconcile.merge(criteria, appraisal)
        appraisal, rule_findings = apply_rules(tree, appraisal)
        findings += rule_findings
    result = engine.score(tree, appraisal.by_code(), assume_full=assume_full, findings=tuple(findings))
    return replace(result, source=appraisal.source, sheet=appraisal.sheet)


def apply_rules(criteria: CriterionSet, appraisal: Appraisal) -> tuple[Appraisal, list[Finding]]:
    """Points from raw values where the workbook gives a value and the set a rule.

    Given points win; where they disagree with the rule by more than 0.005, a
    `value_mismatch` finding names the cell."""
    rules: Mapping[str, tuple[Rule, Decimal]] = {
        node.code: (node.rule, node.max) for node in criteria.walk() if node.rule is not None and node.max is not None
    }
    entries, findings = [], []
    for entry in appraisal.entries:
        if entry.value is None or entry.code not in rules:
            entries.append(entry)
            continue
        rule, maximum = rules[entry.code]
        try:
            computed = rule.points(entry.value, maximum)
        except ValueError as exc:
            raise ScoringError.at(entry.place("value"), f"{entry.code}: value {entry.value}: {exc}") from None
        if entry.points is None:
            entries.append(replace(entry, points=computed))
        else:
            if abs(entry.points - computed) > TOLERANCE:
                findings.append(Finding("value_mismatch", entry.code, entry.place("points"), {
                    "value": entry.value, "points": entry.points, "computed": computed, "kind": rule.kind}))
            entries.append(entry)
    return replace(appraisal, entries=tuple(entries)), findings
