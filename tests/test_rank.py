"""Many units: the three layouts, ranking with ties, group counts and mean, outputs."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from parcalc import api
from parcalc.core.engine import UnitTotals
from parcalc.read.multiunit import read_units
from parcalc.analysis.ranking import rank_results
from tests.conftest import BAD, EXAMPLES, GOOD, SMALL_SET

D = Decimal


@pytest.mark.parametrize("name, layout", [("units-wide.xlsx", "wide"), ("units-long.xlsx", "long"), ("units-sheets.xlsx", "sheets")])
def test_each_layout_is_detected_and_read_alike(name, layout):
    detected = read_units(GOOD / name)
    forced = read_units(GOOD / name, layout)
    assert [u.source for u in detected] == [u.source for u in forced] == ["Sở A", "Sở B", "Sở C", "Sở D"]
    assert {e.code: e.points for e in detected[1].entries} == {"1.1": D(4), "1.2": D(2), "2.1": D(4)}


@pytest.mark.parametrize("name", ["units-wide.xlsx", "units-long.xlsx", "units-sheets.xlsx"])
def test_ranking_with_ties(name):
    ranking = api.rank_workbooks([GOOD / name], str(SMALL_SET))
    assert [(u.rank, u.unit, u.result.index) for u in ranking.units] == [
        (1, "Sở B", D("100.00")), (2, "Sở A", D("85.00")), (2, "Sở C", D("85.00")), (4, "Sở D", D("25.00"))]
    assert ranking.group_counts == {"A": 1, "B": 2, "C": 0, "D": 1}
    assert ranking.mean_index == D("73.75")
    assert ranking.field_codes == ("1", "2")


@given(quarters=st.lists(st.integers(min_value=0, max_value=40), max_size=40))
def test_ranks_follow_the_indexes_and_ties_keep_the_workbook_order(quarters):
    criteria = api.load_criteria(str(SMALL_SET))
    totals = [D(quarter) / 4 for quarter in quarters]  # 0 to 10 points, many equal
    fields = [(total, D(0)) for total in totals]
    ranking = rank_results([(f"unit {i}", unit) for i, unit in enumerate(UnitTotals.of_units(criteria, totals, D(10), fields))])
    indexes = [total * 10 for total in totals]
    expected = sorted(range(len(totals)), key=lambda i: (-indexes[i], i))
    assert [unit.unit for unit in ranking.units] == [f"unit {i}" for i in expected]
    assert [unit.rank for unit in ranking.units] == [1 + sum(other > indexes[i] for other in indexes) for i in expected]
    assert [unit.result.group for unit in ranking.units] == ["A" if indexes[i] >= 90 else "B" if indexes[i] >= 80 else "C" if indexes[i] >= 70 else "D" for i in expected]


@pytest.mark.parametrize("name, expected", [
    ("units-no-header.xlsx", "ô H4: cột H có điểm nhưng tiêu đề cột (dòng 3) không có tên đơn vị; hãy ghi tên đơn vị vào tiêu đề"),
    ("units-named-twice.xlsx", "ô F3: đơn vị «Sở A» có cột thứ hai (cột đầu tiên là cột D); mỗi đơn vị chỉ ghi tên một lần"),
    ("units-code-missing.xlsx", "ô E5: đơn vị «Sở B» không có điểm cho 1.2, trong khi các đơn vị khác có; hãy nhập điểm"),
])
def test_bad_multi_unit_workbooks(cli, name, expected):
    run = cli("rank", BAD / name, "--criteria", SMALL_SET)
    assert run.exit_code == 2 and run.stdout == ""
    assert expected in run.stderr, run.stderr


def test_a_unit_named_twice_across_workbooks(cli):
    run = cli("rank", GOOD / "units-wide.xlsx", GOOD / "units-long.xlsx", "--criteria", SMALL_SET)
    assert run.exit_code == 2 and (f"parcalc: lỗi: {GOOD / 'units-long.xlsx'}: tên đơn vị «Sở A» bị trùng (cũng có trong "
                                   f"{GOOD / 'units-wide.xlsx'}): mỗi đơn vị cần một tên riêng") in run.stderr.splitlines()


def test_scoring_problems_name_the_unit(cli, tmp_path):
    run = cli("rank", GOOD / "units-wide.xlsx", "--criteria", "province-2020")
    assert run.exit_code == 2 and (f"parcalc: lỗi: {GOOD / 'units-wide.xlsx'}, trang tính «Điểm», ô A4: đơn vị «Sở A»: mã 1.1 "
                                   "không có trong bộ tiêu chí province-2020: sửa lại mã, hoặc dùng đúng bộ tiêu chí của bảng tính"
                                   ) == run.stderr.splitlines()[0]
    english = cli("rank", GOOD / "units-wide.xlsx", "--criteria", "province-2020", "--lang", "en").stderr.splitlines()[0]
    assert english == (f"parcalc: error: {GOOD / 'units-wide.xlsx'}, sheet 'Điểm', cell A4: unit 'Sở A': code 1.1 is not in "
                       "criterion set province-2020: correct the code or use the set the workbook was made for")


def test_outputs(cli, tmp_path):
    args = ("rank", GOOD / "units-long.xlsx", "--criteria", SMALL_SET)
    data = json.loads(cli(*args, "-f", "json").stdout)
    assert data["units"][1] == {"rank": 2, "unit": "Sở A", "total": 8.5, "index": 85, "group": "B", "fields": {"1": 91.67, "2": 75}}
    assert data["groups"] == {"A": 1, "B": 2, "C": 0, "D": 1} and data["mean_index"] == 73.75
    md = cli(*args, "-f", "md").stdout
    assert "| 2 | Sở C | 8,50 | 85,00 | B | 91,67 | 75,00 |" in md and "Chỉ số trung bình: 73,75" in md
    assert "| Hạng | Đơn vị | Tổng | Chỉ số | Nhóm | 1 | 2 |\n|---:|---|---:|---:|---|---:|---:|\n" in md  # names left, figures right
    target = tmp_path / "rank.xlsx"
    assert cli(*args, "-f", "xlsx", "-o", target).exit_code == 0
    sheet = load_workbook(target).active  # the appendix (test_rank_documents.py checks the rest)
    assert [c.value for c in sheet[5]] == ["Hạng", "Đơn vị", "Tổng điểm", "Chỉ số", "Nhóm", "1. Lĩnh vực một", "2. Lĩnh vực hai"]
    assert [c.value for c in sheet[6]] == [1, "Sở B", 10, 100, "A", 100, 100]
    again = tmp_path / "again.xlsx"
    cli(*args, "-f", "xlsx", "-o", again)
    assert again.read_bytes() == target.read_bytes()
    assert cli(*args, "-f", "xlsx").exit_code == 2  # a binary format needs -o
    csv_file = tmp_path / "rank.csv"
    assert cli(*args, "-f", "csv", "-o", csv_file).exit_code == 0
    assert csv_file.read_text(encoding="utf-8-sig").splitlines()[1] == "1,Sở B,10.00,100.00,A,100.00,100.00"


def test_department_example_ranks_20_units(cli):
    run = cli("rank", EXAMPLES / "departments" / "departments.xlsx", "--criteria", EXAMPLES / "departments" / "department-set.yaml", "-f", "json")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert len(data["units"]) == 20 and data["units"][0]["rank"] == 1
    assert sum(data["groups"].values()) == 20
    assert [u["index"] for u in data["units"]] == sorted((u["index"] for u in data["units"]), reverse=True)


def test_units_of_a_sheet_share_their_tree_and_score_as_alone():
    """Without a set, the tree the rows describe is built once per sheet and shared."""
    from parcalc.core.scoring import score_appraisal

    named = api.score_units([EXAMPLES / "departments" / "departments.xlsx"])
    assert len({id(result.criteria) for _, result in named}) == 1
    alone = {appraisal.source: score_appraisal(appraisal) for appraisal in read_units(EXAMPLES / "departments" / "departments.xlsx")}
    assert [(unit, result.total_points, result.index, result.group) for unit, result in named] == \
        [(unit, alone[unit].total_points, alone[unit].index, alone[unit].group) for unit, _ in named]
    assert [n.points for n in named[3][1].nodes] == [n.points for n in alone[named[3][0]].nodes]


@pytest.mark.parametrize("name", ["units-wide.xlsx", "units-long.xlsx", "units-sheets.xlsx"])
def test_units_scored_one_by_one_with_a_set_share_one_tree_object(name):
    named = api.score_units([GOOD / name], str(SMALL_SET))
    assert len(named) == 4 and len({id(result.criteria) for _, result in named}) == 1


def test_field_indexes_are_the_same_whether_units_share_their_tree_object_or_not():
    """Units each with a tree object of its own (equal trees) rank as units sharing one."""
    from dataclasses import replace

    named = api.score_units([GOOD / "units-long.xlsx"], str(SMALL_SET))
    apart = [(unit, replace(result, criteria=replace(result.criteria))) for unit, result in named]
    assert len({id(result.criteria) for _, result in apart}) == 4
    shared, separate = rank_results(named), rank_results(apart)
    assert [(u.unit, u.field_indexes) for u in separate.units] == [(u.unit, u.field_indexes) for u in shared.units] == [
        ("Sở B", (D("100.00"), D("100.00"))), ("Sở A", (D("91.67"), D("75.00"))), ("Sở C", (D("91.67"), D("75.00"))), ("Sở D", (D("25.00"), D("25.00")))]


def test_unit_names_are_matched_whatever_their_spaces_case_and_unicode_form():
    import unicodedata

    from parcalc.analysis.ranking import _plain

    decomposed = unicodedata.normalize("NFD", "Huyện  Đức\tTrọng ")
    assert _plain(decomposed) == "huyện đức trọng" == _plain("HUYỆN ĐỨC TRỌNG")


def test_units_whose_own_trees_have_different_fields_are_ranked_on_every_field():
    # A's and C's trees have fields 1 and 2, B's 1 and 3 (none has all three): the columns are 1, 2, 3, and
    # each unit's sub-indexes sit under its own fields (A: 8/10, 6/10, index 70; B: 5/10, 8/10, 65)
    from decimal import Decimal as D

    from parcalc.analysis.ranking import rank_results
    from parcalc.core.engine import score
    from parcalc.core.model import Criterion, CriterionSet, Entry

    def unit(points):
        tree = CriterionSet(id="own", title="own", roots=tuple(Criterion(code=c, name=c, max=D(10)) for c in points))
        return score(tree, {c: Entry(c, points=D(p)) for c, p in points.items()})

    ranking = rank_results([("A", unit({"1": 8, "2": 6})), ("B", unit({"1": 5, "3": 8})), ("C", unit({"1": 10, "2": 10}))])
    assert ranking.field_codes == ("1", "2", "3")
    assert [(u.unit, u.rank, u.field_indexes) for u in ranking.units] == [
        ("C", 1, (D(100), D(100), None)), ("A", 2, (D(80), D(60), None)), ("B", 3, (D(50), None, D(80)))]


def _unit_file(path, points: list, extra: bool = False, bonus: bool = False) -> None:
    """A one-unit workbook as a commune sends it: two fields, their sub-criteria's points
    (None: blank); `extra` adds a sub-criterion 2.2 (another tree), `bonus` a bonus row
    without a number."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Chấm điểm"
    sheet.append(["STT", "Tên tiêu chí", "Điểm chuẩn", "Điểm thẩm định"])
    rows = [("1", "Lĩnh vực 1", 10, None), ("1.1", "Kế hoạch", 4, points[0]), ("1.2", "Báo cáo", 6, points[1]),
            ("2", "Lĩnh vực 2", 5 + (2 if extra else 0), None), ("2.1", "Kiểm tra", 5, points[2])]
    rows += [("2.2", "Tuyên truyền", 2, points[3])] if extra else []
    rows += [(None, "Điểm thưởng", 1, 0.5)] if bonus else []
    for row in rows:
        sheet.append(list(row))
    book.save(path)


def test_one_unit_workbooks_are_scored_together_as_each_alone(tmp_path):
    """rank unit-*.xlsx: 70 files (two batches of scoring), two trees; each unit's total
    and index as summed here, named after its file, in the files' order."""
    import random

    chance = random.Random(13)
    paths, expected = [], {}
    for number in range(70):
        extra = number % 9 == 0
        points = [Decimal(chance.randint(0, 2 * most)) / 2 for most in (4, 6, 5, 2)]
        path = tmp_path / f"Xã {number:02d}.xlsx"
        _unit_file(path, points, extra)
        total = sum(points[:4] if extra else points[:3], Decimal(0))
        expected[path.stem] = (total, total / (17 if extra else 15) * 100)
        paths.append(path)
    scored = api.score_units(paths, totals_only=True)
    assert [unit for unit, _ in scored] == [path.stem for path in paths]
    for unit, result in scored:
        total, index = expected[unit]
        assert result.total_points == total and abs(result.index - index) < Decimal("0.005"), unit


def test_a_one_unit_workbook_that_cannot_be_scored_is_named_among_many(cli, tmp_path):
    paths = []
    for number in range(5):
        path = tmp_path / f"Xã {number}.xlsx"
        _unit_file(path, [Decimal(1), None if number == 3 else Decimal(2), Decimal(3)])
        paths.append(path)
    run = cli("rank", *paths)
    assert run.exit_code == 2
    assert run.stderr.splitlines()[-1] == (f"parcalc: lỗi: {paths[3]}, trang tính «Chấm điểm», ô D4: đơn vị «Xã 3»: chưa có điểm "
                                           "của 1.2: ghi điểm vào bảng tính (hoặc điểm của tiêu chí cấp trên), hoặc cho biết cách đọc ô trống hay "
                                           "dòng thiếu: --blank zero (không đạt, 0 điểm) hoặc --blank full / --assume-full (tính đủ điểm)")


def test_a_warning_of_many_one_unit_workbooks_is_said_once(cli, tmp_path):
    """Twelve communes' files filled in from one template whose bonus row has no number:
    the warning once, at the first file, with how many more files it is true of."""
    paths = []
    for number in range(12):
        path = tmp_path / f"Xã {number:02d}.xlsx"
        _unit_file(path, [Decimal(1), Decimal(2), Decimal(3)], bonus=True)
        paths.append(path)
    english, vietnamese = cli("rank", *paths, lang="en"), cli("rank", *paths)
    assert (english.exit_code, vietnamese.exit_code) == (0, 0)
    assert english.stderr.splitlines() == [
        f"parcalc: warning: {paths[0]}, sheet 'Chấm điểm', cell A7: the row «Điểm thưởng» has no number: given code 3 (the same in 11 more workbook(s))"]
    assert vietnamese.stderr.splitlines() == [
        f"parcalc: cảnh báo: {paths[0]}, trang tính «Chấm điểm», ô A7: dòng «Điểm thưởng» không có số thứ tự: đặt mã 3 (cũng vậy ở 11 bảng tính khác)"]
    # three or fewer others are named
    assert cli("rank", *paths[:4], lang="en").stderr.splitlines() == [
        f"parcalc: warning: {paths[0]}, sheet 'Chấm điểm', cell A7: the row «Điểm thưởng» has no number: given code 3 "
        f"(the same in {paths[1]}, {paths[2]}, {paths[3]})"]


def test_one_unit_workbooks_lacking_rows_others_list_are_said(cli, tmp_path):
    """Without a set each file is scored on its own rows: three of four communes' files
    lack the 2.2 the fourth lists, said once, at the first of them."""
    paths = []
    for number in range(4):
        path = tmp_path / f"Xã {number}.xlsx"
        _unit_file(path, [Decimal(1), Decimal(2), Decimal(3), Decimal(1)], extra=number == 2)
        paths.append(path)
    run = cli("rank", *paths, lang="en")
    assert run.exit_code == 0
    assert run.stderr.splitlines() == [
        f"parcalc: warning: {paths[0]}, sheet 'Chấm điểm': no row for 2.2, which other units list (3 unit(s) lack rows): each unit is scored on the "
        "scale of its own rows; give --criteria to score every unit on one set"]


def test_a_wide_workbook_lacking_a_row_the_other_lists_is_said_with_its_units(cli, tmp_path):
    """Two districts' wide sheets without a set; the second's template lost row 1.2, so
    its three units are scored on 6 points, not 10: said at its sheet, with all three."""
    from openpyxl import Workbook

    def wide(path, rows, units):
        book = Workbook()
        book.active.title = "Tổng hợp"
        book.active.append(["STT", "Tiêu chí", "Điểm chuẩn", *units])
        for code, maximum in rows:
            book.active.append([code, f"Tiêu chí {code}", maximum, *[maximum - 1] * len(units)])
        book.save(path)

    first, second = tmp_path / "huyen-a.xlsx", tmp_path / "huyen-b.xlsx"
    wide(first, [("1.1", 6), ("1.2", 4)], ["Xã A1", "Xã A2"])
    wide(second, [("1.1", 6)], ["Xã B1", "Xã B2", "Xã B3"])
    run = cli("rank", first, second, lang="en")
    assert run.exit_code == 0
    assert run.stderr.splitlines() == [
        f"parcalc: warning: {second}, sheet 'Tổng hợp': no row for 1.2, which other units list (3 unit(s) lack rows): each unit is scored "
        "on the scale of its own rows; give --criteria to score every unit on one set"]
