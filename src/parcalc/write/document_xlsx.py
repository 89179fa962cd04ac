"""A signed document (the remediation appendix, the explanation list) as an .xlsx ready
to print: A4 landscape, fit to the page width, header repeated on every page, real
numbers, agency dropdowns where it names agencies, notes below the table."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from . import ooxml
from .common import neutralise
from .document import Document, is_bold

TITLE_ROW, PLAN_ROW, HEADER_ROW = 1, 2, 4
AGENCY_SHEET = "DanhMucCoQuan"
_WIDTHS = {"code": 8, "name": 40, "max": 9, "points": 10, "lost": 9, "remedy": 45,
           "lead": 24, "support": 24, "deadline": 18, "note": 12,
           "self_score": 10, "gap": 9, "explanation": 50, "evidence": 36}
FONT = "Times New Roman"  # Nghị định 30/2020/NĐ-CP: in every cell, or LibreOffice and Excel draw Calibri
_BODY, _BOLD = Font(name=FONT, size=11), Font(name=FONT, size=11, bold=True)
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def number_format(value: Decimal) -> str:
    """Two decimals, three where the value needs them (0,996 stays 0,996)."""
    exponent = value.normalize().as_tuple().exponent
    places = max(2, -exponent if isinstance(exponent, int) else 0)
    return "0." + "0" * places


def document_xlsx(document: Document, notes: Sequence[str] = ()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục" if document.lang == "vi" else "Appendix"
    columns = document.columns
    last = get_column_letter(len(columns))
    _title(sheet, TITLE_ROW, document.title, last, bold=True)
    if document.plan_line:
        _title(sheet, PLAN_ROW, document.plan_line, last, bold=False)
    for column, heading in enumerate(document.heading_row(), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=heading)
        cell.font = _BOLD
        cell.border = _BOX
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    sheet.row_dimensions[HEADER_ROW].height = 48
    for offset, row in enumerate(document.rows, start=1):
        number = HEADER_ROW + offset
        for column, key in enumerate(columns, start=1):
            value = row.value(key)
            if isinstance(value, Decimal):
                cell = sheet.cell(row=number, column=column, value=value)
                cell.number_format = number_format(value)
                cell.alignment = Alignment(vertical="top")
            else:
                cell = sheet.cell(row=number, column=column, value=neutralise(value) if value else None)
                cell.number_format = "@"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = _BOX
            cell.font = _BOLD if is_bold(document, row, key) else _BODY
        sheet.row_dimensions[number].height = _height(row, columns)
    for column, key in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[key]
    for offset, line in enumerate(notes, start=HEADER_ROW + len(document.rows) + 2):
        sheet.cell(row=offset, column=2, value=neutralise(line)).font = _BODY
    if "lead" in columns:
        _agency_lists(book, sheet, document)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = sheet.ORIENTATION_LANDSCAPE
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    return ooxml.xlsx_bytes(book)


def _height(row, columns: Sequence[str]) -> float:
    """Wrapped text needs its row to grow; spreadsheets do not refit rows on opening a
    file, so the height is estimated from the longest cell (about 1.15 characters per unit
    of column width at 11 pt)."""
    lines = 1
    for key in columns:
        text = row.value(key)
        if key != "code" and isinstance(text, str) and text:
            lines = max(lines, math.ceil(len(text) / (_WIDTHS[key] * 1.15)))
    return 15.0 * lines


def _title(sheet, row: int, text: str, last: str, *, bold: bool) -> None:
    sheet.merge_cells(f"A{row}:{last}{row}")
    cell = sheet.cell(row=row, column=1, value=neutralise(text))
    cell.font = Font(name=FONT, bold=bold, size=13 if bold else 12, italic=not bold)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[row].height = 36 if bold else 20


def _agency_lists(book: Workbook, sheet, document: Document) -> None:
    """Every agency named in the lead and supporting columns, on a hidden sheet, offered
    as a dropdown (Excel limits inline lists to 255 characters)."""
    agencies = sorted({str(row.value(key)) for row in document.rows for key in ("lead", "support") if row.value(key)})
    if not agencies or not document.rows:
        return
    hidden = book.create_sheet(AGENCY_SHEET)
    hidden.sheet_state = "hidden"
    for number, agency in enumerate(agencies, start=1):
        hidden.cell(row=number, column=1, value=neutralise(agency))
    rule = DataValidation(type="list", formula1=f"={AGENCY_SHEET}!$A$1:$A${len(agencies)}", allow_blank=True)
    rule.showErrorMessage = False  # a list to choose from, not a constraint: other agencies may be typed
    sheet.add_data_validation(rule)
    first, last = HEADER_ROW + 1, HEADER_ROW + len(document.rows)
    for key in ("lead", "support"):
        letter = get_column_letter(document.columns.index(key) + 1)
        rule.add(f"{letter}{first}:{letter}{last}")
