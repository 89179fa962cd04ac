"""The terminal table: tree order, fields bold, rows that lost points marked. Readable
at any width from 60 columns: numbers and codes are never split, names wrap under
their indent (parcalc.write.terminal); in CI logs and files without colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core import labels
from ..core.engine import ScoreResult
from ..core.numbers import format_points
from .common import display_name, has_targets, points_cell, summary_lines, target_cell
from .terminal import Line, note_lines, print_lines, table_lines

if TYPE_CHECKING:  # rich loads only when a table is printed on a terminal
    from rich.console import Console


def score_lines(result: ScoreResult, lang: str, width: int = 100) -> list[Line]:
    t = lambda key: labels.text(key, lang)  # noqa: E731
    sep = labels.decimal_sep(lang)
    targets = has_targets(result)
    rows = []
    for node in result.nodes:
        lost = node.lost
        style = "bold" if node.criterion.level == 1 else ""
        if lost:
            style = (style + " yellow").strip()
        lost_text = format_points(lost, sep) + (" ▼" if lost else "  ") if lost is not None else "…"
        indent = "  " * (node.criterion.level - 1)
        cells = [node.code, indent + display_name(node, lang), format_points(node.max, sep), points_cell(node, lang), lost_text]
        rows.append((cells + ([target_cell(node, lang)] if targets else []), style or None))
    keys = ("code", "name", "max", "points", "lost", *(("value_target",) if targets else ()))
    lines = table_lines([t(key) for key in keys], rows, width)
    return [*lines, Line(""), *note_lines(summary_lines(result, lang), width)]


def score_table_text(result: ScoreResult, lang: str, width: int = 100, console: "Console | None" = None) -> str:
    """The table as plain text for files, pipes and tests, or printed on `console` (with
    colour when it is a terminal)."""
    return print_lines(score_lines(result, lang, console.width if console is not None else width), console)
