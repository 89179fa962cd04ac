"""core/engine.py pinned (issue 18): the published-figure checks (a given parent against
its children, at the 0,005 tolerance and with children partly unknown; which warning is
chosen), "total never below 0", and the appraised/survey split of fields that mix kinds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcalc.core.engine import score
from parcalc.core.errors import ScoringError
from parcalc.core.labels import finding_message
from parcalc.core.model import Criterion, CriterionSet, Entry, Finding

D = Decimal


def leaf(code, maximum, kind="appraised"):
    return Criterion(code=code, name=f"n{code}", max=D(maximum), kind=kind)


def node(code, maximum, *children, partial=False, kind="appraised", optional=False):
    return Criterion(code=code, name=f"n{code}", max=D(maximum), children=children, partial=partial, kind=kind,
                     optional=optional)


def given(**points):
    """1_2="3" -> entry 1.2 with 3 points, read from cell D<n> (n: the order given, from row 2)."""
    return {code.replace("_", "."): Entry(code.replace("_", "."), points=D(value), where={"points": f"D{row}", "code": f"A{row}"})
            for row, (code, value) in enumerate(points.items(), start=2)}


# 1 (10) = 1.1 (6) + 1.2 (4): complete. 2 (10) = 2.1 (4) + 2.2 (6). 3 (10) partial: 3.1 (4) listed, 6 unlisted.
TREE = CriterionSet(id="t", title="t", roots=(
    node("1", "10", leaf("1.1", "6"), leaf("1.2", "4")),
    node("2", "10", leaf("2.1", "4"), leaf("2.2", "6")),
    node("3", "10", leaf("3.1", "4"), partial=True),
    leaf("4", "70"),
))


def findings_of(**points):
    base = {"4": "70"}
    if not any(code.startswith("2") for code in points):
        base["2"] = "10"
    if not any(code.startswith("3") for code in points):
        base["3"] = "10"
    if not any(code.startswith("1") for code in points):
        base["1"] = "10"
    return score(TREE, given(**points, **base)).findings


def both(finding):
    return finding_message(finding, "vi"), finding_message(finding, "en")


# --- a given parent against complete children -------------------------------------------

@pytest.mark.parametrize("one_one, one_two", [("5", "3.995"), ("5.005", "4")])
def test_a_parent_exactly_0_005_from_its_childrens_sum_is_no_finding(one_one, one_two):
    # 1 = 9; 5 + 3,995 = 8,995 (9 - 8,995 = 0,005) and 5,005 + 4 = 9,005 (-0,005): both within
    assert findings_of(**{"1": "9", "1_1": one_one, "1_2": one_two}) == ()


def test_a_parent_0_006_above_its_childrens_sum_is_children_sum():
    # 5 + 3,994 = 8,994; the parent's 9 is 0,006 more, and no child is unknown: children_sum
    (finding,) = findings_of(**{"1": "9", "1_1": "5", "1_2": "3.994"})
    # lost: 10 - 9 = 1; the children lose 1 + 0,006 = 1,006
    assert finding == Finding("children_sum", "1", "D2", {"points": D(9), "children_points": D("8.994"), "lost": D(1),
                                                             "children_lost": D("1.006")})
    assert both(finding) == ("1: điểm 9,00 nhưng các tiêu chí con cộng lại được 8,994",
                             "1: 9.00 points given, but its sub-criteria add up to 8.994")


def test_a_parent_0_006_below_its_childrens_sum_is_children_sum_too():
    # 5,006 + 4 = 9,006, 0,006 more than the parent's 9: with every child known it is still children_sum
    (finding,) = findings_of(**{"1": "9", "1_1": "5.006", "1_2": "4"})
    assert (finding.key, finding.where, finding.params["children_points"], finding.params["children_lost"]) == (
        "children_sum", "D2", D("9.006"), D("0.994"))  # 0,994 + 0 lost by the children
    assert both(finding)[1] == "1: 9.00 points given, but its sub-criteria add up to 9.006"


# --- a given parent with some children unknown ------------------------------------------

def test_unknown_children_take_what_the_parent_leaves_within_their_maxima():
    # 2 = 7, 2.1 = 4: 2.2 (max 6) must have 3 -- possible; 2 = 10, 2.1 = 4: 2.2 has 6, its maximum
    assert findings_of(**{"2": "7", "2_1": "4"}) == ()
    assert findings_of(**{"2": "10", "2_1": "4"}) == ()
    result = score(TREE, given(**{"2": "7", "2_1": "4", "1": "10", "3": "10", "4": "70"}))
    assert (result.node("2.2").points, result.node("2.2").status) == (None, "bounded")


@pytest.mark.parametrize("parent, finding", [("9.005", None), ("9.006", "children_lose_more")])
def test_unknown_children_at_0_005_above_their_maxima(parent, finding):
    # 2.1 = 3: 2.2 would need parent - 3 = 6,005 (within 0,005 of its 6) or 6,006 (too much)
    assert [f.key for f in findings_of(**{"2": parent, "2_1": "3"})] == ([finding] if finding else [])


@pytest.mark.parametrize("parent, finding", [("3.995", None), ("3.994", "children_exceed")])
def test_known_children_at_0_005_above_the_parent(parent, finding):
    # 2.1 = 4 alone has 0,005 (within) or 0,006 more than the parent: 2.2 would be below 0
    assert [f.key for f in findings_of(**{"2": parent, "2_1": "4"})] == ([finding] if finding else [])


def test_children_lose_more_is_said_in_lost_points():
    # 2 = 9,5 loses 0,5; 2.1 = 3 alone loses 1: 2.2 would need 6,5 of its 6
    (finding,) = findings_of(**{"2": "9.5", "2_1": "3"})
    assert finding == Finding("children_lose_more", "2", "D2", {"points": D("9.5"), "children_points": D(3), "lost": D("0.5"),
                                                                   "children_lost": D(1)})
    assert both(finding) == ("2 mất 0,50 điểm nhưng các tiêu chí con được liệt kê mất tổng cộng 1,00",
                             "2 loses 0.50 but its listed sub-criteria lose 1.00 together")


def test_children_exceed_is_said_in_points():
    # 2 = 2, 2.1 = 4: 2.2 would have -2
    (finding,) = findings_of(**{"2": "2", "2_1": "4"})
    assert finding == Finding("children_exceed", "2", "D2", {"points": D(2), "children_points": D(4), "lost": D(8),
                                                                "children_lost": D(0)})
    assert both(finding) == ("2: các tiêu chí con được 4,00 điểm, nhiều hơn 2,00 điểm của 2",
                             "2: its sub-criteria have 4.00 points together, more than the 2.00 given for 2")


def test_a_partial_parents_unlisted_remainder_counts_as_unknown():
    # 3 (10) lists 3.1 (4); 6 unlisted. 3 = 10, 3.1 = 4: the remainder has 6 -- fine.
    assert findings_of(**{"3": "10", "3_1": "4"}) == ()
    # 3 = 10, 3.1 = 3: the remainder would need 7 of its 6: it loses 0, its listed child 1
    (finding,) = findings_of(**{"3": "10", "3_1": "3"})
    assert (finding.key, finding.params["lost"], finding.params["children_lost"]) == ("children_lose_more", D(0), D(1))


def test_a_parent_whose_children_are_all_unknown_is_not_checked():
    # 2 = 0 given, neither child: nothing to compare (0 is possible for both)
    assert findings_of(**{"2": "0"}) == ()


def test_a_finding_without_a_points_cell_is_placed_at_the_code():
    values = given(**{"1_1": "6", "1_2": "4", "3": "10", "4": "70", "2_1": "4"})
    values["2"] = Entry("2", points=D(2), where={"code": "A9"})
    (finding,) = score(TREE, values).findings
    assert (finding.key, finding.where) == ("children_exceed", "A9")


# --- total never below 0 ----------------------------------------------------------------

PENALISED = CriterionSet(id="p", title="p", roots=(
    leaf("1", "100"),
    node("2", "10", leaf("2.1", "10", kind="bonus"), kind="bonus"),
    node("3", "150", leaf("3.1", "150", kind="penalty"), kind="penalty"),
))


def test_a_penalty_larger_than_the_points_leaves_0_not_less():
    # 40 + 0 bonus - 60 = -20: the total is 0, index 0,00, group D
    result = score(PENALISED, given(**{"1": "40", "3_1": "60"}))
    assert (result.total_points, result.total_max, result.index, result.group) == (D(0), D(100), D("0.00"), "D")
    assert (result.node("3").points, result.node("3").lost, result.node("2").points, result.node("2").lost) == (D(60), D(60), D(0), D(0))


def test_a_penalty_exactly_equal_to_the_points_leaves_0_and_a_bonus_counts_before_the_bound():
    assert score(PENALISED, given(**{"1": "60", "3_1": "60"})).total_points == D(0)
    # 40 + 10 - 45 = 5: the bonus is added before the total is bounded at 0 (not 40 - 45 -> 0, + 10)
    assert score(PENALISED, given(**{"1": "40", "2_1": "10", "3_1": "45"})).total_points == D(5)


def test_the_cap_at_the_scale_is_applied_after_the_penalty():
    # add_capped: 95 + 10 - 10 = 95 (the cap is on the combined total, not on 95 + 10 first, which would give 90)
    assert score(PENALISED, given(**{"1": "95", "2_1": "10", "3_1": "10"})).total_points == D(95)
    # 95 + 10 = 105 capped at 100; without the cap ("add") it stays 105
    assert score(PENALISED, given(**{"1": "95", "2_1": "10"})).total_points == D(100)
    uncapped = CriterionSet(id="p", title="p", roots=PENALISED.roots, combine="add")
    assert score(uncapped, given(**{"1": "95", "2_1": "10"})).total_points == D(105)


# --- the appraised/survey split ---------------------------------------------------------

MIXED = CriterionSet(id="m", title="m", roots=(
    node("1", "10", leaf("1.1", "6"), leaf("1.2", "4", kind="survey"), kind="mixed"),
    node("2", "10", leaf("2.1", "4", kind="survey"), partial=True),
    leaf("3", "80", kind="survey"),
))


def test_a_field_whose_sub_criteria_mix_kinds_is_split_by_its_children():
    result = score(MIXED, given(**{"1_1": "5", "1_2": "3", "2": "10", "3": "70"}))
    # 2 = 10 is given whole; its survey child 2.1 is only bounded, so 2 cannot be split, nor the total
    assert result.split is None
    result = score(MIXED, given(**{"1_1": "5", "1_2": "3", "2": "9", "2_1": "3", "3": "70"}))
    # 1: appraised 5, survey 3. 2 (appraised, partial): survey child 3, its remainder 9 - 3 = 6 appraised. 3: survey 70
    # appraised 5 + 6 = 11; survey 3 + 3 + 70 = 76 (11 + 76 = 87, the total)
    assert result.split == {"appraised": D(11), "survey": D(76)} and result.total_points == D(87)


def test_a_mixed_field_given_whole_cannot_be_split():
    # 1 = 8 given, its children bounded: how much is appraised is unknown
    assert score(MIXED, given(**{"1": "8", "2": "9", "2_1": "3", "3": "70"})).split is None


def test_a_mixed_partial_field_with_a_remainder_cannot_be_split():
    tree = CriterionSet(id="m", title="m", roots=(node("1", "10", leaf("1.1", "4"), leaf("1.2", "2", kind="survey"), partial=True, kind="mixed"),
                                                  leaf("2", "90")))
    # 1 = 9, 1.1 = 4, 1.2 = 2: 3 points of 1 are in its unlisted part, whose kind "mixed" does not say
    assert score(tree, given(**{"1": "9", "1_1": "4", "1_2": "2", "2": "90"})).split is None
    # with 1 = 6 nothing is unlisted: appraised 4 + 90 = 94, survey 2
    assert score(tree, given(**{"1": "6", "1_1": "4", "1_2": "2", "2": "90"})).split == {"appraised": D(94), "survey": D(2)}


def test_bonus_penalty_and_absent_blocks_listed_first_do_not_stop_the_split():
    tree = CriterionSet(id="e", title="e", roots=(
        node("5", "10", leaf("5.1", "10"), optional=True),  # absent: nothing given in it
        node("6", "5", leaf("6.1", "5", kind="bonus"), kind="bonus"),
        node("7", "5", leaf("7.1", "5", kind="penalty"), kind="penalty"),
        leaf("1", "60"),
        leaf("2", "30", kind="survey"),
    ))
    result = score(tree, given(**{"6_1": "2", "7_1": "1", "1": "50", "2": "20"}))
    # split of the fields on the scale only: appraised 50, survey 20; total 50 + 20 + 2 - 1 = 71 of 90 (5 absent)
    assert result.split == {"appraised": D(50), "survey": D(20)}
    assert (result.total_points, result.total_max, result.index) == (D(71), D(90), D("78.89"))  # 7100/90 = 78,888..
    assert result.node("5").status == "absent" and result.node("5.1").points is None


# --- points that no row gives: the list and its cut-off ---------------------------------

def thirteen(count):
    """Field 1 with `count` sub-criteria 1.1 ... of 1 point each, field 2 with the rest of 100."""
    return CriterionSet(id="n", title="n", roots=(node("1", str(count), *(leaf(f"1.{i}", "1") for i in range(1, count + 1))),
                                                  leaf("2", str(100 - count))))


def missing(criteria, values):
    with pytest.raises(ScoringError) as caught:
        score(criteria, values)
    return caught.value


def test_twelve_missing_codes_are_all_named_and_a_thirteenth_is_counted():
    left_out = ("no points for {}: give them in the workbook (or their parent's points), "
                "or pass --assume-full to count them at full points")
    twelve = ", ".join(f"1.{i}" for i in range(1, 13))  # 1.1 ... 1.12, in tree order (1.10 after 1.9)
    assert missing(thirteen(12), given(**{"2": "88"})).render("en") == left_out.format(twelve)
    error = missing(thirteen(13), given(**{"2": "87"}))
    assert error.render("en") == left_out.format(f"{twelve} and 1 more")
    assert error.render("vi") == (f"chưa có điểm của {twelve} và 1 mã khác: ghi điểm vào bảng tính (hoặc điểm của tiêu chí cấp "
                                  "trên), hoặc dùng --assume-full để tính đủ điểm")


def test_a_blank_cell_is_named_with_its_place_only_when_it_is_all_that_is_missing():
    blank = ("no points for {}: give them in the workbook (or their parent's points), or say how to read what is blank "
             "or left out: --blank zero (not achieved, 0 points) or --blank full / --assume-full (counted at full points)")
    values = {**given(**{"1_1": "1", "2": "98"}), "1.2": Entry("1.2", where={"points": "D9", "code": "A9"})}
    error = missing(thirteen(2), values)
    assert [(problem.where, problem.message.render("en")) for problem in error.problems] == [("D9", blank.format("1.2"))]
    # 1.2 blank and 1.3 left out: both named, and no single place
    values = {**given(**{"1_1": "1", "2": "97"}), "1.2": Entry("1.2", where={"points": "D9", "code": "A9"})}
    error = missing(thirteen(3), values)
    assert [(problem.where, problem.message.render("en")) for problem in error.problems] == [(None, blank.format("1.2, 1.3"))]


# --- sub-indexes, the node look-up and grades --------------------------------------------

def test_each_field_sub_index_in_the_json(cli):
    # Lâm Đồng's published field points over their maxima, x 100, two decimals half up:
    # 7,47/8,5 = 87,88; 5/5 = 100; 13,45/13,5 = 99,63; 5,66/7 = 80,86; 7/7,5 = 93,33;
    # 4,58/8 = 57,25; 10,66/11 = 96,91; 3,92/6 = 65,33; 26,19/33,5 = 78,18
    import json

    from tests.conftest import LAM_DONG

    data = json.loads(cli("score", LAM_DONG, "--criteria", "province-2020", "--assume-full", "-f", "json").stdout)
    assert [(f["code"], f["points"], f["sub_index"]) for f in data["fields"]] == [
        ("1", 7.47, 87.88), ("2", 5, 100), ("3", 13.45, 99.63), ("4", 5.66, 80.86), ("5", 7, 93.33),
        ("6", 4.58, 57.25), ("7", 10.66, 96.91), ("8", 3.92, 65.33), ("9", 26.19, 78.18)]


def test_a_node_without_points_has_no_sub_index():
    from parcalc.core.engine import NodeResult, ScoreResult

    unknown = NodeResult(leaf("1", "10"), None, "missing")
    assert ScoreResult.sub_index(unknown) is None
    assert ScoreResult.sub_index(NodeResult(leaf("1", "8"), D(2), "given")) == D("25.00")


def test_looking_up_a_code_that_is_not_in_the_result_names_it():
    result = score(TREE, {**given(**{"1": "10", "2": "10", "3": "10", "4": "70"})})
    assert result.node("2").points == D(10)
    with pytest.raises(KeyError) as raised:
        result.node("9.9")
    assert raised.value.args == ("9.9",)


def test_an_index_below_every_grade_takes_the_lowest():
    # a Python user's grades need not end at 0 (a set file's must): 50 is below C's 70
    from parcalc.core.engine import group_of
    from parcalc.core.model import Grade

    grades = (Grade("A", D(90)), Grade("B", D(80)), Grade("C", D(70)))
    assert [group_of(D(index), grades) for index in ("95", "80", "70", "50")] == ["A", "B", "C", "C"]


# --- a parent's status when its children are assumed (--assume-full) ---------------------

def test_a_partial_parent_whose_listed_children_and_rest_are_all_assumed_is_assumed():
    # nothing of 3 given: 3.1 (4) and the unlisted 6 are both assumed -> 3 is assumed, 10 points
    result = score(TREE, given(**{"1": "10", "2": "10", "4": "70"}), assume_full=True)
    assert (result.node("3").points, result.node("3").status) == (D(10), "assumed")
    assert (result.node("3.1").points, result.node("3.1").status) == (D(4), "assumed")
    assert result.assumed == ("3.1", "3*")


def test_a_partial_parent_with_a_given_child_is_derived_though_its_rest_is_assumed():
    # 3.1 given 3; the unlisted 6 assumed -> 3 = 9, derived from what was given
    result = score(TREE, given(**{"1": "10", "2": "10", "3_1": "3", "4": "70"}), assume_full=True)
    assert (result.node("3").points, result.node("3").status) == (D(9), "derived")
    assert result.assumed == ("3*",)


def test_a_complete_parent_whose_children_are_all_assumed_is_derived():
    # 1 has no unlisted rest: 1.1 and 1.2 assumed (6 + 4), 1 is their sum, derived
    result = score(TREE, given(**{"2": "10", "3": "10", "4": "70"}), assume_full=True)
    assert (result.node("1").points, result.node("1").status) == (D(10), "derived")
    assert [result.node(code).status for code in ("1.1", "1.2")] == ["assumed", "assumed"]


def test_two_children_of_one_kind_add_up_in_the_split():
    # 1 (mixed, complete) = 1.1 appraised 2 + 1.2 appraised 2 + 1.3 survey 1; 2 appraised 80
    tree = CriterionSet(id="m", title="m", roots=(
        node("1", "10", leaf("1.1", "3"), leaf("1.2", "2"), leaf("1.3", "5", kind="survey"), kind="mixed"), leaf("2", "90")))
    result = score(tree, given(**{"1_1": "2", "1_2": "2", "1_3": "1", "2": "80"}))
    assert result.split == {"appraised": D(84), "survey": D(1)} and result.total_points == D(85)


def test_a_partial_field_adds_its_remainder_to_its_own_kind():
    # 1 (appraised, partial) = 6 given: 1.1 appraised 2, 1.2 survey 1, so its unlisted part
    # holds 6 - 3 = 3 appraised points -> appraised 2 + 3 + 80 (field 2) = 85, survey 1
    tree = CriterionSet(id="m", title="m", roots=(
        node("1", "10", leaf("1.1", "3"), leaf("1.2", "2", kind="survey"), partial=True), leaf("2", "90")))
    result = score(tree, given(**{"1": "6", "1_1": "2", "1_2": "1", "2": "80"}))
    assert result.split == {"appraised": D(85), "survey": D(1)}


def test_a_leaf_of_mixed_kind_cannot_be_split():
    tree = CriterionSet(id="m", title="m", roots=(leaf("1", "10", kind="mixed"), leaf("2", "90")))
    result = score(tree, given(**{"1": "4", "2": "80"}))
    assert result.split is None and result.total_points == D(84)


# --- lost points that disagree with the points ------------------------------------------

def with_lost(code, points, lost, row=2):
    return {code: Entry(code, points=D(points), lost=D(lost), where={"points": f"D{row}", "lost": f"E{row}", "code": f"A{row}"})}


@pytest.mark.parametrize("lost, warned", [("1.005", False), ("0.995", False), ("1.006", True), ("0.994", True)])
def test_lost_points_within_the_tolerance_agree(lost, warned):
    # 1.1: 6 - 5 = 1 lost; a lost column off by 0,005 or less agrees (two decimals, rounded)
    values = {**with_lost("1.1", "5", lost), **given(**{"1_2": "4", "2": "10", "3": "10", "4": "70"})}
    findings = [f for f in score(TREE, values).findings if f.key == "lost_mismatch"]
    assert findings == ([Finding("lost_mismatch", "1.1", "E2", {"lost": D(lost), "expected": D(1), "max": D(6), "points": D(5)})]
                        if warned else [])


def test_lost_points_of_a_node_without_a_known_maximum_stop_at_the_maximum_asked_for():
    tree = CriterionSet(id="u", title="u", roots=(Criterion(code="1", name="n1", max=None), leaf("2", "90")))
    with pytest.raises(ScoringError) as raised:
        score(tree, {**with_lost("1", "5", "3"), **given(**{"2": "80"})})
    assert [(p.where, p.message.render("en")) for p in raised.value.problems] == [
        (None, "criterion 1: set u does not know its maximum points; give them in the workbook's standard points column (Điểm chuẩn)")]


def test_children_that_must_lose_more_than_their_given_parent_by_less_than_a_point():
    # 1 (10) = 9 given; 1.1 (9,5) = 8,2 -> 1.2 (0,5) would need 0,8: the children lose
    # 1,3 + ... where the parent loses 1
    tree = CriterionSet(id="c", title="c", roots=(node("1", "10", leaf("1.1", "9.5"), leaf("1.2", "0.5")), leaf("2", "90")))
    result = score(tree, given(**{"1": "9", "1_1": "8.2", "2": "90"}))
    assert [(f.key, f.code) for f in result.findings] == [("children_lose_more", "1")]



def test_units_made_many_at_a_time_are_one_per_unit_or_an_error():
    """UnitNodes.of_units: each unit's totals, index, group, fields and node points; a
    column one unit short is a programming error, never a unit silently dropped."""
    from parcalc.core.engine import UnitNodes

    criteria = CriterionSet(id="t", title="t", level="custom", roots=(Criterion(code="1", name="One", max=D(10)),))
    made = UnitNodes.of_units(criteria, [D(9), D("7.5")], D(10), [(D(9),), (D("7.5"),)], [{"1": D(9)}, {"1": D("7.5")}])
    assert [(u.total_points, u.index, u.group, u.field_points, u.node_points) for u in made] == [
        (D(9), D("90.00"), "A", (D(9),), {"1": D(9)}), (D("7.5"), D("75.00"), "C", (D("7.5"),), {"1": D("7.5")})]
    with pytest.raises(ValueError):
        UnitNodes.of_units(criteria, [D(9), D("7.5")], D(10), [(D(9),), (D("7.5"),)], [{"1": D(9)}])
