"""A signed document (the remediation appendix, the explanation list) as an .xlsx ready
to print: A4 landscape, fit to the page width, header repeated on every page, real
numbers, agency dropdowns where it names agencies, notes below the table."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from typing import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from . import ooxml
from .common import neutralise
from .document import Document, is_bold

LABEL_ROW, TITLE_ROW, PLAN_ROW, HEADER_ROW = 1, 2, 3, 5
LABEL = {"vi": "PHỤ LỤC", "en": "APPENDIX"}
AGENCY_SHEET = "DanhMucCoQuan"
# Column widths (Excel's units, about one "0" of the default font): about 136 in all fill
# A4 landscape between Nghị định 30's margins at full size, so the table prints at 11 pt
# (widths of 199 in all printed it at about 7.5 pt).
_WIDTHS = {"code": 6, "name": 28, "max": 8, "points": 9, "lost": 8, "remedy": 32,
           "lead": 15, "support": 15, "deadline": 12, "note": 8,
           "self_score": 9, "gap": 8, "explanation": 40, "evidence": 26}
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
    _title(sheet, LABEL_ROW, LABEL[document.lang], last, bold=True)
    _title(sheet, TITLE_ROW, document.title, last, bold=True, height=36)
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
        sheet.row_dimensions[number].height = _height(row, columns, row.level <= document.bold_levels)
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
    # Nghị định 30/2020/NĐ-CP: binding side 30 mm, the other 15 mm, top and bottom 20 mm (in
    # inches here); the page number centred at the top from the second page
    sheet.page_margins.left, sheet.page_margins.right = 30 / 25.4, 15 / 25.4
    sheet.page_margins.top = sheet.page_margins.bottom = 20 / 25.4
    sheet.HeaderFooter.differentFirst = True
    sheet.oddHeader.center.text = "&P"
    sheet.oddHeader.center.font = FONT
    sheet.print_options.horizontalCentered = True
    return ooxml.xlsx_bytes(book)


def _height(row, columns: Sequence[str], bold: bool) -> float:
    """Wrapped text needs its row to grow, and spreadsheets do not refit rows on opening
    a file: the lines each cell wraps to, between words, at about 1.1 characters of
    Times New Roman 11 per unit of width (0.95 in bold, 0.8 in bold capitals), with a
    line of 15 points. Checked in LibreOffice's PDF: no clipped cell in the example
    appendix (at 1.0 for all bold text, field 5's capitals were cut)."""
    lines = 1
    for key in columns:
        text = row.value(key)
        if key != "code" and isinstance(text, str) and text:
            wide = text.isupper() and bold  # a field's name in bold capitals is the widest text
            per_line = int(_WIDTHS[key] * (0.8 if wide else 0.95 if bold else 1.1))
            lines = max(lines, len(textwrap.wrap(text, max(per_line, 4), break_long_words=True)))
    return 15.0 * lines + 3


def _title(sheet, row: int, text: str, last: str, *, bold: bool, height: float = 20) -> None:
    sheet.merge_cells(f"A{row}:{last}{row}")
    cell = sheet.cell(row=row, column=1, value=neutralise(text))
    cell.font = Font(name=FONT, bold=bold, size=13 if bold else 12, italic=not bold)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[row].height = height


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
