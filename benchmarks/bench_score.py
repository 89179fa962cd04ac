"""Start-up benchmark for `parcalc score` (issue #2).

Times `parcalc score` on the bundled Lâm Đồng example against merely importing the
libraries parcalc is built on, `python -c "import typer, pydantic, yaml, openpyxl, rich"`,
in the same run. Runs are interleaved (baseline, parcalc, baseline, ...) so that load on
this shared machine hits both alike; the ratio of the medians is the figure to quote.
Goal: ratio <= 1.0, i.e. parcalc loads only what the command needs.

    python benchmarks/bench_score.py [--rounds 21]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "lam-dong-2020.xlsx"
BASELINE = [sys.executable, "-c", "import typer, pydantic, yaml, openpyxl, rich"]
GOAL = 1.0
# A typer command that does nothing, with score's parameters: what typer itself costs per
# run (typer >= 0.2x builds a pydantic TypeAdapter for every parameter on each call,
# which the baseline's lazy `import pydantic` never pays).
TYPER_FLOOR = """
import typer
from pathlib import Path
from typing import Annotated, Optional
app = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)
@app.command()
def score(workbook: Path, criteria: Optional[str] = None, sheet: Optional[str] = None,
          assume_full: bool = False, fmt: str = "table", lang: str = "vi",
          fail_under: Optional[float] = None, output: Optional[Path] = None, force: bool = False) -> None:
    pass
app()
"""


def parcalc_command(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("parcalc")
    found = str(script) if script.exists() else shutil.which("parcalc")
    return [found, *args] if found else [sys.executable, "-m", "parcalc", *args]


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def compare(label: str, command: list[str], rounds: int, baseline: list[str] = BASELINE) -> float:
    """Median wall time of `command` over that of `baseline`, runs interleaved."""
    wall_time(baseline), wall_time(command)  # warm the caches and .pyc files
    base, ours = [], []
    for _ in range(rounds):
        base.append(wall_time(baseline))
        ours.append(wall_time(command))
    ratio = statistics.median(ours) / statistics.median(base)
    print(f"{label:<34} median {statistics.median(ours) * 1000:6.1f} ms   "
          f"baseline {statistics.median(base) * 1000:6.1f} ms   ratio {ratio:.2f}")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    rounds = parser.parse_args().rounds
    example = str(EXAMPLE)
    print(f"baseline: {' '.join(BASELINE[1:])!s}  ({rounds} interleaved rounds)")
    ratio = compare("score --criteria (table)", parcalc_command("score", example, "--criteria", "province-2020", "--assume-full"), rounds)
    compare("score --criteria --format json", parcalc_command("score", example, "--criteria", "province-2020", "--assume-full", "--format", "json"), rounds)
    compare("score (workbook's own tree, json)", parcalc_command("score", example, "--format", "json"), rounds)
    compare("--help", parcalc_command("--help"), rounds)
    compare("typer floor (no-op, same parameters)", [sys.executable, "-c", TYPER_FLOOR, example, "--criteria", "x"], rounds)
    verdict = "met" if ratio <= GOAL else "NOT met"
    print(f"goal: score ratio <= {GOAL:.1f}: {verdict} ({ratio:.2f})")


if __name__ == "__main__":
    main()
