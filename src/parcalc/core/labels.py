"""Headings and messages in Vietnamese (default) and English."""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping

from .numbers import format_points

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
        "assumed": "tính đủ điểm (--assume-full)",
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
        "assumed": "counted at full points (--assume-full)",
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

_FINDINGS: dict[str, dict[str, str]] = {
    "vi": {
        "children_sum": "{code}: điểm {points} nhưng các tiêu chí con cộng lại được {children_points}",
        "children_lose_more": "{code} mất {lost} điểm nhưng các tiêu chí con được liệt kê mất tổng cộng {children_lost}",
        "children_exceed": "{code}: các tiêu chí con được {children_points} điểm, nhiều hơn {points} điểm của {code}",
        "lost_mismatch": "{code}: điểm bị mất ghi {lost}, nhưng điểm chuẩn {max} trừ điểm thẩm định {points} là {expected}",
        "max_mismatch": "{code}: điểm chuẩn trong bảng tính là {workbook}, bộ tiêu chí ghi {set} (dùng {set})",
        "name_mismatch": "{code}: tên trong bảng tính «{workbook}» khác tên trong bộ tiêu chí «{set}»",
        "no_parent_row": "{code}: bảng tính không có dòng của tiêu chí cấp trên",
        "other_sheet": "trang tính đầu tiên «{first}» không có bảng chấm điểm: đã đọc trang tính «{sheet}»",
        "sheets_skipped": "các trang tính {sheets} không có bảng chấm điểm: bỏ qua",
        "second_table": "từ dòng {row} là một bảng khác (có dòng tiêu đề riêng): không đọc phần này",
        "hidden_rows": "các dòng ẩn {rows} không được đọc (bỏ ẩn nếu đó là tiêu chí)",
        "nested_codes": "số thứ tự được đánh lại trong từng lĩnh vực (I > 1 > 1.1): đọc thành mã nằm trong lĩnh vực (II > 1 là 2.1)",
        "extra_code": "dòng «{name}» không có số thứ tự: đặt mã {code}",
        "stated_total": "dòng tổng ghi {stated} điểm, nhưng tổng các lĩnh vực là {computed}",
        "stated_max": "dòng tổng ghi {stated} điểm chuẩn, nhưng thang điểm là {computed}",
        "na_full": "{codes}: ghi «không áp dụng», tính đủ điểm (--na full)",
        "na_exclude": "{codes}: ghi «không áp dụng», không tính vào thang điểm (--na exclude): chỉ số tính trên {scale} điểm",
        "blank_zero": "{codes}: ô điểm để trống, tính 0 điểm (--blank zero)",
        "value_mismatch": "{code}: giá trị {value} theo quy tắc ({kind}) cho {computed} điểm, nhưng bảng tính ghi {points}",
        "no_remedy": "{code}: chưa có giải pháp (thêm vào cột Giải pháp của bảng tính hoặc vào playbook)",
        "self_above_max": "{code}: điểm tự đánh giá {self_score} cao hơn điểm chuẩn {max}: tính chênh lệch đến điểm chuẩn",
        "no_self_scores": "bảng tính không có cột điểm tự đánh giá (Điểm tự đánh giá, Điểm tự chấm): không có gì để giải trình",
    },
    "en": {
        "children_sum": "{code}: {points} points given, but its sub-criteria add up to {children_points}",
        "children_lose_more": "{code} loses {lost} but its listed sub-criteria lose {children_lost} together",
        "children_exceed": "{code}: its sub-criteria have {children_points} points together, more than the {points} given for {code}",
        "lost_mismatch": "{code}: lost points say {lost}, but standard {max} minus appraised {points} is {expected}",
        "max_mismatch": "{code}: the workbook's standard points are {workbook}, the criterion set says {set} (using {set})",
        "name_mismatch": "{code}: the workbook names it «{workbook}», the criterion set «{set}»",
        "no_parent_row": "{code}: the workbook has no row for its parent",
        "other_sheet": "the first sheet «{first}» holds no scoring table: read sheet «{sheet}»",
        "sheets_skipped": "sheets {sheets} hold no scoring table: skipped",
        "second_table": "from row {row} on is another table (with its own header): not read",
        "hidden_rows": "hidden rows {rows} were not read (unhide them if they are criteria)",
        "nested_codes": "numbering restarts inside each field (I > 1 > 1.1): read as codes inside the field (II > 1 is 2.1)",
        "extra_code": "the row «{name}» has no number: given code {code}",
        "stated_total": "the total row says {stated} points, but the fields add up to {computed}",
        "stated_max": "the total row says {stated} standard points, but the scale is {computed}",
        "na_full": "{codes}: marked «not applicable», counted at full points (--na full)",
        "na_exclude": "{codes}: marked «not applicable», left out of the scale (--na exclude): the index is on {scale} points",
        "blank_zero": "{codes}: blank points cells counted as 0 (--blank zero)",
        "value_mismatch": "{code}: value {value} gives {computed} points under its rule ({kind}), but the workbook says {points}",
        "no_remedy": "{code}: no remedy yet (add it to the workbook's remedy column or to the playbook)",
        "self_above_max": "{code}: self-score {self_score} is above the standard points {max}: the gap counts up to the standard points",
        "no_self_scores": "the workbook has no self-score column (Điểm tự đánh giá, Điểm tự chấm): nothing to explain",
    },
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


def finding_message(key: str, code: str | None, params: Mapping[str, object], lang: str) -> str:
    sep = decimal_sep(lang)
    shown = {name: format_points(value, sep) if isinstance(value, Decimal) else value for name, value in params.items()}
    return _FINDINGS[lang][key].format(code=code, **shown)
