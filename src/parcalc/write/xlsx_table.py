"""The body of a long table (a document's rows, the ranking's chart data and sub-index
sheet) written as the sheet's XML rows when the workbook is saved, not as openpyxl cells.

openpyxl makes an object per cell and, at save, looks up each cell's style and writes it
through lxml. For the ranking appendix of 10,000 units by 10 fields (320,000 cells on
three sheets), building and saving the workbook took 11.1 s of the 12.5 s of
`parcalc rank -o x.xlsx`; the whole `--format json` run takes 1.8 s. With these rows it
takes 1.55 s, of which 0.43 s makes the rows' XML (document_workbook, add_charts and
xlsx_bytes timed in one process, installed copy, medians of 3, 2026-11-30).
xlsxwriter is no way out: it wrote 450,000 styled cells in 6.0 s (13 µs a cell) in a
side-by-side script.

The rows are the bytes openpyxl would write for the same cells, so a workbook's bytes do
not change (tests/test_xlsx_table.py compares the two on random cells): each row's
`<row>` with its height, each cell's `<c>` with the same style number, `t="n"` and
`"%.16g"` for numbers, `t="inlineStr"` for text, escaped as lxml escapes it. Style
numbers are given in the order openpyxl's save would give them (`save_order`): cell by
cell, sheet by sheet, row by row. Everything around the rows (titles, notes, merged
cells, widths, print setup, charts) is still openpyxl's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.styles.cell_style import StyleArray

    from .xlsx_styles import Look

_PIECE = 2000  # rows
Cell = tuple[object, "Look"]  # a value (Decimal, int, str or None) and its look


class Table:
    """Rows `first`, `first + 1`, ... of `sheet`, none of which has openpyxl cells."""

    def __init__(self, sheet, first: int) -> None:
        self.sheet = sheet
        self.first = first
        self.rows: list[tuple[float | None, Sequence[Cell]]] = []
        self.width = 0

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1

    def add(self, cells: Sequence[Cell], height: float | None = None) -> None:
        """The next row, from column A; `height` in points, or the sheet's default."""
        self.rows.append((height, cells))
        self.width = max(self.width, len(cells))

    def xml(self, styles: "_StyleIds") -> list[bytes]:
        """The rows as openpyxl writes them (see the module's docstring), in pieces of
        `_PIECE` rows: never the whole text in one string, then in bytes, then spliced
        (the appendix of 10,000 units by 100 fields has 84 MB of rows)."""
        # A row is one str.format of a template per width, with each cell's text after
        # its reference cached per (value, look): 0.6 s for the 10,000-unit appendix's
        # 320,000 cells, where an f-string per cell took 1.9 s (cProfile, 2026-11-30).
        templates: dict[int, str] = {}
        after = _AfterReference(styles)
        out: list[str] = []
        pieces: list[bytes] = []
        for number, (height, cells) in enumerate(self.rows, start=self.first):
            template = templates.get(len(cells))
            if template is None:
                template = templates[len(cells)] = "".join(
                    f'<c r="{get_column_letter(column)}{{0}}"{{{column}}}' for column in range(1, len(cells) + 1))
            head = f'<row r="{number}">' if height is None else f'<row r="{number}" ht="{height:.16g}" customHeight="1">'
            out.append(head + template.format(number, *[after[cell] for cell in cells]) + "</row>")
            if len(out) == _PIECE:
                pieces.append("".join(out).encode("ascii"))
                out.clear()
        return [*pieces, "".join(out).encode("ascii")]


class _StyleIds:
    """Each look's number in the workbook's list of cell styles, added there on first
    sight as openpyxl's `Cell.style_id` does at save."""

    def __init__(self, book: "Workbook") -> None:
        self.book = book
        self._seen: dict[int, tuple["StyleArray", int]] = {}  # by identity: hashing a StyleArray per cell costs

    def number(self, look: "StyleArray") -> int:
        seen = self._seen.get(id(look))
        if seen is None:
            self._seen[id(look)] = seen = (look, self.book._cell_styles.add(look))  # the look held: no other object takes its id
        return seen[1]


class _AfterReference(dict):
    """A cell, (value, look) -> its XML after its reference."""

    def __init__(self, styles: _StyleIds) -> None:
        super().__init__()
        self.styles = styles

    def __missing__(self, cell: "Cell") -> str:
        value, look = cell
        # openpyxl writes no style number for the default look, and leaves out such a cell when empty
        assert any(look.style), "a Table's cells have a look other than the default"
        self[cell] = text = f' s="{self.styles.number(look.style)}" {_content(value)}'
        return text


def _content(value: object) -> str:
    """The rest of a cell's XML after its style number."""
    if value is None:
        return 't="n"></c>'
    if isinstance(value, str):
        return _text(value) if value else 't="inlineStr"></c>'
    return f't="n"><v>{"%.16g" % value}</v></c>'


def _text(value: str) -> str:
    """Escaped as lxml escapes it; the control characters XML cannot hold (openpyxl
    refuses them with an error) are left out."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    ascii_text = escaped.encode("ascii", "xmlcharrefreplace").decode("ascii")
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f't="inlineStr"><is><t{space}>{ascii_text}</t></is></c>'


def save_order(book: "Workbook", tables: Iterable[Table]) -> list[tuple[Table, list[bytes]]]:
    """Each table with its rows as XML, the looks numbered as openpyxl's save numbers
    them: every styled cell in row order, sheet by sheet, a table's rows in their place.
    openpyxl's own cells keep the numbers they get here."""
    by_sheet = {id(table.sheet): table for table in tables}
    styles = _StyleIds(book)
    done: list[tuple[Table, list[bytes]]] = []
    for sheet in book.worksheets:
        table = by_sheet.get(id(sheet))
        for (row, _), cell in sorted(sheet._cells.items()):
            if table is not None and row >= table.first:
                assert row > table.last, f"an openpyxl cell at row {row}, among the table's rows"
                done.append((table, table.xml(styles)))
                table = None
            if cell.has_style:
                styles.number(cell._style)
        if table is not None:
            done.append((table, table.xml(styles)))
    return done


_ROW = re.compile(rb'<row r="(\d+)"')
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')


def splice(part: bytes, write: Callable[[bytes], object], table: Table, rows: Sequence[bytes]) -> None:
    """Write the sheet's XML as openpyxl saved it, with the table's rows in their place
    and the sheet's dimension counting them."""
    at = next((match.start() for match in _ROW.finditer(part) if int(match.group(1)) > table.last), None)
    if at is None:
        closing = part.rfind(b"</sheetData>")
        if closing >= 0:
            at = closing
        else:  # a sheet with no cells of openpyxl's
            part = re.sub(rb"<sheetData\s*/>", b"<sheetData></sheetData>", part, count=1)
            at = part.rfind(b"</sheetData>")
    write(_DIMENSION.sub(f'<dimension ref="{_dimension(table)}"/>'.encode("ascii"), part[:at], count=1))
    for piece in rows:
        write(piece)
    write(part[at:])


def _dimension(table: Table) -> str:
    """What openpyxl's calculate_dimension would say had the table's cells been its own."""
    keys = list(table.sheet._cells)
    rows = [row for row, _ in keys] + ([table.first, table.last] if table.rows else [])
    columns = [column for _, column in keys] + ([1, table.width] if table.rows else [])
    if not rows:
        return "A1:A1"
    return f"{get_column_letter(min(columns))}{min(rows)}:{get_column_letter(max(columns))}{max(rows)}"
