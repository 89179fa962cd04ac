"""The ranking as a signed appendix (the table a province attaches to its decision
announcing internal results): a title naming the year and whose index it is, the set's
title, rank, unit, points, index, group and each field's sub-index headed by the field's
(short) name, and below the table the count per group and the mean. Pure: a Ranking in,
rows out; the shared document writers write xlsx and docx."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping, Sequence

from ..core import labels
from ..core.model import MOHA_GROUPS, CriterionSet, Finding, Grade
from .gaps import PLAN_LINE
from .ranking import RankedUnit, Ranking

FIELD = "field:"  # a field's column is FIELD + its code
FIXED_COLUMNS = ("rank", "unit", "total", "index", "group")
_WHO = {
    "vi": {"province": "CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG", "ministry": "CÁC BỘ, CƠ QUAN NGANG BỘ",
           "department": "CÁC SỞ, BAN, NGÀNH", "district": "UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ",
           "commune": "UBND CÁC XÃ, PHƯỜNG, THỊ TRẤN", "custom": "CÁC ĐƠN VỊ"},
    "en": {"province": "PROVINCES", "ministry": "MINISTRIES", "department": "DEPARTMENTS", "district": "DISTRICTS",
           "commune": "COMMUNES", "custom": "UNITS"},
}
DEFAULT_TITLE = {"vi": "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH{year} CỦA {who}",
                 "en": "PAR INDEX RANKING{year}: {who}"}
_YEAR = {"vi": " NĂM {year}", "en": " {year}"}
_HEADINGS = {"vi": ("Hạng", "Đơn vị", "Tổng điểm", "Chỉ số", None), "en": ("Rank", "Unit", "Points", "Index", None)}


@dataclass(frozen=True)
class RankingRow:
    unit: RankedUnit
    field_places: Mapping[str, int]  # a field's column (FIELD + code) -> its place among the unit's field indexes
    level: int = 1  # every unit alike: none in bold

    def value(self, column: str) -> Decimal | int | str:
        place = self.field_places.get(column)  # one map for all rows: finding the place per ask took 1.5 s of 10,000 rows of 100 fields
        if place is not None:
            index = self.unit.field_indexes[place]
            return "" if index is None else index
        result = self.unit.result
        return {"rank": self.unit.rank, "unit": self.unit.unit, "total": result.total_points,
                "index": result.index, "group": result.group}[column]


@dataclass(frozen=True)
class RankingAppendix:
    ranking: Ranking
    title: str
    subtitle: str | None  # the criterion set's title
    plan_line: str | None
    year: int | None
    lang: str
    field_names: tuple[str, ...]  # each field's heading: the set's short name, else its name
    focus: RankedUnit | None = None  # a unit to show against the mean (charts)
    bold_levels: int = 0
    centred_columns: frozenset[str] = frozenset({"rank", "group"})

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.ranking.findings

    @property
    def columns(self) -> tuple[str, ...]:
        return FIXED_COLUMNS + tuple(FIELD + code for code in self.ranking.field_codes)

    @property
    def number_columns(self) -> frozenset[str]:
        return frozenset(column for column in self.columns if column not in ("unit", "group"))

    @property
    def rows(self) -> tuple[RankingRow, ...]:
        places = {FIELD + code: place for place, code in enumerate(self.ranking.field_codes)}
        return tuple(RankingRow(unit, places) for unit in self.ranking.units)

    @property
    def grades(self) -> tuple[Grade, ...]:
        return self.ranking.units[0].result.criteria.grades if self.ranking.units else MOHA_GROUPS

    def heading_row(self) -> tuple[str, ...]:
        fixed = _HEADINGS[self.lang][:4] + (labels.grade_word(self.grades, self.lang),)
        return fixed + tuple(f"{code}. {name}" for code, name in zip(self.ranking.field_codes, self.field_names))

    def field_note(self) -> str:
        """What the field columns hold, said once under the table."""
        codes = self.ranking.field_codes
        span = f"{codes[0]}–{codes[-1]}" if len(codes) > 1 else (codes[0] if codes else "")
        return (f"Các cột lĩnh vực ({span}) là chỉ số thành phần: điểm đạt của lĩnh vực / điểm tối đa của lĩnh vực × 100."
                if self.lang == "vi" else
                f"The field columns ({span}) are sub-indexes: the field's points / the field's maximum × 100.")


def build_ranking_appendix(
    ranking: Ranking,
    *,
    year: int | None = None,
    title: str | None = None,
    plan: str | None = None,
    lang: str = "vi",
    focus: RankedUnit | None = None,
) -> RankingAppendix:
    criteria = ranking.units[0].result.criteria if ranking.units else None
    own_tree = criteria is None or criteria.id == "workbook"
    level = "custom" if own_tree else criteria.level  # type: ignore[union-attr]
    year_text = _YEAR[lang].format(year=year) if year is not None else ""
    if title is None:
        title = DEFAULT_TITLE[lang].format(year=year_text, who=_WHO[lang].get(level, _WHO[lang]["custom"]))
    else:
        title = title.replace("{year}", str(year or ""))
    return RankingAppendix(
        ranking=ranking, title=title, subtitle=None if own_tree else _set_line(criteria, lang),  # type: ignore[arg-type]
        plan_line=PLAN_LINE[lang].format(plan=plan) if plan else None, year=year, lang=lang,
        field_names=field_headings(ranking, lang), focus=focus,
    )


def _set_line(criteria: CriterionSet, lang: str) -> str:
    if lang == "en":
        return f"Criterion set: {criteria.title_en or criteria.title}"
    return f"Bộ tiêu chí: {criteria.title}"


def field_headings(ranking: Ranking, lang: str) -> tuple[str, ...]:
    """Each field's heading, from the first unit's set that has the field."""
    found: dict[str, str] = {}
    for unit in ranking.units:
        for root in unit.result.criteria.roots:
            found.setdefault(root.code, labels.short_name(root, lang))
        if len(found) >= len(ranking.field_codes):
            break
    return tuple(found.get(code, code) for code in ranking.field_codes)


def grade_ranges(grades: Sequence[Grade], lang: str) -> list[str]:
    """Each grade's range of indexes as a decision words it: "từ 80 đến dưới 90",
    "trên 90", "dưới 70" (English: "80 to below 90", ...)."""
    sep = labels.decimal_sep(lang)
    number = lambda value: f"{value.normalize():f}".replace(".", sep)  # noqa: E731
    vi = lang == "vi"
    out = []
    for position, grade in enumerate(grades):
        low = number(grade.floor)
        lower = (f"từ {low}" if vi else f"{low}") if grade.inclusive else (f"trên {low}" if vi else f"above {low}")
        if position == 0:
            out.append((f"{lower} trở lên" if vi else f"{lower} and above") if grade.inclusive else lower)
            continue
        above = grades[position - 1]
        high = number(above.floor)
        if grade.floor == 0 and grade.inclusive:  # the last grade: only its upper edge
            out.append((f"dưới {high}" if vi else f"below {high}") if above.inclusive
                       else (f"từ {high} trở xuống" if vi else f"{high} and below"))
        elif above.inclusive:
            out.append(f"{lower} đến dưới {high}" if vi else f"{lower} to below {high}")
        else:
            out.append(f"{lower} đến {high}" if vi else f"{lower} to {high}")
    return out
