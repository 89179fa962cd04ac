"""The engine's rules on small trees, and its invariants under hypothesis."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parcalc.core.engine import group_of, score
from parcalc.core.errors import ScoringError
from parcalc.core.model import Criterion, CriterionSet, Entry

D = Decimal


def leaf(code: str, maximum: str, kind: str = "appraised") -> Criterion:
    return Criterion(code=code, name=f"n{code}", max=D(maximum), kind=kind)


def node(code: str, maximum: str, *children: Criterion, partial: bool = False, kind: str = "appraised") -> Criterion:
    return Criterion(code=code, name=f"n{code}", max=D(maximum), children=children, partial=partial, kind=kind)


def given_points(**points: str) -> dict[str, Entry]:
    return {code.replace("_", "."): Entry(code=code.replace("_", "."), points=D(value)) for code, value in points.items()}


TREE = CriterionSet(id="t", title="t", roots=(
    node("1", "60", leaf("1.1", "40"), leaf("1.2", "20")),
    node("2", "40", leaf("2.1", "10", kind="survey"), partial=True, kind="survey"),
))


def test_points_add_up_from_leaves():
    result = score(TREE, given_points(**{"1_1": "30", "1_2": "20", "2": "35"}))
    assert result.node("1").points == D("50") and result.node("1").status == "derived"
    assert result.total_points == D("85") and result.index == D("85.00") and result.group == "B"
    assert result.split == {"appraised": D("50"), "survey": D("35")}


def test_given_parent_bounds_its_children():
    result = score(TREE, given_points(**{"1": "55", "2": "40"}))
    assert result.node("1.1").status == "bounded" and result.node("1.1").points is None
    assert result.total_points == D("95")


DEEP = CriterionSet(id="deep", title="deep", roots=(
    node("6", "8",
         node("6.1", "3", leaf("6.1.1", "1"), leaf("6.1.2", "1"), leaf("6.1.3", "1")),
         node("6.2", "3", leaf("6.2.1", "1"), partial=True),
         node("6.3", "2", leaf("6.3.1", "1"), leaf("6.3.2", "1"))),
))


def test_below_a_given_field_a_node_whose_children_are_all_known_is_their_sum():
    """As the README says: given points, else the children's sum, else bounded. A clerk
    gives field 6 (7,5) and every sub-criterion of 6.1: 6.1 has 1 + 1 + 0,75 = 2,75 and
    lost 0,25. 6.2 lists 1 of its 3 points and 6.3 lacks 6.3.2: both stay bounded."""
    result = score(DEEP, given_points(**{"6": "7.5", "6_1_1": "1", "6_1_2": "1", "6_1_3": "0.75", "6_2_1": "1", "6_3_1": "1"}))
    assert (result.node("6.1").points, result.node("6.1").lost, result.node("6.1").status) == (D("2.75"), D("0.25"), "derived")
    assert [(code, result.node(code).points, result.node(code).status) for code in ("6.2", "6.3", "6.3.2")] == [
        ("6.2", None, "bounded"), ("6.3", None, "bounded"), ("6.3.2", None, "bounded")]
    assert result.total_points == D("7.5") and result.assumed == ()


def test_a_given_field_is_checked_against_what_is_known_further_below_it():
    """Field 6 loses 0,5; 6.1 (2,75 of 3) loses 0,25 and 6.3.1, below 6.3 whose points are
    unknown, 0,5: 0,75 together, more than the field. By hand: 6.2 (3) and 6.3.2 (1) are
    unknown and may hold 4 at most; 7,5 - 2,75 - 0,5 = 4,25 > 4. With 6.3.1 at 1, 3,75 fits."""
    points = {"6": "7.5", "6_1_1": "1", "6_1_2": "1", "6_1_3": "0.75", "6_3_1": "0.5"}
    (finding,) = score(DEEP, given_points(**points)).findings
    assert (finding.key, finding.code, finding.params["lost"], finding.params["children_lost"]) == ("children_lose_more", "6", D("0.5"), D("0.75"))
    assert score(DEEP, given_points(**{**points, "6_3_1": "1"})).findings == ()


def test_missing_leaves_are_listed_at_once():
    with pytest.raises(ScoringError) as caught:
        score(TREE, given_points(**{"1_1": "30"}))
    assert caught.value.render("en") == ("no points for 1.2, 2.1, 2* (2* is the part of 2's standard points that no row lists): give them "
                                         "in the workbook (or their parent's points), or pass --assume-full to count them at full points")
    assert caught.value.render("vi") == ("chưa có điểm của 1.2, 2.1, 2* (2* là phần điểm chuẩn của 2 không có dòng nào): ghi điểm vào "
                                         "bảng tính (hoặc điểm của tiêu chí cấp trên), hoặc dùng --assume-full để tính đủ điểm")


def test_assume_full_counts_missing_and_says_what():
    result = score(TREE, given_points(**{"1_1": "30"}), assume_full=True)
    assert result.assumed == ("1.2", "2.1", "2*")
    assert result.total_points == D("90")


def test_points_above_maximum_are_an_error_naming_the_code():
    with pytest.raises(ScoringError) as caught:
        score(TREE, given_points(**{"1_1": "41.5", "1_2": "20", "2": "1"}))
    assert caught.value.render("en") == "1.1 has 41.5 points, more than its maximum 40"
    assert caught.value.render("vi") == "1.1 có 41,5 điểm, nhiều hơn điểm chuẩn 40"


def test_unknown_code_is_an_error():
    values = given_points(**{"1": "50", "2": "30", "3_1": "1"})
    with pytest.raises(ScoringError) as caught:
        score(TREE, values)
    assert caught.value.render("en") == "code 3.1 is not in criterion set t: correct the code or use the set the workbook was made for"
    assert caught.value.render("vi") == "mã 3.1 không có trong bộ tiêu chí t: sửa lại mã, hoặc dùng đúng bộ tiêu chí của bảng tính"


def test_parent_not_matching_complete_children_is_a_finding():
    result = score(TREE, given_points(**{"1": "50", "1_1": "30", "1_2": "19", "2": "40"}))
    assert [(f.key, f.code) for f in result.findings] == [("children_sum", "1")]


def test_within_tolerance_is_not_a_finding():
    result = score(TREE, given_points(**{"1": "50.004", "1_1": "30", "1_2": "20", "2": "40"}))
    assert result.findings == ()


def test_children_scoring_more_than_the_parent_is_a_finding():
    result = score(TREE, given_points(**{"1": "60", "2": "5", "2_1": "9"}))
    assert [(f.key, f.code) for f in result.findings] == [("children_exceed", "2")]


def test_lost_that_does_not_match_is_a_finding():
    values = {"1": Entry("1", points=D("50"), lost=D("9")), **given_points(**{"2": "40"})}
    result = score(TREE, values)
    assert [(f.key, f.params["expected"]) for f in result.findings] == [("lost_mismatch", D("10"))]


def test_self_score_minus_appraised():
    values = {"1": Entry("1", points=D("50"), self_score=D("55")), **given_points(**{"2": "40"})}
    assert score(TREE, values).node("1").self_minus_appraised == D("5")


@pytest.mark.parametrize("index, group", [("90", "A"), ("89.99", "B"), ("80", "B"), ("79.99", "C"), ("70", "C"), ("69.99", "D"), ("0", "D")])
def test_groups(index, group):
    assert group_of(D(index)) == group


def test_index_rounds_half_up():
    tree = CriterionSet(id="t", title="t", roots=(leaf("1", "3"),))
    # 2/3 = 66.666... -> 66.67; 0.5/1 style halves round up
    assert score(tree, given_points(**{"1": "2"})).index == D("66.67")
    tree = CriterionSet(id="t", title="t", roots=(leaf("1", "8"),))
    assert score(tree, given_points(**{"1": "0.0004"})).index == D("0.01")  # 0.005 -> 0.01


# --- invariants -------------------------------------------------------------------------

points = st.decimals(min_value=0, max_value=10, places=2)


@st.composite
def scored_trees(draw):
    """A random complete tree (fields > criteria > leaves) and points for every leaf."""
    roots, values = [], {}
    for f in range(1, draw(st.integers(1, 5)) + 1):
        children = []
        for c in range(1, draw(st.integers(0, 4)) + 1):
            maximum = draw(points.filter(lambda x: x > 0))
            children.append(Criterion(code=f"{f}.{c}", name=None, max=maximum))
            values[f"{f}.{c}"] = Entry(f"{f}.{c}", points=draw(st.decimals(min_value=0, max_value=maximum, places=3)))
        if children:
            maximum = sum((child.max for child in children), D(0))
            roots.append(Criterion(code=str(f), name=None, max=maximum, children=tuple(children)))
        else:
            maximum = draw(points.filter(lambda x: x > 0))
            roots.append(Criterion(code=str(f), name=None, max=maximum))
            values[str(f)] = Entry(str(f), points=draw(st.decimals(min_value=0, max_value=maximum, places=3)))
    return CriterionSet(id="h", title="h", roots=tuple(roots)), values


@settings(max_examples=150, deadline=None)
@given(scored_trees())
def test_invariants(case):
    tree, values = case
    result = score(tree, values)
    for node_result in result.nodes:
        assert node_result.lost is not None and node_result.lost >= 0
        children = node_result.criterion.children
        if children:
            assert node_result.points == sum(result.node(c.code).points for c in children)
    assert result.total_points == sum(r.points for r in result.fields)
    assert result.total_lost == result.total_max - result.total_points
    assert D(0) <= result.index <= D(100)
    assert result.findings == ()


@settings(max_examples=100, deadline=None)
@given(scored_trees())
def test_giving_the_parent_instead_of_the_children_changes_nothing(case):
    tree, values = case
    full = score(tree, values)
    parents_only = {code: Entry(code, points=full.node(code).points) for code in (r.code for r in full.fields)}
    assert score(tree, parents_only).total_points == full.total_points
