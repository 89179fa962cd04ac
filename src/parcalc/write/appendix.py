"""The remediation appendix's summary and JSON (Markdown, CSV, xlsx and docx are the
shared document writers')."""

from __future__ import annotations

import json

from ..core import labels
from ..core.numbers import format_points, to_json_number
from ..analysis.remediation import COLUMNS, Appendix
from .common import index_line
from .document import document_markdown, warnings_json

APPENDIX_SCHEMA = "parcalc/remediation-1"


def summary(appendix: Appendix) -> dict[str, object]:
    result = appendix.result
    return {
        "index": result.index, "group": result.group, "total_lost": result.total_lost,
        "listed_lost": appendix.listed_lost, "rows": len(appendix.rows),
    }


def summary_lines(appendix: Appendix) -> list[str]:
    lang, sep = appendix.lang, labels.decimal_sep(appendix.lang)
    facts = summary(appendix)
    vi = lang == "vi"
    return [
        index_line(appendix.result, lang),
        ("Tổng điểm bị mất" if vi else "Total lost") + f": {format_points(facts['total_lost'], sep)}",
        ("Số dòng" if vi else "Rows") + f": {facts['rows']}",
    ]


def appendix_markdown(appendix: Appendix) -> str:
    return document_markdown(appendix, summary_lines(appendix))


def appendix_json(appendix: Appendix) -> str:
    n = to_json_number
    facts = summary(appendix)
    data = {
        "schema": APPENDIX_SCHEMA,
        "title": appendix.title,
        "plan": appendix.plan_line,
        "year": appendix.year,
        "criteria": appendix.result.criteria.id,
        "source": {"file": appendix.result.source, "sheet": appendix.result.sheet},
        "summary": {key: n(value) if not isinstance(value, (str, int)) else value for key, value in facts.items()},
        "columns": dict(zip(COLUMNS, appendix.heading_row())),
        "rows": [
            {"code": row.code, "name": row.name, "level": row.level, "max": n(row.max), "points": n(row.points),
             "lost": n(row.lost), "subtotal": row.subtotal, **{key: row.text(key) or None for key in COLUMNS[5:]}}
            for row in appendix.rows
        ],
        "warnings": warnings_json(appendix),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
