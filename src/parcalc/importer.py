"""`parcalc criteria import`: turn a table of code, name and maximum points (the way
decisions publish them) into a criterion-set YAML that loads and validates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from . import criteria_file, reconcile
from .yamlsafe import quote as _q
from .model import Criterion, CriterionSet
from .workbook import read_appraisal


def import_table(path: Path, *, set_id: str, title: str, level: str = "custom", sheet: str | None = None) -> str:
    """The YAML text of a set built from `path`; it is loaded back before it is returned."""
    appraisal = read_appraisal(path, sheet)
    tree, _findings = reconcile.tree_from_workbook(appraisal, kind="appraised")
    total = tree.total_max
    text = dump(CriterionSet(id=set_id, title=title, level=level, roots=tree.roots, total=total), path.name)
    criteria_file.load_text(text, f"{set_id}.yaml")  # what we write must load
    return text


def _num(value: Decimal) -> str:
    return format(value, "f")  # plain digits, never 1E+1


def dump(criteria: CriterionSet, table_name: str) -> str:
    lines = [
        f"# Imported by `parcalc criteria import` from {table_name}.",
        "# Check the names and points against the official table, then fill in legal_basis,",
        "# index_years and the sources' titles. Nodes marked partial list only part of their points.",
        "parcalc_criteria: 1",
        f"id: {_q(criteria.id)}",
        f"title: {_q(criteria.title)}",
        f"level: {criteria.level}",
    ]
    if criteria.total is not None:
        lines.append(f"total: {_num(criteria.total)}")
    lines += ["sources:", "  - id: table", f"    title: {_q('Imported from ' + table_name)}", "nodes:"]
    for root in criteria.roots:
        _node(root, lines, "  ")
    return "\n".join(lines) + "\n"


def _node(node: Criterion, lines: list[str], indent: str) -> None:
    lines.append(f"{indent}- code: {_q(node.code)}")
    inner = indent + "  "
    lines.append(f"{inner}name: {_q(node.name) if node.name else 'unknown'}")
    lines.append(f"{inner}max: {_num(node.max) if node.max is not None else 'unknown'}")
    if node.partial:
        lines.append(f"{inner}partial: true")
    lines.append(f"{inner}source: table")
    if node.children:
        lines.append(f"{inner}children:")
        for child in node.children:
            _node(child, lines, inner + "  ")
