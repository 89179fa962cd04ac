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
from .messages import Msg, Place, short_list
from .model import EXTRA_KINDS, Appraisal, Criterion, CriterionSet, Entry, Finding

def tree_from_workbook(appraisal: Appraisal, kind: str = "mixed", *, whole: bool = True) -> tuple[CriterionSet, list[Finding]]:
    """Build the criterion tree from the workbook's codes and standard points.

    `kind` is what the nodes are taken to be; a workbook does not say, so by default
    the appraised/survey split is left undetermined ("mixed"); rows named as bonus or
    penalty blocks (Điểm thưởng, Điểm trừ) make their block that kind. A row without
    standard points takes its children's sum (fields often carry only a heading).
    With `whole`, the fields must be numbered 1, 2, ... without gaps: a workbook that
    lists only some fields (an appendix of what lost points) is part of a tree, and
    scoring it alone would give a wrong index."""
    findings: list[Finding] = []
    problems: list[Problem] = []
    present = {entry.code: entry for entry in appraisal.entries}
    children: dict[str | None, list[str]] = {}
    for code in sorted(present, key=codes.sort_key):
        parent = _nearest_present_ancestor(code, present)
        if parent is None and codes.depth(code) > 1:
            findings.append(Finding("no_parent_row", code, present[code].code_place, {}))
        children.setdefault(parent, []).append(code)

    def build(code: str, block: str) -> Criterion:
        entry = present[code]
        node_kind = entry.kind or block
        kids = tuple(build(child, node_kind) for child in children.get(code, ()))
        node = Criterion(code=code, name=entry.name, max=entry.max, kind=node_kind, children=kids)
        listed = node.listed_max
        if entry.max is None and not kids and node_kind in EXTRA_KINDS:
            return replace(node, max=entry.points or Decimal(0))  # a bonus or penalty without a ceiling: what it gives
        if entry.max is None:
            if not kids or listed is None:
                problems.append(Problem(entry.code_place, Msg("{code} has no standard points (Điểm chuẩn, Điểm tối đa): add them, or pass --criteria SET", code=code)))
                return node
            return replace(node, max=listed)  # a heading row: its children's sum
        if kids and listed is not None:
            if listed > entry.max:
                problems.append(Problem(entry.place("max"), Msg("{code}: the rows under it have {listed} standard points together, more than its {max}",
                                                           code=code, listed=listed, max=entry.max)))
            node = replace(node, partial=listed < entry.max)
        return node

    roots = tuple(build(code, kind) for code in children.get(None, ()))
    if problems:
        raise InputError(*problems)
    if whole:
        _check_whole(roots, appraisal)
    tree = CriterionSet(
        id="workbook",
        title=appraisal.source or "workbook",
        roots=roots,
        origin=appraisal.source,
    )
    return tree, findings


def _check_whole(roots: tuple[Criterion, ...], appraisal: Appraisal) -> None:
    """Refuse a workbook whose fields are not numbered 1, 2, ... n without a gap."""
    fields = sorted({int(root.code.split(".")[0]) for root in roots if root.kind not in EXTRA_KINDS})
    missing = sorted(set(range(1, (fields[-1] if fields else 0) + 1)) - set(fields))
    if missing:
        place = appraisal.entries[0].code_place or appraisal.source  # fields are missing, so some are listed
        raise InputError.at(
            place.up() if isinstance(place, Place) and place.parts else place,
            Msg("the workbook has no rows for field{s} {fields}, so it holds only part of a criterion tree (an appendix that "
                "lists only what lost points?): score it against its criterion set with --criteria SET (parcalc criteria list), "
                "which knows the missing fields", s="s" if len(missing) > 1 else "", fields=short_list([str(number) for number in missing])),
        )


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
                    findings.append(Finding("name_mismatch", node.code, entry.code_place, {"workbook": entry.name, "set": name}))
        return replace(node, name=name, max=maximum, children=kids)

    return criteria.with_roots(tuple(fill(root) for root in criteria.roots)), findings


def _same_name(a: str, b: str) -> bool:
    """Equal but for case and spacing ("KT- XH" is "KT-XH")."""
    return "".join(a.casefold().split()) == "".join(b.casefold().split())
