"""What the signed documents share (the remediation appendix, the explanation list, the
ranking): a title, an optional subtitle and "(Kèm theo ...)" line, one table whose rows
have a level and a value per column, and notes below it. One writer per format serves
them all: Markdown and CSV here, .xlsx in document_xlsx, .docx in document_docx."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Protocol, Sequence, Union

from ..core import labels
from ..core.messages import render_place
from ..core.model import Finding
from .common import neutralise, points_text, warning_line


class DocumentRow(Protocol):
    level: int

    def value(self, column: str) -> Decimal | int | str: ...


class Document(Protocol):
    title: str
    subtitle: str | None  # a line under the title (the criterion set a ranking follows)
    plan_line: str | None
    lang: str
    columns: tuple[str, ...]
    number_columns: frozenset[str]
    centred_columns: frozenset[str]  # short values centred (rank, group)
    bold_levels: int  # rows of level 1..bold_levels are bold (fields, criteria); 0: none
    findings: tuple[Finding, ...]

    @property
    def rows(self) -> Sequence[DocumentRow]: ...

    def heading_row(self) -> tuple[str, ...]: ...


def is_bold(document: Document, row: DocumentRow, column: str) -> bool:
    """Fields and criteria (to the document's `bold_levels`) in bold: their code, name and
    points, never the text written about them."""
    return row.level <= document.bold_levels and (column in ("code", "name") or column in document.number_columns)


Note = Union[str, "tuple[str, Decimal | int]"]  # a line below the table, or a label and its figure


def column_kind(column: str) -> str:
    """The kind of a column, which sets its width: `field` for a ranking's `field:3`."""
    return column.partition(":")[0]


def cell_text(row: DocumentRow, column: str, sep: str) -> str:
    return value_text(row.value(column), sep)


def value_text(value: Decimal | int | str, sep: str) -> str:
    return points_text(value, sep) if isinstance(value, Decimal) else str(value)


def note_text(note: Note, sep: str) -> str:
    return note if isinstance(note, str) else f"{note[0]}: {value_text(note[1], sep)}"


def document_markdown(document: Document, summary: Sequence[str]) -> str:
    sep = labels.decimal_sep(document.lang)
    esc = lambda text: text.replace("|", "\\|").replace("\n", " ")  # noqa: E731
    out = [f"## {esc(document.title)}", ""]
    if document.subtitle:
        out += [esc(document.subtitle), ""]
    if document.plan_line:
        out += [f"_{esc(document.plan_line)}_", ""]
    out += [f"- {line}" for line in summary]
    align = "|" + "".join("---:|" if column in document.number_columns else "---|" for column in document.columns)
    out += ["", "| " + " | ".join(document.heading_row()) + " |", align]
    for row in document.rows:
        cells = [esc(cell_text(row, column, sep)) for column in document.columns]
        cells[:2] = [f"**{cell}**" if is_bold(document, row, column) else cell for cell, column in zip(cells[:2], document.columns)]
        out.append("| " + " | ".join(cells) + " |")
    if document.findings:
        out += ["", f"**{labels.text('warning', document.lang)}**", ""]
        out += [f"- {esc(warning_line(f, document.lang))}" for f in document.findings]
    return "\n".join(out) + "\n"


def document_csv(document: Document) -> str:
    """Headings as the document prints them; numbers with a dot; formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")  # as every command writes CSV
    writer.writerow(document.heading_row())
    for row in document.rows:
        writer.writerow([neutralise(cell_text(row, column, ".")) for column in document.columns])
    return buffer.getvalue()


def warnings_json(document: Document) -> list[dict[str, object]]:
    return [
        {"kind": f.key, "code": f.code, "where": render_place(f.where, document.lang) if f.where else None, "message": labels.finding_message(f, document.lang)}
        for f in document.findings
    ]
