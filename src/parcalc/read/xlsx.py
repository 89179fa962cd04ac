"""Reading .xlsx workbooks: a small, strict reader built on the standard library, and
python-calamine for sheets too large for it.

Why not openpyxl here: reading is on every `parcalc score`, and openpyxl alone takes
longer to import than the whole command may run. The strict reader (`rows`) gives
exactly what scoring needs: each cell's text as stored (so numbers stay exact
decimals), cached formula results, formulas without one, and precise errors for files
that are not workbooks. It refuses any XML with a DTD, so entity bombs cannot expand.

It costs ~14 µs a cell, too slow for a sheet of 10,000 units. `values` reads a sheet
with python-calamine (Rust, ~0.8 µs a cell; a large sheet in bands of rows on two
threads, see valuesheet), which returns a formula whose result was never saved and an
Excel error cell both as an empty cell: sheetscan finds them in the bytes the bands
are cut from, or, where it cannot tell, `unread_cells` asks the strict reader. openpyxl remains the writer (templates,
appendices).
"""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple
from xml.parsers import expat

from ..core.errors import InputError
from ..core.messages import Msg, Place

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

    from .valuesheet import ValueSheet

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")
_ZIP_MAGIC = b"PK\x03\x04"
_MAX_ROW = 1_048_576  # Excel's last row
_MAX_PART = 512 * 1024 * 1024  # uncompressed bytes of one XML part; more is a zip bomb
_REL_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"  # Excel's "Strict Open XML" format
CELL_TYPES = frozenset({"b", "d", "e", "inlineStr", "n", "s", "str"})
_SHEET_TYPES = ("worksheet", "chartsheet", "dialogsheet", "macrosheet", "xlMacrosheet", "xlIntlMacrosheet")
_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
# What the standard library raises for a damaged zip: bad deflate data (zlib.error), an
# "encrypted" flag (RuntimeError), a compression method it lacks (NotImplementedError), a
# name that is not UTF-8 (UnicodeDecodeError), headers that disagree (BadZipFile), a cut file.
DAMAGED_ZIP = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, zlib.error, RuntimeError,
               NotImplementedError, UnicodeDecodeError, ValueError)
CONVERT_HINT = Msg("open it in Excel or LibreOffice and save it as .xlsx (or: libreoffice --headless --convert-to xlsx FILE)")

# A number as a sheet stores it (<v> of a number cell), as calamine reads one: a cell
# that holds anything else is damage, refused by both readers alike.
FINITE_STORED_NUMBER = r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?"
STORED_NUMBER = re.compile(rf"^{FINITE_STORED_NUMBER}$|^(?:NaN|INF|-INF|nan|inf|-inf)$")


class Cell(NamedTuple):
    """A cell's stored value as text. `kind` is number, text, bool, error,
    `formula-without-value` (a formula whose result was never saved) or percent (a
    number shown as a percentage: a rate, where points are expected). A named tuple:
    made twice as fast as a frozen dataclass (0.15 against 0.30 s for 200,000, timeit),
    and every cell read is one."""

    ref: str
    text: str
    kind: str


class _RefusedDTD(Exception):
    pass


class DamagedWorkbook(InputError):
    """Damage met while reading a sheet: refused whichever sheet it is in, never taken
    for a sheet without a scoring table (python-calamine refuses such a workbook)."""


class _DamagedCell(Exception):
    """A cell or row the strict reader cannot take; Workbook.rows names file and sheet.
    `where` is ("row", number) or ("cell", ref) within the sheet, or None (the sheet)."""

    def __init__(self, where: tuple[str, object] | None, message: str | Msg) -> None:
        super().__init__(message)
        self.where, self.message = where, message

    def place(self, sheet: Place) -> Place:
        if self.where is None:
            return sheet
        kind, value = self.where
        return sheet.row(value) if kind == "row" else sheet.cell(str(value))


class Names(Msg):
    """Names listed in a message, quoted as each language quotes them ('A', 'B' / «A», «B»),
    or, with `option`, as options to type (--sheet 'A' or --sheet 'B' / ... hoặc ...)."""

    def __init__(self, names: Iterable[str], option: str | None = None) -> None:
        super().__init__("", names=tuple(names), option=option)

    def render(self, lang: str | None = None) -> str:
        names, option = self.params["names"], self.params["option"]
        if not option:
            return ", ".join(Msg("{name!r}", name=name).render(lang) for name in names)  # type: ignore[attr-defined]
        typed = [Msg("{option} {name!r}", option=option, name=name).render(lang) for name in names]  # type: ignore[attr-defined]
        return Msg("{choices} or {last}", choices=", ".join(typed[:-1]), last=typed[-1]).render(lang) if len(typed) > 1 else typed[0]


@lru_cache(maxsize=None)  # a wide sheet names the same columns on every row
def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


class Workbook:
    """An open .xlsx file. Use as a context manager; `rows(sheet)` streams the rows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)  # as the user typed it, to name it in messages
        self._zip = _open_zip(path)
        try:
            self._sheets = self._indexed()
            self._strings: list[str] | None = None
            self._percent: frozenset[int] | None = None
            self.merged: dict[str, list[tuple[int, int, int, int]]] = {}  # sheet -> merged ranges read by rows()
            self.hidden: dict[str, list[int]] = {}  # sheet -> rows with values that rows() left out as hidden
            self._calamine: CalamineWorkbook | None = None
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> "Workbook":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()
        if self._calamine is not None:
            self._calamine.close()

    def calamine(self) -> "CalamineWorkbook":
        """The workbook opened by python-calamine, once (smallsheet reads its sheets)."""
        if self._calamine is None:
            from python_calamine import CalamineWorkbook

            self._calamine = CalamineWorkbook.from_path(str(self.path))
        return self._calamine

    def sheet_xml(self, sheet: str) -> bytes:
        """The bytes of `sheet`'s part (its size checked: no zip bombs)."""
        where = Place(self.name).sheet(sheet)
        try:
            with self._open_part(self._sheets[sheet]) as stream:
                return stream.read()
        except DAMAGED_ZIP as exc:
            raise DamagedWorkbook.at(where, "damaged or truncated workbook ({error}); save it again from Excel or LibreOffice", error=_short(exc)) from None

    def part_size(self, sheet: str) -> int:
        """The size of `sheet`'s XML, unpacked, as the zip says."""
        return self._zip.getinfo(self._sheets[sheet]).file_size

    @property
    def sheet_names(self) -> list[str]:
        return list(self._sheets)

    def sheet(self, name: str | None) -> str:
        """The sheet to read: `name`, or the first one."""
        if name is None:
            if not self._sheets:
                raise InputError.at(self.name, "the workbook has no sheets; save it again from Excel or LibreOffice")
            return next(iter(self._sheets))
        if name not in self._sheets:
            # a name typed (NFC) may be stored decomposed (NFD), or the other way round: they look alike
            same = [sheet for sheet in self._sheets if unicodedata.normalize("NFC", sheet) == unicodedata.normalize("NFC", name)]
            if len(same) != 1:
                raise InputError.at(self.name, "no sheet named {name!r}; its sheets are {sheets}", name=name, sheets=Names(self._sheets))
            return same[0]
        return name

    def values(self, sheet: str) -> "ValueSheet":
        """The sheet as python-calamine reads it (see the module's docstring)."""
        ahead = _READ_AHEAD.pop(str(self.path.resolve()), None)
        if ahead is not None and ahead[0] == sheet:
            return ahead[1]
        return self._read_values(sheet)

    def _read_values(self, sheet: str) -> "ValueSheet":
        from .valuesheet import ValueSheet

        part = self._sheets[sheet]
        self._open_part(part).close()  # the size check: no zip bombs
        return ValueSheet(self.path, self.name, sheet, part, frozenset(self._sheets.values()), self.percent_styles())

    def unread_cells(self, sheet: str) -> dict[str, Cell]:
        """The cells of `sheet` that `values` shows empty but are not: formulas whose
        result was never saved, and Excel errors, as the strict reader reads them. For
        the sheets that ValueSheet's own scan (sheetscan) cannot tell."""
        return {cell.ref: cell for _, cells in self.rows(sheet) for cell in cells.values()
                if cell.kind in ("formula-without-value", "error")}

    def rows(self, sheet: str) -> Iterator[tuple[int, dict[int, Cell]]]:
        """(row number, {column index: cell}) for each row with a value, in order."""
        strings = self._shared_strings()
        reader = _SheetReader(strings, self.percent_styles())
        part = self._sheets[sheet]
        try:
            for rows in self._parse_chunks(part, reader):
                yield from rows
        except _DamagedCell as damage:
            raise DamagedWorkbook.at(damage.place(Place(self.name).sheet(sheet)), damage.message) from None
        self.merged[sheet], self.hidden[sheet] = reader.merges, reader.hidden

    def _parse_chunks(self, part: str, reader: "_SheetReader") -> Iterator[list]:
        where = Place(self.name, detail=part)
        with self._open_part(part) as stream:
            parser = _parser(reader.start, reader.end, reader.text)
            try:
                first = True
                while chunk := stream.read(1 << 16):
                    if first:
                        check_encoding(chunk, where)
                        first = False
                    parser.Parse(chunk, False)
                    yield reader.take()
                parser.Parse(b"", True)
            except _RefusedDTD:
                raise DamagedWorkbook.at(where, "contains a DTD or entity declarations, which workbooks never need (possible XML bomb); refusing to read it") from None
            except expat.ExpatError as exc:
                raise DamagedWorkbook.at(where, "damaged XML in the workbook ({error}, line {line}); save it again from Excel or LibreOffice", error=expat.errors.messages[exc.code], line=exc.lineno) from None
            except DAMAGED_ZIP as exc:
                raise DamagedWorkbook.at(where, "damaged or truncated workbook ({error}); save it again from Excel or LibreOffice", error=_short(exc)) from None
            yield reader.take()

    def _open_part(self, part: str) -> IO[bytes]:
        try:
            info = self._zip.getinfo(part)
        except KeyError:
            raise InputError.at(self.name, "damaged workbook: part {part} is missing; save it again from Excel or LibreOffice", part=part) from None
        if info.file_size > _MAX_PART:
            raise InputError.at(self.name, "part {part} unpacks to {size} bytes, too large to be a real sheet", part=part, size=info.file_size)
        try:
            return self._zip.open(info)
        except DAMAGED_ZIP as exc:
            raise DamagedWorkbook.at(Place(self.name, detail=part), "damaged workbook ({error}); save it again from Excel or LibreOffice", error=_short(exc)) from None

    def _parse_whole(self, part: str, start: Callable, end: Callable, text: Callable) -> None:
        for _ in self._parse_chunks(part, _Callbacks(start, end, text)):
            pass

    def _small_part(self, part: str | None) -> bytes | None:
        """A small part's bytes, to know it again (`_READ_PARTS`); None when it is large,
        missing or damaged (then read as before, which says what is wrong)."""
        info = self._zip.NameToInfo.get(part) if part else None
        if info is None or info.file_size > min(_SMALL_PART, _MAX_PART):  # a part too large is refused by the reading
            return None
        try:
            with self._zip.open(info) as stream:
                return stream.read()
        except DAMAGED_ZIP:
            return None

    def _indexed(self) -> dict[str, str]:
        """The sheets' parts by name (`_read_sheet_index`), read once for the workbooks
        whose index parts are the same bytes."""
        parts = tuple(map(self._small_part, ("_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml")))
        key = ("index", *parts) if None not in parts else None
        known = _READ_PARTS.get(key) if key else None
        if known is None:
            known = (self._read_sheet_index(), self._strings_part, self._styles_part)
            _remember(key, known)
        sheets, self._strings_part, self._styles_part = known
        return dict(sheets)

    def _read_sheet_index(self) -> dict[str, str]:
        rels: dict[str, str] = {}
        self._strings_part: str | None = None
        self._styles_part: str | None = None
        # The package's root relationships: not needed to find the sheets, but python-calamine
        # (rank, compare) refuses a workbook without them or with them damaged, and both
        # readers must refuse the same bytes.
        documents: list[tuple[str, str]] = []

        def root(name: str, attrs: dict) -> None:
            if name == "Relationship" and attrs.get("Type", "").endswith("/officeDocument"):
                documents.append((attrs.get("Target", ""), attrs.get("Type", "")))

        self._parse_whole("_rels/.rels", root, _ignore, _ignore)
        if [target.lstrip("/") for target, _ in documents] != ["xl/workbook.xml"]:
            raise InputError.at(Place(self.name, detail="_rels/.rels"), "damaged workbook: its root relationships do not name xl/workbook.xml as the "
                                "workbook; save it again from Excel or LibreOffice")
        types: dict[str, str] = {}

        def rel(name: str, attrs: dict) -> None:
            if name == "Relationship":
                rels[attrs.get("Id", "")] = attrs.get("Target", "")
                types[attrs.get("Id", "")] = attrs.get("Type", "")
                if attrs.get("Type", "").endswith("/sharedStrings"):
                    self._strings_part = _resolve("xl", attrs.get("Target", ""))
                elif attrs.get("Type", "").endswith("/styles"):
                    self._styles_part = _resolve("xl", attrs.get("Target", ""))

        self._parse_whole("xl/_rels/workbook.xml.rels", rel, _ignore, _ignore)
        sheets: dict[str, str] = {}
        damaged: list[Msg] = []

        def sheet(name: str, attrs: dict) -> None:
            if name == "sheet":
                shown = attrs.get("name", "")
                rel_id = attrs.get(f"{_REL_OFFICE} id") or attrs.get(f"{_REL_STRICT} id", "")
                # python-calamine refuses a workbook with any such sheet, read or not: so do we
                if rel_id not in rels or types.get(rel_id, "").rsplit("/", 1)[-1] not in _SHEET_TYPES:
                    damaged.append(Msg("sheet {sheet!r} points to no sheet part", sheet=shown))
                elif attrs.get("state", "visible") not in ("visible", "hidden", "veryHidden"):
                    damaged.append(Msg("sheet {sheet!r} has the unknown state {state!r}", sheet=shown, state=attrs.get("state", "")[:20]))
                elif rels[rel_id]:
                    sheets[shown] = _resolve("xl", rels[rel_id])

        self._parse_whole("xl/workbook.xml", sheet, _ignore, _ignore)
        if damaged:
            raise InputError.at(Place(self.name, detail="xl/workbook.xml"), "damaged workbook: {damage}; save it again from Excel or LibreOffice", damage=damaged[0])
        return sheets

    def percent_styles(self) -> frozenset[int]:
        """The cell styles (xf indexes) that show a number as a percentage; read once for
        the workbooks whose styles part is the same bytes."""
        if self._percent is None:
            styles = self._small_part(self._styles_part)
            key = ("percent", styles) if styles is not None else None
            self._percent = _READ_PARTS.get(key) if key else None  # type: ignore[assignment]
            if self._percent is None:
                self._percent = self._read_percent_styles()
                _remember(key, self._percent)
        return self._percent

    def _read_percent_styles(self) -> frozenset[int]:
        formats: dict[str, str] = {}
        styles: list[str] = []
        in_cell_xfs = False

        def start(name: str, attrs: dict) -> None:
            nonlocal in_cell_xfs
            if name == "numFmt":
                formats[attrs.get("numFmtId", "")] = attrs.get("formatCode", "")
            elif name == "cellXfs":
                in_cell_xfs = True
            elif name == "xf" and in_cell_xfs:
                styles.append(attrs.get("numFmtId", "0"))

        def end(name: str) -> None:
            nonlocal in_cell_xfs
            if name == "cellXfs":
                in_cell_xfs = False

        if self._styles_part and self._styles_part in self._zip.NameToInfo:
            self._parse_whole(self._styles_part, start, end, _ignore)
        return frozenset(index for index, number_format in enumerate(styles)
                         if number_format in ("9", "10") or _is_percent_format(formats.get(number_format, "")))

    def _shared_strings(self) -> list[str]:
        if self._strings is not None:
            return self._strings
        strings: list[str] = []
        if self._strings_part and self._strings_part in self._zip.NameToInfo:
            collector = _SharedStrings(strings)
            self._parse_whole(self._strings_part, collector.start, collector.end, collector.text)
        self._strings = strings
        return strings


_READ_AHEAD: dict[str, tuple[str, "ValueSheet"]] = {}


def read_ahead(paths: Iterable[Path]) -> None:
    """Start reading the first sheet of each workbook at `paths` (see valuesheet).

    The bands are parsed on worker threads while Python starts up and loads typer,
    pydantic and the criterion set (~0.3 s). `Workbook.values` takes the reading when it
    asks for that file's first sheet; a reading never asked for is dropped at exit.
    A workbook that cannot be opened is left for the foreground reading to report."""
    for path in paths:
        key = str(path.resolve())
        if key in _READ_AHEAD or not os.path.isfile(path):
            continue
        try:
            with Workbook(path) as book:
                sheet = book.sheet(None)
                _READ_AHEAD[key] = (sheet, book._read_values(sheet))
        except InputError:
            continue


def value_cell(ref: str, value: object) -> Cell:
    """A python-calamine value as the strict reader would give it (numbers with the 15
    significant digits Excel shows)."""
    if isinstance(value, bool):
        return Cell(ref, "TRUE" if value else "FALSE", "bool")
    if isinstance(value, (int, float)):
        return Cell(ref, format(value, ".15g"), "number")
    if isinstance(value, str):
        return Cell(ref, value, "text")
    return Cell(ref, value.isoformat() if hasattr(value, "isoformat") else str(value), "text")  # dates, times


def _short(exc: BaseException) -> Msg:
    """Why a workbook could not be unpacked: the usual causes in the user's words, any
    other as the library says it (one line, at most 120 characters)."""
    if isinstance(exc, zipfile.BadZipFile) and "not a zip file" in str(exc):
        return Msg("it is not a zip archive, as every .xlsx is")
    if isinstance(exc, zlib.error):
        return Msg("its compressed data are damaged")
    if isinstance(exc, EOFError):
        return Msg("the file ends too early")
    text = " ".join(re.sub(r"<ZipInfo [^>]*>\s*", "", str(exc)).split()) or type(exc).__name__
    return Msg("{detail}", detail=text if len(text) <= 120 else text[:120] + "…")


def _is_percent_format(code: str) -> bool:
    """A number format that shows a percentage: a % outside quotes and escapes."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", code)


_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?\sencoding=["']([^"']*)["']""")


def check_encoding(head: bytes, where: Place) -> None:
    """Excel and LibreOffice write every part in UTF-8, and python-calamine reads no
    other: a part in UTF-16 or Latin-1 is refused by both readers alike."""
    declared = _DECLARED_ENCODING.match(head.lstrip(b"\xef\xbb\xbf"))
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (declared and declared.group(1).lower().replace(b"-", b"") != b"utf8"):
        raise InputError.at(where, "damaged workbook: a part that is not in UTF-8, as Excel and LibreOffice write them; save it again from Excel or LibreOffice")


def _range(ref: str) -> tuple[int, int, int, int] | None:
    """`B3:D4` -> (first row, first column, last row, last column)."""
    first, _, last = ref.partition(":")
    start, end = _CELL_REF.fullmatch(first), _CELL_REF.fullmatch(last or first)
    if not start or not end:
        return None
    return int(start.group(2)), column_index(start.group(1)), int(end.group(2)), column_index(end.group(1))


def is_lock_file(path: Path) -> bool:
    """Excel's and LibreOffice's lock files beside an open workbook (~$name.xlsx, .~lock.name#)."""
    return path.name.startswith(("~$", ".~lock."))


# What was read of a workbook's small parts (its sheet index, its percentage styles), by
# their bytes: the files that one template made (each commune's own, `rank xa-*.xlsx`)
# share them, and parsing them again took about 1 ms a file, 0.46 s of 500 files' 4.3 s
# in api.rank_workbooks (time.perf_counter, 2026-12-01). Only what was read without error
# is kept.
_READ_PARTS: dict[tuple, object] = {}
_SMALL_PART = 64 << 10
_MOST_READ_PARTS = 64


def _remember(key: tuple | None, read: object) -> None:
    if key is not None:
        if len(_READ_PARTS) >= _MOST_READ_PARTS:
            _READ_PARTS.clear()
        _READ_PARTS[key] = read


def _open_zip(path: Path) -> zipfile.ZipFile:
    shown = str(path)
    if os.path.isdir(path):  # not Path.is_dir, which raises for a name too long
        raise InputError.at(shown, "is a folder, not a workbook; name an .xlsx file")
    if is_lock_file(path):
        real = path.name.removeprefix("~$").removeprefix(".~lock.").removesuffix("#")
        raise InputError.at(shown, "is the lock file Excel keeps beside a workbook it has open, not a workbook: use {real}", real=real)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise InputError.at(shown, "no such file: check its name and path") from None
    except OSError as exc:
        raise InputError.at(shown, "cannot be read: {reason}", reason=exc.strerror) from None
    if head.startswith(_CFB_MAGIC):
        if _ENCRYPTED_STREAM in path.read_bytes()[:1 << 20]:
            raise InputError.at(shown, "the workbook is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save a copy")
        raise InputError.at(shown, "is an old binary .xls workbook, which parcalc does not read: {hint}", hint=CONVERT_HINT)
    if not head.startswith(_ZIP_MAGIC):
        raise InputError.at(shown, "is not an .xlsx workbook (it does not start like one; was it renamed?)")
    try:
        archive = zipfile.ZipFile(path)
    except DAMAGED_ZIP as exc:
        raise InputError.at(shown, "is damaged or truncated ({error}); save it again from Excel", error=_short(exc)) from None
    damage = _end_record_damage(path, archive)
    if damage:
        archive.close()
        raise InputError.at(shown, "is damaged or truncated ({error}); save it again from Excel", error=damage)
    if any(info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for info in archive.infolist()):
        archive.close()  # bzip2, lzma: Excel never writes them and python-calamine cannot read them
        raise InputError.at(shown, "is damaged: it uses a zip compression Excel never writes; save it again from Excel or LibreOffice")
    listed = archive.namelist()
    names = set(listed)
    if len(names) != len(listed):  # readers disagree on which copy counts: a phantom sheet or unit
        twice = sorted({name for name in listed if listed.count(name) > 1})
        archive.close()
        raise InputError.at(shown, "is damaged: it holds {parts} more than once; save it again from Excel or LibreOffice", parts=", ".join(twice[:3]))
    if "xl/workbook.xml" not in names:
        mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
        archive.close()
        if b"opendocument.spreadsheet" in mimetype:
            raise InputError.at(shown, "is an OpenDocument spreadsheet (.ods), which parcalc does not read: {hint}", hint=CONVERT_HINT)
        raise InputError.at(shown, "is a zip archive but not an Excel workbook (no xl/workbook.xml): name the .xlsx file")
    return archive


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base, target))


def _ignore(*_: object) -> None:
    return None


def _refuse(*_: object) -> None:
    raise _RefusedDTD


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def _parser(start: Callable, end: Callable, text: Callable) -> "expat.XMLParserType":
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.StartElementHandler = lambda name, attrs: start(_local(name), attrs)
    parser.EndElementHandler = lambda name: end(_local(name))
    parser.CharacterDataHandler = text
    parser.buffer_text = True
    return parser


def _end_record_damage(path: Path, archive: zipfile.ZipFile) -> Msg | None:
    """What Python's zipfile tolerates in the zip's end record and python-calamine does
    not: a comment announced longer than the bytes after it."""
    with open(path, "rb") as file:
        size = file.seek(0, os.SEEK_END)
        file.seek(max(0, size - (1 << 16) - 22))
        tail = file.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return None  # zipfile has refused it already
    if int.from_bytes(tail[at + 20:at + 22], "little") > len(tail) - at - 22:
        return Msg("its zip end record announces more bytes than the file has")
    with open(path, "rb") as file:  # each directory entry's names and fields within the directory
        file.seek(archive.start_dir)
        directory = file.read(int.from_bytes(tail[at + 12:at + 16], "little"))
    offset = 0
    while offset + 46 <= len(directory) and directory[offset:offset + 4] == b"PK\x01\x02":
        offset += 46 + sum(int.from_bytes(directory[offset + k:offset + k + 2], "little") for k in (28, 30, 32))
    if offset > len(directory):
        return Msg("an entry of its zip directory runs past the directory's end")
    return None


class _Callbacks:
    def __init__(self, start: Callable, end: Callable, text: Callable) -> None:
        self.start, self.end, self.text = start, end, text

    def take(self) -> list:
        return []


class _SharedStrings:
    """Collects each <si>: its <t> texts, skipping phonetic runs (<rPh>)."""

    def __init__(self, out: list[str]) -> None:
        self.out = out
        self.parts: list[str] = []
        self.in_t = False
        self.in_phonetic = False

    def start(self, name: str, attrs: dict) -> None:
        if name == "si":
            self.parts = []
        elif name == "rPh":
            self.in_phonetic = True
        elif name == "t":
            self.in_t = not self.in_phonetic

    def end(self, name: str) -> None:
        if name == "si":
            self.out.append("".join(self.parts))
        elif name == "rPh":
            self.in_phonetic = False
        elif name == "t":
            self.in_t = False

    def text(self, data: str) -> None:
        if self.in_t:
            self.parts.append(data)


class _SheetReader:
    """Turns <row>/<c>/<v>/<f>/<is> events into finished rows."""

    def __init__(self, strings: list[str], percent_styles: frozenset[int] = frozenset()) -> None:
        self.strings = strings
        self.percent_styles = percent_styles
        self.in_phonetic = False
        self.merges: list[tuple[int, int, int, int]] = []
        self.hidden: list[int] = []  # rows with values that the sheet hides: not given out
        self.row_hidden = False
        self.style = 0
        self.done: list[tuple[int, dict[int, Cell]]] = []
        self.row_number = 0
        self.cells: dict[int, Cell] = {}
        self.column = 0
        self.ref = ""
        self.type = "n"
        self.value: list[str] | None = None
        self.has_formula = False
        self.capture = False

    def take(self) -> list[tuple[int, dict[int, Cell]]]:
        done, self.done = self.done, []
        return done

    def start(self, name: str, attrs: dict) -> None:
        if name == "row":
            number = attrs.get("r")
            if number is not None and not (number.isdigit() and number.isascii() and 0 < int(number) <= _MAX_ROW):
                raise _DamagedCell(("row", repr(number[:20])), "damaged workbook: a row number that is not a row of a sheet; save it again from Excel or LibreOffice")
            previous = self.row_number
            self.row_number = int(number) if number is not None else self.row_number + 1
            if self.row_number <= previous:  # spreadsheets write each row once, in order
                raise _DamagedCell(("row", self.row_number), "damaged workbook: the row is given twice or out of order; save it again from Excel or LibreOffice")
            self.cells = {}
            self.column = 0
            self.row_hidden = attrs.get("hidden") in ("1", "true")
        elif name == "c":
            ref = attrs.get("r")
            match = _CELL_REF.fullmatch(ref.upper()) if ref is not None else None
            if ref is not None and (match is None or int(match.group(2)) != self.row_number):
                # python-calamine refuses a reference without a row, and puts a cell whose
                # reference names another row in that row: refuse both, as damage
                raise _DamagedCell(("row", self.row_number), Msg("damaged workbook: the cell reference {ref!r} is not a cell of row {row}; "
                                                                 "save it again from Excel or LibreOffice", ref=ref[:20], row=self.row_number))
            self.column = column_index(match.group(1)) if match else self.column + 1
            self.ref = match.group(0) if match else f"{column_letter(self.column)}{self.row_number}"
            self.type = attrs.get("t", "n")
            if self.type not in CELL_TYPES:  # python-calamine refuses the workbook: so do we
                raise _DamagedCell(("cell", self.ref), Msg("damaged workbook: the cell type {type!r} is none of Excel's; "
                                                           "save it again from Excel or LibreOffice", type=self.type[:20]))
            self.style = int(attrs["s"]) if attrs.get("s", "").isdigit() else 0
            self.value = None
            self.has_formula = False
        elif name == "f":
            self.has_formula = True
        elif name == "dimension" and not _range(attrs.get("ref", "").upper()):
            raise _DamagedCell(None, Msg("damaged workbook: the sheet's dimension {ref!r} is not a range; "
                                         "save it again from Excel or LibreOffice", ref=attrs.get("ref", "")[:20]))
        elif name == "mergeCell":
            merged = _range(attrs.get("ref", ""))
            if merged:
                self.merges.append(merged)
        elif name == "rPh":
            self.in_phonetic = True  # a reading guide for East Asian text: not the cell's value
        elif name in ("v", "t") and not self.in_phonetic:
            if self.value is None:
                self.value = []
            self.capture = True

    def end(self, name: str) -> None:
        if name in ("v", "t"):
            self.capture = False
        elif name == "rPh":
            self.in_phonetic = False
        elif name == "c":
            cell = self._cell()
            if cell is not None:
                if self.column in self.cells:  # which one counts is anybody's guess
                    raise _DamagedCell(("cell", cell.ref), "damaged workbook: the cell is given twice; save it again from Excel or LibreOffice")
                self.cells[self.column] = cell
        elif name == "row":
            if self.cells and self.row_hidden:
                self.hidden.append(self.row_number)  # not read: its number is kept to say so
            elif self.cells:
                self.done.append((self.row_number, self.cells))
            self.cells = {}

    def text(self, data: str) -> None:
        if self.capture and self.value is not None:
            self.value.append(data)

    def _cell(self) -> Cell | None:
        raw = "".join(self.value) if self.value is not None else ""
        if not raw and self.type not in ("s", "str", "inlineStr"):
            # no <v>, or an empty one as openpyxl writes for formulas it cannot compute
            return Cell(self.ref, "", "formula-without-value") if self.has_formula else None
        if self.type == "s":
            try:
                index = int(raw)
                if index < 0:
                    raise IndexError(index)  # Python would count from the end
                return Cell(self.ref, self.strings[index], "text")
            except (ValueError, IndexError):
                raise _DamagedCell(("cell", self.ref), "damaged workbook: a text cell points to a missing shared string; save it again from Excel or LibreOffice") from None
        if self.type in ("str", "inlineStr"):
            return Cell(self.ref, raw, "text")
        if self.type == "b":
            return Cell(self.ref, raw, "bool")
        if self.type == "e":
            return Cell(self.ref, raw, "error")
        if not STORED_NUMBER.fullmatch(raw):  # calamine refuses the whole sheet for it, wherever it is: so does this reader
            raise _DamagedCell(("cell", self.ref), Msg("damaged workbook: the number cell holds {text!r}; save it again from Excel or LibreOffice",
                                                       text=raw[:20]))
        return Cell(self.ref, raw, "percent" if self.style in self.percent_styles else "number")
