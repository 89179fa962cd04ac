"""A signed document (the remediation appendix, the explanation list, the ranking) as a Word
document in the administrative style: A4 landscape
(the page size swapped, not only the flag), Times New Roman 13, the header row repeated
on every page, field rows in bold, Vietnamese decimal comma."""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..core import labels
from . import ooxml
from .document import Document, Note, cell_text, column_kind, is_bold, note_text

FONT = "Times New Roman"
SIZE = Pt(13)
TABLE_SIZE = Pt(11)  # the appendix table has ten columns; 13 pt text would not fit a page width
# Nghị định 30/2020/NĐ-CP, Phụ lục I: top and bottom 20-25 mm, the binding side 30-35 mm,
# the other 15-20 mm; page numbers centred at the top, from the second page.
_PAGE_MM, _LEFT_MM, _RIGHT_MM, _TOP_MM, _BOTTOM_MM = 297, 30, 15, 20, 20
LABEL = {"vi": "PHỤ LỤC", "en": "APPENDIX"}
LANGUAGE = {"vi": "vi-VN", "en": "en-GB"}  # proofing: Word checks Vietnamese as Vietnamese
# Each column's share of the width between the margins. Looked at in LibreOffice's PDF:
# a bold 11 pt heading word such as "chuẩn" broke at 17 mm and fits at 19, a code such as
# 1.2.2 broke at 13 mm and fits at 14; text columns take the rest.
_WEIGHTS = {"code": 15, "name": 60, "max": 20, "points": 20, "lost": 19, "remedy": 56,
            "lead": 27, "support": 27, "deadline": 28, "note": 14,
            "self_score": 20, "gap": 19, "explanation": 62, "evidence": 46,
            "rank": 17, "unit": 60, "total": 20, "index": 20, "group": 19, "field": 24}
# A ranking with many fields shares the page thinner: its short headings (Hạng, Nhóm,
# Tổng điểm) never break inside a word, and units and fields keep a readable width.
_LEAST_MM = {"rank": 14, "group": 16, "total": 17, "index": 17, "unit": 32, "field": 17}


def document_docx(source: Document, notes: Sequence[Note] = ()) -> bytes:
    document = new_document()
    _page(document)
    _fonts(document, LANGUAGE[source.lang])
    _paragraph(document, LABEL[source.lang], bold=True)
    _paragraph(document, source.title, bold=True)
    for line in (source.subtitle, source.plan_line):
        if line:
            _paragraph(document, line, italic=True)
    _rule(document)
    sep = labels.decimal_sep(source.lang)
    columns = source.columns
    table = document.add_table(rows=1 + len(source.rows), cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, heading in zip(header.cells, source.heading_row()):
        _fill(cell, heading, bold=True, center=True)
    for row, table_row in zip(source.rows, table.rows[1:]):
        _keep_whole(table_row)
        for column, cell in zip(columns, table_row.cells):
            _fill(cell, cell_text(row, column, sep), bold=is_bold(source, row, column),
                  center=column in source.centred_columns, right=column in source.number_columns)
    _widths(table, columns)
    if notes:
        document.add_paragraph()
        # one paragraph kept whole, a line each: LibreOffice broke a chain of "keep with next"
        # paragraphs after the first line (a 12-unit ranking: its count alone at the foot of page 1)
        block = document.add_paragraph()
        block.paragraph_format.keep_together = True
        for position, note in enumerate(notes):
            if position:
                block.add_run().add_break()
            block.add_run(note_text(note, sep))
    return ooxml.docx_bytes(document)


def _widths(table, columns: Sequence[str]) -> None:
    """Word reads the cell widths, LibreOffice the table grid: set both, and fix the layout."""
    table.autofit = False
    widths = [Mm(float(width)) for width in share_page([column_kind(column) for column in columns])]
    for width, grid_column in zip(widths, table._tbl.tblGrid.gridCol_lst):
        grid_column.w = width
    for row in table._tbl.tr_lst:  # the cells' XML directly: python-docx's column.cells is quadratic (11 s for 1,000 rows)
        for cell, width in zip(row.tc_lst, widths):
            cell.width = width


def share_page(kinds: Sequence[str]) -> list[Decimal]:
    """Each column's width in mm: the page's width between the margins shared by
    weight, but never below a column's least width (`_LEAST_MM`); what those take is
    taken from the others."""
    room = Decimal(_PAGE_MM - _LEFT_MM - _RIGHT_MM)
    fixed: dict[int, Decimal] = {}
    while True:
        free = [i for i in range(len(kinds)) if i not in fixed]
        share = (room - sum(fixed.values(), Decimal(0))) / sum(_WEIGHTS[kinds[i]] for i in free)
        short = [i for i in free if _WEIGHTS[kinds[i]] * share < _LEAST_MM.get(kinds[i], 0)]
        if not short or len(short) == len(free):
            return [fixed.get(i, _WEIGHTS[kinds[i]] * share) for i in range(len(kinds))]
        fixed.update((i, Decimal(_LEAST_MM[kinds[i]])) for i in short)


def _page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(_LEFT_MM), Mm(_RIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(_TOP_MM), Mm(_BOTTOM_MM)
    section.different_first_page_header_footer = True  # no number on the first page
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(paragraph.add_run())


def _page_field(run) -> None:
    """The PAGE field: Word and LibreOffice put the page's number there."""
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _fonts(document, language: str) -> None:
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = SIZE
    properties = style.element.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    targets = [properties]
    if defaults is not None and defaults.find(qn("w:rPrDefault")) is not None:
        targets.append(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    for target in targets:  # every run inherits it: the document default and the Normal style
        if target is None:
            continue
        for old in target.findall(qn("w:lang")):
            target.remove(old)
        lang = OxmlElement("w:lang")
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), language)
        target.append(lang)


def _rule(document) -> None:
    """The short rule under the "(Kèm theo ...)" line: a bottom border on an empty
    paragraph indented to about a fifth of the line."""
    paragraph = document.add_paragraph()
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attribute, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(attribute), value)
    borders.append(bottom)
    properties.append(borders)
    width = _PAGE_MM - _LEFT_MM - _RIGHT_MM
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Mm(width * 2 / 5)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.line_spacing = Pt(6)


def _paragraph(document, text: str, *, bold: bool = False, italic: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic


def _fill(cell, text: str, *, bold: bool = False, center: bool = False, right: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    if bold:  # never an explicit "not bold": the style has none, and 15,000 cells cost a second less
        run.bold = True
    run.font.size = TABLE_SIZE


def _keep_whole(row) -> None:
    """A row is never split across two pages (a lone word under a repeated header)."""
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:cantSplit")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)
