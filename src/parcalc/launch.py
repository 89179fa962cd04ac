"""The `parcalc` console entry: before the command-line machinery loads (typer builds
every command's parameters, ~0.2 s), start reading the workbooks that `rank` and
`compare` are given (xlsx.read_ahead), then hand over to parcalc.cli."""

from __future__ import annotations

import gc
import signal
import sys
from pathlib import Path

READ_AHEAD_COMMANDS = ("rank", "compare")
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_OPTIONS_WITH_A_FILE = ("-o", "--output", "-c", "--criteria", "--criteria-new")
# While the main thread runs Python, a thread that wants the GIL waits up to this long.
# The threads that cut and parse a large sheet in bands (parcalc.read.valuesheet) take it
# several times per band (reading, writing and opening the band, handing it over),
# around work that needs no GIL: with Python's 5 ms they sat idle long enough to cost
# `rank` 0.04-0.1 s on 10,000 units (interleaved medians of 20 runs). Only the command
# line sets it: it holds for the whole process, whose threads are all parcalc's.
GIL_SWITCH_SECONDS = 0.0002
# A command builds tens of thousands of objects that live until it ends (imported
# modules, rows, results: some 150,000 for `rank` on 10,000 units). Collecting garbage
# every 700 new objects, Python's default, scans them again and again: ~40 ms of that
# run. The command line is short-lived and makes few reference cycles, so it collects
# far less often (mypy does the same).
GC_NEW_OBJECTS = 200_000


def workbooks_to_read_ahead(args: list[str]) -> list[Path]:
    """The first workbook argument of a rank or compare command line, found as the
    command line finds it (read.filenames); none when it names a --sheet (the first
    sheet is the one read ahead) or is another command. Only the first: a parsed sheet
    is held until its workbook's turn comes, and rank of 5 workbooks of 10,000 units
    read ahead peaked at 450 MB, as many sheets held."""
    if not args or args[0] not in READ_AHEAD_COMMANDS or any(arg == "--sheet" or arg.startswith("--sheet=") for arg in args):
        return []
    for previous, arg in zip(args, args[1:]):
        if previous not in _OPTIONS_WITH_A_FILE and arg.lower().endswith(_WORKBOOK_SUFFIXES):
            from .core.errors import ParcalcError
            from .read.filenames import spelled_on_disk

            try:
                return [spelled_on_disk(arg)]
            except ParcalcError:
                return []  # a name it refuses (not UTF-8, several alike): the command line says so
    return []


def end_on_signals() -> None:
    """SIGTERM and SIGHUP (a CI job cancelled, a terminal closed) end the run as Ctrl-C
    does: through Python's unwinding, so that a half-written temporary output and the
    folder of sheet bands are removed, not left behind."""
    def end(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), end)


def main() -> None:
    end_on_signals()
    gc.set_threshold(GC_NEW_OBJECTS)
    workbooks = workbooks_to_read_ahead(sys.argv[1:])
    if workbooks:  # other commands do not load the reader here
        from .read.xlsx import read_ahead

        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        read_ahead(workbooks)
    from .cli import main as cli_main

    cli_main()
