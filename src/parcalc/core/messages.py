"""Every message a user sees (errors, warnings, notes, help, place words), in Vietnamese
(the default) or English, from one catalogue.

A message is written in the code in English, `Msg("{code} has {points} points, more than
its maximum {max}", code=..., points=..., max=...)`, and that English text is its key in
the Vietnamese catalogue (`core/vietnamese.py`), as gettext does: the code reads as it
runs, and a test checks that every key has its Vietnamese with the same placeholders.
Rendering is late, so an error raised deep in a reader is shown in the language the
command line asks for (`--lang`, else `PARCALC_LANG`, else Vietnamese).

Places (file, sheet, cell, row, YAML line) are `Place`s, rendered with the place words
of the language: "trang tính «Phụ lục», ô D9" / "sheet 'Phụ lục', cell D9".
"""

from __future__ import annotations

import os
from decimal import Decimal

from .vietnamese import VI

LANGUAGES = ("vi", "en")
_chosen: str | None = None


def current_language() -> str:
    """The language the command line chose, else `PARCALC_LANG`, else Vietnamese."""
    if _chosen is not None:
        return _chosen
    wanted = os.environ.get("PARCALC_LANG", "").strip().lower()[:2]
    return wanted if wanted in LANGUAGES else "vi"


def choose_language(lang: str | None) -> str | None:
    """Set (or with None, forget) the language of this process's messages; returns the
    choice it replaces."""
    global _chosen
    before, _chosen = _chosen, lang
    return before


def shown(value: object, lang: str) -> object:
    """A parameter as a message shows it: nested messages and places in `lang`, decimals
    with the decimal comma in Vietnamese."""
    if hasattr(value, "render"):  # a Msg, a Place, a Problem
        return value.render(lang)
    if isinstance(value, Decimal) and lang == "vi":
        return str(value).replace(".", ",")
    return value


class Msg:
    """A message to show: its English template and the values for its placeholders."""

    __slots__ = ("template", "params")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params = params

    def render(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        template = VI.get(self.template, self.template) if lang == "vi" else self.template
        text = template.format(**{name: shown(value, lang) for name, value in self.params.items()})
        # one line whatever a cell or a file name holds: a line break shows as \n
        return text if text.isprintable() else "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Msg({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.template, self.params) == (other.template, other.params)

    def __hash__(self) -> int:
        return hash((self.template, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))


def _place_word(kind: str, value: object) -> Msg:
    """One part of a place in the catalogue's words: trang tính «X» / sheet 'X', ô D9 / cell D9."""
    if kind == "sheet":
        return Msg("sheet {name!r}", name=value)
    if kind == "cell":
        return Msg("cell {ref}", ref=value)
    if kind == "row":
        return Msg("row {number}", number=value)
    if kind == "column":
        return Msg("column {letter}", letter=value)
    return Msg("unit {name!r}", name=value)


# kind -> (English template, its placeholder): the catalogue's place words, formatted
# without a Msg for each of the many cell places
_ENGLISH_WORDS = {kind: (word.template, next(iter(word.params)))
                  for kind, word in ((kind, _place_word(kind, "")) for kind in ("sheet", "cell", "row", "column", "unit"))}


class Place(str):
    """Where a problem is: a file, and within it a sheet and a cell or row, or a line
    (`criteria.yaml:12`). As a string it is the English form; `render` gives either."""

    file: str
    line: int | None
    detail: str | None
    head: str
    parts: tuple[tuple[str, object], ...]

    def __new__(cls, file: object, *parts: tuple[str, object], line: int | None = None, detail: str | None = None) -> "Place":
        head = f"{file}:{line}" if line else f"{file} ({detail})" if detail else str(file)
        return cls._made(cls._compose(head, parts, "en"), str(file), line, detail, head, parts)

    @classmethod
    def _made(cls, text: str, file: str, line: int | None, detail: str | None, head: str, parts: tuple) -> "Place":
        place = super().__new__(cls, text)
        place.file, place.line, place.detail, place.head, place.parts = file, line, detail, head, parts
        return place

    @staticmethod
    def _compose(head: str, parts: tuple[tuple[str, object], ...], lang: str) -> str:
        return ", ".join([head, *(_place_word(kind, value).render(lang) for kind, value in parts)])

    def render(self, lang: str | None = None) -> str:
        return self._compose(self.head, self.parts, lang or current_language())

    def _more(self, kind: str, value: object) -> "Place":
        # This place's English text and one more part, its word formatted from the
        # catalogue's template directly, its attributes copied as one dict: every cell
        # read gets a place. 220,000 cell places (`sheet.cell(f"D{i}")` in a loop) took
        # 1.70 s through Msg.render and _made, 0.83 s so (2026-11-30).
        template, name = _ENGLISH_WORDS[kind]
        english = template.format_map({name: value})
        if not english.isprintable():  # a sheet named with a line break: shown as \n, as Msg.render does
            english = _place_word(kind, value).render("en")
        place = str.__new__(Place, f"{self}, {english}")
        attributes = self.__dict__.copy()
        attributes["parts"] = (*self.parts, (kind, value))
        place.__dict__ = attributes
        return place

    def sheet(self, name: str) -> "Place":
        return self._more("sheet", name)

    def cell(self, ref: str) -> "Place":
        return self._more("cell", ref)

    def row(self, number: int) -> "Place":
        return self._more("row", number)

    def column(self, letter: str) -> "Place":
        return self._more("column", letter)

    def unit(self, name: str) -> "Place":
        return self._more("unit", name)

    def on_sheet(self, name: str, file: str | None = None) -> "Place":
        """The same place on sheet `name` (the same cell of a sheet copied from this
        one's), of workbook `file` if given."""
        return Place(self.file if file is None else file, *((kind, name if kind == "sheet" else value) for kind, value in self.parts),
                     line=self.line, detail=self.detail)

    def up(self) -> "Place":
        """The place that holds this one (the sheet of a cell)."""
        return Place(self.file, *self.parts[:-1], line=self.line, detail=self.detail)


def short_list(items: list[str], most: int = 12) -> "str | Msg":
    """`1.2, 2.1, 2.3` — the first `most`, then how many more."""
    shown = ", ".join(items[:most])
    return Msg("{items} and {more} more", items=shown, more=len(items) - most) if len(items) > most else shown


def render_place(where: object, lang: str | None = None) -> str:
    """A problem's place in `lang` (a plain string, a file name or a code, as it is)."""
    return where.render(lang) if isinstance(where, (Place, Msg)) else str(where)
