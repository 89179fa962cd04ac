"""The scoring engine: criterion tree + appraised values -> points, lost points, index.

Pure and exact: Decimal arithmetic only, no I/O, no knowledge of Excel, YAML or the
terminal. Places (cells) travel through as opaque strings taken from the entries.

A node's points are, in order: the points given for it; else the sum of its children
(plus its unlisted remainder when it is partial); else, below a given ancestor, they are
"bounded" (covered by the ancestor's total but not known one by one); else they are
missing, which is an error unless `assume_full` counts them at full points.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from operator import add, sub
from typing import Any, Callable, Generic, Iterable, Iterator, KeysView, Mapping, Sequence, TypeVar

from .consistency import given_below, unit_finding
from .errors import Problem, ScoringError
from .messages import Msg, short_list
from .model import EXTRA_KINDS, MOHA_GROUPS, Criterion, CriterionSet, Entry, Finding, Grade
from .numbers import TOLERANCE, percent
from .rules import Threshold

GIVEN, DERIVED, BOUNDED, ASSUMED, ABSENT = "given", "derived", "bounded", "assumed", "absent"


_T = TypeVar("_T")
_P = TypeVar("_P")  # points: one unit's, or a column of many units'
_U = TypeVar("_U", bound="UnitTotals")


class _once(Generic[_T]):
    """functools.cached_property without the lock that Python < 3.12 takes on each
    first access: ranking 10,000 units asks each for its index and group several times."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute, self.name = compute, compute.__name__

    def __get__(self, instance: object, owner: type | None = None) -> _T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.compute(instance)  # later reads find it there
        return value


class TotalPoints:
    """Anything with total points out of a total maximum: what it lost."""

    __slots__ = ()  # UnitTotals has slots
    total_points: Decimal
    total_max: Decimal

    @property
    def total_lost(self) -> Decimal:
        return self.total_max - self.total_points


class Totals(TotalPoints):
    """Index and group of anything with total points out of a total maximum."""

    @_once
    def index(self) -> Decimal:
        return percent(self.total_points, self.total_max)

    @property
    def grades(self) -> tuple[Grade, ...]:
        return MOHA_GROUPS

    @_once
    def group(self) -> str:
        return group_of(self.index, self.grades)


@dataclass(frozen=True)
class NodeResult:
    criterion: Criterion
    points: Decimal | None
    status: str
    self_score: Decimal | None = None
    value: Decimal | None = None  # the raw indicator its rule scored (a rate, a count, yes/no)
    where: str | None = None

    @property
    def code(self) -> str:
        return self.criterion.code

    @property
    def max(self) -> Decimal:
        assert self.criterion.max is not None
        return self.criterion.max

    @property
    def lost(self) -> Decimal | None:
        """Points lost from the scale: a penalty loses what it deducts, a bonus nothing."""
        if self.points is None:
            return None
        if self.criterion.kind == "bonus":
            return Decimal(0)
        if self.criterion.kind == "penalty":
            return self.points
        return self.max - self.points

    @property
    def given(self) -> bool:
        return self.status == GIVEN

    @property
    def target(self) -> Threshold | None:
        """The value its rule gives full points from, when it has such a rule."""
        rule = self.criterion.rule
        return rule.full_points_at(self.max) if rule is not None and self.criterion.max is not None else None

    @property
    def self_minus_appraised(self) -> Decimal | None:
        if self.self_score is None or self.points is None:
            return None
        return self.self_score - self.points


@dataclass(frozen=True)
class ScoreResult(Totals):
    criteria: CriterionSet
    nodes: tuple[NodeResult, ...]
    total_max: Decimal
    total_points: Decimal
    assumed: tuple[str, ...]
    findings: tuple[Finding, ...]
    split: Mapping[str, Decimal] | None
    source: str | None = None
    sheet: str | None = None
    columns: tuple[tuple[str, str], ...] = ()  # (role, "D «Điểm thẩm định»"): where the workbook's numbers were read

    @property
    def grades(self) -> tuple[Grade, ...]:
        return self.criteria.grades

    def node(self, code: str) -> NodeResult:
        for result in self.nodes:
            if result.code == code:
                return result
        raise KeyError(code)

    @property
    def fields(self) -> tuple[NodeResult, ...]:
        return tuple(result for result in self.nodes if result.criterion.level == 1)

    @staticmethod
    def sub_index(result: NodeResult) -> Decimal | None:
        return None if result.points is None else percent(result.points, result.max)

    @property
    def node_points(self) -> dict[str, Decimal]:
        """Each node that has points -> its points, in tree order (as UnitNodes has them)."""
        return {result.code: result.points for result in self.nodes if result.points is not None}

    @property
    def field_points(self) -> tuple[Decimal | None, ...]:
        """The points of each top-level node (`criteria.roots`), in order."""
        points = {result.code: result.points for result in self.nodes}
        return tuple(points[root.code] for root in self.criteria.roots)


@dataclass(frozen=True, slots=True)  # slots: made 10,000 at a time, twice as fast
class UnitTotals(TotalPoints):
    """What a ranking needs of one unit: its totals, index and group, and each field's
    points (in the order of `criteria.roots`), without a result for every node. Made
    many at a time by `of_units`."""

    criteria: CriterionSet
    total_points: Decimal
    total_max: Decimal
    field_points: tuple[Decimal | None, ...]
    index: Decimal
    group: str

    @classmethod
    def of_units(cls: type[_U], criteria: CriterionSet, total_points: Sequence[Decimal], total_max: Decimal,
                 field_points: Iterable[tuple[Decimal | None, ...]], *more: Iterable) -> list[_U]:
        """One per unit; `more` gives a subclass's further fields, an iterable each.
        Thousands of units have far fewer distinct totals: each one's index and group
        (as Totals works them out) are worked out once."""
        index_and_group: dict[Decimal, tuple[Decimal, str]] = {}
        for points in set(total_points):
            index = percent(points, total_max)
            index_and_group[points] = (index, group_of(index, criteria.grades))
        return [cls(criteria, points, total_max, fields, *index_and_group[points], *rest)
                for points, fields, *rest in zip(total_points, field_points, *more, strict=True)]  # never a unit dropped


@dataclass(frozen=True, slots=True)
class UnitNodes(UnitTotals):
    """UnitTotals and every node's points: what compare needs of each of many units."""

    node_points: Mapping[str, Decimal]  # each node that has points -> its points, in tree order


class NodePoints(Mapping[str, Decimal]):
    """A unit's points by node, read as a dict is, held as the points alone beside the
    codes (and their places) that the units scored together share. A dict per unit held
    compare's two million node points again: `compare` of two 10,000-unit workbooks
    peaked at 210 MiB with dicts, 175 MiB with these (bench_matrix.py --only compare,
    2026-12-01; the time did not move: 4.63 s, 2.00 x calamine)."""

    __slots__ = ("_codes", "_places", "_points")

    def __init__(self, codes: tuple[str, ...], places: dict[str, int], points: tuple[Decimal, ...]) -> None:
        self._codes, self._places, self._points = codes, places, points

    def __getitem__(self, code: str) -> Decimal:
        return self._points[self._places[code]]

    def __contains__(self, code: object) -> bool:
        return code in self._places

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def keys(self) -> KeysView[str]:  # compared in C, as a dict's
        return self._places.keys()

    def values(self) -> tuple[Decimal, ...]:  # type: ignore[override]  # in order, without a lookup per node
        return self._points

    def __repr__(self) -> str:
        return repr(dict(zip(self._codes, self._points)))


def group_of(index: Decimal, grades: Sequence[Grade] = MOHA_GROUPS) -> str:
    """The first grade the (published, rounded) index reaches; MoHA's: A >= 90, B 80 to
    < 90, C 70 to < 80, D below. A set's own grades end at 0, so every index has one."""
    for grade in grades:
        if grade.reached(index):
            return grade.name
    return grades[-1].name


def score(
    criteria: CriterionSet,
    values: Mapping[str, Entry],
    *,
    assume_full: bool = False,
    findings: tuple[Finding, ...] = (),
) -> ScoreResult:
    """Score `values` (code -> entry) against `criteria`.

    Raises ScoringError listing every problem at once: unknown codes, unknown maxima,
    points above the maximum, and (without `assume_full`) points that are neither given
    nor covered by a given ancestor. `findings` from earlier steps are kept in front.
    """
    scorer = _Scorer(values, assume_full)
    scorer.check_codes(criteria)
    if scorer.problems:
        raise ScoringError(*scorer.problems)
    absent = absent_blocks(criteria, values)
    for root in criteria.roots:
        if root.code in absent:
            scorer.mark_absent(root)
        else:
            scorer.evaluate(root, bounded_by=None)
    if scorer.missing:
        scorer.problems.append(_missing_problem(scorer.missing, values))
    if scorer.problems:
        raise ScoringError(*scorer.problems)
    ordered = tuple(sorted(scorer.results.values(), key=lambda r: scorer.order[r.code]))
    total_points, total_max = totals(criteria, {root.code: scorer.results[root.code].points for root in criteria.roots}, absent)
    return ScoreResult(
        criteria=criteria,
        nodes=ordered,
        total_max=total_max,
        total_points=total_points,
        assumed=tuple(scorer.assumed),
        findings=tuple(findings) + tuple(scorer.findings),
        split=_split_all(criteria, scorer.results),
    )


def absent_blocks(criteria: CriterionSet, values: Mapping[str, Entry]) -> frozenset[str]:
    """Optional top-level blocks with no points given anywhere inside them."""
    given = {code for code, entry in values.items() if entry.points is not None}
    return frozenset(
        root.code for root in criteria.roots
        if root.optional and not any(node.code in given for node in root.walk())
    )


class Scale:
    """How a set turns its fields' points into total points: the scale leaves out absent
    optional blocks (so the index is rescaled) and bonus and penalty blocks, which are
    added and deducted per the set's `combine`, never below 0. Worked out once, so that
    `points` is cheap enough for each of 10,000 units."""

    def __init__(self, criteria: CriterionSet, absent: frozenset[str] = frozenset()) -> None:
        roots = criteria.roots
        self.codes = tuple(root.code for root in roots)
        self._scale = [i for i, root in enumerate(roots) if root.kind not in EXTRA_KINDS and root.code not in absent]
        self._bonus = [i for i, root in enumerate(roots) if root.kind == "bonus"]
        self._penalty = [i for i, root in enumerate(roots) if root.kind == "penalty"]
        self.total_max = sum((roots[i].max for i in self._scale if roots[i].max is not None), Decimal(0))
        self._capped = criteria.combine == "add_capped"

    def points(self, field_points: Sequence[Decimal | None]) -> Decimal:
        """Total points from each field's points, in the order of the set's fields."""
        return self.bound(self._combine(field_points, Decimal(0), add, sub))

    def unit_points(self, field_columns: Sequence[Sequence[Decimal] | None], count: int) -> list[Decimal]:
        """`points` for each of `count` units at once, from each field's column of the
        units' points (None for a field without points)."""
        combined = self._combine(field_columns, [Decimal(0)] * count, _add_columns, _subtract_columns)
        bounded = {points: self.bound(points) for points in set(combined)}
        return list(map(bounded.__getitem__, combined))

    def bound(self, points: Decimal) -> Decimal:
        """Added-up points as total points: capped at the scale when the set says so, never below 0."""
        if self._capped and points > self.total_max:
            points = self.total_max
        return points if points > 0 else Decimal(0)

    def _combine(self, fields: Sequence[_P | None], start: _P, plus: Callable[[_P, _P], _P], minus: Callable[[_P, _P], _P]) -> _P:
        """The fields on the scale and the bonus fields added, the penalty fields deducted."""
        points = start
        for i in self._scale + self._bonus:
            if fields[i] is not None:
                points = plus(points, fields[i])  # type: ignore[arg-type]
        for i in self._penalty:
            if fields[i] is not None:
                points = minus(points, fields[i])  # type: ignore[arg-type]
        return points


def _add_columns(left: list[Decimal], right: Sequence[Decimal]) -> list[Decimal]:
    return list(map(add, left, right))


def _subtract_columns(left: list[Decimal], right: Sequence[Decimal]) -> list[Decimal]:
    return list(map(sub, left, right))


def totals(criteria: CriterionSet, root_points: Mapping[str, Decimal | None], absent: frozenset[str] = frozenset()) -> tuple[Decimal, Decimal]:
    """(total points, total maximum) from the fields' points (see Scale)."""
    scale = Scale(criteria, absent)
    return scale.points([root_points.get(code) for code in scale.codes]), scale.total_max


def _missing_problem(missing: list[str], values: Mapping[str, Entry]) -> Problem:
    """Points that no row gives: blank cells of rows in the workbook, or codes it leaves
    out. Both readings are named, since a wrong one moves a unit between groups. `2*`,
    the part of 2's standard points that its listed rows do not cover, is explained."""
    shown = short_list(missing)
    part = next((label[:-1] for label in missing if label.endswith("*")), None)
    note = Msg(" ({code}* is the part of {code}'s standard points that no row lists)", code=part) if part else ""
    blank = [code for code in missing if code in values]
    if blank:
        return Problem(
            values[blank[0]].place() if len(blank) == len(missing) == 1 else None,
            Msg("no points for {codes}{note}: give them in the workbook (or their parent's points), or say how to read "
                "what is blank or left out: --blank zero (not achieved, 0 points) or --blank full / --assume-full (counted at full points)", codes=shown, note=note),
        )
    return Problem(
        values[part].place() if missing == [f"{part}*"] and part in values else None,  # the row of the part's parent
        Msg("no points for {codes}{note}: give them in the workbook (or their parent's points), "
            "or pass --assume-full to count them at full points", codes=shown, note=note),
    )


class _Scorer:
    def __init__(self, values: Mapping[str, Entry], assume_full: bool) -> None:
        self.values = values
        self.given = {code: entry.points for code, entry in values.items() if entry.points is not None}
        self.given_codes = frozenset(self.given)
        self.assume_full = assume_full
        self.results: dict[str, NodeResult] = {}
        self.order: dict[str, int] = {}
        self.problems: list[Problem] = []
        self.findings: list[Finding] = []
        self.missing: list[str] = []
        self.assumed: list[str] = []

    def check_codes(self, criteria: CriterionSet) -> None:
        known = criteria.by_code()
        for entry in self.values.values():
            if entry.code not in known:
                self.problems.append(Problem(
                    entry.code_place,
                    Msg("code {code} is not in criterion set {set}: correct the code or use the set the workbook was made for",
                        code=entry.code, set=criteria.id),
                ))
        for position, node in enumerate(known.values()):
            self.order[node.code] = position
            if node.max is None:
                self.problems.append(Problem(
                    None,
                    Msg("criterion {code}: set {set} does not know its maximum points; give them in the workbook's "
                        "standard points column (Điểm chuẩn)", code=node.code, set=criteria.id),
                ))

    def mark_absent(self, root: Criterion) -> None:
        for node in root.walk():
            self.results[node.code] = NodeResult(criterion=node, points=None, status=ABSENT)

    def evaluate(self, node: Criterion, bounded_by: str | None) -> NodeResult:
        entry = self.values.get(node.code)
        given = entry is not None and entry.points is not None
        if given:
            assert entry is not None and entry.points is not None and node.max is not None
            if entry.points > node.max:
                self.problems.append(Problem(
                    entry.place(),
                    Msg("{code} has {points} points, more than its maximum {max}", code=node.code, points=entry.points, max=node.max),
                ))
        children = [
            self.evaluate(child, bounded_by=node.code if given else bounded_by)
            for child in node.children
        ]
        if given:
            assert entry is not None
            points: Decimal | None = entry.points
            status = GIVEN
            self._check_children(node, entry)
            self._check_lost(node, entry)
        else:
            points, status = self._without_points(node, children, bounded_by)
        result = NodeResult(
            criterion=node,
            points=points,
            status=status,
            self_score=entry.self_score if entry else None,
            value=entry.value if entry else None,
            where=entry.place() if entry else None,
        )
        self.results[node.code] = result
        return result

    def _without_points(
        self, node: Criterion, children: list[NodeResult], bounded_by: str | None
    ) -> tuple[Decimal | None, str]:
        assert node.max is not None
        if bounded_by is not None:  # below a given node: its children's sum when each is known and nothing is unlisted
            if children and not node.unlisted_max and all(child.points is not None for child in children):
                return sum((child.points for child in children if child.points is not None), Decimal(0)), DERIVED
            return None, BOUNDED
        if not children and node.kind in EXTRA_KINDS:
            return Decimal(0), DERIVED  # no bonus earned, no penalty incurred
        if not children:
            return self._assume(node.code, node.max)
        remainder = node.unlisted_max
        extra = self._assume(f"{node.code}*", remainder)[0] if remainder else Decimal(0)
        if extra is None or any(child.points is None for child in children):
            return None, BOUNDED  # what is missing has been listed
        points = sum((child.points for child in children if child.points is not None), extra)
        if remainder and all(child.status == ASSUMED for child in children):
            return points, ASSUMED
        return points, DERIVED

    def _assume(self, label: str, full: Decimal) -> tuple[Decimal | None, str]:
        if self.assume_full:
            self.assumed.append(label)
            return full, ASSUMED
        self.missing.append(label)
        return None, BOUNDED

    def _check_children(self, node: Criterion, entry: Entry) -> None:
        """A given parent must leave what is unknown below it between 0 and its maxima:
        its known sub-criteria are the nearest given nodes below it, looked for under a
        child whose points are unknown too (field 6 given, 6.3 not, 6.3.4 given): what the
        engine derives below a given node is their sum (core.consistency)."""
        finding = unit_finding((node, *given_below(node, self.given_codes)), self.given, entry.place())
        if finding is not None:
            self.findings.append(finding)

    def _check_lost(self, node: Criterion, entry: Entry) -> None:
        if entry.lost is None:  # evaluate() checks only given points, and scoring stops before it at an unknown maximum
            return
        expected = node.max - entry.points  # type: ignore[operator]
        if abs(entry.lost - expected) > TOLERANCE:
            self.findings.append(Finding("lost_mismatch", node.code, entry.place("lost"), {
                "lost": entry.lost, "expected": expected,
                "max": node.max, "points": entry.points,
            }))


def _split_all(criteria: CriterionSet, results: Mapping[str, NodeResult]) -> dict[str, Decimal] | None:
    """Points per kind (appraised, survey) where the tree determines them, else None."""
    total: dict[str, Decimal] = {}
    for root in criteria.roots:
        if root.kind in EXTRA_KINDS or results[root.code].status == ABSENT:
            continue
        part = _split(root, results)
        if part is None:
            return None
        for kind, points in part.items():
            total[kind] = total.get(kind, Decimal(0)) + points
    return total


def _split(node: Criterion, results: Mapping[str, NodeResult]) -> dict[str, Decimal] | None:
    result = results[node.code]
    if result.points is None:
        return None
    kinds = {descendant.kind for descendant in node.walk()}
    if kinds == {node.kind} and node.kind != "mixed":
        return {node.kind: result.points}
    if not node.children:
        return None  # a leaf of kind "mixed": how its points divide is not known
    total: dict[str, Decimal] = {}
    for child in node.children:
        part = _split(child, results)
        if part is None:
            return None
        for kind, points in part.items():
            total[kind] = total.get(kind, Decimal(0)) + points
    remainder = result.points - sum(total.values(), Decimal(0))
    if remainder:
        if node.kind == "mixed":
            return None
        total[node.kind] = total.get(node.kind, Decimal(0)) + remainder
    return total
