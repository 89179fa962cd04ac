"""Workbooks shaped as offices really make them (tests/fixtures/field/, saved again by
LibreOffice): every figure below is worked out by hand from the rows the builder writes."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from parcalc import api
from tests.conftest import EXAMPLES, FIXTURES

D = Decimal
FIELD = FIXTURES / "field"


def score_json(cli, name, *options):
    run = cli("score", FIELD / name, "-f", "json", *options)
    assert run.exit_code == 0, run.output
    return json.loads(run.stdout), run.stderr


def test_roman_fields_without_points_and_numbering_restarting_in_each_field(cli):
    data, stderr = score_json(cli, "roman-fields.xlsx")
    # I: 2 + (1 + 0,5) of 4; II: 2,5 + 3 of 7; III: 2 of 2; IV: 2 of 3; V: 2,75 of 3
    assert [(f["code"], f["max"], f["points"]) for f in data["fields"]] == [
        ("1", 4, 3.5), ("2", 7, 5.5), ("3", 2, 2), ("4", 3, 2), ("5", 3, 2.75)]
    assert data["total"] == {"max": 19, "points": 15.75, "lost": 3.25}
    assert (data["index"], data["group"]) == (82.89, "B")  # 15,75 / 19 = 82,894...
    codes = [node["code"] for node in data["nodes"]]
    assert codes[:5] == ["1", "1.1", "1.2", "1.2.1", "1.2.2"] and "2.1" in codes and "5.1" in codes
    assert data["source"]["columns"] == {"max": "C «ĐIỂM / Tối đa»", "points": "E «ĐIỂM / Thẩm định»", "self_score": "D «ĐIỂM / Tự chấm»"}
    node = next(n for n in data["nodes"] if n["code"] == "1.2.2")
    assert (node["points"], node["self_score"]) == (0.5, 1)
    assert stderr == (f"parcalc: cảnh báo: {FIELD / 'roman-fields.xlsx'}, trang tính «Chấm điểm», ô A9: số thứ tự được đánh lại "
                      "trong từng lĩnh vực (I > 1 > 1.1): đọc thành mã nằm trong lĩnh vực (II > 1 là 2.1)\n")


def test_the_scale_is_shown_where_the_index_is_when_it_is_not_100(cli):
    run = cli("score", FIELD / "roman-fields.xlsx", "--lang", "en")
    assert "Index: 82.89 — Group B (on a scale of 19.00)" in run.stdout
    run = cli("score", FIELD / "roman-fields.xlsx", "-f", "md")
    assert "Chỉ số: 82,89 — Nhóm B (thang điểm 19,00)" in run.stdout


def test_total_row_numbered_like_a_field_bonus_penalty_and_points_with_units(cli):
    data, stderr = score_json(cli, "numbered-total.xlsx")
    assert [n["code"] for n in data["nodes"]] == ["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "4"]  # "5 Tổng điểm" is no field
    assert [(n["code"], n["kind"], n["points"]) for n in data["nodes"] if n["level"] == 1] == [
        ("1", "mixed", 8.5), ("2", "mixed", 9.25), ("3", "bonus", 1), ("4", "penalty", 1.5)]
    # scale 10 + 10; 8,5 + (5 + 4,25) + bonus 1 - penalty 1,5 = 17,25, as the total row says
    assert data["total"] == {"max": 20, "points": 17.25, "lost": 2.75}
    assert data["index"] == 86.25 and stderr == ""


def test_a_total_row_that_disagrees_is_a_warning_with_its_cell(cli, tmp_path):
    book = Workbook()
    for row in (("STT", "Nội dung", "Điểm chuẩn", "Điểm thẩm định"), ("1", "Một", 6, 5), ("2", "Hai", 4, 3.5),
                (None, "Tổng cộng", 10, 9)):
        book.active.append(row)
    book.save(tmp_path / "total.xlsx")
    run = cli("score", tmp_path / "total.xlsx", "--lang", "en", "-f", "json")
    assert run.exit_code == 0 and json.loads(run.stdout)["total"]["points"] == 8.5
    assert run.stderr == (f"parcalc: warning: {tmp_path / 'total.xlsx'}, sheet 'Sheet', cell D4: "
                          "the total row says 9.00 points, but the fields add up to 8.50\n")


def test_diem_dat_over_self_and_appraised_on_the_second_sheet(cli):
    data, stderr = score_json(cli, "diem-dat-cover.xlsx")
    assert data["source"]["sheet"] == "Chấm điểm"
    assert data["source"]["columns"]["points"] == "E «ĐIỂM ĐẠT / Thẩm định»"
    assert [(n["code"], n["points"], n["self_score"]) for n in data["nodes"]] == [
        ("1", 5.5, None), ("1.1", 3.5, 4), ("1.2", 2, 2), ("2", 3, 4)]
    assert (data["total"]["points"], data["index"]) == (8.5, 85)
    assert stderr == (f"parcalc: cảnh báo: {FIELD / 'diem-dat-cover.xlsx'}: trang tính đầu tiên «Bìa» không có bảng "
                      "chấm điểm: đã đọc trang tính «Chấm điểm»\n")


def test_a_workbook_with_two_table_sheets_is_refused_naming_them(cli, tmp_path):
    book = Workbook()
    book.active.title = "Bìa"
    for name in ("Năm 2024", "Năm 2025"):
        sheet = book.create_sheet(name)
        sheet.append(("STT", "Điểm chuẩn", "Điểm thẩm định"))
        sheet.append(("1", 10, 9))
    book.save(tmp_path / "two.xlsx")
    run = cli("score", tmp_path / "two.xlsx")
    assert run.exit_code == 2
    assert run.stderr == (f"parcalc: lỗi: {tmp_path / 'two.xlsx'}, trang tính «Bìa»: trang tính trống, không có bảng chấm điểm; "
                          "có phải cần chọn --sheet 'Năm 2024' hoặc --sheet 'Năm 2025'?\n")


def test_not_applicable_marks_are_refused_until_the_reading_is_said(cli):
    run = cli("score", FIELD / "not-applicable.xlsx")
    place = f"{FIELD / 'not-applicable.xlsx'}, trang tính «Chấm điểm», ô"
    readings = ("cho biết cách tính: --na full (tính đủ điểm) hoặc --na exclude (không tính vào thang điểm; "
                "chỉ số tính trên phần điểm còn lại), hoặc ghi điểm của nó")
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [f"parcalc: lỗi: {place} D9: 1.2 ghi «-» (không áp dụng): {readings}",
                                       f"parcalc: lỗi: {place} D11: 2.1 ghi «KAD» (không áp dụng): {readings}"]


def test_a_blank_cell_names_both_readings(cli):
    run = cli("score", FIELD / "not-applicable.xlsx", "--na", "full")
    assert run.exit_code == 2
    assert run.stderr == (f"parcalc: lỗi: {FIELD / 'not-applicable.xlsx'}, trang tính «Chấm điểm», ô D12: chưa có điểm của 2.2: "
                          "ghi điểm vào bảng tính (hoặc điểm của tiêu chí cấp trên), hoặc cho biết cách đọc ô trống hay dòng "
                          "thiếu: --blank zero (không đạt, 0 điểm) hoặc --blank full / --assume-full (tính đủ điểm)\n")
    for option, lang, line in ((("--blank", "full"), "", "Tính đủ điểm (--assume-full hoặc --blank full): 2.2"),
                               (("--assume-full",), "en", "Counted at full points (--assume-full or --blank full): 2.2")):
        run = cli("score", FIELD / "not-applicable.xlsx", "--na", "full", *option, lang=lang)
        assert run.exit_code == 0 and line in run.stdout.splitlines()  # the option the user gave among those named


@pytest.mark.parametrize("options, scale, points, index", [
    (("--na", "full", "--blank", "zero"), 10, 8, 80),     # 3 + 2 (1.2 full) + 3 (2.1 full) + 0
    (("--na", "full", "--blank", "full"), 10, 9, 90),     # 3 + 2 + 3 + 1
    (("--na", "exclude", "--blank", "zero"), 5, 3, 60),   # scale 10 - 2 - 3; 3 + 0
    (("--na", "exclude", "--assume-full"), 5, 4, 80),     # 3 + 1
])
def test_each_reading_of_marks_and_blanks(cli, options, scale, points, index):
    data, stderr = score_json(cli, "not-applicable.xlsx", *options)
    assert (data["total"]["max"], data["total"]["points"], data["index"]) == (scale, points, index)
    assert "không áp dụng" in stderr


def test_rates_are_not_points(cli):
    run = cli("score", FIELD / "rates.xlsx")
    place = f"{FIELD / 'rates.xlsx'}, trang tính «Chấm điểm», ô"
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"parcalc: lỗi: {place} D8: 1.1: «91,67%» là tỷ lệ, không phải điểm: hãy ghi số điểm mà tỷ lệ này đạt được "
        "(hoặc ghi tỷ lệ vào cột giá trị có quy tắc tính điểm)",
        f"parcalc: lỗi: {place} D9: 1.2: được định dạng phần trăm (85,00 %): là tỷ lệ, không phải điểm; "
        "nếu ô chứa điểm, hãy định dạng ô là số",
    ]


def test_excel_turning_1_10_into_1_1_is_explained(cli):
    run = cli("score", FIELD / "excel-codes.xlsx")
    assert run.exit_code == 2
    assert run.stderr == excel_1_10(f"{FIELD / 'excel-codes.xlsx'}, trang tính «Chấm điểm», ô", "A17", "A8")


def excel_1_10(place: str, second: str, first: str) -> str:
    return (f"parcalc: lỗi: {place} {second}: mã 1.1 xuất hiện hai lần (lần đầu tại {place} {first}); mỗi mã chỉ giữ một dòng; "
            "ô mã đang chứa số 1.1: Excel đổi mã gõ là 1.10 thành 1.1, vì vậy hãy định dạng cột mã là văn bản (Text) "
            "và gõ lại các mã\n")


def test_hidden_rows_and_a_second_table_do_not_disturb_the_reading(cli):
    data, stderr = score_json(cli, "second-table-hidden.xlsx")
    assert [(n["code"], n["points"]) for n in data["nodes"]] == [("1", 5), ("2", 4)]
    assert data["index"] == 90
    place = f"{FIELD / 'second-table-hidden.xlsx'}, trang tính «Chấm điểm», ô"
    assert stderr.splitlines() == [
        f"parcalc: cảnh báo: {place} A13: từ dòng 13 là một bảng khác (có dòng tiêu đề riêng): không đọc phần này",
        f"parcalc: cảnh báo: {place} A8: các dòng ẩn 8 không được đọc (bỏ ẩn nếu đó là tiêu chí)",
    ]


@pytest.mark.parametrize("text, value", [("4 điểm", "4"), ("6,5 đ", "6.5"), ("\u00a05 ", "5"), ("1.48", "1.48"),
                                         ("0,996", "0.996"), ("2 Điểm", "2"), ("3 pts", "3"), ("-", None), ("", None)])
def test_points_as_people_type_them(text, value):
    from parcalc.read.cells import parse_points_text

    assert parse_points_text(text) == (None if value is None else D(value))


@pytest.mark.parametrize("text", ["1 2", "0_5", "1e3", "1,000.5", "1,2,3", "abc", "nan", "inf", "4 điểm 5", "12,5%"])
def test_number_text_that_is_not_one_number(text):
    from parcalc.read.cells import parse_points_text

    with pytest.raises(ValueError):
        parse_points_text(text)


# ---- any style of writing one tree reads back to the same scores ----

TREES = st.lists(  # fields, each a list of (maximum, points) of its criteria
    st.lists(st.tuples(st.integers(1, 8), st.integers(0, 8)).map(lambda mp: (D(mp[0]), D(min(mp)) / 2)), min_size=1, max_size=3),
    min_size=1, max_size=5)
ROMAN = ["I", "II", "III", "IV", "V"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=TREES, roman=st.booleans(), nested=st.booleans(), blank_parents=st.booleans(), dots=st.booleans(),
       total_row=st.booleans(), two_rows=st.booleans(), numbers_as_text=st.booleans())
def test_any_style_reads_back_to_the_same_scores(tmp_path_factory, tree, roman, nested, blank_parents, dots, total_row, two_rows, numbers_as_text):
    expected_max = sum((m for field in tree for m, _ in field), D(0))
    expected_points = sum((p for field in tree for _, p in field), D(0))
    book = Workbook()
    sheet = book.active
    sheet.append(["BẢNG ĐIỂM"])
    if two_rows:
        sheet.append(["STT", "Nội dung", "Điểm", None])
        sheet.append([None, None, "Tối đa", "Thẩm định"])
        sheet.merge_cells("C2:D2")
    else:
        sheet.append(["STT", "Nội dung", "Điểm tối đa", "Điểm thẩm định"])
    dot = "." if dots else ""

    def number(value):
        return str(value).replace(".", ",") if numbers_as_text else float(value)

    for f, field in enumerate(tree, start=1):
        field_code = ROMAN[f - 1] if roman else f"{f}{dot}"
        field_max = sum((m for m, _ in field), D(0))
        field_points = sum((p for _, p in field), D(0))
        sheet.append([field_code, f"Lĩnh vực {f}", None if blank_parents else number(field_max),
                      None if blank_parents else number(field_points)])
        for c, (maximum, points) in enumerate(field, start=1):
            code = f"{c}{dot}" if roman and nested else f"{f}.{c}{dot}"
            sheet.append([code, f"Tiêu chí {f}.{c}", number(maximum), number(points)])
    if total_row:
        sheet.append([None, "Tổng cộng", number(expected_max), number(expected_points)])
    sheet.append([])
    sheet.append([None, None, "NGƯỜI LẬP BIỂU"])
    path = tmp_path_factory.mktemp("style") / "unit.xlsx"
    book.save(path)
    result = api.score_workbook(path)
    assert (result.total_max, result.total_points) == (expected_max, expected_points)
    assert [f.points for f in result.fields] == [sum((p for _, p in field), D(0)) for field in tree]
    assert not any(finding.key.startswith("stated") for finding in result.findings)


# ---- many units ----

def test_wide_sheet_with_blank_field_rows_ranks_by_field(cli):
    run = cli("rank", FIELD / "departments-wide.xlsx", "-f", "json")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    # Tư pháp: (4 + 2)/6, 3/4, penalty 0 -> 9; Y tế: (3 + 1)/6, 4/4, penalty 1 -> 7; Nội vụ: 3,5/6, 2/4, penalty 0,5 -> 5
    assert [(u["unit"], u["total"], u["index"], u["group"], u["fields"]["1"], u["fields"]["2"]) for u in data["units"]] == [
        ("Sở Tư pháp", 9, 90, "A", 100, 75), ("Sở Y tế", 7, 70, "C", 66.67, 100), ("Sở Nội vụ", 5, 50, "D", 58.33, 50)]
    assert list(data["units"][0]["fields"]) == ["1", "2"]  # per field of the scale: not per sub-criterion, no penalty
    assert run.stderr == (f"parcalc: cảnh báo: {FIELD / 'departments-wide.xlsx'}, trang tính «Tổng hợp», ô A8: số thứ tự được "
                          "đánh lại trong từng lĩnh vực (I > 1 > 1.1): đọc thành mã nằm trong lĩnh vực (II > 1 là 2.1)\n")


def test_unit_names_are_compared_after_nfc(cli, tmp_path):
    import unicodedata

    for name, unit in (("a.xlsx", "Sở Y tế"), ("b.xlsx", unicodedata.normalize("NFD", "Sở Y tế"))):
        book = Workbook()
        book.active.append(["STT", "Điểm tối đa", unit])
        book.active.append(["1", 10, 8])
        book.save(tmp_path / name)
    run = cli("rank", tmp_path / "a.xlsx", tmp_path / "b.xlsx")
    assert run.exit_code == 2
    assert run.stderr == f"parcalc: lỗi: {tmp_path / 'b.xlsx'}: tên đơn vị «Sở Y tế» bị trùng (cũng có trong {tmp_path / 'a.xlsx'}): mỗi đơn vị cần một tên riêng\n"
    run = cli("rank", tmp_path / "a.xlsx", tmp_path / "b.xlsx", lang="en")
    assert run.stderr == f"parcalc: error: {tmp_path / 'b.xlsx'}: unit 'Sở Y tế' is named twice (also in {tmp_path / 'a.xlsx'}); give each unit its own name\n"
    run = cli("compare", tmp_path / "a.xlsx", tmp_path / "b.xlsx", "-f", "json")
    assert run.exit_code == 0 and [u["unit"] for u in json.loads(run.stdout)["units"]] == ["Sở Y tế"]


def test_excel_lock_files_are_skipped_with_a_note(cli, tmp_path):
    lock = tmp_path / "~$departments-wide.xlsx"
    lock.write_bytes(b"\x0bNguyen Van A" + b"\x00" * 150)  # what Excel leaves beside an open workbook
    run = cli("rank", FIELD / "departments-wide.xlsx", lock, "-f", "csv")
    assert run.exit_code == 0 and run.stdout.count("\n") == 4
    assert run.stderr.splitlines()[0] == f"parcalc: lưu ý: {lock}: tệp khóa của Excel/LibreOffice (bảng tính đang mở), không phải bảng tính: bỏ qua"


def test_the_messy_department_example(cli):
    run = cli("score", EXAMPLES / "field" / "so-tu-phap-2025.xlsx", "-f", "json")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    # fields: 2 + 1 + 0,5 + 1; 2,5 + 2; 3 + 3,25 + 1,5; 2 + 2; 2,75 + 2 (of 5, 5, 9, 5, 6)
    assert [(f["code"], f["max"], f["points"]) for f in data["fields"]][:5] == [
        ("1", 5, 4.5), ("2", 5, 4.5), ("3", 9, 7.75), ("4", 5, 4), ("5", 6, 4.75)]
    # 25,5 of 30, plus bonus 1, less penalty 0,5 = 26, as its TỔNG CỘNG row says
    assert (data["total"]["max"], data["total"]["points"], data["index"], data["group"]) == (30, 26, 86.67, "B")
    assert [w["kind"] for w in data["warnings"]] == ["other_sheet", "nested_codes"]


def test_long_layout_reads_roman_fields_nested_numbering_and_totals(cli, tmp_path):
    book = Workbook()
    book.active.append(["Đơn vị", "STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"])
    for unit, a, b, penalty in (("UBND xã An Bình", 3, 1.5, -1), ("UBND xã Tân Lập", 2, 2, 0)):
        book.active.append([unit, "I", "Chỉ đạo điều hành", None, None])
        book.active.append([unit, "1", "Kế hoạch", 4, a])
        book.active.append([unit, "II", "Thủ tục hành chính", None, None])
        book.active.append([unit, "1", "Công khai", 2, b])
        book.active.append([unit, "III", "Điểm trừ", 2, penalty])
        book.active.append([unit, None, "Tổng cộng", 6, a + b + penalty])
    book.save(tmp_path / "long.xlsx")
    run = cli("rank", tmp_path / "long.xlsx", "-f", "json")
    assert run.exit_code == 0, run.output
    units = json.loads(run.stdout)["units"]
    # An Bình: 3 + 1,5 - 1 = 3,5 of 6; Tân Lập: 2 + 2 - 0 = 4 of 6
    assert [(u["unit"], u["total"], u["index"], u["fields"]["1"], u["fields"]["2"]) for u in units] == [
        ("UBND xã Tân Lập", 4, 66.67, 50, 100), ("UBND xã An Bình", 3.5, 58.33, 75, 75)]


def test_a_wide_sheet_explains_1_10_become_1_1(cli, tmp_path):
    book = Workbook()
    book.active.append(["STT", "Điểm tối đa", "Sở A", "Sở B"])
    for code in (1.1, 1.10):
        book.active.append([code, 1, 1, 1])
    book.save(tmp_path / "wide.xlsx")
    run = cli("rank", tmp_path / "wide.xlsx")
    assert run.exit_code == 2
    assert run.stderr == excel_1_10(f"{tmp_path / 'wide.xlsx'}, trang tính «Sheet», ô", "A3", "A2")


def test_remediation_of_roman_fields_keeps_the_field_rows(cli):
    run = cli("remediation", FIELD / "roman-fields.xlsx", "--year", "2025", "-f", "json")
    assert run.exit_code == 0, run.output
    rows = [(row["code"], row["lost"]) for row in json.loads(run.stdout)["rows"]]
    # every node that lost points, fields included: I lost 0,5 (in 1.2.2), II 0,5 + 1, IV 1, V 0,25
    assert rows == [("1", 0.5), ("1.2", 0.5), ("1.2.2", 0.5), ("2", 1.5), ("2.1", 0.5), ("2.2", 1),
                    ("4", 1), ("4.1", 1), ("5", 0.25), ("5.1", 0.25)]


def test_a_lock_file_given_alone_is_named_as_one(cli, tmp_path):
    lock = tmp_path / "~$so-tu-phap.xlsx"
    lock.write_bytes(b"\x0bNguyen Van A" + b"\x00" * 150)
    run = cli("score", lock)
    assert run.exit_code == 2
    assert run.stderr == f"parcalc: lỗi: {lock}: là tệp khóa Excel tạo bên cạnh bảng tính đang mở, không phải bảng tính: hãy dùng so-tu-phap.xlsx\n"


def units_under_a_merged_heading(path):
    """"Điểm thẩm định" merged over the units' names in the row below."""
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định", None, None])
    sheet.append([None, None, None, "Phòng Nội vụ", "Phòng Tư pháp", "Văn phòng"])
    sheet.merge_cells("D1:F1")
    for row in (("1", "Chỉ đạo", 10, 10, 9, 6.75), ("2", "Thủ tục", 10, 8, 9.5, 10)):
        sheet.append(list(row))
    book.save(path)


def test_units_under_a_merged_points_heading_are_ranked_and_not_scored_as_one(cli, tmp_path):
    units_under_a_merged_heading(tmp_path / "merged.xlsx")
    run = cli("rank", tmp_path / "merged.xlsx", "-f", "json")
    assert run.exit_code == 0, run.output
    # Nội vụ 10 + 8, Tư pháp 9 + 9,5, Văn phòng 6,75 + 10 (of 20)
    assert [(u["unit"], u["total"], u["index"]) for u in json.loads(run.stdout)["units"]] == [
        ("Phòng Tư pháp", 18.5, 92.5), ("Phòng Nội vụ", 18, 90), ("Văn phòng", 16.75, 83.75)]
    run = cli("score", tmp_path / "merged.xlsx")
    assert run.exit_code == 2
    assert run.stderr == (f"parcalc: lỗi: {tmp_path / 'merged.xlsx'}, trang tính «Sheet», dòng 1: tiêu đề cột điểm trải trên nhiều "
                          "cột (D2 «Phòng Nội vụ», E2 «Phòng Tư pháp», F2 «Văn phòng»): trang tính có mỗi đơn vị một cột thì xếp "
                          "hạng bằng `parcalc rank`, lệnh này đọc mọi đơn vị\n")


def test_rank_reads_a_single_unit_workbook_in_the_messy_style(cli):
    run = cli("rank", EXAMPLES / "field" / "so-tu-phap-2025.xlsx", "-f", "json")
    assert run.exit_code == 0, run.output
    (unit,) = json.loads(run.stdout)["units"]
    # as `score` gives it; field sub-indexes 4,5/5, 4,5/5, 7,75/9, 4/5, 4,75/6, no bonus or penalty column
    assert (unit["unit"], unit["total"], unit["index"]) == ("so-tu-phap-2025", 26, 86.67)
    assert unit["fields"] == {"1": 90, "2": 90, "3": 86.11, "4": 80, "5": 79.17}
    assert run.stderr.splitlines()[0] == (f"parcalc: cảnh báo: {EXAMPLES / 'field' / 'so-tu-phap-2025.xlsx'}: các trang tính "
                                          "«Bìa» không có bảng chấm điểm: bỏ qua")


def test_index_rank_and_grade_rows_are_not_totals(cli, tmp_path):
    book = Workbook()
    for row in (("STT", "Nội dung", "Điểm tối đa", "Điểm đạt"), ("1", "Một", 12, 10), ("2", "Hai", 8, 7),
                (None, "Tổng điểm", 20, 17), (None, "Chỉ số CCHC (%)", None, 85), (None, "Xếp hạng", None, 3),
                ("", "Xếp loại", None, "Tốt")):
        book.active.append(row)
    book.save(tmp_path / "summary.xlsx")
    run = cli("score", tmp_path / "summary.xlsx", "-f", "json")
    assert run.exit_code == 0 and run.stderr == ""  # 17 of 20 = 85 %, as the rows below say
    assert json.loads(run.stdout)["index"] == 85


def test_bonus_and_penalty_rows_without_a_ceiling(cli, tmp_path):
    book = Workbook()
    for row in (("STT", "Nội dung", "Điểm tối đa", "Điểm đạt"), ("I", "Một", 20, 18), ("II", "Hai", 10, 8),
                ("III", "Điểm thưởng", None, 2), ("IV", "Điểm trừ", None, -1)):
        book.active.append(row)
    book.save(tmp_path / "extras.xlsx")
    run = cli("score", tmp_path / "extras.xlsx", "-f", "json")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert (data["total"]["max"], data["total"]["points"], data["index"]) == (30, 27, 90)  # 26 + 2 - 1 of 30


def test_not_applicable_marks_in_a_wide_sheet(cli, tmp_path):
    book = Workbook()
    for row in (("STT", "Điểm tối đa", "Xã A", "Xã B", "Xã C"), ("1", 6, 5, "KAD", 4), ("2", 4, 4, 3, "-")):
        book.active.append(row)
    book.save(tmp_path / "na.xlsx")
    run = cli("rank", tmp_path / "na.xlsx")
    assert run.exit_code == 2 and len(run.stderr.splitlines()) == 2
    assert f"{tmp_path / 'na.xlsx'}, trang tính «Sheet», ô D2: đơn vị «Xã B»: 1 ghi «KAD» (không áp dụng)" in run.stderr
    assert f"{tmp_path / 'na.xlsx'}, trang tính «Sheet», ô E3: đơn vị «Xã C»: 2 ghi «-» (không áp dụng)" in run.stderr
    english = cli("rank", tmp_path / "na.xlsx", lang="en").stderr
    assert f"{tmp_path / 'na.xlsx'}, sheet 'Sheet', cell D2: unit 'Xã B': 1 is marked 'KAD' (không áp dụng)" in english

    def ranked(*options):
        run = cli("rank", tmp_path / "na.xlsx", *options, "-f", "json")
        assert run.exit_code == 0, run.output
        return [(u["unit"], u["total"], u["index"]) for u in json.loads(run.stdout)["units"]]

    # full: B 6 + 3, C 4 + 4 (of 10); exclude: B 3 of 4, C 4 of 6
    assert ranked("--na", "full") == [("Xã A", 9, 90), ("Xã B", 9, 90), ("Xã C", 8, 80)]
    assert ranked("--na", "exclude") == [("Xã A", 9, 90), ("Xã B", 3, 75), ("Xã C", 4, 66.67)]
    # how the marks were read, said once for the ranking, as score says it of its unit
    assert cli("rank", tmp_path / "na.xlsx", "--na", "full").stderr == (
        f"parcalc: cảnh báo: {tmp_path / 'na.xlsx'}, trang tính «Sheet», ô D2: 2 đơn vị có ô ghi «không áp dụng», tính đủ điểm "
        "(--na full): đơn vị đầu tiên là «Xã B» (1)\n")
    assert cli("rank", tmp_path / "na.xlsx", "--na", "exclude", lang="en").stderr == (
        f"parcalc: warning: {tmp_path / 'na.xlsx'}, sheet 'Sheet', cell D2: 2 unit(s) have cells marked «not applicable», left out "
        "of their scale (--na exclude): the first is «Xã B» (1)\n")


def test_blank_cells_counted_as_zero_are_said_once_for_the_ranking(cli, tmp_path):
    """rank --blank zero says how many units had blank points cells counted as 0, and the
    first one's codes, as score says it of its unit: units scored by columns (a wide
    sheet's; one-unit files scored together) and a unit scored alone (it has a mark)."""
    book = Workbook()
    for row in (("STT", "Tiêu chí", "Điểm tối đa", "Xã A", "Xã B", "Xã C"), ("1", "Chỉ đạo", 10), ("1.1", "Kế hoạch", 4, 4, 3, 2.5),
                ("1.2", "Báo cáo", 6), ("2", "Thủ tục", 5), ("2.1", "Công khai", 5, 5, 4, 5)):
        book.active.append(row)
    book.save(tmp_path / "wide.xlsx")
    run = cli("rank", tmp_path / "wide.xlsx", "--blank", "zero", "-f", "json")
    assert [(u["unit"], u["total"]) for u in json.loads(run.stdout)["units"]] == [("Xã A", 9), ("Xã C", 7.5), ("Xã B", 7)]  # 1.2 counts 0
    assert run.stderr == (f"parcalc: cảnh báo: {tmp_path / 'wide.xlsx'}, trang tính «Sheet», ô D4: 3 đơn vị có ô điểm để trống, "
                          "tính 0 điểm (--blank zero): đơn vị đầu tiên là «Xã A» (1.2)\n")
    files = {"Xã A": (4, None, 5), "Xã B": (3, None, 4), "Xã C": (4, 6, 5), "Xã D": (2, None, "-")}
    for unit, (first, second, third) in files.items():
        book = Workbook()
        for row in (("STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"), ("1", "Chỉ đạo", 10), ("1.1", "Kế hoạch", 4, first),
                    ("1.2", "Báo cáo", 6, second), ("2", "Thủ tục", 5), ("2.1", "Công khai", 5, third)):
            book.active.append(row)
        book.save(tmp_path / f"{unit}.xlsx")
    run = cli("rank", *(tmp_path / f"{unit}.xlsx" for unit in ("Xã A", "Xã B", "Xã C")), "--blank", "zero", "-f", "json")  # by columns
    assert [(u["unit"], u["total"]) for u in json.loads(run.stdout)["units"]] == [("Xã C", 15), ("Xã A", 9), ("Xã B", 7)]
    assert run.stderr == (f"parcalc: cảnh báo: {tmp_path / 'Xã A.xlsx'}, trang tính «Sheet», ô D4: 2 đơn vị có ô điểm để trống, "
                          "tính 0 điểm (--blank zero): đơn vị đầu tiên là «Xã A» (1.2)\n")
    # with Xã D's mark every unit is scored alone
    run = cli("rank", *(tmp_path / f"{unit}.xlsx" for unit in files), "--blank", "zero", "--na", "full", "-f", "json", lang="en")
    # A 4 + 0 + 5, B 3 + 0 + 4, C 15, D 2 + 0 + 5 (2.1 marked, counted full) of 15
    assert [(u["unit"], u["total"]) for u in json.loads(run.stdout)["units"]] == [("Xã C", 15), ("Xã A", 9), ("Xã B", 7), ("Xã D", 7)]
    assert run.stderr == (
        f"parcalc: warning: {tmp_path / 'Xã A.xlsx'}, sheet 'Sheet', cell D4: 3 unit(s) have blank points cells counted as 0 (--blank zero): "
        "the first is «Xã A» (1.2)\n"
        f"parcalc: warning: {tmp_path / 'Xã D.xlsx'}, sheet 'Sheet', cell D6: 1 unit(s) have cells marked «not applicable», counted at full "
        "points (--na full): the first is «Xã D» (2.1)\n")


def test_parts_counted_at_full_points_are_said_once_for_the_ranking(cli, tmp_path):
    """rank --assume-full says how many units had parts counted at full points, and the
    first one's, as score shows it in its result: units scored by columns (a wide
    sheet's; one-unit files scored together, in two groups) and units scored alone (one
    has a mark). 1 is 10 points of which its rows list 4: 1* is the other 6."""
    book = Workbook()
    for row in (("STT", "Tiêu chí", "Điểm tối đa", "Xã A", "Xã B", "Xã C"), ("1", "Chỉ đạo", 10), ("1.1", "Kế hoạch", 4, 4, 3, 2.5),
                ("2", "Thủ tục", 5), ("2.1", "Công khai", 5, 5, 4, 5)):
        book.active.append(row)
    book.save(tmp_path / "wide.xlsx")
    run = cli("rank", tmp_path / "wide.xlsx", "--assume-full", "-f", "json")
    # A 4 + 6 + 5, B 3 + 6 + 4, C 2.5 + 6 + 5 of 15
    assert [(u["unit"], u["total"]) for u in json.loads(run.stdout)["units"]] == [("Xã A", 15), ("Xã C", 13.5), ("Xã B", 13)]
    assert run.stderr == (f"parcalc: cảnh báo: {tmp_path / 'wide.xlsx'}: 3 đơn vị có phần tính đủ điểm (--assume-full hoặc --blank full): "
                          "đơn vị đầu tiên là «Xã A» (1*)\n")
    files = {"Xã A": (4, None), "Xã B": (3, None), "Xã C": (2, 4), "Xã D": (2, "-")}
    for unit, (first, second) in files.items():
        book = Workbook()
        for row in (("STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"), ("1", "Chỉ đạo", 10), ("1.1", "Kế hoạch", 4, first),
                    ("2", "Thủ tục", 5), ("2.1", "Công khai", 5, second)):
            book.active.append(row)
        book.save(tmp_path / f"{unit}.xlsx")
    run = cli("rank", *(tmp_path / f"{unit}.xlsx" for unit in ("Xã A", "Xã B", "Xã C")), "--assume-full", "-f", "json")  # by columns
    # A 4 + 6 + 5 and B 3 + 6 + 5 (2.1 blank, counted full), C 2 + 6 + 4
    assert [(u["unit"], u["total"]) for u in json.loads(run.stdout)["units"]] == [("Xã A", 15), ("Xã B", 14), ("Xã C", 12)]
    assert run.stderr == (f"parcalc: cảnh báo: {tmp_path / 'Xã A.xlsx'}: 3 đơn vị có phần tính đủ điểm (--assume-full hoặc --blank full): "
                          "đơn vị đầu tiên là «Xã A» (1*, 2.1)\n")
    # with Xã D's mark every unit is scored alone; D 2 + 6 + 5 (2.1 marked, counted full)
    run = cli("rank", *(tmp_path / f"{unit}.xlsx" for unit in files), "--assume-full", "--na", "full", "-f", "json", lang="en")
    assert [(u["unit"], u["total"]) for u in json.loads(run.stdout)["units"]] == [("Xã A", 15), ("Xã B", 14), ("Xã D", 13), ("Xã C", 12)]
    assert run.stderr == (
        f"parcalc: warning: {tmp_path / 'Xã A.xlsx'}: 4 unit(s) have parts counted at full points (--assume-full or --blank full): the first is «Xã A» (1*, 2.1)\n"
        f"parcalc: warning: {tmp_path / 'Xã D.xlsx'}, sheet 'Sheet', cell D5: 1 unit(s) have cells marked «not applicable», counted at full "
        "points (--na full): the first is «Xã D» (2.1)\n")
    # without it, a unit missing several points is named once, at its sheet (no one cell holds them all)
    run = cli("rank", tmp_path / "Xã A.xlsx", tmp_path / "Xã C.xlsx")
    assert run.exit_code == 2
    assert run.stderr.splitlines()[0] == (
        f"parcalc: lỗi: {tmp_path / 'Xã A.xlsx'}, trang tính «Sheet»: đơn vị «Xã A»: chưa có điểm của 1*, 2.1 (1* là phần điểm chuẩn "
        "của 1 không có dòng nào): ghi điểm vào bảng tính (hoặc điểm của tiêu chí cấp trên), hoặc cho biết cách đọc ô trống hay dòng "
        "thiếu: --blank zero (không đạt, 0 điểm) hoặc --blank full / --assume-full (tính đủ điểm)")
    assert run.stderr.splitlines()[1].startswith(f"parcalc: lỗi: {tmp_path / 'Xã C.xlsx'}, trang tính «Sheet», ô D2: đơn vị «Xã C»: chưa có điểm của 1*")


def test_each_unit_s_total_row_is_checked_in_a_ranking(cli, tmp_path):
    """rank says, at its cell, each unit's total row (Tổng cộng) that differs from the
    unit's computed total or scale, as score does: units scored by columns (one-unit
    files; sheets copied from one template) and a unit scored alone (it has a mark).
    Standard points 4 + 6 + 5 = 15; totals by hand: Xã A 4 + 5 + 5 = 14 (says 14), Xã B
    3 + 6 + 4 = 13 (says 13 of 16), Xã C 4 + 6 + 5 = 15 (says 14), Xã D 2 + 6 + 5 with
    2.1 marked and counted full = 13 (says 8 of 16)."""
    files = {"Xã A": (4, 5, 5, 15, 14), "Xã B": (3, 6, 4, 16, 13), "Xã C": (4, 6, 5, 15, 14), "Xã D": (2, 6, "-", 16, 8)}

    def table(sheet, points):
        first, second, third, most, total = points
        for row in (("STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"), ("1", "Chỉ đạo", 10), ("1.1", "Kế hoạch", 4, first),
                    ("1.2", "Báo cáo", 6, second), ("2", "Thủ tục", 5), ("2.1", "Công khai", 5, third), ("", "Tổng cộng", most, total)):
            sheet.append(row)

    for unit, points in files.items():
        book = Workbook()
        table(book.active, points)
        book.save(tmp_path / f"{unit}.xlsx")
    run = cli("rank", *(tmp_path / f"{unit}.xlsx" for unit in ("Xã A", "Xã B", "Xã C")), "-f", "json")  # by columns
    assert [(u["unit"], u["total"]) for u in json.loads(run.stdout)["units"]] == [("Xã C", 15), ("Xã A", 14), ("Xã B", 13)]
    assert run.stderr == (
        f"parcalc: cảnh báo: {tmp_path / 'Xã B.xlsx'}, trang tính «Sheet», ô C7: dòng tổng ghi 16,00 điểm chuẩn, nhưng thang điểm là 15,00\n"
        f"parcalc: cảnh báo: {tmp_path / 'Xã C.xlsx'}, trang tính «Sheet», ô D7: dòng tổng ghi 14,00 điểm, nhưng tổng các lĩnh vực là 15,00\n")
    run = cli("rank", *(tmp_path / f"{unit}.xlsx" for unit in files), "--na", "full", "-f", "json", lang="en")  # each alone
    assert [(u["unit"], u["total"]) for u in json.loads(run.stdout)["units"]] == [("Xã C", 15), ("Xã A", 14), ("Xã B", 13), ("Xã D", 13)]
    assert run.stderr.splitlines() == [
        f"parcalc: warning: {tmp_path / 'Xã D.xlsx'}, sheet 'Sheet', cell D6: 1 unit(s) have cells marked «not applicable», counted at full "
        "points (--na full): the first is «Xã D» (2.1)",
        f"parcalc: warning: {tmp_path / 'Xã B.xlsx'}, sheet 'Sheet', cell C7: the total row says 16.00 standard points, but the scale is 15.00",
        f"parcalc: warning: {tmp_path / 'Xã C.xlsx'}, sheet 'Sheet', cell D7: the total row says 14.00 points, but the fields add up to 15.00",
        f"parcalc: warning: {tmp_path / 'Xã D.xlsx'}, sheet 'Sheet', cell D7: the total row says 8.00 points, but the fields add up to 13.00",
        f"parcalc: warning: {tmp_path / 'Xã D.xlsx'}, sheet 'Sheet', cell C7: the total row says 16.00 standard points, but the scale is 15.00"]
    book = Workbook()
    book.remove(book.active)
    for unit in ("Xã A", "Xã C"):
        table(book.create_sheet(unit), files[unit])
    book.save(tmp_path / "sheets.xlsx")
    run = cli("rank", tmp_path / "sheets.xlsx")  # Xã C read from Xã A's sheet, its total row its own
    assert run.exit_code == 0 and run.stderr == (
        f"parcalc: cảnh báo: {tmp_path / 'sheets.xlsx'}, trang tính «Xã C», ô D7: dòng tổng ghi 14,00 điểm, nhưng tổng các lĩnh vực là 15,00\n")


def test_units_with_trees_of_their_own_rank_on_the_union_of_fields(cli, tmp_path):
    book = Workbook()
    book.active.title = "Xã A"
    for row in (("STT", "Điểm chuẩn", "Điểm thẩm định"), ("1", 5, 4), ("2", 5, 5)):
        book.active.append(row)
    sheet = book.create_sheet("Xã B")
    for row in (("STT", "Điểm chuẩn", "Điểm thẩm định"), ("1", 5, 4), ("2", 3, 3), ("3", 2, 1)):
        sheet.append(row)
    book.save(tmp_path / "two-trees.xlsx")
    run = cli("rank", tmp_path / "two-trees.xlsx", "-f", "json")
    assert run.exit_code == 0, run.output
    assert [(u["unit"], u["index"], u["fields"]) for u in json.loads(run.stdout)["units"]] == [
        ("Xã A", 90, {"1": 80, "2": 100, "3": None}), ("Xã B", 80, {"1": 80, "2": 100, "3": 50})]


def test_a_wide_sheet_refuses_cells_shown_as_percentages(cli, tmp_path):
    book = Workbook()
    for row in (("STT", "Điểm tối đa", "Xã A", "Xã B"), ("1", 2, 1.5, 0.9167), ("2", 1, 1, 1)):
        book.active.append(row)
    book.active["D2"].number_format = "0.00%"
    book.save(tmp_path / "rates.xlsx")
    run = cli("rank", tmp_path / "rates.xlsx")
    assert run.exit_code == 2
    assert run.stderr == (f"parcalc: lỗi: {tmp_path / 'rates.xlsx'}, trang tính «Sheet», ô D2: 1: được định dạng phần trăm: là tỷ lệ, "
                          "không phải điểm; nếu ô chứa điểm, hãy định dạng ô là số\n")


def test_hidden_rows_of_a_wide_sheet_are_not_read(cli, tmp_path):
    book = Workbook()
    for row in (("STT", "Điểm tối đa", "Xã A", "Xã B"), ("1", 6, 5, 4), ("1.9", 9, 9, 9), ("2", 4, 4, 3)):
        book.active.append(row)
    book.active.row_dimensions[3].hidden = True  # a scratch row, hidden
    book.save(tmp_path / "hidden.xlsx")
    run = cli("rank", tmp_path / "hidden.xlsx", "-f", "json")
    assert run.exit_code == 0, run.output
    assert [(u["unit"], u["total"]) for u in json.loads(run.stdout)["units"]] == [("Xã A", 9), ("Xã B", 7)]  # 5 + 4, 4 + 3
    assert run.stderr == (f"parcalc: cảnh báo: {tmp_path / 'hidden.xlsx'}, trang tính «Sheet», ô A3: các dòng ẩn 3 không được "
                          "đọc (bỏ ẩn nếu đó là tiêu chí)\n")


def test_hidden_rows_are_found_in_every_band():
    from parcalc.read.valuesheet import hidden_rows

    xml = b'<row r="2" spans="1:3"><c r="A2"/></row><row r="3" hidden="1"><c r="A3"/></row><row hidden="true" r="7" ht="0">'
    assert hidden_rows(xml) == [3, 7] and hidden_rows(b'<row r="4"><c r="A4"/></row>') == []
    # LibreOffice marks every row, shown or not
    libreoffice = b'<row r="%d" customFormat="false" ht="15" hidden="%s" customHeight="false"><c r="A%d"/></row>'
    assert hidden_rows(b"".join(libreoffice % (row, b"false", row) for row in range(1, 5))) == []
    assert hidden_rows(b"".join(libreoffice % (row, b"true" if row in (2, 4) else b"false", row) for row in range(1, 5))) == [2, 4]


def test_hidden_rows_of_a_long_sheet_are_not_read(cli, tmp_path):
    book = Workbook()
    for row in (("Đơn vị", "STT", "Điểm tối đa", "Điểm đạt"), ("Xã A", "1", 10, 8), ("Xã A", "1", 10, 10), ("Xã B", "1", 10, 9)):
        book.active.append(row)
    book.active.row_dimensions[3].hidden = True  # an old figure, hidden instead of deleted
    book.save(tmp_path / "long-hidden.xlsx")
    run = cli("rank", tmp_path / "long-hidden.xlsx", "-f", "json")
    assert run.exit_code == 0, run.output
    assert [(u["unit"], u["total"]) for u in json.loads(run.stdout)["units"]] == [("Xã B", 9), ("Xã A", 8)]
    assert "các dòng ẩn 3 không được đọc" in run.stderr


@pytest.mark.parametrize("enabled", [True, False])
def test_a_long_sheet_is_read_with_the_cycle_collector_paused_and_left_as_it_was(tmp_path, monkeypatch, enabled):
    import gc

    from parcalc.core.errors import InputError
    from parcalc.read import longsheet
    from parcalc.read.xlsx import Workbook as Reader

    book = Workbook()
    for row in (("Đơn vị", "STT", "Điểm tối đa", "Điểm đạt"), ("Xã A", "1", 10, 8), ("Xã B", "1", 10, 9), ("Xã C", "1", 10, "mười")):
        book.active.append(row)
    book.save(tmp_path / "long.xlsx")
    seen = []
    real = longsheet._LongSheet.read
    monkeypatch.setattr(longsheet._LongSheet, "read", lambda self: seen.append(gc.isenabled()) or real(self))
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with Reader(tmp_path / "long.xlsx") as reader, pytest.raises(InputError, match="mười"):  # refused: left as it was all the same
            longsheet.read_long(reader, reader.sheet(None))
        assert seen == [False] and gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("numbering", [
    ["(1)", "(2)", "(3)", "(4)", "(5)"],
    [1, 2, 3, 4, 5],
    ["A", "B", "C", "D", "E"],
    ["(1)", "(2)", "(3)", "(4)", "(5)=(3)-(4)"],
])
def test_the_row_numbering_the_columns_under_the_header_is_skipped(tmp_path, numbering):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định", "Ghi chú"])
    sheet.append(numbering)
    sheet.append(["1", "Một", 2, "1,5", None])
    sheet.append(["2", "Hai", 3, 3, None])
    book.save(tmp_path / "numbered.xlsx")
    result = api.score_workbook(tmp_path / "numbered.xlsx")
    assert [(n.code, n.points) for n in result.nodes] == [("1", Decimal("1.5")), ("2", Decimal(3))]
    assert result.index == Decimal("90.00")  # 4,5 of 5


def test_a_data_row_is_not_taken_for_column_numbers(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"])
    sheet.append(["1", None, 2, 1])  # a criterion without a name: 1, 2, 1 is no sequence
    sheet.append(["2", "Hai", 3, 3])
    book.save(tmp_path / "plain.xlsx")
    assert [n.code for n in api.score_workbook(tmp_path / "plain.xlsx").nodes] == ["1", "2"]


@pytest.mark.parametrize("layout", ["wide", "long"])
def test_column_numbers_under_a_many_unit_header_are_skipped(cli, tmp_path, layout):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if layout == "wide":
        rows = [["STT", "Tiêu chí", "Điểm tối đa", "Xã A", "Xã B"], ["(1)", "(2)", "(3)", "(4)", "(5)"],
                ["1", "Một", 2, 2, 1], ["2", "Hai", 3, 1, 3]]
    else:
        rows = [["Đơn vị", "STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"], [1, 2, 3, 4, 5],
                ["Xã A", "1", "Một", 2, 2], ["Xã A", "2", "Hai", 3, 1], ["Xã B", "1", "Một", 2, 1], ["Xã B", "2", "Hai", 3, 3]]
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / f"{layout}.xlsx")
    run = cli("rank", tmp_path / f"{layout}.xlsx", "-f", "json")
    assert run.exit_code == 0, run.output
    units = {unit["unit"]: unit["total"] for unit in json.loads(run.stdout)["units"]}
    assert units == {"Xã A": 3, "Xã B": 4}


@pytest.mark.parametrize("heading", ["Điểm Hội đồng thẩm định", "Điểm sau thẩm định", "Điểm thẩm định của Hội đồng", "Kết quả thẩm định"])
def test_appraisal_headings_as_councils_write_them(tmp_path, heading):
    from openpyxl import Workbook

    book = Workbook()
    for row in (["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", heading], ["1", "Một", 2, 2, "1,5"], ["2", "Hai", 3, 3, 2]):
        book.active.append(row)
    book.save(tmp_path / "h.xlsx")
    assert api.score_workbook(tmp_path / "h.xlsx").total_points == Decimal("3.5")


def test_a_sheet_without_an_appraisal_column_says_so_and_not_that_cells_are_blank(cli, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    for row in (["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm HĐ chấm"], ["1", "Một", 2, 2, "1,5"]):
        book.active.append(row)
    book.save(tmp_path / "h.xlsx")
    run = cli("score", tmp_path / "h.xlsx")
    assert run.exit_code == 2
    assert run.stderr == ("parcalc: lỗi: h.xlsx, trang tính «Sheet»: không tìm thấy cột điểm thẩm định (đã đọc: C «Điểm tối đa», "
                          "D «Điểm tự chấm»): đặt tiêu đề cột là «Điểm thẩm định» (hoặc ghi điểm bị mất dưới «Điểm bị mất»)\n")
    run = cli("score", tmp_path / "h.xlsx", lang="en")
    assert run.stderr == ("parcalc: error: h.xlsx, sheet 'Sheet': no column of appraised points was found (read: C «Điểm tối đa», "
                          "D «Điểm tự chấm»): head it «Điểm thẩm định» (or give the lost points under «Điểm bị mất»)\n")
