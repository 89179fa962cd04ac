"""Read YAML into plain data while remembering the line of every value.

Only plain YAML is accepted: no tags that build objects, no anchors or aliases (which
can explode a small file into a huge one), no duplicate keys. Numbers with a fraction
become exact Decimals from their source text, never binary floats.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.errors import CriteriaError, Problem
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


def load(text: str, filename: str) -> tuple[Any, dict[Path, int]]:
    """Parse `text`; return the data and a map from each value's path to its line."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise CriteriaError.at(f"{filename}{line}", f"YAML syntax error: {_one_line(exc.problem or exc)}") from None
    except yaml.YAMLError as exc:
        raise CriteriaError.at(filename, f"YAML syntax error: {_one_line(exc)}") from None
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

    def where(self, node: Node) -> str:
        return f"{self.filename}:{node.start_mark.line + 1}"

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
                self.problems.append(Problem(self.where(key_node), f"keys must be text, not {key!r}"))
                continue
            if key in result:
                self.problems.append(Problem(self.where(key_node), f"key {key!r} is given twice"))
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
            self.problems.append(Problem(self.where(node), f"a number of {len(node.value)} characters is not one a criterion set needs"))
            return None
        if kind == "float":
            try:
                value = Decimal(node.value.replace("_", ""))
            except InvalidOperation:
                value = Decimal("NaN")
            if not plausible(value):
                self.problems.append(Problem(self.where(node), f"{node.value!r} is not a finite number of a plausible size"))
                return None
            return value
        if kind in ("int", "bool", "null"):
            return self.scalars.construct_object(node)
        return unicodedata.normalize("NFC", node.value)

    def _bad_tag(self, node: Node) -> None:
        self.problems.append(Problem(self.where(node), f"YAML tag {node.tag!r} is not allowed in a criterion set"))
        return None
