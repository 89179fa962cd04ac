"""Scenario files: named lists of overrides, each with a description.

    parcalc_scenarios: 1
    scenarios:
      - name: Mọi hồ sơ đúng hạn
        description: Every dossier settled on time
        set: {"3.4.1": "value:1", "3.4.2": 1.5}
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Union

from pydantic import BaseModel, ConfigDict, ValidationError

from . import yamlsafe
from ..core.errors import Problem, UsageError
from ..core.messages import Msg, Place
from .textfile import read_text
from ..analysis.whatif import Override, Scenario


class _ScenarioSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    set: dict[str, Union[Decimal, str]]


class _FileSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    parcalc_scenarios: int
    scenarios: list[_ScenarioSpec]


def load_scenarios(path: Path) -> list[Scenario]:
    shown = str(path)
    text = read_text(path, Msg("a scenario file (.yaml)"), UsageError)
    data, lines = yamlsafe.load(text, shown)
    if not isinstance(data, dict) or "parcalc_scenarios" not in data:
        raise UsageError.at(Place(shown, line=1), "is not a parcalc scenario file: it must start with `parcalc_scenarios: 1`")
    try:
        spec = _FileSpec.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(part for part in error["loc"] if part not in ("decimal", "str"))
            line = yamlsafe.line_of(lines, loc)
            if error["type"] == "extra_forbidden":
                message = Msg("unknown key {key!r}: check its spelling", key=loc[-1])
            else:
                message = yamlsafe.schema_message(error, ".".join(map(str, loc)))
            problems.append(Problem(Place(shown, line=line) if line else Place(shown), message))
        raise UsageError(*problems) from None
    scenarios, problems = [], []
    for position, scenario in enumerate(spec.scenarios):
        overrides = []
        for code, amount in scenario.set.items():
            where = Place(shown, line=yamlsafe.line_of(lines, ("scenarios", position, "set", code)))
            try:
                overrides.append(Override.parse(f"{code}={amount}", where))
            except UsageError as exc:
                problems.extend(exc.problems)
        scenarios.append(Scenario(scenario.name, tuple(overrides), scenario.description))
    if problems:
        raise UsageError(*problems)
    return scenarios
