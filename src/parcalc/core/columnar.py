"""Scoring every unit of a wide sheet at once.

In a wide sheet every unit has points for the same codes (a unit left blank where
others have points is an error), so the engine's decisions (which nodes are given,
derived, bounded, assumed or absent) are the same for every unit. The first unit is
scored by the engine; every unit's field points are then the same sums of its own
given points plus what the engine assumed or left as a fixed remainder. Exact Decimal
sums, one list per field, no per-unit node objects: the totals equal scoring each unit
on its own (tests/test_columnar.py checks that on random sheets), for 10,000 units in a
fraction of the time. The sums are gathered during the sheet's reading (FieldSums),
which overlaps the parsing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from decimal import Decimal
from operator import add
from typing import Protocol

from .codes import parent_code
from .engine import ABSENT, GIVEN, NodePoints, NodeResult, Scale, UnitNodes, UnitTotals
from .errors import ScoringError
from .model import Appraisal, CopiedEntries, Criterion, CriterionSet, Entry
from .scoring import score_appraisal, unit_readings


@dataclass(frozen=True)
class CodeRow:
    """One code's row of a wide sheet. `points` maps each distinct value in the row's
    unit cells to its points (None for a blank): the same few values recur across
    thousands of units, so each is read once."""

    number: int
    code: str
    name: str | None
    max: Decimal | None
    points: dict[object, Decimal | None]
    where_code: str
    first: Decimal | None  # the first unit's points
    kind: str | None = None  # "bonus" or "penalty" for such a field's row (Điểm thưởng, Điểm trừ)

    @property
    def given(self) -> bool:
        return any(value is not None for value in self.points.values())

    @property
    def highest(self) -> Decimal | None:
        return max((value for value in self.points.values() if value is not None), default=None)


class UnitColumns(Protocol):
    """What column scoring needs of a wide sheet (parcalc.read.multiunit reads one): the
    units in column order, the code rows, the first unit, and each row's cells again."""

    @property
    def units(self) -> tuple[str, ...]: ...

    @property
    def rows(self) -> tuple[CodeRow, ...]: ...

    def first_unit(self) -> Appraisal: ...

    def cells(self) -> Iterator[tuple[CodeRow, Sequence]]: ...


@dataclass(frozen=True)
class ColumnGroup:
    """Units whose values are held, a column per code row: the units of a long sheet
    that give points for the same codes with the same standard points (so that the
    engine decides alike for each). A UnitColumns, as a wide sheet is."""

    units: tuple[str, ...]
    rows: tuple[CodeRow, ...]
    columns: tuple[Sequence, ...]  # each row's units' values, in unit order
    first: Appraisal

    def first_unit(self) -> Appraisal:
        return self.first

    def cells(self) -> Iterator[tuple[CodeRow, Sequence]]:
        return zip(self.rows, self.columns)


def appraisal_groups(appraisals: Sequence[Appraisal], criteria: CriterionSet | None) -> list[ColumnGroup] | None:
    """Units read one by one (a sheet each) as column groups: units whose rows give the
    same codes, standard points and kinds, with points in the same rows, are scored
    alike by the engine. None when a unit has what only scoring it alone reads: a không
    áp dụng mark, a raw value for a rule, lost points beside the points (checked against
    them). A row's name counts where it may name a node: without a set (`criteria`
    None), or for a node the set leaves unnamed. Without a set, a bonus row without
    standard points also shapes the tree by its points, so they count too. (Communes'
    files that each word a criterion their own way were a group each, 500 engine runs
    for 500 files.)"""
    own_tree = criteria is None
    named = frozenset() if criteria is None else frozenset(node.code for node in criteria.walk() if node.name)
    groups: dict[tuple, list[tuple[Appraisal, tuple]]] = {}
    for appraisal in appraisals:
        rows = _rows(appraisal.entries)
        if rows is None:
            return None
        codes, names, maxes, kinds, points = rows
        if named:
            names = tuple(None if code in named else name for code, name in zip(codes, names))
        key = (codes, names, maxes, kinds, tuple(point is None for point in points),
               tuple(point if most is None else None for point, most in zip(points, maxes)) if own_tree else None)
        groups.setdefault(key, []).append((appraisal, points))
    return [_group(members) for members in groups.values()]


def _rows(entries: Sequence[Entry]) -> tuple[tuple, tuple, tuple, tuple, tuple] | None:
    """A unit's rows as columns: codes, names, standard points, kinds and points; None
    if a row has a mark, a raw value or lost points."""
    if isinstance(entries, CopiedEntries):  # held as columns, entries made only if looked at
        return entries.codes, entries.names, entries.maxes, entries.kinds, entries.points
    if any(entry.mark is not None or entry.value is not None or entry.lost is not None for entry in entries):
        return None
    return (tuple(entry.code for entry in entries), tuple(entry.name for entry in entries), tuple(entry.max for entry in entries),
            tuple(entry.kind for entry in entries), tuple(entry.points for entry in entries))


def _group(members: list[tuple[Appraisal, tuple]]) -> ColumnGroup:
    first = members[0][0]
    columns = tuple(zip(*(points for _, points in members)))
    rows = tuple(CodeRow(0, entry.code, entry.name, entry.max, {value: value for value in set(column)}, entry.where.get("code", ""),
                         entry.points, entry.kind) for entry, column in zip(first.entries, columns))
    return ColumnGroup(tuple(member.source or "?" for member, _ in members), rows, columns, first)


# The first unit's findings that hold for every unit scored with it by columns: units
# are grouped so that their rows and blank cells are alike (a wide sheet's units, a long
# sheet's and one-unit sheets' groups), so --blank zero counts the same rows 0 for each,
# and --assume-full counts the same parts at full points.
SAID_OF_EVERY_UNIT = frozenset({"blank_zero", "assumed_full"})


class FieldSum:
    """One field's (or node's) points for every unit, summed exactly as integers that
    count 10**-places: several times faster than Decimal sums, and cheap to tell apart.
    A sum of one row is that row's points (shared Decimals, as small as the sums) until
    a second row comes: compare's every node of 10,000 units is mostly such sums (a
    sub-criterion's own row), and summing them cost about 0.15 s of a workbook's 1.65 s
    (api.score_units with node_points, 1.61 to 1.78 s before, 1.47 to 1.54 s after;
    time.perf_counter, three runs each, 2026-12-01)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.places = 0
        self._units: list[int] | None = None  # the sums, from the second row on
        self._first: list[Decimal] | None = None  # the only row's points so far
        self._scaled: dict[object, int] = {}  # a value -> its points in 10**-places; rows share most values

    def add(self, points: Mapping[object, Decimal | None], cells: Sequence) -> None:
        """Add a row's points: `cells` are its units' values, `points` each value's points."""
        if self._units is None and self._first is None:
            self._first = list(map(points.__getitem__, cells))  # type: ignore[arg-type]
            return
        if self._first is not None:  # the second row: the first one's points as integers
            first, self._first = self._first, None
            distinct = set(first)
            self.places = max([0, *(-point.as_tuple().exponent for point in distinct)])  # type: ignore[operator]
            scaled = {point: int(point.scaleb(self.places)) for point in distinct}
            self._units = list(map(scaled.__getitem__, first))
        self._add(points, cells)

    def _add(self, points: Mapping[object, Decimal | None], cells: Sequence) -> None:
        assert self._units is not None
        scaled = self._scaled
        new = [value for value in points if value not in scaled]
        if new:
            places = max(self.places, *(-points[value].as_tuple().exponent for value in new))  # type: ignore[union-attr, operator]
            if places > self.places:
                factor = 10 ** (places - self.places)
                self._units = [total * factor for total in self._units]
                scaled = self._scaled = {value: total * factor for value, total in scaled.items()}
                self.places = places
            scaled.update((value, int(points[value].scaleb(places))) for value in new)  # type: ignore[union-attr]
        self._units = list(map(add, self._units, map(scaled.__getitem__, cells)))

    def decimals(self, fixed: Decimal) -> list[Decimal]:
        """`fixed` plus each unit's sum; units with equal sums share one Decimal."""
        if self._first is not None:
            by_point = {point: fixed + point for point in set(self._first)}
            return list(map(by_point.__getitem__, self._first))
        units = self._units if self._units is not None else [0] * self.count
        by_total = {total: fixed + Decimal(f"{total}e-{self.places}") for total in set(units)}
        return list(map(by_total.__getitem__, units))


class FieldSums:
    """The field sums gathered while the sheet is first read, so that it need not be
    read again: pass `add` to parcalc.read.multiunit.open_units as `on_row`.

    A row counts for its field unless a row above it in the tree was given before it:
    these are the given rows the engine takes (a given row's children are ignored).
    Without a criterion set the tree is the workbook's own, whose rows nest by their
    codes (1 > 1.2 > 1.2.3): a row's field and ancestors are the rows read before it
    that its code extends. `score_columns` uses the sums only if the engine's given
    rows and fields are these; a parent row below its children, say, makes it read the
    sheet again."""

    def __init__(self, criteria: CriterionSet | None = None, nodes: bool = False) -> None:
        self._criteria = criteria
        self.tops: dict[str, str] = {}  # the code of each row summed -> its field's code
        self.by_field: dict[str, FieldSum] = {}
        # With `nodes`, every node's sums too (what compare needs): the rows summed for
        # each (`members`), so that score_columns can check them against the engine's.
        # Gathered as the sheet is read, not by reading it again: `compare` of two
        # 10,000-unit sheets spent 0.5 to 1.0 s a workbook reading it again (2026-11-30).
        self.nodes = nodes
        self.by_node: dict[str, FieldSum] = {}
        self.members: dict[str, list[str]] = {}
        self._read: set[str] = set()
        self._given: set[str] = set()

    @cached_property
    def _place(self) -> dict[str, tuple[str, tuple[str, ...]]] | None:
        """code -> (its field, its ancestors) in the set; None without one. Made at the
        first row: a workbook of one unit per sheet has none (walking the tree for each
        of 500 one-unit files took 0.07 s of 2.2, cProfile of bench_matrix's case)."""
        if self._criteria is None:
            return None
        place: dict[str, tuple[str, tuple[str, ...]]] = {}
        for root in self._criteria.roots:
            _locate(place, root, root.code, ())
        return place

    def add(self, row: CodeRow, cells: Sequence | None) -> None:
        """A code row and its units' values; None unless every unit has points."""
        place = self._place.get(row.code) if self._place is not None else self._by_codes(row.code)
        self._read.add(row.code)
        if cells is None:
            return
        self._given.add(row.code)
        if place is None or not self._given.isdisjoint(place[1]):
            return  # an unknown code fails in the engine; a given ancestor's row counts instead
        self.tops[row.code] = place[0]
        self.by_field.setdefault(place[0], FieldSum(len(cells))).add(row.points, cells)
        if self.nodes:
            for target in (*place[1], row.code):
                self.members.setdefault(target, []).append(row.code)
                if target != place[0]:  # the field's sum is by_field's
                    self.by_node.setdefault(target, FieldSum(len(cells))).add(row.points, cells)

    def _by_codes(self, code: str) -> tuple[str, tuple[str, ...]]:
        ancestors = []
        parent = parent_code(code)
        while parent is not None:
            if parent in self._read:
                ancestors.append(parent)
            parent = parent_code(parent)
        return (ancestors[-1] if ancestors else code), tuple(ancestors)


def _locate(place: dict[str, tuple[str, tuple[str, ...]]], node: Criterion, field: str, ancestors: tuple[str, ...]) -> None:
    place[node.code] = (field, ancestors)
    for child in node.children:
        _locate(place, child, field, (*ancestors, node.code))


def score_groups(groups: Sequence[UnitColumns], order: Sequence[str], criteria: CriterionSet | None, *, assume_full: bool,
                 blank: str | None, node_points: bool, said: list | None = None) -> list[tuple[str, UnitTotals]] | None:
    """(unit, totals) for every unit of `groups`, in `order`; None when some unit's
    points are wrong (see score_columns). Groups with equal trees share one tree object."""
    trees: dict = {}
    totals: dict[str, UnitTotals] = {}
    for group in groups:
        scored = score_columns(group, criteria, assume_full=assume_full, blank=blank, trees=trees, node_points=node_points, said=said)
        if scored is None:
            return None
        totals.update(scored)
    return [(unit, totals[unit]) for unit in order]


def score_columns(columns: UnitColumns, criteria: CriterionSet | None, *, assume_full: bool, blank: str | None,
                  sums: FieldSums | None = None, trees: dict | None = None,
                  node_points: bool, said: list | None = None) -> list[tuple[str, UnitTotals]] | None:
    """(unit, totals) for every unit, in column order; None when some unit's points are
    wrong, so that the caller scores unit by unit and reports each problem. `sums`, if
    gathered while `columns` were read, spare a second reading; `trees` as score_appraisal's.
    With `node_points`, UnitNodes: the totals and every node's points (what compare needs).
    Columns hold no không áp dụng mark (a sheet with one is scored unit by unit), so --na
    has nothing to say here; what the first unit's scoring says of every unit (its blank
    cells counted as 0: the units' blanks are alike) is added to `said` as (units, finding)."""
    try:
        result = score_appraisal(columns.first_unit(), criteria, assume_full=assume_full, blank=blank, trees=trees)
    except ScoringError:
        return None
    if said is not None:
        said += [(columns.units, finding) for finding in unit_readings(result) if finding.key in SAID_OF_EVERY_UNIT]
    nodes = {node.code: node for node in result.nodes}
    if any(row.given and row.highest > nodes[row.code].max for row in columns.rows):  # type: ignore[operator]
        return None
    tree = result.criteria
    count = len(columns.units)
    # A node's points are, for every unit, what the engine gave the first unit less the
    # first unit's given rows below it (assumed points, remainders: the same for all)
    # plus the unit's own given rows below it. A row left blank in every column that the
    # engine takes as given (--blank zero) gives every unit the same points: fixed.
    holding = {row.code for row in columns.rows if row.given}
    targets = tree.by_code().values() if node_points else tree.roots
    tops = {node.code: [code for code in _given_tops(node, nodes) if code in holding] for node in targets if nodes[node.code].points is not None}
    field_tops = {code: field for field in (root.code for root in tree.roots) if field in tops for code in tops[field]}
    if sums is not None and not node_points and sums.tops == field_tops:
        by_target = sums.by_field
    elif sums is not None and node_points and sums.nodes and _summed_alike(sums.members, tops):
        by_target = {**sums.by_node, **sums.by_field}
    else:
        by_target = _sum_again(columns, tops)
    points: dict[str, list[Decimal]] = {}
    for code, below in tops.items():
        fixed = nodes[code].points - sum(nodes[top].points for top in below)  # type: ignore[operator, misc]
        points[code] = by_target[code].decimals(fixed) if code in by_target else [fixed] * count
    field_sums = [points.get(root.code) for root in tree.roots]
    scale = Scale(tree, frozenset(root.code for root in tree.roots if nodes[root.code].status == ABSENT))
    field_points = zip(*(field if field is not None else [None] * count for field in field_sums))
    total_points = scale.unit_points(field_sums, count)
    if not node_points:
        return list(zip(columns.units, UnitTotals.of_units(tree, total_points, scale.total_max, field_points)))
    codes = tuple(points)
    places = {code: place for place, code in enumerate(codes)}
    per_unit = (NodePoints(codes, places, unit_points) for unit_points in zip(*points.values()))
    return list(zip(columns.units, UnitNodes.of_units(tree, total_points, scale.total_max, field_points, per_unit)))


def _summed_alike(members: Mapping[str, list[str]], tops: Mapping[str, list[str]]) -> bool:
    """Whether the rows summed for each node as the sheet was read are the engine's given
    rows below it (a parent row below its children, or a code the engine does not take,
    makes them differ)."""
    return {target: set(codes) for target, codes in members.items()} == {target: set(codes) for target, codes in tops.items() if codes}


def _sum_again(columns: UnitColumns, tops: Mapping[str, list[str]]) -> dict[str, FieldSum]:
    """The given rows' points summed for each node of `tops` (node -> its given rows),
    read from the sheet again."""
    targets_of: dict[str, list[str]] = {}
    for target, codes in tops.items():
        for code in codes:
            targets_of.setdefault(code, []).append(target)
    by_target: dict[str, FieldSum] = {}
    for row, cells in columns.cells():
        for target in targets_of.get(row.code, ()):
            by_target.setdefault(target, FieldSum(len(cells))).add(row.points, cells)
    return by_target


def _given_tops(node: Criterion, nodes: Mapping[str, NodeResult]) -> Iterator[str]:
    """The given nodes at or below `node` with no given ancestor below `node`."""
    if nodes[node.code].status == GIVEN:
        yield node.code
        return
    for child in node.children:
        yield from _given_tops(child, nodes)
