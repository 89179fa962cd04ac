"""YAML that parcalc writes: a criterion set imported from a table, a playbook skeleton.
Both are read back by parcalc.read, so every string is written double-quoted."""

from __future__ import annotations

import json
from decimal import Decimal

from ..analysis.playbook import SCHEMA_VERSION
from ..core.model import Criterion, CriterionSet


def quote(text: str) -> str:
    """`text` as a YAML double-quoted scalar (a JSON string is one), for files parcalc writes."""
    return json.dumps(text, ensure_ascii=False)


def _num(value: Decimal) -> str:
    return format(value, "f")  # plain digits, never 1E+1


def criteria_yaml(criteria: CriterionSet, table_name: str) -> str:
    """A criterion set as parcalc's YAML, noting the table it was imported from."""
    lines = [
        f"# Imported by `parcalc criteria import` from {table_name}.",
        "# Check the names and points against the official table, then fill in legal_basis,",
        "# index_years and the sources' titles. Nodes marked partial list only part of their points.",
        "parcalc_criteria: 1",
        f"id: {quote(criteria.id)}",
        f"title: {quote(criteria.title)}",
        f"level: {criteria.level}",
    ]
    if criteria.total is not None:
        lines.append(f"total: {_num(criteria.total)}")
    lines += ["sources:", "  - id: table", f"    title: {quote('Imported from ' + table_name)}", "nodes:"]
    for root in criteria.roots:
        _node(root, lines, "  ")
    return "\n".join(lines) + "\n"


def _node(node: Criterion, lines: list[str], indent: str) -> None:
    lines.append(f"{indent}- code: {quote(node.code)}")
    inner = indent + "  "
    lines.append(f"{inner}name: {quote(node.name) if node.name else 'unknown'}")
    lines.append(f"{inner}max: {_num(node.max) if node.max is not None else 'unknown'}")
    if node.partial:
        lines.append(f"{inner}partial: true")
    lines.append(f"{inner}source: table")
    if node.children:
        lines.append(f"{inner}children:")
        for child in node.children:
            _node(child, lines, inner + "  ")


def playbook_skeleton(criteria: CriterionSet) -> str:
    """A playbook with an empty entry for every node without children, to fill in."""
    q = quote
    lines = [
        f"# Remediation playbook for {criteria.id}: fill in what your province will do when a",
        "# criterion loses points. Placeholders: {year} {next_year} {lost} {max} {points} {code} {name}.",
        "# Values in the workbook's own remediation columns win over these.",
        f"parcalc_playbook: {SCHEMA_VERSION}",
        f"criteria: {q(criteria.id)}",
        "defaults:",
        f"  deadline: {q('Trong năm {year} và các năm tiếp theo')}",
        "rules:",
    ]
    for node in criteria.walk():
        if node.children:
            continue
        lines.append(f"  # {node.name or '(chưa rõ tên)'}")
        lines.append(f"  {q(node.code)}:")
        for name in ("remedy", "lead", "support"):
            lines.append(f"    {name}: \"\"")
    lines += ["fallback:", "  remedy: \"\""]
    return "\n".join(lines) + "\n"
