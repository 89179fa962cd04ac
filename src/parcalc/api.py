"""What the CLI does, as plain Python: every command is a call here.

    >>> from parcalc import api
    >>> result = api.score_workbook("examples/lam-dong-2020.xlsx", criteria="province-2020", assume_full=True)
    >>> str(result.index)
    '83.93'
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import catalog, engine, reconcile
from .engine import ScoreResult
from .model import Appraisal, CriterionSet


def load_criteria(name: str) -> CriterionSet:
    """A shipped set id (`province-2020`) or a path to a YAML criterion set."""
    return catalog.load(name)


def read_workbook(path: str | Path, sheet: str | None = None) -> Appraisal:
    from .workbook import read_appraisal

    return read_appraisal(Path(path), sheet)


def score_appraisal(
    appraisal: Appraisal,
    criteria: CriterionSet | None = None,
    *,
    assume_full: bool = False,
) -> ScoreResult:
    """Score values already read. Without `criteria` the workbook's own tree is used."""
    if criteria is None:
        tree, findings = reconcile.tree_from_workbook(appraisal)
    else:
        tree, findings = reconcile.merge(criteria, appraisal)
    result = engine.score(tree, appraisal.by_code(), assume_full=assume_full, findings=tuple(findings))
    return replace(result, source=appraisal.source, sheet=appraisal.sheet)


def score_workbook(
    path: str | Path,
    criteria: str | CriterionSet | None = None,
    *,
    sheet: str | None = None,
    assume_full: bool = False,
) -> ScoreResult:
    """Read a workbook and score it; `criteria` is a set, a set id or a YAML path."""
    criterion_set = load_criteria(criteria) if isinstance(criteria, str) else criteria
    return score_appraisal(read_workbook(path, sheet), criterion_set, assume_full=assume_full)
