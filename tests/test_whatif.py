"""What-if: scoring rules, scenarios on copies of the baseline, planning, peers and ranks."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from parcalc import api
from parcalc.analysis import planning
from parcalc.core.errors import UsageError
from parcalc.analysis.peers import Peer, index_for_rank, rank_among
from parcalc.read.peers_file import load_peers
from parcalc.core.rules import Band, Rule, check
from parcalc.analysis.whatif import Override, Scenario, WhatIf
from tests.conftest import EXAMPLES, FIXTURES, GOOD, LAM_DONG, ROOT

D = Decimal
RULES_SET = str(EXAMPLES / "rules-example.yaml")
PEERS = EXAMPLES / "peers" / "provinces.csv"
SCENARIOS = FIXTURES / "scenarios"


@pytest.fixture(scope="module")
def lam_dong():
    return WhatIf(api.score_workbook(LAM_DONG, "province-2020", assume_full=True))


# --- rules ------------------------------------------------------------------------------

BANDS = Rule("bands", bands=(Band(D(1), D(2)), Band(D("0.9"), D(1))))


@pytest.mark.parametrize("value, points", [("1", "2"), ("0.9", "1"), ("0.8999", "0"), ("0.95", "1"), ("0", "0")])
def test_bands_at_their_edges(value, points):
    assert BANDS.points(D(value), D(2)) == D(points)


@pytest.mark.parametrize("rule, value, points", [
    (Rule("proportional", target=D("0.8")), "0.6", "1.500"),
    (Rule("proportional", target=D("0.8")), "0.9", "2"),        # capped at the maximum
    (Rule("proportional", target=D("0.9")), "0.8999", "1.9998"),  # rounded half up to 3 places
    (Rule("yesno"), "1", "2"), (Rule("yesno"), "0", "0"),
    (Rule("per_item", per_item=D("0.5")), "3", "1.5"), (Rule("per_item", per_item=D("0.5")), "5", "2"),
    (Rule("deduction", per_violation=D("0.25")), "2", "1.5"), (Rule("deduction", per_violation=D("0.25")), "9", "0"),
    (Rule("direct"), "1.25", "1.25"),
])
def test_rule_kinds(rule, value, points):
    assert rule.points(D(value), D(2)) == D(points).quantize(D("0.001"))


@pytest.mark.parametrize("rule, value, english, vietnamese", [
    (Rule("yesno"), "0.5", "a yes/no value is 1 (yes) or 0 (no)", "giá trị có/không phải là 1 (có) hoặc 0 (không)"),
    (Rule("direct"), "3.5", "gives 3.5, more than the maximum 2", "cho 3,5 điểm, nhiều hơn điểm chuẩn 2"),
    (BANDS, "-1", "a bands value cannot be negative", "giá trị theo quy tắc bands không được âm"),
])
def test_rule_refuses(rule, value, english, vietnamese):
    with pytest.raises(ValueError) as caught:
        rule.points(D(value), D(2))
    assert (caught.value.args[0].render("en"), caught.value.args[0].render("vi")) == (english, vietnamese)


def test_rule_checks():
    assert check(Rule("bands", bands=(Band(D("0.9"), D(1)), Band(D(1), D(2)))), D(2)) == ["band edges (at_least, above) must go from the highest down, each once"]
    assert check(Rule("bands", bands=(Band(D(1), D(3)),)), D(2)) == ["band points must be between 0 and the maximum 2"]
    assert check(Rule("proportional"), D(2)) == ["a proportional rule needs `target`"]
    assert check(Rule("per_item", per_item=D(0)), D(2)) == ["a per_item rule needs `per_item`", "`per_item` must be more than 0"]


def test_bad_rules_in_yaml_are_reported_with_lines(tmp_path):
    text = (EXAMPLES / "rules-example.yaml").read_text(encoding="utf-8")
    text = text.replace("{at_least: 1, points: 2}, {at_least: 0.9, points: 1}", "{at_least: 0.9, points: 1}, {at_least: 1, points: 3}")
    text = text.replace("rule: {kind: yesno}", "rule: {kind: yesno, threshold: 1}")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    from parcalc.read.criteria_file import load_file
    from parcalc.core.errors import CriteriaError

    with pytest.raises(CriteriaError) as caught:
        load_file(tmp_path / "set.yaml")
    messages = [str(p) for p in caught.value.problems]
    assert any(":34:" in m and "tiêu chí 1.3, khóa «threshold» không hợp lệ" in m for m in messages), messages


def test_values_become_points_and_disagreements_are_warned():
    result = api.score_workbook(GOOD / "rules-values.xlsx", RULES_SET)
    points = {code: result.node(code).points for code in ("1.1", "1.2", "1.3", "2.1", "2.2", "2.3")}
    assert points == {"1.1": D(1), "1.2": D("1.5"), "1.3": D(1), "2.1": D("1.5"), "2.2": D("1.75"), "2.3": D("0.8")}
    assert [(f.key, f.code, f.params["computed"]) for f in result.findings] == [("value_mismatch", "2.2", D("1.5"))]
    assert result.findings[0].where.endswith("cell D8")


# --- scenarios --------------------------------------------------------------------------

def test_recovering_6_1_2_gives_84_93(lam_dong):
    outcome = lam_dong.evaluate(Scenario("6.1.2", (Override("6.1.2", points=D(1)),)))
    assert outcome.index == D("84.93")
    assert [(c.code, c.before, c.after) for c in outcome.changes] == [("6", D("4.58"), D("5.58")), ("6.1", D("1.58"), D("2.58")), ("6.1.2", D("0"), D(1))]


def test_the_baseline_is_never_modified(lam_dong):
    before = lam_dong.baseline.node("9.2").points
    lam_dong.evaluate(Scenario("x", (Override("9.2", points=D(20)),)))
    assert lam_dong.baseline.node("9.2").points == before and lam_dong.baseline_outcome().index == D("83.93")


def test_a_parent_override_absorbs_its_children(lam_dong):
    outcome = lam_dong.evaluate(Scenario("x", (Override("6.1.2", points=D(1)), Override("6", points=D(8)))))
    assert outcome.total_points == D("87.35")  # field 6 at its maximum, whatever its children


def test_value_override_uses_the_rule():
    whatif = WhatIf(api.score_workbook(GOOD / "rules-values.xlsx", RULES_SET))
    outcome = whatif.evaluate(Scenario("x", (Override.parse("1.1=value:1"), Override.parse("1.2=value:0.8"))))
    assert outcome.total_points == whatif.baseline.total_points + D(1) + D("0.5")


@pytest.mark.parametrize("text, english, vietnamese", [
    ("9.9=1", "scenario 'x', 9.9=1: code 9.9 is not in criterion set province-2020",
     "kịch bản «x», 9.9=1: mã 9.9 không có trong bộ tiêu chí province-2020"),
    ("6.1.2=1.5", "scenario 'x', 6.1.2=1.5: 1.5 points is outside 0..1.00, the maximum of 6.1.2",
     "kịch bản «x», 6.1.2=1.5: 1,5 điểm nằm ngoài khoảng 0..1,00 (điểm chuẩn của 6.1.2)"),
    ("6.1.2=value:1", "scenario 'x', 6.1.2=value:1: 6.1.2 has no scoring rule in set province-2020; give points instead (CODE=POINTS)",
     "kịch bản «x», 6.1.2=value:1: 6.1.2 không có quy tắc chấm trong bộ tiêu chí province-2020: hãy ghi điểm (MÃ=ĐIỂM)"),
])
def test_bad_overrides(lam_dong, text, english, vietnamese):
    with pytest.raises(UsageError) as caught:
        lam_dong.evaluate(Scenario("x", (Override.parse(text),)))
    assert (caught.value.render("en"), caught.value.render("vi")) == (english, vietnamese)


def test_bounded_nodes_cannot_be_overridden():
    whatif = WhatIf(api.score_workbook(GOOD / "fields-only.xlsx", str(GOOD / "small-set.yaml")))
    with pytest.raises(UsageError) as caught:
        whatif.evaluate(Scenario("x", (Override("1.1", points=D(4)),)))
    assert caught.value.render("en") == ("scenario 'x': 1.1's points are not known one by one (they are inside its parent's "
                                         "total); override its parent instead")
    assert caught.value.render("vi") == ("kịch bản «x»: điểm của 1.1 không được ghi riêng (nằm trong tổng điểm của tiêu chí "
                                         "cấp trên): hãy đặt điểm cho tiêu chí cấp trên")


@pytest.mark.parametrize("text", ["6.1.2", "6.1.2=", "x=1", "6.1.2=abc"])
def test_override_syntax(text):
    with pytest.raises(UsageError):
        Override.parse(text)


def test_scenario_files_good_and_broken(cli):
    run = cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--scenario", SCENARIOS / "good.yaml", "-f", "json")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert [(s["name"], s["index"], s["group"]) for s in data["scenarios"]] == [("Khắc phục tài chính", 85.93, "B"), ("Khảo sát tốt hơn", 86.37, "B")]
    assert data["scenarios"][0]["description"] == "6.1.2 and 6.3.3 in full"
    for name, message in (("unknown-key.yaml", "unknown-key.yaml:4: khóa «sets» không hợp lệ: hãy kiểm tra chính tả"),
                          ("bad-amount.yaml", "bad-amount.yaml:5: «6.1.2=value:abc»: «abc» không phải là số")):
        run = cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--scenario", SCENARIOS / name)
        assert run.exit_code == 2 and message in run.stderr, run.stderr


# --- planning and peers -----------------------------------------------------------------

def test_top_losses(lam_dong):
    top = planning.top(lam_dong, 3)
    assert [(r.code, r.lost, r.outcome.index) for r in top] == [("9.2", D("5.94"), D("89.87")), ("9.1", D("1.37"), D("85.30")), ("1.5", D("1.00"), D("84.93"))]


def test_plan_fewest_recoveries(lam_dong):
    plan = planning.plan(lam_dong, D(90))
    assert plan.reached and [r.code for r in plan.recoveries] == ["9.2", "9.1"] and plan.outcome.index == D("91.24")
    assert planning.plan(lam_dong, D("83.93")).recoveries == ()


def test_plan_target_exactly_at_the_rounding_edge(lam_dong):
    # 89.875 would publish as 89.88: 9.2 alone gives 89.87, so 89.88 needs a second recovery
    assert [r.code for r in planning.plan(lam_dong, D("89.87")).recoveries] == ["9.2"]
    assert len(planning.plan(lam_dong, D("89.88")).recoveries) == 2


def test_a_parent_never_goes_above_its_maximum(lam_dong):
    # the published 3.4 loses 0.05 while its sub-criteria lose 0.064: recovering them all
    # must stop 3.4 at its maximum, not push it (and the total) past it
    outcome = lam_dong.evaluate(Scenario("x", tuple(Override(c, points=lam_dong.baseline.node(c).max) for c in ("3.4.1", "3.4.2", "3.4.3"))))
    assert {c.code: c.after for c in outcome.changes}["3.4"] == D("5.00") and outcome.total_points == D("83.98")


def test_plan_unreachable_says_so(lam_dong):
    plan = planning.plan(lam_dong, D("100.5"))
    assert not plan.reached and plan.outcome.index == D("100.00") and len(plan.recoveries) == len(lam_dong.recoverable())


def test_plan_least_effort_finds_the_optimum(lam_dong):
    # needed 1.07: by count 9.2 alone; by effort the cheapest cover is 1.5 + 6.1.2 (effort 2)
    efforts = {code: D(1) if code in ("1.5", "6.1.2") else D(50) for code, _ in lam_dong.recoverable()}
    plan = planning.plan(lam_dong, D(85), efforts)
    assert plan.by_effort and sorted(r.code for r in plan.recoveries) == ["1.5", "6.1.2"] and plan.outcome.index == D("85.93")
    assert [r.code for r in planning.plan(lam_dong, D(85)).recoveries] == ["9.2"]


def test_rank_with_ties():
    peers = [Peer("A", 2021, D("90")), Peer("B", 2021, D("88")), Peer("C", 2021, D("88")), Peer("D", 2021, D("80"))]
    assert [rank_among(D(x), peers) for x in ("95", "90", "88", "87.99", "70")] == [1, 1, 2, 4, 5]
    assert index_for_rank(2, peers) == D(88) and index_for_rank(4, peers) == D(80) and index_for_rank(5, peers) is None


def test_shipped_peers_file():
    rows_2021 = load_peers(PEERS, 2021)
    assert len(rows_2021) == 11 and rows_2021[0] == Peer("Hải Phòng", 2021, D("91.80"), 1, "DOMAIN.md §4 (MoHA result as reported)")
    assert [p.unit for p in load_peers(PEERS)] == ["Hải Phòng"]  # the latest year, 2024
    assert "INCOMPLETE" in PEERS.read_text(encoding="utf-8")
    assert all(p.source for year in (2019, 2020, 2021, 2022, 2023) for p in load_peers(PEERS, year))


def test_target_rank_and_sensitivity(cli):
    run = cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--peers", PEERS, "--peers-year", "2021",
              "--target-rank", "5", "-f", "json")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert data["baseline"]["rank"] == 10 and data["peers"] == 11
    assert data["plan"]["target_index"] == 89.28 and data["plan"]["rank"] <= 5 and data["plan"]["reached"]
    assert data["sensitivity"][0] == {**data["sensitivity"][0], "code": "9.2", "rank_if_recovered": 4, "places": 6}


def test_bad_peers_and_missing_peers(cli, tmp_path):
    run = cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--target-rank", "3")
    assert (run.exit_code, run.stderr) == (2, "parcalc: lỗi: --target-rank: xếp hạng cần kết quả của các đơn vị khác: thêm --peers TỆP\n")
    run = cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--target-rank", "3", "--lang", "en")
    assert (run.exit_code, run.stderr) == (2, "parcalc: error: --target-rank: a rank needs the others' results: add --peers FILE\n")
    (tmp_path / "p.csv").write_text("unit,year,index\nA,2021,abc\n", encoding="utf-8")
    run = cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--peers", tmp_path / "p.csv")
    assert run.exit_code == 2 and "p.csv, dòng 2: «A»: năm (year), chỉ số (index, từ 0 đến 100) và thứ hạng (rank) phải là số" in run.stderr
    (tmp_path / "q.csv").write_text("name,index\nA,90\n", encoding="utf-8")
    run = cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--peers", tmp_path / "q.csv")
    assert run.exit_code == 2 and "còn thiếu: unit, year" in run.stderr


def test_formats(cli, tmp_path):
    args = ("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--set", "6.1.2=1", "--top", "2")
    md = cli(*args, "-f", "md")
    assert md.exit_code == 0 and "| set | 84,93 | 84,93 | B | 1,00 |" in md.stdout
    table = cli(*args)
    assert table.exit_code == 0 and "Hiện trạng" in table.stdout and "84,93" in table.stdout
    target = tmp_path / "w.csv"
    assert cli(*args, "-f", "csv", "-o", target).exit_code == 0
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "kind,scenario,code,name,before,after,delta,total,index,group,rank"
    assert lines[1] == "scenario,baseline,,,,,,83.93,83.93,B," and lines[5].startswith("change,set,6.1.2,")
    again = tmp_path / "w2.csv"
    cli(*args, "-f", "csv", "-o", again)
    assert again.read_bytes() == target.read_bytes()


def test_efforts_come_from_the_playbook(cli, tmp_path):
    playbook = tmp_path / "p.yaml"
    playbook.write_text('parcalc_playbook: 1\nrules:\n  "9.*": {effort: 10}\nfallback: {effort: 1}\n', encoding="utf-8")
    run = cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--top", "2", "--target-index", "85",
              "--playbook", playbook, "-f", "json")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert [(r["code"], r["effort"], r["points_per_effort"]) for r in data["top"]] == [("9.2", 10, 0.594), ("9.1", 10, 0.137)]
    assert data["plan"]["by"] == "effort" and sorted(r["code"] for r in data["plan"]["recoveries"]) == ["1.5", "6.1.2"]
