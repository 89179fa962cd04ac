"""Which recoveries buy the most: the top losses, the cheapest plan that reaches a target
index, and how many rank places each recovery buys."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Mapping, cast

from ..core.numbers import HUNDRED
from .playbook import Ceiling
from .whatif import Outcome, Override, Scenario, WhatIf

_STEP = Decimal("0.001")  # points are planned in thousandths, as MoHA prints 0,996
DEFAULT_EFFORT = Decimal(1)  # the effort of a candidate the playbook gives none, when others have one


@dataclass(frozen=True)
class Recovery:
    code: str
    lost: Decimal
    effort: Decimal | None = None
    outcome: Outcome | None = None  # the index with this recovery alone
    gain: Decimal | None = None  # the points a plan counts on winning back (all that was lost, unless capped)
    limited_by: str | None = None  # what capped the gain: "playbook 3.4.* (50%)" or "--max-recovery 50%"

    @property
    def planned(self) -> Decimal:
        return self.lost if self.gain is None else self.gain

    @property
    def per_effort(self) -> Decimal | None:
        return None if not self.effort else self.lost / self.effort


@dataclass(frozen=True)
class Plan:
    target_index: Decimal
    reached: bool
    recoveries: tuple[Recovery, ...]
    outcome: Outcome
    by_effort: bool
    excluded_kinds: tuple[str, ...] = ()  # kinds of criteria a plan cannot count on (survey results)
    share: Decimal = Decimal(1)  # the part of each loss a plan counts on winning back


def top(whatif: WhatIf, count: int, efforts: Mapping[str, Decimal] | None = None) -> list[Recovery]:
    efforts = efforts or {}
    return [
        Recovery(code, lost, efforts.get(code), whatif.evaluate(whatif.full_recovery(code)))
        for code, lost in whatif.recoverable()[:count]
    ]


def needed_points(whatif: WhatIf, target_index: Decimal) -> Decimal:
    """Points to add so that the published (rounded half up) index reaches the target."""
    result = whatif.baseline
    return (target_index - Decimal("0.005")) * result.total_max / HUNDRED - result.total_points


def plan(whatif: WhatIf, target_index: Decimal, efforts: Mapping[str, Decimal] | None = None, *,
         exclude_kinds: tuple[str, ...] = (), share: Decimal = Decimal(1),
         ceilings: Mapping[str, Ceiling] | None = None) -> Plan:
    """The fewest recoveries (or, when any candidate has an effort, the least total effort,
    a candidate without one counting as effort 1) that reach `target_index`; everything
    recoverable when it cannot be reached.
    Criteria of `exclude_kinds` are never planned (a survey's result is not decided by a
    province); each recovery counts on `share` of what was lost (1: all of it), and on no
    more than its ceiling (a playbook's `max_recovery`) where it has one."""
    needed = needed_points(whatif, target_index)
    candidates = [_candidate(code, lost, (efforts or {}).get(code), share, (ceilings or {}).get(code))
                  for code, lost in whatif.recoverable() if whatif.kind(code) not in exclude_kinds]
    candidates = [c for c in candidates if c.planned > 0]
    by_effort = any(c.effort is not None for c in candidates)
    if by_effort:  # a candidate the playbook gives no effort counts as effort 1, the unit of a relative cost
        candidates = [c if c.effort is not None else replace(c, effort=DEFAULT_EFFORT) for c in candidates]
    if needed <= 0:
        chosen: list[Recovery] = []
    elif sum((c.planned for c in candidates), Decimal(0)) < needed:
        chosen = candidates
    elif by_effort:
        chosen = _least_effort(candidates, needed)
    else:
        chosen = []
        for candidate in sorted(candidates, key=lambda c: -c.planned):  # largest gains first: the fewest items (stable)
            chosen.append(candidate)
            if sum((c.planned for c in chosen), Decimal(0)) >= needed:
                break
    overrides = tuple(Override(c.code, points=whatif.recovered_points(c.code, c.planned)) for c in chosen)
    outcome = whatif.evaluate(Scenario(f"plan {target_index}", overrides))
    return Plan(target_index, outcome.index >= target_index, tuple(chosen), outcome, by_effort, exclude_kinds, share)


def _candidate(code: str, lost: Decimal, effort: Decimal | None, share: Decimal, ceiling: Ceiling | None) -> Recovery:
    """A recovery counting on the least of: what was lost, `share` of it, its ceiling;
    in thousandths rounded down, as a plan never counts on more."""
    gain, limited_by = lost, None
    if share < 1:
        gain, limited_by = lost * share, f"--max-recovery {(share * HUNDRED).normalize():f}%"
    if ceiling is not None and ceiling.limit(lost) < gain:
        gain, limited_by = ceiling.limit(lost), f"playbook max_recovery {ceiling}"
    if gain < lost:
        gain = gain.quantize(_STEP, rounding="ROUND_DOWN")
    return Recovery(code, lost, effort, gain=gain, limited_by=limited_by)


def _least_effort(candidates: list[Recovery], needed: Decimal) -> list[Recovery]:
    """0/1 covering knapsack by dynamic programming over points in thousandths, capped at
    what is needed: state -> (least effort, the items)."""
    goal = int((needed / _STEP).to_integral_value(rounding="ROUND_CEILING"))
    best: dict[int, tuple[Decimal, tuple[int, ...]]] = {0: (Decimal(0), ())}
    for position, candidate in enumerate(candidates):
        gain = int(candidate.planned / _STEP)
        for reached, (effort, items) in list(best.items()):
            state = min(goal, reached + gain)
            cost = effort + cast(Decimal, candidate.effort)  # plan() gives every candidate an effort
            if state not in best or (cost, len(items) + 1) < (best[state][0], len(best[state][1])):
                best[state] = (cost, items + (position,))
    return [candidates[position] for position in best[goal][1]]


def sensitivity(whatif: WhatIf, baseline_rank: int, rank_of) -> list[tuple[Recovery, int]]:
    """For each sub-criterion that lost points: its full recovery and the rank places it buys."""
    out = []
    for code, lost in whatif.recoverable():
        outcome = whatif.evaluate(whatif.full_recovery(code))
        out.append((Recovery(code, lost, None, outcome), baseline_rank - rank_of(outcome.index)))
    return out
