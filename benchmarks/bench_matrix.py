"""Benchmark matrix for `parcalc rank` and `compare` (issue #13): every input shape,
output format and multi-unit command against a bare python-calamine read of the same
input and against the job an analyst would do with pandas.

Shapes (generated once, cached in the system temp folder, keyed by size):
  plain        the wide sheet of bench_rank.py: code rows only (openpyxl);
  fields       a wide sheet as real ones are: title row, name column, a row per field
               giving its standard points with the units' cells blank (openpyxl);
  libreoffice  `fields` saved again by LibreOffice (`soffice --headless --convert-to
               xlsx`); skipped, and said, when soffice is not installed;
  long         one row per unit and code, with a unit column (Đơn vị): --long-rows rows;
  sheets       one sheet per unit: --sheets sheets;
  files        one workbook per unit (as each commune sends its own): --sheets files;
  files apart  the same, each file wording one sub-criterion its own way, so that none
               is a byte-for-byte copy of another (parcalc.read.sheetunits reads such a
               row's words from the copy); openpyxl writes each name in the sheet itself;
  files apart libreoffice
               the same files saved again by LibreOffice, which keeps the names apart from
               the sheet (sharedStrings.xml), as Excel does.
Cases: plain, fields and libreoffice in each format (json, csv, md, xlsx, table), with
and without --criteria; long, sheets, files and files apart (json, --criteria); `compare` of two wide
workbooks of --units units (json); `rank` of 5 such workbooks at once (json).

Per case, --repeat interleaved rounds of: parcalc; a python-calamine read of every sheet
of its inputs; the pandas job (read_excel with engine="calamine", totals per unit, rank,
to_csv; the long layout grouped by unit, 500 sheets all read, compare two reads and a
difference). Medians of the times, the highest peak memory (ru_maxrss) of each, and the
goals: parcalc <= 1.5 x calamine (long and compare <= 2 x), <= 1.0 x pandas, peak
<= 2 x calamine's (which holds one workbook at a time, also of 5). One markdown row per
case, printed as it ends.

Measure an installed copy (an editable one run with PYTHONDONTWRITEBYTECODE=1 compiles
parcalc's modules on every start); parcalc is the console script of the venv that runs
this script:

    python3 -m venv /tmp/b && /tmp/b/bin/pip install ".[bench]" && /tmp/b/bin/python benchmarks/bench_matrix.py
    /tmp/b/bin/python benchmarks/bench_matrix.py --units 300 --repeat 1      # a quick check
    /tmp/b/bin/python benchmarks/bench_matrix.py --only fields --only compare  # some cases
    /tmp/b/bin/python benchmarks/bench_matrix.py --against /tmp/old/bin/parcalc  # beside an older commit's
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from bench_rank import CRITERIA, FIELDS, generate, measure, points, write_set, write_wide
from bench_score import parcalc_command

FORMATS = ("json", "csv", "md", "xlsx", "table")
WORKBOOKS_AT_ONCE = 5
CODES = FIELDS * CRITERIA
# goals of issue 13: parcalc / calamine read, by case kind; parcalc / pandas; peak / calamine's
CALAMINE_GOAL, SLOW_LAYOUT_GOAL, PANDAS_GOAL, PEAK_GOAL = 1.5, 2.0, 1.0, 2.0

# Every sheet of every workbook given, one workbook held at a time.
READ_CALAMINE = """import sys, python_calamine as c
cells = 0
for path in sys.argv[1:]:
    book = c.CalamineWorkbook.from_path(path)
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python()
        cells += sum(map(len, rows))
        del rows
    del book
print(cells)
"""
# The analyst's job: read, total per unit, rank, write CSV. argv: mode, header row, paths.
PANDAS_JOB = """import os, sys, pandas as pd
mode, header, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def units(path):  # a wide sheet's unit columns: those right of the standard points
    frame = pd.read_excel(path, engine="calamine", header=header)
    return frame.iloc[:, list(frame.columns).index("Điểm chuẩn") + 1:]
if mode == "wide":
    totals = pd.concat([units(path).sum() for path in paths])
elif mode == "compare":
    old, new = (units(path) for path in paths)
    totals = (new - old).sum()
elif mode == "long":
    frame = pd.read_excel(paths[0], engine="calamine", header=header)
    totals = frame.groupby("Đơn vị", sort=False)["Điểm thẩm định"].sum()
elif mode == "files":  # one unit per workbook, named after its file
    totals = pd.Series({os.path.basename(path)[:-5]: pd.read_excel(path, engine="calamine", header=header)["Điểm thẩm định"].sum()
                        for path in paths})
else:  # sheets
    frames = pd.read_excel(paths[0], engine="calamine", header=header, sheet_name=None)
    totals = pd.Series({name: frame["Điểm thẩm định"].sum() for name, frame in frames.items()})
table = pd.DataFrame({"total": totals, "rank": totals.rank(ascending=False, method="min")}).sort_values("rank")
table.to_csv(os.devnull)
"""


@dataclass(frozen=True)
class Shape:
    name: str  # as the cases are named
    inputs: Callable[[], tuple[Path, ...]]  # the workbooks, generated at the first call
    pandas_mode: str  # wide, long, sheets, files or compare
    header_row: int  # 0-based, for pandas


@dataclass(frozen=True)
class Case:
    name: str
    shape: Shape
    command: str  # rank or compare, given the shape's inputs
    options: tuple[str, ...]
    calamine_goal: float


def cached(path: Path, write: Callable[[Path], None]) -> Path:
    """`path`, written by `write` unless an earlier run left it (written under another
    name first, so that an interrupted run leaves nothing half-written behind)."""
    if not path.exists():
        started = time.perf_counter()
        part = path.with_name("part-" + path.name)
        write(part)
        part.replace(path)
        print(f"  generated {path.name} ({path.stat().st_size // 1024} KiB) in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def unit_names(count: int, prefix: str = "Xã") -> list[str]:
    return [f"{prefix} {u:05d}" for u in range(count)]


def write_long(path: Path, units: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Điểm")
    sheet.append(["Đơn vị", "STT", "Điểm chuẩn", "Điểm thẩm định"])
    for unit, name in enumerate(unit_names(units)):
        for field in range(1, FIELDS + 1):
            for c in range(1, CRITERIA + 1):
                sheet.append([name, f"{field}.{c}", 1, points(unit, field, c)])
    book.save(path)


def write_sheets(path: Path, sheets: int) -> None:
    """One sheet per unit, laid out as a single unit's workbook (field rows included)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for unit, name in enumerate(unit_names(sheets)):
        _unit_table(book.create_sheet(name), unit)
    book.save(path)


def write_unit_files(folder: Path, files: int, apart: bool = False) -> None:
    """One workbook per unit, as each commune sends its own: the sheets of write_sheets,
    each in a file named after its unit. `apart`: each file words one sub-criterion its
    own way (a clerk's edit), so that no file is a copy of another's template."""
    from openpyxl import Workbook

    folder.mkdir(exist_ok=True)  # an interrupted run's files are written again
    for unit, name in enumerate(unit_names(files)):
        book = Workbook(write_only=True)
        _unit_table(book.create_sheet("Chấm điểm"), unit, edited=unit % CODES if apart else None)
        book.save(folder / f"{name}.xlsx")


def _unit_table(sheet, unit: int, edited: int | None = None) -> None:
    """`edited`: the index of the sub-criterion whose name is worded otherwise."""
    sheet.append(["STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"])
    for field in range(1, FIELDS + 1):
        sheet.append([str(field), f"Lĩnh vực {field}", 10])
        for c in range(1, CRITERIA + 1):
            reworded = " (đã sửa)" if (field - 1) * CRITERIA + c - 1 == edited else ""
            sheet.append([f"{field}.{c}", f"Tiêu chí {field}.{c}{reworded}", 1, points(unit, field, c)])


def save_through_libreoffice(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        profile = Path(out) / "profile"  # its own profile: another soffice running does not take the job
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "xlsx",
                        "--outdir", out, str(source)], check=True, capture_output=True, timeout=3600)
        shutil.move(Path(out) / source.name, target)


def save_folder_through_libreoffice(source: Path, target: Path) -> None:
    """Every workbook of `source` saved again by LibreOffice into the folder `target`, 50
    to a run of soffice (one run of 500 left half of them unsaved, and said nothing)."""
    files = sorted(source.glob("*.xlsx"))
    with tempfile.TemporaryDirectory() as out:
        profile = Path(out) / "profile"
        for start in range(0, len(files), 50):
            subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "xlsx",
                            "--outdir", str(target), *map(str, files[start:start + 50])], check=True, capture_output=True, timeout=3600)
    missing = [path.name for path in files if not (target / path.name).exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not save {len(missing)} of {len(files)} files, {missing[0]} the first")


def shapes(folder: Path, units: int, long_units: int, sheets: int) -> dict[str, Shape]:
    """The inputs, by shape name, each cached under a name that holds its size."""
    names = unit_names(units)

    def fields() -> Path:
        return cached(folder / f"fields-{units}.xlsx", lambda p: write_wide(p, names, field_rows=True))

    def others() -> list[Path]:  # units named apart: one ranking of them all
        return [cached(folder / f"fields-book{b}-{units}.xlsx", lambda p, b=b: write_wide(p, unit_names(units, f"Xã B{b}"), field_rows=True))
                for b in range(2, WORKBOOKS_AT_ONCE + 1)]

    def apart() -> Path:
        return cached(folder / f"files-apart-{sheets}", lambda p: write_unit_files(p, sheets, apart=True))

    rows = long_units * CODES
    found = {
        "plain": Shape("plain", lambda: (generate(units)[0],), "wide", 0),  # bench_rank.py's workbook
        "fields": Shape("fields", lambda: (fields(),), "wide", 1),
        "libreoffice": Shape("libreoffice", lambda: (cached(folder / f"libreoffice-{units}.xlsx", lambda p: save_through_libreoffice(fields(), p)),), "wide", 1),
        "long": Shape(f"long {rows} rows", lambda: (cached(folder / f"long-{rows}.xlsx", lambda p: write_long(p, long_units)),), "long", 0),
        "sheets": Shape(f"sheets {sheets}", lambda: (cached(folder / f"sheets-{sheets}.xlsx", lambda p: write_sheets(p, sheets)),), "sheets", 0),
        "files": Shape(f"{sheets} one-unit files", lambda: tuple(sorted(cached(folder / f"files-{sheets}", lambda p: write_unit_files(p, sheets)).glob("*.xlsx"))),
                       "files", 0),
        "files apart": Shape(f"{sheets} one-unit files worded apart", lambda: tuple(sorted(apart().glob("*.xlsx"))), "files", 0),
        "files apart libreoffice": Shape(f"{sheets} one-unit files worded apart, saved by LibreOffice", lambda: tuple(sorted(
            cached(folder / f"files-apart-libreoffice-{sheets}", lambda p: save_folder_through_libreoffice(apart(), p)).glob("*.xlsx"))), "files", 0),
        "compare": Shape("compare", lambda: (fields(), cached(folder / f"fields-next-year-{units}.xlsx",
                                                              lambda p: write_wide(p, names, field_rows=True, shift=1))), "compare", 1),
        "workbooks": Shape(f"rank {WORKBOOKS_AT_ONCE} workbooks", lambda: (fields(), *others()), "wide", 1),
    }
    if not shutil.which("soffice"):
        print("soffice (LibreOffice) is not installed: the libreoffice cases are skipped", flush=True)
        del found["libreoffice"], found["files apart libreoffice"]
    return found


def cases(shapes: dict[str, Shape], criteria: Path, folder: Path) -> list[Case]:
    found = []
    for shape in (shapes[name] for name in ("plain", "fields", "libreoffice") if name in shapes):
        for fmt in FORMATS:
            for given in (True, False):
                output = ("-o", str(folder / "out.xlsx"), "--force") if fmt == "xlsx" else ()
                options = (*(("--criteria", str(criteria)) if given else ()), "-f", fmt, *output)
                found.append(Case(f"{shape.name} {fmt} {'--criteria' if given else 'own tree'}", shape, "rank", options, CALAMINE_GOAL))
    json_set = ("--criteria", str(criteria), "-f", "json")
    for name, command, goal in (("long", "rank", SLOW_LAYOUT_GOAL), ("sheets", "rank", CALAMINE_GOAL), ("files", "rank", CALAMINE_GOAL),
                                ("files apart", "rank", CALAMINE_GOAL), ("files apart libreoffice", "rank", CALAMINE_GOAL),
                                ("compare", "compare", SLOW_LAYOUT_GOAL), ("workbooks", "rank", CALAMINE_GOAL)):
        found.append(Case(f"{shapes[name].name} json --criteria", shapes[name], command, json_set, goal))
    return found


def verdict(ratio: float, goal: float) -> str:
    return f"{ratio:.2f} {'ok' if ratio <= goal else 'FAIL'}"


def run(case: Case, repeat: int, against: str | None = None) -> str:
    """The case's table row: `repeat` interleaved rounds of parcalc, calamine, pandas,
    and of another parcalc (an older commit's) when one is given."""
    paths = list(map(str, case.shape.inputs()))
    commands = {
        "parcalc": parcalc_command(case.command, *paths, *case.options),
        "calamine": [sys.executable, "-c", READ_CALAMINE, *paths],
        "pandas": [sys.executable, "-c", PANDAS_JOB, case.shape.pandas_mode, str(case.shape.header_row), *paths],
    }
    if against:
        commands["against"] = [against, case.command, *paths, *case.options]
    runs: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(repeat):  # interleaved, so that a slow spell of a shared machine hits all three
        for name, command in commands.items():
            try:
                runs[name].append(measure(command))
            except subprocess.CalledProcessError as failed:
                said = failed.stderr.rsplit("Traceback (most recent call last):", 1)[0].strip() or failed.stderr  # not measure's own
                return f"| {case.name} | {name} failed: {' / '.join(said.splitlines()[-3:])} |"
    seconds = {name: statistics.median(s for s, _ in found) for name, found in runs.items()}
    peak = {name: max(kib for _, kib in found) / 1024 for name, found in runs.items()}
    rounds = sorted(ours[0] / read[0] for ours, read in zip(runs["parcalc"], runs["calamine"]))
    spread = f"; rounds {rounds[0]:.2f}-{rounds[-1]:.2f}" if repeat > 1 else ""  # how far the machine's slow spells move it
    other = (f" {seconds['against']:.2f} | {seconds['parcalc'] / seconds['against']:.2f} "
             f"| {peak['against']:.0f} |") if against else ""
    return (f"| {case.name} | {seconds['parcalc']:.2f} | {seconds['calamine']:.2f} | {seconds['pandas']:.2f} "
            f"| {verdict(seconds['parcalc'] / seconds['calamine'], case.calamine_goal)} (≤ {case.calamine_goal:g}{spread}) "
            f"| {verdict(seconds['parcalc'] / seconds['pandas'], PANDAS_GOAL)} "
            f"| {peak['parcalc']:.0f} / {peak['calamine']:.0f} = {verdict(peak['parcalc'] / peak['calamine'], PEAK_GOAL)} |{other}")


def installed_from() -> str:
    out = subprocess.run([sys.executable, "-c", "import parcalc; print(parcalc.__file__)"], capture_output=True, text=True)
    return out.stdout.strip() or "parcalc not importable here"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000, help="units of each wide workbook (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds per case (default 3)")
    parser.add_argument("--only", action="append", default=[], metavar="SUBSTRING", help="run the cases whose name holds it (repeatable)")
    parser.add_argument("--sheets", type=int, default=500, help="sheets of the sheet-per-unit workbook (default 500)")
    parser.add_argument("--long-rows", type=int, help=f"rows of the long layout (default units x {CODES}), rounded down to whole units")
    parser.add_argument("--against", metavar="PARCALC", help="another parcalc executable (an older commit's, installed in its own venv) "
                        "timed in the same interleaved rounds: this / that")
    options = parser.parse_args()
    long_units = max(1, (options.long_rows or options.units * CODES) // CODES)
    folder = Path(tempfile.gettempdir()) / "parcalc-bench-matrix"
    folder.mkdir(exist_ok=True)
    criteria = folder / "set.yaml"
    write_set(criteria)
    found = shapes(folder, options.units, long_units, options.sheets)
    chosen = [case for case in cases(found, criteria, folder) if not options.only or any(part in case.name for part in options.only)]
    print(f"inputs (generated once) in {folder} and {Path(tempfile.gettempdir()) / 'parcalc-bench-rank-*'}", flush=True)
    for case in chosen:
        case.shape.inputs()  # before the table, so that it is printed in one piece
    package = installed_from()
    print(f"parcalc: {parcalc_command()[0]} (package {package}); {options.units} units x {CODES} sub-criteria; "
          f"medians of {options.repeat} interleaved rounds; peak = highest ru_maxrss", flush=True)
    if "site-packages" not in package:
        print("warning: parcalc is not an installed copy (pip install ., not -e): its start-up is not what users get", flush=True)
    other = (" against s | parcalc / against | peak MiB against |", "---:|---:|---:|") if options.against else ("", "")
    print(f"\n| case | parcalc s | calamine s | pandas s | parcalc / calamine | parcalc / pandas (≤ 1) | peak MiB parcalc / calamine (≤ 2) |{other[0]}")
    print(f"|---|---:|---:|---:|---|---|---|{other[1]}", flush=True)
    for case in chosen:
        print(run(case, options.repeat, options.against), flush=True)


if __name__ == "__main__":
    main()
