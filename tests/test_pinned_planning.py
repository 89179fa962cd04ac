"""The planner's edges, pinned with figures computed by hand (issue 18).

Lâm Đồng 2020 (examples/lam-dong-2020.xlsx, --assume-full): 83,93 of 100. Its sub-criteria
that lost points, most first: 9.2 5,94 and 9.1 1,37 (survey); 1.5, 6.1.2, 6.3.3, 6.3.4,
8.5, 8.6 1,00 each; 4.1.2, 4.3.3, 5.5.2 0,50; 4.1.3 0,34; 7.1.9 0,32; 6.1.1 0,29;
6.1.3 0,13; 8.3.1 0,08; 3.4.2 0,04; 1.6 0,03; 3.4.1 and 7.1.3 0,02; 3.4.3 0,004.
The published index is rounded half up, so reaching X needs (X - 0,005) - 83,93 points.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from parcalc import api
from parcalc.analysis import planning
from parcalc.analysis.playbook import Ceiling
from parcalc.analysis.whatif import WhatIf
from parcalc.core.errors import CriteriaError
from parcalc.read.playbook_file import load_playbook
from tests.conftest import LAM_DONG

D = Decimal
SURVEY = ("survey",)


@pytest.fixture(scope="module")
def lam_dong():
    return WhatIf(api.score_workbook(LAM_DONG, "province-2020", assume_full=True))


def codes_of(plan):
    return [r.code for r in plan.recoveries]


# --- efforts given for only some sub-criteria, or an effort of 0 ------------------------

# 1.5 ... 8.6 (1,00 each) cost 5, 4.1.2, 4.3.3, 5.5.2 (0,50) cost 3; the rest have no effort
PARTIAL = {**{code: D(5) for code in ("1.5", "6.1.2", "6.3.3", "6.3.4", "8.5", "8.6")},
           **{code: D(3) for code in ("4.1.2", "4.3.3", "5.5.2")}}


def test_partial_efforts_plan_by_effort_counting_the_others_as_1(lam_dong):
    # 84,59 needs 84,585 - 83,93 = 0,655. Unpriced items cost 1: the only pair that reaches
    # it is 4.1.3 + 7.1.9 (0,34 + 0,32 = 0,66, effort 2); 4.1.3 + 6.1.1 gives 0,63; any
    # priced item costs 3 or more. By count it would be 1.5 alone.
    plan = planning.plan(lam_dong, D("84.59"), PARTIAL, exclude_kinds=SURVEY)
    assert plan.by_effort and plan.reached
    assert [(r.code, r.effort) for r in plan.recoveries] == [("4.1.3", D(1)), ("7.1.9", D(1))]
    assert plan.outcome.index == D("84.59")  # 83,93 + 0,66
    assert codes_of(planning.plan(lam_dong, D("84.59"), exclude_kinds=SURVEY)) == ["1.5"]


def test_partial_efforts_a_priced_item_wins_when_it_is_cheaper(lam_dong):
    # 84,93 needs 0,995: unpriced items give 0,34 + 0,32 + 0,29 + 0,13 + 0,08 + 0,04 + 0,03
    # + 0,02 + 0,02 + 0,004 = 1,274; reaching 0,995 with them takes 4.1.3, 7.1.9, 6.1.1
    # (0,95) and 6.1.3 (1,08): effort 4, less than 1.5 alone (5) -> 4 items
    plan = planning.plan(lam_dong, D("84.93"), PARTIAL, exclude_kinds=SURVEY)
    assert sorted(codes_of(plan)) == ["4.1.3", "6.1.1", "6.1.3", "7.1.9"]
    assert sum(r.effort for r in plan.recoveries) == D(4) and plan.outcome.index == D("85.01")


def test_partial_efforts_in_the_report(cli, tmp_path):
    playbook = tmp_path / "p.yaml"
    playbook.write_text('parcalc_playbook: 1\nrules:\n  "1.5": {effort: 5}\n  "4.1.2": {effort: 3}\n  "9.*": {effort: 2}\n',
                        encoding="utf-8")
    args = ("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--target-index", "84.59", "--playbook", playbook)
    data = json.loads(cli(*args, "-f", "json", lang="en").stdout)
    assert data["plan"]["by"] == "effort" and data["plan"]["reached"] is True
    # 0,655 needed; 6.1.2 (1,00) has no effort, so counts as 1: the cheapest cover alone
    assert [(r["code"], r["effort"]) for r in data["plan"]["recoveries"]] == [("6.1.2", 1)] and data["plan"]["index"] == 84.93
    # 17 sub-criteria without an effort (9.* are surveys, left out), in tree order
    unpriced = "1.6, 3.4.1, 3.4.2, 3.4.3, 4.1.3, 4.3.3, 5.5.2, 6.1.1, 6.1.2, 6.1.3, 6.3.3, 6.3.4 and 5 more"
    assert data["notes"] == [
        "the plan leaves out 9.2, 9.1 (survey): a province cannot raise a survey's result by decision (--exclude-kind none plans them too)",
        f"the playbook gives no effort for {unpriced}: the plan counts each as effort 1"]
    vi = json.loads(cli(*args, "-f", "json").stdout)["notes"][1]
    assert vi == ("playbook không ghi effort cho 1.6, 3.4.1, 3.4.2, 3.4.3, 4.1.3, 4.3.3, 5.5.2, 6.1.1, 6.1.2, 6.1.3, 6.3.3, "
                  "6.3.4 và 5 mã khác: kế hoạch tính mỗi tiêu chí là effort 1")


def test_efforts_only_for_excluded_kinds_plan_by_count(cli, tmp_path):
    # 9.* are surveys, left out: no candidate has an effort, so the plan is by count, no note
    playbook = tmp_path / "p.yaml"
    playbook.write_text('parcalc_playbook: 1\nrules:\n  "9.*": {effort: 2}\n', encoding="utf-8")
    run = cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--target-index", "84",
              "--playbook", playbook, "-f", "json", lang="en")
    data = json.loads(run.stdout)
    assert data["plan"]["by"] == "count" and [r["code"] for r in data["plan"]["recoveries"]] == ["1.5"]
    assert len(data["notes"]) == 1


@pytest.mark.parametrize("effort", ["0", "-1.5"])
def test_an_effort_of_0_or_less_is_refused_with_its_line(tmp_path, effort):
    path = tmp_path / "p.yaml"
    path.write_text(f'parcalc_playbook: 1\nrules:\n  "1.5":\n    remedy: x\n    effort: {effort}\n', encoding="utf-8")
    with pytest.raises(CriteriaError) as caught:
        load_playbook(path)
    shown = effort.replace(".", ",")
    assert caught.value.render("en") == (f"{path}:5: effort {effort} is not a cost: give a number above 0 (such as 1 or 2.5); "
                                         "max_recovery: 0 keeps a criterion out of plans")
    assert caught.value.render("vi") == (f"{path}:5: effort {shown} không phải là mức công sức: nhập số lớn hơn 0 (như 1 hoặc 2.5); "
                                         "max_recovery: 0 loại một tiêu chí khỏi kế hoạch")


def test_every_bad_effort_is_reported_in_file_order(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text('parcalc_playbook: 1\ndefaults: {effort: 0}\nrules:\n  "1.5": {effort: 2}\n  "3.*": {effort: -1}\n'
                    'fallback: {effort: 0}\n', encoding="utf-8")
    with pytest.raises(CriteriaError) as caught:
        load_playbook(path)
    tail = " is not a cost: give a number above 0 (such as 1 or 2.5); max_recovery: 0 keeps a criterion out of plans"
    assert caught.value.render("en").split("\n") == [f"{path}:2: effort 0{tail}", f"{path}:5: effort -1{tail}", f"{path}:6: effort 0{tail}"]


def test_a_tiny_effort_is_accepted(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text('parcalc_playbook: 1\nrules:\n  "1.5": {effort: 0.001}\n', encoding="utf-8")
    assert load_playbook(path).efforts(["1.5", "1.6"]) == {"1.5": D("0.001")}


# --- targets ----------------------------------------------------------------------------

def test_a_target_needing_less_than_one_point(lam_dong):
    # 84 needs 83,995 - 83,93 = 0,065: one recovery, the largest first (1.5, in tree order)
    assert planning.needed_points(lam_dong, D(84)) == D("0.065")
    plan = planning.plan(lam_dong, D(84), exclude_kinds=SURVEY)
    assert plan.reached and codes_of(plan) == ["1.5"] and plan.outcome.index == D("84.93")


def test_an_index_exactly_on_the_target_needs_nothing(lam_dong):
    assert planning.needed_points(lam_dong, D("83.93")) == D("-0.005")
    plan = planning.plan(lam_dong, D("83.93"), exclude_kinds=SURVEY)
    assert plan.reached and plan.recoveries == () and plan.outcome.index == D("83.93")


def test_one_hundredth_above_needs_half_a_hundredth(lam_dong):
    # 83,94 needs 0,005: 3.4.3's 0,004 is not enough, so the plan takes 1.5
    assert planning.needed_points(lam_dong, D("83.94")) == D("0.005")
    assert codes_of(planning.plan(lam_dong, D("83.94"), exclude_kinds=SURVEY)) == ["1.5"]


def test_by_effort_a_target_needing_half_a_hundredth(lam_dong):
    # 0,005 needed: 3.4.3 (0,004) alone falls short by 0,001; 3.4.3 + 3.4.1 (0,024) costs 2,
    # 1.6 alone (0,03) costs 1 -> the cheapest single item that covers it, 1.6 (effort 1, not 1.5 at 5)
    efforts = {code: D(5) for code, _ in lam_dong.recoverable()}
    efforts["1.6"] = efforts["3.4.3"] = efforts["3.4.1"] = D(1)
    plan = planning.plan(lam_dong, D("83.94"), efforts, exclude_kinds=SURVEY)
    assert codes_of(plan) == ["1.6"] and plan.outcome.index == D("83.96")


def test_ties_are_broken_in_tree_order(lam_dong):
    # 85,93 needs 1,995: two of the six items that lost 1,00, the first two in tree order
    plan = planning.plan(lam_dong, D("85.93"), exclude_kinds=SURVEY)
    assert codes_of(plan) == ["1.5", "6.1.2"] and plan.outcome.index == D("85.93")


def test_by_effort_equal_costs_keep_the_first_found(lam_dong):
    # every item costs 1: 85,93 needs two items of 1,00; the first pair in the list order
    efforts = {code: D(1) for code, _ in lam_dong.recoverable()}
    plan = planning.plan(lam_dong, D("85.93"), efforts, exclude_kinds=SURVEY)
    assert codes_of(plan) == ["1.5", "6.1.2"]


def test_by_effort_fewer_items_win_at_equal_cost(lam_dong):
    # 84,43 needs 0,495: 4.1.2 (0,50, effort 2) or 4.1.3 + 6.1.3 + 8.3.1 (0,55, effort 2 in all)
    efforts = {code: D(9) for code, _ in lam_dong.recoverable()}
    efforts.update({"4.1.2": D(2), "4.1.3": D("0.5"), "6.1.3": D("0.5"), "8.3.1": D(1)})
    plan = planning.plan(lam_dong, D("84.43"), efforts, exclude_kinds=SURVEY)
    assert codes_of(plan) == ["4.1.2"] and plan.outcome.index == D("84.43")


def test_a_survey_is_planned_when_not_excluded(lam_dong):
    assert codes_of(planning.plan(lam_dong, D(84))) == ["9.2"]


# --- what a plan counts on: thousandths rounded down -----------------------------------

def test_a_share_is_rounded_down_to_thousandths():
    # 30 % of 0,004 is 0,0012 -> 0,001; 35 % of 0,0306 is 0,01071 -> 0,010 (not 0,011)
    small = planning._candidate("3.4.3", D("0.004"), None, D("0.3"), None)
    assert (small.planned, small.limited_by) == (D("0.001"), "--max-recovery 30%")
    assert planning._candidate("x", D("0.0306"), None, D("0.35"), None).planned == D("0.010")


def test_a_ceiling_in_points_is_rounded_down_and_named():
    capped = planning._candidate("1.5", D(1), D(2), D(1), Ceiling(points=D("0.0125")))
    assert (capped.planned, capped.limited_by, capped.effort) == (D("0.012"), "playbook max_recovery 0.0125", D(2))


def test_the_smaller_of_share_and_ceiling_limits():
    # 50 % of 1 is 0,5; a ceiling of 0,6 does not lower it, one of 0,4 does
    assert planning._candidate("1.5", D(1), None, D("0.5"), Ceiling(points=D("0.6"))).limited_by == "--max-recovery 50%"
    lower = planning._candidate("1.5", D(1), None, D("0.5"), Ceiling(points=D("0.4")))
    assert (lower.planned, lower.limited_by) == (D("0.4"), "playbook max_recovery 0.4")
    equal = planning._candidate("1.5", D(1), None, D("0.5"), Ceiling(share=D("0.5")))
    assert (equal.planned, equal.limited_by) == (D("0.5"), "--max-recovery 50%")


def test_a_full_recovery_keeps_every_digit():
    # nothing capped: a loss finer than thousandths is counted as it is
    whole = planning._candidate("x", D("0.0005"), None, D(1), None)
    assert (whole.planned, whole.gain, whole.limited_by) == (D("0.0005"), D("0.0005"), None)


def test_points_per_effort():
    assert planning.Recovery("1.5", D(1), D(4)).per_effort == D("0.25")
    assert planning.Recovery("1.5", D(1)).per_effort is None and planning.Recovery("1.5", D(1), D(0)).per_effort is None
    assert planning.Recovery("1.5", D(1), gain=D("0.4")).planned == D("0.4") and planning.Recovery("1.5", D(1)).planned == D(1)


def test_sensitivity_gives_each_loss_and_the_places_it_buys():
    whatif = WhatIf(api.score_workbook(LAM_DONG, "province-2020", assume_full=True))
    # Lâm Đồng's appendix: 9.2 lost 5,94 and 9.1 1,37, the largest; recovering one in full gives 89,87 or 85,30
    ranks = {D("89.87"): 2, D("85.30"): 5}
    steps = planning.sensitivity(whatif, 6, lambda index: ranks.get(index, 6))
    first = {recovery.code: (recovery.lost, recovery.outcome.index, places) for recovery, places in steps[:2]}
    assert first == {"9.2": (D("5.94"), D("89.87"), 4), "9.1": (D("1.37"), D("85.30"), 1)}


def test_an_unreachable_plan_counts_on_no_criterion_kept_out():
    """All the recoveries together do not reach 100: every candidate is in the plan, but not 8.5, which
    the playbook's max_recovery 0 keeps out (a gain of 0 is no recovery)."""
    whatif = WhatIf(api.score_workbook(LAM_DONG, "province-2020", assume_full=True))
    plan = planning.plan(whatif, D(100), ceilings={"8.5": Ceiling(points=D(0))})
    codes = [recovery.code for recovery in plan.recoveries]
    assert not plan.reached and "8.5" not in codes and "8.6" in codes


# --- sums exactly equal to the need ------------------------------------------------------

def test_the_largest_first_stop_as_soon_as_the_need_is_met_exactly(lam_dong):
    # at --max-recovery 50 % each loss counts half, in thousandths rounded down: six 0,50
    # (1.5 ... 8.6), three 0,25 (4.1.2, 4.3.3, 5.5.2), 0,17 (4.1.3), 0,16 (7.1.9), 0,145 (6.1.1),
    # then 0,065 (6.1.3). 88,16 needs 88,155 - 83,93 = 4,225 = 3 + 0,75 + 0,17 + 0,16 + 0,145:
    # the plan stops at 6.1.1, whose sum meets the need exactly
    plan = planning.plan(lam_dong, D("88.16"), exclude_kinds=SURVEY, share=D("0.5"))
    assert planning.needed_points(lam_dong, D("88.16")) == D("4.225")
    assert codes_of(plan) == ["1.5", "6.1.2", "6.3.3", "6.3.4", "8.5", "8.6", "4.1.2", "4.3.3", "5.5.2", "4.1.3", "7.1.9", "6.1.1"]
    assert sum(r.planned for r in plan.recoveries) == D("4.225")
    assert plan.reached and plan.outcome.index == D("88.16")  # 88,155 rounded half up


def test_when_everything_together_meets_the_need_exactly_the_largest_come_first(lam_dong):
    # The playbook caps 1.5 at 0,005 and keeps 3.4.* out (their parent 3.4 is given, so
    # their recovery does not add up): the other non-survey losses count 8,774 - 1 - 0,064
    # + 0,005 = 7,715, exactly what 91,65 needs (91,645 - 83,93). The plan takes them all,
    # largest first, so 1.5 comes last
    kept_out = {code: Ceiling(points=D(0)) for code in ("3.4.1", "3.4.2", "3.4.3")}
    plan = planning.plan(lam_dong, D("91.65"), exclude_kinds=SURVEY, ceilings={"1.5": Ceiling(points=D("0.005")), **kept_out})
    assert planning.needed_points(lam_dong, D("91.65")) == D("7.715")
    assert codes_of(plan) == ["6.1.2", "6.3.3", "6.3.4", "8.5", "8.6", "4.1.2", "4.3.3", "5.5.2", "4.1.3", "7.1.9",
                              "6.1.1", "6.1.3", "8.3.1", "1.6", "7.1.3", "1.5"]
    assert plan.reached and plan.outcome.index == D("91.65")


def test_by_effort_a_cheap_item_one_thousandth_short_is_not_enough(lam_dong):
    # 83,94 needs 0,005: 3.4.3 (0,004) at effort 0,5 is cheapest but falls 0,001 short;
    # 1.6 (0,03) at effort 1 covers it
    efforts = {code: D(5) for code, _ in lam_dong.recoverable()}
    efforts.update({"1.6": D(1), "3.4.3": D("0.5")})
    plan = planning.plan(lam_dong, D("83.94"), efforts, exclude_kinds=SURVEY)
    assert codes_of(plan) == ["1.6"] and plan.reached and plan.outcome.index == D("83.96")


def test_by_effort_fewer_items_win_at_equal_cost_even_when_found_later(lam_dong):
    # 84,43 needs 0,495. 1.5 and 6.1.2 (capped at 0,25 each by the playbook, effort 1 each)
    # reach it together at effort 2, and are met first; 4.1.2 (0,50, effort 2) reaches it
    # alone at the same effort, and one item is fewer than two
    efforts = {code: D(9) for code, _ in lam_dong.recoverable()}
    efforts.update({"1.5": D(1), "6.1.2": D(1), "4.1.2": D(2)})
    ceilings = {"1.5": Ceiling(points=D("0.25")), "6.1.2": Ceiling(points=D("0.25"))}
    plan = planning.plan(lam_dong, D("84.43"), efforts, exclude_kinds=SURVEY, ceilings=ceilings)
    assert codes_of(plan) == ["4.1.2"] and plan.outcome.index == D("84.43")


def test_the_plan_outcome_is_named_after_its_target(lam_dong):
    plan = planning.plan(lam_dong, D("84.59"), exclude_kinds=SURVEY)
    assert plan.outcome.name == "plan 84.59" and plan.target_index == D("84.59")


def test_by_effort_a_need_finer_than_a_thousandth_is_rounded_up(tmp_path):
    # a workbook of 10 points (no set): 1.1 4,9 of 5, 1.2 3 of 4, 1.3 0,999 of 1 -> 8,899.
    # 90 needs 89,995 x 10 / 100 - 8,899 = 0,1005, planned as 0,101: 1.1 (0,1, effort 1)
    # alone falls short; 1.1 + 1.3 (0,101, effort 2) is cheaper than 1.2 (1, effort 5)
    from tests.fixtures.build_fixtures import save, sheet_with

    path = tmp_path / "ten.xlsx"
    save(sheet_with([("1", "Lĩnh vực", D(10), None), ("1.1", "a", D(5), D("4.9")), ("1.2", "b", D(4), D(3)),
                     ("1.3", "c", D(1), D("0.999"))]), path)
    whatif = WhatIf(api.score_workbook(path))
    assert planning.needed_points(whatif, D(90)) == D("0.1005")
    plan = planning.plan(whatif, D(90), {"1.1": D(1), "1.2": D(5), "1.3": D(1)})
    assert codes_of(plan) == ["1.1", "1.3"] and plan.reached and plan.outcome.index == D(90)


def test_a_need_of_exactly_0_plans_nothing(tmp_path):
    # a workbook of 10 points (no set): 1.1 4,9995 of 5 and 1.2 4 of 5 -> 8,9995, the index
    # 89,995 published as 90: a target of 90 needs 89,995 x 10 / 100 - 8,9995 = 0
    from tests.fixtures.build_fixtures import save, sheet_with

    path = tmp_path / "ten.xlsx"
    save(sheet_with([("1", "Lĩnh vực", D(10), None), ("1.1", "a", D(5), D("4.9995")), ("1.2", "b", D(5), D(4))]), path)
    whatif = WhatIf(api.score_workbook(path))
    assert planning.needed_points(whatif, D(90)) == D(0)
    plan = planning.plan(whatif, D(90))
    assert plan.recoveries == () and plan.reached and plan.outcome.index == D(90)


def test_by_effort_a_target_just_out_of_reach_takes_everything(lam_dong):
    # 93 needs 92,995 - 83,93 = 9,065; all the non-survey losses give 8,774 (less 0,014 that
    # 3.4 cannot take): out of reach by less than a point, so every candidate is planned
    efforts = {code: D(1) for code, _ in lam_dong.recoverable()}
    plan = planning.plan(lam_dong, D(93), efforts, exclude_kinds=SURVEY)
    assert plan.by_effort and not plan.reached and len(plan.recoveries) == 19
    assert plan.outcome.index == D("92.69")  # 83,93 + 8,774 - 0,014 = 92,69
