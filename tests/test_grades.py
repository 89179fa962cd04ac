"""Grading scales as data: internal indexes grade Xuất sắc / Tốt / Khá / ... with their own
thresholds, worded "từ X điểm" (at_least) or "trên X điểm" (above); MoHA's A/B/C/D stay."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from openpyxl import Workbook

from parcalc import api
from parcalc.core.engine import group_of

D = Decimal
FIVE = """\
parcalc_criteria: 1
id: department-five-grades
title: Five grades
level: department
total: 100
grades:
  - {name: Xuất sắc, name_en: Excellent, above: 90}
  - {name: Tốt, name_en: Good, at_least: 80}
  - {name: Khá, at_least: 70}
  - {name: Trung bình, at_least: 50}
  - {name: Yếu, at_least: 0}
sources:
  - {id: test, title: parcalc test set}
nodes:
  - {code: "1", name: Một, max: 60, source: test}
  - {code: "2", name: Hai, max: 40, source: test}
"""


@pytest.fixture
def five(tmp_path):
    path = tmp_path / "five.yaml"
    path.write_text(FIVE, encoding="utf-8")
    return path


@pytest.mark.parametrize("index, grade", [("100", "Xuất sắc"), ("90.01", "Xuất sắc"), ("90", "Tốt"), ("80", "Tốt"),
                                          ("79.99", "Khá"), ("70", "Khá"), ("69.99", "Trung bình"), ("50", "Trung bình"),
                                          ("49.99", "Yếu"), ("0", "Yếu")])
def test_each_edge_of_a_five_grade_scale(five, index, grade):
    assert group_of(D(index), api.load_criteria(str(five)).grades) == grade


def test_national_sets_keep_mohas_groups():
    grades = api.load_criteria("province-2020").grades
    assert [(g.name, g.floor, g.inclusive) for g in grades] == [("A", 90, True), ("B", 80, True), ("C", 70, True), ("D", 0, True)]
    assert [group_of(D(x), grades) for x in ("90", "89.99", "80", "70", "69.99")] == ["A", "B", "B", "C", "D"]


def units_workbook(path):
    book = Workbook()
    book.active.append(["STT", "Điểm tối đa", "Sở A", "Sở B", "Sở C", "Sở D"])
    book.active.append(["1", 60, 60, 50, 45, 30])
    book.active.append(["2", 40, 30, 30, 25, 10])
    book.save(path)


def test_score_rank_and_whatif_use_the_sets_grades(cli, five, tmp_path):
    units_workbook(tmp_path / "units.xlsx")
    run = cli("rank", tmp_path / "units.xlsx", "--criteria", five, "-f", "json")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    # 90 (not above 90: Tốt), 80 (Tốt), 70 (Khá), 40 (Yếu)
    assert [(u["unit"], u["index"], u["group"]) for u in data["units"]] == [
        ("Sở A", 90, "Tốt"), ("Sở B", 80, "Tốt"), ("Sở C", 70, "Khá"), ("Sở D", 40, "Yếu")]
    assert data["groups"] == {"Xuất sắc": 0, "Tốt": 2, "Khá": 1, "Trung bình": 0, "Yếu": 1}
    book = Workbook()
    for row in (("STT", "Điểm chuẩn", "Điểm thẩm định"), ("1", 60, 55), ("2", 40, 30)):
        book.active.append(row)
    book.save(tmp_path / "one.xlsx")
    run = cli("score", tmp_path / "one.xlsx", "--criteria", five, "-f", "json")
    assert json.loads(run.stdout)["group"] == "Tốt"  # 85
    run = cli("whatif", tmp_path / "one.xlsx", "--criteria", five, "--target-grade", "xuất sắc", "-f", "json")
    assert run.exit_code == 0, run.output
    plan = json.loads(run.stdout)["plan"]
    # above 90 means 90,01 at least: recovering 2 (10 points) gives 95, recovering 1 (5) only 90
    assert (plan["target_index"], plan["reached"], plan["index"], plan["group"]) == (90.01, True, 95, "Xuất sắc")


def test_an_unknown_target_grade_names_the_sets_grades(cli, five, tmp_path):
    units_workbook(tmp_path / "units.xlsx")
    book = Workbook()
    for row in (("STT", "Điểm chuẩn", "Điểm thẩm định"), ("1", 60, 55), ("2", 40, 30)):
        book.active.append(row)
    book.save(tmp_path / "one.xlsx")
    run = cli("whatif", tmp_path / "one.xlsx", "--criteria", five, "--target-grade", "A")
    assert run.exit_code == 2
    assert run.stderr == ("parcalc: lỗi: --target-grade: «A» không phải là một mức xếp loại của bộ tiêu chí department-five-grades: "
                          "các mức là Xuất sắc, Tốt, Khá, Trung bình, Yếu\n")
    run = cli("whatif", tmp_path / "one.xlsx", "--criteria", five, "--target-grade", "A", lang="en")
    assert run.stderr == ("parcalc: error: --target-grade: 'A' is not a grade of set department-five-grades: its grades are "
                          "Xuất sắc, Tốt, Khá, Trung bình, Yếu\n")


@pytest.mark.parametrize("grades, line, message", [
    ("  - {name: A, at_least: 80}\n  - {name: B, at_least: 90}\n  - {name: C, at_least: 0}\n", 8,
     "xếp loại «B» bắt đầu từ 90, không thấp hơn xếp loại «A»: hãy liệt kê các xếp loại từ cao xuống thấp"),
    ("  - {name: A, at_least: 80}\n  - {name: A, at_least: 0}\n", 8, "xếp loại «A» bị đặt tên hai lần; mỗi tên chỉ dùng một lần"),
    ("  - {name: A, at_least: 80}\n  - {name: B, at_least: 50}\n", 8,
     "xếp loại cuối cùng («B») phải bắt đầu từ 0 (at_least: 0) để chỉ số nào cũng có xếp loại"),
    ("  - {name: A, at_least: 80, above: 80}\n  - {name: B, at_least: 0}\n", 7,
     "xếp loại «A»: hãy ghi một trong hai: at_least (từ ... điểm) hoặc above (trên ... điểm)"),
    ("  - {name: A, at_least: 90}\n  - {name: B, above: 90}\n  - {name: C, at_least: 0}\n", 8,
     "xếp loại «B» bắt đầu từ 90, không thấp hơn xếp loại «A»: hãy liệt kê các xếp loại từ cao xuống thấp"),
])
def test_grades_are_checked_with_file_and_line(cli, tmp_path, grades, line, message):
    path = tmp_path / "bad.yaml"
    path.write_text("parcalc_criteria: 1\nid: x\ntitle: X\nlevel: custom\ntotal: 10\ngrades:\n" + grades
                    + "sources:\n  - {id: t, title: T}\nnodes:\n  - {code: \"1\", name: A, max: 10, source: t}\n", encoding="utf-8")
    run = cli("criteria", "check", path)
    assert run.exit_code == 2
    assert run.stderr == f"parcalc: lỗi: {path}:{line}: {message}\n"


def test_a_sets_own_grades_are_called_xep_loai_and_moha_groups_nhom(cli):
    from tests.conftest import EXAMPLES, LAM_DONG

    own = cli("score", EXAMPLES / "plans" / "binh-dinh-2021-values.xlsx", "--criteria", EXAMPLES / "plans" / "binh-dinh-2021-targets.yaml")
    assert "Chỉ số: 62,50 — Xếp loại Chưa đạt tất cả chỉ tiêu (thang điểm 16,00)" in own.stdout.splitlines()
    moha = cli("score", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--lang", "en")
    assert "Index: 83.93 — Group B" in moha.stdout.splitlines()
