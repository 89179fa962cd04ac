"""Plain data the engine works on: criterion trees and appraised values.

Nothing here knows of YAML, Excel or the terminal; loaders build these objects and
renderers read the engine's results.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from .rules import Rule

EXTRA_KINDS = ("bonus", "penalty")  # outside the scale: added to or taken from the total


@dataclass(frozen=True)
class Grade:
    """A grade of an index (MoHA's group A, a province's "Tốt"): reached from `floor` on
    (`inclusive`, "từ 80 điểm") or only above it ("trên 90 điểm")."""

    name: str
    floor: Decimal
    inclusive: bool = True
    name_en: str | None = None

    def reached(self, index: Decimal) -> bool:
        return index >= self.floor if self.inclusive else index > self.floor


# MoHA's groups of provinces: A >= 90 %, B 80 to < 90, C 70 to < 80, D below
MOHA_GROUPS = (Grade("A", Decimal(90)), Grade("B", Decimal(80)), Grade("C", Decimal(70)), Grade("D", Decimal(0)))


@dataclass(frozen=True)
class Criterion:
    """A field, criterion or sub-criterion. `name` or `max` is None where the source
    does not establish it; `partial` means the listed children are only part of it."""

    code: str
    name: str | None
    max: Decimal | None
    kind: str = "appraised"
    name_en: str | None = None
    partial: bool = False
    reference: str | None = None
    source: str | None = None
    children: tuple["Criterion", ...] = ()
    rule: "Rule | None" = None  # how a raw value becomes points (None: points are entered)
    optional: bool = False  # a top-level block that may be absent (the index is then rescaled)
    short_name: str | None = None  # what a table's heading shows ("Thủ tục hành chính"), when the set gives one
    short_name_en: str | None = None

    @property
    def level(self) -> int:
        return self.code.count(".") + 1

    @property
    def listed_max(self) -> Decimal | None:
        """Sum of the children's maxima, None when one of them is unknown."""
        total = Decimal(0)
        for child in self.children:
            if child.max is None:
                return None
            total += child.max
        return total

    @property
    def unlisted_max(self) -> Decimal:
        """Points of a partial node that no listed child covers (0 when not partial)."""
        if not self.partial or self.max is None or not self.children:
            return Decimal(0)
        listed = self.listed_max
        return Decimal(0) if listed is None else self.max - listed

    def walk(self) -> Iterator["Criterion"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class LegalBasis:
    decision: str
    date: str | None = None
    title: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class CriterionSet:
    """A criterion tree with its metadata. `origin` names the file it came from."""

    id: str
    title: str
    roots: tuple[Criterion, ...]
    level: str = "custom"
    title_en: str | None = None
    legal_basis: LegalBasis | None = None
    index_years: tuple[int, ...] = ()
    sources: tuple[Source, ...] = ()
    total: Decimal | None = None
    notes: str | None = None
    origin: str | None = None
    combine: str = "add_capped"  # bonus and penalty: base + bonus - penalty, capped at the base maximum or not
    grades: tuple[Grade, ...] = MOHA_GROUPS  # highest first; the last starts at 0

    def walk(self) -> Iterator[Criterion]:
        for root in self.roots:
            yield from root.walk()

    def by_code(self) -> dict[str, Criterion]:
        return {node.code: node for node in self.walk()}

    @property
    def total_max(self) -> Decimal | None:
        """The scale: the fields' maxima, without bonus and penalty blocks."""
        total = Decimal(0)
        for root in self.roots:
            if root.kind in EXTRA_KINDS:
                continue
            if root.max is None:
                return None
            total += root.max
        return total

    def with_roots(self, roots: tuple[Criterion, ...]) -> "CriterionSet":
        return replace(self, roots=roots)


@dataclass(frozen=True)
class Entry:
    """What a workbook row says of one code. `where` maps a column role (`points`,
    `max`, `lost`, `self_score`, `code`) to the place it was read from, e.g. `Sheet1!D7`."""

    code: str
    points: Decimal | None = None
    max: Decimal | None = None
    lost: Decimal | None = None
    self_score: Decimal | None = None
    value: Decimal | None = None  # a raw indicator (rate, count, yes/no) for the node's rule
    name: str | None = None
    kind: str | None = None  # "bonus" or "penalty" when the row's name says so (Điểm thưởng, Điểm trừ)
    mark: str | None = None  # the text of a "không áp dụng" mark in the points cell (-, x, KAD)
    texts: dict[str, str] = field(default_factory=dict)  # the row's text columns: remedy, lead, ..., explanation, evidence
    where: dict[str, str] = field(default_factory=dict)

    @property
    def code_place(self) -> str | None:
        """Where the row's code was read: the place a problem of the row as a whole names."""
        return self.where.get("code")

    def place(self, role: str = "points") -> str | None:
        """Where `role` was read; for points without a points column, the value they came from."""
        found = self.where.get(role) or (self.where.get("value") if role == "points" else None)
        return found or self.where.get("code")


class CopiedEntries(Sequence[Entry]):
    """The entries of a unit whose sheet copies another unit's (a template): the same
    rows but for their points and the words of a few. What scoring by columns needs of
    each row (code, name, standard points, kind, points) is held as columns; the entries
    themselves are made by `make` the first time they are looked at, equal to those a
    reading in full gives. (`rank` made 110 entries a unit it never read: 500 one-unit
    files took 2.20 s so, 1.99 s now; 500 that each word a row their own way 3.10 s,
    2.15 s now; benchmarks/bench_matrix.py --only files, medians of 3, 2026-12-01.)"""

    __slots__ = ("codes", "names", "maxes", "kinds", "points", "_make", "_made")

    def __init__(self, codes: tuple[str, ...], names: tuple[str | None, ...], maxes: tuple[Decimal | None, ...],
                 kinds: tuple[str | None, ...], points: tuple[Decimal | None, ...], make: Callable[[], tuple[Entry, ...]]) -> None:
        self.codes, self.names, self.maxes, self.kinds, self.points = codes, names, maxes, kinds, points
        self._make = make
        self._made: tuple[Entry, ...] | None = None

    @property
    def made(self) -> tuple[Entry, ...]:
        if self._made is None:
            self._made = self._make()
        return self._made

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Entry, ...]: ...
    def __getitem__(self, index: int | slice) -> Entry | tuple[Entry, ...]:
        return self.made[index]

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.made)

    def __eq__(self, other: object) -> bool:
        return self.made == other  # another's CopiedEntries: the tuple gives way to its __eq__

    __hash__ = None  # type: ignore[assignment]  # as a tuple of entries, whose texts are dicts

    def __repr__(self) -> str:
        return repr(self.made)


@dataclass(frozen=True)
class Appraisal:
    """The appraised values of one unit, in the order the workbook lists them."""

    entries: tuple[Entry, ...] | CopiedEntries
    source: str | None = None
    sheet: str | None = None
    findings: tuple["Finding", ...] = ()  # what the reading noticed (codes nested under fields, ...)
    totals: tuple[Entry, ...] = ()  # the sheet's own total rows (Tổng cộng), checked against the total
    columns: tuple[tuple[str, str], ...] = ()  # (role, "E «Điểm thẩm định»"): where each number was read

    def by_code(self) -> dict[str, Entry]:
        return {entry.code: entry for entry in self.entries}

    def codes(self) -> tuple[str, ...]:
        entries = self.entries
        return entries.codes if isinstance(entries, CopiedEntries) else tuple(entry.code for entry in entries)

    def given_points(self) -> dict[str, Decimal]:
        """code -> points of the rows that give points (a copy's entries are not made)."""
        entries = self.entries
        if isinstance(entries, CopiedEntries):
            return {code: points for code, points in zip(entries.codes, entries.points) if points is not None}
        return {entry.code: entry.points for entry in entries if entry.points is not None}


@dataclass(frozen=True)
class Finding:
    """A warning about the inputs: `key` names the kind, `params` the figures; `also`
    names the other workbooks it is as true of (said once, at the first)."""

    key: str
    code: str | None
    where: str | None
    params: Mapping[str, object] = field(default_factory=dict)
    also: tuple[str, ...] = ()
