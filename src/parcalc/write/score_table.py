"""The terminal table (rich): tree order, fields bold, rows that lost points marked.
Readable at 80 columns, and in CI logs without colour."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..core import labels
from ..core.engine import ScoreResult
from ..core.numbers import format_points
from .common import display_name, points_cell, summary_lines

if TYPE_CHECKING:  # rich loads only when a table is drawn
    from rich.console import Console
    from rich.table import Table


def score_table(result: ScoreResult, lang: str) -> "Table":
    from rich import box
    from rich.table import Table
    from rich.text import Text

    t = lambda key: labels.text(key, lang)  # noqa: E731
    sep = labels.decimal_sep(lang)
    table = Table(box=box.SIMPLE_HEAD, show_footer=False, pad_edge=False, expand=False)
    table.add_column(t("code"), no_wrap=True)
    table.add_column(t("name"), overflow="fold", ratio=1, min_width=20)
    for key in ("max", "points", "lost"):
        table.add_column(t(key), justify="right", no_wrap=True)
    for node in result.nodes:
        lost = node.lost
        style = "bold" if node.criterion.level == 1 else ""
        if lost:
            style = (style + " yellow").strip()
        marker = " ▼" if lost else ""
        lost_text = format_points(lost, sep) + marker if lost is not None else "…"
        indent = "  " * (node.criterion.level - 1)
        table.add_row(
            node.code,
            Text(indent + display_name(node, lang)),
            format_points(node.max, sep),
            points_cell(node, lang),
            lost_text,
            style=style or None,
        )
    table.caption = "\n".join(summary_lines(result, lang))
    table.caption_justify = "left"
    return table


def score_table_text(result: ScoreResult, lang: str, width: int = 100, console: "Console | None" = None) -> str:
    """The table as plain text (no colour) for files and tests, or printed on `console`."""
    from rich.console import Console

    buffer = io.StringIO()
    console = console or Console(file=buffer, width=width, color_system=None, force_terminal=False, highlight=False)
    console.print(score_table(result, lang))
    return buffer.getvalue()
