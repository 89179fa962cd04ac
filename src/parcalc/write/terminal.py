"""Terminal tables laid out by parcalc, not by rich: a number or code is never split
(every column but the names is as wide as its widest cell and its longest heading
word, so headings wrap between words), names wrap between words with their indent kept
(a word longer than its column, as a file name is, after a hyphen if it has one), and lines
carry no trailing spaces, in a terminal, a pipe or a file. rich only adds colour.
A table of units (rank, compare) shows the first TABLE_UNITS of them and says how to
see the rest."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Sequence

from ..core.messages import Msg

NAME_MIN = 16  # narrower, a Vietnamese name wraps at every word
GAP = "  "  # between columns
RULE = "─"
# Every province (63, 34 since 2025) and a province's districts or departments in full;
# a ranking of thousands is unreadable on a screen (and took 31x the read to draw through
# rich): it goes to csv or a file.
TABLE_UNITS = 100


def units_note(count: int, options: tuple[str, str], lang: str) -> list[str]:
    """The line saying that a table of `count` units shows the first TABLE_UNITS, and the
    two `options` that show them all (command-line text, not translated); none when all fit."""
    if count <= TABLE_UNITS:
        return []
    return [Msg("The first {shown} of {units} units are shown: see them all with {one} or {other}",
                shown=TABLE_UNITS, units=count, one=options[0], other=options[1]).render(lang)]


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


def fitting(headings: Sequence[str], rows: Sequence[tuple[Sequence[str], str | None]], width: int, *,
            flexible: int = 1, optional_from: int) -> tuple[list[str], list[tuple[list[str], str | None]], list[str]]:
    """The columns that fit `width`, dropping optional ones (from `optional_from` on)
    from the right; returns the headings and rows kept and the headings dropped, for the
    caller to say what was left out."""
    keep = len(headings)
    while keep > optional_from:
        widths = fixed_widths(headings[:keep], [cells[:keep] for cells, _ in rows], width, flexible)
        if sum(widths) + len(GAP) * (keep - 1) <= width and widths[flexible] >= NAME_MIN:
            break
        keep -= 1
    return list(headings[:keep]), [(list(cells[:keep]), style) for cells, style in rows], list(headings[keep:])


def print_lines(lines: Sequence[Line], console: object | None) -> str:
    """Lines as text (for files, pipes and tests), or printed on a rich console."""
    if console is None:
        return "".join(line.text + "\n" for line in lines)
    from rich.text import Text

    # one Text, printed once: rich's cost is per print (the console's size, whether it is a
    # terminal). compare_table_text of bench_rank.py's 1,000-unit workbook against itself
    # (117,000 lines) on a Console to /dev/null: printed line by line 36 s, as one Text 7.6 s
    text = Text()
    for line in lines:
        text.append(line.text, style=line.style)
        text.append("\n")
    console.print(text, soft_wrap=True, end="")  # type: ignore[attr-defined]
    return ""


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
        stripped = text.strip()
        if len(indent) + len(stripped) <= widths[flexible] and stripped.isprintable():  # no tab nor break: one line, as wrap
            names = [indent + stripped] if stripped else [""]  # says (6.6 of the 14 s of that compare's layout, cProfile)
        else:
            names = textwrap.wrap(stripped, widths[flexible], initial_indent=indent, subsequent_indent=indent,
                                  break_on_hyphens=True) or [""]
        for number, name in enumerate(names):
            shown = [cell if number == 0 else "" for cell in cells]
            shown[flexible] = name
            out.append(Line(_join(shown, widths, right_from), style))
    return out


def _join(cells: Sequence[str], widths: Sequence[int], right_from: int) -> str:
    parts = [cell.rjust(w) if position >= right_from else cell.ljust(w) for position, (cell, w) in enumerate(zip(cells, widths))]
    return GAP.join(parts).rstrip()


def sections_lines(sections: Sequence[tuple[str, Sequence[str], Sequence[Sequence[str]]]], width: int, name: str,
                   notes: Sequence[str] = ()) -> list[Line]:
    """Titled tables one after another (whatif, compare), then notes; the column headed
    `name` (else the first) takes the width left, columns after it are right-aligned."""
    lines: list[Line] = []
    for title, heads, rows in sections:
        lines += [Line(text, "bold") for text in textwrap.wrap(title, width, break_long_words=False) or [""]]
        if heads:
            flexible = list(heads).index(name) if name in heads else 0
            lines += table_lines(heads, [(row, None) for row in rows], width, flexible=flexible, right_from=flexible + 1)
        lines.append(Line(""))
    lines += note_lines(notes, width)
    while lines and not lines[-1].text:
        lines.pop()
    return lines


def note_lines(notes: Sequence[str], width: int) -> list[Line]:
    """Sentences wrapped to the width, between words."""
    return [Line(text) for note in notes for text in textwrap.wrap(note, width, break_long_words=False)]
