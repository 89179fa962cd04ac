"""What every score format shows, computed once: display names, summary lines, warnings."""

from __future__ import annotations

from functools import lru_cache

from ..core import labels
from ..core.engine import BOUNDED, NodeResult, ScoreResult
from ..core.messages import render_place
from ..core.model import Finding
from ..core.numbers import format_points


def display_name(node: NodeResult, lang: str) -> str:
    return labels.criterion_name(node.criterion, lang)


def summary_lines(result: ScoreResult, lang: str) -> list[str]:
    """Total, index, group, the appraised/survey split and what was assumed."""
    sep = labels.decimal_sep(lang)
    t = lambda key: labels.text(key, lang)  # noqa: E731
    lines = [
        f"{t('total')}: {format_points(result.total_points, sep)} / {format_points(result.total_max, sep)} "
        f"({t('lost')}: {format_points(result.total_lost, sep)})",
        index_line(result, lang),
    ]
    if result.split is None:
        lines.append(t("split_unknown"))
    else:
        parts = [f"{t(kind)} {format_points(points, sep)}" for kind, points in sorted(result.split.items())]
        lines.append(" + ".join(parts))
    if result.assumed:
        lines.append(f"{t('assumed')}: {', '.join(result.assumed)}")
    criteria = result.criteria
    lines.append(f"{t('criteria')}: {criteria.id if criteria.id != 'workbook' else t('workbook_tree')}")
    read_from = dict(result.columns)
    if "points" in read_from:
        lines.append(t("points_column").format(role=t("points"), column=read_from["points"], sheet=result.sheet))
    return lines


def index_line(result: ScoreResult, lang: str) -> str:
    """`Chỉ số: 82,89 — Nhóm B`, with the scale when it is not 100 (`(thang điểm 19,00)`)."""
    sep = labels.decimal_sep(lang)
    line = f"{labels.text('index', lang)}: {format_points(result.index, sep)} — {labels.grade_word(result.grades, lang)} {result.group}"
    if result.total_max != 100:
        line += f" ({labels.text('scale', lang).format(points=format_points(result.total_max, sep))})"
    return line


def warning_line(finding: Finding, lang: str) -> str:
    message = labels.finding_message(finding, lang)
    return f"{render_place(finding.where, lang)}: {message}" if finding.where else message


def points_cell(node: NodeResult, lang: str) -> str:
    if node.status == BOUNDED:
        return "…"
    return format_points(node.points, labels.decimal_sep(lang))


def has_targets(result: ScoreResult) -> bool:
    """Whether any node was scored from a value against a target (a plan's indicators)."""
    return any(node.value is not None and node.target is not None for node in result.nodes)


def target_cell(node: NodeResult, lang: str) -> str:
    """`0,25/≥0,3`: the value read and the value that gives full points (`>` where
    the value must exceed it); empty for a node without both. No spaces, so a terminal
    table never splits it."""
    target = node.target
    if node.value is None or target is None:
        return ""
    sep = labels.decimal_sep(lang)
    plain = lambda number: f"{number.normalize():f}".replace(".", sep)  # noqa: E731
    return f"{plain(node.value)}/{'>' if target.above else '≥'}{plain(target.edge)}"


# format_points once per distinct value and separator, for the writers of one cell per unit
# and column (rank csv, md and table, the documents, compare): a ranking of 10,000 units x
# 15 columns holds a few thousand distinct values. Equal Decimals (1.5, 1.50) format alike,
# so keying by value is exact. rank_csv / rank_markdown of bench_rank.py's 10,000-unit
# Ranking (rendering only, medians of 3 interleaved): 1.29 -> 0.36 s / 1.33 -> 0.32 s.
# Bounded, for a process that lives long.
points_text = lru_cache(maxsize=1 << 16)(format_points)


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula (= + - @) is prefixed with a quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


# One colour per grade, best first (as many as a set has; MoHA's A-D use the first four):
# the same in the xlsx charts and the HTML report.
GRADE_COLOURS = ("2E7D32", "1565C0", "F9A825", "C62828", "6A1B9A", "546E7A")
