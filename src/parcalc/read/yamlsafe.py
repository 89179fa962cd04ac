"""Read YAML into plain data while remembering the line of every value.

Only plain YAML is accepted: no tags that build objects, no anchors or aliases (which
can explode a small file into a huge one), no duplicate keys. Numbers with a fraction
become exact Decimals from their source text, never binary floats.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.errors import CriteriaError, Problem
from ..core.messages import Msg, Place
from ..core.numbers import plausible

# libyaml's C parser when PyYAML has it (5x faster on a criterion set); same nodes, same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Path = tuple[Any, ...]
_TAG = "tag:yaml.org,2002:"
_PLAIN_SCALARS = {"str", "int", "float", "bool", "null", "timestamp"}


# Points, years and rates are short numbers; longer ones or huge exponents could only
# stall the arithmetic (Python refuses ints of more than 4,300 digits, and 1e999999999
# turned into an int never ends).
_MOST_CHARACTERS = 40


def _one_line(problem: object) -> str:
    text = " ".join(str(problem).split())
    return text if len(text) <= 160 else text[:160] + "…"


def _syntax_problem(problem: object, at: str = "") -> Msg:
    """PyYAML's words for the mistakes people make by hand, said as what to do; any other
    as PyYAML says it. `at` is the character where it stopped (libyaml does not name it)."""
    raw, text = str(problem), _one_line(problem)
    if text.startswith("did not find expected ',' or"):
        return Msg("a {{ or [ is not closed, or a comma inside a value: put such a value in quotes")
    if "tab character" in raw or "'\\t'" in raw or at == "\t":  # PyYAML writes the tab escaped
        return Msg("a tab is used for indentation: indent with spaces")
    if text.startswith("mapping values are not allowed"):
        return Msg("a colon inside a value: put the value in quotes")
    return Msg("{detail}", detail=text)


def load(text: str, filename: str) -> tuple[Any, dict[Path, int]]:
    """Parse `text`; return the data and a map from each value's path to its line."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Place(filename, line=mark.line + 1) if mark else Place(filename)
        at = text[mark.index:mark.index + 1] if mark and mark.index is not None else ""
        raise CriteriaError.at(where, "YAML syntax error: {problem}", problem=_syntax_problem(exc.problem or exc, at)) from None
    except yaml.YAMLError as exc:
        raise CriteriaError.at(Place(filename), "YAML syntax error: {problem}", problem=_syntax_problem(exc)) from None
    builder = _Builder(filename)
    data = builder.build(root, ()) if root is not None else None
    if builder.problems:
        raise CriteriaError(*builder.problems)
    return data, builder.lines


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of `path`, or of its nearest ancestor that has one."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


class _Builder:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.lines: dict[Path, int] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.scalars = SafeConstructor()

    def where(self, node: Node) -> Place:
        return Place(self.filename, line=node.start_mark.line + 1)

    def build(self, node: Node, path: Path) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in self.seen:
            problem = Problem(self.where(node), "anchors and aliases (& and *) are not allowed; write the value out")
            if problem not in self.problems:
                self.problems.append(problem)
            return None
        self.seen.add(id(node))
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                return self._bad_tag(node)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: MappingNode, path: Path) -> Any:
        if node.tag != _TAG + "map":
            return self._bad_tag(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, path + ("<key>",))
            if not isinstance(key, str):
                self.problems.append(Problem(self.where(key_node), Msg("keys must be text, not {key!r}: quote it", key=key)))
                continue
            if key in result:
                self.problems.append(Problem(self.where(key_node), Msg("key {key!r} is given twice; keep one", key=key)))
                continue
            self.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,))
            self.lines[path + (key,)] = key_node.start_mark.line + 1
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        kind = node.tag[len(_TAG):] if node.tag.startswith(_TAG) else None
        if kind not in _PLAIN_SCALARS:
            return self._bad_tag(node)
        if kind in ("float", "int") and len(node.value) > _MOST_CHARACTERS:
            self.problems.append(Problem(self.where(node), Msg("a number of {count} characters is not one a criterion set needs", count=len(node.value))))
            return None
        if kind == "float":
            try:
                value = Decimal(node.value.replace("_", ""))
            except InvalidOperation:
                value = Decimal("NaN")
            if not plausible(value):
                self.problems.append(Problem(self.where(node), Msg("{number!r} is not a finite number of a plausible size", number=node.value)))
                return None
            return value
        if kind in ("int", "bool", "null"):
            return self.scalars.construct_object(node)
        return unicodedata.normalize("NFC", node.value)

    def _bad_tag(self, node: Node) -> None:
        self.problems.append(Problem(self.where(node), Msg("YAML tag {tag!r} is not allowed in a criterion set; remove the tag", tag=node.tag)))
        return None



# pydantic's messages for the checks a YAML file (criterion set, playbook, scenarios) can
# fail, by error type: each a catalogue message, so that it is shown in the user's language.
_SCHEMA_MESSAGES: dict[str, Callable[[str], Msg]] = {
    "missing": lambda field: Msg("{field}: Field required; add it", field=field),
    "extra_forbidden": lambda field: Msg("{field}: Extra inputs are not permitted; remove it or correct its spelling", field=field),
    "string_type": lambda field: Msg("{field}: Input should be a valid string", field=field),
    "decimal_parsing": lambda field: Msg("{field}: Input should be a valid decimal", field=field),
    "decimal_type": lambda field: Msg("{field}: Decimal input should be an integer, float, string or Decimal object", field=field),
    "finite_number": lambda field: Msg("{field}: Input should be a finite number", field=field),
    "int_parsing": lambda field: Msg("{field}: Input should be a valid integer, unable to parse string as an integer", field=field),
    "int_type": lambda field: Msg("{field}: Input should be a valid integer", field=field),
    "int_from_float": lambda field: Msg("{field}: Input should be a valid integer, got a number with a fractional part", field=field),
    "float_parsing": lambda field: Msg("{field}: Input should be a valid number, unable to parse string as a number", field=field),
    "float_type": lambda field: Msg("{field}: Input should be a valid number", field=field),
    "bool_parsing": lambda field: Msg("{field}: Input should be a valid boolean, unable to interpret input", field=field),
    "bool_type": lambda field: Msg("{field}: Input should be a valid boolean", field=field),
    "list_type": lambda field: Msg("{field}: Input should be a valid list", field=field),
    "dict_type": lambda field: Msg("{field}: Input should be a valid dictionary", field=field),
    "model_type": lambda field: Msg("{field}: Input should be a valid dictionary", field=field),  # pydantic names its class
}


def schema_message(error: Any, field: str) -> Msg:
    """The message of one pydantic error at `field` (a dotted path): pydantic's own words
    in English, the catalogue's in Vietnamese; a validator's own message (a Msg) as it is."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind in _SCHEMA_MESSAGES:
        return _SCHEMA_MESSAGES[kind](field)
    if kind == "literal_error" and "expected" in ctx:
        head, sep, last = str(ctx["expected"]).rpartition(" or ")
        expected = Msg("{choices} or {last}", choices=head, last=last) if sep else ctx["expected"]
        return Msg("{field}: Input should be {expected}", field=field, expected=expected)
    if kind == "greater_than_equal" and "ge" in ctx:
        return Msg("{field}: Input should be greater than or equal to {ge}", field=field, ge=ctx["ge"])
    if kind == "less_than_equal" and "le" in ctx:
        return Msg("{field}: Input should be less than or equal to {le}", field=field, le=ctx["le"])
    if kind == "greater_than" and "gt" in ctx:
        return Msg("{field}: Input should be greater than {gt}", field=field, gt=ctx["gt"])
    if kind == "less_than" and "lt" in ctx:
        return Msg("{field}: Input should be less than {lt}", field=field, lt=ctx["lt"])
    if kind == "value_error" and isinstance(ctx.get("error"), ValueError) and ctx["error"].args:
        return Msg("{field}: {detail}", field=field, detail=ctx["error"].args[0])
    return Msg("{field}: {detail}", field=field, detail=error["msg"].removeprefix("Value error, "))
