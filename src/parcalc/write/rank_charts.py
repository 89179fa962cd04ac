"""Native Excel charts for the ranking workbook (openpyxl.chart, no pictures): the
indexes as bars coloured by group, the field sub-indexes as a colour-scaled table
(conditional formatting), and a chosen unit's fields against the mean. They live on
sheets of their own, so the appendix sheet prints as it is signed."""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Font as DrawingFont, Paragraph, ParagraphProperties
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter

from ..analysis.ranking_document import RankingAppendix
from ..core import labels
from .common import GRADE_COLOURS, neutralise
from .document_xlsx import BODY_FONT, BOLD_FONT, BOX, FONT, Placed, lines_height, number_format, print_setup
from .xlsx_styles import CellStyles, alignment
from .xlsx_table import Cell, Table

UNIT_COLOUR, MEAN_COLOUR = "1565C0", "9E9E9E"
FIELD_KEY, FIELD_WIDTH = "field", 12  # the sub-index table's field columns
# Excel's own red - yellow - green scale: the lowest sub-index of a field red, the highest green
SCALE = ("F8696B", "FFEB84", "63BE7B")
_T = {
    "vi": {"charts": "Biểu đồ", "heat": "Chỉ số thành phần", "unit": "Đơn vị", "rank": "Hạng", "field": "Lĩnh vực",
           "mean": "Trung bình", "index": "Chỉ số", "ranking_title": "Chỉ số CCHC của các đơn vị, theo {grade}",
           "focus_title": "Chỉ số thành phần của {unit} so với trung bình", "heat_title": "Chỉ số thành phần theo lĩnh vực (màu theo từng cột: đỏ thấp nhất, xanh cao nhất)"},
    "en": {"charts": "Charts", "heat": "Sub-indexes", "unit": "Unit", "rank": "Rank", "field": "Field",
           "mean": "Mean", "index": "Index", "ranking_title": "PAR Index of the units, by {grade}",
           "focus_title": "Field sub-indexes of {unit} against the mean", "heat_title": "Field sub-indexes (coloured per column: red lowest, green highest)"},
}


def add_charts(placed: Placed, appendix: RankingAppendix) -> None:
    """The charts sheet (ranking, and the chosen unit against the mean) and the
    colour-scaled sub-index sheet, after the appendix sheet."""
    t = _T[appendix.lang]
    charts = placed.book.create_sheet(t["charts"])
    ranking = _ranking_chart(placed.styles, charts, appendix, t)
    placed.tables.append(ranking)
    if appendix.focus is not None:
        _focus_chart(placed.styles, charts, appendix, t)
    # column A holds unit and field names: as wide as the longest (a field name was cut at 30)
    column_a = [cell.value for (_, column), cell in charts._cells.items() if column == 1]  # charts["A"] would add cells
    column_a += [cells[0][0] for _, cells in ranking.rows]
    longest = max((len(str(value)) for value in column_a if value is not None), default=0)
    charts.column_dimensions["A"].width = min(60, max(30, longest + 2))
    placed.tables.append(_heat_table(placed.styles, placed.book.create_sheet(t["heat"]), appendix, t))
    for sheet in placed.book.worksheets[1:]:
        print_setup(sheet)


def _text_properties(size: int = 1000, bold: bool = False) -> RichText:
    """Times New Roman in a chart's text, as in every cell."""
    properties = CharacterProperties(latin=DrawingFont(typeface=FONT), sz=size, b=bold)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=properties), endParaRPr=properties)])


def _style(chart: BarChart, title: str) -> None:
    chart.title = title
    chart.title.tx.rich.p[0].pPr = ParagraphProperties(defRPr=CharacterProperties(latin=DrawingFont(typeface=FONT), sz=1200, b=True))
    for axis in (chart.x_axis, chart.y_axis):
        axis.delete = False  # openpyxl 3.1 hides axes unless told
        axis.txPr = _text_properties()
    chart.legend.position = "b"
    chart.legend.txPr = _text_properties()


def _header(styles: CellStyles, sheet, row: int, column: int, values: Sequence[str]) -> None:
    for offset, value in enumerate(values):
        cell = sheet.cell(row=row, column=column + offset, value=neutralise(value))
        styles.put(cell, font=BOLD_FONT, border=BOX, align=alignment(horizontal="center", vertical="center", wrap=True))


def _put(styles: CellStyles, sheet, row: int, column: int, value: object) -> None:
    cell = sheet.cell(row=row, column=column, value=neutralise(value) if isinstance(value, str) else value)
    styles.put(cell, font=BODY_FONT, border=BOX, number_format=number_format(value) if isinstance(value, Decimal) else None)


class _BodyCells:
    """A Table's cell for a value, looking as `_put` makes it."""

    def __init__(self, styles: CellStyles, sheet) -> None:
        self.styles, self.sheet = styles, sheet
        self.plain = styles.look(sheet, font=BODY_FONT, border=BOX)
        self.figures: dict[Decimal, Cell] = {}  # a few thousand distinct figures in a ranking's table

    def __call__(self, value: object) -> Cell:
        if isinstance(value, Decimal):
            cell = self.figures.get(value)
            if cell is None:
                look = self.styles.look(self.sheet, font=BODY_FONT, border=BOX, number_format=number_format(value))
                cell = self.figures[value] = (value, look)
            return cell
        return (neutralise(value) if isinstance(value, str) else value), self.plain


def _ranking_chart(styles: CellStyles, sheet, appendix: RankingAppendix, t: dict[str, str]) -> Table:
    """Columns A..: unit, then the index once per grade (in that grade's column only),
    so that each grade is a series of its own colour; bars in rank order, the first at
    the top. Gives the table of units."""
    grades = appendix.grades
    word = labels.grade_word(grades, appendix.lang)
    _header(styles, sheet, 1, 1, [t["unit"], *(f"{word} {grade.name}" for grade in grades)])
    units = appendix.ranking.units
    table, cell = Table(sheet, 2), _BodyCells(styles, sheet)
    for unit in units:  # bordered, empty where the unit is of another grade
        table.add([cell(unit.unit), *(cell(unit.result.index if unit.result.group == grade.name else None) for grade in grades)])
    for column in range(2, len(grades) + 2):
        sheet.column_dimensions[get_column_letter(column)].width = 11
    last = len(units) + 1
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap, chart.gapWidth = "bar", "clustered", 100, 40
    _style(chart, t["ranking_title"].format(grade=word.lower()))
    for column in range(2, len(grades) + 2):
        colour = GRADE_COLOURS[(column - 2) % len(GRADE_COLOURS)]
        chart.add_data(Reference(sheet, min_col=column, min_row=1, max_row=last), titles_from_data=True)
        chart.series[-1].graphicalProperties = GraphicalProperties(solidFill=colour)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 at the top
    chart.y_axis.crosses = "max"  # the index axis then stays at the bottom
    lowest = min((unit.result.index for unit in units), default=Decimal(0))
    chart.y_axis.scaling.min = float(max(0, (int(lowest) // 10 - 1) * 10))
    chart.y_axis.scaling.max = 100.0
    chart.y_axis.majorUnit = 10.0
    chart.y_axis.number_format = "0"
    chart.width = 24.0
    chart.height = min(max(8.0, 0.55 * len(units) + 3.5), 120.0)
    chart.layout = Layout(manualLayout=ManualLayout(x=0.3, y=0.08, w=0.66, h=0.78))
    sheet.add_chart(chart, f"{get_column_letter(len(grades) + 3)}1")
    return table


def _focus_chart(styles: CellStyles, sheet, appendix: RankingAppendix, t: dict[str, str]) -> None:
    """Below the ranking's data: field, the unit's sub-index and the mean, as clustered columns."""
    focus = appendix.focus
    assert focus is not None
    first = len(appendix.ranking.units) + 4
    _header(styles, sheet, first, 1, [t["field"], focus.unit, t["mean"]])
    sheet.row_dimensions[first].height = 33
    fields = appendix.ranking.field_codes
    for row, (code, name, own, mean) in enumerate(zip(fields, appendix.field_names, focus.field_indexes,
                                                       appendix.ranking.field_means), start=first + 1):
        _put(styles, sheet, row, 1, f"{code}. {name}")
        _put(styles, sheet, row, 2, own)
        _put(styles, sheet, row, 3, mean)
    last = first + len(fields)
    chart = BarChart()
    chart.type, chart.grouping, chart.gapWidth = "col", "clustered", 60
    _style(chart, t["focus_title"].format(unit=focus.unit))
    chart.add_data(Reference(sheet, min_col=2, max_col=3, min_row=first, max_row=last), titles_from_data=True)
    for series, colour in zip(chart.series, (UNIT_COLOUR, MEAN_COLOUR)):
        series.graphicalProperties = GraphicalProperties(solidFill=colour)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first + 1, max_row=last))
    chart.y_axis.scaling.min, chart.y_axis.scaling.max, chart.y_axis.majorUnit = 0.0, 100.0, 20.0
    chart.y_axis.number_format = "0"
    chart.width, chart.height = 24.0, 10.0
    sheet.add_chart(chart, f"A{last + 2}")


def _heat_table(styles: CellStyles, sheet, appendix: RankingAppendix, t: dict[str, str]) -> Table:
    """Rank, unit and each field's sub-index, every field column on its own red -
    yellow - green scale, so a unit's weak fields stand out. Gives the table of units."""
    cell = sheet.cell(row=1, column=1, value=t["heat_title"])
    cell.font = BOLD_FONT
    headings = [t["rank"], t["unit"], *(f"{code}. {name}" for code, name in zip(appendix.ranking.field_codes, appendix.field_names))]
    _header(styles, sheet, 3, 1, headings)
    units = appendix.ranking.units
    table, cell = Table(sheet, 4), _BodyCells(styles, sheet)
    for unit in units:
        table.add([cell(unit.rank), cell(unit.unit), *map(cell, unit.field_indexes)])
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 6, 30
    # as tall as the longest field name needs at the width below (48 clipped "8. Tác động của CCHC ... của tỉnh")
    sheet.row_dimensions[3].height = max(48.0, lines_height([(FIELD_KEY, heading) for heading in headings[2:]], {FIELD_KEY: FIELD_WIDTH}, True))
    last = len(units) + 3
    for column in range(3, len(headings) + 1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = FIELD_WIDTH
        if units:
            sheet.conditional_formatting.add(f"{letter}4:{letter}{last}", ColorScaleRule(
                start_type="min", start_color=SCALE[0], mid_type="percentile", mid_value=50, mid_color=SCALE[1],
                end_type="max", end_color=SCALE[2]))
    sheet.freeze_panes = "C4"
    sheet.print_title_rows = "3:3"
    return table
