"""The Lâm Đồng appendix (plan 6006/KH-UBND, PAR Index 2020) scored as published."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from parcalc import api
from tests.conftest import LAM_DONG

D = Decimal
PUBLISHED_LOST = {"1": "1.03", "2": "0", "3": "0.05", "4": "1.34", "5": "0.50", "6": "3.42", "7": "0.34", "8": "2.08", "9": "7.31"}


@pytest.fixture(scope="module")
def result():
    return api.score_workbook(LAM_DONG, "province-2020", assume_full=True)


def test_index_group_and_total(result):
    assert result.index == D("83.93")
    assert result.group == "B"
    assert result.total_points == D("83.93")
    assert result.total_lost == D("16.07")


def test_lost_points_per_field_as_published(result):
    assert {f.code: f.lost for f in result.fields} == {code: D(v) for code, v in PUBLISHED_LOST.items()}


def test_field_2_is_the_one_assumed_full(result):
    assert result.assumed == ("2",)
    assert result.node("2").status == "assumed"
    assert result.node("2").points == D("5.0")


def test_appraised_survey_split(result):
    assert result.split == {"appraised": D("57.74"), "survey": D("26.19")}


def test_three_decimals_kept(result):
    node = result.node("3.4.3")
    assert (node.points, node.lost) == (D("0.996"), D("0.004"))


def test_the_3_4_inconsistency_is_reported_with_its_cell(result):
    assert [(f.key, f.code) for f in result.findings] == [("children_lose_more", "3.4")]
    finding = result.findings[0]
    assert finding.where.endswith("sheet 'Phụ lục', cell D9")
    assert finding.params["lost"] == D("0.05")
    assert finding.params["children_lost"] == D("0.064")


def test_unlisted_children_are_bounded_by_their_given_parent(result):
    # 1.5 and 1.6 are given; field 1's other criteria are inside its 7.47 but unknown
    assert result.node("1").points == D("7.47")
    assert result.node("1.5").status == "given"


def test_without_assume_full_field_2_is_missing():
    from parcalc.core.errors import ScoringError

    with pytest.raises(ScoringError) as caught:
        api.score_workbook(LAM_DONG, "province-2020")
    assert caught.value.render("en") == ("no points for 2: give them in the workbook (or their parent's points), or pass "
                                         "--assume-full to count them at full points")


def test_without_its_set_the_appendix_is_refused_not_scored_on_95(cli):
    """The appendix lists only fields that lost points (no field 2): scored on its own
    it would give 83,08 where the published index is 83,93."""
    run = cli("score", LAM_DONG)
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr == (
        f"parcalc: lỗi: {LAM_DONG}, trang tính «Phụ lục»: bảng tính không có dòng nào của lĩnh vực 2 nên chỉ chứa một phần cây "
        "tiêu chí (phụ lục chỉ liệt kê các tiêu chí bị mất điểm?): chấm theo bộ tiêu chí của nó bằng --criteria SET (xem parcalc "
        "criteria list), bộ tiêu chí có đủ các lĩnh vực còn thiếu\n")
    run = cli("score", LAM_DONG, lang="en")
    assert run.stderr == (
        f"parcalc: error: {LAM_DONG}, sheet 'Phụ lục': the workbook has no rows for field 2, so it holds only part of a "
        "criterion tree (an appendix that lists only what lost points?): score it against its criterion set with "
        "--criteria SET (parcalc criteria list), which knows the missing fields\n")


def test_cli_json(cli):
    run = cli("score", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--format", "json")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert data["index"] == 83.93 and data["group"] == "B"
    assert data["total"] == {"max": 100, "points": 83.93, "lost": 16.07}
    assert [f["lost"] for f in data["fields"]] == [1.03, 0, 0.05, 1.34, 0.5, 3.42, 0.34, 2.08, 7.31]
    assert data["assumed"] == ["2"]
    node = next(n for n in data["nodes"] if n["code"] == "3.4.3")
    assert node == {**node, "max": 1, "points": 0.996, "lost": 0.004, "given": True, "level": 3, "kind": "appraised"}
    assert data["warnings"][0]["code"] == "3.4"
    assert "0,064" in data["warnings"][0]["message"]


def test_cli_table_at_80_columns(cli):
    run = cli("score", LAM_DONG, "--criteria", "province-2020", "--assume-full")
    assert run.exit_code == 0
    assert "Chỉ số: 83,93 — Nhóm B" in run.stdout
    assert "Thẩm định 57,74 + Điều tra XHH 26,19" in run.stdout
    assert "0,996" in run.stdout and "0,004" in run.stdout
    assert "cảnh báo" in run.stderr and "ô D9" in run.stderr


def test_cli_english(cli):
    run = cli("score", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--lang", "en", "--format", "md")
    assert run.exit_code == 0
    assert "Index: 83.93 — Group B" in run.stdout
    assert "| Code | Field/Criterion/Sub-criterion | Standard points | Appraised points | Lost points |" in run.stdout
    assert "3.4 loses 0.05 but its listed sub-criteria lose 0.064 together" in run.stdout
