"""Headings and messages in Vietnamese (default) and English."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from .messages import Msg
from .numbers import format_points

if TYPE_CHECKING:
    from .model import Finding

_TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "code": "STT",
        "name": "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        "max": "Điểm chuẩn",
        "points": "Điểm thẩm định",
        "lost": "Điểm bị mất",
        "self_score": "Điểm tự chấm",
        "note": "Ghi chú",
        "total": "Tổng",
        "index": "Chỉ số",
        "group": "Nhóm",
        "grade": "Xếp loại",
        "appraised": "Thẩm định",
        "survey": "Điều tra XHH",
        "split_unknown": "chưa xác định được phần thẩm định/điều tra",
        "assumed": "Tính đủ điểm (--assume-full hoặc --blank full)",
        "unknown_name": "(chưa rõ tên)",
        "criteria": "Bộ tiêu chí",
        "source": "Nguồn",
        "workbook_tree": "cây tiêu chí lấy từ bảng tính",
        "warning": "Cảnh báo",
        "unlisted": "gồm cả phần chưa liệt kê: {points} điểm",
        "template_title": "BẢNG CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
        "scale": "thang điểm {points}",
        "points_column": "{role} đọc từ cột {column} (trang tính «{sheet}»)",
        "value": "Giá trị",
        "value_target": "Giá trị / chỉ tiêu",
    },
    "en": {
        "code": "Code",
        "name": "Field/Criterion/Sub-criterion",
        "max": "Standard points",
        "points": "Appraised points",
        "lost": "Lost points",
        "self_score": "Self-score",
        "note": "Note",
        "total": "Total",
        "index": "Index",
        "group": "Group",
        "grade": "Grade",
        "appraised": "Appraised",
        "survey": "Survey",
        "split_unknown": "appraised/survey split not determined",
        "assumed": "Counted at full points (--assume-full or --blank full)",
        "unknown_name": "(name unknown)",
        "criteria": "Criterion set",
        "source": "Source",
        "workbook_tree": "tree taken from the workbook",
        "warning": "Warning",
        "unlisted": "includes unlisted parts: {points} points",
        "template_title": "PAR INDEX SCORING SHEET",
        "scale": "on a scale of {points}",
        "points_column": "{role} read from column {column} (sheet «{sheet}»)",
        "value": "Value",
        "value_target": "Value / target",
    },
}

# The warnings (findings) by kind, in English; their Vietnamese is in the catalogue
# (core/vietnamese.py), keyed by these texts as every message is.
FINDINGS: dict[str, str] = {
    "children_sum": "{code}: {points} points given, but its sub-criteria add up to {children_points}",
    "children_lose_more": "{code} loses {lost} but its listed sub-criteria lose {children_lost} together",
    "children_exceed": "{code}: its sub-criteria have {children_points} points together, more than the {points} given for {code}",
    "lost_mismatch": "{code}: lost points say {lost}, but standard {max} minus appraised {points} is {expected}",
    "max_mismatch": "{code}: the workbook's standard points are {workbook}, the criterion set says {set} (using {set})",
    "name_mismatch": "{code}: the workbook names it «{workbook}», the criterion set «{set}»",
    "no_parent_row": "{code}: the workbook has no row for its parent",
    "other_sheet": "the first sheet «{first}» holds no scoring table: read sheet «{sheet}»",
    "sheets_skipped": "sheets {sheets} hold no scoring table: skipped",
    "rows_missing": "no row for {codes}, which other units list ({units} unit(s) lack rows): each unit is scored on the scale of its own rows; give --criteria to score every unit on one set",
    "second_table": "from row {row} on is another table (with its own header): not read",
    "hidden_rows": "hidden rows {rows} were not read (unhide them if they are criteria)",
    "nested_codes": "numbering restarts inside each field (I > 1 > 1.1): read as codes inside the field (II > 1 is 2.1)",
    "extra_code": "the row «{name}» has no number: given code {code}",
    "stated_total": "the total row says {stated} points, but the fields add up to {computed}",
    "stated_max": "the total row says {stated} standard points, but the scale is {computed}",
    "na_full": "{codes}: marked «not applicable», counted at full points (--na full)",
    "na_exclude": "{codes}: marked «not applicable», left out of the scale (--na exclude): the index is on {scale} points",
    "na_full_units": "{units} unit(s) have cells marked «not applicable», counted at full points (--na full): the first is «{unit}» ({codes})",
    "na_exclude_units": "{units} unit(s) have cells marked «not applicable», left out of their scale (--na exclude): the first is «{unit}» ({codes})",
    "blank_zero": "{codes}: blank points cells counted as 0 (--blank zero)",
    "blank_zero_units": "{units} unit(s) have blank points cells counted as 0 (--blank zero): the first is «{unit}» ({codes})",
    "assumed_full": "{codes}: counted at full points (--assume-full or --blank full)",
    "assumed_full_units": "{units} unit(s) have parts counted at full points (--assume-full or --blank full): the first is «{unit}» ({codes})",
    "value_mismatch": "{code}: value {value} gives {computed} points under its rule ({kind}), but the workbook says {points}",
    "no_remedy": "{code}: no remedy yet (add it to the workbook's remedy column or to the playbook)",
    "self_above_max": "{code}: self-score {self_score} is above the standard points {max}: the gap counts up to the standard points",
    "template_unknown_max": "set {set} does not know the standard points of {codes}: their standard points cells are left blank; fill them in from the year's guidance before scoring",
    "no_self_scores": "the workbook has no self-score column (Điểm tự đánh giá, Điểm tự chấm): nothing to explain",
}


def text(key: str, lang: str) -> str:
    return _TEXT[lang][key]


def grade_word(grades, lang: str) -> str:
    """"Nhóm" for MoHA's groups A-D, "Xếp loại" for a set's own grades (Tốt, Khá, ...)."""
    from .model import MOHA_GROUPS

    return text("group" if tuple(grades) == MOHA_GROUPS else "grade", lang)


def criterion_name(criterion, lang: str) -> str:
    """A criterion's name in `lang` (Vietnamese when the set has no English), or that it is unknown."""
    name = criterion.name_en if lang == "en" and criterion.name_en else criterion.name
    return name or text("unknown_name", lang)


def short_name(criterion, lang: str) -> str:
    """What a table's heading calls a field: the set's short name in `lang` when it
    gives one, else its name (or that it is unknown)."""
    if lang == "en" and (criterion.short_name_en or criterion.name_en):
        return criterion.short_name_en or criterion.name_en
    return criterion.short_name or criterion_name(criterion, lang)


def decimal_sep(lang: str) -> str:
    return "," if lang == "vi" else "."


NAMED_WORKBOOKS = 3  # the other workbooks a warning is as true of are named up to this many, else counted


def finding_message(finding: Finding, lang: str) -> str:
    """A warning's message (model.Finding), without its place."""
    sep = decimal_sep(lang)
    shown = {name: format_points(value, sep) if isinstance(value, Decimal) else value for name, value in finding.params.items()}
    message = Msg(FINDINGS[finding.key], code=finding.code, **shown).render(lang)
    if not finding.also:
        return message
    also = (Msg("(the same in {files})", files=", ".join(finding.also)) if len(finding.also) <= NAMED_WORKBOOKS
            else Msg("(the same in {count} more workbook(s))", count=len(finding.also)))
    return f"{message} {also.render(lang)}"

