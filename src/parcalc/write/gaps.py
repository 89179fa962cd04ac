"""The explanation list's summary, Markdown and JSON (CSV, xlsx and docx are the shared
document writers')."""

from __future__ import annotations

import json

from ..analysis.gaps import COLUMNS, GapList
from ..core import labels
from ..core.numbers import format_points, to_json_number
from .common import index_line
from .document import document_markdown, warnings_json

GAPS_SCHEMA = "parcalc/gaps-1"
_T = {
    "vi": {"rows": "Số tiêu chí cần giải trình", "total_gap": "Tổng chênh lệch (điểm được công nhận lại nếu giải trình được chấp nhận)",
           "now": "Hiện tại", "accepted": "Nếu mọi giải trình được chấp nhận", "rank": "Xếp hạng",
           "among": "trong {n} đơn vị của tệp so sánh"},
    "en": {"rows": "Criteria to explain", "total_gap": "Total gap (points regained if every explanation is accepted)",
           "now": "Now", "accepted": "If every explanation is accepted", "rank": "Rank",
           "among": "among {n} units of the peers file"},
}


def summary_lines(gaps: GapList) -> list[str]:
    t, sep = _T[gaps.lang], labels.decimal_sep(gaps.lang)
    lines = [
        f"{t['rows']}: {len(gaps.rows)}",
        f"{t['total_gap']}: {format_points(gaps.total_gap, sep)}",
        f"{t['now']}: {index_line(gaps.result, gaps.lang)}",
        f"{t['accepted']}: {index_line(gaps.accepted, gaps.lang)}",
    ]
    if gaps.peers:
        lines.append(f"{t['rank']}: {gaps.rank_now()} → {gaps.rank_accepted()} ({t['among'].format(n=len(gaps.peers))})")
    return lines


def gaps_markdown(gaps: GapList) -> str:
    return document_markdown(gaps, summary_lines(gaps))


def gaps_json(gaps: GapList) -> str:
    n = to_json_number
    data = {
        "schema": GAPS_SCHEMA,
        "title": gaps.title,
        "plan": gaps.plan_line,
        "year": gaps.year,
        "criteria": gaps.result.criteria.id,
        "source": {"file": gaps.result.source, "sheet": gaps.result.sheet},
        "summary": {
            "rows": len(gaps.rows), "total_gap": n(gaps.total_gap),
            "index": n(gaps.result.index), "group": gaps.result.group,
            "index_if_accepted": n(gaps.accepted.index), "group_if_accepted": gaps.accepted.group,
            "peers": len(gaps.peers) or None, "rank": gaps.rank_now(), "rank_if_accepted": gaps.rank_accepted(),
        },
        "columns": dict(zip(COLUMNS, gaps.heading_row())),
        "rows": [
            {"code": row.code, "name": row.name, "level": row.level, "max": n(row.max), "self_score": n(row.self_score),
             "points": n(row.points), "gap": n(row.gap), "explanation": row.texts.get("explanation"),
             "evidence": row.texts.get("evidence")}
            for row in gaps.rows
        ],
        "warnings": warnings_json(gaps),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
