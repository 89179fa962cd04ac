"""A province checks its year's plan with the commands it uses for its index: the plans'
numeric targets as rules (examples/plans), a workbook of indicator values, and `score`
saying which targets are met and by how much. Expected figures are worked out by hand
from the synthetic values in examples/plans/build_plan_values.py."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from openpyxl import Workbook

from parcalc import api
from parcalc.core.rules import Band, Rule
from tests.conftest import EXAMPLES

D = Decimal
PLANS = EXAMPLES / "plans"
BINH_DINH = ("score", PLANS / "binh-dinh-2021-values.xlsx", "--criteria", PLANS / "binh-dinh-2021-targets.yaml", "-f", "json")
HCM = ("score", PLANS / "hcm-2019-so-x.xlsx", "--criteria", PLANS / "hcm-2019-commitments.yaml", "-f", "json")


def nodes_of(cli, args) -> tuple[dict, dict]:
    run = cli(*args)
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    return data, {node["code"]: node for node in data["nodes"]}


def test_binh_dinh_2021_which_targets_are_met_and_by_how_much(cli):
    data, nodes = nodes_of(cli, BINH_DINH)
    unmet = {code: node["margin"] for code, node in nodes.items() if node["target_met"] is False}
    # 28% < 30%, 76% < 80%, 58,3% < 60%, 27,4% < 30%, 55% < 60%, "Không" (0) < 50%
    assert unmet == {"2": -0.02, "5": -0.04, "7": -0.017, "10": -0.026, "14": -0.05, "16": -0.5}
    # exactly on an "at least" edge is met: 50% of 50%, 40% of 40%
    assert (nodes["8"]["target_met"], nodes["8"]["margin"], nodes["15"]["margin"]) == (True, 0, 0)
    assert (nodes["1"]["value"], nodes["1"]["target"], nodes["1"]["margin"]) == (0.32, {"at_least": 0.3}, 0.02)
    assert (nodes["6"]["value"], nodes["6"]["target"]) == (1, {"at_least": 1})  # "Có"
    assert nodes["6"]["where"].endswith("ô C10")  # the value's cell (rows start at 5: title, note, blank, header)
    # 10 of 16 targets met
    assert (data["total"]["points"], data["index"], data["group"]) == (10, 62.5, "Chưa đạt tất cả chỉ tiêu")


def test_hcm_2019_an_above_edge_is_not_met_on_the_edge(cli):
    data, nodes = nodes_of(cli, HCM)
    assert (nodes["2.2"]["target"], nodes["2.2"]["target_met"], nodes["2.2"]["margin"]) == ({"above": 0.9}, False, 0)  # 90% is not "trên 90%"
    assert (nodes["6"]["target"], nodes["6"]["target_met"], nodes["6"]["margin"]) == ({"above": 0.8}, True, 0.052)
    assert (nodes["2"]["points"], nodes["2"]["target"]) == (2, None)  # a parent: its items' sum, no target of its own
    assert nodes["9"]["value"] == 2 and nodes["9"]["target_met"]  # a count: two initiatives, at least one
    assert sorted(code for code, node in nodes.items() if node["target_met"] is False) == ["10", "2.2", "2.4", "4"]
    assert (data["total"]["points"], data["index"]) == (9, 69.23)  # 9 of 13


def test_the_table_shows_value_and_target_and_remediation_lists_the_unmet(cli):
    run = cli(*BINH_DINH[:-2])
    assert run.exit_code == 0
    row = next(line for line in run.stdout.splitlines() if line.startswith("2 "))
    assert row.endswith("0,28/≥0,3")
    run = cli("remediation", *BINH_DINH[1:-2], "-f", "json")
    assert [row["code"] for row in json.loads(run.stdout)["rows"]] == ["2", "5", "7", "10", "14", "16"]


def test_every_target_cites_its_sentence():
    for name in ("binh-dinh-2021-targets.yaml", "hcm-2019-commitments.yaml"):
        criteria = api.load_criteria_file(PLANS / name)
        sources = {source.id for source in criteria.sources}
        for node in criteria.walk():
            assert node.source in sources and node.reference, (name, node.code)
            if not node.children:
                assert node.rule is not None and node.max == 1


def test_band_edges_at_least_and_above():
    at_least = Rule("bands", bands=(Band(D("0.9"), D(1)),))
    above = Rule("bands", bands=(Band(D("0.9"), D(1), above=True),))
    assert [at_least.points(v, D(1)) for v in (D("0.899"), D("0.9"), D("0.901"))] == [0, 1, 1]
    assert [above.points(v, D(1)) for v in (D("0.899"), D("0.9"), D("0.901"))] == [0, 0, 1]
    # "above 0.9" (more) before "at least 0.9" in a ladder
    ladder = Rule("bands", bands=(Band(D("0.9"), D(2), above=True), Band(D("0.9"), D(1))))
    assert [ladder.points(v, D(2)) for v in (D("0.9"), D("0.95"))] == [1, 2]


@pytest.mark.parametrize("band, message", [
    ("{at_least: 0.3, above: 0.3, points: 1}", "mỗi mức (band) phải ghi một trong hai: at_least (từ, ít nhất) hoặc above (trên)"),
    ("{points: 1}", "mỗi mức (band) phải ghi một trong hai: at_least (từ, ít nhất) hoặc above (trên)"),
])
def test_a_band_needs_one_edge(cli, tmp_path, band, message):
    text = (PLANS / "binh-dinh-2021-targets.yaml").read_text(encoding="utf-8").replace(
        "rule: {kind: bands, bands: [{at_least: 0.3, points: 1}]}", f"rule: {{kind: bands, bands: [{band}]}}", 1)
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    run = cli("criteria", "check", path)
    line = next(number for number, content in enumerate(text.splitlines(), start=1) if band in content)
    assert run.exit_code == 2 and run.stderr.splitlines() == [f"parcalc: lỗi: {path}:{line}: tiêu chí 1: {message}"]


@pytest.mark.parametrize("typed, expected", [("Có", 1), ("không", 0), ("Đạt", 1), ("91,5%", D("0.915")), ("0,25", D("0.25")), (" 7 % ", D("0.07"))])
def test_values_as_clerks_type_them(tmp_path, typed, expected):
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Chỉ tiêu", "Giá trị"])
    sheet.append(["1", "Một", typed])
    book.save(tmp_path / "v.xlsx")
    assert api.read_workbook(tmp_path / "v.xlsx").entries[0].value == expected


def test_a_rate_that_is_not_a_number_names_its_cell(cli, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Chỉ tiêu", "Giá trị"])
    sheet.append(["1", "Một", "khoảng 30%"])
    book.save(tmp_path / "v.xlsx")
    run = cli("score", tmp_path / "v.xlsx", "--criteria", PLANS / "binh-dinh-2021-targets.yaml")
    assert run.exit_code == 2
    assert run.stderr == f"parcalc: lỗi: {tmp_path / 'v.xlsx'}, trang tính «Sheet», ô C2: 1: «khoảng 30%» không phải là tỷ lệ (hãy ghi như 91,67% hoặc 0,9167)\n"
    sheet["C2"] = "abc"
    book.save(tmp_path / "v.xlsx")
    run = cli("score", tmp_path / "v.xlsx", "--criteria", PLANS / "binh-dinh-2021-targets.yaml")
    assert run.stderr == (f"parcalc: lỗi: {tmp_path / 'v.xlsx'}, trang tính «Sheet», ô C2: 1: «abc» không phải là giá trị "
                          "(hãy ghi tỷ lệ như 32% hoặc 0,32, một số lượng, hoặc Có / Không)\n")
