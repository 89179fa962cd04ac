"""`parcalc whatif` output: one data structure, shown as JSON, Markdown, CSV or a table."""

from __future__ import annotations

import csv
import io
import json

from ..core import labels
from ..core.numbers import format_points, round_half_up, to_json_number
from ..analysis.whatif import Outcome
from ..analysis.whatif_report import WhatIfReport
from .common import display_name, neutralise
from .terminal import print_lines, sections_lines

SCHEMA = "parcalc/whatif-1"
THOUSANDTH = __import__("decimal").Decimal("0.001")
_T = {
    "vi": {"scenario": "Kịch bản", "baseline": "Hiện trạng", "rank": "Hạng", "before": "Trước", "after": "Sau",
           "delta": "Chênh lệch", "top": "Tiêu chí thành phần mất nhiều điểm nhất", "if_recovered": "Chỉ số nếu khôi phục",
           "per_effort": "Điểm / công sức", "plan": "Kế hoạch đạt mục tiêu", "target": "Mục tiêu chỉ số",
           "reached": "đạt", "not_reached": "KHÔNG đạt được, kể cả khi khôi phục toàn bộ",
           "sensitivity": "Số bậc xếp hạng tăng nếu khôi phục", "places": "Bậc tăng", "changes": "Thay đổi",
           "effort": "công sức", "fewest": "ít tiêu chí nhất", "planned": "Dự kiến khôi phục", "peers": "so với {n} đơn vị trong tệp so sánh"},
    "en": {"scenario": "Scenario", "baseline": "Baseline", "rank": "Rank", "before": "Before", "after": "After",
           "delta": "Delta", "top": "Sub-criteria that lost the most", "if_recovered": "Index if recovered",
           "per_effort": "Points per effort", "plan": "Plan to reach the target", "target": "Target index",
           "reached": "reached", "not_reached": "NOT reachable, even recovering everything",
           "sensitivity": "Rank places bought by each full recovery", "places": "Places",
           "changes": "Changes", "effort": "effort", "fewest": "fewest sub-criteria", "planned": "Planned", "peers": "among {n} peers listed"},
}


def whatif_data(report: WhatIfReport, lang: str) -> dict:
    n = to_json_number
    nodes = {node.code: node for node in report.whatif.baseline.nodes}
    name = lambda code: display_name(nodes[code], lang)  # noqa: E731

    def outcome(o: Outcome) -> dict:
        return {
            "name": o.name, "description": o.description, "total": n(o.total_points), "index": n(o.index),
            "group": o.group, "rank": report.rank(o), "delta_index": n(o.index - report.baseline.index),
            "changes": [{"code": c.code, "name": name(c.code), "before": n(c.before), "after": n(c.after), "delta": n(c.delta)} for c in o.changes],
        }

    data: dict = {
        "schema": SCHEMA,
        "criteria": report.whatif.baseline.criteria.id,
        "source": {"file": report.whatif.baseline.source, "sheet": report.whatif.baseline.sheet},
        "peers": len(report.peers) or None,
        "baseline": outcome(report.baseline),
        "scenarios": [outcome(o) for o in report.outcomes],
        "top": [
            {"code": r.code, "name": name(r.code), "lost": n(r.lost), "index_if_recovered": n(r.outcome.index) if r.outcome else None,
             "effort": n(r.effort), "points_per_effort": n(round_half_up(r.per_effort, THOUSANDTH) if r.per_effort is not None else None)}
            for r in report.top
        ],
        "plan": None,
        "sensitivity": [
            {"code": r.code, "name": name(r.code), "lost": n(r.lost), "index_if_recovered": n(r.outcome.index),
             "rank_if_recovered": report.rank(r.outcome), "places": places}
            for r, places in report.sensitivity if r.outcome is not None
        ],
        "notes": [note.render(lang) for note in report.notes],
    }
    if report.plan is not None:
        plan = report.plan
        data["plan"] = {
            "target_index": n(plan.target_index), "target_rank": report.target_rank, "reached": plan.reached,
            "by": "effort" if plan.by_effort else "count",
            "recoveries": [{"code": r.code, "name": name(r.code), "lost": n(r.lost), "planned": n(r.planned), "limited_by": r.limited_by, "effort": n(r.effort)} for r in plan.recoveries],
            "excluded_kinds": list(plan.excluded_kinds), "max_recovery": n(plan.share),
            "index": n(plan.outcome.index), "group": plan.outcome.group, "rank": report.rank(plan.outcome),
        }
    return data


def whatif_json(report: WhatIfReport, lang: str) -> str:
    return json.dumps(whatif_data(report, lang), ensure_ascii=False, indent=2) + "\n"


def whatif_csv(report: WhatIfReport, lang: str) -> str:
    """One row per scenario (kind=scenario) and per changed node (kind=change)."""
    data = whatif_data(report, lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("kind", "scenario", "code", "name", "before", "after", "delta", "total", "index", "group", "rank"))
    for item in (data["baseline"], *data["scenarios"]):
        writer.writerow(("scenario", neutralise(item["name"]), "", "", "", "", "", item["total"], item["index"], item["group"], item["rank"] or ""))
        for change in item["changes"]:
            writer.writerow(("change", neutralise(item["name"]), change["code"], neutralise(change["name"]),
                             change["before"], change["after"], change["delta"], "", "", "", ""))
    return buffer.getvalue()


def _sections(report: WhatIfReport, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headings, rows) for each part of the report, as display text."""
    t = _T[lang]
    sep = labels.decimal_sep(lang)
    f = lambda value: "" if value is None else format_points(value, sep)  # noqa: E731
    data = whatif_data(report, lang)
    from decimal import Decimal

    d = lambda value: None if value is None else Decimal(str(value))  # noqa: E731
    rank_heading = [t["rank"]] if report.peers else []
    summary_rows = []
    for item in (data["baseline"], *data["scenarios"]):
        label = t["baseline"] if item is data["baseline"] else item["name"]
        rank = [str(item["rank"])] if report.peers else []
        summary_rows.append([label, f(d(item["total"])), f(d(item["index"])), item["group"], *rank, f(d(item["delta_index"]))])
    sections = [(t["scenario"] + (f" ({t['peers'].format(n=len(report.peers))})" if report.peers else ""),
                 [t["scenario"], labels.text("total", lang), labels.text("index", lang), labels.grade_word(report.baseline.grades, lang), *rank_heading, t["delta"]],
                 summary_rows)]
    change_rows = [[item["name"], c["code"], c["name"], f(d(c["before"])), f(d(c["after"])), f(d(c["delta"]))]
                   for item in data["scenarios"] for c in item["changes"]]
    if change_rows:
        sections.append((t["changes"], [t["scenario"], labels.text("code", lang), labels.text("name", lang), t["before"], t["after"], t["delta"]], change_rows))
    if data["top"]:
        efforts = any(r["effort"] is not None for r in data["top"])
        sections.append((t["top"], [labels.text("code", lang), labels.text("name", lang), labels.text("lost", lang), t["if_recovered"], *([t["per_effort"]] if efforts else [])],
                         [[r["code"], r["name"], f(d(r["lost"])), f(d(r["index_if_recovered"])), *([f(d(r["points_per_effort"]))] if efforts else [])] for r in data["top"]]))
    if data["plan"] is not None:
        plan = data["plan"]
        verdict = t["reached"] if plan["reached"] else t["not_reached"]
        title = (f"{t['plan']}: {t['target']} {f(d(plan['target_index']))}"
                 + (f" ({t['rank']} {plan['target_rank']})" if plan["target_rank"] else "")
                 + f" — {verdict}: {labels.text('index', lang)} {f(d(plan['index']))}, {labels.grade_word(report.baseline.grades, lang)} {plan['group']}"
                 + (f", {t['rank']} {plan['rank']}" if plan["rank"] is not None else "")
                 + f" ({t['effort'] if plan['by'] == 'effort' else t['fewest']})")
        partial = any(r["planned"] != r["lost"] for r in plan["recoveries"])  # then say what each step counts on
        sections.append((title, [labels.text("code", lang), labels.text("name", lang), labels.text("lost", lang), *([t["planned"]] if partial else [])],
                         [[r["code"], r["name"], f(d(r["lost"])), *([f(d(r["planned"]))] if partial else [])] for r in plan["recoveries"]]))
    if data["sensitivity"]:
        sections.append((t["sensitivity"], [labels.text("code", lang), labels.text("name", lang), labels.text("lost", lang), t["if_recovered"], t["rank"], t["places"]],
                         [[r["code"], r["name"], f(d(r["lost"])), f(d(r["index_if_recovered"])), str(r["rank_if_recovered"]), str(r["places"])] for r in data["sensitivity"]]))
    return sections


def whatif_markdown(report: WhatIfReport, lang: str) -> str:
    esc = lambda text: text.replace("|", "\\|")  # noqa: E731
    out = []
    for title, headings, rows in _sections(report, lang):
        out += [f"### {esc(title)}", "", "| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
        out += ["| " + " | ".join(esc(cell) for cell in row) + " |" for row in rows]
        out.append("")
    out += [f"- {note.render(lang)}" for note in report.notes]
    return "\n".join(out).rstrip("\n") + "\n"


def whatif_table_text(report: WhatIfReport, lang: str, width: int = 100, console=None) -> str:
    width = console.width if console is not None else width
    return print_lines(sections_lines(_sections(report, lang), width, labels.text("name", lang), [note.render(lang) for note in report.notes]), console)
