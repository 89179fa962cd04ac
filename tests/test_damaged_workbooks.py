"""Damaged and hand-made workbooks: a one-line refusal that names the file (and part,
sheet, row or cell) with exit code 2, never a traceback and never a wrong figure."""

from __future__ import annotations

import json
import re
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parcalc import api
from tests.conftest import BAD, EXAMPLES, GOOD, LAM_DONG
from tests.test_hostile_cells import workbook_with


def one_clear_error(run, path: Path) -> str:
    assert run.exit_code == 2 and isinstance(run.exception, (SystemExit, type(None))), run.output
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"parcalc: lỗi: {path}")
    return lines[0]


def rewritten(path: Path, source: Path, change) -> Path:
    """`source` with its central-directory entries changed by `change(data, offset_of_entry)`."""
    data = bytearray(source.read_bytes())
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        change(data, offset)
        offset = data.find(b"PK\x01\x02", offset + 4)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("damage, expected", [
    (lambda data, at: data.__setitem__(slice(at + 8, at + 10), struct.pack("<H", struct.unpack("<H", data[at + 8:at + 10])[0] | 1)), "encrypted"),
    (lambda data, at: data.__setitem__(slice(at + 10, at + 12), struct.pack("<H", 99)), "tệp dùng kiểu nén zip mà Excel không bao giờ dùng"),
])
def test_a_damaged_zip_is_one_line(cli, tmp_path, damage, expected):
    path = rewritten(tmp_path / "damaged.xlsx", GOOD / "small.xlsx", damage)
    assert expected in one_clear_error(cli("score", path), path)


def test_bad_deflate_data_is_one_line(cli, tmp_path):
    data = bytearray((GOOD / "small.xlsx").read_bytes())
    with zipfile.ZipFile(GOOD / "small.xlsx") as book:
        info = book.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start:start + 8] = b"\xff" * 8  # the compressed stream itself
    path = tmp_path / "deflate.xlsx"
    path.write_bytes(bytes(data))
    assert "bị hỏng" in one_clear_error(cli("score", path), path)


@pytest.mark.parametrize("row", ["five", "5.5", "-1", "0", "99999999"])
def test_a_row_number_that_is_no_row_is_refused(cli, tmp_path, row):
    path = workbook_with(tmp_path / "rows.xlsx", '<c r="D3"><v>1</v></c>')
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b'<row r="3"', f'<row r="{row}"'.encode())
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    line = one_clear_error(cli("score", path), path)
    assert line == (f"parcalc: lỗi: {path}, trang tính «Sheet», dòng {row!r}: bảng tính bị hỏng: số dòng không phải là một "
                    "dòng của trang tính; hãy lưu lại bằng Excel hoặc LibreOffice")


def test_a_negative_shared_string_index_is_refused_not_counted_from_the_end(cli, tmp_path):
    path = workbook_with(tmp_path / "sst.xlsx", '<c r="D3" t="s"><v>-1</v></c>')
    assert one_clear_error(cli("score", path), path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet», ô D3: bảng tính bị hỏng: một ô văn bản trỏ đến chuỗi dùng chung (shared string) "
        "không có; hãy lưu lại bằng Excel hoặc LibreOffice")


def test_a_phonetic_run_is_not_part_of_the_value(cli, tmp_path):
    path = workbook_with(tmp_path / "rph.xlsx", '<c r="D3" t="inlineStr"><is><t>4</t><rPh sb="0" eb="1"><t>9</t></rPh></is></c>')
    run = cli("score", path, "-f", "json")
    assert run.exit_code == 0 and '"index": 40' in run.stdout  # 4 of 10, not 49


def test_an_absurdly_long_code_is_quoted_short(cli, tmp_path):
    path = workbook_with(tmp_path / "code.xlsx", '<c r="D3"><v>1</v></c>')
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    start = sheet.index('<c r="A3"')
    end = sheet.index("</c>", start) + 4
    parts["xl/worksheets/sheet1.xml"] = (sheet[:start] + '<c r="A3"><v>' + "1" * 5000 + "</v></c>" + sheet[end:]).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    line = one_clear_error(cli("score", path), path)
    assert len(line) < 300 and "không phải là mã tiêu chí" in line


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.integers(0, 10**9), st.integers(1, 255)), min_size=1, max_size=4))
def test_random_byte_flips_end_in_a_result_or_one_clear_error(cli, tmp_path_factory, flips):
    data = bytearray(LAM_DONG.read_bytes())
    for position, mask in flips:
        data[position % len(data)] ^= mask
    path = tmp_path_factory.mktemp("flip") / "flipped.xlsx"
    path.write_bytes(bytes(data))
    run = cli("score", path, "--criteria", "province-2020", "--assume-full", "-f", "json")
    assert isinstance(run.exception, (SystemExit, type(None))), run.exception
    assert run.exit_code in (0, 2), run.output
    if run.exit_code == 2:
        assert all(line.startswith("parcalc: lỗi: ") for line in run.stderr.splitlines())


def test_a_value_typed_far_away_is_refused_before_calamine_allocates_it(cli, tmp_path):
    """python-calamine allocates the rectangle a sheet's cells span: XFD1048576 is 512 GB."""
    from openpyxl import Workbook

    book = Workbook()
    for row in (("STT", "Điểm tối đa", "Xã A", "Xã B"), ("1", 6, 5, 4)):
        book.active.append(row)
    book.active["XFD1048576"] = "x"
    path = tmp_path / "far.xlsx"
    book.save(path)
    run = cli("rank", path)
    assert run.exit_code == 2
    assert run.stderr == (f"parcalc: lỗi: {path}, trang tính «Sheet»: các ô có dữ liệu trải rộng (A1:XFD1048576), vượt xa một bảng "
                          "điểm: có giá trị nào bị gõ ở xa không? Hãy xóa các dòng và cột nằm ngoài bảng (Ctrl+End cho biết ô "
                          "cuối cùng có dữ liệu) rồi lưu lại\n")


def with_sheet(path: Path, change) -> Path:
    """A small workbook whose sheet XML went through `change`."""
    source = workbook_with(path, '<c r="D3"><v>7</v></c>')
    with zipfile.ZipFile(source) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/worksheets/sheet1.xml"] = change(parts["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


@pytest.mark.parametrize("change, place, what", [
    (lambda xml: xml.replace(b'<c r="D3"><v>7</v></c>', b'<c r="D3"><v>7</v></c><c r="D3"><v>10</v></c>'), "ô D3", "ô được ghi hai lần"),
    (lambda xml: xml.replace(b'<row r="3"', b'<row r="2"'), "dòng 2", "dòng được ghi hai lần hoặc sai thứ tự"),
])
def test_a_cell_or_row_given_twice_is_refused(cli, tmp_path, change, place, what):
    path = with_sheet(tmp_path / "twice.xlsx", change)
    assert one_clear_error(cli("score", path), path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet», {place}: bảng tính bị hỏng: {what}; hãy lưu lại bằng Excel hoặc LibreOffice")


def test_a_number_cell_that_holds_no_number_is_refused_by_both_readers_even_outside_the_table(cli, tmp_path):
    """calamine refuses the whole sheet for such a cell wherever it is (found by the fuzz test:
    a typed "12,5" under a heading moved away); the strict reader now says so too, naming it."""
    path = with_sheet(tmp_path / "far.xlsx", lambda xml: xml.replace(b"</row>", b'<c r="Z1"><v>12,5</v></c></row>', 1))
    assert one_clear_error(cli("score", path), path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet», ô Z1: bảng tính bị hỏng: ô kiểu số lại chứa «12,5»; hãy lưu lại bằng Excel hoặc LibreOffice")
    assert cli("score", path, "--lang", "en").stderr == (
        f"parcalc: error: {path}, sheet 'Sheet', cell Z1: damaged workbook: the number cell holds '12,5'; save it again from Excel or LibreOffice\n")
    assert cli("rank", path).exit_code == 2


def test_a_part_given_twice_is_refused(cli, tmp_path):
    path = tmp_path / "twice.xlsx"
    with zipfile.ZipFile(GOOD / "small.xlsx") as book, zipfile.ZipFile(path, "w") as target:
        for info in book.infolist():
            target.writestr(info.filename, book.read(info))
        with pytest.warns(UserWarning, match="Duplicate name"):  # zip allows it; Python warns
            target.writestr("xl/worksheets/sheet1.xml", book.read("xl/worksheets/sheet1.xml"))
    for command in ("score", "rank"):
        assert one_clear_error(cli(command, path), path) == (
            f"parcalc: lỗi: {path}: bị hỏng: tệp chứa xl/worksheets/sheet1.xml nhiều hơn một lần; hãy lưu lại bằng Excel hoặc LibreOffice")


def test_a_strict_open_xml_workbook_is_read(cli, tmp_path):
    """Excel's "Strict Open XML" format names its relationships in another namespace."""
    path = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(GOOD / "small.xlsx") as book, zipfile.ZipFile(path, "w") as target:
        for info in book.infolist():
            data = book.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                    b"http://purl.oclc.org/ooxml/officeDocument/relationships")
            target.writestr(info.filename, data)
    run = cli("score", path, "-f", "json")
    assert run.exit_code == 0, run.output
    assert '"index": 85' in run.stdout  # as small.xlsx: 8,5 of 10


def test_a_value_typed_far_right_in_a_middle_row_is_refused(cli, tmp_path):
    """Not only the last row: calamine would allocate all 2,000 rows 16,384 columns wide
    (32 million cells, over parcalc's 20 million)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(("STT", "Điểm tối đa", "Xã A", "Xã B"))
    for number in range(1, 2000):
        sheet.append((f"1.{number}", 1, 1, 0))
    sheet["XFD7"] = "x"
    path = tmp_path / "far-middle.xlsx"
    book.save(path)
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    xml = re.sub(rb"<dimension[^>]*/>", b"", xml)  # as a hand-made file: no dimension to read it from
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = xml
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    run = cli("rank", path)
    assert run.exit_code == 2
    assert run.stderr.startswith(f"parcalc: lỗi: {path}, trang tính «Sheet»: các ô có dữ liệu trải rộng (A1:XFD2000), vượt xa một bảng điểm")


def test_without_its_root_relationships_both_readers_refuse(cli, tmp_path):
    path = tmp_path / "no-root-rels.xlsx"
    with zipfile.ZipFile(LAM_DONG) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            if name != "_rels/.rels":
                target.writestr(name, source.read(name))
    score = cli("score", path, "--criteria", "province-2020", "--assume-full")
    assert (score.exit_code, score.stderr) == (2, f"parcalc: lỗi: {path}: bảng tính bị hỏng: thiếu phần _rels/.rels; hãy lưu lại bằng Excel hoặc LibreOffice\n")
    assert cli("rank", path, "--criteria", "province-2020", "--assume-full").exit_code == 2


def test_a_zip_comment_longer_than_the_file_is_refused_by_both_readers(cli, tmp_path):
    data = bytearray(LAM_DONG.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end + 20:end + 22] = (40).to_bytes(2, "little")  # a 40-byte comment announced, none there
    path = tmp_path / "comment.xlsx"
    path.write_bytes(bytes(data))
    score = cli("score", path, "--criteria", "province-2020", "--assume-full")
    assert score.exit_code == 2 and "bản ghi cuối của tệp zip khai báo nhiều byte hơn số byte tệp thực có" in score.stderr
    assert cli("rank", path, "--criteria", "province-2020", "--assume-full").exit_code == 2


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.integers(0, 10**9), st.integers(1, 255)), min_size=1, max_size=3))
def test_both_readers_give_the_same_answer_for_the_same_bytes(cli, tmp_path_factory, flips):
    """`score` reads with parcalc's strict reader, `rank` with python-calamine: on the same
    damaged bytes, both refuse or both give the same index (a fuzz run of 300 flips found
    two disagreements, both fixed: a damaged _rels/.rels and an overlong zip comment)."""
    data = bytearray(LAM_DONG.read_bytes())
    for position, mask in flips:
        data[position % len(data)] ^= mask
    path = tmp_path_factory.mktemp("agree") / "flipped.xlsx"
    path.write_bytes(bytes(data))
    args = (path, "--criteria", "province-2020", "--assume-full", "-f", "json")
    score, rank = cli("score", *args), cli("rank", *args)
    for run in (score, rank):
        assert isinstance(run.exception, (SystemExit, type(None))), run.exception
        assert run.exit_code in (0, 2), run.output
    assert score.exit_code == rank.exit_code, (score.stderr, rank.stderr)
    if score.exit_code == 0:
        assert json.loads(score.stdout)["index"] == json.loads(rank.stdout)["units"][0]["index"]


@pytest.mark.parametrize("ref, shown", [('r=""', "«»"), ('r="D"', "«D»"), ('r="D9"', "«D9»")])
def test_a_cell_reference_that_is_not_a_cell_of_its_row_is_refused(cli, tmp_path, ref, shown):
    path = with_sheet(tmp_path / "ref.xlsx", lambda xml: xml.replace(b'<c r="D3"', b"<c " + ref.encode()))
    run = cli("score", path)
    assert run.exit_code == 2
    assert run.stderr == (f"parcalc: lỗi: {path}, trang tính «Sheet», dòng 3: bảng tính bị hỏng: địa chỉ ô {shown} không phải là một "
                          "ô của dòng 3; hãy lưu lại bằng Excel hoặc LibreOffice\n")
    if ref != 'r="D9"':  # python-calamine refuses these too (it would move D9's value to row 9)
        assert cli("rank", path).exit_code == 2


def test_a_lower_case_cell_reference_is_read_as_excel_reads_it(cli, tmp_path):
    path = with_sheet(tmp_path / "lower.xlsx", lambda xml: xml.replace(b'<c r="D3"', b'<c r="d3"'))
    assert api.read_workbook(path).by_code()["1.1"].where["points"].endswith("cell D3")


def _lam_dong_with(path: Path, part: str, change, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(LAM_DONG) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data, compress_type=compression if name == part else zipfile.ZIP_DEFLATED)
    return path


SHEET = "xl/worksheets/sheet1.xml"


# Classes a fuzz campaign of 2,339 runs found where `score` (the strict reader) and `rank`
# (python-calamine) answered differently, or where rank aborted: both now refuse.
@pytest.mark.parametrize("part, change, compression, score_says", [
    (SHEET, lambda xml: xml.replace(b'<c r="G21"', b'<c r="XFD1048576"', 1), 8, "địa chỉ ô «XFD1048576» không phải là một ô của dòng 21"),
    (SHEET, lambda xml: re.sub(rb"<v>1</v>", "<v>١</v>".encode(), xml, count=1), 8, "ô D6: bảng tính bị hỏng: ô kiểu số lại chứa «١»"),
    (SHEET, lambda xml: re.sub(rb"<v>1</v>", "<v>１</v>".encode(), xml, count=1), 8, "ô D6: bảng tính bị hỏng: ô kiểu số lại chứa «１»"),
    (SHEET, lambda xml: xml, zipfile.ZIP_BZIP2, "tệp dùng kiểu nén zip mà Excel không bao giờ dùng"),
    (SHEET, lambda xml: xml.replace(b'<dimension ref="A1:J41"/>', b'<dimension ref=""/>'), 8, "phạm vi (dimension) «» của trang tính không phải là một vùng ô"),
    ("xl/workbook.xml", lambda xml: xml.replace(b'r:id="rId1"', b'r:id="/rId1"'), 8, "trang tính «Phụ lục» không trỏ đến phần dữ liệu trang tính nào"),
    ("xl/workbook.xml", lambda xml: xml.replace(b'state="visible"', b'state="1"'), 8, "trang tính «Phụ lục» có trạng thái không xác định «1»"),
    ("_rels/.rels", lambda xml: xml.replace(b'Target="xl/workbook.xml"', b'Target="/xl/../xl/workbook.xml"'), 8, "phần quan hệ gốc của tệp không chỉ đến xl/workbook.xml"),
    ("xl/styles.xml", lambda xml: xml.decode("utf-8").encode("utf-16"), 8, "có một phần không mã hóa UTF-8"),
    (SHEET, lambda xml: re.sub(rb'(<c r="[A-Z]+[0-9]+"[^>]*?) t="n"', rb'\1 t="x"', xml, count=1), 8, "kiểu ô «x» không phải kiểu nào của Excel"),
    (SHEET, lambda xml: re.sub(rb'(<c r="[A-Z]+[0-9]+"[^>]*?) t="n"', rb'\1 t=""', xml, count=1), 8, "kiểu ô «» không phải kiểu nào của Excel"),
])
def test_damage_calamine_refuses_is_refused_by_both_readers(cli, tmp_path, part, change, compression, score_says):
    path = _lam_dong_with(tmp_path / "damaged.xlsx", part, change, compression)
    args = (path, "--criteria", "province-2020", "--assume-full")
    score, rank = cli("score", *args), cli("rank", *args)
    assert score_says in one_clear_error(score, path)
    assert rank.exit_code == 2 and isinstance(rank.exception, (SystemExit, type(None)))
    assert all(line.startswith("parcalc: lỗi: ") for line in rank.stderr.splitlines())


def test_a_far_reference_in_a_middle_row_is_refused_before_calamine_allocates_it(cli, tmp_path):
    path = _lam_dong_with(tmp_path / "far.xlsx", SHEET, lambda xml: xml.replace(b'<c r="G21"', b'<c r="XFD1048576"', 1))
    run = cli("rank", path, "--criteria", "province-2020", "--assume-full")
    assert run.stderr.startswith(f"parcalc: lỗi: {path}, trang tính «Phụ lục»: các ô có dữ liệu trải rộng (A1:XFD1048576), vượt xa một bảng điểm")


def test_a_wide_sheet_of_ten_thousand_criteria_is_no_scoring_table(cli, tmp_path):
    from parcalc.read.multiunit import MOST_CODE_ROWS

    departments = EXAMPLES / "departments" / "departments.xlsx"
    with zipfile.ZipFile(departments) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    name = next(part for part in parts if part.startswith("xl/worksheets/sheet"))
    xml = parts[name]
    last = max(int(number) for number in re.findall(rb'<row r="(\d+)"', xml))
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (last + n, last + n, 100 + n) for n in range(1, MOST_CODE_ROWS + 2))
    parts[name] = xml.replace(b"</sheetData>", rows + b"</sheetData>")
    path = tmp_path / "tall.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)
    run = cli("rank", path)
    assert run.exit_code == 2 and "dòng tiêu chí: trang tính kiểu wide có mỗi tiêu chí một dòng" in run.stderr


def test_a_unit_sheet_of_twenty_thousand_rows_is_no_scoring_table(cli, tmp_path):
    from parcalc.read.workbook import MOST_ROWS

    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (50 + n, 50 + n, n) for n in range(MOST_ROWS))
    path = _lam_dong_with(tmp_path / "tall.xlsx", SHEET, lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>"))
    run = cli("score", path, "--criteria", "province-2020", "--assume-full")
    assert run.stderr == (f"parcalc: lỗi: {path}, trang tính «Phụ lục»: có hơn 20000 dòng: bảng điểm của một đơn vị chỉ có mỗi tiêu chí "
                          "một dòng (nhiều đơn vị trong một trang tính: dùng parcalc rank)\n")



@pytest.mark.parametrize("ref", [b"DDDDDD21", b"DDDDDDDD21", b"D" * 2000 + b"21", b"D1000000000000021", b"D5" + b"9" * 20, b"D5" + b"9" * 2000])
def test_a_reference_past_the_last_column_or_far_below_is_refused_by_rank_too(cli, tmp_path, ref):
    """python-calamine would allocate the rectangle to it (up to hundreds of GB) and abort."""
    path = _lam_dong_with(tmp_path / "far.xlsx", SHEET, lambda xml: xml.replace(b'<c r="G21"', b'<c r="' + ref + b'"', 1))
    run = cli("rank", path, "--criteria", "province-2020", "--assume-full")
    assert run.exit_code == 2 and run.stderr.startswith(f"parcalc: lỗi: {path}, trang tính «Phụ lục»: các ô có dữ liệu trải rộng (A1:{ref[:24].decode()})")
    assert cli("score", path, "--criteria", "province-2020", "--assume-full").exit_code == 2


def test_a_sheet_written_with_a_namespace_prefix_is_checked_too(cli, tmp_path):
    def prefixed(xml: bytes) -> bytes:
        xml = xml.replace(b'<worksheet xmlns="', b'<x:worksheet xmlns:x="').replace(b"</worksheet>", b"</x:worksheet>")
        xml = re.sub(rb"<(/?)(sheetData|row|c|v|is|t|dimension|sheetPr|outlinePr|pageSetUpPr|sheetViews|sheetView|selection|sheetFormatPr|cols|col|mergeCells|mergeCell|pageMargins|pageSetup|printOptions)\b",
                     rb"<\1x:\2", xml)
        return xml.replace(b'<x:c r="G21"', b'<x:c r="XFD1048576"', 1)

    path = _lam_dong_with(tmp_path / "prefixed.xlsx", SHEET, prefixed)
    run = cli("rank", path, "--criteria", "province-2020", "--assume-full")
    assert run.exit_code == 2 and "trải rộng (A1:XFD1048576)" in run.stderr


# Minimal reproducers saved by the third fuzz round: damage score used to read past.
@pytest.mark.parametrize("name, args, score_says", [
    ("zip-directory-overrun.xlsx", ("--criteria", "province-2020", "--assume-full"), "một mục trong danh mục zip của tệp vượt quá cuối danh mục"),
    ("damaged-cover-sheet.xlsx", (), "(xl/worksheets/sheet1.xml): bảng tính bị hỏng hoặc bị cắt cụt"),  # the cover sheet, not the table's
])
def test_damage_in_any_sheet_or_the_directory_is_refused_by_both(cli, name, args, score_says):
    path = BAD / name
    score, rank = cli("score", path, *args), cli("rank", path, *args)
    assert score_says in one_clear_error(score, path)
    assert rank.exit_code == 2 and all(line.startswith("parcalc: lỗi: ") for line in rank.stderr.splitlines())


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"])
def test_a_number_with_a_line_break_after_it_is_damage_for_both(cli, tmp_path, ending):
    path = _lam_dong_with(tmp_path / "nl.xlsx", SHEET, lambda xml: xml.replace(b"<v>1.42</v>", b"<v>1.42" + ending + b"</v>", 1))
    args = (path, "--criteria", "province-2020", "--assume-full")
    assert one_clear_error(cli("score", *args), path).endswith(
        "ô E23: bảng tính bị hỏng: ô kiểu số lại chứa «1.42\\n»; hãy lưu lại bằng Excel hoặc LibreOffice")  # XML reads \r\n as \n
    assert cli("rank", *args).exit_code == 2
