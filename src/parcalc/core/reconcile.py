"""Put a workbook's own tree next to a criterion set.

Workbooks that carry standard points describe their tree themselves (the codes give the
nesting). With a criterion set as well, every difference in names or standard points is
reported, and what the set leaves unknown is taken from the workbook.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from . import codes
from .errors import InputError, Problem
from .model import Appraisal, Criterion, CriterionSet, Entry, Finding

FULL_INDEX = Decimal(100)


def tree_from_workbook(appraisal: Appraisal, kind: str = "mixed") -> tuple[CriterionSet, list[Finding]]:
    """Build the criterion tree from the workbook's codes and standard points.

    `kind` is what the nodes are taken to be; a workbook does not say, so by default
    the appraised/survey split is left undetermined ("mixed")."""
    problems = [
        Problem(entry.place("code"), f"{entry.code} has no standard points (Điểm chuẩn): add them, or pass --criteria SET")
        for entry in appraisal.entries
        if entry.max is None
    ]
    if problems:
        raise InputError(*problems)
    findings: list[Finding] = []
    present = {entry.code: entry for entry in appraisal.entries}
    children: dict[str | None, list[str]] = {}
    for code in sorted(present, key=codes.sort_key):
        parent = _nearest_present_ancestor(code, present)
        if parent is None and codes.depth(code) > 1:
            findings.append(Finding("no_parent_row", code, present[code].place("code"), {}))
        children.setdefault(parent, []).append(code)

    def build(code: str) -> Criterion:
        entry = present[code]
        kids = tuple(build(child) for child in children.get(code, ()))
        node = Criterion(code=code, name=entry.name, max=entry.max, kind=kind, children=kids)
        listed = node.listed_max
        if kids and listed is not None and entry.max is not None:
            if listed > entry.max:
                problems.append(Problem(entry.place("max"), f"{code}: the rows under it have {listed} standard points together, more than its {entry.max}"))
            node = replace(node, partial=listed < entry.max)
        return node

    roots = tuple(build(code) for code in children.get(None, ()))
    if problems:
        raise InputError(*problems)
    tree = CriterionSet(
        id="workbook",
        title=appraisal.source or "workbook",
        roots=roots,
        origin=appraisal.source,
    )
    total = tree.total_max
    if total is not None and total != FULL_INDEX:
        findings.append(Finding("workbook_total", None, appraisal.source, {"total": total}))
    return tree, findings


def _nearest_present_ancestor(code: str, present: dict[str, Entry]) -> str | None:
    parent = codes.parent_code(code)
    while parent is not None and parent not in present:
        parent = codes.parent_code(parent)
    return parent


def merge(criteria: CriterionSet, appraisal: Appraisal) -> tuple[CriterionSet, list[Finding]]:
    """The set, with unknown names and maxima taken from the workbook; differences listed."""
    entries = appraisal.by_code()
    findings: list[Finding] = []

    def fill(node: Criterion) -> Criterion:
        entry = entries.get(node.code)
        kids = tuple(fill(child) for child in node.children)
        name, maximum = node.name, node.max
        if entry is not None:
            if entry.max is not None:
                if maximum is None:
                    maximum = entry.max
                elif entry.max != maximum:
                    findings.append(Finding("max_mismatch", node.code, entry.place("max"), {"workbook": entry.max, "set": maximum}))
            if entry.name:
                if name is None:
                    name = entry.name
                elif _same_name(name, entry.name) is False:
                    findings.append(Finding("name_mismatch", node.code, entry.place("code"), {"workbook": entry.name, "set": name}))
        return replace(node, name=name, max=maximum, children=kids)

    return criteria.with_roots(tuple(fill(root) for root in criteria.roots)), findings


def _same_name(a: str, b: str) -> bool:
    """Equal but for case and spacing ("KT- XH" is "KT-XH")."""
    return "".join(a.casefold().split()) == "".join(b.casefold().split())
