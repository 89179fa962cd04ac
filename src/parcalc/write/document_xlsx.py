"""A signed document (the remediation appendix, the explanation list, the ranking) as an
.xlsx ready to print: A4 landscape, fit to the page width, header repeated on every page,
real numbers, agency dropdowns where it names agencies, notes below the table.
`document_workbook` gives the workbook and where the table is, for a caller that adds
sheets of its own (the ranking's charts)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from . import ooxml
from .common import neutralise
from .document import Document, Note, column_kind, is_bold
from .xlsx_styles import CellStyles, Look, alignment
from .xlsx_table import Cell, Table

FIRST_HEADER_ROW = 5  # the label, the title, (a subtitle,) the plan line, a blank row
LABEL = {"vi": "PHỤ LỤC", "en": "APPENDIX"}
AGENCY_SHEET = "DanhMucCoQuan"
# Column widths (Excel's units, about one "0" of the default font): about 136 in all fill
# A4 landscape between Nghị định 30's margins at full size, so the table prints at 11 pt
# (widths of 199 in all printed it at about 7.5 pt). A narrower table widens its name
# or unit column to the page's width.
PAGE_WIDTH = 136
_WIDTHS = {"code": 6, "name": 28, "max": 8, "points": 9, "lost": 8, "remedy": 32,
           "lead": 15, "support": 15, "deadline": 12, "note": 8,
           "self_score": 9, "gap": 8, "explanation": 40, "evidence": 26,
           "rank": 6, "unit": 30, "total": 9, "index": 9, "group": 8, "field": 10}
_WIDENED = ("name", "unit")
_LEAST_UNIT = 24
FONT = "Times New Roman"  # Nghị định 30/2020/NĐ-CP: in every cell, or LibreOffice and Excel draw Calibri
BODY_FONT, BOLD_FONT = Font(name=FONT, size=11), Font(name=FONT, size=11, bold=True)
_THIN = Side(style="thin")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@lru_cache(maxsize=1 << 12)  # per distinct value, as points_text: 2.0 of 18 s of the 10,000-unit appendix's cells under cProfile
def number_format(value: Decimal) -> str:
    """Two decimals, three where the value needs them (0,996 stays 0,996)."""
    exponent = value.normalize().as_tuple().exponent
    places = max(2, -exponent if isinstance(exponent, int) else 0)
    return "0." + "0" * places


@dataclass(frozen=True)
class Placed:
    """Where document_workbook put the table: its sheet, header row, first and last
    data rows and each column's letter; the looks of its cells so far and its long
    tables, for a caller that adds cells and tables."""

    book: Workbook
    styles: CellStyles
    sheet: object
    header_row: int
    first_row: int
    last_row: int
    letters: dict[str, str]
    tables: list[Table]  # the long tables' rows, written at save (xlsx_table)


def document_xlsx(document: Document, notes: Sequence[Note] = ()) -> bytes:
    placed = document_workbook(document, notes)
    return ooxml.xlsx_bytes(placed.book, placed.tables)


def document_workbook(document: Document, notes: Sequence[Note] = ()) -> Placed:
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục" if document.lang == "vi" else "Appendix"
    columns = document.columns
    widths = column_widths(columns)
    last = get_column_letter(len(columns))
    lines = [(LABEL[document.lang], "bold"), (document.title, "title")]
    lines += [(text, "italic") for text in (document.subtitle, document.plan_line) if text]
    for row, (text, style) in enumerate(lines, start=1):
        _title(sheet, row, text, last, bold=style != "italic", height=36 if style == "title" else 20)
    header_row = max(FIRST_HEADER_ROW, len(lines) + 2)
    for column, heading in enumerate(document.heading_row(), start=1):
        cell = sheet.cell(row=header_row, column=column, value=heading)
        cell.font = BOLD_FONT
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    sheet.row_dimensions[header_row].height = max(48.0, lines_height(zip(columns, document.heading_row()), widths, True))
    styles = CellStyles()
    table = Table(sheet, header_row + 1)
    cells_of = _TableCells(styles, sheet)
    centred = [key in document.centred_columns for key in columns]
    for row in document.rows:
        cells, texts = [], []
        for key, centre in zip(columns, centred):
            value = row.value(key)
            bold = is_bold(document, row, key)
            if isinstance(value, Decimal):
                cells.append(cells_of.figures[value, centre, bold])
            elif isinstance(value, int):
                cells.append((value, cells_of.look(centre, bold, "0")))
            else:
                right = False
                if value:
                    texts.append((key, value))
                    right = not centre and key in document.number_columns  # "…" where a figure is not known: aligned as figures
                cells.append((neutralise(value) if value else None, cells_of.look(centre, bold, "@", right)))
        table.add(cells, lines_height(texts, widths, row.level <= document.bold_levels))
    for column, key in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = widths[key]
    last_row = header_row + len(document.rows)
    for offset, note in enumerate(notes, start=last_row + 2):
        if isinstance(note, str):
            sheet.cell(row=offset, column=2, value=neutralise(note)).font = BODY_FONT
            continue
        label, figure = note
        sheet.cell(row=offset, column=2, value=neutralise(label)).font = BODY_FONT
        cell = sheet.cell(row=offset, column=3, value=figure)
        cell.font = BODY_FONT
        cell.number_format = number_format(figure) if isinstance(figure, Decimal) else "0"
    if "lead" in columns:
        _agency_lists(book, sheet, document, header_row)
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    print_setup(sheet)
    letters = {key: get_column_letter(column) for column, key in enumerate(columns, start=1)}
    return Placed(book, styles, sheet, header_row, header_row + 1, last_row, letters, [table])


class _TableCells:
    """The looks of a document's table cells, each made once: by centring, bold and
    number format; and each figure's cell, by figure, centring and bold (a ranking of
    10,000 units by 100 fields has a million figure cells but a few thousand figures)."""

    def __init__(self, styles: CellStyles, sheet) -> None:
        self.styles, self.sheet = styles, sheet
        self.looks: dict[tuple[bool, bool, str, bool], Look] = {}
        self.figures = _Figures(self)

    def look(self, centre: bool, bold: bool, number_format: str, right: bool = False) -> Look:
        found = self.looks.get((centre, bold, number_format, right))
        if found is None:
            align = alignment(horizontal="center" if centre else "right" if right else None, wrap=number_format == "@")
            found = self.looks[centre, bold, number_format, right] = self.styles.look(
                self.sheet, font=BOLD_FONT if bold else BODY_FONT, border=BOX, align=align, number_format=number_format)
        return found


class _Figures(dict):
    def __init__(self, cells: _TableCells) -> None:
        super().__init__()
        self.cells = cells

    def __missing__(self, key: tuple[Decimal, bool, bool]) -> Cell:
        value, centre, bold = key
        self[key] = cell = (value, self.cells.look(centre, bold, number_format(value)))
        return cell


def print_setup(sheet) -> None:
    """A4 landscape fitted to the page width, Nghị định 30/2020/NĐ-CP margins, the page
    number centred at the top from the second page."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = sheet.ORIENTATION_LANDSCAPE
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    # binding side 30 mm, the other 15 mm, top and bottom 20 mm (in inches here)
    sheet.page_margins.left, sheet.page_margins.right = 30 / 25.4, 15 / 25.4
    sheet.page_margins.top = sheet.page_margins.bottom = 20 / 25.4
    sheet.HeaderFooter.differentFirst = True
    sheet.oddHeader.center.text = "&P"
    sheet.oddHeader.center.font = FONT
    sheet.print_options.horizontalCentered = True


def column_widths(columns: Sequence[str]) -> dict[str, float]:
    """Each column's width; a table narrower than the page widens its name or unit
    column to fill it, and a ranking wider than the page narrows its unit column (to 24
    at least) before the page is shrunk to fit."""
    widths = {key: float(_WIDTHS[column_kind(key)]) for key in columns}
    spare = PAGE_WIDTH - sum(widths.values())
    widened = next((key for key in _WIDENED if key in widths), None)
    if widened is not None and (spare > 0 or widened == "unit"):  # a ranking of many fields: a narrower unit column
        widths[widened] = max(widths[widened] + spare, float(_LEAST_UNIT))
    return widths


def lines_height(cells, widths: dict[str, float], bold: bool) -> float:
    """Wrapped text needs its row to grow, and spreadsheets do not refit rows on opening
    a file: the lines each cell wraps to, between words, at about 1.1 characters of
    Times New Roman 11 per unit of width (0.95 in bold, 0.8 in bold capitals), with a
    line of 15 points. Checked in LibreOffice's PDF: no clipped cell in the example
    appendix (at 1.0 for all bold text, field 5's capitals were cut)."""
    lines = 1
    for key, text in cells:
        if key != "code" and isinstance(text, str) and text:
            wide = text.isupper() and bold  # a field's name in bold capitals is the widest text
            per_line = max(int(widths[key] * (0.8 if wide else 0.95 if bold else 1.1)), 4)
            if len(text) <= per_line and "\t" not in text:  # one line, as wrap says (tabs widen): 3.5 of 18 s, as above
                continue
            lines = max(lines, len(textwrap.wrap(text, per_line, break_long_words=True)))
    return 15.0 * lines + 3


def _title(sheet, row: int, text: str, last: str, *, bold: bool, height: float = 20) -> None:
    sheet.merge_cells(f"A{row}:{last}{row}")
    cell = sheet.cell(row=row, column=1, value=neutralise(text))
    cell.font = Font(name=FONT, bold=bold, size=13 if bold else 12, italic=not bold)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[row].height = height


def _agency_lists(book: Workbook, sheet, document: Document, header_row: int) -> None:
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
    first, last = header_row + 1, header_row + len(document.rows)
    for key in ("lead", "support"):
        letter = get_column_letter(document.columns.index(key) + 1)
        rule.add(f"{letter}{first}:{letter}{last}")
