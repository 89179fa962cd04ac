"""What python-calamine does not say about a sheet's cells, found in the bytes of its XML
that are read anyway (to check its extent, find its hidden rows and cut it in bands):
the cells it shows empty that hold a formula whose result was never saved or an Excel
error, and the cells shown as a percentage.

A few searches over each band's bytes with `bytes.find` and `bytes.count`, in C: no
walk over the cells. Where a sheet is written in a way the scan does not follow (with
a namespace prefix, comments or CDATA among the rows, a cell without its reference) it
says so, and the strict reader (xlsx.Workbook.rows) is asked instead. A cell written
with a prefix inside an unprefixed sheet is not looked for: no tool writes one.
tests/test_sheetscan.py checks the scan against the strict reader on random sheets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FORMULA_WITHOUT_VALUE, ERROR = "formula-without-value", "error"  # the strict reader's kinds of such cells (xlsx.Cell)

_DATA = b"<sheetData"
_DATA_END = b"</sheetData>"
_ERROR_TYPES = (b't="e"', b"t='e'")
_TEXT_TYPES = frozenset({"s", "str", "inlineStr"})  # a formula of these types is never read as one without a result
_FORMULA = re.compile(rb"<f[\s>/]")
_ATTRIBUTE = re.compile(rb"""\s(r|t)=["']([^"']*)["']""")
# A cell's content as Excel, LibreOffice and openpyxl write a formula's or an error's:
# formulas and values, nothing else (inline strings are text, never such a cell)
_BODY = re.compile(rb"(?:\s|<f(?:\s[^>]*)?/>|<f(?:\s[^>]*)?>[^<]*</f>|<v\s*/>|<v>[^<]*</v>)*")
_VALUE = re.compile(rb"<v>([^<]*)</v>")


class CannotTell(Exception):
    """The band is written in a way the scan does not follow."""


@dataclass
class CellFacts:
    """What the scans of a sheet's bands found: `unread` maps the refs of cells
    python-calamine shows empty that the strict reader does not (formulas without a
    saved result, errors) to (kind, text) as the strict reader reads them, or is None
    when a band could not be told; `percent` holds the refs of cells shown as a percentage."""

    percent_styles: frozenset[int] = frozenset()
    unread: dict[str, tuple[str, str]] | None = field(default_factory=dict)
    percent: set[str] = field(default_factory=set)

    def learn(self, xml: bytes) -> None:
        """Scan one band (or the whole sheet): whole rows between a sheet's head and end."""
        start, end = xml.find(_DATA), xml.rfind(_DATA_END)
        if start == -1:  # no rows, or a sheet written with a namespace prefix
            if self.unread is not None and b"sheetData>" in xml:
                self.unread = None
            return
        end = len(xml) if end == -1 else end
        if self.percent_styles:
            self.percent |= percent_refs(xml, start, end, self.percent_styles)
        if self.unread is not None:
            try:
                self.unread.update(unread_cells(xml, start, end))
            except CannotTell:
                self.unread = None


def unread_cells(xml: bytes, start: int, end: int) -> dict[str, tuple[str, str]]:
    """The cells in xml[start:end] (the rows of a sheet) that python-calamine shows as
    empty and the strict reader as a formula without a saved result or an error.

    Each search over a band costs ~1-2 ms a MB, which the parsing of the same bytes
    (~20 ms a MB) does not hide: a sheet without formulas and errors costs two (three
    with an apostrophe in it), a sheet of calculated formulas about six (0.2 s over the
    40 MB of 10,000 units with a formula in each field row, where a walk over the
    formulas took 1.1 s; python/time.perf_counter on /tmp/read13/formulas-10000.xlsx)."""
    errors = _finds(xml, b't="e"', start, end)
    if xml.find(b"'", start, end) != -1:  # attributes quoted so (by hand), or an apostrophe in a text
        errors += _finds(xml, b"t='e'", start, end)
    formulas = xml.find(b"<f", start, end) != -1
    if not errors and not formulas:
        return {}
    if has_markup(xml, start, end):
        raise CannotTell  # a comment or CDATA may hide or fake cells
    found: dict[str, tuple[str, str]] = {}
    for at in errors:
        _add(found, xml, xml.rfind(b"<", start, at), at)
    if formulas and not _every_formula_has_a_value(xml, start, end):
        for hit in _FORMULA.finditer(xml, start, end):
            _add(found, xml, xml.rfind(b"<c", start, hit.start()), hit.start())
    return found


def _every_formula_has_a_value(xml: bytes, start: int, end: int) -> bool:
    """Whether each formula is directly followed by a value that is not empty, as Excel
    and LibreOffice save calculated formulas: counted, not walked. `<f` also counts
    other elements starting so (never fewer than the formulas), `/><v>` follows a
    shared formula (<f t="shared" si="0"/>)."""
    elements = xml.count(b"<f", start, end)
    with_values = xml.count(b"</f><v>", start, end)
    if with_values < elements:
        with_values += xml.count(b"/><v>", start, end)
    if with_values == elements and xml.find(b"<v></v>", start, end) != -1:
        with_values -= xml.count(b"</f><v></v>", start, end) + xml.count(b"/><v></v>", start, end)
    return elements == with_values


def _add(found: dict[str, tuple[str, str]], xml: bytes, tag: int, inside: int) -> None:
    """The cell whose start tag begins at `tag`, if `inside` (a formula in it, or its
    type attribute) is its and the strict reader reads it as a formula without a saved
    result or an error."""
    if tag == -1 or xml[tag:tag + 2] != b"<c" or xml[tag + 2:tag + 3] not in (b" ", b"\t", b"\n", b"\r", b">"):
        return  # text that happens to look like a type attribute
    tag_end = xml.find(b">", tag)
    attributes = dict((name.decode(), value.decode()) for name, value in _ATTRIBUTE.findall(xml, tag + 2, tag_end))
    if "r" not in attributes:
        raise CannotTell  # the strict reader counts the cells of the row to name it
    if xml[tag_end - 1:tag_end] == b"/" or (inside > tag_end and xml.rfind(b"</c>", tag_end, inside) != -1):
        return  # an empty cell; or a formula outside it
    kind = attributes.get("t", "n")
    if kind in _TEXT_TYPES or attributes["r"].upper() in found:
        return
    body_end = xml.find(b"</c>", tag_end)
    body = xml[tag_end + 1:body_end] if body_end != -1 else b""
    if body_end == -1 or not _BODY.fullmatch(body):
        raise CannotTell
    raw = b"".join(_VALUE.findall(body))
    if b"&" in raw:
        raise CannotTell
    ref = attributes["r"].upper()
    if not raw:
        if b"<f" in body:
            found[ref] = (FORMULA_WITHOUT_VALUE, "")
    elif kind == "e":
        found[ref] = (ERROR, raw.decode(errors="replace"))


def percent_refs(xml: bytes, start: int, end: int, styles: frozenset[int]) -> set[str]:
    """The refs of the cells in xml[start:end] whose style shows a percentage."""
    # bytes.find for each style's attribute, then the tag around it: over the 35 MB
    # sheet of benchmarks/bench_rank.py (10,000 units), 0.06 s for two styles where a
    # regex over every <c> tag took 0.5 s (measured with time.perf_counter)
    found: set[str] = set()
    for needle in (b' s="%d"' % style for style in sorted(styles)):
        for at in _finds(xml, needle, start, end):
            tag, tag_end = xml.rfind(b"<", start, at), xml.find(b">", at)
            if tag != -1 and tag_end != -1 and xml.startswith(b"<c ", tag):
                ref = re.search(rb'\sr="([A-Z]+[0-9]+)"', xml[tag:tag_end])
                if ref:
                    found.add(ref.group(1).decode())
    return found


def _finds(xml: bytes, needle: bytes, start: int, end: int) -> list[int]:
    found, at = [], xml.find(needle, start, end)
    while at != -1:
        found.append(at)
        at = xml.find(needle, at + 1, end)
    return found


def has_markup(xml: bytes, start: int, end: int) -> bool:
    """Whether xml[start:end] holds `<!` or `<?`: a comment, CDATA, a processing
    instruction or a declaration, whose text may hold anything. (A one-byte find is far faster than a
    two-byte one.)"""
    for mark in b"!?":
        at = xml.find(mark, start, end)
        while at >= 0:
            if at > 0 and xml[at - 1] == 0x3C:  # "<"
                return True
            at = xml.find(mark, at + 1, end)
    return False
