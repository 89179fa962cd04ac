"""One unit's appraisal scored: the tree (a criterion set merged with the workbook, or the
workbook's own), scoring rules turning raw values into points, then the engine."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Mapping

from . import engine, reconcile
from .engine import ScoreResult
from .errors import InputError, Problem, ScoringError, UsageError
from .messages import Msg, Place
from .model import Appraisal, Criterion, CriterionSet, Entry, Finding
from .numbers import TOLERANCE
from .rules import Rule


BLANK_READINGS = ("zero", "full")  # a blank points cell: not achieved, or counted at full points
NA_READINGS = ("full", "exclude")  # "không áp dụng": full points, or out of the scale


def score_appraisal(
    appraisal: Appraisal,
    criteria: CriterionSet | None = None,
    *,
    assume_full: bool = False,
    blank: str | None = None,
    na: str | None = None,
    trees: dict | None = None,
) -> ScoreResult:
    """Score values already read. Without `criteria` the workbook's own tree is used;
    `trees` (a dict kept across calls) builds it once for units whose rows are alike,
    as the units of one sheet are (2.8 ms a unit: 28 s of 10,000 units' compare), and
    gives units with equal trees one tree object.

    `blank` says how a blank points cell of a row with no points below it is read
    ("zero", or "full" as `assume_full` counts it); `na` how a cell marked "không áp
    dụng" is ("full", or "exclude" from the scale). Left unsaid, such cells are errors
    that name every reading, since a wrong guess moves a unit between groups."""
    for option, value, readings in (("--blank", blank, BLANK_READINGS), ("--na", na, NA_READINGS)):
        if value is not None and value not in readings:
            raise UsageError.at(option, "{value!r} is not a reading: use {readings}", value=value, readings="/".join(readings))
    _require_points(appraisal)
    if criteria is None:
        tree, findings = _workbook_tree(appraisal, trees)
    else:
        tree, findings = reconcile.merge(criteria, appraisal)
        appraisal, rule_findings = apply_rules(tree, appraisal)
        findings += rule_findings
    findings = [*appraisal.findings, *findings]
    tree, appraisal = _read_marks(tree, appraisal, na, findings)
    if blank == "zero":
        appraisal = _blanks_as_zero(tree, appraisal, findings)
    if trees is not None:  # one object for equal trees: the ranking works out each tree's sub-indexes once
        tree = trees.setdefault(tree, tree)
    result = engine.score(tree, appraisal.by_code(), assume_full=assume_full or blank == "full", findings=tuple(findings))
    result = replace(result, source=appraisal.source, sheet=appraisal.sheet, columns=appraisal.columns)
    stated = stated_totals(result, appraisal)
    return replace(result, findings=result.findings + stated) if stated else result


def unit_readings(result: ScoreResult) -> tuple[Finding, ...]:
    """A unit's warnings and, as one more, the parts --assume-full counted at full
    points: `score` shows those in its result; a ranking says both once for all its
    units (api.score_units)."""
    if not result.assumed:
        return result.findings
    return (*result.findings, Finding("assumed_full", None, None, {"codes": ", ".join(result.assumed)}))


def _read_marks(tree: CriterionSet, appraisal: Appraisal, na: str | None, findings: list[Finding]) -> tuple[CriterionSet, Appraisal]:
    """Cells marked "không áp dụng", read as the user said: full points, or the node
    left out of the scale (its maximum taken from every ancestor's)."""
    marked = [entry for entry in appraisal.entries if entry.mark is not None and entry.points is None]
    if not marked:
        return tree, appraisal
    if na is None:
        raise ScoringError(*(Problem(entry.place(), Msg("{code} is marked {mark!r} (không áp dụng): say how to read it: "
                                                       "--na full (counted at full points) or --na exclude (left out of the scale; "
                                                       "the index is on the remaining maximum), or write its points",
                                                       code=entry.code, mark=entry.mark)) for entry in marked))
    by_code = tree.by_code()
    codes_shown = ", ".join(entry.code for entry in marked)
    if na == "full":
        full = {entry.code for entry in marked if entry.code in by_code}
        entries = tuple(replace(entry, points=by_code[entry.code].max) if entry.code in full else entry for entry in appraisal.entries)
        findings.append(Finding("na_full", None, marked[0].place(), {"codes": codes_shown}))
        return tree, replace(appraisal, entries=entries)
    left_out = {entry.code: by_code[entry.code].max or Decimal(0) for entry in marked if entry.code in by_code}
    tree = tree.with_roots(tuple(_without(root, left_out) or replace(root, optional=True, children=()) for root in tree.roots))
    kept = tuple(_less(entry, left_out) for entry in appraisal.entries if entry.code not in left_out)
    findings.append(Finding("na_exclude", None, marked[0].place(), {"codes": codes_shown, "scale": tree.total_max}))
    return tree, replace(appraisal, entries=kept)


def _without(node: Criterion, left_out: Mapping[str, Decimal]) -> Criterion | None:
    """`node` without the left-out nodes below it, its maximum less theirs; None when it
    is left out itself (a whole field stays, as a block absent from the scale)."""
    if node.code in left_out:
        return None
    removed = _removed_below(node.code, left_out)
    children = tuple(child for child in (_without(child, left_out) for child in node.children) if child is not None)
    maximum = node.max - removed if node.max is not None else None
    return replace(node, max=maximum, children=children)


def _removed_below(code: str, left_out: Mapping[str, Decimal]) -> Decimal:
    """The maxima left out below `code`."""
    return sum((points for below, points in left_out.items() if below.startswith(code + ".")), Decimal(0))


def _less(entry: Entry, left_out: Mapping[str, Decimal]) -> Entry:
    """A given ancestor's standard points less what was left out below it."""
    removed = _removed_below(entry.code, left_out)
    if not removed or entry.max is None:
        return entry
    return replace(entry, max=entry.max - removed)


def _blanks_as_zero(tree: CriterionSet, appraisal: Appraisal, findings: list[Finding]) -> Appraisal:
    """Rows with a blank points cell and no points given above or below them score 0."""
    by_code = tree.by_code()
    given = {entry.code for entry in appraisal.entries if entry.points is not None}
    blank = [entry.code for entry in appraisal.entries
             if entry.points is None and entry.code in by_code and not by_code[entry.code].children
             and not any(code in given for code in _ancestors(entry.code))]
    if not blank:
        return appraisal
    findings.append(Finding("blank_zero", None, appraisal.by_code()[blank[0]].place(), {"codes": ", ".join(blank)}))
    chosen = set(blank)
    return replace(appraisal, entries=tuple(replace(entry, points=Decimal(0)) if entry.code in chosen else entry for entry in appraisal.entries))


def _ancestors(code: str) -> list[str]:
    parts = code.split(".")
    return [".".join(parts[:depth]) for depth in range(1, len(parts))]


def stated_totals(result: "engine.TotalPoints", appraisal: Appraisal) -> tuple[Finding, ...]:
    """The sheet's own total rows against the computed total and scale (a ScoreResult's,
    or a unit's UnitTotals when it is scored by columns)."""
    findings = []
    for row in appraisal.totals:
        if row.points is not None and abs(row.points - result.total_points) > TOLERANCE:
            findings.append(Finding("stated_total", None, row.place("points"), {"stated": row.points, "computed": result.total_points}))
        if row.max is not None and row.max != result.total_max:
            findings.append(Finding("stated_max", None, row.place("max"), {"stated": row.max, "computed": result.total_max}))
    return tuple(findings)


def _workbook_tree(appraisal: Appraisal, trees: dict | None) -> tuple[CriterionSet, list[Finding]]:
    """The tree the workbook's rows describe: it depends on their codes, names, standard
    points and kinds only (and, for a bonus without a ceiling, its points)."""
    if trees is None:
        return reconcile.tree_from_workbook(appraisal)
    key = tuple((e.code, e.name, e.max, e.kind, e.points if e.max is None else None) for e in appraisal.entries)
    if key not in trees:
        tree, findings = reconcile.tree_from_workbook(appraisal)
        # one object for all the units: the ranking works out each set's sub-indexes once
        trees[key] = replace(tree, title="workbook", origin=None), findings
    tree, findings = trees[key]
    return tree, list(findings)


def _require_points(appraisal: Appraisal) -> None:
    """A sheet read with its columns named but none holding appraised points (a heading
    the reader does not know, such as "Điểm Hội đồng chấm"): said as such, not as every
    row's points being blank (whose advice, --blank zero, would score it 0)."""
    read = dict(appraisal.columns)
    if not read or any(role in read for role in ("points", "lost", "value")):
        return
    where = Place(appraisal.source).sheet(appraisal.sheet) if appraisal.sheet else str(appraisal.source)
    raise InputError.at(where, "no column of appraised points was found (read: {columns}): head it «Điểm thẩm định» "
                               "(or give the lost points under «Điểm bị mất»)", columns=", ".join(read.values()))


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
            raise ScoringError.at(entry.place("value"), "{code}: value {value}: {reason}", code=entry.code, value=entry.value, reason=exc.args[0]) from None
        if entry.points is None:
            entries.append(replace(entry, points=computed))
        else:
            if abs(entry.points - computed) > TOLERANCE:
                findings.append(Finding("value_mismatch", entry.code, entry.place("points"), {
                    "value": entry.value, "points": entry.points, "computed": computed, "kind": rule.kind}))
            entries.append(entry)
    return replace(appraisal, entries=tuple(entries)), findings
