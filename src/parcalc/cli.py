"""The `parcalc` command: parses arguments and dispatches to parcalc.api.

Kept light on purpose: only typer is imported at start-up; everything else (pydantic,
YAML, rich tables, openpyxl) is imported inside the command that needs it.
"""

from __future__ import annotations

import errno
import functools
import itertools
import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, Iterable, Optional

import typer

if TYPE_CHECKING:
    from decimal import Decimal

    from .core.model import Finding

from .core.errors import EXIT_BAD_INPUT, EXIT_BELOW_TARGET, OutputError, ParcalcError, UsageError
from .core.messages import Msg, Place, choose_language, current_language, render_place

app = typer.Typer(
    help="Calculator for Vietnam's PAR Index (Chỉ số cải cách hành chính): points, lost points, index, group.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    no_args_is_help=True,
)
def _show_version(asked: bool) -> None:
    if asked:
        from . import __version__

        sys.stdout.write(f"parcalc {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", help="Show parcalc's version and exit.", is_eager=True, callback=_show_version)] = False,
) -> None:
    """Calculator for Vietnam's PAR Index (Chỉ số cải cách hành chính): points, lost points, index, group."""


criteria_app = typer.Typer(help="List, show, check and import criterion sets.", rich_markup_mode=None, no_args_is_help=True)
app.add_typer(criteria_app, name="criteria")
playbook_app = typer.Typer(help="Remediation playbooks.", rich_markup_mode=None, no_args_is_help=True)
app.add_typer(playbook_app, name="playbook")


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class DocFormat(str, Enum):
    xlsx = "xlsx"
    docx = "docx"
    md = "md"
    csv = "csv"
    json = "json"


class Lang(str, Enum):
    vi = "vi"
    en = "en"


class Level(str, Enum):
    province = "province"
    ministry = "ministry"
    department = "department"
    district = "district"
    commune = "commune"
    custom = "custom"


def _typed_path(typed: str) -> Path:
    """A path as typed, or as stored in another Unicode spelling (read.filenames, imported
    when a command parses its paths: `parcalc --help` loads no reader). Outputs too: an
    output typed in NFC over an input stored in NFD is that input, and refused as one."""
    from .read.filenames import spelled_on_disk as found

    try:
        return found(typed)
    except ParcalcError as exc:  # a name that is not UTF-8, or that several stored names read as: before the command runs
        _report(exc)
        raise typer.Exit(exc.exit_code) from None


AssumeFullOption = Annotated[bool, typer.Option("--assume-full", help="Count points that are neither given nor covered by a given parent at full points (blank cells and codes the workbook leaves out).")]


class BlankReading(str, Enum):
    zero = "zero"
    full = "full"


class NaReading(str, Enum):
    full = "full"
    exclude = "exclude"


BlankOption = Annotated[Optional[BlankReading], typer.Option("--blank", help="A blank points cell (with no points above or below it): zero (not achieved) or full (counted at full points). Left out, blank cells are an error.")]
NaOption = Annotated[Optional[NaReading], typer.Option("--na", help="A cell marked không áp dụng (-, x, KAD): full (counted at full points) or exclude (left out of the scale; the index is on the remaining maximum). Left out, such cells are an error.")]
FailUnderOption = Annotated[Optional[str], typer.Option("--fail-under", help="Exit with code 1 when the index is below this index, 0 to 100, e.g. 85,5 (after writing).", show_default=False)]
CriteriaOption = Annotated[Optional[str], typer.Option("--criteria", "-c", help="A shipped set id (parcalc criteria list) or a path to a YAML set.")]
SheetOption = Annotated[Optional[str], typer.Option("--sheet", help="Sheet to read (default: the first).")]
LangOption = Annotated[Optional[Lang], typer.Option("--lang", help="Language of headings and messages: vi or en (default: the PARCALC_LANG environment variable, else vi).", show_default=False)]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file (-o) if it exists.")]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.", parser=_typed_path)]
DocOutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="The file to write; its extension gives the format.", parser=_typed_path)]
PeersYearOption = Annotated[Optional[int], typer.Option("--peers-year", help="Which year of the peers file (default: its latest).")]
UnitOption = Annotated[Optional[str], typer.Option("--unit", help="This unit's name in the peers file, left out of the ranking.")]
FormatOption = Annotated[Optional[Format], typer.Option("--format", "-f", help="Output format (default: from the extension of -o, else table).", show_default=False)]
DocFormatOption = Annotated[Optional[DocFormat], typer.Option("--format", "-f", help="Format (default: from the extension of -o, else md).")]


def _value(choice: Optional[Enum]) -> Optional[str]:
    return choice.value if choice is not None else None


def _err(line: Msg) -> None:
    """One line to stderr, in the language of the command."""
    sys.stderr.write(line.render() + "\n")


def _report(error: ParcalcError) -> None:
    for problem in error.problems:
        _err(Msg("parcalc: error: {problem}", problem=problem))
        _annotate("error", problem.where, problem.message.render())


def _annotate(kind: str, where: object, message: str) -> None:
    """In GitHub Actions, also a workflow command, so that the problem shows on the run
    and beside the file (`::warning file=data/x.xlsx::...`; YAML problems with their line)."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    place = render_place(where) if where else ""
    if isinstance(where, Place):  # the file and line the place was built from, not parsed back out of its text
        file, line = where.file, str(where.line or "")
    else:  # a file named by itself; an option (--unit) or a scenario is no file
        file, line = (where if isinstance(where, str) and not where.startswith("-") else ""), ""
    properties = f"file={_escape(file, ':,')}" + (f",line={line}" if line else "") if file else ""
    text = f"{place}: {message}" if place else message
    sys.stderr.write((f"::{kind} {properties}::{_escape(text)}" if properties else f"::{kind}::{_escape(text)}") + "\n")


_ESCAPES = {"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"}


def _escape(text: str, also: str = "") -> str:
    """A workflow command's escaping: % and line breaks always, `also` in properties."""
    return "".join(_ESCAPES[ch] if ch in "%\r\n" + also else ch for ch in text)


def guarded(command: Callable) -> Callable:
    """User errors end as one line per problem on stderr and their exit code."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> object:
        chooses = "lang" in kwargs
        if chooses:  # --lang, else PARCALC_LANG, else Vietnamese: for the output and every message
            kwargs["lang"] = kwargs["lang"] or Lang(current_language())
            before = choose_language(kwargs["lang"].value)  # type: ignore[union-attr]
        try:
            return command(*args, **kwargs)
        except ParcalcError as exc:
            _report(exc)
            raise typer.Exit(exc.exit_code) from None
        finally:
            if chooses:
                choose_language(before)

    return wrapper


def _emit(data: bytes | Iterable[bytes], output: Optional[Path], force: bool = False) -> None:
    """To the file (atomically, never over a file that appeared meanwhile unless `force`)
    or to standard output; `data` whole or in pieces."""
    if output is None:
        _to_stdout([data] if isinstance(data, bytes) else data)
        return
    from .write.output import write_bytes

    write_bytes(output, data, force=force)


def _to_stdout(pieces: Iterable[bytes]) -> None:
    """Write to standard output; if it cannot be written, `run` says so (_stdout_failed)."""
    sys.stdout.flush()
    for piece in pieces:
        sys.stdout.buffer.write(piece)
    sys.stdout.buffer.flush()


# What a write to standard output fails with: a reader that stopped (| head), a full disk
# or /dev/full, a closed or broken terminal.
_STDOUT_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF})


def _stdout_failed(exc: OSError) -> int:
    """A reader that stopped early ends the run quietly (exit 0); anything else that kept
    standard output from being written is one line and exit 2, never a traceback."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more reaches it, not even at exit
    except OSError:
        pass
    if exc.errno == errno.EPIPE:
        return 0
    from .write.output import os_reason

    _report(OutputError.at(Msg("standard output"), "cannot be written ({reason}); write to a file with -o", reason=os_reason(exc)))
    return EXIT_BAD_INPUT


def _require_suffix(output: Path, suffixes: tuple[str, ...]) -> None:
    """A command that writes one kind of file refuses a name that says another (YAML in a
    file named .xlsx would open as a damaged workbook)."""
    if output.suffix.lower() not in suffixes:
        raise UsageError.at(str(output), "this command writes a {extension} file: name the output so", extension=suffixes[0])


def _check_output(output: Optional[Path], force: bool, **inputs: object) -> None:
    """Refuse, before the work, an output that must not be written: over any input
    (`files`, `sets`, `playbooks`, as api.input_files takes them) or an existing file."""
    if output is None:
        return
    from . import api
    from .write.output import check_target

    check_target(output, force=force, inputs=api.input_files(**inputs))  # type: ignore[arg-type]


def _show(report: object, fmt: str, lang: Lang, output: Optional[Path], force: bool, renderers: dict[str, Callable]) -> None:
    """A report in `fmt` through its renderer: the table straight to the terminal (with
    colour where it has some), anything else as text to standard output or the file."""
    if fmt == "table" and output is None:
        from rich.console import Console

        renderers["table"](report, lang.value, console=Console(highlight=False))
        return
    bom = "\ufeff" if fmt == "csv" and output is not None else ""  # Excel then reads UTF-8
    text = renderers[fmt](report, lang.value)
    pieces = [text] if isinstance(text, str) else text  # a renderer may give its text in pieces
    _emit(itertools.chain([bom.encode("utf-8")], (piece.encode("utf-8") for piece in pieces)), output, force)


class _working:
    """A spinner on stderr while a long job runs (`rank`, `compare`), when stderr is a
    terminal and the job has taken a second already: short runs, pipes and CI logs stay
    silent."""

    DELAY_SECONDS = 1.0

    def __init__(self, lang: Lang, workbooks: int) -> None:
        self.text = Msg("Reading and scoring {count} workbook(s)…", count=workbooks).render(lang.value)
        self.status = None
        self.done = None

    def __enter__(self) -> "_working":
        if sys.stderr.isatty():
            import threading

            self.done = threading.Event()
            threading.Thread(target=self._show, daemon=True).start()
        return self

    def _show(self) -> None:
        if self.done is not None and not self.done.wait(self.DELAY_SECONDS):
            from rich.console import Console

            self.status = Console(stderr=True).status(self.text)
            self.status.start()
            if self.done.is_set():  # the job ended while the spinner started
                self.status.stop()

    def __exit__(self, *exc: object) -> None:
        if self.done is not None:
            self.done.set()
        if self.status is not None:
            self.status.stop()


def _skip_lock_files(workbooks: list[Path], lang: Lang) -> list[Path]:
    from . import api

    kept, locks = api.without_lock_files(workbooks)
    for lock in locks:
        _err(Msg("parcalc: note: {file}: a lock file of Excel/LibreOffice (the workbook is open), not a workbook: skipped", file=lock))
    if locks and not kept:
        raise UsageError.at(str(locks[0]), "only lock files were given: name the workbooks themselves")
    return kept


def _warn(findings: Iterable["Finding"], lang: Lang) -> None:
    from .write.common import warning_line

    from .core import labels

    for finding in findings:
        _err(Msg("parcalc: warning: {warning}", warning=warning_line(finding, lang.value)))
        _annotate("warning", finding.where, labels.finding_message(finding, lang.value))


@app.command()
@guarded
def score(
    workbook: Annotated[Path, typer.Argument(help="The .xlsx workbook with appraised points.", show_default=False, parser=_typed_path)],
    criteria: CriteriaOption = None,
    sheet: SheetOption = None,
    assume_full: AssumeFullOption = False,
    blank: BlankOption = None,
    na: NaOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    fail_under: FailUnderOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Score a workbook: points, lost points, index and group per field, criterion and sub-criterion."""
    from . import api

    below = _typed(fail_under, "--fail-under", "0", "100")
    _check_output(output, force, files=[workbook], sets=[criteria])
    chosen = _output_format(fmt, output, Format, "table")  # before the work
    result = api.score_workbook(workbook, criteria, sheet=sheet, assume_full=assume_full, blank=_value(blank), na=_value(na))
    _warn(result.findings, lang)
    from .write import score_data, score_markdown, score_table

    _show(result, chosen, lang, output, force, {"table": score_table.score_table_text, "json": score_data.score_json,
                                            "md": score_markdown.score_markdown, "csv": score_data.score_csv})
    _check_target_index(result.index, below, lang)


def _typed(text: Optional[str], option: str, lowest: str | None = None, highest: str | None = None) -> "Optional[Decimal]":
    """A number typed for `option` (decimal comma or dot), finite and in range."""
    if text is None:
        return None
    from decimal import Decimal

    from .core.numbers import parse_typed

    try:
        return parse_typed(text, None if lowest is None else Decimal(lowest), None if highest is None else Decimal(highest))
    except ValueError as exc:
        raise UsageError.at(option, exc.args[0]) from None


_KINDS = ("appraised", "survey", "mixed", "bonus", "penalty")


def _kinds(chosen: Optional[list[str]]) -> tuple[str, ...]:
    """--exclude-kind: survey unless said; none for no kind."""
    if not chosen:
        return ("survey",)
    if chosen == ["none"]:
        return ()
    for kind in chosen:
        if kind not in _KINDS:
            raise UsageError.at("--exclude-kind", "{kind!r} is not a kind: use {kinds} or none", kind=kind, kinds=", ".join(_KINDS))
    return tuple(chosen)


def _share(text: Optional[str]) -> "Optional[Decimal]":
    """--max-recovery 50% (or 50): the share of each loss, 0 < share <= 1."""
    if text is None:
        return None
    percent = _typed(text.strip().removesuffix("%"), "--max-recovery", "0", "100")
    if not percent:
        raise UsageError.at("--max-recovery", "0% recovers nothing: give a share above 0, such as 50%")
    return percent / 100


def _check_target_index(index: "Decimal", target: "Optional[Decimal]", lang: Lang) -> None:
    if target is None:
        return
    if index < target:
        from decimal import Decimal

        from .core.numbers import format_points

        below = Msg("parcalc: index {index} is below --fail-under {target}", index=Decimal(format_points(index, ".")), target=Decimal(f"{target.normalize():f}"))
        _err(below)
        _annotate("error", None, below.render().removeprefix("parcalc: "))
        raise typer.Exit(EXIT_BELOW_TARGET)


@app.command()
@guarded
def remediation(
    workbook: Annotated[Path, typer.Argument(help="The .xlsx workbook with appraised points.", show_default=False, parser=_typed_path)],
    criteria: CriteriaOption = None,
    sheet: SheetOption = None,
    assume_full: AssumeFullOption = False,
    blank: BlankOption = None,
    na: NaOption = None,
    playbook: Annotated[Optional[str], typer.Option("--playbook", help="Remedies per code: a shipped playbook id or a YAML path.")] = None,
    output: DocOutputOption = None,
    fmt: DocFormatOption = None,
    min_lost: Annotated[Optional[str], typer.Option("--min-lost", help="List nodes that lost at least this many points (default: every node that lost anything).", show_default=False)] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="The appendix title; {year} is replaced.")] = None,
    plan: Annotated[Optional[str], typer.Option("--plan", help='The plan it belongs to, e.g. "6006/KH-UBND ngày 23/8/2021".')] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="The year in the title and placeholders (default: this year).")] = None,
    lang: LangOption = None,
    force: ForceOption = False,
    fail_under: FailUnderOption = None,
) -> None:
    """Build the remediation appendix: every node that lost points, with remedies."""
    from . import api

    chosen = _output_format(fmt, output, DocFormat, "md")
    threshold = _typed(min_lost, "--min-lost", "0")
    below = _typed(fail_under, "--fail-under", "0", "100")
    _check_output(output, force, files=[workbook], sets=[criteria], playbooks=[playbook])
    if year is None:
        import datetime

        year = datetime.date.today().year
    appendix = api.remediation_appendix(
        workbook, criteria, year=year, sheet=sheet, assume_full=assume_full, blank=_value(blank), na=_value(na), playbook=playbook,
        min_lost=threshold, title=title, plan=plan, lang=lang.value,
    )
    _warn((*appendix.result.findings, *appendix.findings), lang)
    _emit(api.render_appendix(appendix, chosen), output, force)
    _check_target_index(appendix.result.index, below, lang)


@app.command()
@guarded
def gaps(
    workbook: Annotated[Path, typer.Argument(help="The .xlsx workbook with self-scores beside the appraised points.", show_default=False, parser=_typed_path)],
    criteria: CriteriaOption = None,
    sheet: SheetOption = None,
    assume_full: AssumeFullOption = False,
    blank: BlankOption = None,
    na: NaOption = None,
    peers: Annotated[Optional[Path], typer.Option("--peers", help="CSV of others' results: the rank now and if every explanation is accepted.", parser=_typed_path)] = None,
    peers_year: PeersYearOption = None,
    unit: UnitOption = None,
    output: DocOutputOption = None,
    fmt: DocFormatOption = None,
    title: Annotated[Optional[str], typer.Option("--title", help="The list's title; {year} is replaced.")] = None,
    plan: Annotated[Optional[str], typer.Option("--plan", help='The report it is attached to, e.g. "Báo cáo số 120/BC-UBND".')] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="The index year, in the title.")] = None,
    lang: LangOption = None,
    force: ForceOption = False,
) -> None:
    """List where the appraised points fall below the self-score, for explanation (giải trình)."""
    from . import api

    _check_output(output, force, files=[workbook, peers], sets=[criteria])
    chosen = _output_format(fmt, output, DocFormat, "md")
    gap_list = api.gap_list(
        workbook, criteria, sheet=sheet, assume_full=assume_full, blank=_value(blank), na=_value(na),
        peers=peers, peers_year=peers_year, unit=unit, year=year, title=title, plan=plan, lang=lang.value,
    )
    _warn((*gap_list.result.findings, *gap_list.findings), lang)
    _emit(api.render_gaps(gap_list, chosen), output, force)


def _output_format(fmt: Optional[Enum], output: Optional[Path], choices: type[Enum], default: str) -> str:
    """--format when given, else the extension of -o (x.json writes JSON, x.txt the table),
    else `default`; a binary document only to a file."""
    known = [choice.value for choice in choices]  # type: ignore[attr-defined]
    if fmt is not None:
        chosen = fmt.value
    elif output is not None:
        suffix = output.suffix.lower().lstrip(".")
        chosen = suffix if suffix in known else "table" if "table" in known and suffix in ("txt", "") else ""
        if not chosen:
            shown = ", ".join([f".{value}" for value in known if value != "table"] + ([".txt"] if "table" in known else []))
            raise UsageError.at(str(output), "cannot tell the format from the extension: use {extensions}, or --format", extensions=shown)
    else:
        chosen = default
    if output is None and chosen in ("xlsx", "docx"):
        raise UsageError.at("--format", "{format} is a binary document: write it to a file with -o FILE.{format}", format=chosen)
    return chosen


@app.command()
@guarded
def whatif(
    workbook: Annotated[Path, typer.Argument(help="The .xlsx workbook with appraised points.", show_default=False, parser=_typed_path)],
    criteria: CriteriaOption = None,
    sheet: SheetOption = None,
    assume_full: AssumeFullOption = False,
    blank: BlankOption = None,
    na: NaOption = None,
    set_: Annotated[Optional[list[str]], typer.Option("--set", help="CODE=POINTS or CODE=value:NUMBER; repeatable; together one scenario.")] = None,
    scenario: Annotated[Optional[list[Path]], typer.Option("--scenario", help="A YAML file of named scenarios; repeatable.", parser=_typed_path)] = None,
    top: Annotated[Optional[int], typer.Option("--top", help="List the N sub-criteria that lost the most.", min=1)] = None,
    target_index: Annotated[Optional[str], typer.Option("--target-index", help="Plan the fewest recoveries that reach this index.")] = None,
    exclude_kind: Annotated[Optional[list[str]], typer.Option("--exclude-kind", help="Kinds of criteria a plan never counts on: survey (the default), appraised, mixed, bonus, penalty, or none to plan every kind; repeatable.", show_default=False)] = None,
    max_recovery: Annotated[Optional[str], typer.Option("--max-recovery", help="The part of each loss a plan counts on winning back, e.g. 50% (default: all of it).", show_default=False)] = None,
    target_grade: Annotated[Optional[str], typer.Option("--target-grade", help="Plan the fewest recoveries that reach this grade of the set (A, B, or a set's own, such as Tốt).", show_default=False)] = None,
    target_rank: Annotated[Optional[int], typer.Option("--target-rank", help="Plan the recoveries that reach this rank among --peers.", min=1)] = None,
    peers: Annotated[Optional[Path], typer.Option("--peers", help="CSV of others' results (unit, year, index[, rank, source]).", parser=_typed_path)] = None,
    peers_year: PeersYearOption = None,
    unit: UnitOption = None,
    playbook: Annotated[Optional[str], typer.Option("--playbook", help="A playbook whose `effort` per code weighs the plan.")] = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """What-if: scenarios side by side, top losses, a plan to reach a target, projected ranks."""
    from . import api

    target = _typed(target_index, "--target-index", "0", "100")
    _check_output(output, force, files=[workbook, *(scenario or ()), peers], sets=[criteria], playbooks=[playbook])
    chosen = _output_format(fmt, output, Format, "table")  # before the work
    report = api.whatif_report(
        workbook, criteria, sheet=sheet, assume_full=assume_full, blank=_value(blank), na=_value(na), overrides=set_ or (), scenario_files=scenario or (),
        peers=peers, peers_year=peers_year, unit=unit, top=top, target_index=target, target_rank=target_rank, playbook=playbook, target_grade=target_grade,
        exclude_kinds=_kinds(exclude_kind), max_recovery=_share(max_recovery),
    )
    _warn(report.whatif.baseline.findings, lang)
    from .write import whatif as whatif_out  # the command's own name is taken

    _show(report, chosen, lang, output, force, {"table": whatif_out.whatif_table_text, "json": whatif_out.whatif_json,
                                            "md": whatif_out.whatif_markdown, "csv": whatif_out.whatif_csv})


class RankFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    xlsx = "xlsx"
    docx = "docx"


class Layout(str, Enum):
    wide = "wide"
    long = "long"
    sheets = "sheets"


@app.command()
@guarded
def rank(
    # a parser of our own: without one, typer 0.29 checks each path through a pydantic TypeAdapter
    # it builds per value, 0.2 ms each: a bare typer command given 500 paths took 0.26 s, 0.16 s with parser=Path (2026-12-01)
    workbooks: Annotated[list[Path], typer.Argument(help="Workbooks with many units (or one unit each).", show_default=False, parser=_typed_path)],
    criteria: CriteriaOption = None,
    layout: Annotated[Optional[Layout], typer.Option("--layout", help="wide (a column per unit), long (a unit column) or sheets (a sheet per unit); detected when left out.")] = None,
    sheet: SheetOption = None,
    assume_full: AssumeFullOption = False,
    blank: BlankOption = None,
    na: NaOption = None,
    fmt: Annotated[Optional[RankFormat], typer.Option("--format", "-f", help="Output format (default: from the extension of -o, else table).", show_default=False)] = None,
    lang: LangOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    title: Annotated[Optional[str], typer.Option("--title", help="The appendix title (xlsx, docx); {year} is replaced.")] = None,
    plan: Annotated[Optional[str], typer.Option("--plan", help='The decision it is attached to, e.g. "Quyết định số 123/QĐ-UBND ngày 20/01/2025".')] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="The index year, in the title (xlsx, docx).")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="A unit to chart against the mean (xlsx).")] = None,
) -> None:
    """Rank units: rank, unit, total, index, group and each field's sub-index; counts per group and the mean. The table shows the first 100 units; csv, md, json, xlsx and docx hold them all."""
    from . import api
    from .write import rank as rank_out  # the command's own name is taken

    _check_output(output, force, files=workbooks, sets=[criteria])
    chosen = _output_format(fmt, output, RankFormat, "table")
    for option, given in (("--title", title), ("--plan", plan), ("--year", year), ("--unit", unit)):
        if given is not None and chosen not in ("xlsx", "docx"):
            raise UsageError.at(option, "belongs to the appendix: write it with -o FILE.xlsx or -o FILE.docx (not {format})", format=chosen)
    workbooks = _skip_lock_files(workbooks, lang)
    with _working(lang, len(workbooks)):
        ranking = api.rank_workbooks(workbooks, criteria, layout=layout.value if layout else None, sheet=sheet, assume_full=assume_full, blank=_value(blank), na=_value(na))
    _warn(ranking.findings, lang)
    if chosen in ("xlsx", "docx"):
        _emit(api.render_ranking(ranking, chosen, lang=lang.value, year=year, title=title, plan=plan, unit=unit), output, force)
        return
    _show(ranking, chosen, lang, output, force, {"table": rank_out.rank_table_text, "json": rank_out.rank_json,
                                             "md": rank_out.rank_markdown, "csv": rank_out.rank_csv})


@app.command()
@guarded
def compare(
    old: Annotated[Path, typer.Argument(help="The earlier year's workbook.", show_default=False, parser=_typed_path)],
    new: Annotated[Path, typer.Argument(help="The later year's workbook.", show_default=False, parser=_typed_path)],
    criteria: CriteriaOption = None,
    criteria_new: Annotated[Optional[str], typer.Option("--criteria-new", help="The later year's set, when it differs (codes are matched).")] = None,
    layout: Annotated[Optional[Layout], typer.Option("--layout", help="wide, long or sheets; detected when left out.")] = None,
    assume_full: AssumeFullOption = False,
    blank: BlankOption = None,
    na: NaOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Year over year: per unit and per node the points in each year and the change, largest drops first."""
    from . import api
    from .write import compare as compare_out  # the command's own name is taken

    _check_output(output, force, files=[old, new], sets=[criteria, criteria_new])
    chosen = _output_format(fmt, output, Format, "table")  # before the work
    with _working(lang, 2):
        comparison = api.compare_workbooks(old, new, criteria, criteria_new, layout=layout.value if layout else None, assume_full=assume_full, blank=_value(blank), na=_value(na))
    _warn(comparison.findings, lang)
    _show(comparison, chosen, lang, output, force, {"table": compare_out.compare_table_text, "json": compare_out.compare_json_pieces,
                                                "md": compare_out.compare_markdown, "csv": compare_out.compare_csv_pieces})


@app.command()
@guarded
def report(
    workbooks: Annotated[list[Path], typer.Argument(help="Workbooks with one unit or many.", show_default=False, parser=_typed_path)],  # as rank's
    criteria: CriteriaOption = None,
    previous: Annotated[Optional[list[Path]], typer.Option("--previous", help="The previous year's workbook(s), for the changes; repeatable.", parser=_typed_path)] = None,
    criteria_previous: Annotated[Optional[str], typer.Option("--criteria-previous", help="The previous year's set, when it differs.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="The unit the page is about (default: the first unit read).")] = None,
    layout: Annotated[Optional[Layout], typer.Option("--layout", help="wide, long or sheets; detected when left out.")] = None,
    sheet: SheetOption = None,
    assume_full: AssumeFullOption = False,
    blank: BlankOption = None,
    na: NaOption = None,
    title: Annotated[Optional[str], typer.Option("--title", help="The page's title; {year} is replaced.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="The index year, in the title.")] = None,
    lang: LangOption = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="The .html file to write (default: standard output).", parser=_typed_path)] = None,
    force: ForceOption = False,
) -> None:
    """One self-contained HTML page: summary, tree with lost points, ranking, field heatmap, a unit against the mean, changes."""
    from . import api

    _check_output(output, force, files=[*workbooks, *(previous or ())], sets=[criteria, criteria_previous])
    if output is not None and output.suffix.lower() not in (".html", ".htm"):
        raise UsageError.at(str(output), "a report is an HTML page: name it .html")
    api.require_report_library()  # before the work
    workbooks = _skip_lock_files(workbooks, lang)
    with _working(lang, len(workbooks) + len(previous or ())):
        page = api.unit_report(workbooks, criteria, previous=previous or (), criteria_previous=criteria_previous, unit=unit,
                               layout=layout.value if layout else None, sheet=sheet, assume_full=assume_full, blank=_value(blank),
                               na=_value(na), year=year, title=title, lang=lang.value)
    _warn(page.ranking.findings, lang)
    _emit(api.report_html(page).encode("utf-8"), output, force)


@playbook_app.command("init")
@guarded
def playbook_init(
    criteria: Annotated[str, typer.Option("--criteria", "-c", help="A shipped set id or a path to a YAML set.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The playbook YAML to write.", parser=_typed_path)],
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Write a playbook skeleton with every sub-criterion of a set, to fill in."""
    from . import api

    _check_output(output, force, sets=[criteria])  # over an input is the first thing to say
    _require_suffix(output, (".yaml", ".yml"))
    _emit(api.playbook_skeleton(criteria).encode("utf-8"), output, force)
    typer.echo(Msg("wrote {path}", path=output).render())


@app.command()
@guarded
def template(
    criteria: Annotated[str, typer.Option("--criteria", "-c", help="A shipped set id or a path to a YAML set.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The .xlsx file to write.", parser=_typed_path)],
    lang: LangOption = None,
    force: ForceOption = False,
) -> None:
    """Write a blank scoring workbook for a criterion set, which `parcalc score` reads back."""
    from . import api

    _check_output(output, force, sets=[criteria])
    _require_suffix(output, (".xlsx",))
    criterion_set = api.load_criteria(criteria)
    _emit(api.template_workbook(criterion_set, lang.value), output, force)
    _warn(api.template_findings(criterion_set, output), lang)


@criteria_app.command("list")
@guarded
def criteria_list(lang: LangOption = None) -> None:
    """The criterion sets shipped with parcalc."""
    from . import api
    from .write.criteria_text import set_list_line

    for set_id in api.shipped_criteria():
        typer.echo(set_list_line(api.load_criteria(set_id)))


@criteria_app.command("show")
@guarded
def criteria_show(
    criteria: Annotated[str, typer.Argument(help="A shipped set id or a path to a YAML set.", show_default=False)],
    lang: LangOption = None,
) -> None:
    """Show a criterion set's tree with its points; unknown parts are marked."""
    from . import api
    from .write.criteria_text import set_tree

    sys.stdout.write(set_tree(api.load_criteria(criteria), lang.value))


@criteria_app.command("check")
@guarded
def criteria_check(
    files: Annotated[list[Path], typer.Argument(help="YAML criterion sets to check.", show_default=False, parser=_typed_path)],
    lang: LangOption = None,
) -> None:
    """Check criterion-set files; every problem is listed with its file, line and code."""
    from . import api

    failed = False
    for path in files:
        try:
            loaded = api.load_criteria_file(path)
        except ParcalcError as exc:
            failed = True
            _report(exc)
            continue
        total = loaded.total_max if loaded.total_max is not None else Msg("unknown")
        typer.echo(Msg("ok: {path} ({set}, {nodes} nodes, total {total})", path=path, set=loaded.id, nodes=sum(1 for _ in loaded.walk()), total=total).render())
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)


@criteria_app.command("import")
@guarded
def criteria_import(
    table: Annotated[Path, typer.Argument(help="An .xlsx table with code, name and maximum points columns.", show_default=False, parser=_typed_path)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The YAML file to write.", parser=_typed_path)],
    set_id: Annotated[Optional[str], typer.Option("--id", help="The set's id (default: the output file's name).")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="The set's title (default: the table's file name).")] = None,
    level: Annotated[Level, typer.Option("--level", help="Whose index this is.")] = Level.custom,
    sheet: SheetOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Build a criterion set from a table (code, name, maximum points) in one step."""
    from . import api

    _require_suffix(output, (".yaml", ".yml"))
    _check_output(output, force, files=[table])
    text = api.import_criteria_table(table, set_id=set_id or output.stem, title=title or table.stem, level=level.value, sheet=sheet)
    _emit(text.encode("utf-8"), output, force)
    typer.echo(Msg("wrote {path}", path=output).render())


# What help shows for a value, instead of typer's Python types (<str>, <list[Path]>).
_METAVARS = {
    "workbook": "WORKBOOK", "workbooks": "WORKBOOK...", "old": "OLD", "new": "NEW", "files": "FILE...", "table": "TABLE",
    "criteria": "SET", "criteria_new": "SET", "criteria_previous": "SET", "previous": "OLD.xlsx", "sheet": "SHEET", "output": "FILE", "peers": "PEERS.csv",
    "scenario": "SCENARIO.yaml", "playbook": "PLAYBOOK", "set_": "CODE=POINTS", "target_grade": "GRADE",
    "exclude_kind": "KIND", "year": "YEAR", "peers_year": "YEAR", "top": "N", "target_rank": "N", "unit": "NAME",
    "fail_under": "NUMBER", "target_index": "NUMBER", "min_lost": "NUMBER", "max_recovery": "PERCENT",
}


def _plain_metavars(command: object) -> None:
    for param in getattr(command, "params", ()):
        if param.metavar is None and not getattr(param, "is_flag", False) and not param.type_descriptor.is_choice:
            param.metavar = _METAVARS.get(param.name or "", (param.name or "value").upper())
            if param.param_type_name == "argument":  # its name says it all: no "<path>" after it
                param.display_type_rich = lambda ctx: None
    for sub in getattr(command, "commands", {}).values():
        _plain_metavars(sub)


def _help_in_language(command: object) -> None:
    """Help in the language of the command line: parcalc's texts from the catalogue, and
    the section words typer lets an application translate (gettext, as click does);
    typer's "Usage:" line stays as typer writes it."""
    from .core.vietnamese import VI

    def translated(text: str) -> str:
        return VI.get(text.strip(), text) if current_language() == "vi" else text

    import typer.core

    if callable(getattr(typer.core, "_", None)):
        typer.core._ = translated  # type: ignore[attr-defined]
    help_option = command.get_help_option(typer.Context(command))  # typer's --help, made once per command
    for param in [*getattr(command, "params", ()), *([help_option] if help_option is not None else [])]:
        if getattr(param, "help", None):
            param.help = translated(param.help)
    for attribute in ("help", "short_help"):
        if getattr(command, attribute, None):
            setattr(command, attribute, translated(getattr(command, attribute)))
    for sub in getattr(command, "commands", {}).values():
        _help_in_language(sub)


def _click_error(name: str) -> type:
    """typer's (vendored) click exception class `name`, found from a public one."""
    return next(cls for cls in typer.BadParameter.__mro__ if cls.__name__ == name)


_CHOICE = re.compile(r"(?:Value error, )?'(?P<value>.*)' is not one of (?P<choices>.*?)\.?")
_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)")
_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'\.(?: Did you mean '(?P<near>[^']*)'\?)?")


def _param_name(param: object) -> str:
    """How help names a parameter: its first option (--format), or its metavar (WORKBOOK)."""
    opts = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "option" and opts:
        return opts[0]
    return getattr(param, "metavar", None) or str(getattr(param, "name", "") or "").upper()


def _usage_message(exc: Exception) -> Msg:
    """typer's (click's) usage error, said in parcalc's words and language."""
    kind, text = type(exc).__name__, exc.format_message()  # type: ignore[attr-defined]
    if kind == "NoSuchOption":
        near = getattr(exc, "possibilities", None)
        if near:
            return Msg("no such option: {option} (did you mean {choices}?)", option=exc.option_name, choices=", ".join(sorted(near)))  # type: ignore[attr-defined]
        return Msg("no such option: {option}", option=exc.option_name)  # type: ignore[attr-defined]
    if kind == "BadOptionUsage":
        return Msg("option {option} needs a value", option=exc.option_name)  # type: ignore[attr-defined]
    if kind == "MissingParameter":
        return Msg("{name} is missing", name=_param_name(exc.param))  # type: ignore[attr-defined]
    if kind == "BadParameter":
        cause, raw = exc.__cause__, getattr(exc, "message", text)  # raw: without click's "Invalid value for ..."
        errors = cause.errors() if hasattr(cause, "errors") else [{}]
        bound = (errors[0].get("ctx") or {})
        choice = _CHOICE.fullmatch(raw)
        if choice:
            reason = Msg("{value!r} is not one of {choices}", value=choice["value"], choices=choice["choices"])
        elif errors[0].get("type") == "int_parsing":
            reason = Msg("{value!r} is not a whole number", value=errors[0].get("input"))
        elif errors[0].get("type") == "float_parsing":
            reason = Msg("{value!r} is not a number", value=errors[0].get("input"))
        elif errors[0].get("type") == "greater_than_equal" and "ge" in bound:
            reason = Msg("{value!r} is less than {least}, the least it may be", value=errors[0].get("input"), least=bound["ge"])
        elif errors[0].get("type") == "less_than_equal" and "le" in bound:
            reason = Msg("{value!r} is more than {most}, the most it may be", value=errors[0].get("input"), most=bound["le"])
        else:
            reason = Msg("{detail}", detail=raw)
        return Msg("invalid value for {option}: {reason}", option=_param_name(exc.param), reason=reason)  # type: ignore[attr-defined]
    extra, command = _EXTRA.fullmatch(text), _COMMAND.fullmatch(text)
    if extra:
        return Msg("unexpected extra argument(s): {args}", args=extra["args"])
    if command and command["near"]:
        return Msg("no such command: {name!r} (did you mean {near!r}?)", name=command["name"], near=command["near"])
    if command:
        return Msg("no such command: {name!r}", name=command["name"])
    return Msg("{detail}", detail=text)


def _language_asked(args: list[str]) -> str | None:
    """--lang of the command line, known before it is parsed (for its usage errors)."""
    for previous, arg in zip(["", *args], args):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else arg if previous == "--lang" else None
        if value in ("vi", "en"):
            return value
    return None


def run(args: list[str]) -> int:
    """The command line as parcalc says it: usage errors in parcalc's one-line form
    (exit 2) and language, help without Python type names."""
    from typer.main import get_command

    command = get_command(app)
    _plain_metavars(command)
    usage_error, click_exception = _click_error("UsageError"), _click_error("ClickException")
    before = choose_language(_language_asked(args))
    _help_in_language(command)
    try:
        code = command.main(args=args, prog_name="parcalc", standalone_mode=False)
        sys.stdout.flush()  # here, where a failure can still be said, not at exit
    except OSError as exc:
        if exc.errno not in _STDOUT_ERRNOS:
            raise
        return _stdout_failed(exc)
    except SystemExit as exc:  # typer's and rich's answer to a broken pipe is exit 1, which CI reads as "below target"
        if isinstance(exc.__context__, OSError) and exc.__context__.errno == errno.EPIPE:
            return _stdout_failed(exc.__context__)
        raise
    except usage_error as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `parcalc` or `parcalc criteria` alone: the help
            sys.stdout.write(exc.format_message() + "\n")
            return 0
        context = getattr(exc, "ctx", None)
        message = _usage_message(exc)
        _err(Msg("parcalc: error: {message} ({command} --help)", message=message, command=context.command_path)
             if context is not None else Msg("parcalc: error: {message}", message=message))
        _annotate("error", None, message.render())
        return EXIT_BAD_INPUT
    except click_exception as exc:
        _err(Msg("parcalc: error: {message}", message=Msg("{detail}", detail=exc.format_message())))
        return EXIT_BAD_INPUT
    except typer.Abort:
        _err(Msg("parcalc: interrupted"))
        return 130
    finally:
        choose_language(before)
    return code if isinstance(code, int) else 0


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() != "utf-8":
            stream.reconfigure(encoding="utf-8")
    sys.exit(run(sys.argv[1:]))
