"""Terminal tables laid out by parcalc, not by rich: a number or code is never split
(every column but the names is as wide as its widest cell and its longest heading
word, so headings wrap between words), names wrap with their indent kept, and lines
carry no trailing spaces, in a terminal, a pipe or a file. rich only adds colour."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Sequence

NAME_MIN = 16  # narrower, a Vietnamese name wraps at every word
GAP = "  "  # between columns
RULE = "─"


@dataclass(frozen=True)
class Line:
    text: str
    style: str | None = None  # a rich style for terminals ("bold", "yellow")


def fixed_widths(headings: Sequence[str], rows: Sequence[Sequence[str]], width: int, flexible: int) -> list[int]:
    """Each column's width; the `flexible` one takes what the terminal has left (at
    least NAME_MIN, at most its longest cell)."""
    widths = []
    for position, heading in enumerate(headings):
        words = max((len(word) for word in heading.split()), default=0)
        cells = max((len(row[position]) for row in rows), default=0)
        widths.append(max(words, cells, 1))
    others = sum(w for position, w in enumerate(widths) if position != flexible) + len(GAP) * (len(headings) - 1)
    longest = max(widths[flexible], max((len(word) for word in headings[flexible].split()), default=0))
    widths[flexible] = max(NAME_MIN, min(width - others, longest))
    return widths


def table_lines(headings: Sequence[str], rows: Sequence[tuple[Sequence[str], str | None]], width: int, *,
                flexible: int = 1, right_from: int = 2) -> list[Line]:
    """The heading (bottom-aligned, wrapped between words), a rule, then each row; columns
    from `right_from` on are right-aligned. A flexible cell's leading spaces are its indent,
    kept on every line it wraps to."""
    widths = fixed_widths(headings, [cells for cells, _ in rows], width, flexible)
    wrapped = [textwrap.wrap(heading, w, break_long_words=False) or [""] for heading, w in zip(headings, widths)]
    height = max(len(lines) for lines in wrapped)
    out = [Line(_join([([""] * (height - len(lines)) + lines)[line] for lines in wrapped], widths, right_from), "bold")
           for line in range(height)]
    out.append(Line(RULE * (sum(widths) + len(GAP) * (len(widths) - 1))))
    for cells, style in rows:
        text = cells[flexible]
        indent = " " * (len(text) - len(text.lstrip(" ")))
        names = textwrap.wrap(text.strip(), widths[flexible], initial_indent=indent, subsequent_indent=indent,
                              break_on_hyphens=False) or [""]
        for number, name in enumerate(names):
            shown = [cell if number == 0 else "" for cell in cells]
            shown[flexible] = name
            out.append(Line(_join(shown, widths, right_from), style))
    return out


def _join(cells: Sequence[str], widths: Sequence[int], right_from: int) -> str:
    parts = [cell.rjust(w) if position >= right_from else cell.ljust(w) for position, (cell, w) in enumerate(zip(cells, widths))]
    return GAP.join(parts).rstrip()
