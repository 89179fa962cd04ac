"""A blank scoring workbook for a criterion set, which `parcalc score` reads back."""

from __future__ import annotations

from decimal import Decimal

from ..core import labels
from ..core.model import CriterionSet
from ..core.numbers import format_points

HEADER_ROW = 3
COLUMNS = ("code", "name", "max", "self_score", "points", "note")
_WIDTHS = {"code": 9, "name": 70, "max": 12, "self_score": 12, "points": 14, "note": 36}


def build(criteria: CriterionSet, lang: str = "vi") -> "openpyxl.Workbook":  # noqa: F821
    """Code, name and standard points for every node; empty self-score and appraised
    columns that accept only 0..maximum; fields in bold; header frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "Chấm điểm" if lang == "vi" else "Scoring"
    sheet["A1"] = labels.text("template_title", lang)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = f"{labels.text('criteria', lang)}: {criteria.id} — {criteria.title}"
    bold = Font(bold=True)
    for column, role in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=labels.text(role, lang))
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = _WIDTHS[role]
    validations: dict[Decimal | None, DataValidation] = {}
    row = HEADER_ROW
    for node in criteria.walk():
        row += 1
        code = sheet.cell(row=row, column=1, value=node.code)
        code.number_format = "@"  # text, so 3.10 stays 3.10
        sheet.cell(row=row, column=2, value=node.name or labels.text("unknown_name", lang))
        sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True)
        if node.max is not None:
            sheet.cell(row=row, column=3, value=node.max).number_format = "0.00"
        if node.unlisted_max:
            note = labels.text("unlisted", lang).format(points=format_points(node.unlisted_max, labels.decimal_sep(lang)))
            sheet.cell(row=row, column=6, value=note)
        if node.level == 1:
            for column in (1, 2, 3):
                sheet.cell(row=row, column=column).font = bold
        validation = validations.get(node.max)
        if validation is None:
            validation = _points_validation(node.max, lang)
            validations[node.max] = validation
            sheet.add_data_validation(validation)
        validation.add(f"D{row}:E{row}")
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    return book


def _points_validation(maximum: Decimal | None, lang: str) -> "DataValidation":  # noqa: F821
    from openpyxl.worksheet.datavalidation import DataValidation

    if maximum is None:
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        limit = "≥ 0"
    else:
        rule = DataValidation(type="decimal", operator="between", formula1="0", formula2=str(maximum), allow_blank=True)
        limit = f"0 – {format_points(maximum, labels.decimal_sep(lang))}"
    rule.error = ("Điểm phải trong khoảng " if lang == "vi" else "Points must be within ") + limit
    rule.showErrorMessage = True
    return rule
