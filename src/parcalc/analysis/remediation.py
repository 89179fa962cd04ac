"""The remediation appendix: every node that lost points, with its ancestors as subtotal
rows (an ancestor whose points are covered by a given one but not known is shown with
"…", as the score table shows it), in tree order, and what will be done about it.
Pure: a ScoreResult, the workbook's own remediation columns and a playbook in, rows out;
renderers write the documents."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping

from ..core import codes, labels
from ..core.engine import NodeResult, ScoreResult
from ..core.model import Appraisal, Finding
from ..core.numbers import format_points
from .playbook import ACTION_FIELDS, Playbook, fill

UNKNOWN = "…"  # a subtotal row's points and loss below a given ancestor (engine's "bounded")
DEFAULT_MIN_LOST = None  # every node that lost anything: published appendices list 3.4.3's 0,004
DEFAULT_TITLE = {
    "vi": "KHẮC PHỤC NHỮNG TỒN TẠI, HẠN CHẾ VÀ GIẢI PHÁP NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} VÀ CÁC NĂM TIẾP THEO",
    "en": "REMEDYING SHORTCOMINGS AND RAISING THE PAR INDEX IN {year} AND THE FOLLOWING YEARS",
}
PLAN_LINE = {"vi": "(Kèm theo Kế hoạch số {plan})", "en": "(Appendix to plan {plan})"}
COLUMNS = ("code", "name", "max", "points", "lost", "remedy", "lead", "support", "deadline", "note")
NUMBER_COLUMNS = frozenset({"max", "points", "lost"})
_HEADINGS = {
    "vi": ("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất",
           "Giải pháp", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp", "Thời gian thực hiện", "Ghi chú"),
    "en": ("No.", "Field/Criterion/Sub-criterion", "Standard points", "Appraised points", "Lost points",
           "Remedy", "Lead agency", "Supporting agencies", "Deadline", "Note"),
}


def headings(lang: str) -> tuple[str, ...]:
    return _HEADINGS[lang]


@dataclass(frozen=True)
class AppendixRow:
    code: str
    name: str
    level: int
    max: Decimal
    points: Decimal | None  # None: covered by a given ancestor, not known one by one
    lost: Decimal | None
    actions: Mapping[str, str]
    subtotal: bool  # an ancestor listed because something below it lost points

    def text(self, column: str) -> str:
        return self.actions.get(column, "")

    def value(self, column: str) -> Decimal | str:
        if column in NUMBER_COLUMNS or column in ("code", "name"):
            value = getattr(self, column)
            return UNKNOWN if value is None else value
        return self.text(column)


@dataclass(frozen=True)
class Appendix:
    rows: tuple[AppendixRow, ...]
    result: ScoreResult
    title: str
    plan_line: str | None
    year: int
    lang: str
    findings: tuple[Finding, ...]
    columns: tuple[str, ...] = COLUMNS
    number_columns: frozenset[str] = NUMBER_COLUMNS
    centred_columns: frozenset[str] = frozenset()
    subtitle: str | None = None
    bold_levels: int = 2  # fields and criteria in bold, as the published appendix

    @property
    def listed_lost(self) -> Decimal:
        """Points lost by the fields listed (what the appendix accounts for)."""
        return sum((row.lost for row in self.rows if row.level == 1 and row.lost is not None), Decimal(0))  # a field's is known

    def heading_row(self) -> tuple[str, ...]:
        return headings(self.lang)


def build_appendix(
    result: ScoreResult,
    appraisal: Appraisal | None = None,
    playbook: Playbook | None = None,
    *,
    year: int,
    min_lost: Decimal | None = DEFAULT_MIN_LOST,
    title: str | None = None,
    plan: str | None = None,
    lang: str = "vi",
) -> Appendix:
    """Rows for every node that lost at least `min_lost` (by default, anything), with its ancestors."""
    entries = appraisal.by_code() if appraisal else {}
    losing = {node.code for node in result.nodes
              if node.lost is not None and (node.lost > 0 if min_lost is None else node.lost >= min_lost)}
    listed = set(losing)
    for code in losing:
        parent = codes.parent_code(code)
        while parent is not None:
            listed.add(parent)
            parent = codes.parent_code(parent)
    rows, findings = [], []
    for node in result.nodes:
        if node.code not in listed:  # an ancestor listed without points is bounded: a scored tree has no other
            continue
        entry = entries.get(node.code)
        subtotal = any(other.startswith(node.code + ".") for other in listed)
        actions = _actions(node, entry.texts if entry else {}, playbook, year, lang, subtotal)
        if not subtotal and not actions.get("remedy"):
            findings.append(Finding("no_remedy", node.code, entry.code_place if entry else None, {}))
        rows.append(AppendixRow(
            code=node.code,
            name=(entry.name if entry and entry.name else None) or labels.criterion_name(node.criterion, lang),
            level=node.criterion.level,
            max=node.max,
            points=node.points,
            lost=node.lost,
            actions=actions,
            subtotal=subtotal,
        ))
    template = title or DEFAULT_TITLE[lang]
    return Appendix(
        rows=tuple(rows),
        result=result,
        title=template.replace("{year}", str(year)),
        plan_line=PLAN_LINE[lang].format(plan=plan) if plan else None,
        year=year,
        lang=lang,
        findings=tuple(findings),
    )



def _actions(node: NodeResult, from_workbook: Mapping[str, str], playbook: Playbook | None, year: int, lang: str, subtotal: bool) -> dict[str, str]:
    """The workbook's own columns win; the playbook fills what they leave empty."""
    actions = {name: from_workbook[name] for name in ACTION_FIELDS if from_workbook.get(name)}
    if playbook is None:
        return actions
    sep = labels.decimal_sep(lang)
    values = {
        "year": str(year), "next_year": str(year + 1), "code": node.code,
        "name": node.criterion.name or "", "max": format_points(node.max, sep),
        **{key: UNKNOWN if points is None else format_points(points, sep) for key, points in (("points", node.points), ("lost", node.lost))},
    }
    for name, template in playbook.actions_for(node.code, subtotal).items():
        actions.setdefault(name, fill(template, values))
    return actions
