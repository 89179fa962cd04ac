"""The report's charts as SVG text, drawn by matplotlib's SVG backend: no JavaScript,
text kept as text (the page's fonts, selectable), ids prefixed per chart so that many
charts share one page, and the same bytes for the same figures (a fixed hash salt, no
date in the metadata). matplotlib is imported here only, when a report is written."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Sequence

from ..core.model import Grade
from ..core.numbers import format_points
from .common import GRADE_COLOURS

WIDTH = 9.0  # inches: about 860 pixels, the page's column
FOCUS, MEAN, DROP, GAIN, LOST = "#1565C0", "#9E9E9E", "#C62828", "#2E7D32", "#C62828"
_HEAT = ("#F8696B", "#FFEB84", "#63BE7B")  # Excel's red - yellow - green, as the xlsx sheet


def available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


_RC = {
    "svg.hashsalt": "parcalc", "svg.fonttype": "none", "font.size": 10,
    "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial"],
    "axes.spines.top": False, "axes.spines.right": False,
}


def _charting(draw):
    """Draw with parcalc's settings, leaving the caller's matplotlib settings as they were."""
    import functools

    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        import matplotlib

        with matplotlib.rc_context(_RC):
            return draw(*args, **kwargs)

    return wrapper


def _figure(height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH, height), layout="constrained")


def _svg(figure, name: str, label: str) -> str:
    """The figure as an inline <svg>: no XML prolog or namespaces (HTML has its own), ids
    prefixed with `name`, a title and role for screen readers."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = text.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "").replace(' xmlns="http://www.w3.org/2000/svg"', "")
    text = text.replace("xlink:href=", "href=")
    text = re.sub(r'\bid="', f'id="{name}-', text)
    text = re.sub(r'(href="#|url\(#)', rf"\g<1>{name}-", text)
    from html import escape

    return text.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" class="chart" ', 1).strip() + "\n"


def _decimal_axis(axis, sep: str) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}".replace(".", sep)))


def _colour(position: int) -> str:
    return "#" + GRADE_COLOURS[position % len(GRADE_COLOURS)]


@_charting
def ranking_chart(units: Sequence[tuple[str, Decimal, str]], grades: Sequence[Grade], focus: str | None,
                  word: str, label: str, sep: str) -> str:
    """Horizontal bars of the indexes, rank 1 at the top, coloured by grade, the grades'
    ranges shaded behind them and their edges drawn; the focus unit's name in bold."""
    from matplotlib.patches import Patch

    figure = _figure(max(2.5, 0.28 * len(units) + 1.4))
    axes = figure.add_subplot()
    order = {grade.name: position for position, grade in enumerate(grades)}
    values = [float(index) for _, index, _ in units]
    positions = range(len(units))
    axes.barh(positions, values, color=[_colour(order[group]) for _, _, group in units], height=0.7, zorder=3)
    axes.set_yticks(list(positions), [name for name, _, _ in units])
    axes.invert_yaxis()
    low = max(0.0, (int(min(values, default=0)) // 10 - 1) * 10)
    axes.set_xlim(low, 100)
    top = 100.0
    for position, grade in enumerate(grades):
        start = max(float(grade.floor), low)
        if start < top:
            axes.axvspan(start, top, color=_colour(position), alpha=0.08, zorder=0)
        if low < float(grade.floor) < 100:
            axes.axvline(float(grade.floor), color=_colour(position), linewidth=1, linestyle="--", zorder=2)
        top = min(top, float(grade.floor))
    for position, (_, index, _) in enumerate(units):
        axes.text(float(index) + 0.3, position, format_points(index, sep), va="center", fontsize=8, zorder=4)
    for tick, (name, _, _) in zip(axes.get_yticklabels(), units):
        if name == focus:
            tick.set_fontweight("bold")
    _decimal_axis(axes.xaxis, sep)
    axes.grid(axis="x", color="#DDDDDD", zorder=1)
    axes.legend(handles=[Patch(color=_colour(position), label=f"{word} {grade.name}") for position, grade in enumerate(grades)],
                loc="lower right", fontsize=8, framealpha=0.9)
    return _svg(figure, "ranking", label)


@_charting
def histogram_chart(indexes: Sequence[Decimal], grades: Sequence[Grade], word: str, label: str, sep: str, axis_label: str) -> str:
    """Many units: how many have each index (bins of one point), coloured by grade."""
    figure = _figure(3.5)
    axes = figure.add_subplot()
    values = [float(index) for index in indexes]
    low = max(0, int(min(values)) - 1)
    edges = list(range(low, 102))
    top = 101.0
    for position, grade in enumerate(grades):
        chosen = [value for value in values if float(grade.floor) <= value < top] if grade.inclusive else \
            [value for value in values if float(grade.floor) < value < top]
        axes.hist(chosen, bins=edges, color=_colour(position), label=f"{word} {grade.name}", zorder=3)
        top = float(grade.floor)
    axes.set_xlabel(axis_label)
    _decimal_axis(axes.xaxis, sep)
    axes.legend(fontsize=8)
    return _svg(figure, "histogram", label)


@_charting
def heat_chart(units: Sequence[str], headings: Sequence[str], rows: Sequence[Sequence[Decimal | None]], focus: str | None,
               label: str, sep: str) -> str:
    """Units down, fields across, each cell the sub-index written in it and coloured on
    its field's own red - yellow - green scale (as the xlsx sheet is)."""
    from matplotlib.colors import LinearSegmentedColormap

    scale = LinearSegmentedColormap.from_list("parcalc", list(_HEAT))
    figure = _figure(max(2.0, 0.3 * len(units) + 1.6))
    axes = figure.add_subplot()
    columns = list(zip(*rows)) if rows else []
    for x, column in enumerate(columns):
        known = [float(value) for value in column if value is not None]
        low, high = (min(known), max(known)) if known else (0.0, 1.0)
        for y, value in enumerate(column):
            if value is None:
                continue
            share = 0.5 if high == low else (float(value) - low) / (high - low)
            axes.add_patch(_cell(x, y, scale(share)))
            axes.text(x + 0.5, y + 0.5, format_points(value, sep), ha="center", va="center", fontsize=8)
    axes.set_xlim(0, len(headings))
    axes.set_ylim(len(units), 0)
    axes.set_xticks([x + 0.5 for x in range(len(headings))], [_wrap(text) for text in headings], fontsize=8)
    axes.xaxis.tick_top()
    axes.set_yticks([y + 0.5 for y in range(len(units))], list(units))
    for tick, name in zip(axes.get_yticklabels(), units):
        if name == focus:
            tick.set_fontweight("bold")
    axes.tick_params(length=0)
    for side in axes.spines.values():
        side.set_visible(False)
    return _svg(figure, "heat", label)


def _cell(x: int, y: int, colour):
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), 1, 1, facecolor=colour, edgecolor="white", linewidth=1)


def _rows_height(labels: Sequence[str], least: float) -> float:
    """Inches for bars spaced evenly, one (or a pair) per label: at least `least` each,
    more when a label wraps to several lines (10 pt lines), so that labels never overlap."""
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    return len(labels) * max(least, 0.17 * lines + 0.1)


def _wrap(text: str, width: int = 16) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


@_charting
def pair_chart(headings: Sequence[str], first: Sequence[Decimal | None], second: Sequence[Decimal | None],
               names: tuple[str, str], label: str, sep: str, axis_label: str) -> str:
    """Each field: the unit's sub-index against the mean, side by side, values written."""
    labels = [_wrap(text, 28) for text in headings]
    figure = _figure(max(2.5, _rows_height(labels, 0.6) + 1.2))
    axes = figure.add_subplot()
    for offset, values, name, colour in ((-0.2, first, names[0], FOCUS), (0.2, second, names[1], MEAN)):
        for y, value in enumerate(values):
            if value is None:
                continue
            axes.barh(y + offset, float(value), height=0.38, color=colour, label=name if y == 0 else None, zorder=3)
            axes.text(float(value) + 0.5, y + offset, format_points(value, sep), va="center", fontsize=8)
    axes.set_yticks(list(range(len(headings))), labels)
    axes.invert_yaxis()
    axes.set_xlim(0, 108)
    axes.set_xlabel(axis_label)
    _decimal_axis(axes.xaxis, sep)
    axes.grid(axis="x", color="#DDDDDD", zorder=1)
    axes.legend(loc="lower right", fontsize=8, framealpha=0.9)
    return _svg(figure, "focus", label)


@_charting
def signed_chart(names: Sequence[str], values: Sequence[Decimal], name: str, label: str, sep: str, axis_label: str,
                 colours: tuple[str, str] = (DROP, GAIN)) -> str:
    """Bars left of zero in the first colour, right of it in the second: changes (drops
    red, gains green), or losses alone."""
    labels = [_wrap(text, 40) for text in names]
    figure = _figure(max(2.0, _rows_height(labels, 0.28) + 1.3))
    axes = figure.add_subplot()
    floats = [float(value) for value in values]
    axes.barh(range(len(names)), floats, color=[colours[0] if value < 0 else colours[1] for value in floats], height=0.7, zorder=3)
    axes.set_yticks(list(range(len(names))), labels)
    axes.invert_yaxis()
    axes.axvline(0, color="#555555", linewidth=0.8)
    reach = max((abs(value) for value in floats), default=1.0) or 1.0
    for y, value in enumerate(values):
        axes.text(float(value) + (reach * 0.02 if value >= 0 else -reach * 0.02), y, format_points(value, sep),
                  va="center", ha="left" if value >= 0 else "right", fontsize=8)
    left = -reach * 1.25 if min(floats, default=0) < 0 else 0
    right = reach * 1.25 if max(floats, default=0) > 0 else reach * 0.1
    axes.set_xlim(left, right)
    axes.set_xlabel(axis_label)
    _decimal_axis(axes.xaxis, sep)
    axes.grid(axis="x", color="#DDDDDD", zorder=1)
    return _svg(figure, name, label)
