from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parcalc.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
LAM_DONG = EXAMPLES / "lam-dong-2020.xlsx"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"
SMALL_SET = GOOD / "small-set.yaml"


@pytest.fixture(autouse=True)
def _vietnamese_by_default(monkeypatch):
    """Messages in the default language, whatever the developer's PARCALC_LANG."""
    monkeypatch.delenv("PARCALC_LANG", raising=False)


@pytest.fixture
def cli():
    """Run `parcalc ARGS...` in-process, in Vietnamese unless `lang="en"` (given as
    PARCALC_LANG, so it holds for every command); returns the result (exit_code, stdout,
    stderr)."""
    runner = CliRunner()

    def run(*args: str, lang: str = ""):
        return runner.invoke(app, [str(arg) for arg in args], env={"PARCALC_LANG": lang})

    return run


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wide_points(path: Path) -> dict[str, dict[str, "Decimal"]]:
    """Each unit's points per field of a wide workbook whose rows are leaves (x.y), summed
    here from the cells with openpyxl and Decimal: figures to check parcalc against."""
    from decimal import Decimal

    from openpyxl import load_workbook

    rows = [list(row) for row in load_workbook(path, read_only=True).active.iter_rows(values_only=True)]
    header = next(row for row in rows if row and row[0] == "STT")
    units = {column: name for column, name in enumerate(header) if column >= 3 and name}
    points: dict[str, dict[str, Decimal]] = {name: {} for name in units.values()}
    for row in rows:
        if isinstance(row[0], str) and row[0].count(".") == 1:
            field = row[0].split(".")[0]
            for column, name in units.items():
                points[name][field] = points[name].get(field, Decimal(0)) + Decimal(str(row[column]))
    return points
