"""Wide and long sheets of many units: read with python-calamine, scored column by column.

The column-wise totals must equal scoring each unit with the engine (property tests
over random trees of given and missing rows, bonus, penalty and optional blocks, for
each layout), and
what python-calamine shows as empty (formulas without a saved result, Excel errors)
must still be reported as the strict reader reports it."""

from __future__ import annotations

import json

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from parcalc import api
from parcalc.read import xlsx
from parcalc.core.errors import InputError
from parcalc.launch import GC_NEW_OBJECTS, GIL_SWITCH_SECONDS, workbooks_to_read_ahead
from parcalc.read.multiunit import UnitColumns, open_units
from tests.conftest import ROOT, SMALL_SET

D = Decimal

# A set with every shape the engine knows: nesting, a partial node (2 lists only 2.1 of
# its 6 points), an optional block, bonus and penalty blocks.
TREE = {  # code -> (max, parent)
    "1": ("10", None), "1.1": ("6", "1"), "1.1.1": ("3", "1.1"), "1.1.2": ("3", "1.1"), "1.2": ("4", "1"),
    "2": ("6", None), "2.1": ("4", "2"),
    "3": ("4", None), "3.1": ("2", "3"), "3.2": ("2", "3"),
    "4": ("2", None), "5": ("3", None),
}
SET_YAML = """parcalc_criteria: 1
id: property-test
title: property test set
level: custom
total: 20
combine: {combine}
sources: [{{id: t, title: test}}]
nodes:
  - {{code: "1", name: One, max: 10, source: t, children: [
      {{code: "1.1", name: One one, max: 6, source: t, children: [
        {{code: "1.1.1", name: A, max: 3, source: t}}, {{code: "1.1.2", name: B, max: 3, source: t}}]}},
      {{code: "1.2", name: One two, max: 4, source: t}}]}}
  - {{code: "2", name: Two, max: 6, source: t, partial: true, children: [{{code: "2.1", name: C, max: 4, source: t}}]}}
  - {{code: "3", name: Survey, max: 4, source: t, kind: survey, optional: true, children: [
      {{code: "3.1", name: D, max: 2, source: t}}, {{code: "3.2", name: E, max: 2, source: t}}]}}
  - {{code: "4", name: Bonus, max: 2, source: t, kind: bonus}}
  - {{code: "5", name: Penalty, max: 3, source: t, kind: penalty}}
"""


def wide_workbook(path: Path, rows: list[tuple[str, list[object]]], units: list[str], *, with_max: bool = True, column: int = 1) -> Path:
    """A wide sheet: a title, a header in row 3 starting at `column` (1 = A), a row per code."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Điểm"
    sheet.cell(1, column, "BẢNG ĐIỂM CÁC ĐƠN VỊ")
    header = ["STT", *(["Điểm chuẩn"] if with_max else []), *units]
    for offset, value in enumerate(header):
        sheet.cell(3, column + offset, value)
    for number, (code, values) in enumerate(rows, start=4):
        cells = [code, *([float(TREE[code][0]) if code in TREE else 1.0] if with_max else []), *values]
        for offset, value in enumerate(cells):
            if value is not None:
                sheet.cell(number, column + offset, value)
    book.save(path)
    return path


def totals_by_unit(named, nodes: bool = False) -> dict[str, tuple]:
    """Each unit's totals, index, group and field points (and with `nodes` every node's points)."""
    return {unit: (r.total_points, r.total_max, r.index, r.group, r.field_points, *([dict(r.node_points)] if nodes else []))
            for unit, r in named}


def long_workbook(path: Path, rows: list[tuple[str, str, object]]) -> Path:
    """A long sheet: a header in row 2, a row per unit and code (unit, code, maximum, points)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Điểm"
    sheet.append(["BẢNG ĐIỂM CÁC ĐƠN VỊ"])
    sheet.append(["Đơn vị", "STT", "Điểm chuẩn", "Điểm thẩm định"])
    for unit, code, value in rows:
        sheet.append([unit, code, float(TREE[code][0]), value])
    book.save(path)
    return path


def outcome(path: Path, criteria, assume_full: bool, totals_only: bool, blank: str | None = None, nodes: bool = False):
    """What score_units gives (with `nodes` every node's points too), or its error."""
    try:
        named = api.score_units([path], criteria, assume_full=assume_full, totals_only=totals_only, node_points=nodes, blank=blank)
        return totals_by_unit(named, nodes)
    except InputError as exc:
        return ("error", str(exc))


points = st.integers(min_value=0, max_value=16).map(lambda quarters: quarters / 4)  # 0 to 4 in quarters, as Excel stores them


@st.composite
def wide_sheets(draw):
    units = [f"Đơn vị {n}" for n in range(draw(st.integers(1, 5)))]
    rows = []
    for code, (maximum, _) in TREE.items():
        if draw(st.booleans()):
            top = float(maximum) + (1 if draw(st.integers(0, 20)) == 0 else 0)  # now and then above the maximum
            rows.append((code, [draw(points.filter(lambda p, top=top: p <= top)) for _ in units]))
    return units, draw(st.permutations(rows))  # a parent row may come below its children


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=wide_sheets(), combine=st.sampled_from(["add_capped", "add"]), assume_full=st.booleans())
def test_column_totals_equal_scoring_each_unit(tmp_path, sheet, combine, assume_full):
    units, rows = sheet
    if not rows:
        return
    set_path = tmp_path / f"set-{combine}.yaml"
    set_path.write_text(SET_YAML.format(combine=combine), encoding="utf-8")
    criteria = api.load_criteria(str(set_path))
    path = wide_workbook(tmp_path / "units.xlsx", rows, units)
    fast = outcome(path, criteria, assume_full, totals_only=True)
    assert fast == outcome(path, criteria, assume_full, totals_only=False)
    with_nodes = outcome(path, criteria, assume_full, totals_only=True, nodes=True)
    assert with_nodes == outcome(path, criteria, assume_full, totals_only=False, nodes=True)


@st.composite
def long_sheets(draw):
    """Units that list one of two sets of codes (in an order of their own), each code's
    points or a blank, now and then above the maximum."""
    kinds = draw(st.lists(st.permutations(list(TREE)).map(lambda codes: codes[:draw(st.integers(1, len(codes)))]), min_size=1, max_size=2))
    rows = []
    for unit in (f"Đơn vị {n}" for n in range(draw(st.integers(1, 6)))):
        for code in draw(st.sampled_from(kinds)):
            top = float(TREE[code][0]) + (1 if draw(st.integers(0, 20)) == 0 else 0)
            rows.append((unit, code, draw(st.one_of(st.none(), points.filter(lambda p, top=top: p <= top)))))
    return draw(st.permutations(rows)) if draw(st.integers(0, 4)) == 0 else rows  # units' rows mixed, now and then


def sheets_workbook(path: Path, rows: list[tuple[str, str, object]]) -> Path:
    """A sheet per unit (the sheets layout): a header in row 1, a row per code (code, maximum, points)."""
    book = Workbook()
    book.remove(book.active)
    for unit, code, value in rows:
        sheet = book[unit] if unit in book.sheetnames else book.create_sheet(unit)
        if sheet.max_row == 1 and sheet["A1"].value is None:
            sheet.append(["STT", "Điểm chuẩn", "Điểm thẩm định"])
        sheet.append([code, float(TREE[code][0]), value])
    book.save(path)
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=long_sheets(), combine=st.sampled_from(["add_capped", "add", None]), assume_full=st.booleans(),
       blank=st.sampled_from([None, "zero", "full"]))
@pytest.mark.parametrize("write", [long_workbook, sheets_workbook], ids=["long", "sheets"])
def test_units_alike_column_totals_equal_scoring_each_unit(tmp_path, write, rows, combine, assume_full, blank):
    """A long sheet, or a sheet per unit: units that list the same codes, blank in the
    same rows, are scored as one group of columns; with or without a set (combine None:
    the workbook's own tree)."""
    criteria = None
    if combine is not None:
        set_path = tmp_path / f"set-{combine}.yaml"
        set_path.write_text(SET_YAML.format(combine=combine), encoding="utf-8")
        criteria = api.load_criteria(str(set_path))
    path = write(tmp_path / "units.xlsx", rows)
    fast = outcome(path, criteria, assume_full, totals_only=True, blank=blank)
    assert fast == outcome(path, criteria, assume_full, totals_only=False, blank=blank)
    with_nodes = outcome(path, criteria, assume_full, totals_only=True, blank=blank, nodes=True)
    assert with_nodes == outcome(path, criteria, assume_full, totals_only=False, blank=blank, nodes=True)
    assert _figures_said(path, criteria, assume_full, True, blank) == _figures_said(path, criteria, assume_full, False, blank)


def test_sheets_alike_are_one_group_of_columns_and_others_their_own(tmp_path):
    """Figures by hand (standard points from TREE: 1 is 10, 2 is 6): Sở A 3.5 + 5 = 8.5
    of 16 (53.125, so 53.13), Sở B 4 + 2.25 = 6.25 of 16 (39.0625, so 39.06), Sở C,
    whose sheet lists only code 1: 4 of 10 (40.00). A and B are one group."""
    from parcalc.core.columnar import appraisal_groups
    from parcalc.core.engine import UnitTotals
    from parcalc.read.multiunit import read_units

    rows = [("Sở A", "1", 3.5), ("Sở A", "2", 5), ("Sở B", "1", 4), ("Sở B", "2", 2.25), ("Sở C", "1", 4)]
    path = sheets_workbook(tmp_path / "sheets.xlsx", rows)
    groups = appraisal_groups(read_units(path), None)
    assert [group.units for group in groups] == [("Sở A", "Sở B"), ("Sở C",)]
    named = api.score_units([path], totals_only=True)
    assert all(type(result) is UnitTotals for _, result in named)
    assert {unit: (r.total_points, r.total_max, r.index) for unit, r in named} == {
        "Sở A": (D("8.5"), D(16), D("53.13")), "Sở B": (D("6.25"), D(16), D("39.06")), "Sở C": (D(4), D(10), D("40.00"))}


def test_a_sheet_with_lost_points_beside_its_points_is_scored_alone(tmp_path):
    """Lost points are checked against the points: only scoring the unit alone does that."""
    from parcalc.core.engine import ScoreResult

    book = Workbook()
    for index, (unit, lost) in enumerate([("Sở A", 1), ("Sở B", None)]):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = unit
        sheet.append(["STT", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất"])
        sheet.append(["1", 4, 3, lost])
    path = tmp_path / "sheets.xlsx"
    book.save(path)
    named = api.score_units([path], totals_only=True)
    assert [(unit, type(result), result.total_points) for unit, result in named] == [("Sở A", ScoreResult, D(3)), ("Sở B", ScoreResult, D(3))]


def test_every_node_s_points_by_columns(tmp_path):
    """Each node's points for each unit, by hand: given rows, sums of them, a partial
    node's unlisted remainder and a missing row counted at full (--assume-full), a
    bonus block left out (0) and nothing below a given row."""
    set_path = tmp_path / "set.yaml"
    set_path.write_text(SET_YAML.format(combine="add_capped"), encoding="utf-8")
    rows = [("1.1.1", [3.0, 0.5]), ("1.1.2", [2.5, 1.0]), ("2.1", [4.0, 1.25]), ("3", [1.5, 2.0]), ("5", [0.0, 1.0])]
    path = wide_workbook(tmp_path / "units.xlsx", rows, ["A", "B"])
    named = api.score_units([path], api.load_criteria(str(set_path)), assume_full=True, totals_only=True, node_points=True)
    assert [type(result).__name__ for _, result in named] == ["UnitNodes", "UnitNodes"]  # by columns
    points = {unit: result.node_points for unit, result in named}
    # 1.2 missing: 4 (full); 1.1 = 1.1.1 + 1.1.2; 2 = 2.1 + its unlisted 2 points; 3.1 and 3.2 below the given 3
    assert points["A"] == {"1": D("9.5"), "1.1": D("5.5"), "1.1.1": D(3), "1.1.2": D("2.5"), "1.2": D(4),
                           "2": D(6), "2.1": D(4), "3": D("1.5"), "4": D(0), "5": D(0)}
    assert points["B"] == {"1": D("5.5"), "1.1": D("1.5"), "1.1.1": D("0.5"), "1.1.2": D(1), "1.2": D(4),
                           "2": D("3.25"), "2.1": D("1.25"), "3": D(2), "4": D(0), "5": D(1)}
    assert [result.total_points for _, result in named] == [D(17), D("9.75")]  # 9.5 + 6 + 1.5 and 5.5 + 3.25 + 2 - 1


def test_below_a_given_row_a_node_whose_rows_are_all_given_has_their_sum_by_columns(tmp_path):
    """1 given, 1.1 not, both of 1.1's rows given: 1.1 is their sum (3 + 2,5 and 0,5 + 1),
    by columns as unit by unit; 1.2, unknown below the given 1, has no points."""
    set_path = tmp_path / "set.yaml"
    set_path.write_text(SET_YAML.format(combine="add"), encoding="utf-8")
    rows = [("1", [9.0, 5.0]), ("1.1.1", [3.0, 0.5]), ("1.1.2", [2.5, 1.0]), ("2.1", [4.0, 1.25])]
    path = wide_workbook(tmp_path / "units.xlsx", rows, ["A", "B"])
    criteria = api.load_criteria(str(set_path))
    by_columns = outcome(path, criteria, True, totals_only=True, nodes=True)
    assert by_columns == outcome(path, criteria, True, totals_only=False, nodes=True)
    assert [{code: nodes.get(code) for code in ("1", "1.1", "1.1.1", "1.1.2", "1.2")} for *_, nodes in by_columns.values()] == [
        {"1": D(9), "1.1": D("5.5"), "1.1.1": D(3), "1.1.2": D("2.5"), "1.2": None},
        {"1": D(5), "1.1": D("1.5"), "1.1.1": D("0.5"), "1.1.2": D(1), "1.2": None}]


def test_long_sheet_units_alike_are_one_group_of_columns(tmp_path):
    """Three units, two of them blank in 1.2: two groups; the totals by hand."""
    rows = [("A", "1.1", 1.5), ("A", "1.2", 2.0), ("B", "1.1", 4.0), ("B", "1.2", None), ("C", "1.1", 0.25), ("C", "1.2", None)]
    path = long_workbook(tmp_path / "long.xlsx", rows)
    units = open_units(path)
    assert [group.units for group in units.groups] == [("A",), ("B", "C")]
    named = api.score_units([path], blank="zero", totals_only=True)
    totals = totals_by_unit(named)
    assert {unit: totals[unit][0] for unit in "ABC"} == {"A": D("3.5"), "B": D(4), "C": D("0.25")}  # of 6 + 4 = 10
    assert len({id(result.criteria) for _, result in named}) == 1  # the two groups' equal trees are one object
    assert {unit: totals[unit][1] for unit in "ABC"} == {"A": D(10), "B": D(10), "C": D(10)}


@pytest.mark.parametrize("value, message", [
    ("=E4+1", "cell D3: 1.1: holds a formula whose result was never saved"),
    ("#DIV/0!", "cell D3: 1.1: holds the Excel error #DIV/0!"),
    (True, "cell D3: 1.1: holds TRUE/FALSE, not points"),
    ("ba", "cell D3: 1.1: 'ba' is not a number"),
    (-1.0, "cell D3: 1.1: points cannot be negative (-1)"),
])
def test_long_sheet_cells_python_calamine_shows_as_empty_or_wrong_are_reported(tmp_path, value, message):
    path = long_workbook(tmp_path / "long.xlsx", [("A", "1.1", value), ("A", "1.2", 2.0), ("B", "1.1", 1.0)])
    with pytest.raises(InputError) as caught:
        open_units(path)
    assert message in caught.value.render("en")


def test_long_sheet_a_maximum_of_true_is_refused_at_its_own_cell_only(tmp_path):
    """As keys TRUE == 1: unit A's TRUE and unit B's 1 must not be taken for one group,
    whose first unit's maxima would then be reported at every unit's cells."""
    path = tmp_path / "long.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "Điểm"
    sheet.append(["Đơn vị", "STT", "Điểm chuẩn", "Điểm thẩm định"])
    for unit, maximum in (("A", True), ("B", 1)):
        sheet.append([unit, "1.1", maximum, 0.5])
        sheet.append([unit, "2", 9, 8])
    book.save(path)
    with pytest.raises(InputError) as caught:
        open_units(path)
    assert caught.value.render("en").splitlines() == [f"{path}, sheet 'Điểm', cell C2: 1.1: holds TRUE/FALSE, not points: write the points"]


def test_long_sheet_a_not_applicable_mark_changes_its_units_scale(tmp_path, cli):
    """A "-" in a long sheet is không áp dụng, as in one unit's sheet: --na exclude leaves
    1.2 out of Đạ M'ri's scale (3,5 + 1 of 4 + 4 = 8: 56,25), not 0 of 11 (40,91)."""
    path = tmp_path / "long.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "Điểm"
    sheet.append(["Đơn vị", "STT", "Điểm chuẩn", "Điểm thẩm định"])
    for unit, points in (("Tân Hà", (4, 3, 2.5)), ("Đạ M'ri", (3.5, "-", 1))):
        for code, maximum, value in zip(("1.1", "1.2", "2"), (4, 3, 4), points):
            sheet.append([unit, code, maximum, value])
    book.save(path)
    ranked = json.loads(cli("rank", path, "--na", "exclude", "-f", "json").stdout)
    assert [(u["unit"], u["total"], u["index"]) for u in ranked["units"]] == [("Tân Hà", 9.5, 86.36), ("Đạ M'ri", 4.5, 56.25)]
    refused = cli("rank", path, lang="en")
    assert (refused.exit_code, refused.stderr.splitlines()) == (2, [
        f"parcalc: error: {path}, sheet 'Điểm', cell D6: unit \"Đạ M'ri\": 1.2 is marked '-' (không áp dụng): say how to read it: "
        "--na full (counted at full points) or --na exclude (left out of the scale; the index is on the remaining maximum), or write its points"])


@pytest.mark.parametrize("order, reads_again", [(["1", "1.1", "1.1.1", "2.1"], False), (["1.1.1", "1.1", "1", "2.1"], True)])
def test_the_sheet_is_read_once_unless_a_parent_row_comes_below_its_children(tmp_path, monkeypatch, order, reads_again):
    """The field sums are gathered as the sheet is read (the parent row counts, not its
    children); only a parent row below its children makes the engine's choice differ."""
    set_path = tmp_path / "set.yaml"
    set_path.write_text(SET_YAML.format(combine="add"), encoding="utf-8")
    values = {"1": [9.0, 2.5], "1.1": [5.0, 2.5], "1.1.1": [3.0, 1.0], "2.1": [4.0, 0.5]}
    path = wide_workbook(tmp_path / "u.xlsx", [(code, values[code]) for code in order], ["A", "B"])
    read_again = []
    monkeypatch.setattr(UnitColumns, "cells", lambda self: read_again.append(True) or iter(()))
    monkeypatch.setattr(UnitColumns, "appraisals", lambda self: pytest.fail("scored unit by unit"))
    totals = totals_by_unit(api.score_units([path], api.load_criteria(str(set_path)), assume_full=True, totals_only=True))
    assert bool(read_again) == reads_again
    if not reads_again:  # field 1 is its own row's 9 and 2.5; field 2 is 2.1 plus 2's unlisted 2 points, assumed
        assert [totals[unit][4][:2] for unit in "AB"] == [(D(9), D(6)), (D("2.5"), D("2.5"))]


@pytest.mark.parametrize("rows", [
    [("1.1.1", [3.0, 1.0]), ("1.1.2", [2.0, 0.5]), ("1.2", [4.0, 3.5]), ("2.1", [4.0, 0.5])],  # in tree order
    [("1.2", [4.0, 3.5]), ("1.1.1", [3.0, 1.0]), ("1.1.2", [2.0, 0.5]), ("2.1", [4.0, 0.5])],  # another order, parents never listed
    [("1.1.1", [3.0, 1.0]), ("1.1.2", [2.0, 0.5]), ("1.1", [None, None]), ("1.2", [4.0, 3.5]), ("2.1", [4.0, 0.5])],  # a blank parent below
])
def test_every_node_s_sums_are_gathered_as_the_sheet_is_read(tmp_path, monkeypatch, rows):
    """compare's node points: each node's sum of the given rows below it, gathered while
    the sheet is read (with a set, a row's ancestors are the set's, whatever the rows'
    order). Figures by hand: 1.1 = 1.1.1 + 1.1.2 (5 and 1.5), 1 = 1.1 + 1.2 (9 and 5),
    2 = 2.1 + 2's unlisted 2 points, assumed (6 and 2.5)."""
    set_path = tmp_path / "set.yaml"
    set_path.write_text(SET_YAML.format(combine="add"), encoding="utf-8")
    path = wide_workbook(tmp_path / "u.xlsx", rows, ["A", "B"])
    read_again = []
    real = UnitColumns.cells
    monkeypatch.setattr(UnitColumns, "cells", lambda self: read_again.append(True) or real(self))
    named = dict(api.score_units([path], api.load_criteria(str(set_path)), assume_full=True, totals_only=True, node_points=True))
    assert not read_again
    assert [{code: named[unit].node_points[code] for code in ("1", "1.1", "2")} for unit in "AB"] == [
        {"1": D(9), "1.1": D(5), "2": D(6)}, {"1": D(5), "1.1": D("1.5"), "2": D("2.5")}]


@pytest.mark.parametrize("order, reads_again", [(["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1"], False),
                                                (["1", "1.1.1", "1.1.2", "1.1", "1.2", "2", "2.1"], True)])
def test_without_a_set_node_sums_are_read_again_when_a_parent_row_comes_below_its_children(tmp_path, monkeypatch, order, reads_again):
    """The workbook's own tree nests a row under the rows read before it that its code
    extends: 1.1 read after 1.1.1 and 1.1.2 was no parent of theirs when they were summed."""
    values = {"1": [None, None], "1.1": [None, None], "1.1.1": [3.0, 1.0], "1.1.2": [2.0, 0.5], "1.2": [4.0, 3.5], "2": [None, None], "2.1": [4.0, 0.5]}
    path = wide_workbook(tmp_path / "u.xlsx", [(code, values[code]) for code in order], ["A", "B"])
    read_again = []
    real = UnitColumns.cells
    monkeypatch.setattr(UnitColumns, "cells", lambda self: read_again.append(True) or real(self))
    fast = outcome(path, None, assume_full=True, totals_only=True, nodes=True)
    assert bool(read_again) == reads_again
    assert fast == outcome(path, None, assume_full=True, totals_only=False, nodes=True)
    assert [fast[unit][5]["1.1"] for unit in "AB"] == [D(5), D("1.5")]


@pytest.mark.parametrize("order, reads_again", [(["1", "1.1", "1.2", "2", "2.1"], False), (["1.1", "1.2", "1", "2", "2.1"], True)])
def test_without_a_set_the_sheet_is_read_once_and_field_rows_stay_fields(tmp_path, monkeypatch, order, reads_again):
    """The workbook's own tree: field rows with standard points and blank unit cells
    are its fields, summed from their rows as the sheet is read."""
    values = {"1": [None, None], "1.1": [1.5, 4.0], "1.2": [2.0, 0.25], "2": [None, None], "2.1": [3.0, 4.0]}
    path = wide_workbook(tmp_path / "u.xlsx", [(code, values[code]) for code in order], ["A", "B"])
    read_again = []
    real = UnitColumns.cells
    monkeypatch.setattr(UnitColumns, "cells", lambda self: read_again.append(True) or real(self))
    monkeypatch.setattr(UnitColumns, "appraisals", lambda self: pytest.fail("scored unit by unit"))
    ranking = api.rank_workbooks([path], assume_full=True)
    assert bool(read_again) == reads_again
    assert ranking.field_codes == ("1", "2")  # field 2 (6 points): 2.1 (4) and 2 unlisted points, assumed in full
    assert [(u.unit, u.result.index, u.result.field_points, u.field_indexes) for u in ranking.units] == [
        ("B", D("64.06"), (D("4.25"), D(6)), (D("42.50"), D("100.00"))), ("A", D("53.13"), (D("3.5"), D(5)), (D("35.00"), D("83.33")))]


def test_without_a_set_a_row_two_levels_down_counts_for_its_field_as_the_sheet_is_read(tmp_path, monkeypatch):
    """1.1.1 and 1.1.2 sit under 1.1 under field 1: their points are field 1's, gathered
    as the sheet is read; 1 and 2 list less than their maxima, the rest assumed in full."""
    values = {"1": [None, None], "1.1": [None, None], "1.1.1": [3.0, 1.0], "1.1.2": [2.5, 0.5], "2": [None, None], "2.1": [4.0, 1.0]}
    path = wide_workbook(tmp_path / "u.xlsx", list(values.items()), ["A", "B"])
    monkeypatch.setattr(UnitColumns, "cells", lambda self: pytest.fail("read again"))
    monkeypatch.setattr(UnitColumns, "appraisals", lambda self: pytest.fail("scored unit by unit"))
    totals = totals_by_unit(api.score_units([path], assume_full=True, totals_only=True))
    # A: 1 = 5.5 + 4 unlisted, 2 = 4 + 2 unlisted: 15.5 / 16; B: 1.5 + 4 and 1 + 2: 8.5 / 16
    assert {unit: (totals[unit][4], totals[unit][2]) for unit in "AB"} == {
        "A": ((D("9.5"), D(6)), D("96.88")), "B": ((D("5.5"), D(3)), D("53.13"))}


def test_column_totals_without_a_set_use_the_workbook_tree(tmp_path):
    path = wide_workbook(tmp_path / "u.xlsx", [("1.1", [1.5, 4.0]), ("1.2", [2.0, 0.25]), ("2.1", [3.0, 4.0])], ["A", "B"])
    fast = totals_by_unit(api.score_units([path], totals_only=True))
    assert fast == totals_by_unit(api.score_units([path]))
    assert fast["A"] == (D("6.5"), D(14), D("46.43"), "D", (D("1.5"), D(2), D(3)))


def test_a_wide_sheet_becomes_unit_columns(tmp_path):
    path = wide_workbook(tmp_path / "u.xlsx", [("1.1", [1.5, 4.0]), ("1.2", [None, None]), ("2.1", ["3,5", 4.0])], ["Sở A", "Sở B"])
    units = open_units(path)
    assert isinstance(units, UnitColumns) and units.units == ("Sở A", "Sở B")
    assert [(row.code, row.given, row.max) for row in units.rows] == [("1.1", True, D(6)), ("1.2", False, D(4)), ("2.1", True, D(4))]
    assert [(row.code, list(points)) for row, points in units.points()] == [
        ("1.1", [D("1.5"), D(4)]), ("1.2", [None, None]), ("2.1", [D("3.5"), D(4)])]
    # the blank row stays, without points: a field row may give only its standard points
    assert {e.code: (e.where["points"].rsplit(" ", 1)[1], e.points) for e in units.first_unit().entries} == {
        "1.1": ("C4", D("1.5")), "1.2": ("C5", None), "2.1": ("C6", D("3.5"))}


def test_cells_are_named_where_the_sheet_starts_right_of_column_a(tmp_path):
    path = wide_workbook(tmp_path / "u.xlsx", [("1.1", [1.5, 4.0]), ("1.2", [2.0, None])], ["Sở A", "Sở B"], column=3)
    with pytest.raises(InputError, match=r"ô F5: đơn vị «Sở B» không có điểm cho 1\.2, trong khi các đơn vị khác có"):
        open_units(path)


@pytest.mark.parametrize("value, message", [
    ("=D4+1", "cell C4: 1.1: holds a formula whose result was never saved"),
    ("#DIV/0!", "cell C4: 1.1: holds the Excel error #DIV/0!"),
    (True, "cell C4: 1.1: holds TRUE/FALSE, not points"),
    ("ba", "cell C4: 1.1: 'ba' is not a number"),
    (-1.0, "cell C4: 1.1: points cannot be negative (-1)"),
])
def test_cells_python_calamine_shows_as_empty_or_wrong_are_reported(tmp_path, value, message):
    """python-calamine reads a formula without a saved result and an error cell as
    empty; the strict reader tells them apart."""
    path = wide_workbook(tmp_path / "u.xlsx", [("1.1", [1.0, value, 1.0]), ("1.2", [2.0, 2.0, 2.0])], ["A", "B", "C"], with_max=False)
    with pytest.raises(InputError) as caught:
        open_units(path)
    assert message in caught.value.render("en")


def test_a_row_of_formulas_never_calculated_is_not_taken_for_an_empty_row(tmp_path):
    rows = [("1.1", [1.0, 2.0]), ("1.2", ["=B4*2", "=C4*2"])]
    path = wide_workbook(tmp_path / "u.xlsx", rows, ["A", "B"], with_max=False)
    with pytest.raises(InputError) as caught:
        open_units(path)
    assert [p.where.rsplit(" ", 1)[1] for p in caught.value.problems] == ["B5", "C5"]


def test_a_field_row_left_blank_is_no_unit_s_blank_but_a_formula_never_calculated_in_it_is_an_error(tmp_path):
    """A field row gives its standard points and leaves every unit's cell blank: the
    units' field points come from its children. A formula in it whose result was never
    saved is refused, at its cell, as in any other row; an error cell too."""
    rows = [("1", [None, None]), ("1.1", [1.5, 4.0]), ("1.2", [2.0, 0.25]), ("2", [3.0, 4.0])]
    path = wide_workbook(tmp_path / "u.xlsx", rows, ["A", "B"])
    assert totals_by_unit(api.score_units([path], totals_only=True))["A"][4] == (D("3.5"), D(3))
    for value, message in (("=C5+C6", "cell D4: 1: holds a formula whose result was never saved"), ("#N/A", "cell D4: 1: holds the Excel error #N/A")):
        rows[0] = ("1", [None, value])
        with pytest.raises(InputError) as caught:
            open_units(wide_workbook(tmp_path / "u.xlsx", rows, ["A", "B"]))
        assert [message in problem for problem in caught.value.render("en").splitlines()] == [True]


def test_a_unit_above_the_maximum_is_named_by_the_engine(cli, tmp_path):
    path = wide_workbook(tmp_path / "u.xlsx", [("1.1", [4.0, 4.5]), ("1.2", [2.0, 2.0]), ("2.1", [4.0, 4.0])], ["Sở A", "Sở B"])
    run = cli("rank", path, "--criteria", SMALL_SET)
    assert run.exit_code == 2
    assert run.stderr == f"parcalc: lỗi: {path}, trang tính «Điểm», ô D4: đơn vị «Sở B»: 1.1 có 4,5 điểm, nhiều hơn điểm chuẩn 4\n"
    english = cli("rank", path, "--criteria", SMALL_SET, "--lang", "en").stderr
    assert english == f"parcalc: error: {path}, sheet 'Điểm', cell D4: unit 'Sở B': 1.1 has 4.5 points, more than its maximum 4\n"


def test_an_unknown_layout_is_a_usage_error(tmp_path):
    from parcalc.core.errors import UsageError

    with pytest.raises(UsageError, match="--layout: «diagonal» không phải là một cách bố trí: hãy dùng wide, long, sheets"):
        open_units(tmp_path / "any.xlsx", "diagonal")


def test_a_code_twice_in_a_wide_sheet(tmp_path):
    path = wide_workbook(tmp_path / "u.xlsx", [("1.1", [4.0]), ("1.1", [3.0])], ["Sở A"], with_max=False)
    with pytest.raises(InputError, match=r"ô A5: mã 1\.1 xuất hiện hai lần \(lần đầu tại .*ô A4\)"):
        open_units(path)


def test_rank_json_has_a_line_per_unit():
    from parcalc.write.rank import rank_json
    import json

    ranking = api.rank_workbooks([ROOT / "tests/fixtures/good/units-wide.xlsx"], str(SMALL_SET))
    text = rank_json(ranking, "vi")
    assert json.loads(text)["units"][0]["unit"] == "Sở B"
    assert text.splitlines()[3] == '    {"rank": 1, "unit": "Sở B", "total": 10, "index": 100, "group": "A", "fields": {"1": 100, "2": 100}},'


# Reading ahead: rank and compare start parsing their workbooks before typer loads.

@pytest.mark.parametrize("args, expected", [
    (["rank", "a.xlsx", "b.XLSX", "--criteria", "set.yaml", "-o", "out.xlsx"], ["a.xlsx"]),  # one parse held at a time
    (["rank", "-o", "out.xlsx", "b.XLSX"], ["b.XLSX"]),
    (["compare", "old.xlsx", "new.xlsx", "--criteria-new", "x.xlsx"], ["old.xlsx"]),
    (["rank", "a.xlsx", "--sheet", "Điểm"], []),
    (["rank", "a.xlsx", "--sheet=Điểm"], []),
    (["score", "a.xlsx"], []),
    ([], []),
])
def test_which_workbooks_are_read_ahead(args, expected):
    assert workbooks_to_read_ahead(args) == [Path(p) for p in expected]


def test_a_read_ahead_sheet_is_taken_once_and_gives_the_same_units(tmp_path):
    path = wide_workbook(tmp_path / "u.xlsx", [("1.1", [1.5, 4.0]), ("2.1", [3.0, 4.0])], ["A", "B"])
    expected = totals_by_unit(api.score_units([path], totals_only=True))
    xlsx.read_ahead([path, tmp_path / "missing.xlsx"])
    assert list(xlsx._READ_AHEAD) == [str(path.resolve())]
    assert totals_by_unit(api.score_units([path], totals_only=True)) == expected
    assert xlsx._READ_AHEAD == {}


def test_a_damaged_workbook_read_ahead_is_reported_by_the_foreground_reading(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    xlsx.read_ahead([path])
    with pytest.raises(InputError, match="bị hỏng hoặc bị cắt cụt"):
        open_units(path)


def test_the_console_entry_reads_ahead_and_ranks(tmp_path):
    path = wide_workbook(tmp_path / "u.xlsx", [("1.1", [1.5, 4.0]), ("2.1", [3.0, 4.0])], ["A", "B"])
    code = ("import atexit, gc, sys; sys.argv = ['parcalc', 'rank', sys.argv[1], '-f', 'csv']\n"
            "atexit.register(lambda: print(sys.getswitchinterval(), gc.get_threshold()[0], file=sys.stderr))\n"
            "from parcalc.launch import main\nmain()")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1:] == ["1,B,8.00,80.00,B,66.67,100.00", "2,A,4.50,45.00,D,25.00,75.00"]
    seconds, new_objects = out.stderr.split()
    assert float(seconds) == pytest.approx(GIL_SWITCH_SECONDS)  # band parsing threads get the GIL sooner
    assert int(new_objects) == GC_NEW_OBJECTS  # and the garbage collector runs rarely


def test_field_sums_stay_exact_as_rows_bring_more_decimal_places():
    # three units; sums by hand: 1 + 0,5 + 0,125 = 1,625; 2 + 0,25 + 1 = 3,25; 1 + 0,5 + 1 = 2,5
    # (0 places, then 2, then 3: a value seen before the places grew is counted again, 1,0)
    from parcalc.core.columnar import FieldSum

    sums = FieldSum(3)
    sums.add({1.0: D(1), 2.0: D(2)}, [1.0, 2.0, 1.0])
    sums.add({0.5: D("0.5"), 0.25: D("0.25")}, [0.5, 0.25, 0.5])
    sums.add({0.125: D("0.125"), 1.0: D(1)}, [0.125, 1.0, 1.0])
    assert sums.decimals(D(10)) == [D("11.625"), D("13.25"), D("12.5")]


def test_a_sum_of_one_row_is_its_points_and_of_none_is_nothing():
    from parcalc.core.columnar import FieldSum

    one = FieldSum(3)
    one.add({1.0: D(1), 0.5: D("0.5")}, [1.0, 0.5, 1.0])
    assert one.decimals(D(2)) == [D(3), D("2.5"), D(3)] and one.decimals(D(0)) == [D(1), D("0.5"), D(1)]
    two = FieldSum(3)
    two.add({1.0: D(1), 0.5: D("0.5")}, [1.0, 0.5, 1.0])
    two.add({0.25: D("0.25"), 0.0: D(0)}, [0.25, 0.0, 0.0])  # the first row counted when the second comes
    assert two.decimals(D(2)) == [D("3.25"), D("2.5"), D(3)]
    assert FieldSum(2).decimals(D(3)) == [D(3), D(3)]


def test_long_sheet_units_with_a_code_assumed_are_still_scored_by_columns(tmp_path, monkeypatch):
    """--assume-full reaches the column groups: a code no unit gives (1.2) is assumed at
    full points there, not left to the slower unit-by-unit path."""
    from parcalc.read.longsheet import LongUnits

    set_path = tmp_path / "set.yaml"
    set_path.write_text(SET_YAML.format(combine="add"), encoding="utf-8")
    rows = [(unit, code, value) for unit, values in (("A", (3, 2, 4, 1)), ("B", (1, 1, 2, 0)))
            for code, value in zip(("1.1.1", "1.1.2", "2.1", "4"), values)]
    path = long_workbook(tmp_path / "long.xlsx", rows)
    monkeypatch.setattr(LongUnits, "appraisals", lambda self: pytest.fail("scored unit by unit"))
    totals = totals_by_unit(api.score_units([path], api.load_criteria(str(set_path)), assume_full=True, totals_only=True))
    # A: 3 + 2 + 1.2's 4 assumed = 9; 2.1 4 + 2's unlisted 2 assumed = 6; survey block 3
    # absent (optional, nothing given); bonus 1 -> 16 of 16. B: 1 + 1 + 4 = 6; 2 + 2 = 4; bonus 0 -> 10
    assert {unit: (totals[unit][0], totals[unit][1]) for unit in "AB"} == {"A": (D(16), D(16)), "B": (D(10), D(16))}


def test_long_sheet_units_with_blank_cells_are_still_scored_by_columns_with_blank_zero(tmp_path, monkeypatch):
    """--blank reaches the column groups: B's blank 1.2 is read as 0 there, not left to
    the slower unit-by-unit path."""
    from parcalc.read.longsheet import LongUnits

    rows = [("A", "1.1", 1.5), ("A", "1.2", 2.0), ("B", "1.1", 4.0), ("B", "1.2", None)]
    path = long_workbook(tmp_path / "long.xlsx", rows)
    monkeypatch.setattr(LongUnits, "appraisals", lambda self: pytest.fail("scored unit by unit"))
    totals = totals_by_unit(api.score_units([path], blank="zero", totals_only=True))
    assert {unit: totals[unit][0] for unit in "AB"} == {"A": D("3.5"), "B": D(4)}  # of 6 + 4 = 10


def test_units_that_word_criteria_their_own_way_are_one_group_when_the_set_names_them(tmp_path):
    """Each commune's file words a criterion its own way: with a set that names every
    node the names shape nothing, so the units are one group of columns (one engine
    run); in the workbook's own tree the names are the nodes' names, so each is scored
    alone. Figures by hand (--assume-full, 2's unlisted 2 points counted, 3 optional and
    absent: of 16): Xã A 3 + 2 + 4 = 9 and 3 + 2 = 5, 14 (87.50); Xã B 1 + 3 + 2 = 6
    and 4 + 2 = 6, 12 (75.00)."""
    from parcalc.core.columnar import appraisal_groups
    from parcalc.read.multiunit import read_units

    set_path = tmp_path / "set.yaml"
    set_path.write_text(SET_YAML.format(combine="add"), encoding="utf-8")
    criteria = api.load_criteria(str(set_path))
    book = Workbook()
    book.remove(book.active)
    points = {"Xã A": (3, 2, 4, 3), "Xã B": (1, 3, 2, 4)}
    for unit, values in points.items():
        sheet = book.create_sheet(unit)
        sheet.append(["STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"])
        for code, value in zip(("1.1.1", "1.1.2", "1.2", "2.1"), values):
            sheet.append([code, f"Tiêu chí {code}" + (" (sửa)" if unit == "Xã B" else ""), float(TREE[code][0]), value])
    path = tmp_path / "communes.xlsx"
    book.save(path)
    assert [group.units for group in appraisal_groups(read_units(path), criteria)] == [("Xã A", "Xã B")]
    assert [group.units for group in appraisal_groups(read_units(path), None)] == [("Xã A",), ("Xã B",)]
    by_columns = dict(api.score_units([path], criteria, assume_full=True, totals_only=True))
    assert {unit: (r.total_points, r.total_max, r.index) for unit, r in by_columns.items()} == {
        "Xã A": (D(14), D(16), D("87.50")), "Xã B": (D(12), D(16), D("75.00"))}
    each = dict(api.score_units([path], criteria, assume_full=True))
    assert {unit: r.total_points for unit, r in each.items()} == {"Xã A": D(14), "Xã B": D(12)}
    set_path.write_text(SET_YAML.format(combine="add").replace("name: One two", "name: unknown"), encoding="utf-8")
    unnamed = api.load_criteria(str(set_path))  # 1.2 unnamed: a workbook's name for it names the node
    assert [group.units for group in appraisal_groups(read_units(path), unnamed)] == [("Xã A",), ("Xã B",)]


def test_what_only_scoring_a_unit_alone_reads_keeps_its_sheets_out_of_groups(tmp_path):
    """A không áp dụng mark, a raw value for a rule or lost points beside the points: no
    groups (each unit is scored alone); and without a set, a bonus row without standard
    points shapes the tree by its points, so units differing there are groups apart."""
    from parcalc.core.columnar import appraisal_groups
    from parcalc.read.multiunit import read_units

    def sheets(name, header, rows_by_unit):
        book = Workbook()
        book.remove(book.active)
        for unit, rows in rows_by_unit.items():
            sheet = book.create_sheet(unit)
            sheet.append(header)
            for row in rows:
                sheet.append(row)
        book.save(tmp_path / name)
        return read_units(tmp_path / name)

    header = ["STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"]
    marked = sheets("marked.xlsx", header, {"Xã A": [("1", "Một", 4, 3)], "Xã B": [("1", "Một", 4, "KAD")]})
    assert appraisal_groups(marked, None) is None
    lost = sheets("lost.xlsx", [*header, "Điểm bị mất"], {"Xã A": [("1", "Một", 4, 3, 1)], "Xã B": [("1", "Một", 4, 4, 0)]})
    assert appraisal_groups(lost, None) is None
    bonus = {unit: [("1", "Một", 4, 3), ("2", "Điểm thưởng", None, points)] for unit, points in (("Xã A", 2), ("Xã B", 1), ("Xã C", 2))}
    read = sheets("bonus.xlsx", header, bonus)
    assert [group.units for group in appraisal_groups(read, None)] == [("Xã A", "Xã C"), ("Xã B",)]


def test_node_points_read_as_the_dict_they_stand_for():
    from decimal import Decimal

    from parcalc.core.engine import NodePoints

    codes = ("1", "1.1", "2")
    places = {code: place for place, code in enumerate(codes)}
    points = NodePoints(codes, places, (Decimal("4.5"), Decimal(2), Decimal(0)))
    same = {"1": Decimal("4.5"), "1.1": Decimal(2), "2": Decimal(0)}
    assert points == same and same == points and dict(points) == same and len(points) == 3
    assert list(points) == list(codes) and points.keys() == same.keys() and tuple(points.values()) == tuple(same.values())
    assert points["1.1"] == 2 and "2" in points and "3" not in points and points.get("3") is None
    assert list(points.items()) == list(same.items()) and repr(points) == repr(same)
    with pytest.raises(KeyError):
        points["3"]
    assert points != NodePoints(codes, places, (Decimal("4.5"), Decimal(2), Decimal(1)))


def _figures_said(path: Path, criteria, assume_full: bool, totals_only: bool, blank: str | None = None):
    """What score_units says of the units' own figures (a given node against the given
    nodes below it), or its error."""
    notes: list = []
    try:
        api.score_units([path], criteria, assume_full=assume_full, totals_only=totals_only, notes=notes, blank=blank)
    except InputError as exc:
        return ("error", str(exc))
    return sorted((f.key, f.code, f.where.render("en"), f.params["points"], f.params["children_points"], f.params["children_lost"])
                  for f in notes if f.key.startswith("children"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=wide_sheets(), assume_full=st.booleans())
def test_each_unit_s_figures_are_checked_by_columns_as_unit_by_unit(tmp_path, sheet, assume_full):
    """rank checks every unit's given nodes against the given nodes below them, as score
    does its one unit: by columns (core.consistency) as the engine does unit by unit."""
    units, rows = sheet
    if not rows:
        return
    set_path = tmp_path / "set.yaml"
    set_path.write_text(SET_YAML.format(combine="add"), encoding="utf-8")
    criteria = api.load_criteria(str(set_path))
    path = wide_workbook(tmp_path / "units.xlsx", rows, units)
    assert _figures_said(path, criteria, assume_full, True) == _figures_said(path, criteria, assume_full, False)


def test_each_unit_s_figures_are_checked_in_a_ranking(tmp_path, cli):
    """By hand: 1 (9 for every unit) against 1.1.1 + 1.1.2 + 1.2 below it (1.1 not
    given): A 3 + 2 + 4 = 9, B 2 + 2 + 4 = 8 (1 unaccounted for, nothing unknown below),
    C 3 + 3 + 3 = 9. 2 (partial: 2 of its 6 points unlisted) against 2.1 = 4: A 5 and
    C 6 leave 1 and 2 for the unlisted part, B 3 leaves -1. Only B is said, twice."""
    set_path = tmp_path / "set.yaml"
    set_path.write_text(SET_YAML.format(combine="add"), encoding="utf-8")
    rows = [("1", [9.0, 9.0, 9.0]), ("1.1.1", [3.0, 2.0, 3.0]), ("1.1.2", [2.0, 2.0, 3.0]), ("1.2", [4.0, 4.0, 3.0]),
            ("2", [5.0, 3.0, 6.0]), ("2.1", [4.0, 4.0, 4.0])]
    path = wide_workbook(tmp_path / "units.xlsx", rows, ["A", "B", "C"])
    run = cli("rank", path, "--criteria", set_path, "--assume-full", "-f", "csv")
    assert run.exit_code == 0
    assert run.stderr.splitlines() == [
        f"parcalc: cảnh báo: {path}, trang tính «Điểm», ô D4: 1: điểm 9,00 nhưng các tiêu chí con cộng lại được 8,00",
        f"parcalc: cảnh báo: {path}, trang tính «Điểm», ô D8: 2: các tiêu chí con được 4,00 điểm, nhiều hơn 3,00 điểm của 2"]


def test_each_one_unit_file_s_figures_are_checked_in_a_ranking(tmp_path, cli):
    """Two communes' files scored together by columns: Xã A gives 1 = 9 over 1.1 = 5 and
    1.2 = 3 (8, by hand), Xã B 9 over 5 + 4. Only Xã A is said, at its own file's cell."""
    paths = []
    for name, points in (("Xã A", (9, 5, 3, 4)), ("Xã B", (9, 5, 4, 4))):
        book = Workbook()
        book.active.title = "Chấm điểm"
        book.active.append(("STT", "Điểm chuẩn", "Điểm thẩm định"))
        for code, maximum, value in zip(("1", "1.1", "1.2", "2"), (10, 6, 4, 5), points):
            book.active.append((code, maximum, value))
        paths.append(tmp_path / f"{name}.xlsx")
        book.save(paths[-1])
    run = cli("rank", *paths, "-f", "csv")
    assert run.exit_code == 0
    assert run.stderr == f"parcalc: cảnh báo: {paths[0]}, trang tính «Chấm điểm», ô C2: 1: điểm 9,00 nhưng các tiêu chí con cộng lại được 8,00\n"
