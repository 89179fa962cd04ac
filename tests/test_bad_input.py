"""Every input a user can get wrong ends in one clear line per problem, naming the place,
with exit code 2, no traceback, no output file, and the input untouched."""

from __future__ import annotations

import pytest

from tests.conftest import BAD, GOOD, LAM_DONG, SMALL_SET, digest

WORKBOOK_CASES = [
    ("text-renamed.xlsx", "không phải bảng tính .xlsx (phần đầu tệp không giống bảng tính; tệp có bị đổi tên không?)"),
    ("zip-not-workbook.xlsx", "là tệp nén zip nhưng không phải bảng tính Excel (không có xl/workbook.xml)"),
    ("truncated.xlsx", "bị hỏng hoặc bị cắt cụt"),
    ("encrypted.xlsx", "bảng tính có đặt mật khẩu: hãy mở bằng Excel, gỡ mật khẩu"),
    ("legacy.xls", "là bảng tính .xls kiểu cũ, parcalc không đọc được: hãy mở tệp bằng Excel hoặc LibreOffice và lưu dưới dạng .xlsx"),
    ("spreadsheet.ods", "là bảng tính OpenDocument (.ods), parcalc không đọc được"),
    ("empty-sheet.xlsx", "trang tính «Sheet»: trang tính trống, không có bảng chấm điểm"),
    ("no-header.xlsx", "trang tính «Điểm»: không tìm thấy dòng tiêu đề trong 20 dòng đầu"),
    ("no-code-column.xlsx", "trang tính «Điểm», dòng 3: dòng tiêu đề không có cột mã"),
    ("unknown-code.xlsx", "trang tính «Điểm», ô A9: mã 3.7 không có trong bộ tiêu chí small: sửa lại mã, hoặc dùng đúng bộ tiêu chí của bảng tính"),
    ("duplicate-code.xlsx", "trang tính «Điểm», ô A9: mã 1.1 xuất hiện hai lần (lần đầu tại"),
    ("not-a-number.xlsx", "trang tính «Điểm», ô D5: 1.1: «ba phẩy năm» không phải là số"),
    ("negative-points.xlsx", "trang tính «Điểm», ô D5: 1.1: điểm không được là số âm"),
    ("above-max.xlsx", "trang tính «Điểm», ô D5: 1.1: điểm thẩm định 4,5 lớn hơn điểm chuẩn 4"),
    ("formula-no-cache.xlsx", "trang tính «Điểm», ô D5: 1.1: chứa công thức chưa được lưu kết quả"),
    ("entity-bomb.xlsx", "chứa khai báo DTD hoặc khai báo thực thể (entity), thứ mà bảng tính không bao giờ cần (có thể là bom XML)"),
]

YAML_CASES = [
    ("syntax-error.yaml", ":17: lỗi cú pháp YAML"),
    ("unknown-key.yaml", ":18: tiêu chí 2, khóa «maximum» không hợp lệ"),
    ("children-sum.yaml", ":11: tiêu chí 1: các tiêu chí thành phần có tổng 5,5 điểm, không bằng điểm chuẩn 6"),
    ("duplicate-code.yaml", ":14: mã 1.1 được dùng hai lần (lần đầu tại"),
    ("not-a-set.yaml", ":1: không phải là bộ tiêu chí của parcalc"),
    ("python-object.yaml", ":3: không được dùng thẻ YAML «tag:yaml.org,2002:python/object/apply:os.system» trong bộ tiêu chí"),
    ("alias-bomb.yaml", ":20: không được dùng neo và tham chiếu (& và *)"),
]


def assert_one_clear_error(run, expected: str) -> None:
    assert run.exit_code == 2, run.output
    lines = run.stderr.strip().splitlines()
    assert lines and all(line.startswith("parcalc: lỗi: ") for line in lines), run.stderr
    assert any(expected in line for line in lines), run.stderr
    assert "Traceback" not in run.output
    assert run.exception is None or isinstance(run.exception, SystemExit)
    assert run.stdout == ""


@pytest.mark.parametrize("name, expected", WORKBOOK_CASES)
def test_broken_workbook(cli, tmp_path, name, expected):
    source = BAD / name
    before = digest(source)
    output = tmp_path / "out.json"
    run = cli("score", source, "--criteria", SMALL_SET, "--format", "json", "-o", output)
    assert_one_clear_error(run, expected)
    assert str(source) in run.stderr or name in run.stderr
    assert not output.exists()
    assert digest(source) == before
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


@pytest.mark.parametrize("name, expected", YAML_CASES)
def test_broken_criterion_set(cli, name, expected):
    run = cli("score", GOOD / "small.xlsx", "--criteria", BAD / name)
    assert_one_clear_error(run, f"{BAD / name}{expected}")


@pytest.mark.parametrize("name, expected", YAML_CASES)
def test_criteria_check_reports_the_same(cli, name, expected):
    run = cli("criteria", "check", BAD / name)
    assert_one_clear_error(run, expected)


def test_yaml_alias_bomb_is_refused_quickly():
    from parcalc.read.criteria_file import load_file
    from parcalc.core.errors import CriteriaError

    with pytest.raises(CriteriaError) as caught:
        load_file(BAD / "alias-bomb.yaml")
    assert len(caught.value.problems) == 2  # one line per alias line, not one per use


def test_missing_file(cli):
    assert_one_clear_error(cli("score", "no-such.xlsx"), "no-such.xlsx: không có tệp này: hãy kiểm tra lại tên và đường dẫn")


def test_a_folder(cli, tmp_path):
    assert_one_clear_error(cli("score", tmp_path), "là một thư mục, không phải bảng tính; hãy chỉ đến một tệp .xlsx")


def test_unknown_criterion_set(cli):
    assert_one_clear_error(cli("score", LAM_DONG, "--criteria", "province-1999"), "không có bộ tiêu chí «province-1999»: hãy dùng một trong province-2017, province-2019, province-2020, province-2022")


def test_unknown_sheet(cli):
    assert_one_clear_error(cli("score", LAM_DONG, "--sheet", "Sheet9"), "không có trang tính nào tên «Sheet9»; các trang tính của bảng tính là «Phụ lục»")


def test_output_folder_missing(cli, tmp_path):
    target = tmp_path / "missing" / "out.json"
    assert_one_clear_error(cli("score", LAM_DONG, "-f", "json", "-o", target), "không tồn tại: hãy tạo thư mục trước")


def test_existing_output_is_not_overwritten(cli, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("keep me")
    assert_one_clear_error(cli("score", LAM_DONG, "-c", "province-2020", "--assume-full", "-f", "json", "-o", target), "out.json: đã có: dùng --force để ghi đè")
    assert target.read_text() == "keep me"
    run = cli("score", LAM_DONG, "-c", "province-2020", "--assume-full", "-f", "json", "-o", target, "--force")
    assert run.exit_code == 0 and target.read_text().startswith("{")


def test_output_equal_to_input(cli, tmp_path):
    copy = tmp_path / "in.xlsx"
    copy.write_bytes(LAM_DONG.read_bytes())
    assert_one_clear_error(cli("score", copy, "-o", copy, "--force"), "in.xlsx: cũng là tệp đầu vào: hãy ghi kết quả ra tệp khác")
    assert digest(copy) == digest(LAM_DONG)


def test_missing_points_without_assume_full(cli):
    assert_one_clear_error(cli("score", LAM_DONG, "--criteria", "province-2020"), "chưa có điểm của 2: ghi điểm vào bảng tính (hoặc điểm của tiêu chí cấp trên), hoặc dùng --assume-full để tính đủ điểm")


def test_bad_format_is_a_usage_error(cli):
    run = cli("score", LAM_DONG, "--format", "pdf")
    assert run.exit_code == 2 and "pdf" in run.output


def test_a_field_whose_rows_list_part_of_its_points_is_named_at_its_row(cli, tmp_path):
    """Field II gives 12 standard points, its one listed row 6 (a row deleted): the part
    no row lists has no points, said at the field's points cell, «2*» explained."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Chấm điểm"
    for row in (["TT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"], ["I", "Chỉ đạo", 4, None], ["1", "Kế hoạch", 4, 3],
                ["II", "Thủ tục hành chính", 12, None], ["1", "Công khai", 6, 6]):
        sheet.append(row)
    path = tmp_path / "xa.xlsx"
    book.save(path)
    run = cli("score", path, lang="en")
    assert (run.exit_code, run.stderr) == (2, f"parcalc: error: {path}, sheet 'Chấm điểm', cell D4: no points for 2* (2* is the part of 2's "
                                              "standard points that no row lists): give them in the workbook (or their parent's points), "
                                              "or pass --assume-full to count them at full points\n")
