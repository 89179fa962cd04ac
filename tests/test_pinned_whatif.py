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
from parcalc.core.errors import UsageError
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
