"""Everything `parcalc whatif` reports, gathered once for every output format."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Mapping, Sequence

from ..core import codes
from ..core.messages import Msg, short_list
from . import planning
from .playbook import Ceiling
from .peers import Peer, index_for_rank, rank_among
from .whatif import Outcome, Scenario, WhatIf


@dataclass(frozen=True)
class WhatIfReport:
    whatif: WhatIf
    baseline: Outcome
    outcomes: tuple[Outcome, ...]
    peers: tuple[Peer, ...] = ()
    top: tuple[planning.Recovery, ...] = ()
    plan: planning.Plan | None = None
    target_rank: int | None = None
    sensitivity: tuple[tuple[planning.Recovery, int], ...] = ()
    notes: tuple[Msg, ...] = field(default_factory=tuple)

    def rank(self, outcome: Outcome) -> int | None:
        return rank_among(outcome.index, list(self.peers)) if self.peers else None


def build_report(
    whatif: WhatIf,
    scenarios: Sequence[Scenario],
    *,
    peers: Sequence[Peer] = (),
    top: int | None = None,
    target_index: Decimal | None = None,
    target_rank: int | None = None,
    efforts: Mapping[str, Decimal] | None = None,
    exclude_kinds: tuple[str, ...] = ("survey",),
    share: Decimal = Decimal(1),
    ceilings: Mapping[str, Ceiling] | None = None,
) -> WhatIfReport:
    notes: list[Msg] = []
    if target_index is not None or target_rank is not None:
        left_out = [code for code, _ in whatif.recoverable() if whatif.kind(code) in exclude_kinds]
        if left_out:
            notes.append(Msg("the plan leaves out {codes} ({kinds}): a province cannot raise a survey's result by decision "
                             "(--exclude-kind none plans them too)", codes=", ".join(left_out), kinds=", ".join(exclude_kinds)))
        if share < 1:
            notes.append(Msg("the plan counts on winning back {percent}% of each loss (--max-recovery)", percent=Decimal(f"{(share * 100).normalize():f}")))
        capped = sorted((code for code in ceilings or {} if whatif.kind(code) not in exclude_kinds), key=codes.sort_key)
        kept_out = [code for code in capped if not ceilings[code].limit(Decimal(1))]  # type: ignore[index]
        partly = [code for code in capped if code not in kept_out]
        if partly:
            notes.append(Msg("the plan counts on no more than the playbook's max_recovery for {codes}", codes=short_list(partly)))
        if kept_out:
            notes.append(Msg("the playbook's max_recovery 0 keeps {codes} out of the plan", codes=short_list(kept_out)))
        planned = [code for code, _ in whatif.recoverable() if whatif.kind(code) not in exclude_kinds and code not in kept_out]
        if efforts and any(code in efforts for code in planned):
            unpriced = sorted((code for code in planned if code not in efforts), key=codes.sort_key)
            if unpriced:
                notes.append(Msg("the playbook gives no effort for {codes}: the plan counts each as effort {effort}",
                                 codes=short_list(unpriced), effort=planning.DEFAULT_EFFORT))
    if target_rank is not None:
        needed = index_for_rank(target_rank, list(peers))
        if needed is None:
            notes.append(Msg("fewer than {rank} peers are listed: rank {rank} needs no recovery among them", rank=target_rank))
            needed = Decimal(0)
        target_index = max(target_index or Decimal(0), needed)
    baseline = whatif.baseline_outcome()
    baseline_rank = rank_among(baseline.index, list(peers)) if peers else None
    return WhatIfReport(
        whatif=whatif,
        baseline=baseline,
        outcomes=tuple(whatif.evaluate_all(scenarios)),
        peers=tuple(peers),
        top=tuple(planning.top(whatif, top, efforts)) if top else (),
        plan=planning.plan(whatif, target_index, efforts, exclude_kinds=exclude_kinds, share=share, ceilings=ceilings)
        if target_index is not None else None,
        target_rank=target_rank,
        sensitivity=tuple(planning.sensitivity(whatif, baseline_rank, lambda index: rank_among(index, list(peers))))
        if baseline_rank is not None else (),
        notes=tuple(notes),
    )

