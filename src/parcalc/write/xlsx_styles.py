"""The looks of a workbook's cells, each made once.

Setting `cell.font`, `.border`, `.alignment` or `.number_format` hashes the style object
(recursively, in Python) and looks it up in the workbook's list of styles, every time:
for the ranking appendix of 10,000 units (330,000 cells) that was 1.1 million lookups,
120 s of 213 s under cProfile. `CellStyles` styles one cell per look, and keeps
openpyxl's own record of that cell's style numbers (`Cell._style`, a StyleArray of
indexes into the workbook's lists, the same in openpyxl 2.4 to 3.1) as the `Look`:
openpyxl cells of that look get a copy, a long table's rows (xlsx_table) the look
itself. The workbook's lists fill in the order the looks are first asked for, as when
every cell was styled, so a file's bytes do not change."""

from __future__ import annotations

from copy import copy
from functools import lru_cache

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font
from openpyxl.styles.cell_style import StyleArray


@lru_cache(maxsize=None)
def alignment(*, horizontal: str | None = None, vertical: str | None = "top", wrap: bool = False) -> Alignment:
    """One Alignment object per look, so that CellStyles can tell looks apart by identity."""
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=True if wrap else None)


class Look:
    """A look's StyleArray (never changed once made), hashed by identity: hashing the
    array itself for each of a table's cells would cost."""

    __slots__ = ("style",)

    def __init__(self, style: StyleArray) -> None:
        self.style = style


class CellStyles:
    """The looks one workbook's cells have had so far (a look's numbers belong to its workbook)."""

    def __init__(self) -> None:
        # key -> the look's StyleArray, and the objects whose identities make the key (held,
        # so that no other object takes their id while this workbook is written)
        self._looks: dict[tuple[int, int, int, str | None], tuple[Look, object, object, object]] = {}

    def look(self, sheet, *, font: Font, border: Border, align: Alignment | None = None, number_format: str | None = None) -> Look:
        """The look, shared by every cell that has it; `align` and `number_format` left out stay the default. Fonts, borders and
        alignments are told apart by identity: pass shared objects (module constants,
        `alignment(...)`): a new object each call would make each cell a look of its own."""
        key = (id(font), id(border), id(align), number_format)
        look = self._looks.get(key)
        if look is None:
            cell = Cell(sheet)  # styled, never put on the sheet: its style numbers are the look
            if number_format is not None:
                cell.number_format = number_format
            if align is not None:
                cell.alignment = align
            cell.border = border
            cell.font = font
            self._looks[key] = look = (Look(cell._style), font, border, align)
        return look[0]

    def put(self, cell, *, font: Font, border: Border, align: Alignment | None = None, number_format: str | None = None) -> None:
        """Style `cell` with the look (see `look`)."""
        # a copy: a later change to one cell must not restyle the others
        cell._style = copy(self.look(cell.parent, font=font, border=border, align=align, number_format=number_format).style)
