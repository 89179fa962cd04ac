"""Internal indexes: bonus and penalty blocks, an optional survey block with rescaling."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcalc import api
from parcalc.read.criteria_file import load_text
from parcalc.core.errors import CriteriaError
from parcalc.analysis.whatif import Override, Scenario, WhatIf
from tests.conftest import FIXTURES

D = Decimal
FOLDER = FIXTURES / "internal"
SET = str(FOLDER / "district-set.yaml")


def score(name: str):
    return api.score_workbook(FOLDER / f"{name}.xlsx", SET)


def test_bonus_and_penalty_are_outside_the_scale():
    result = score("with-survey")
    assert (result.total_points, result.total_max, result.index) == (D(90), D(100), D("90.00"))
    assert result.node("3").lost == 0 and result.node("4").lost == D(1)  # a penalty loses what it deducts
    assert result.split == {"appraised": D(63), "survey": D(24)}


def test_absent_survey_rescales_to_the_full_scale():
    result = score("without-survey")
    assert result.node("2").status == "absent" and result.node("4").points == 0  # no penalty given: none incurred
    assert (result.total_points, result.total_max, result.index) == (D(65), D(70), D("92.86"))


def test_combine_caps_at_the_scale_unless_told_otherwise():
    assert score("capped").total_points == D(100)
    text = (FOLDER / "district-set.yaml").read_text(encoding="utf-8").replace("combine: add_capped", "combine: add")
    uncapped = api.score_workbook(FOLDER / "capped.xlsx", load_text(text, "uncapped.yaml"))
    assert uncapped.total_points == D(105) and uncapped.index == D("105.00")


def test_bonus_penalty_and_optional_belong_at_the_top():
    text = (FOLDER / "district-set.yaml").read_text(encoding="utf-8").replace(
        "      - {code: \"1.2\", name: Second, max: 30}", "      - {code: \"1.2\", name: Second, max: 30, optional: true}")
    with pytest.raises(CriteriaError, match=r"tiêu chí 1\.2: khối điểm thưởng, điểm trừ và khối tùy chọn phải ở cấp cao nhất"):
        load_text(text, "bad.yaml")


def test_recovering_a_penalty_means_no_deduction():
    whatif = WhatIf(score("with-survey"))
    assert ("4", D(1)) in whatif.recoverable()
    outcome = whatif.evaluate(whatif.full_recovery("4"))
    assert outcome.total_points == D(91)
    assert whatif.evaluate(Scenario("more bonus", (Override("3", points=D(5)),))).total_points == D(91)


def test_rank_across_units_with_and_without_survey(cli):
    run = cli("rank", FOLDER / "with-survey.xlsx", FOLDER / "without-survey.xlsx", FOLDER / "capped.xlsx", "--criteria", SET, "-f", "json")
    assert run.exit_code == 0, run.output
    import json

    data = json.loads(run.stdout)
    assert [(u["rank"], u["unit"], u["index"]) for u in data["units"]] == [
        (1, "capped", 100), (2, "without-survey", 92.86), (3, "with-survey", 90)]
