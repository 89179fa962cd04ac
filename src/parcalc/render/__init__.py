"""Renderers: a ScoreResult in each output format. Each returns text; writing it is the
caller's business, so that every format goes through the same safe output path."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import ScoreResult

FORMATS = ("table", "json", "csv", "md")


def render_score(result: "ScoreResult", fmt: str, lang: str = "vi", width: int = 100) -> str:
    if fmt == "json":
        from .data import score_json

        return score_json(result, lang)
    if fmt == "csv":
        from .data import score_csv

        return score_csv(result, lang)
    if fmt == "md":
        from .markdown import score_markdown

        return score_markdown(result, lang)
    if fmt == "table":
        from .table import score_table_text

        return score_table_text(result, lang, width)
    raise ValueError(fmt)
