"""Styling many openpyxl cells alike, at the cost of a copy per cell.

Setting `cell.font`, `.border`, `.alignment` or `.number_format` hashes the style object
(recursively, in Python) and looks it up in the workbook's list of styles, every time:
for the ranking appendix of 10,000 units (with its chart data and sub-index sheets,
330,000 cells) that was 1.1 million lookups, 120 s of 213 s under cProfile, and the
reason `rank -o x.xlsx` took 95x the read. Not openpyxl's `max_row`, which nothing calls
per row. Write-only mode would not help: its cells are styled through the same lookups,
and it has no merged cells (the titles). xlsxwriter would mean rewriting the writer of
every signed document and its charts, and a new dependency (see the figure below).

`CellStyles` styles the first cell of each look as before, then gives every later cell
of that look a copy of openpyxl's own record of the style numbers (`Cell._style`, a
StyleArray of indexes into the workbook's lists, the same in openpyxl 2.4 to 3.1). The
workbook's lists fill in the same order as before, so the file's bytes do not change.
`parcalc rank` of bench_rank.py's 10,000 units `-o x.xlsx`, installed copies, medians of 3
interleaved: 66.8 s -> 30.8 s; what is left is openpyxl building and saving the cells.
(xlsxwriter wrote 330,000 styled cells 2.7x faster than openpyxl in a side-by-side script,
9.5 s against 25.8 s; a decision for the whole xlsx writer, not this one.)"""

from __future__ import annotations

from copy import copy
from functools import lru_cache

from openpyxl.styles import Alignment, Border, Font


@lru_cache(maxsize=None)
def alignment(*, horizontal: str | None = None, vertical: str | None = "top", wrap: bool = False) -> Alignment:
    """One Alignment object per look, so that CellStyles can tell looks apart by identity."""
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=True if wrap else None)


class CellStyles:
    """The looks one workbook's cells have had so far (a look's numbers belong to its workbook)."""

    def __init__(self) -> None:
        # key -> the look's StyleArray, and the objects whose identities make the key (held,
        # so that no other object takes their id while this workbook is written)
        self._looks: dict[tuple[int, int, int, str | None], tuple[object, ...]] = {}

    def put(self, cell, *, font: Font, border: Border, align: Alignment | None = None, number_format: str | None = None) -> None:
        """Style `cell`; `align` and `number_format` left out stay the default. Fonts,
        borders and alignments are told apart by identity: pass shared objects (module
        constants, `alignment(...)`): a new object each call would make each cell a look of its own."""
        key = (id(font), id(border), id(align), number_format)
        look = self._looks.get(key)
        if look is not None:
            cell._style = copy(look[0])  # a copy: a later change to one cell must not restyle the others
            return
        if number_format is not None:
            cell.number_format = number_format
        if align is not None:
            cell.alignment = align
        cell.border = border
        cell.font = font
        self._looks[key] = (copy(cell._style), font, border, align)
