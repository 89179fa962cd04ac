"""What every score format shows, computed once: display names, summary lines, warnings."""

from __future__ import annotations

from .. import labels
from ..engine import BOUNDED, Finding, NodeResult, ScoreResult
from ..numbers import format_points


def display_name(node: NodeResult, lang: str) -> str:
    criterion = node.criterion
    name = criterion.name_en if lang == "en" and criterion.name_en else criterion.name
    return name or labels.text("unknown_name", lang)


def summary_lines(result: ScoreResult, lang: str) -> list[str]:
    """Total, index, group, the appraised/survey split and what was assumed."""
    sep = labels.decimal_sep(lang)
    t = lambda key: labels.text(key, lang)  # noqa: E731
    lines = [
        f"{t('total')}: {format_points(result.total_points, sep)} / {format_points(result.total_max, sep)} "
        f"({t('lost')}: {format_points(result.total_lost, sep)})",
        f"{t('index')}: {format_points(result.index, sep)} — {t('group')} {result.group}",
    ]
    if result.split is None:
        lines.append(t("split_unknown"))
    else:
        parts = [f"{t(kind)} {format_points(points, sep)}" for kind, points in sorted(result.split.items())]
        lines.append(" + ".join(parts))
    if result.assumed:
        lines.append(f"{len(result.assumed)} {t('assumed')}: {', '.join(result.assumed)}")
    criteria = result.criteria
    lines.append(f"{t('criteria')}: {criteria.id if criteria.id != 'workbook' else t('workbook_tree')}")
    return lines


def warning_line(finding: Finding, lang: str) -> str:
    message = labels.finding_message(finding.key, finding.code, finding.params, lang)
    return f"{finding.where}: {message}" if finding.where else message


def points_cell(node: NodeResult, lang: str) -> str:
    if node.status == BOUNDED:
        return "…"
    return format_points(node.points, labels.decimal_sep(lang))


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula (= + - @) is prefixed with a quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
