"""Saving Office Open XML packages (xlsx, docx) as the same bytes for the same content:
fixed document dates and zip timestamps, so that CI can diff them."""

from __future__ import annotations

import functools
import io
import re
import zipfile
from datetime import datetime
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from docx.document import Document
    from openpyxl import Workbook

    from .xlsx_table import Table

FIXED_DATE = datetime(2000, 1, 1)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# Deflate level of every part. zlib's default, 6, spent a third of the xlsx ranking of
# 10,000 units by 100 fields compressing its 1 million cells: rendering it took 3.22 s
# and made 7.13 MB at level 6, 2.03 s and 7.64 MB at 3, 1.86 s and 9.66 MB at 1; with
# the 10 fields of a set, 0.71 s and 1.12 MB at 6, 0.59 s and 1.25 MB at 3 (api.render_ranking
# of benchmarks/bench_rank.py's workbook, medians of 3, 2026-12-01).
DEFLATE_LEVEL = 3
# openpyxl and python-docx stamp the save time into docProps/core.xml.
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def normalise(package: bytes, edits: "dict[str, Callable[[bytes, Callable[[bytes], object]], None]] | None" = None) -> bytes:
    """The same package with fixed timestamps in its zip entries and core properties;
    a part named in `edits` is written by its edit, given the part and where to write."""
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            stamped = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped._compresslevel = DEFLATE_LEVEL  # what writestr(compresslevel=) sets; open(stamped, "w") takes it only so
            stamped.external_attr = 0o600 << 16
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _STAMP.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            if edits and info.filename in edits:
                with target.open(stamped, "w") as part:  # compressed as writestr does, in pieces
                    edits[info.filename](data, part.write)
                continue
            target.writestr(stamped, data)
    return fixed.getvalue()


def xlsx_bytes(book: "Workbook", tables: "Sequence[Table]" = ()) -> bytes:
    """The workbook's bytes, with the rows of `tables` in their sheets (xlsx_table)."""
    from .xlsx_table import save_order, splice

    book.properties.creator = "parcalc"
    book.properties.lastModifiedBy = "parcalc"
    book.properties.created = FIXED_DATE
    rows = save_order(book, tables)
    raw = io.BytesIO()
    book.save(raw)  # gives each sheet its part name (`sheet.path`)
    edits = {table.sheet.path.lstrip("/"): functools.partial(splice, table=table, rows=xml) for table, xml in rows}
    return normalise(raw.getvalue(), edits)


def docx_bytes(document: "Document") -> bytes:
    core = document.core_properties
    core.author = core.last_modified_by = "parcalc"
    core.created = core.modified = FIXED_DATE
    core.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    return normalise(raw.getvalue())
