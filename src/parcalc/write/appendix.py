"""The remediation appendix as Markdown, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json

from ..core import labels
from ..core.numbers import format_points, to_json_number
from ..analysis.remediation import COLUMNS, Appendix, AppendixRow
from .common import index_line, neutralise, warning_line

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


def cell_text(row: AppendixRow, column: str, sep: str) -> str:
    if column in ("max", "points", "lost"):
        return format_points(getattr(row, column), sep)
    if column == "code":
        return row.code
    if column == "name":
        return row.name
    return row.text(column)


def appendix_markdown(appendix: Appendix) -> str:
    sep = labels.decimal_sep(appendix.lang)
    esc = lambda text: text.replace("|", "\\|").replace("\n", " ")  # noqa: E731
    out = [f"## {esc(appendix.title)}", ""]
    if appendix.plan_line:
        out += [f"_{esc(appendix.plan_line)}_", ""]
    out += [f"- {line}" for line in summary_lines(appendix)]
    out += ["", "| " + " | ".join(appendix.heading_row()) + " |", "|---|---|---:|---:|---:|---|---|---|---|---|"]
    for row in appendix.rows:
        cells = [esc(cell_text(row, column, sep)) for column in COLUMNS]
        if row.level == 1:
            cells[:2] = [f"**{cells[0]}**", f"**{cells[1]}**"]
        out.append("| " + " | ".join(cells) + " |")
    if appendix.findings:
        out += ["", f"**{labels.text('warning', appendix.lang)}**", ""]
        out += [f"- {esc(warning_line(f, appendix.lang))}" for f in appendix.findings]
    return "\n".join(out) + "\n"


def appendix_csv(appendix: Appendix) -> str:
    """Headings as the appendix prints them; numbers with a dot; formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(appendix.heading_row())
    for row in appendix.rows:
        writer.writerow([neutralise(cell_text(row, column, ".")) for column in COLUMNS])
    return buffer.getvalue()


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
        "warnings": [
            {"kind": f.key, "code": f.code, "where": f.where, "message": labels.finding_message(f.key, f.code, f.params, appendix.lang)}
            for f in appendix.findings
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
