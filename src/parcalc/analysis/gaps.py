"""The explanation list (giải trình): every node whose appraised points fall below the
province's self-score, largest gap first, with the workbook's explanation and evidence,
and what the index (and rank) would be if every explanation were accepted. Pure: a
ScoreResult and the workbook's rows in, rows out; renderers write the documents."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping, Sequence

from ..core import codes, labels
from ..core.engine import ScoreResult
from ..core.model import Appraisal, Finding
from .peers import Peer, rank_among
from .whatif import Outcome, Override, Scenario, WhatIf

COLUMNS = ("code", "name", "max", "self_score", "points", "gap", "explanation", "evidence")
NUMBER_COLUMNS = frozenset({"max", "self_score", "points", "gap"})
TEXT_COLUMNS = ("explanation", "evidence")  # carried over from the workbook's own columns
_HEADINGS = {
    "vi": ("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá", "Điểm thẩm định",
           "Chênh lệch", "Nội dung giải trình", "Tài liệu kiểm chứng"),
    "en": ("No.", "Field/Criterion/Sub-criterion", "Standard points", "Self-score", "Appraised points",
           "Gap", "Explanation", "Evidence"),
}
DEFAULT_TITLE = {
    "vi": "GIẢI TRÌNH CÁC TIÊU CHÍ CÓ ĐIỂM THẨM ĐỊNH THẤP HƠN ĐIỂM TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH{year}",
    "en": "EXPLANATIONS FOR CRITERIA APPRAISED BELOW THE SELF-ASSESSMENT OF THE PAR INDEX{year}",
}
_YEAR = {"vi": " NĂM {year}", "en": " {year}"}
PLAN_LINE = {"vi": "(Kèm theo {plan})", "en": "(Attached to {plan})"}


@dataclass(frozen=True)
class GapRow:
    code: str
    name: str
    level: int
    max: Decimal
    self_score: Decimal
    points: Decimal
    gap: Decimal  # what accepting the explanation would give back
    texts: Mapping[str, str]  # explanation and evidence, as the workbook wrote them

    def value(self, column: str) -> Decimal | str:
        if column in NUMBER_COLUMNS or column in ("code", "name"):
            return getattr(self, column)
        return self.texts.get(column, "")


@dataclass(frozen=True)
class GapList:
    rows: tuple[GapRow, ...]
    result: ScoreResult
    accepted: Outcome  # the scores if every explanation were accepted
    title: str
    plan_line: str | None
    year: int | None
    lang: str
    findings: tuple[Finding, ...]
    peers: tuple[Peer, ...] = ()
    columns: tuple[str, ...] = COLUMNS
    number_columns: frozenset[str] = NUMBER_COLUMNS
    centred_columns: frozenset[str] = frozenset()
    subtitle: str | None = None
    bold_levels: int = 0  # a list by size of gap: no level stands out

    @property
    def total_gap(self) -> Decimal:
        return sum((row.gap for row in self.rows), Decimal(0))

    def rank_now(self) -> int | None:
        return rank_among(self.result.index, list(self.peers)) if self.peers else None

    def rank_accepted(self) -> int | None:
        return rank_among(self.accepted.index, list(self.peers)) if self.peers else None

    def heading_row(self) -> tuple[str, ...]:
        return _HEADINGS[self.lang]


def build_gaps(
    result: ScoreResult,
    appraisal: Appraisal | None = None,
    *,
    peers: Sequence[Peer] = (),
    year: int | None = None,
    title: str | None = None,
    plan: str | None = None,
    lang: str = "vi",
) -> GapList:
    """Rows for the finest nodes with a self-score above their appraised points (a parent
    is listed only when none of its descendants has a self-score of its own)."""
    entries = appraisal.by_code() if appraisal else {}
    scored = {node.code for node in result.nodes if node.self_score is not None}
    findings: list[Finding] = []
    rows = []
    for node in result.nodes:
        if node.self_score is None or node.points is None or _has_scored_descendant(node.code, scored):
            continue
        claimed = node.self_score
        if claimed > node.max and node.criterion.kind != "penalty":
            entry = entries.get(node.code)
            findings.append(Finding("self_above_max", node.code, entry.place("self_score") if entry else None,
                                    {"self_score": claimed, "max": node.max}))
            claimed = node.max
        gap = node.points - claimed if node.criterion.kind == "penalty" else claimed - node.points
        if gap <= 0:
            continue
        entry = entries.get(node.code)
        rows.append(GapRow(
            code=node.code, name=(entry.name if entry and entry.name else None) or labels.criterion_name(node.criterion, lang),
            level=node.criterion.level, max=node.max, self_score=claimed, points=node.points, gap=gap,
            texts={key: entry.texts[key] for key in TEXT_COLUMNS if entry and entry.texts.get(key)},
        ))
    order = {node.code: position for position, node in enumerate(result.nodes)}
    rows.sort(key=lambda row: (-row.gap, order[row.code]))
    whatif = WhatIf(result)
    accepted = whatif.evaluate(Scenario("accepted", tuple(Override(row.code, points=row.self_score) for row in rows)))
    year_text = _YEAR[lang].format(year=year) if year is not None else ""
    return GapList(
        rows=tuple(rows), result=result, accepted=accepted,
        title=(title or DEFAULT_TITLE[lang]).replace("{year}", year_text if title is None else str(year or "")),
        plan_line=PLAN_LINE[lang].format(plan=plan) if plan else None,
        year=year, lang=lang, findings=tuple(findings), peers=tuple(peers),
    )


def headings(lang: str) -> tuple[str, ...]:
    return _HEADINGS[lang]


def _has_scored_descendant(code: str, scored: set[str]) -> bool:
    prefix = code + "."
    return any(other.startswith(prefix) for other in scored)

