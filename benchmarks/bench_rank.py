"""Scale benchmark for `parcalc rank` (issue #5).

Generates (once, cached in the system temp folder) a wide workbook of UNITS units x 100
sub-criteria (10 fields of 10) and its criterion set, then times, interleaved, REPEAT
times each:
- `parcalc rank` on it (JSON to /dev/null),
- merely reading it with python-calamine,
- reading it with openpyxl in read-only mode,
and prints the medians, both ratios (the first also per round: this shared machine is
noisy) and the peak memory of each. Goals: rank <= 1.5 x calamine; openpyxl read-only
>= 4 x rank. Measure an installed copy (`pip install .`): an editable one run with
PYTHONDONTWRITEBYTECODE=1 compiles parcalc's modules on every start.

    python benchmarks/bench_rank.py [--units 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_score import parcalc_command

FIELDS, CRITERIA = 10, 10
READ_CALAMINE = ("import sys, python_calamine as c\n"
                 "rows = c.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()\n"
                 "print(sum(len(r) for r in rows))")
READ_OPENPYXL = ("import sys; from openpyxl import load_workbook\n"
                 "book = load_workbook(sys.argv[1], read_only=True)\n"
                 "print(sum(len(r) for r in book.active.iter_rows(values_only=True)))")
MEASURE = ("import resource, subprocess, sys, time\n"
           "start = time.perf_counter()\n"
           "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
           "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def generate(units: int) -> tuple[Path, Path]:
    folder = Path(tempfile.gettempdir()) / f"parcalc-bench-rank-{units}"
    workbook, criteria = folder / "units.xlsx", folder / "set.yaml"
    if workbook.exists() and criteria.exists():
        return workbook, criteria
    folder.mkdir(exist_ok=True)
    write_set(criteria)
    write_wide(workbook, [f"Unit {u:05d}" for u in range(units)])
    return workbook, criteria


def write_set(path: Path) -> None:
    """The criterion set of the generated workbooks: FIELDS fields of 10 points, each of
    CRITERIA sub-criteria of 1 point."""
    lines = ["parcalc_criteria: 1", "id: bench", "title: generated benchmark set", "level: custom", "total: 100",
             "sources: [{id: bench, title: generated}]", "nodes:"]
    for field in range(1, FIELDS + 1):
        lines += [f'  - code: "{field}"', f"    name: Field {field}", "    max: 10", "    source: bench", "    children:"]
        lines += [f'      - {{code: "{field}.{c}", name: "Criterion {field}.{c}", max: 1, source: bench}}' for c in range(1, CRITERIA + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def points(unit: int, field: int, criterion: int, shift: int = 0) -> float:
    """A unit's points for a sub-criterion, 0 to 1 in hundredths (`shift`: another year)."""
    return ((unit * 31 + field * 7 + criterion * 3 + shift) % 101) / 100


def write_wide(path: Path, units: list[str], field_rows: bool = False, shift: int = 0) -> None:
    """A wide sheet written with openpyxl: a code column, the standard points and one
    column per unit. `field_rows`: as real sheets are, with a title row, a name column
    and a row per field that gives its standard points and leaves the units' cells blank."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Units")
    if field_rows:
        sheet.append(["BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"])
        sheet.append(["STT", "Tiêu chí", "Điểm chuẩn", *units])
    else:
        sheet.append(["STT", "Điểm chuẩn", *units])
    for field in range(1, FIELDS + 1):
        if field_rows:
            sheet.append([str(field), f"Lĩnh vực {field}", 10])
        for c in range(1, CRITERIA + 1):
            named = [f"{field}.{c}", f"Tiêu chí {field}.{c}"] if field_rows else [f"{field}.{c}"]
            sheet.append([*named, 1, *(points(u, field, c, shift) for u in range(len(units)))])
    book.save(path)


def measure(command: list[str]) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    seconds, kib = out.stdout.split()
    return float(seconds), int(kib)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    started = time.perf_counter()
    workbook, criteria = generate(options.units)
    print(f"{options.units} units x {FIELDS * CRITERIA} sub-criteria: {workbook} ({workbook.stat().st_size // 1024} KiB, ready in {time.perf_counter() - started:.1f} s)")
    commands = {
        "parcalc rank": parcalc_command("rank", str(workbook), "--criteria", str(criteria), "--format", "json"),
        "calamine read": [sys.executable, "-c", READ_CALAMINE, str(workbook)],
        "openpyxl read-only": [sys.executable, "-c", READ_OPENPYXL, str(workbook)],
    }
    runs: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(options.repeat):  # interleaved, so that a slow spell of a shared machine hits all three
        for name, command in commands.items():
            runs[name].append(measure(command))
    seconds = {name: statistics.median(s for s, _ in found) for name, found in runs.items()}
    peak = {name: max(kib for _, kib in found) / 1024 for name, found in runs.items()}
    print(f"medians of {options.repeat} runs each:")
    for name in commands:
        print(f"  {name + ':':21} {seconds[name]:6.2f} s   peak {peak[name]:7.1f} MiB")
    print(f"rank / calamine read      = {seconds['parcalc rank'] / seconds['calamine read']:.2f} (goal <= 1.5)")
    # each round ran the two back to back: how far a shared machine's slow spells move the ratio
    rounds = sorted(rank[0] / read[0] for rank, read in zip(runs["parcalc rank"], runs["calamine read"]))
    print(f"  the same ratio in each round: {rounds[0]:.2f} to {rounds[-1]:.2f}")
    print(f"openpyxl read-only / rank = {seconds['openpyxl read-only'] / seconds['parcalc rank']:.2f} (goal >= 4)")


if __name__ == "__main__":
    main()
