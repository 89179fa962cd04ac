"""What `parcalc report` shows, gathered once: the units ranked (each with its whole
tree), the unit the page is about, the field means it is set against, and the changes
since an earlier year when one is given. Pure: results in, a Report out; the HTML and
its charts are written by parcalc.write.report_html."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core.engine import NodeResult, ScoreResult
from .compare import Comparison, UnitDelta
from .ranking import RankedUnit, Ranking
from .ranking_document import field_headings

DEFAULT_TITLE = {"vi": "Báo cáo Chỉ số cải cách hành chính{year}", "en": "PAR Index report{year}"}
_YEAR = {"vi": " năm {year}", "en": " {year}"}
NODE_CHANGES = 10  # the focus unit's largest drops (and gains) listed


@dataclass(frozen=True)
class Report:
    ranking: Ranking
    focus: RankedUnit
    comparison: Comparison | None
    title: str
    year: int | None
    lang: str
    sources: tuple[str, ...]  # the workbooks, as given
    previous_sources: tuple[str, ...] = ()

    @property
    def result(self) -> ScoreResult:
        return self.focus.result  # type: ignore[return-value]  # a report scores whole trees

    @property
    def field_names(self) -> tuple[str, ...]:
        return field_headings(self.ranking, self.lang)

    @property
    def many(self) -> bool:
        """Whether there are units to rank and set against each other."""
        return len(self.ranking.units) > 1

    @property
    def focus_change(self) -> UnitDelta | None:
        if self.comparison is None:
            return None
        return next((unit for unit in self.comparison.units if unit.new.unit == self.focus.unit), None)

    def losing_nodes(self) -> list[NodeResult]:
        return [node for node in self.result.nodes if node.lost is not None and node.lost > 0]

    def field_losses(self) -> list[tuple[NodeResult, Decimal]]:
        """Each field of the focus unit with what it lost (0 where nothing, or unknown)."""
        return [(node, node.lost if node.lost is not None else Decimal(0)) for node in self.result.fields]


def build_report(
    ranking: Ranking,
    focus: RankedUnit,
    *,
    comparison: Comparison | None = None,
    title: str | None = None,
    year: int | None = None,
    lang: str = "vi",
    sources: tuple[str, ...] = (),
    previous_sources: tuple[str, ...] = (),
) -> Report:
    year_text = _YEAR[lang].format(year=year) if year is not None else ""
    heading = DEFAULT_TITLE[lang].format(year=year_text) if title is None else title.replace("{year}", str(year or ""))
    return Report(ranking, focus, comparison, heading, year, lang, sources, previous_sources)
