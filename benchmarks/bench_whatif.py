"""What-if speed (issue #4): 10,000 scenario evaluations on one province, in-process,
against the wall time of one `parcalc score` run on the same workbook.
Goal: ratio <= 2.0. The workbook is read and scored once, outside the timing.

    python benchmarks/bench_whatif.py [--scenarios 10000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
from decimal import Decimal

from bench_score import EXAMPLE, parcalc_command, wall_time

from parcalc import api
from parcalc.analysis.whatif import Override, Scenario, WhatIf

GOAL = 2.0


def scenarios(whatif: WhatIf, count: int) -> list[Scenario]:
    """Full recoveries, half recoveries and pairs of them, cycling over what lost points."""
    recoverable = whatif.recoverable()
    made = []
    for number in range(count):
        code, lost = recoverable[number % len(recoverable)]
        other, _ = recoverable[(number * 7 + 3) % len(recoverable)]
        maximum = whatif.baseline.node(code).max
        overrides = [Override(code, points=maximum - lost / (1 + number % 3))]
        if number % 2 and other != code:
            overrides.append(Override(other, points=whatif.baseline.node(other).max))
        made.append(Scenario(f"s{number}", tuple(overrides)))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    options = parser.parse_args()
    whatif = WhatIf(api.score_workbook(EXAMPLE, "province-2020", assume_full=True))
    batch = scenarios(whatif, options.scenarios)
    command = parcalc_command("score", str(EXAMPLE), "--criteria", "province-2020", "--assume-full", "--format", "json")
    wall_time(command)  # warm
    evaluations, runs = [], []
    for _ in range(options.rounds):
        start = time.perf_counter()
        outcomes = whatif.evaluate_all(batch)
        evaluations.append(time.perf_counter() - start)
        runs.append(wall_time(command))
    assert whatif.baseline.total_points == Decimal("83.93") and len(outcomes) == options.scenarios
    ratio = statistics.median(evaluations) / statistics.median(runs)
    print(f"{options.scenarios} scenario evaluations: median {statistics.median(evaluations) * 1000:.1f} ms; "
          f"one parcalc score run: {statistics.median(runs) * 1000:.1f} ms; ratio {ratio:.2f}")
    print(f"goal: ratio <= {GOAL:.1f}: {'met' if ratio <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
