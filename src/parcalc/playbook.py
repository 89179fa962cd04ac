"""Remediation playbooks: per code (or pattern such as `3.4.*`) the remedy, lead agency,
supporting agencies, deadline and note that a province writes in its appendix."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Mapping, Optional

from pydantic import BaseModel, ConfigDict, ValidationError

from . import codes, yamlsafe
from .errors import CriteriaError, Problem
from .model import CriterionSet
from .textfile import read_text

SCHEMA_VERSION = 1
ACTION_FIELDS = ("remedy", "lead", "support", "deadline", "note")
PLACEHOLDERS = ("year", "next_year", "lost", "max", "points", "code", "name")


class ActionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    remedy: Optional[str] = None
    lead: Optional[str] = None
    support: Optional[str] = None
    deadline: Optional[str] = None
    note: Optional[str] = None
    effort: Optional[Decimal] = None


class PlaybookSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    parcalc_playbook: int
    criteria: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None
    defaults: ActionSpec = ActionSpec()
    rules: dict[str, ActionSpec] = {}
    fallback: ActionSpec = ActionSpec()


@dataclass(frozen=True)
class Playbook:
    rules: Mapping[str, ActionSpec]
    defaults: ActionSpec = field(default_factory=ActionSpec)
    fallback: ActionSpec = field(default_factory=ActionSpec)
    criteria: str | None = None
    origin: str | None = None

    def actions_for(self, code: str, subtotal: bool = False) -> dict[str, str]:
        """Exact code first, then the longest matching pattern, then the fallback; each
        field falls through to the next source when empty, and last to the defaults.
        A subtotal row (listed for what lost points below it) takes only its exact rule,
        as published appendices leave those rows empty."""
        found: dict[str, str] = {}
        sources = ([self.rules[code]] if code in self.rules else []) if subtotal else [*self._matching(code), self.fallback, self.defaults]
        for spec in sources:
            for name in ACTION_FIELDS:
                value = getattr(spec, name)
                if value and name not in found:
                    found[name] = value
        return found

    def efforts(self, codes: Iterable[str]) -> dict[str, Decimal]:
        """The effort of each code that has one (exact, pattern, fallback, defaults)."""
        found = {}
        for code in codes:
            for spec in (*self._matching(code), self.fallback, self.defaults):
                if spec.effort is not None:
                    found[code] = spec.effort
                    break
        return found

    def _matching(self, code: str) -> list[ActionSpec]:
        exact = [self.rules[code]] if code in self.rules else []
        patterns = sorted(
            (key for key in self.rules if key.endswith("*") and _matches(key, code)),
            key=len,
            reverse=True,
        )
        return exact + [self.rules[key] for key in patterns]


def _matches(pattern: str, code: str) -> bool:
    prefix = pattern[:-1]  # "3.4.*" -> "3.4.", "*" -> ""
    return code.startswith(prefix) and code != prefix.rstrip(".")


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace {year}, {lost}, ... and leave any other braces as they are."""
    out = template
    for name in PLACEHOLDERS:
        out = out.replace("{" + name + "}", values.get(name, "{" + name + "}"))
    return out


def load_playbook(path: Path, criteria: CriterionSet | None = None) -> Playbook:
    """Read and check a playbook; codes that are not patterns must be in `criteria`."""
    shown = str(path)
    text = read_text(path, "a playbook (.yaml)", CriteriaError)
    data, lines = yamlsafe.load(text, shown)
    if not isinstance(data, dict) or "parcalc_playbook" not in data:
        raise CriteriaError.at(f"{shown}:1", f"is not a parcalc playbook: it must start with `parcalc_playbook: {SCHEMA_VERSION}`")
    try:
        spec = PlaybookSpec.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            line = yamlsafe.line_of(lines, error["loc"])
            where = f"{shown}:{line}" if line else shown
            if error["type"] == "extra_forbidden":
                problems.append(Problem(where, f"unknown key {error['loc'][-1]!r}: playbook entries take {', '.join(ACTION_FIELDS)} and effort"))
            else:
                problems.append(Problem(where, f"{'.'.join(map(str, error['loc']))}: {error['msg']}"))
        raise CriteriaError(*problems) from None
    problems = []
    known = criteria.by_code() if criteria is not None else None  # without a set, codes are not checked
    for key in spec.rules:
        where = f"{shown}:{yamlsafe.line_of(lines, ('rules', key))}"
        if key.endswith("*"):
            prefix = key[:-1].rstrip(".")
            if prefix and codes.normalize_code(prefix) != prefix:
                problems.append(Problem(where, f"pattern {key!r} is not a code followed by .* (such as 3.4.*)"))
        elif codes.normalize_code(key) != key:
            problems.append(Problem(where, f"{key!r} is not a criterion code such as 3.4.1"))
        elif known is not None and key not in known:
            problems.append(Problem(where, f"code {key} is not in criterion set {criteria.id}"))
    if problems:
        raise CriteriaError(*problems)
    return Playbook(rules=dict(spec.rules), defaults=spec.defaults, fallback=spec.fallback, criteria=spec.criteria, origin=shown)


def skeleton(criteria: CriterionSet) -> str:
    """A playbook with an empty entry for every node without children, to fill in."""
    q = yamlsafe.quote
    lines = [
        f"# Remediation playbook for {criteria.id}: fill in what your province will do when a",
        "# criterion loses points. Placeholders: {year} {next_year} {lost} {max} {points} {code} {name}.",
        "# Values in the workbook's own remediation columns win over these.",
        f"parcalc_playbook: {SCHEMA_VERSION}",
        f"criteria: {q(criteria.id)}",
        "defaults:",
        f"  deadline: {q('Trong năm {year} và các năm tiếp theo')}",
        "rules:",
    ]
    for node in criteria.walk():
        if node.children:
            continue
        lines.append(f"  # {node.name or '(chưa rõ tên)'}")
        lines.append(f"  {q(node.code)}:")
        for name in ("remedy", "lead", "support"):
            lines.append(f"    {name}: \"\"")
    lines += ["fallback:", "  remedy: \"\""]
    return "\n".join(lines) + "\n"
