"""What the CLI does, as plain Python: every command is a call here.

    >>> from parcalc import api
    >>> result = api.score_workbook("examples/lam-dong-2020.xlsx", criteria="province-2020", assume_full=True)
    >>> str(result.index)
    '83.93'
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

from .read import catalog
from .core.engine import ScoreResult, UnitTotals
from .core.messages import Msg, Place, short_list
from .core.model import Appraisal, CriterionSet, Finding
from .core.scoring import score_appraisal, unit_readings

if TYPE_CHECKING:
    from decimal import Decimal

    from typing import Mapping, Sequence

    from .analysis.compare import Comparison
    from .analysis.playbook import Playbook
    from .analysis.ranking import Ranking
    from .analysis.ranking_document import RankingAppendix
    from .analysis.report import Report
    from .analysis.gaps import GapList
    from .analysis.remediation import Appendix
    from .analysis.whatif_report import WhatIfReport
    from .core.columnar import ColumnGroup, FieldSums
    from .core.errors import UsageError
    from .read.longsheet import LongUnits
    from .read.multiunit import UnitColumns


def load_criteria(name: str | Path) -> CriterionSet:
    """A shipped set id (`province-2020`) or a path to a YAML criterion set."""
    return catalog.load(str(name))


def as_criterion_set(value: "str | Path | CriterionSet | None") -> CriterionSet | None:
    """A set given as a set, a shipped id or a path (None: the workbook's own tree)."""
    return value if value is None or isinstance(value, CriterionSet) else load_criteria(value)


def load_criteria_file(path: str | Path) -> CriterionSet:
    """The YAML criterion set at `path`, checked (a shipped id is not looked up)."""
    from .read.criteria_file import load_file

    return load_file(Path(path))


def shipped_criteria() -> list[str]:
    """The ids of the criterion sets shipped with parcalc."""
    return catalog.shipped_ids()


def input_files(*, files: "Sequence[str | Path | None]" = (), sets: "Sequence[str | None]" = (),
                playbooks: "Sequence[str | None]" = ()) -> list[Path]:
    """Every file a command reads: paths as given, and a shipped set's or playbook's id
    as its file, so that an output is never written over any of them."""
    from .core.errors import CriteriaError

    found = [Path(path) for path in files if path is not None]
    for names, resolve in ((sets, catalog.resolve), (playbooks, catalog.resolve_playbook)):
        for name in names:
            if name is None:
                continue
            try:
                found.append(resolve(name))
            except CriteriaError:
                continue  # an unknown id: the command itself says so
    return found


def read_workbook(path: str | Path, sheet: str | None = None) -> Appraisal:
    from .read.workbook import read_appraisal

    return read_appraisal(Path(path), sheet)


def score_workbook(
    path: str | Path,
    criteria: str | Path | CriterionSet | None = None,
    *,
    sheet: str | None = None,
    assume_full: bool = False,
    blank: str | None = None,
    na: str | None = None,
) -> ScoreResult:
    """Read a workbook and score it; `criteria` is a set, a set id or a YAML path."""
    criterion_set = as_criterion_set(criteria)
    return score_appraisal(read_workbook(path, sheet), criterion_set, assume_full=assume_full, blank=blank, na=na)


def load_playbook(name: str, criteria: CriterionSet | None = None) -> "Playbook":
    """A shipped playbook id (`province-2020`) or a path to a playbook YAML."""
    from .read.playbook_file import load_playbook as load

    return load(catalog.resolve_playbook(name), criteria)


def remediation_appendix(
    path: str | Path,
    criteria: str | Path | CriterionSet | None = None,
    *,
    year: int,
    sheet: str | None = None,
    assume_full: bool = False,
    blank: str | None = None,
    na: str | None = None,
    playbook: "str | Playbook | None" = None,
    min_lost: "Decimal | None" = None,
    title: str | None = None,
    plan: str | None = None,
    lang: str = "vi",
) -> "Appendix":
    """Read and score a workbook, then build its remediation appendix."""
    from .analysis.remediation import build_appendix

    criterion_set = as_criterion_set(criteria)
    appraisal, result = _read_and_score(path, criterion_set, sheet, assume_full, blank, na)
    rules = load_playbook(playbook, criterion_set) if isinstance(playbook, str) else playbook
    return build_appendix(
        result, appraisal, rules, year=year, min_lost=min_lost,
        title=title, plan=plan, lang=lang,
    )


def _read_and_score(path: str | Path, criterion_set: CriterionSet | None, sheet: str | None, assume_full: bool,
                    blank: str | None, na: str | None, check=None) -> "tuple[Appraisal, ScoreResult]":
    """A workbook read and scored, for the documents that need its rows too; `check`
    looks at the rows before they are scored."""
    appraisal = read_workbook(path, sheet)
    if check is not None:
        check(appraisal)
    return appraisal, score_appraisal(appraisal, criterion_set, assume_full=assume_full, blank=blank, na=na)


def gap_list(
    path: str | Path,
    criteria: str | Path | CriterionSet | None = None,
    *,
    sheet: str | None = None,
    assume_full: bool = False,
    blank: str | None = None,
    na: str | None = None,
    peers: "str | Path | None" = None,
    peers_year: int | None = None,
    unit: str | None = None,
    year: int | None = None,
    title: str | None = None,
    plan: str | None = None,
    lang: str = "vi",
) -> "GapList":
    """Read and score a workbook with self-scores, then list where the appraisal fell below them."""
    from .analysis.gaps import build_gaps
    from .core.errors import InputError
    from .read.peers_file import load_peers

    def require_self_scores(appraisal: Appraisal) -> None:
        if not any(entry.self_score is not None for entry in appraisal.entries):
            raise InputError.at(Place(path).sheet(appraisal.sheet),
                                "has no self-scores: add a column headed «Điểm tự đánh giá» (or «Điểm tự chấm») beside the appraised points")

    appraisal, result = _read_and_score(path, as_criterion_set(criteria), sheet, assume_full, blank, na, check=require_self_scores)
    peer_rows = load_peers(Path(peers), peers_year, exclude=unit) if peers is not None else []
    return build_gaps(result, appraisal, peers=peer_rows, year=year, title=title, plan=plan, lang=lang)


def render_gaps(gaps: "GapList", fmt: str) -> bytes:
    """The explanation list in `fmt` (xlsx, docx, md, csv, json) as bytes to write."""
    from .write import gaps as text

    if fmt == "md":
        return text.gaps_markdown(gaps).encode("utf-8")
    if fmt == "json":
        return text.gaps_json(gaps).encode("utf-8")
    return _render_document(gaps, fmt, text.summary_lines(gaps))


def whatif_report(
    path: str | Path,
    criteria: str | Path | CriterionSet | None = None,
    *,
    sheet: str | None = None,
    assume_full: bool = False,
    blank: str | None = None,
    na: str | None = None,
    overrides: "Sequence[str]" = (),
    scenario_files: "Sequence[str | Path]" = (),
    peers: "str | Path | None" = None,
    peers_year: int | None = None,
    unit: str | None = None,
    top: int | None = None,
    target_index: "Decimal | None" = None,
    target_rank: int | None = None,
    playbook: str | None = None,
    target_grade: str | None = None,
    exclude_kinds: "Sequence[str]" = ("survey",),
    max_recovery: "Decimal | None" = None,
) -> "WhatIfReport":
    """Read and score a workbook once, then evaluate scenarios, plans and ranks on copies."""
    from .core.errors import UsageError
    from .read.peers_file import load_peers
    from .read.scenario_file import load_scenarios
    from .analysis.whatif import Override, Scenario, WhatIf
    from .analysis.whatif_report import build_report

    criterion_set = as_criterion_set(criteria)
    result = score_workbook(path, criterion_set, sheet=sheet, assume_full=assume_full, blank=blank, na=na)
    if target_grade is not None:
        if target_index is not None:
            raise UsageError.at("--target-grade", "give a target index or a target grade, not both")
        target_index = grade_floor(result.criteria, target_grade)
    scenarios = [Scenario("set", tuple(Override.parse(text) for text in overrides))] if overrides else []
    for file in scenario_files:
        scenarios += load_scenarios(Path(file))
    if target_rank is not None and peers is None:
        raise UsageError.at("--target-rank", "a rank needs the others' results: add --peers FILE")
    peer_rows = load_peers(Path(peers), peers_year, exclude=unit) if peers is not None else []
    whatif = WhatIf(result)
    efforts = ceilings = None
    if playbook:
        rules = load_playbook(playbook, criterion_set)
        losing = [code for code, _ in whatif.recoverable()]
        efforts, ceilings = rules.efforts(losing), rules.ceilings(losing)
    from decimal import Decimal

    return build_report(whatif, scenarios, peers=peer_rows, top=top, target_index=target_index, target_rank=target_rank,
                        efforts=efforts, exclude_kinds=tuple(exclude_kinds),
                        share=Decimal(1) if max_recovery is None else max_recovery, ceilings=ceilings)


def score_units(
    paths: "Sequence[str | Path]",
    criteria: str | Path | CriterionSet | None = None,
    *,
    layout: str | None = None,
    sheet: str | None = None,
    assume_full: bool = False,
    blank: str | None = None,
    na: str | None = None,
    totals_only: bool = False,
    node_points: bool = False,
    notes: "list[Finding] | None" = None,
) -> "list[tuple[str, ScoreResult | UnitTotals]]":
    """(unit, result) for every unit of every workbook, in the workbooks' order. With
    `totals_only`, a wide sheet's units are scored column by column (parcalc.core.columnar)
    and give UnitTotals, the totals and field points a ranking needs, instead of a
    result for every node: 10,000 units in about a second; with `node_points` too, they
    give UnitNodes, which also have every node's points (what compare needs). What reading noticed (numbering
    nested under fields, ...) is added to `notes` when given: once per workbook and kind, and
    a warning as true of several workbooks once, at the first, naming the others (Finding.also)."""
    from .core.columnar import FieldSums
    from .core.errors import InputError, Problem

    criterion_set = as_criterion_set(criteria)
    named: list = []
    seen: dict[str, str] = {}
    problems: list[Problem] = []
    options = dict(assume_full=assume_full, blank=blank, na=na, totals_only=totals_only, node_points=node_points)

    def add(path: str | Path, scored: list, units: "UnitColumns | LongUnits | list[Appraisal]") -> None:
        if notes is not None:
            stated.extend(_own_figures(units, scored, checks))
        units_here = dict.fromkeys(unit for unit, _ in scored)
        if len(units_here) == len(scored) and seen.keys().isdisjoint(units_here):  # at once: 10,000 units are common
            seen.update(dict.fromkeys(units_here, str(path)))
            named.extend(scored)
            return
        for unit, result in scored:
            if unit in seen:
                problems.append(Problem(str(path), Msg("unit {unit!r} is named twice (also in {other}); give each unit its own name",
                                                       unit=unit, other=seen[unit])))
                continue
            seen[unit] = str(path)
            named.append((unit, result))

    said: list[tuple[tuple[str, ...], Finding]] = []  # what a group's first unit's scoring says of all its units (columnar)
    stated: list[Finding] = []  # what score would say of each unit's own figures (_OWN_FIGURES)
    checks: dict = {}  # each tree's given-node checks, by the codes a unit gives
    batch: list[tuple[str | Path, list[Appraisal]]] = []  # workbooks of a few units each, read, not yet scored
    listed: list[_Listed] = []  # without a set: the codes each workbook's units list
    templates: list = []  # sheets read in full that a later workbook's sheets may copy (read.sheetunits)

    def score_batch() -> None:
        shares = _scored_together(batch, criterion_set, assume_full=assume_full, blank=blank, node_points=node_points, said=said) or [
            (path, _score_units(path, units, criterion_set, problems=problems, said=said, **options)) for path, units in batch]
        for (path, scored), (_, units) in zip(shares, batch):  # both in the batch's order
            add(path, scored, units)
        batch.clear()

    for path in paths:
        # one workbook at a time: its sheet (parsed, in bands) is let go before the next is read
        sums = FieldSums(criterion_set, nodes=node_points) if totals_only else None
        units = _read_units(path, criterion_set, layout, sheet, sums, notes, templates)
        if notes is not None and criterion_set is None:
            listed += _codes_listed(path, units)
        if totals_only and isinstance(units, list) and len(units) < _BATCH_UNITS:
            batch.append((path, units))
            if sum(len(units) for _, units in batch) >= _BATCH_UNITS:
                score_batch()
            continue
        score_batch()
        add(path, _score_units(path, units, criterion_set, sums=sums, problems=problems, said=said, **options), units)
        del units, sums  # let go before the next workbook is read (rank of 5 workbooks of 10,000 units: 161 MiB, 215 held)
    score_batch()
    if problems:
        raise InputError(*problems[:50])
    if notes is not None:
        notes[:] = [*_said_once([*notes, *_rows_missing(listed), *_marks_read(named, said, seen)]), *stated]
    return named


# One-unit workbooks (`rank unit-*.xlsx`, each commune's own file) are scored together,
# this many units at a time: scoring one alone costs about 13 ms, most of it the tree's
# and the group's making, a unit of a group of 64 about 1 ms (cProfile of bench_matrix's
# 500 one-unit files, 2026-12-01). At most this many units' rows are held unscored.
_BATCH_UNITS = 64


def _read_units(path: str | Path, criterion_set: CriterionSet | None, layout: str | None, sheet: str | None,
                sums: "FieldSums | None", notes: "list[Finding] | None", templates: list) -> "UnitColumns | LongUnits | list[Appraisal]":
    """One workbook's units (see score_units); what reading noticed is added to `notes`."""
    from .read.multiunit import open_units

    units = open_units(Path(path), layout, sheet, on_row=sums.add if sums else None, templates=templates)
    if notes is not None:
        first_of_kind: dict[str, Finding] = {}
        for finding in units.findings if not isinstance(units, list) else [f for unit in units for f in unit.findings]:
            first_of_kind.setdefault(finding.key, finding)
        notes += first_of_kind.values()
    return units


def _scored_together(batch: "list[tuple[str | Path, list[Appraisal]]]", criterion_set: CriterionSet | None, *, assume_full: bool,
                     blank: str | None, node_points: bool, said: list) -> "list[tuple[str | Path, list]] | None":
    """The units of several workbooks scored by columns at once, each workbook's share;
    None when they cannot be (a unit named twice, one that needs scoring alone, wrong
    points): each workbook is then scored alone, which says what is wrong where. What
    the groups' scoring says of their units is added to `said` (see score_columns)."""
    from .core.columnar import appraisal_groups, score_groups

    units = [unit for _, read in batch for unit in read]
    names = [unit.source or "?" for unit in units]
    if len(set(names)) < len(names):
        return None
    groups = appraisal_groups(units, criterion_set)
    found: list = []  # kept only if every group is scored: else each unit is, and says it itself
    scored = score_groups(groups, names, criterion_set, assume_full=assume_full, blank=blank, node_points=node_points, said=found) if groups else None
    if scored is None:
        return None
    said += found
    shares, start = [], 0
    for path, read in batch:
        shares.append((path, scored[start:start + len(read)]))
        start += len(read)
    return shares


def _score_units(path: str | Path, units: "UnitColumns | LongUnits | list[Appraisal]", criterion_set: CriterionSet | None, *,
                 assume_full: bool, blank: str | None, na: str | None, totals_only: bool, node_points: bool,
                 problems: list, said: list, sums: "FieldSums | None" = None) -> list:
    """(unit, result) for every unit of one workbook (see score_units); the problems of
    units that cannot be scored are added to `problems`, what scoring by columns says of
    its units to `said` (see score_columns)."""
    from .core.columnar import appraisal_groups, score_columns, score_groups
    from .core.errors import Problem, ScoringError
    from .read.multiunit import LongUnits, UnitColumns

    scored = None
    found: list = []  # kept only if every unit is scored by columns (see _scored_together)
    if totals_only and isinstance(units, UnitColumns) and not units.marks:  # a mark may change a unit's scale
        scored = score_columns(units, criterion_set, assume_full=assume_full, blank=blank, sums=sums, node_points=node_points, said=found)
    elif totals_only and isinstance(units, LongUnits) and not units.marks:
        scored = score_groups(units.groups, units.units, criterion_set, assume_full=assume_full, blank=blank, node_points=node_points,
                              said=found)
    elif totals_only and isinstance(units, list) and (groups := appraisal_groups(units, criterion_set)) is not None:
        scored = score_groups(groups, [unit.source or "?" for unit in units], criterion_set, assume_full=assume_full, blank=blank,
                              node_points=node_points, said=found)
    if scored is not None:
        said += found
        return scored
    scored = []  # unit by unit, each with its own problems
    trees: dict = {}  # the units of a sheet share their tree
    for appraisal in units if isinstance(units, list) else units.appraisals():
        unit = appraisal.source or "?"
        try:
            scored.append((unit, score_appraisal(appraisal, criterion_set, assume_full=assume_full, blank=blank, na=na, trees=trees)))
        except ScoringError as exc:
            # at its cell, else its sheet (several codes missing, say), the unit named once
            sheet_place = Place(str(path)).sheet(appraisal.sheet) if appraisal.sheet else Place(str(path))
            problems += [Problem(p.where or sheet_place, Msg("unit {unit!r}: {message}", unit=unit, message=p.message)) for p in exc.problems]
    return scored


# What score says of its unit's own figures, and a ranking of each unit's: its total rows
# (Tổng cộng) against its computed total and scale, its given nodes against the given
# nodes below them (a field's points against its sub-criteria's).
_OWN_FIGURES = frozenset({"stated_total", "stated_max", "children_sum", "children_lose_more", "children_exceed"})


def _own_figures(units: "UnitColumns | LongUnits | list[Appraisal]", scored: list, checks: dict) -> list[Finding]:
    """What score says of each unit's own figures (_OWN_FIGURES), at their cells: a unit
    scored alone has it in its result; units scored by columns are checked here (core.
    consistency; `checks` keeps each tree's checks by the codes given)."""
    from .core.consistency import given_checks, unit_findings
    from .core.scoring import stated_totals
    from .read.longsheet import LongUnits
    from .read.multiunit import UnitColumns
    from .read.xlsx import column_letter

    found = [finding for _, result in scored if isinstance(result, ScoreResult) for finding in result.findings if finding.key in _OWN_FIGURES]
    by_columns = {unit: result for unit, result in scored if not isinstance(result, ScoreResult)}
    if not by_columns:
        return found
    if isinstance(units, list):
        for appraisal in units:
            result = by_columns.get(appraisal.source or "?")
            if result is None:
                continue
            found += stated_totals(result, appraisal)
            points = appraisal.given_points()
            key = (id(result.criteria), frozenset(points))
            if key not in checks:
                checks[key] = given_checks(result.criteria, key[1])
            found += unit_findings(checks[key], points, lambda code, appraisal=appraisal: appraisal.by_code()[code].place())
    elif isinstance(units, UnitColumns):
        numbers = {row.code: row.number for row in units.rows}
        letters = [column_letter(column + 1) for column in units.columns]
        found += _column_figures(units, by_columns[units.units[0]].criteria,
                                 lambda position, code: units.place(f"{letters[position]}{numbers[code]}"))  # the unit's cell, as its entry's
    elif isinstance(units, LongUnits):
        for group in units.groups:
            if group.units and group.units[0] in by_columns:
                found += _column_figures(group, by_columns[group.units[0]].criteria,
                                         lambda position, code, group=group: units.sheet.appraisal(group.units[position]).by_code()[code].place())
    return found


def _column_figures(columns: "UnitColumns | ColumnGroup", tree: CriterionSet, place: Callable[[int, str], Place]) -> list[Finding]:
    """The given-node checks of units scored together by columns. Whether any unit has
    one is known from the rows alone (each row's distinct values: a unit gives at most
    the codes some unit gives); the sheet is read again only then, and each unit is
    checked on the codes it gives (a cell left blank under --blank zero is not given)."""
    from .core.consistency import given_checks, unit_findings

    some = given_checks(tree, frozenset(row.code for row in columns.rows if row.given))
    if not some:
        return []
    below = {node.code for check, _, _ in some for node in check.walk()}
    points = {row.code: list(map(row.points.__getitem__, cells)) for row, cells in columns.cells() if row.code in below and row.given}
    checks: dict[frozenset[str], tuple] = {}
    found: list[Finding] = []
    for position in range(len(columns.units)):
        given = {code: column[position] for code, column in points.items() if column[position] is not None}
        key = frozenset(given)
        if key not in checks:
            checks[key] = given_checks(tree, key)
        found += unit_findings(checks[key], given, lambda code, position=position: place(position, code))
    return found


class _Listed(NamedTuple):
    """Units that list the same codes: how many, and where the first is."""

    codes: tuple[str, ...]
    count: int
    first: Callable[[], Place]


def _codes_listed(path: str | Path, units: "UnitColumns | LongUnits | list[Appraisal]") -> list[_Listed]:
    """The codes each unit of one workbook lists, units listing one tuple counted together."""
    from .read.longsheet import LongUnits

    workbook = Place(str(path))
    if isinstance(units, LongUnits):
        return [_Listed(tuple(row.code for row in group.rows), len(group.units), _sheet_or_unit(workbook, None, group.units[0]))
                for group in units.groups if group.units]
    if isinstance(units, list):  # a sheet per unit: the sheet is named
        return [_Listed(unit.codes(), 1, _sheet_or_unit(workbook, unit.sheet, unit.source)) for unit in units]
    # names, not the units, are kept: a wide sheet's units hold its parse
    return [_Listed(tuple(row.code for row in units.rows), len(units.units), _sheet_or_unit(workbook, units.sheet, None))] if units.units else []


def _sheet_or_unit(workbook: Place, sheet: str | None, unit: str | None) -> Callable[[], Place]:
    return lambda: workbook.sheet(sheet) if sheet else workbook.unit(unit or "?")


def _rows_missing(listed: list[_Listed]) -> list[Finding]:
    """Without a set each unit is scored on its own rows: units whose rows lack codes
    that others list (a row deleted by mistake, in one unit's sheet or one commune's
    workbook) are scored on a smaller scale, which is said once for all the workbooks:
    the first such unit, and how many there are."""
    every = dict.fromkeys(code for codes in dict.fromkeys(entry.codes for entry in listed) for code in codes)
    lacking = [entry for entry in listed if len(set(entry.codes)) < len(every)]
    if not lacking:
        return []
    listed_first = set(lacking[0].codes)
    return [Finding("rows_missing", None, lacking[0].first(), {"codes": short_list([code for code in every if code not in listed_first]),
                                                                "units": sum(entry.count for entry in lacking)})]


# a unit's warning -> the ranking's
_MARKS_READ = {"na_full": "na_full_units", "na_exclude": "na_exclude_units", "blank_zero": "blank_zero_units",
               "assumed_full": "assumed_full_units"}


def _marks_read(named: list, said: "list[tuple[tuple[str, ...], Finding]]", workbooks: Mapping[str, str]) -> list[Finding]:
    """How --na read the cells marked không áp dụng, --blank zero the blank ones and
    --assume-full the parts missing, once for all the units (score says it of its one
    unit): how many units have such cells or parts, and the first one's, at its cell
    or else its workbook (`workbooks`: each unit's). A unit scored alone says it in its
    result; units scored by columns share what their group's first unit's scoring said
    (`said`)."""
    of_group: dict[str, list[Finding]] = {}
    for units, finding in said:
        for unit in units:
            of_group.setdefault(unit, []).append(finding)
    marked: dict[str, list[tuple[str, Finding]]] = {}
    for unit, result in named:
        for finding in unit_readings(result) if isinstance(result, ScoreResult) else of_group.get(unit, ()):
            if finding.key in _MARKS_READ:
                marked.setdefault(finding.key, []).append((unit, finding))
    return [Finding(_MARKS_READ[key], None, first.where or Place(workbooks[unit]), {"units": len(units), "unit": unit, "codes": first.params["codes"]})
            for key, units in marked.items() for unit, first in units[:1]]


def _said_once(notes: list[Finding]) -> list[Finding]:
    """Each warning once: the same warning of several workbooks (500 communes' files
    filled in from one template) at the first, naming the others."""
    from .core.labels import finding_message

    others: dict[tuple[str, str], list[str]] = {}  # (kind, message) -> the other workbooks, in order
    said: dict[tuple[str, str], Finding] = {}
    for note in notes:
        same = (note.key, finding_message(note, "en"))
        if same in said:
            others[same].append(note.where.file if isinstance(note.where, Place) else str(note.where or "?"))
        else:
            said[same], others[same] = note, []
    return [replace(note, also=tuple(others[same])) if others[same] else note for same, note in said.items()]


def without_lock_files(paths: "Sequence[str | Path]") -> "tuple[list[Path], list[Path]]":
    """(workbooks, lock files): a shell's *.xlsx also picks up the ~$name.xlsx that Excel
    leaves beside a workbook it has open, which is no workbook."""
    from .read.xlsx import is_lock_file

    chosen = [Path(path) for path in paths]
    return [path for path in chosen if not is_lock_file(path)], [path for path in chosen if is_lock_file(path)]


def rank_workbooks(
    paths: "Sequence[str | Path]",
    criteria: str | Path | CriterionSet | None = None,
    *,
    layout: str | None = None,
    sheet: str | None = None,
    assume_full: bool = False,
    blank: str | None = None,
    na: str | None = None,
) -> "Ranking":
    """Read every unit of every workbook, score each and rank them."""
    from .analysis.ranking import rank_results

    notes: list[Finding] = []
    scored = score_units(paths, criteria, layout=layout, sheet=sheet, assume_full=assume_full, blank=blank, na=na,
                         totals_only=True, notes=notes)
    return replace(rank_results(scored), findings=tuple(notes))


def ranking_appendix(
    ranking: "Ranking",
    *,
    year: int | None = None,
    title: str | None = None,
    plan: str | None = None,
    unit: str | None = None,
    lang: str = "vi",
) -> "RankingAppendix":
    """The ranking as a signed appendix: `title` ({year} replaced; default: whose index,
    of which year), `plan` for the "(Kèm theo ...)" line, `unit` a unit of the ranking
    to chart against the mean."""
    from .analysis.ranking_document import build_ranking_appendix

    focus = None
    if unit is not None:
        focus = ranking.find(unit)
        if focus is None:
            raise _not_a_unit(unit, ranking)
    return build_ranking_appendix(ranking, year=year, title=title, plan=plan, lang=lang, focus=focus)


def render_ranking(ranking: "Ranking | RankingAppendix", fmt: str, *, lang: str = "vi", **appendix: object) -> bytes:
    """The ranking in `fmt` (json, csv, md, xlsx, docx) as bytes to write; xlsx and docx
    are the signed appendix (`appendix` takes ranking_appendix's options), xlsx with
    its charts."""
    from .analysis.ranking_document import RankingAppendix
    from .write import rank as out

    document = ranking if isinstance(ranking, RankingAppendix) else None
    plain = document.ranking if document is not None else ranking
    if fmt in ("json", "md", "csv"):
        text = {"json": out.rank_json, "md": out.rank_markdown, "csv": out.rank_csv}[fmt](plain, document.lang if document else lang)  # type: ignore[arg-type]
        return text.encode("utf-8")
    if document is None:
        document = ranking_appendix(plain, lang=lang, **appendix)  # type: ignore[arg-type]
    if fmt == "xlsx":
        return out.rank_xlsx(document)
    if fmt == "docx":
        return out.rank_docx(document)
    raise ValueError(fmt)


def unit_report(
    paths: "Sequence[str | Path]",
    criteria: str | Path | CriterionSet | None = None,
    *,
    previous: "Sequence[str | Path]" = (),
    criteria_previous: str | Path | CriterionSet | None = None,
    unit: str | None = None,
    layout: str | None = None,
    sheet: str | None = None,
    assume_full: bool = False,
    blank: str | None = None,
    na: str | None = None,
    year: int | None = None,
    title: str | None = None,
    lang: str = "vi",
) -> "Report":
    """What `parcalc report` shows: every unit of the workbooks scored and ranked, one
    unit (`unit`, else the first unit read) with its tree, and with `previous` (the
    earlier year's workbooks) the changes, as `compare` finds them."""
    from .analysis.compare import compare
    from .analysis.ranking import rank_results
    from .analysis.report import build_report

    options = dict(layout=layout, sheet=sheet, assume_full=assume_full, blank=blank, na=na)
    notes: list[Finding] = []
    scored = score_units(paths, criteria, notes=notes, **options)  # type: ignore[arg-type]
    ranking = replace(rank_results(scored), findings=tuple(notes))
    focus = ranking.find(unit if unit is not None else scored[0][0]) if scored else None
    if focus is None:
        raise _not_a_unit(unit, ranking)
    comparison = None
    if previous:
        before = rank_results(score_units(previous, criteria_previous or criteria, **options))  # type: ignore[arg-type]
        comparison = compare(before, ranking)
    return build_report(ranking, focus, comparison=comparison, title=title, year=year, lang=lang,
                        sources=tuple(Path(path).name for path in paths), previous_sources=tuple(Path(path).name for path in previous))


def report_html(report: "Report") -> str:
    """The report as one self-contained HTML page (inline style and SVG charts, no
    script, nothing fetched). Needs matplotlib (`pip install 'parcalc[report]'`)."""
    require_report_library()
    from .write.report_html import report_html as html

    return html(report)


def require_report_library() -> None:
    """A one-line error when matplotlib, which draws the report's charts, is missing."""
    from .core.errors import UsageError
    from .write.report_charts import available

    if not available():
        raise UsageError.at("parcalc report", "needs the plotting library matplotlib, which is not installed: "
                                              "pip install 'parcalc[report]'")


def compare_workbooks(
    old: str | Path,
    new: str | Path,
    criteria: str | Path | CriterionSet | None = None,
    criteria_new: str | Path | CriterionSet | None = None,
    *,
    layout: str | None = None,
    assume_full: bool = False,
    blank: str | None = None,
    na: str | None = None,
) -> "Comparison":
    """Year over year: every unit of `old` against the same unit of `new`, node by node;
    `criteria_new` is the later year's set when it differs."""
    from .analysis.compare import compare
    from .analysis.ranking import rank_results

    def ranked(path: str | Path, criterion_set: str | Path | CriterionSet | None) -> "Ranking":
        notes: list[Finding] = []
        scored = score_units([path], criterion_set, layout=layout, assume_full=assume_full, blank=blank, na=na,
                             totals_only=True, node_points=True, notes=notes)
        return replace(rank_results(scored), findings=tuple(notes))

    return compare(ranked(old, criteria), ranked(new, criteria_new or criteria))


def grade_floor(criteria: CriterionSet, name: str) -> "Decimal":
    """The lowest published index (two decimals) that reaches the grade named `name`."""
    from decimal import Decimal

    from .core.errors import UsageError

    for grade in criteria.grades:
        if " ".join(grade.name.casefold().split()) == " ".join(name.casefold().split()) or (
                grade.name_en and grade.name_en.casefold() == name.casefold()):
            return grade.floor if grade.inclusive else grade.floor + Decimal("0.01")
    raise UsageError.at("--target-grade", "{name!r} is not a grade of set {set}: its grades are {grades}",
                        name=name, set=criteria.id, grades=", ".join(grade.name for grade in criteria.grades))


def import_criteria_table(
    path: str | Path, *, set_id: str, title: str, level: str = "custom", sheet: str | None = None,
) -> str:
    """The YAML text of a criterion set built from a table of code, name and maximum
    points (the way decisions publish them); it is loaded back before it is returned."""
    from .core import reconcile
    from .read import criteria_file
    from .write.yaml_text import criteria_yaml

    path = Path(path)
    tree, _findings = reconcile.tree_from_workbook(read_workbook(path, sheet), kind="appraised", whole=False)
    text = criteria_yaml(CriterionSet(id=set_id, title=title, level=level, roots=tree.roots, total=tree.total_max), path.name)
    criteria_file.load_text(text, f"{set_id}.yaml")  # what we write must load
    return text


def playbook_skeleton(criteria: str | Path | CriterionSet) -> str:
    """A playbook YAML with an empty entry for every sub-criterion of a set, to fill in."""
    from .write.yaml_text import playbook_skeleton as skeleton

    return skeleton(as_criterion_set(criteria))


def template_workbook(criteria: str | CriterionSet, lang: str = "vi") -> bytes:
    """A blank scoring workbook (.xlsx bytes) for a set, which `score` reads back."""
    from .write import ooxml, template

    return ooxml.xlsx_bytes(template.build(as_criterion_set(criteria), lang))


def template_findings(criteria: CriterionSet, output: str | Path) -> list[Finding]:
    """What a user must know of a set's template: the nodes whose standard points the set
    does not know (a year whose breakdown is unpublished), left blank in Điểm chuẩn."""
    unknown = [node.code for node in criteria.walk() if node.max is None]
    return [Finding("template_unknown_max", None, str(output), {"set": criteria.id, "codes": short_list(unknown)})] if unknown else []


def render_appendix(appendix: "Appendix", fmt: str) -> bytes:
    """The appendix document in `fmt` (xlsx, docx, md, csv, json) as bytes to write."""
    from .write import appendix as text

    if fmt == "md":
        return text.appendix_markdown(appendix).encode("utf-8")
    if fmt == "json":
        return text.appendix_json(appendix).encode("utf-8")
    return _render_document(appendix, fmt)


def _render_document(document, fmt: str, notes: "Sequence[str]" = ()) -> bytes:
    """What every signed document writes alike: xlsx, docx (with `notes` below the table), csv."""
    if fmt == "xlsx":
        from .write.document_xlsx import document_xlsx

        return document_xlsx(document, notes)
    if fmt == "docx":
        from .write.document_docx import document_docx

        return document_docx(document, notes)
    if fmt == "csv":
        from .write.document import document_csv

        return b"\xef\xbb\xbf" + document_csv(document).encode("utf-8")  # BOM: Excel then reads UTF-8
    raise ValueError(fmt)


def _not_a_unit(unit: str | None, ranking: "Ranking") -> "UsageError":
    """--unit naming no unit that was read: the error, with the first units' names."""
    from .core.errors import UsageError

    shown = ", ".join(repr(u.unit) for u in ranking.units[:5]) + (", ..." if len(ranking.units) > 5 else "")
    return UsageError.at("--unit", "{unit!r} is not a unit of the workbooks (their units: {units})", unit=unit, units=shown)
