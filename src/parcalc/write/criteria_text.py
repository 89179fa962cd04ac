"""Plain-text views of criterion sets: the list of shipped sets and one set's tree."""

from __future__ import annotations

from ..core import labels
from ..core.model import CriterionSet
from ..core.numbers import format_points


def set_list_line(criteria: CriterionSet) -> str:
    first, last = (criteria.index_years[0], criteria.index_years[-1]) if criteria.index_years else (None, None)
    years = "?" if first is None else str(first) if first == last else f"{first}–{last}"
    decision = criteria.legal_basis.decision if criteria.legal_basis else "-"
    return f"{criteria.id:<16} {years:<10} {decision:<14} {criteria.title}"


def set_tree(criteria: CriterionSet, lang: str = "vi") -> str:
    sep = labels.decimal_sep(lang)
    title = criteria.title_en if lang == "en" and criteria.title_en else criteria.title
    out = [f"{criteria.id}: {title}"]
    if criteria.legal_basis:
        basis = criteria.legal_basis
        out.append(f"  {basis.decision}" + (f" ({basis.date})" if basis.date else ""))
    if criteria.index_years:
        out.append("  " + ("Năm đánh giá" if lang == "vi" else "Index years") + ": " + ", ".join(map(str, criteria.index_years)))
    total = criteria.total_max
    if total is None and criteria.total is not None:
        shown = format_points(criteria.total, sep) + (" (chưa rõ điểm từng lĩnh vực)" if lang == "vi" else " (field maxima unknown)")
    else:
        shown = format_points(total, sep) if total is not None else "?"
    out.append("  " + labels.text("total", lang) + ": " + shown)
    out.append("")
    for node in criteria.walk():
        name = labels.criterion_name(node, lang)
        points = format_points(node.max, sep) if node.max is not None else "?"
        extra = ""
        if node.partial:
            rest = node.unlisted_max
            extra = f"  [+{format_points(rest, sep)} " + ("chưa liệt kê" if lang == "vi" else "unlisted") + "]" if rest else "  [" + ("chưa rõ chi tiết" if lang == "vi" else "breakdown unknown") + "]"
        kind = f" ({labels.text('survey', lang)})" if node.kind == "survey" and node.level == 1 else ""
        out.append(f"{'  ' * (node.level - 1)}{node.code:<8} {points:>7}  {name}{kind}{extra}")
    if criteria.sources:
        out.append("")
        out.append(labels.text("source", lang) + ":")
        out += [f"  [{source.id}] {source.title}" for source in criteria.sources]
    return "\n".join(out) + "\n"
