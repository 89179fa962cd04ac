"""Remediation playbooks: per code (or pattern such as `3.4.*`) the remedy, lead agency,
supporting agencies, deadline and note that a province writes in its appendix.
(parcalc.read.playbook_file reads them from YAML.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Mapping

SCHEMA_VERSION = 1
ACTION_FIELDS = ("remedy", "lead", "support", "deadline", "note")
PLACEHOLDERS = ("year", "next_year", "lost", "max", "points", "code", "name")


@dataclass(frozen=True)
class Action:
    """What a playbook says for a code; empty fields fall through to the next source."""

    remedy: str | None = None
    lead: str | None = None
    support: str | None = None
    deadline: str | None = None
    note: str | None = None
    effort: Decimal | None = None
    max_recovery: "Ceiling | None" = None  # what a plan may count on winning back this year


@dataclass(frozen=True)
class Ceiling:
    """At most `points` of a loss, or at most `share` of it (50 % is 0.5): a province's
    judgement of what is realistic for a criterion this year."""

    points: Decimal | None = None
    share: Decimal | None = None

    def limit(self, lost: Decimal) -> Decimal:
        if self.share is not None:
            return lost * self.share
        assert self.points is not None
        return min(lost, self.points)

    def __str__(self) -> str:
        return f"{(self.share * 100).normalize():f}%" if self.share is not None else f"{self.points}"


@dataclass(frozen=True)
class Playbook:
    rules: Mapping[str, Action]
    defaults: Action = field(default_factory=Action)
    fallback: Action = field(default_factory=Action)
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
        return self._first("effort", codes)

    def ceilings(self, codes: Iterable[str]) -> dict[str, Ceiling]:
        """The `max_recovery` of each code that has one, found as efforts are."""
        return self._first("max_recovery", codes)

    def _first(self, name: str, codes: Iterable[str]) -> dict:
        found = {}
        for code in codes:
            for spec in (*self._matching(code), self.fallback, self.defaults):
                if getattr(spec, name) is not None:
                    found[code] = getattr(spec, name)
                    break
        return found

    def _matching(self, code: str) -> list[Action]:
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
