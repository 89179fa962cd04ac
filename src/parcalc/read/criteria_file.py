"""Criterion sets as YAML files: the schema (pydantic, unknown keys are errors), the
checks that run on load (all problems at once, each with file, line and code), and the
conversion to the engine's CriterionSet."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path as FsPath
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from ..core import codes
from . import yamlsafe
from ..core.errors import CriteriaError, Problem
from ..core.messages import Msg, Place
from ..core.numbers import plausible
from ..core.model import MOHA_GROUPS, Criterion, CriterionSet, Grade, LegalBasis, Source

SCHEMA_VERSION = 1
UNKNOWN = "unknown"  # the value of `name` or `max` where no source establishes it


def _plausible(value: Decimal) -> Decimal:
    """Points, targets and rates: finite and of a size a criterion set can mean (a huge
    exponent would stall the arithmetic)."""
    if not plausible(value):
        raise ValueError(Msg("is not a finite number of a plausible size"))
    return value


Number = Annotated[Decimal, AfterValidator(_plausible)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceSpec(_Strict):
    id: str
    title: str
    url: str | None = None
    note: str | None = None


class LegalBasisSpec(_Strict):
    decision: str
    date: str | None = None
    title: str | None = None
    note: str | None = None


class BandSpec(_Strict):
    """`at_least: 0.9` ("từ 90%", "ít nhất 90%") or `above: 0.9` ("trên 90%")."""

    at_least: Optional[Number] = None
    above: Optional[Number] = None
    points: Number


class RuleSpec(_Strict):
    kind: Literal["direct", "bands", "proportional", "yesno", "per_item", "deduction"]
    bands: list[BandSpec] = Field(default_factory=list)
    otherwise: Number = Decimal(0)
    target: Optional[Number] = None
    per_item: Optional[Number] = None
    per_violation: Optional[Number] = None
    places: int = Field(default=3, ge=0, le=6)


class GradeSpec(_Strict):
    """A grade as a decision words it: `at_least: 80` ("từ 80 điểm"), or `above: 90`
    ("trên 90 điểm")."""

    name: str
    name_en: str | None = None
    at_least: Optional[Number] = None
    above: Optional[Number] = None


class NodeSpec(_Strict):
    code: str
    name: str
    name_en: str | None = None
    short_name: str | None = None
    short_name_en: str | None = None
    max: Union[Number, Literal["unknown"]]
    kind: Literal["appraised", "survey", "mixed", "bonus", "penalty"] | None = None
    partial: bool = False
    optional: bool = False
    reference: str | None = None
    source: str | None = None
    note: str | None = None
    rule: Optional[RuleSpec] = None
    children: list["NodeSpec"] = Field(default_factory=list)


class SetSpec(_Strict):
    parcalc_criteria: Literal[1] = Field(description="schema version")
    id: str
    title: str
    title_en: str | None = None
    level: Literal["province", "ministry", "department", "district", "commune", "custom"]
    legal_basis: LegalBasisSpec | None = None
    index_years: list[int] = Field(default_factory=list)
    sources: list[SourceSpec] = Field(default_factory=list)
    total: Optional[Number] = None
    combine: Literal["add", "add_capped"] = "add_capped"
    grades: Optional[list[GradeSpec]] = None
    notes: str | None = None
    nodes: list[NodeSpec]


def load_file(path: FsPath) -> CriterionSet:
    """Read and check a criterion set; raises CriteriaError with every problem found."""
    from .textfile import read_text

    return load_text(read_text(path, Msg("a criterion set (.yaml)"), CriteriaError), str(path))


def load_text(text: str, filename: str) -> CriterionSet:
    data, lines = yamlsafe.load(text, filename)
    if not isinstance(data, dict) or "parcalc_criteria" not in data:
        raise CriteriaError.at(
            Place(filename, line=1),
            "is not a parcalc criterion set: it must be a mapping that starts with "
            "`parcalc_criteria: {version}` (see README, 'Writing a criterion set')",
            version=SCHEMA_VERSION,
        )
    try:
        spec = SetSpec.model_validate(data)
    except ValidationError as exc:
        raise CriteriaError(*_pydantic_problems(exc, data, lines, filename)) from None
    problems: list[Problem] = []
    criterion_set = _convert(spec, lines, filename, problems)
    if problems:
        raise CriteriaError(*problems)
    return criterion_set


def _pydantic_problems(exc: ValidationError, data: Any, lines: dict, filename: str) -> list[Problem]:
    problems = []
    errors = exc.errors()
    # a value that fails both branches of `Number | "unknown"`: say what is wrong with the number only
    numbers_at = {error["loc"][:-1] for error in errors if error["type"] == "value_error"}
    for error in errors:
        if error["type"] == "literal_error" and error["loc"][:-1] in numbers_at:
            continue
        loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith(("decimal", "literal", "function"))))
        line = yamlsafe.line_of(lines, loc)
        where = Place(filename, line=line) if line else Place(filename)
        code = _code_at(data, loc)
        field = ".".join(str(part) for part in loc if isinstance(part, str))
        if error["type"] == "extra_forbidden":
            message = Msg("unknown key {key!r}: check its spelling (README lists the keys)", key=loc[-1])
        elif error["type"] == "missing":
            message = Msg("missing key {key!r}; add it", key=field.rsplit(".", 1)[-1])
        else:
            message = yamlsafe.schema_message(error, field)
        if code:
            message = Msg("criterion {code}, {message}", code=code, message=message)
        problems.append(Problem(where, message))
    return problems


def _code_at(data: Any, loc: tuple) -> str | None:
    """The code of the innermost node on `loc`, to name it in messages."""
    code = None
    current = data
    for part in loc:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(current, dict) and isinstance(current.get("code"), (str, int)):
            code = str(current["code"])
    return code


def _convert(spec: SetSpec, lines: dict, filename: str, problems: list[Problem]) -> CriterionSet:
    source_ids = {source.id for source in spec.sources}
    seen: dict[str, str] = {}

    def where(path: tuple) -> Place:
        line = yamlsafe.line_of(lines, path)
        return Place(filename, line=line) if line else Place(filename)

    def convert(node: NodeSpec, path: tuple, parent: str | None, parent_kind: str) -> Criterion:
        here = where(path + ("code",))
        code = codes.normalize_code(node.code)
        if code is None or code != node.code.strip():
            problems.append(Problem(here, Msg("code {code!r} is not a dotted code such as 3.4.1", code=node.code)))
            code = node.code
        elif code in seen:
            problems.append(Problem(here, Msg("code {code} is used twice (first at {first})", code=code, first=seen[code])))
        else:
            seen[code] = here
        if parent is None and codes.depth(code) != 1:
            problems.append(Problem(here, Msg("code {code} is at the top but is not a field code (1, 2, ...); move it under its field", code=code)))
        elif parent is not None and codes.parent_code(code) != parent:
            problems.append(Problem(here, Msg("code {code} is listed under {parent} but does not belong there (expected {parent}.N); correct the code or move it where it belongs", code=code, parent=parent)))
        if node.source is not None and node.source not in source_ids:
            problems.append(Problem(where(path + ("source",)), Msg("criterion {code}: source {source!r} is not among the set's sources; add it to `sources` or correct it", code=code, source=node.source)))
        if isinstance(node.max, Decimal) and node.max < 0:
            problems.append(Problem(where(path + ("max",)), Msg("criterion {code}: maximum points cannot be negative", code=code)))
        kind = node.kind or parent_kind
        if parent is not None and (node.optional or (node.kind in ("bonus", "penalty") and parent_kind != node.kind)):
            problems.append(Problem(here, Msg("criterion {code}: bonus, penalty and optional blocks are top-level nodes (fields); move it up to the top level", code=code)))
        rule = _rule(node, code, where(path + ("rule",)), problems)
        children = tuple(
            convert(child, path + ("children", i), code, kind)
            for i, child in enumerate(node.children)
        )
        criterion = Criterion(
            code=code,
            name=None if node.name == UNKNOWN else node.name,
            name_en=node.name_en,
            max=None if node.max == UNKNOWN else node.max,
            kind=kind,
            partial=node.partial,
            reference=node.reference,
            source=node.source,
            children=children,
            rule=rule,
            optional=node.optional,
            short_name=node.short_name,
            short_name_en=node.short_name_en,
        )
        _check_sum(criterion, where(path + ("max",)), problems)
        return criterion

    roots = tuple(convert(node, ("nodes", i), None, "appraised") for i, node in enumerate(spec.nodes))
    criterion_set = CriterionSet(
        id=spec.id,
        title=spec.title,
        title_en=spec.title_en,
        level=spec.level,
        legal_basis=LegalBasis(**spec.legal_basis.model_dump()) if spec.legal_basis else None,
        index_years=tuple(spec.index_years),
        sources=tuple(Source(**source.model_dump()) for source in spec.sources),
        total=spec.total,
        combine=spec.combine,
        grades=_grades(spec.grades, where, problems) if spec.grades is not None else MOHA_GROUPS,
        notes=spec.notes,
        roots=roots,
        origin=filename,
    )
    total = criterion_set.total_max
    if spec.total is not None and total is not None and total != spec.total:
        problems.append(Problem(where(("total",)), Msg("the fields total {total} points, not the declared total {declared}; fix the points or `total`", total=total, declared=spec.total)))
    if spec.level in ("province", "ministry") and spec.total != Decimal(100):
        problems.append(Problem(where(("total",)), Msg("a {level} index totals 100 points: declare `total: 100`", level=spec.level)))
    return criterion_set


def _grades(specs: list[GradeSpec], where, problems: list[Problem]) -> tuple[Grade, ...]:
    """The set's grades, highest first, each threshold below the one before, names
    unique, the last from 0 so that every index has a grade."""
    grades: list[Grade] = []
    for position, spec in enumerate(specs):
        place = where(("grades", position))
        if (spec.at_least is None) == (spec.above is None):
            problems.append(Problem(place, Msg("grade {grade!r}: give either at_least (từ ... điểm) or above (trên ... điểm)", grade=spec.name)))
            continue
        grade = Grade(spec.name, spec.at_least if spec.at_least is not None else spec.above, spec.at_least is not None, spec.name_en)  # type: ignore[arg-type]
        if any(earlier.name == grade.name for earlier in grades):
            problems.append(Problem(place, Msg("grade {grade!r} is named twice", grade=grade.name)))
        elif grades and _edge(grade) >= _edge(grades[-1]):
            problems.append(Problem(place, Msg("grade {grade!r} starts at {floor}, not below {above!r}: list grades from the highest down",
                                            grade=grade.name, floor=grade.floor, above=grades[-1].name)))
        grades.append(grade)
    if not grades:
        problems.append(Problem(where(("grades",)), "list at least one grade, or leave grades out for MoHA's A, B, C, D"))
    elif grades[-1].floor != 0 or not grades[-1].inclusive:
        problems.append(Problem(where(("grades", len(specs) - 1)), Msg("the last grade ({grade!r}) must start at 0 (at_least: 0), so that every index has a grade",
                                                            grade=grades[-1].name)))
    return tuple(grades)


def _edge(grade: Grade) -> tuple[Decimal, int]:
    """Where a grade starts: "above 90" starts just after "at least 90"."""
    return grade.floor, 0 if grade.inclusive else 1


def _rule(node: NodeSpec, code: str, where: Place, problems: list[Problem]):
    if node.rule is None:
        return None
    from ..core.rules import Band, Rule, check

    spec = node.rule
    rule = Rule(
        kind=spec.kind,
        bands=tuple(Band(band.at_least if band.at_least is not None else band.above, band.points, band.above is not None)  # type: ignore[arg-type]
                    for band in spec.bands if (band.at_least is None) != (band.above is None)),
        otherwise=spec.otherwise,
        target=spec.target,
        per_item=spec.per_item,
        per_violation=spec.per_violation,
        places=spec.places,
    )
    if node.children:
        problems.append(Problem(where, Msg("criterion {code}: a rule belongs on a node without children; move `rule` down to a child", code=code)))
    if any((band.at_least is None) == (band.above is None) for band in spec.bands):
        problems.append(Problem(where, Msg("criterion {code}: each band gives either at_least (từ, ít nhất) or above (trên)", code=code)))
        return rule  # its other checks would only repeat this one
    maximum = None if node.max == UNKNOWN else node.max
    problems.extend(Problem(where, Msg("criterion {code}: {message}", code=code, message=message)) for message in check(rule, maximum))  # type: ignore[arg-type]
    return rule


def _check_sum(node: Criterion, where: Place, problems: list[Problem]) -> None:
    if not node.children or node.max is None:
        return
    listed = node.listed_max
    if listed is None:
        return  # a child's maximum is unknown: nothing to add up
    if node.partial:
        if listed > node.max:
            problems.append(Problem(where, Msg("criterion {code}: its listed children total {listed}, more than its maximum {max}; fix the children's points or `max`",
                                              code=node.code, listed=listed, max=node.max)))
    elif listed != node.max:
        problems.append(Problem(where, Msg(
            "criterion {code}: its children total {listed}, not its maximum {max}; "
            "fix the points, or mark it `partial: true` if its official breakdown is only partly known",
            code=node.code, listed=listed, max=node.max,
        )))
