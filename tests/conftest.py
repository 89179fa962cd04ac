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
