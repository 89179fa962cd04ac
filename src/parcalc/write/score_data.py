"""Machine formats: JSON (documented, stable schema) and CSV."""

from __future__ import annotations

import csv
import io
import json

from ..core import labels
from ..core.engine import ScoreResult
from ..core.messages import render_place
from ..core.numbers import to_json_number
from .common import display_name, neutralise

SCORE_SCHEMA = "parcalc/score-1"
CSV_COLUMNS = ("code", "name", "level", "kind", "max", "points", "lost", "given", "status", "self_score", "value", "target_met", "margin")


def score_data(result: ScoreResult, lang: str) -> dict:
    n = to_json_number
    criteria = result.criteria
    return {
        "schema": SCORE_SCHEMA,
        "criteria": {"id": criteria.id, "title": criteria.title, "origin": criteria.origin if criteria.id != "workbook" else None},
        "source": {"file": result.source, "sheet": result.sheet, "columns": dict(result.columns)},
        "total": {"max": n(result.total_max), "points": n(result.total_points), "lost": n(result.total_lost)},
        "index": n(result.index),
        "group": result.group,
        "split": None if result.split is None else {kind: n(points) for kind, points in sorted(result.split.items())},
        "fields": [
            {"code": f.code, "name": display_name(f, lang), "max": n(f.max), "points": n(f.points),
             "lost": n(f.lost), "sub_index": n(result.sub_index(f))}
            for f in result.fields
        ],
        "assumed": list(result.assumed),
        "nodes": [
            {
                "code": node.code,
                "name": display_name(node, lang),
                "level": node.criterion.level,
                "kind": node.criterion.kind,
                "max": n(node.max),
                "points": n(node.points),
                "lost": n(node.lost),
                "given": node.given,
                "status": node.status,
                "self_score": n(node.self_score),
                "self_minus_appraised": n(node.self_minus_appraised),
                "value": n(node.value),
                **_target(node),
                "where": render_place(node.where, lang) if node.where else None,
            }
            for node in result.nodes
        ],
        "warnings": [
            {"kind": f.key, "code": f.code, "where": render_place(f.where, lang) if f.where else None, "message": labels.finding_message(f, lang)}
            for f in result.findings
        ],
    }


def _target(node) -> dict:
    """The value that gives full points, whether it is met and by how much (a plan's targets)."""
    target = node.target
    if target is None:
        return {"target": None, "target_met": None, "margin": None}
    known = node.value is not None
    return {
        "target": {"above" if target.above else "at_least": to_json_number(target.edge)},
        "target_met": target.met(node.value) if known else None,
        "margin": to_json_number(target.margin(node.value)) if known else None,
    }


def score_json(result: ScoreResult, lang: str) -> str:
    return json.dumps(score_data(result, lang), ensure_ascii=False, indent=2) + "\n"


def score_csv(result: ScoreResult, lang: str) -> str:
    """UTF-8 (the caller adds a BOM for files) with a dot as decimal separator."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in score_data(result, lang)["nodes"]:
        writer.writerow(["" if row[key] is None else _plain(row[key]) for key in CSV_COLUMNS])
    return buffer.getvalue()


def _plain(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return neutralise(value) if isinstance(value, str) else str(value)

