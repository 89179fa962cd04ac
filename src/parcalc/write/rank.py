"""`parcalc rank` output: one table of units, in every format."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import TYPE_CHECKING, Callable, Sequence

from ..core import labels
from ..core.messages import Msg
from . import ooxml
from ..core.numbers import format_points, to_json_number
from ..analysis.ranking import Ranking, RankedUnit
from .common import neutralise, points_text
from .json_text import Encoded, JsonNumbers, json_lines, json_string, json_text
from .document import Note
from .terminal import TABLE_UNITS, Line, fitting, note_lines, print_lines, table_lines, units_note

if TYPE_CHECKING:
    from ..analysis.ranking_document import RankingAppendix

SCHEMA = "parcalc/rank-1"


_TEXT_COLUMNS = (1, 4)  # of headings: the unit and the group


def headings(ranking: Ranking, lang: str) -> list[str]:
    unit = "Đơn vị" if lang == "vi" else "Unit"
    rank = "Hạng" if lang == "vi" else "Rank"
    grades = ranking.units[0].result.criteria.grades if ranking.units else ()
    return [rank, unit, labels.text("total", lang), labels.text("index", lang), labels.grade_word(grades, lang), *ranking.field_codes]


class _Numbers(dict):
    """A sub-index, total or index (or None) -> its text, each distinct value written
    once: a ranking of 10,000 units by 100 fields (a workbook's own tree without field
    rows) holds a million such cells but a few thousand values. Rendering bench_rank's
    10,000 units in their own tree (100 fields), medians of 3 interleaved, same bytes:
    rank_csv 1.05 -> 0.33 s, rank_markdown 0.91 -> 0.17 s (2026-11-30)."""

    def __init__(self, sep: str) -> None:
        super().__init__()
        self.sep = sep

    def __missing__(self, value: Decimal | None) -> str:
        self[value] = text = "" if value is None else points_text(value, self.sep)
        return text


def text_rows(ranking: Ranking, sep: str, name: Callable[[str], str] = str, units: Sequence[RankedUnit] | None = None) -> list[list[str]]:
    """Rank, unit, total, index, group, then each field's sub-index, as text, for every
    unit or the `units` given; `name` writes the unit's and the group's names."""
    number = _Numbers(sep).__getitem__
    return [[str(unit.rank), name(unit.unit), number(unit.result.total_points), number(unit.result.index), name(unit.result.group),
             *map(number, unit.field_indexes)] for unit in (ranking.units if units is None else units)]


def summary_line(ranking: Ranking, lang: str) -> str:
    counts = ", ".join(f"{name}: {count}" for name, count in ranking.group_counts.items())
    mean = "Chỉ số trung bình" if lang == "vi" else "Mean index"
    units = "đơn vị" if lang == "vi" else "units"
    return f"{len(ranking.units)} {units}; {counts}; {mean}: {format_points(ranking.mean_index, labels.decimal_sep(lang))}"


def rank_json(ranking: Ranking, lang: str) -> str:
    number = JsonNumbers()
    fields = ", ".join(f"{json_text(code)}: %s" for code in ranking.field_codes)
    # one shape for every unit: filled in directly, ten times faster than json's encoder per unit
    shape = '{"rank": %d, "unit": %s, "total": %s, "index": %s, "group": "%s", "fields": {' + fields + "}}"
    units = [Encoded(shape % (unit.rank, json_string(unit.unit), number[unit.result.total_points], number[unit.result.index],
                              unit.result.group, *map(number.__getitem__, unit.field_indexes)))
             for unit in ranking.units]
    return json_lines({"schema": SCHEMA, "units": units, "groups": ranking.group_counts, "mean_index": to_json_number(ranking.mean_index)})


def rank_csv(ranking: Ranking, lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headings(ranking, lang))
    writer.writerows(text_rows(ranking, ".", neutralise))
    return buffer.getvalue()


def rank_markdown(ranking: Ranking, lang: str) -> str:
    sep = labels.decimal_sep(lang)
    heads = headings(ranking, lang)
    align = ["---|" if column in _TEXT_COLUMNS else "---:|" for column in range(len(heads))]  # names left, figures right
    out = [f"- {summary_line(ranking, lang)}", "", "| " + " | ".join(heads) + " |", "|" + "".join(align)]
    out += ["| " + " | ".join(row) + " |" for row in text_rows(ranking, sep, lambda text: text.replace("|", "\\|"))]
    return "\n".join(out) + "\n"


def rank_table_text(ranking: Ranking, lang: str, width: int = 100, console=None) -> str:
    """Rank, unit, total, index, group and as many fields as the width holds, for the
    first TABLE_UNITS units; the units and fields left out are each named in one line,
    with how to see them."""
    width = console.width if console is not None else width
    sep = labels.decimal_sep(lang)
    table = [(row, None) for row in text_rows(ranking, sep, units=ranking.units[:TABLE_UNITS])]
    heads, kept, dropped = fitting(headings(ranking, lang), table, width, optional_from=5)
    lines = table_lines(heads, kept, width, right_from=2)
    notes = [summary_line(ranking, lang), *units_note(len(ranking.units), ("--format csv", "-o FILE.xlsx"), lang)]
    if dropped:
        notes.append(Msg("Fields {fields} do not fit {width} columns: see them all with --format csv or -o FILE.xlsx",
                         fields=", ".join(dropped), width=width).render(lang))
    return print_lines([*lines, Line(""), *note_lines(notes, width)], console)


def ranking_notes(appendix: "RankingAppendix") -> list[Note]:
    """Below the ranking, as provinces publish it: how many units, how many in each
    group (with its range of indexes), the mean index, and what the field columns hold."""
    from ..analysis.ranking_document import grade_ranges

    ranking, lang = appendix.ranking, appendix.lang
    vi = lang == "vi"
    word = labels.grade_word(appendix.grades, lang)
    notes: list[Note] = [("Tổng số đơn vị" if vi else "Units", len(ranking.units))]
    counts = ranking.group_counts
    for grade, span in zip(appendix.grades, grade_ranges(appendix.grades, lang)):
        notes.append((f"{word} {grade.name} ({span})", counts[grade.name]))
    notes.append(("Chỉ số trung bình" if vi else "Mean index", ranking.mean_index))
    if ranking.field_codes:
        notes.append(appendix.field_note())
    return notes


def rank_xlsx(appendix: "RankingAppendix") -> bytes:
    """The ranking appendix, then its charts on sheets of their own."""
    from .document_xlsx import document_workbook
    from .rank_charts import add_charts

    placed = document_workbook(appendix, ranking_notes(appendix))
    add_charts(placed, appendix)
    return ooxml.xlsx_bytes(placed.book, placed.tables)


def rank_docx(appendix: "RankingAppendix") -> bytes:
    from .document_docx import document_docx

    return document_docx(appendix, ranking_notes(appendix))
