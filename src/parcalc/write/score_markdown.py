"""GitHub-flavoured Markdown: a summary and the table, decimal comma in Vietnamese."""

from __future__ import annotations

from ..core import labels
from ..core.engine import ScoreResult
from ..core.numbers import format_points
from .common import display_name, has_targets, points_cell, summary_lines, target_cell, warning_line


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def score_markdown(result: ScoreResult, lang: str) -> str:
    t = lambda key: labels.text(key, lang)  # noqa: E731
    sep = labels.decimal_sep(lang)
    title = result.source or result.criteria.title
    out = [f"## {labels.text('index', lang)} — {_cell(title)}", ""]
    out += [f"- {_cell(line)}" for line in summary_lines(result, lang)]
    targets = has_targets(result)
    extra = f" {t('value_target')} |" if targets else ""
    out += ["", f"| {t('code')} | {t('name')} | {t('max')} | {t('points')} | {t('lost')} |{extra}", "|---|---|---:|---:|---:|" + ("---:|" if targets else "")]
    for node in result.nodes:
        name = _cell(display_name(node, lang))
        code = node.code
        if node.criterion.level == 1:
            name, code = f"**{name}**", f"**{code}**"
        lost = format_points(node.lost, sep) if node.lost is not None else "…"
        value = f" {target_cell(node, lang)} |" if targets else ""
        out.append(f"| {code} | {name} | {format_points(node.max, sep)} | {points_cell(node, lang)} | {lost} |{value}")
    if result.findings:
        out += ["", f"**{t('warning')}**", ""]
        out += [f"- {_cell(warning_line(f, lang))}" for f in result.findings]
    return "\n".join(out) + "\n"
