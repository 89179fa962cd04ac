"""What-if scenarios pinned with hand-computed figures (issue 18).

Lâm Đồng 2020 (--assume-full): 83,93. Field 6 has 4,58 of 8; 6.1 has 1,58 of 3 (6.1.1 0,71,
6.1.2 0, 6.1.3 0,87 of 1 each). 3.4 has 4,95 of 5 while its sub-criteria 3.4.1 1,48,
3.4.2 1,46, 3.4.3 0,996 (of 1,5, 1,5, 1) lose 0,064 together: 3.4 can gain only 0,05.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcalc import api
from parcalc.analysis.whatif import Change, Override, Scenario, WhatIf
from parcalc.core.engine import score
from parcalc.core.errors import UsageError
from parcalc.core.model import Criterion, CriterionSet, Entry, Grade
from tests.conftest import LAM_DONG

D = Decimal


@pytest.fixture(scope="module")
def lam_dong():
    return WhatIf(api.score_workbook(LAM_DONG, "province-2020", assume_full=True))


def changes(outcome):
    return [(c.code, c.before, c.after) for c in outcome.changes]


@pytest.mark.parametrize("text, override", [
    ("6.1.2=1,0", Override("6.1.2", points=D("1.0"))), ("6.1.2=0,5", Override("6.1.2", points=D("0.5"))),
    ("3.4.1=value:0,98", Override("3.4.1", value=D("0.98"))), ("3.4.1= VALUE: 0,98 ", Override("3.4.1", value=D("0.98"))),
    (" 6.1.2 =,5", Override("6.1.2", points=D("0.5"))),
])
def test_a_decimal_comma_in_set(text, override):
    assert Override.parse(text) == override


def test_str_of_an_override():
    assert str(Override("6.1.2", points=D("0.5"))) == "6.1.2=0.5" and str(Override("3.4.1", value=D("0.98"))) == "3.4.1=value:0.98"


def test_a_decimal_comma_scenario_from_the_command_line(cli):
    run = cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--set", "6.1.2=0,5", "-f", "csv", lang="en")
    lines = run.stdout.splitlines()
    assert run.exit_code == 0 and lines[2] == "scenario,set,,,,,,84.43,84.43,B,"
    assert lines[3] == "change,set,6,Public finance reform,4.58,5.08,0.5,,,,"


def test_half_a_point_with_a_comma(lam_dong):
    outcome = lam_dong.evaluate(Scenario("set", (Override.parse("6.1.2=0,5"),)))
    assert outcome.index == D("84.43") and changes(outcome) == [("6", D("4.58"), D("5.08")), ("6.1", D("1.58"), D("2.08")),
                                                                ("6.1.2", D(0), D("0.5"))]


def test_a_node_and_its_descendant_in_one_scenario(lam_dong):
    # 6.1.2 to 1 first (the deeper override): 6.1 becomes 2,58; then 6.1 to 3 adds 0,42 more
    outcome = lam_dong.evaluate(Scenario("both", (Override("6.1", points=D(3)), Override("6.1.2", points=D(1)))))
    assert outcome.total_points == D("85.35") and outcome.index == D("85.35")
    assert changes(outcome) == [("6", D("4.58"), D("6.00")), ("6.1", D("1.58"), D(3)), ("6.1.2", D(0), D(1))]


def test_a_no_change_override_does_not_stop_the_others(lam_dong):
    # 6.1.2 set to the 0 it has: nothing; 6.1.1 to 1 still adds 0,29
    outcome = lam_dong.evaluate(Scenario("s", (Override("6.1.2", points=D(0)), Override("6.1.1", points=D(1)))))
    assert outcome.index == D("84.22") and changes(outcome) == [("6", D("4.58"), D("4.87")), ("6.1", D("1.58"), D("1.87")),
                                                                ("6.1.1", D("0.71"), D(1))]
    assert lam_dong.evaluate(Scenario("none", (Override("6.1.2", points=D(0)),))).changes == ()


def test_a_parent_already_near_its_maximum_passes_on_only_what_it_gains(lam_dong):
    one = lam_dong.evaluate(Scenario("s", (Override("3.4.2", points=D("1.5")),)))
    assert one.index == D("83.97") and changes(one) == [("3", D("13.45"), D("13.49")), ("3.4", D("4.95"), D("4.99")),
                                                        ("3.4.2", D("1.46"), D("1.5"))]
    # + 3.4.1's 0,02 would make 5,01: 3.4 stops at 5, so 3 and the total gain 0,05 in all
    two = lam_dong.evaluate(Scenario("s", (Override("3.4.2", points=D("1.5")), Override("3.4.1", points=D("1.5")))))
    assert two.index == D("83.98") and changes(two) == [("3", D("13.45"), D("13.50")), ("3.4", D("4.95"), D(5)),
                                                        ("3.4.1", D("1.48"), D("1.5")), ("3.4.2", D("1.46"), D("1.5"))]
    # a parent at its maximum takes nothing more: 3.4.3 adds 0
    three = lam_dong.evaluate(Scenario("s", (Override("3.4.2", points=D("1.5")), Override("3.4.1", points=D("1.5")),
                                             Override("3.4.3", points=D(1)))))
    assert three.index == D("83.98") and ("3.4.3", D("0.996"), D(1)) in changes(three)


def test_lowering_a_node_lowers_its_ancestors(lam_dong):
    outcome = lam_dong.evaluate(Scenario("s", (Override("6.1.1", points=D("0.5")),)))
    assert outcome.index == D("83.72") and changes(outcome)[0] == ("6", D("4.58"), D("4.37"))
    assert Change("x", D(1), D("0.75")).delta == D("-0.25")


def test_the_baseline_is_unchanged(lam_dong):
    lam_dong.evaluate(Scenario("s", (Override("6.1.2", points=D(1)),)))
    assert lam_dong.baseline_outcome().index == D("83.93") and lam_dong.baseline_outcome().name == "baseline"


@pytest.mark.parametrize("text, english, vietnamese", [
    ("6.1.2=1,5", "scenario 'set', 6.1.2=1.5: 1.5 points is outside 0..1.00, the maximum of 6.1.2",
     "kịch bản «set», 6.1.2=1.5: 1,5 điểm nằm ngoài khoảng 0..1,00 (điểm chuẩn của 6.1.2)"),
])
def test_points_above_the_maximum(lam_dong, text, english, vietnamese):
    with pytest.raises(UsageError) as caught:
        lam_dong.evaluate(Scenario("set", (Override.parse(text),)))
    assert (caught.value.render("en"), caught.value.render("vi")) == (english, vietnamese)


def test_a_parent_given_with_its_child_keeps_its_own_figure(lam_dong):
    # 6.1.2 to 1 first (deeper): 6.1 1,58 -> 2,58 and 6 4,58 -> 5,58; then 6.1 at the 1,58
    # the scenario gives takes the point back: the parent's figure wins, the index stays 83,93
    outcome = lam_dong.evaluate(Scenario("s", (Override("6.1", points=D("1.58")), Override("6.1.2", points=D(1)))))
    assert outcome.index == D("83.93") and changes(outcome) == [("6.1.2", D(0), D(1))]


def test_two_equals_signs_in_set_are_not_a_number():
    with pytest.raises(UsageError) as raised:
        Override.parse("6.1.2=1=2")
    assert [p.render("en") for p in raised.value.problems] == [
        "--set: '6.1.2=1=2': '1=2' is not a number (write it like 85,5 or 85.5)"]


def test_a_value_the_rule_cannot_take_names_the_scenario_and_the_override():
    from tests.conftest import EXAMPLES, GOOD

    whatif = WhatIf(api.score_workbook(GOOD / "rules-values.xlsx", str(EXAMPLES / "rules-example.yaml")))
    with pytest.raises(UsageError) as raised:
        whatif.evaluate(Scenario("kế hoạch", (Override("1.3", value=D(2)),)))
    problem = raised.value.problems[0]
    assert (problem.render("en"), problem.render("vi")) == (
        "scenario 'kế hoạch', 1.3=value:2: a yes/no value is 1 (yes) or 0 (no)",
        "kịch bản «kế hoạch», 1.3=value:2: giá trị có/không phải là 1 (có) hoặc 0 (không)")


# --- outcomes: names, descriptions, grades and the order of changes ---------------------

def small_whatif(grades=None):
    extra = {"grades": grades} if grades else {}
    tree = CriterionSet(id="t", title="t", roots=(
        Criterion(code="9", name="Chín", max=D(50)), Criterion(code="10", name="Mười", max=D(40)),
        Criterion(code="11", name="Trừ", max=D(10), kind="penalty")), **extra)
    values = {"9": Entry("9", points=D(40)), "10": Entry("10", points=D(30)), "11": Entry("11", points=D(4))}
    return WhatIf(score(tree, values))


def test_the_changes_of_a_scenario_are_in_tree_order_not_in_code_order():
    # 9 before 10 in the tree ("10" < "9" as text)
    whatif = small_whatif()
    outcome = whatif.evaluate(Scenario("s", (Override("10", points=D(40)), Override("9", points=D(50)))))
    assert changes(outcome) == [("9", D(40), D(50)), ("10", D(30), D(40))]


def test_the_baseline_outcome_has_no_description_and_the_sets_grades():
    whatif = small_whatif()
    grades = (Grade("Tốt", D(80)), Grade("Khá", D(60)), Grade("Yếu", D(0)))
    graded = small_whatif(grades)
    # 40 + 30 - 4 = 66 of 90: 73,33, MoHA's C, the set's Khá
    assert [(o.name, o.description, o.index, o.group) for o in (whatif.baseline_outcome(), graded.baseline_outcome("trước"))] == [
        ("baseline", "", D("73.33"), "C"), ("trước", "", D("73.33"), "Khá")]


def test_a_full_recovery_is_named_after_its_code():
    whatif = small_whatif()
    assert whatif.full_recovery("10") == Scenario("10", (Override("10", points=D(40)),))


def test_a_partial_recovery_of_a_penalty_lowers_the_deduction():
    # 11 deducts 4: winning back 1,5 leaves 2,5 deducted; all of it (4 or more), none
    whatif = small_whatif()
    assert [whatif.recovered_points("11", gain) for gain in (D("1.5"), D(4), D(5), None)] == [D("2.5"), D(0), D(0), D(0)]
    assert [whatif.recovered_points("10", gain) for gain in (D("1.5"), D(10), None)] == [D("31.5"), D(40), D(40)]


def test_recovering_a_node_that_lost_nothing_keeps_it_at_its_maximum(lam_dong):
    # field 2 has all its 5 points: winning back 0,5 more is still 5
    assert lam_dong.recovered_points("2", D("0.5")) == D(5)
