"""A sheet's values as python-calamine reads them, parsed in bands of rows on worker
threads while the caller reads the bands already done.

python-calamine parses in Rust without holding the GIL, but a sheet on one thread: a
wide sheet of 10,000 units is 35 MB of XML and ~0.55 s of parsing. A large sheet is
therefore cut between two rows into bands of about 4 MB. Each band, with the
workbook's other parts, is a small workbook of its own (a temporary file, stored
uncompressed) that calamine parses on one of two worker threads. So the parsing uses both cores, and the
first rows are ready long before the last.

A band holds exactly the cells of its rows (tests/test_valuesheet.py compares bands with
the whole sheet on random sheets) because a sheet is cut only where that is sure:
- at a `<row>` start tag that gives its number (`r="12"`), right after the end of the
  row before: calamine numbers a row without `r` after the one before it, and a cell
  without `r` after the one before it in its row;
- never once `<!` or `<?` (a comment, CDATA, a processing instruction) has appeared,
  as their text may hold anything;
- only in sheets written without a namespace prefix (`<sheetData>`), as Excel,
  LibreOffice and openpyxl write them. Other sheets are one band.
"""

from __future__ import annotations

import atexit
import io
import os
import re
import shutil
import tempfile
import threading
import time
import zipfile
from concurrent.futures import Future
from functools import lru_cache
from pathlib import Path
from queue import Queue, SimpleQueue
from typing import TYPE_CHECKING, Callable, Iterator

from ..core.errors import InputError
from ..core.messages import Msg, Place
from .sheetscan import CellFacts, has_markup

if TYPE_CHECKING:
    from python_calamine import CalamineSheet

BAND_BYTES = 4 << 20  # XML bytes of a band; sheets under two bands are parsed whole
WORKERS = 2  # the machines parcalc runs on have two cores or more
_OTHER_PARTS_LIMIT = 8 << 20  # each band copies the other parts: not when they are large (pictures)
_DATA_START = b"<sheetData>"
_SYNTHETIC_END = b"</sheetData></worksheet>"
_NUMBERED_ROW = re.compile(rb"<row\s[^>]*?(?<=\s)r=[\"']\d+[\"'][^>]*>")
_AFTER_A_ROW = re.compile(rb"(?:</row>|/>)\s*\Z")


class ValueSheet:
    """A sheet's values: numbers as floats, text as str, TRUE/FALSE as bool, '' for an
    empty cell (and for a formula without a saved result or an Excel error: `cells`
    tells them apart once the rows are read). Each `rows()` call streams the rows again."""

    def __init__(self, path: Path, name: str, sheet: str, part: str, sheet_parts: frozenset[str],
                 percent_styles: frozenset[int] = frozenset()) -> None:
        self.name, self.sheet = name, sheet
        self._bands: list[Future] = []
        self._arrivals: SimpleQueue[Future | None] = SimpleQueue()
        self._complete = False
        # What python-calamine does not say, found in each band's bytes before the band is
        # handed over: the rows the sheet hides are known when its rows are read, the cells
        # (sheetscan) once every row has been read.
        self.hidden_rows: set[int] = set()
        self.cells = CellFacts(percent_styles)
        threading.Thread(target=_produce, args=(path, sheet, part, sheet_parts, self._arrivals.put, self._learn), daemon=True).start()

    def _learn(self, xml: bytes) -> None:
        self.hidden_rows.update(hidden_rows(xml))
        self.cells.learn(xml)

    def rows(self, width: int = 0) -> Iterator[tuple[int, list]]:
        """(row number, [value of column A, B, ...]) for each row from the first with a
        value, each row at least `width` values long."""
        for start, block in self.blocks(width):
            yield from enumerate(block, start)

    def stream(self, width: int = 0) -> "RowStream":
        """The rows one at a time, then, from where they were left, in blocks (`blocks`)."""
        return RowStream(self.blocks(width))

    def blocks(self, width: int = 0) -> Iterator[tuple[int, list[list]]]:
        """(number of the first row, rows) for each band: consecutive rows as `rows`
        gives them, for a caller that takes a band's rows at once (map, zip)."""
        for band in self._parsed_bands():
            top, left = band.start or (0, 0)
            block = band.to_python()
            if left:  # a table that starts right of column A
                padding = [""] * left
                block = [padding + values for values in block]
            if block and len(block[0]) < width:  # a band's rows end at its own last used column
                more = [""] * (width - len(block[0]))
                block = [values + more for values in block]
            yield top + 1, block

    def _parsed_bands(self) -> Iterator["CalamineSheet"]:
        index = 0
        while True:
            if index == len(self._bands):
                arrived = None if self._complete else self._arrivals.get()
                if arrived is None:
                    self._complete = True
                    return
                self._bands.append(arrived)
            try:
                yield self._bands[index].result()
            except SheetTooLarge as extent:
                raise InputError.at(Place(self.name).sheet(self.sheet), "its cells span {extent}, far beyond a scoring table: a value "
                                    "typed far away? Delete the rows and columns outside the table (Ctrl+End shows the last used "
                                    "cell) and save again", extent=extent.args[0]) from None
            except (zipfile.BadZipFile, EOFError, OSError) as exc:
                raise InputError.at(self.name, "damaged or truncated workbook ({error}); save it again from Excel or LibreOffice", error=str(exc)) from None
            except Exception as exc:  # noqa: BLE001 - calamine raises its own error types for damaged parts
                raise InputError.at(Place(self.name).sheet(self.sheet), "damaged workbook ({error}); save it again from Excel", error=str(exc)) from None
            index += 1


class RowStream:
    """A sheet's rows one at a time, as (number, values); then `blocks()` gives the rest,
    from the row after the last one taken, a band at a time."""

    def __init__(self, blocks: Iterator[tuple[int, list[list]]]) -> None:
        self._blocks = blocks
        self._start, self._block, self._at = 0, [], 0

    def __iter__(self) -> "RowStream":
        return self

    def __next__(self) -> tuple[int, list]:
        while self._at >= len(self._block):
            self._start, self._block = next(self._blocks)
            self._at = 0
        self._at += 1
        return self._start + self._at - 1, self._block[self._at - 1]

    def blocks(self) -> Iterator[tuple[int, list[list]]]:
        if self._at < len(self._block):
            yield self._start + self._at, self._block[self._at:]
        self._block, self._at = [], 0
        yield from self._blocks


def _produce(path: Path, sheet: str, part: str, sheet_parts: frozenset[str], publish: Callable[[Future | None], None],
             learn: Callable[[bytes], None] = lambda xml: None) -> None:
    """Cut the sheet into bands and have the workers parse them; publish each band's
    future in order, then None. `learn` is given each band's bytes first."""
    # bounded: the bands waiting for a worker are all the sheet's XML held at once
    work: Queue[tuple[Future, Callable[[], "CalamineSheet"]] | None] = Queue(maxsize=WORKERS)
    for _ in range(WORKERS):
        threading.Thread(target=_work, args=(work,), daemon=True).start()

    def submit(parse: Callable[[], "CalamineSheet"]) -> None:
        future: Future = Future()
        work.put((future, parse))
        publish(future)

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(part)
            others = [entry for entry in archive.infolist() if entry.filename not in sheet_parts]
            if info.file_size < 2 * BAND_BYTES or sum(entry.file_size for entry in others) > _OTHER_PARTS_LIMIT:
                with archive.open(info) as stream:  # a sheet parsed whole: its bytes read on their own
                    for xml in bands(stream, BAND_BYTES):  # (~0.01 s for the 4 MB sheet of 1,000 units)
                        check_extent(xml)
                        learn(xml)
                submit(lambda: _calamine().CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet))
            else:
                kept = {entry.filename: archive.read(entry) for entry in others}
                with archive.open(info) as stream:
                    for xml in bands(stream, BAND_BYTES):
                        check_extent(xml)
                        learn(xml)  # the band's bytes are here anyway
                        submit(lambda xml=xml: _parse_band(kept, part, xml, sheet))
    except Exception as exc:  # noqa: BLE001 - reported where the rows are read
        failed: Future = Future()
        failed.set_exception(exc)
        publish(failed)
    finally:
        publish(None)
        for _ in range(WORKERS):
            work.put(None)


def _work(work: "Queue[tuple[Future, Callable[[], CalamineSheet]] | None]") -> None:
    while (task := work.get()) is not None:
        future, parse = task
        try:
            future.set_result(parse())
        except Exception as exc:  # noqa: BLE001 - handed to the reader of the rows
            future.set_exception(exc)


# python-calamine allocates the whole rectangle a sheet's cells span: one value typed at
# XFD1048576 asks for 512 GB and aborts the process. Excel, LibreOffice and openpyxl write
# that rectangle in <dimension>; rows beyond Excel's last are damage.
MOST_CELLS = 20_000_000  # ~0.6 GB in calamine; 10,000 units x 100 rows are 1,000,000
_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]{1,7})([0-9]{1,9})(?::([A-Z]{1,7})([0-9]{1,9}))?"')
_LAST_ROW = re.compile(rb'<row\b[^>]*?\sr="([0-9]+)"')
_LAST_CELL = re.compile(rb'<c\b[^>]*?\sr="([A-Z]{1,7})([0-9]{1,9})"')


class SheetTooLarge(ValueError):
    """A sheet whose cells span more than MOST_CELLS: InputError where the rows are read.
    Its argument is the span: a range of cells (the same in every language), or a row."""


def _span(first: str, last: str) -> str:
    """A range of cells, `A1:XFD9`: written alike in every language, not a message."""
    return f"{first}:{last}"


def check_extent(xml: bytes) -> None:
    """Refuse, before calamine sees it, a sheet (or band) whose used range is absurd."""
    head = xml[:xml.find(b"<sheetData")] if b"<sheetData" in xml[:65536] else b""
    found = _DIMENSION.search(head)
    if found and found.group(3):
        rows = int(found.group(4)) - int(found.group(2)) + 1
        columns = _column(found.group(3)) - _column(found.group(1)) + 1
        if rows * columns > MOST_CELLS:
            raise SheetTooLarge(_span((found.group(1) + found.group(2)).decode(), (found.group(3) + found.group(4)).decode()))
    last = xml.rfind(b"<row ")
    number = _LAST_ROW.match(xml, last) if last != -1 else None
    if number is None and b":row" in xml:  # a sheet written with a namespace prefix (one band): find its rows slowly
        number = next(reversed(list(_PREFIXED_ROW.finditer(xml))), None)
    if number and int(number.group(1)) > 1_048_576:
        raise SheetTooLarge(Msg("row {row}", row=int(number.group(1))))
    cell = _LAST_CELL.match(xml, xml.rfind(b"<c ")) if number else None  # the last row's last cell: a rectangle from A1
    if cell and int(cell.group(2)) * _column(cell.group(1)) > MOST_CELLS:
        raise SheetTooLarge(_span("A1", (cell.group(1) + cell.group(2)).decode()))
    flat = xml.translate(_REF_SHAPES)
    first = (_LAST_ROW.search(xml) or _PREFIXED_ROW.search(xml)) if number else None
    if first and number:
        _check_columns(xml, flat, int(first.group(1)), int(number.group(1)))
    # A cell whose reference names a row far below the last one, or a column past XFD
    # (damage, or a hand-made file): calamine would allocate down or across to it (512 GB
    # for XFD1048576) and abort. Such a row has more digits than the last row's.
    far = _far_column(xml, flat)
    if far:
        raise SheetTooLarge(_span("A1", far))
    if number:
        beyond = _ref_beyond(xml, flat, len(number.group(1)))
        if beyond:  # the last row tag may be a comment's text, rows without numbers count on: bound by the real ones
            numbered = max(int(row.group(1)) for row in _PREFIXED_ROW.finditer(xml))
            beyond = _ref_beyond(xml, flat, len(str(numbered + xml.count(b"row"))))
        if beyond:
            raise SheetTooLarge(_span("A1", beyond))


def _check_columns(xml: bytes, flat: bytes, first: int, last: int) -> None:
    """A cell typed far to the right in any row (not only the last) makes calamine
    allocate every row that wide. Only columns past MOST_CELLS / rows matter, and they
    have at least as many letters as that limit: one `find` in the refs' shapes (`flat`),
    almost always fruitless. A regex over the band took 44 ms for each 4 MB band of the
    long layout's million rows, 2.2 s of the producer thread's GIL in all while the
    main thread waited for bands; the find takes 4.5 ms (timeit, 2026-12-01). A wide
    sheet of 10,000 units has ~12 rows a band and skips it."""
    rows = max(1, last - first + 1)
    limit = MOST_CELLS // rows
    if limit >= _EXCEL_COLUMNS:
        return
    letters = 1 if limit < 26 else 2 if limit < 702 else 3  # letters of column limit + 1 (AA is 27, AAA 703)
    refs = _refs_like(xml, flat, b'r="' + b"A" * letters)
    if refs is None:  # many refs that wide (a band spanning many rows of few cells): each looked at
        found = [ref.group(1) for ref in _wide_refs(letters).finditer(xml)]
    else:
        found = [ref.group(1) for ref in map(_REF_LETTERS.match, refs) if ref]  # each begins with the needle's letters
    if not found:
        return
    widest = max(found, key=lambda column: (len(column), column))
    if _column(widest) > limit:
        raise SheetTooLarge(_span(f"A{first}", f"{widest.decode()}{last}"))


_EXCEL_COLUMNS = 16_384  # XFD


# Digits become 0 and letters A (but r, the attribute's name): one `find` each then finds
# a reference of too many digits or letters (0.11 s for both on the 35 MB sheet of 10,000
# units, where a regex over every reference took 0.17-0.47 s for the rows alone); each
# rare hit is checked in place.
_LETTERS = bytes(range(65, 91)) + bytes(c for c in range(97, 123) if c != ord("r"))
_REF_SHAPES = bytes.maketrans(b"123456789" + _LETTERS, b"0" * 9 + b"A" * len(_LETTERS))
_REF_CHARACTERS = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_PREFIXED_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="([0-9]+)"')
_REF_LETTERS = re.compile(rb"([A-Z]{1,7})[0-9]")  # as _wide_refs reads a reference's column
_MOST_HITS = 64


def _ref_at(xml: bytes, end: int) -> bytes | None:
    """The cell reference that ends at `end` (the closing quote), if `r="..."` holds it."""
    start = end
    while start > 0 and xml[start - 1] in _REF_CHARACTERS:
        start -= 1
    if xml[start - 3:start] != b'r="' or not xml[start - 4:start - 3].isspace():
        return None
    return xml[start:end]


def _refs_like(xml: bytes, flat: bytes, needle: bytes) -> list[bytes] | None:
    """The cell references (the values of `r="..."` attributes) where `needle` is found
    in `flat`; None past _MOST_HITS places (many numbers or names of that shape in other
    attributes or in text), where the caller's regex is quicker."""
    refs, hits, at = [], 0, flat.find(needle)
    while at != -1:
        hits += 1
        if hits > _MOST_HITS:
            return None
        end = xml.find(b'"', at + len(needle) - 1)
        ref = _ref_at(xml, end) if end != -1 else None
        if ref:
            refs.append(ref)
        at = flat.find(needle, at + 1)
    return refs


def _far_column(xml: bytes, flat: bytes) -> str | None:
    """A reference with four letters or more: a column past XFD, Excel's last."""
    refs = _refs_like(xml, flat, b'r="AAAA')
    if refs is None:
        found = re.search(rb'\sr="([A-Za-z]{4,}[0-9]*)"', xml)
        return found.group(1).decode()[:24] if found else None
    return refs[0].decode()[:24] if refs else None


def _ref_beyond(xml: bytes, flat: bytes, digits: int) -> str | None:
    """A cell reference whose row has more than `digits` digits, if any."""
    refs = _refs_like(xml, flat, b"0" * (digits + 1) + b'"')
    if refs is None:
        found = _long_row_refs(digits).search(xml)
        return found.group(1).decode()[:24] if found else None
    return refs[0].decode()[:24] if refs else None  # each ends with the needle's digits


@lru_cache(maxsize=None)
def _long_row_refs(digits: int) -> "re.Pattern[bytes]":
    return re.compile(rb'\sr="([A-Za-z]{1,7}[0-9]{%d,})' % (digits + 1))


@lru_cache(maxsize=None)
def _wide_refs(letters: int) -> "re.Pattern[bytes]":
    return re.compile(rb'\sr="([A-Z]{%d,7})[0-9]' % letters)


def _column(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index


_HIDDEN_ROW = re.compile(rb'<row\b[^>]*?\shidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')


def hidden_rows(xml: bytes) -> list[int]:
    """The numbers of the rows that `xml` (whole rows of a sheet) marks hidden."""
    # almost always: two finds, no regex (LibreOffice writes hidden="false" on every row:
    # the regex over a one-unit sheet's 111 such rows took 0.35 ms, 0.18 s of 500 files)
    if b'hidden="1"' not in xml and b'hidden="true"' not in xml:
        return []
    found = []
    for tag in _HIDDEN_ROW.finditer(xml):
        number = _ROW_NUMBER.search(tag.group(0))
        if number:
            found.append(int(number.group(1)))
    return found


def bands(stream: io.RawIOBase | io.BufferedIOBase, size: int) -> Iterator[bytes]:
    """The sheet XML read from `stream`, as whole sheet documents of about `size`
    bytes of rows each (see the module's docstring for where it may be cut)."""
    read = min(size, 1 << 20)
    data = b""
    while (start := data.find(_DATA_START)) < 0:
        chunk = stream.read(read)
        if not chunk:
            yield data
            return
        data += chunk
    start += len(_DATA_START)
    head = data[:start]
    declaration_end = head.find(b"?>") + 2 if head.lstrip(b"\xef\xbb\xbf").startswith(b"<?xml") else 0
    cutting = b"<worksheet" in head and not has_markup(head, declaration_end, len(head))
    pieces, length = [data[start:]], len(data) - start
    while chunk := stream.read(read):
        pieces.append(chunk)
        length += len(chunk)
        if cutting and length >= size:
            rest = b"".join(pieces)
            cut = _last_row_start(rest)
            if not cut or has_markup(rest, 0, cut):
                cutting = False
            else:
                yield b"".join((head, memoryview(rest)[:cut], _SYNTHETIC_END))
                rest = rest[cut:]
            pieces, length = [rest], len(rest)
    yield b"".join((head, *pieces))


def _last_row_start(data: bytes) -> int:
    """Where the last numbered row that follows a whole row starts in `data`; 0 if none."""
    end = len(data)
    for _ in range(64):  # rows without numbers are not cut at: do not try them all
        at = data.rfind(b"<row", 0, end)
        if at <= 0:
            break
        if _NUMBERED_ROW.match(data, at) and _AFTER_A_ROW.search(data, max(0, at - 256), at):
            return at
        end = at
    return 0


def _parse_band(parts: dict[str, bytes], sheet_part: str, xml: bytes, sheet: str) -> "CalamineSheet":
    if _CLOSING.is_set():  # the process is ending: no new band in the folder being removed
        raise _Closing
    handle, name = tempfile.mkstemp(suffix=".xlsx", dir=_band_folder())
    try:
        with os.fdopen(handle, "wb") as file, zipfile.ZipFile(file, "w", zipfile.ZIP_STORED) as band:
            for part, data in parts.items():
                band.writestr(part, data)
            band.writestr(sheet_part, xml)
        return _calamine().CalamineWorkbook.from_path(name).get_sheet_by_name(sheet)  # the file is closed with the workbook
    finally:
        os.remove(name)


@lru_cache(maxsize=None)
def _band_folder() -> str:
    """Where bands are written for calamine: it reads a file on its own, but a file-like
    object through Python, taking the GIL for every read. Removed at exit, with any
    band a worker was still parsing."""
    folder = tempfile.mkdtemp(prefix="parcalc-bands-")
    atexit.register(_remove_band_folder, folder)
    return folder


_CLOSING = threading.Event()


class _Closing(Exception):
    """Raised in a worker at exit, where no one reads it."""


def _remove_band_folder(folder: str) -> None:
    """The workers are daemon threads, still running at exit (a SIGTERM mid-sheet): a
    band written while the folder was being removed kept it (tests/test_output_safety.py
    saw it once in 1,556 tests). No new band once closing; removed again until it is gone."""
    _CLOSING.set()
    for _ in range(200):  # a band is written in a few ms
        shutil.rmtree(folder, ignore_errors=True)
        if not os.path.exists(folder):
            return
        time.sleep(0.005)


def _calamine():
    import python_calamine

    return python_calamine
