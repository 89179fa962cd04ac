"""Read a remediation playbook (YAML) and check its codes against a criterion set."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..analysis.playbook import ACTION_FIELDS, SCHEMA_VERSION, Action, Ceiling, Playbook
from ..core import codes
from ..core.errors import CriteriaError, Problem
from ..core.messages import Msg, Place
from ..core.model import CriterionSet
from ..core.numbers import HUNDRED, parse_typed
from . import yamlsafe
from .textfile import read_text


class ActionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    remedy: Optional[str] = None
    lead: Optional[str] = None
    support: Optional[str] = None
    deadline: Optional[str] = None
    note: Optional[str] = None
    effort: Optional[Decimal] = None
    max_recovery: Optional[Ceiling] = None

    @field_validator("max_recovery", mode="before")
    @classmethod
    def _ceiling(cls, value: object) -> Ceiling | None:
        """`0.5` (points) or `"50%"` (a share of the loss); a decimal comma is read too."""
        if value is None or isinstance(value, Ceiling):
            return value
        text = str(value).strip()
        if text.endswith("%"):
            share = parse_typed(text[:-1], Decimal(0), HUNDRED) / HUNDRED
            return Ceiling(share=share)
        return Ceiling(points=parse_typed(text, Decimal(0), Decimal(1000)))


class PlaybookSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    parcalc_playbook: int
    criteria: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None
    defaults: ActionSpec = ActionSpec()
    rules: dict[str, ActionSpec] = {}
    fallback: ActionSpec = ActionSpec()


def load_playbook(path: Path, criteria: CriterionSet | None = None) -> Playbook:
    """Read and check a playbook; codes that are not patterns must be in `criteria`."""
    shown = str(path)
    text = read_text(path, Msg("a playbook (.yaml)"), CriteriaError)
    data, lines = yamlsafe.load(text, shown)
    if not isinstance(data, dict) or "parcalc_playbook" not in data:
        raise CriteriaError.at(Place(shown, line=1), "is not a parcalc playbook: it must start with `parcalc_playbook: {version}`",
                               version=SCHEMA_VERSION)
    try:
        spec = PlaybookSpec.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            line = yamlsafe.line_of(lines, error["loc"])
            where = Place(shown, line=line) if line else Place(shown)
            if error["type"] == "extra_forbidden":
                problems.append(Problem(where, Msg("unknown key {key!r}: playbook entries take {fields}, effort and max_recovery",
                                                   key=error["loc"][-1], fields=", ".join(ACTION_FIELDS))))
            else:
                problems.append(Problem(where, yamlsafe.schema_message(error, ".".join(map(str, error["loc"])))))
        raise CriteriaError(*problems) from None
    problems = []
    entries = {("defaults",): spec.defaults, ("fallback",): spec.fallback, **{("rules", key): rule for key, rule in spec.rules.items()}}
    for entry, action in sorted(entries.items(), key=lambda item: yamlsafe.line_of(lines, item[0]) or 0):  # in file order
        if action.effort is not None and action.effort <= 0:  # a free or negative cost would make "least effort" meaningless
            problems.append(Problem(Place(shown, line=yamlsafe.line_of(lines, (*entry, "effort"))),
                                    Msg("effort {effort} is not a cost: give a number above 0 (such as 1 or 2.5); "
                                        "max_recovery: 0 keeps a criterion out of plans", effort=action.effort)))
    known = criteria.by_code() if criteria is not None else None  # without a set, codes are not checked
    for key in spec.rules:
        where = Place(shown, line=yamlsafe.line_of(lines, ("rules", key)))
        if key.endswith("*"):
            prefix = key[:-1].rstrip(".")
            if prefix and codes.normalize_code(prefix) != prefix:
                problems.append(Problem(where, Msg("pattern {pattern!r} is not a code followed by .* (such as 3.4.*)", pattern=key)))
        elif codes.normalize_code(key) != key:
            problems.append(Problem(where, Msg("{code!r} is not a criterion code such as 3.4.1", code=key)))
        elif known is not None and key not in known:
            problems.append(Problem(where, Msg("code {code} is not in criterion set {set}", code=key, set=criteria.id)))
    if problems:
        raise CriteriaError(*problems)
    return Playbook(rules={key: _action(rule) for key, rule in spec.rules.items()}, defaults=_action(spec.defaults),
                    fallback=_action(spec.fallback), criteria=spec.criteria, origin=shown)


def _action(spec: ActionSpec) -> Action:
    return Action(**{name: getattr(spec, name) for name in ActionSpec.model_fields})
