"""Year over year: per unit and per node, largest drops first; changed sets matched by code."""

from __future__ import annotations

import json
from decimal import Decimal

from openpyxl import Workbook

from parcalc import api
from tests.conftest import EXAMPLES, GOOD, LAM_DONG, SMALL_SET

D = Decimal
SYNTHETIC = EXAMPLES / "synthetic-province-2020.xlsx"


def run_json(cli, *args):
    run = cli("compare", *args, "-f", "json")
    assert run.exit_code == 0, run.output
    return json.loads(run.stdout)


def test_one_unit_each_largest_drops_first(cli):
    data = run_json(cli, SYNTHETIC, LAM_DONG, "--criteria", "province-2020", "--assume-full")
    (unit,) = data["units"]
    assert (unit["old"]["index"], unit["new"]["index"], unit["index_delta"]) == (89.93, 83.93, -6.0)
    deltas = [node["delta"] for node in unit["nodes"]]
    assert deltas == sorted(deltas) and deltas[0] < 0
    first = unit["nodes"][0]
    assert D(str(first["new"])) - D(str(first["old"])) == D(str(first["delta"]))
    assert unit["only_old"] == [] and unit["only_new"] == []


def test_different_sets_are_matched_by_code(cli, tmp_path):
    # the old year read with the workbook's own tree (two fields, of 8.5 and 5 points),
    # the new one with the full 2020 set
    book = Workbook()
    book.active.append(["STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"])
    book.active.append(["1", "Công tác chỉ đạo, điều hành CCHC", 8.5, 8])
    book.active.append(["2", "Xây dựng và tổ chức thực hiện văn bản QPPL tại tỉnh", 5, 4])
    book.save(tmp_path / "old.xlsx")
    data = run_json(cli, tmp_path / "old.xlsx", SYNTHETIC, "--criteria-new", "province-2020")
    (unit,) = data["units"]
    assert unit["old"]["criteria"] == "workbook" and unit["new"]["criteria"] == "province-2020"
    in_set = [node.code for node in api.load_criteria("province-2020").walk()]
    assert unit["only_new"] == [code for code in in_set if code not in ("1", "2")] and unit["only_old"] == []
    assert unit["old"]["index"] == 88.89 and unit["new"]["index"] == 89.93  # 12 / 13.5 = 88.89 %


def wide_year(path, units, rows):
    """A wide sheet of the small set's codes: `rows` of (code, maximum, each unit's points)."""
    book = Workbook()
    book.active.append(["STT", "Điểm chuẩn", *units])
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


def test_units_in_one_year_only(cli, tmp_path):
    new = wide_year(tmp_path / "new.xlsx", ["Sở A", "Sở B", "Sở E"], [("1.1", 4, 4, 4, 2), ("1.2", 2, 2, 2, 2), ("2.1", 4, 1, 4, 4)])
    data = run_json(cli, GOOD / "units-wide.xlsx", new, "--criteria", SMALL_SET)
    assert [u["unit"] for u in data["units"]] == ["Sở A", "Sở B"]  # A dropped most
    a = data["units"][0]
    assert (a["index_delta"], a["rank_change"], a["nodes"][0]["code"], a["nodes"][0]["delta"]) == (-15, -1, "2", -2)
    assert data["units_only_old"] == ["Sở C", "Sở D"] and data["units_only_new"] == ["Sở E"]
    target = tmp_path / "c.csv"
    assert cli("compare", GOOD / "units-wide.xlsx", new, "--criteria", SMALL_SET, "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8-sig").splitlines()[-3:] == [  # the units of one year only, in CSV too
        "Sở C,,only_old,,,", "Sở D,,only_old,,,", "Sở E,,only_new,,,"]


def test_formats(cli, tmp_path):
    args = ("compare", GOOD / "units-wide.xlsx", GOOD / "units-long.xlsx", "--criteria", SMALL_SET)
    table = cli(*args)
    assert table.exit_code == 0 and "Sở B" in table.stdout and "giảm nhiều nhất trước" in table.stdout
    md = cli(*args, "-f", "md", "--lang", "en")
    assert md.exit_code == 0 and "### Sở A: largest drops first" in md.stdout
    target = tmp_path / "c.csv"
    assert cli(*args, "-f", "csv", "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8-sig").splitlines()[:2] == ["unit,code,name,old,new,delta", "Sở A,,index,85.00,85.00,0.00"]


def test_columns_and_unit_by_unit_compare_alike(tmp_path):
    """compare reads wide sheets column by column (UnitNodes); scoring each unit with the
    engine gives the same comparison, every node of every unit."""
    from parcalc.analysis.compare import compare
    from parcalc.analysis.ranking import rank_results
    from parcalc.write.compare import compare_csv, compare_data, compare_json, compare_markdown

    new = wide_year(tmp_path / "new.xlsx", ["Sở A", "Sở B", "Sở C"], [("1.1", 4, 3, 4, 2.5), ("1.2", 2, 2, 0.5, 2), ("2.1", 4, 1, 4, 4)])
    old = GOOD / "units-wide.xlsx"
    fast = api.compare_workbooks(old, new, SMALL_SET)
    assert {type(u.new.result).__name__ for u in fast.units} == {"UnitNodes"}
    each = compare(*(rank_results(api.score_units([path], SMALL_SET)) for path in (old, new)))
    assert compare_data(fast) == compare_data(each)
    for write in (compare_json, compare_csv, compare_markdown):  # byte for byte: 9.5 and 9.50 written alike
        assert write(fast, "vi") == write(each, "vi")
    assert [(d.code, d.delta) for d in fast.units[0].nodes][:2] == [(d.code, d.delta) for d in each.units[0].nodes][:2]


def test_what_reading_either_year_notices_is_said(cli, tmp_path):
    """The later year numbers its criteria afresh under Roman field numbers: compare
    reads it as rank does, and says so, naming that workbook."""
    new = wide_year(tmp_path / "new.xlsx", ["Sở A", "Sở B"],
                    [("I", 6, None, None), ("1", 4, 4, 3), ("2", 2, 2, 1), ("II", 4, None, None), ("1", 4, 1, 4)])
    run = cli("compare", GOOD / "units-wide.xlsx", new, "--criteria", SMALL_SET, "-f", "json", lang="en")
    assert run.exit_code == 0
    assert sorted((u["unit"], u["new"]["index"]) for u in json.loads(run.stdout)["units"]) == [("Sở A", 70), ("Sở B", 80)]
    assert run.stderr.splitlines() == [f"parcalc: warning: {new}, sheet 'Sheet', cell A3: numbering restarts inside each field "
                                       "(I > 1 > 1.1): read as codes inside the field (II > 1 is 2.1)"]


def test_compare_json_is_json_dumps_of_compare_data(tmp_path):
    """The fast writer's text, byte for byte what json.dumps(indent=2) writes of the same
    data: units in both years with nodes, codes of one year only, units of one year
    only, a name with quotes; and a comparison with no unit in both years."""
    from parcalc.write.compare import compare_data, compare_json

    new = wide_year(tmp_path / "new.xlsx", ["Sở A", 'Sở "B"', "Sở E"], [("1.1", 4, 3, 4, 2.5), ("1.2", 2, 2, 0.5, 2), ("2.1", 4, 1, 4, 4)])
    old = wide_year(tmp_path / "old.xlsx", ["Sở A", 'Sở "B"', "Sở C"], [("1.1", 4, 4, 4, 2), ("2.1", 4, 1.5, 4, 4), ("2.2", 2, 2, 1, 0)])
    comparison = api.compare_workbooks(old, new, None, SMALL_SET)  # the old year in its own tree: 2.2 is no code of the set
    data = compare_data(comparison)
    assert {u["unit"] for u in data["units"]} == {"Sở A", 'Sở "B"'} and data["units_only_old"] == ["Sở C"]
    assert data["units"][0]["only_old"] == ["2.2"] and "1.2" in data["units"][0]["only_new"] and data["units"][0]["nodes"]
    assert compare_json(comparison, "vi") == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    empty = api.compare_workbooks(old, wide_year(tmp_path / "other.xlsx", ["Sở X", "Sở Y"], [("1.1", 4, 3, 4), ("1.2", 2, 2, 2), ("2.1", 4, 1, 4)]),
                                  None, SMALL_SET)
    assert compare_json(empty, "vi") == json.dumps(compare_data(empty), ensure_ascii=False, indent=2) + "\n"


def test_each_unit_s_changes_carry_its_own_tree_s_names(tmp_path):
    """Without a set each unit's sheet names its nodes: two units with the same change at
    1.1, named their own way, each keep their own name."""
    def year(path, second):
        book = Workbook()
        book.remove(book.active)
        for unit, name in (("Xã A", "Tiêu chí một"), ("Xã B", "Tiêu chí 1 (sửa)")):
            sheet = book.create_sheet(unit)
            sheet.append(["STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"])
            sheet.append(["1", "Lĩnh vực 1", 6, None])
            sheet.append(["1.1", name, 4, 3 if second else 4])
            sheet.append(["1.2", "Tiêu chí hai", 2, 2])
        book.save(path)
        return path

    comparison = api.compare_workbooks(year(tmp_path / "old.xlsx", False), year(tmp_path / "new.xlsx", True))
    names = {u.unit: {d.code: (d.name, d.delta) for d in u.nodes} for u in comparison.units}
    assert names["Xã A"]["1.1"] == ("Tiêu chí một", -1) and names["Xã B"]["1.1"] == ("Tiêu chí 1 (sửa)", -1)
