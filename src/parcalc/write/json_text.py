"""JSON text written fast where thousands of units share one shape: json's C encoder
writes no indent, and its Python encoder (used with indent=2) took 25 s of the 29 s of
a `compare` of two 10,000-unit workbooks (cProfile, 2026-11-30)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Iterator

from ..core.numbers import to_json_number

_JSON = json.JSONEncoder(ensure_ascii=False)


class Encoded(str):
    """JSON text already written (for speed, where thousands of rows share one shape);
    `json_lines` and `indented_json` put it in as it is."""


def json_text(value: object) -> str:
    return value if isinstance(value, Encoded) else _JSON.encode(value)


json_string = encode_basestring  # a str as JSON (UTF-8 kept, as `_JSON` writes it), without the encoder's per-call Python


class JsonTexts(dict):
    """A str (or None) -> its JSON text, each distinct value written once; look values
    up with [] (a dict's own lookup, for speed over 10,000 units)."""

    def __missing__(self, value: object) -> str:
        self[value] = written = _JSON.encode(self._json(value))
        return written

    @staticmethod
    def _json(value: object) -> object:
        return value


class JsonNumbers(JsonTexts):
    """Decimal (or None) -> its JSON number text, each distinct value worked out once."""

    _json = staticmethod(to_json_number)  # type: ignore[assignment]


def json_lines(data: dict) -> str:
    """JSON with a line per top-level key and a line per item of a top-level list: as
    easy to diff as indent=2, but written by json's C encoder (with an indent json
    falls back to Python, ten times slower for a ranking of 10,000 units)."""
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n    ".join(map(json_text, value))
            parts.append(f"  {_JSON.encode(key)}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {_JSON.encode(key)}: {json_text(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def indented_json(value: object) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)` and a newline, byte for byte,
    without json's generators; Encoded text (see object_shape) is put in as it is."""
    return "".join(indented_json_pieces(value))


def indented_json_pieces(value: object) -> Iterator[str]:
    """`indented_json`'s text in pieces, one per item of each list (or iterator) that
    is a value of a top-level object: an item is written only when its piece is asked
    for, and nothing holds the whole text (`compare` of two 10,000-unit workbooks writes
    169 MB; held whole, with its bytes, the run's peak was 624 MiB)."""
    if not isinstance(value, dict) or not value:
        yield _indented(value, "\n") + "\n"
        return
    separator = "{"
    for key, item in value.items():
        yield f"{separator}\n  {_JSON.encode(key)}: "
        separator = ","
        if isinstance(item, Iterator) or (isinstance(item, (list, tuple)) and item):
            opening, inner = "[", "\n    "
            for element in item:
                yield opening + inner + _indented(element, inner)
                opening = ","
            yield "[]" if opening == "[" else "\n  ]"
        else:
            yield _indented(item, "\n  ")
    yield "\n}\n"


def _indented(value: object, newline: str) -> str:
    """`value` as JSON whose lines after the first start with `newline`'s indent."""
    if isinstance(value, Encoded):
        return value
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = newline + "  "
        items = (f"{_JSON.encode(key)}: {_indented(item, inner)}" for key, item in value.items())
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = newline + "  "
        return "[" + inner + ("," + inner).join(_indented(item, inner) for item in value) + newline + "]"
    scalar = _SCALARS.get(type(value))
    return scalar(value) if scalar is not None else _JSON.encode(value)


def _finite(number: float) -> str:
    return float.__repr__(number) if number - number == 0 else _JSON.encode(number)  # NaN, Infinity as json writes them


# Scalars written by C functions, as json's encoder writes them, not through its Python
# entry point (10,000 units' comparison: 270,000 scalars, 0.66 of 2.6 s under cProfile).
_SCALARS = {str: encode_basestring, int: int.__repr__, float: _finite, bool: lambda flag: "true" if flag else "false",
            type(None): lambda _: "null"}


def encoded_list(texts: list[str], depth: int) -> Encoded:
    """JSON texts as the list `indented_json` writes `depth` containers deep."""
    if not texts:
        return Encoded("[]")
    inner = "\n" + "  " * (depth + 1)
    return Encoded("[" + inner + ("," + inner).join(texts) + "\n" + "  " * depth + "]")


def object_shape(keys: tuple[str, ...], depth: int) -> str:
    """A %-template of a JSON object of scalars with `keys`, as `indented_json` writes it
    `depth` containers deep: fill it with each value's JSON text, make it Encoded."""
    inner = "\n" + "  " * (depth + 1)
    return "{" + inner + ("," + inner).join(f"{_JSON.encode(key)}: %s" for key in keys) + "\n" + "  " * depth + "}"
