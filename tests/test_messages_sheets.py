"""Every refusal of the workbook readers (read/xlsx.py, valuesheet.py, cells.py,
workbook.py, headers.py), as a user sees it: the whole line, in Vietnamese (the default)
and in English (--lang en), with its place words translated, and exit code 2."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from parcalc import api
from parcalc.core.errors import ParcalcError
from parcalc.read import valuesheet, xlsx
from tests.conftest import BAD, EXAMPLES, GOOD, SMALL_SET
from tests.test_hostile_cells import workbook_with

SMALL = GOOD / "small.xlsx"
SHEET = "xl/worksheets/sheet1.xml"
AGAIN_VI = "hãy lưu lại bằng Excel hoặc LibreOffice"
AGAIN_EN = "save it again from Excel or LibreOffice"


def refused(cli, *args: object) -> tuple[str, str]:
    """The Vietnamese and the English stderr of a command refused with exit code 2."""
    vi, en = cli(*args), cli(*args, "--lang", "en")
    assert (vi.exit_code, en.exit_code) == (2, 2), (vi.output, en.output)
    assert "Traceback" not in vi.output + en.output
    return vi.stderr, en.stderr


def score(cli, path: Path, *options: object) -> tuple[str, str]:
    return refused(cli, "score", path, *options)


def error(call) -> ParcalcError:
    with pytest.raises(ParcalcError) as caught:
        call()
    return caught.value


def rewritten(path: Path, changes: dict, source: Path = SMALL, compression: dict | None = None) -> Path:
    """`source` with parts changed (part -> function of its bytes, or None to leave it out)."""
    with zipfile.ZipFile(source) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            if name in changes and changes[name] is None:
                continue
            data = changes[name](data) if name in changes else data
            target.writestr(name, data, compress_type=(compression or {}).get(name, zipfile.ZIP_DEFLATED))
    return path


def sheet_with(path: Path, rows: list, title: str = "Sheet", formats: dict | None = None) -> Path:
    book = Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    for ref, number_format in (formats or {}).items():
        book.active[ref].number_format = number_format
    book.save(path)
    return path


# ---- read/xlsx.py: files that are not workbooks ----

def test_no_such_file(cli, tmp_path):
    path = tmp_path / "missing.xlsx"
    assert score(cli, path) == (f"parcalc: lỗi: {path}: không có tệp này: hãy kiểm tra lại tên và đường dẫn\n",
                                f"parcalc: error: {path}: no such file: check its name and path\n")


def test_a_file_that_cannot_be_read(cli, tmp_path):
    path = SMALL / "inside.xlsx"  # a file taken for a folder
    assert score(cli, path) == (f"parcalc: lỗi: {path}: không đọc được: Not a directory\n",
                                f"parcalc: error: {path}: cannot be read: Not a directory\n")


def test_a_folder(cli, tmp_path):
    assert score(cli, tmp_path) == (f"parcalc: lỗi: {tmp_path}: là một thư mục, không phải bảng tính; hãy chỉ đến một tệp .xlsx\n",
                                    f"parcalc: error: {tmp_path}: is a folder, not a workbook; name an .xlsx file\n")


def test_a_lock_file(cli, tmp_path):
    lock = tmp_path / "~$so-noi-vu.xlsx"
    lock.write_bytes(b"\x0bNguyen Van A" + b"\x00" * 150)
    assert score(cli, lock) == (
        f"parcalc: lỗi: {lock}: là tệp khóa Excel tạo bên cạnh bảng tính đang mở, không phải bảng tính: hãy dùng so-noi-vu.xlsx\n",
        f"parcalc: error: {lock}: is the lock file Excel keeps beside a workbook it has open, not a workbook: use so-noi-vu.xlsx\n")


def test_a_password_protected_workbook(cli):
    path = BAD / "encrypted.xlsx"
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}: bảng tính có đặt mật khẩu: hãy mở bằng Excel, gỡ mật khẩu (File > Info > Protect Workbook) "
        "và lưu một bản sao\n",
        f"parcalc: error: {path}: the workbook is password-protected: open it in Excel, remove the password "
        "(File > Info > Protect Workbook) and save a copy\n")


@pytest.mark.parametrize("name, vi, en", [
    ("legacy.xls", "là bảng tính .xls kiểu cũ, parcalc không đọc được", "is an old binary .xls workbook, which parcalc does not read"),
    ("spreadsheet.ods", "là bảng tính OpenDocument (.ods), parcalc không đọc được",
     "is an OpenDocument spreadsheet (.ods), which parcalc does not read"),
])
def test_a_spreadsheet_of_another_format_says_how_to_convert_it(cli, name, vi, en):
    path = BAD / name
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}: {vi}: hãy mở tệp bằng Excel hoặc LibreOffice và lưu dưới dạng .xlsx "
        "(hoặc: libreoffice --headless --convert-to xlsx FILE)\n",
        f"parcalc: error: {path}: {en}: open it in Excel or LibreOffice and save it as .xlsx "
        "(or: libreoffice --headless --convert-to xlsx FILE)\n")


def test_a_renamed_text_file(cli):
    path = BAD / "text-renamed.xlsx"
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}: không phải bảng tính .xlsx (phần đầu tệp không giống bảng tính; tệp có bị đổi tên không?)\n",
        f"parcalc: error: {path}: is not an .xlsx workbook (it does not start like one; was it renamed?)\n")


def test_a_zip_that_is_no_workbook(cli):
    path = BAD / "zip-not-workbook.xlsx"
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}: là tệp nén zip nhưng không phải bảng tính Excel (không có xl/workbook.xml): hãy chỉ ra tệp .xlsx\n",
        f"parcalc: error: {path}: is a zip archive but not an Excel workbook (no xl/workbook.xml): name the .xlsx file\n")


def test_a_truncated_workbook(cli):
    path = BAD / "truncated.xlsx"
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}: bị hỏng hoặc bị cắt cụt (tệp không phải là tệp nén zip như mọi tệp .xlsx); hãy lưu lại bằng Excel\n",
        f"parcalc: error: {path}: is damaged or truncated (it is not a zip archive, as every .xlsx is); save it again from Excel\n")


@pytest.mark.parametrize("name, vi, en", [
    ("zip-directory-overrun.xlsx", "một mục trong danh mục zip của tệp vượt quá cuối danh mục",
     "an entry of its zip directory runs past the directory's end"),
    ("comment.xlsx", "bản ghi cuối của tệp zip khai báo nhiều byte hơn số byte tệp thực có",
     "its zip end record announces more bytes than the file has"),
])
def test_a_damaged_zip_directory(cli, tmp_path, name, vi, en):
    path = BAD / name
    if name == "comment.xlsx":
        data = bytearray(SMALL.read_bytes())
        end = data.rfind(b"PK\x05\x06")
        data[end + 20:end + 22] = (40).to_bytes(2, "little")  # a comment announced, none there
        path = tmp_path / name
        path.write_bytes(bytes(data))
    assert score(cli, path) == (f"parcalc: lỗi: {path}: bị hỏng hoặc bị cắt cụt ({vi}); hãy lưu lại bằng Excel\n",
                                f"parcalc: error: {path}: is damaged or truncated ({en}); save it again from Excel\n")


def test_a_zip_compression_excel_never_writes(cli, tmp_path):
    path = rewritten(tmp_path / "bzip2.xlsx", {}, compression={SHEET: zipfile.ZIP_BZIP2})
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}: bị hỏng: tệp dùng kiểu nén zip mà Excel không bao giờ dùng; {AGAIN_VI}\n",
        f"parcalc: error: {path}: is damaged: it uses a zip compression Excel never writes; {AGAIN_EN}\n")


def test_a_part_given_twice(cli, tmp_path):
    path = tmp_path / "twice.xlsx"
    with zipfile.ZipFile(SMALL) as book, zipfile.ZipFile(path, "w") as target:
        for info in book.infolist():
            target.writestr(info.filename, book.read(info))
        with pytest.warns(UserWarning, match="Duplicate name"):
            target.writestr(SHEET, book.read(SHEET))
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}: bị hỏng: tệp chứa {SHEET} nhiều hơn một lần; {AGAIN_VI}\n",
        f"parcalc: error: {path}: is damaged: it holds {SHEET} more than once; {AGAIN_EN}\n")


# ---- read/xlsx.py: damaged parts ----

def test_a_missing_part(cli, tmp_path):
    path = rewritten(tmp_path / "no-rels.xlsx", {"_rels/.rels": None})
    assert score(cli, path) == (f"parcalc: lỗi: {path}: bảng tính bị hỏng: thiếu phần _rels/.rels; {AGAIN_VI}\n",
                                f"parcalc: error: {path}: damaged workbook: part _rels/.rels is missing; {AGAIN_EN}\n")


def test_a_part_too_large_to_be_a_sheet(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "_MAX_PART", 100)
    size = zipfile.ZipFile(SMALL).getinfo("_rels/.rels").file_size
    refusal = error(lambda: api.score_workbook(SMALL))
    assert refusal.render("vi") == (f"{SMALL}: phần _rels/.rels khi giải nén có {size} byte, quá lớn để là một trang tính thật")
    assert refusal.render("en") == f"{SMALL}: part _rels/.rels unpacks to {size} bytes, too large to be a real sheet"


def test_a_part_that_cannot_be_opened(cli, tmp_path):
    path = rewritten(tmp_path / "flagged.xlsx", {})
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:  # every entry marked encrypted, which Excel never does
        data[at + 8] |= 1
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    vi, en = score(cli, path)
    assert vi == (f"parcalc: lỗi: {path} (_rels/.rels): bảng tính bị hỏng (File is encrypted, password required for "
                  f"extraction); {AGAIN_VI}\n")
    assert en == (f"parcalc: error: {path} (_rels/.rels): damaged workbook (File is encrypted, password required for "
                  f"extraction); {AGAIN_EN}\n")


def test_a_dtd(cli):
    path = BAD / "entity-bomb.xlsx"
    vi, en = score(cli, path)
    assert vi == (f"parcalc: lỗi: {path} ({SHEET}): chứa khai báo DTD hoặc khai báo thực thể (entity), thứ mà bảng tính "
                  "không bao giờ cần (có thể là bom XML); từ chối đọc tệp này\n")
    assert en == (f"parcalc: error: {path} ({SHEET}): contains a DTD or entity declarations, which workbooks never need "
                  "(possible XML bomb); refusing to read it\n")


def test_damaged_xml(cli, tmp_path):
    path = rewritten(tmp_path / "xml.xlsx", {SHEET: lambda xml: xml.replace(b"</sheetData>", b"</sheetDat>")})
    assert score(cli, path) == (
        f"parcalc: lỗi: {path} ({SHEET}): XML trong bảng tính bị hỏng (mismatched tag, dòng 1); {AGAIN_VI}\n",
        f"parcalc: error: {path} ({SHEET}): damaged XML in the workbook (mismatched tag, line 1); {AGAIN_EN}\n")


def test_damaged_compressed_data(cli, tmp_path):
    data = bytearray(SMALL.read_bytes())
    info = zipfile.ZipFile(SMALL).getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start:start + 8] = b"\xff" * 8
    path = tmp_path / "deflate.xlsx"
    path.write_bytes(bytes(data))
    assert score(cli, path) == (
        f"parcalc: lỗi: {path} ({SHEET}): bảng tính bị hỏng hoặc bị cắt cụt (dữ liệu nén bên trong bị hỏng); {AGAIN_VI}\n",
        f"parcalc: error: {path} ({SHEET}): damaged or truncated workbook (its compressed data are damaged); {AGAIN_EN}\n")


def test_a_part_not_in_utf8(cli, tmp_path):
    path = rewritten(tmp_path / "utf16.xlsx", {"xl/styles.xml": lambda xml: xml.decode("utf-8").encode("utf-16")})
    vi, en = score(cli, path)
    assert vi == (f"parcalc: lỗi: {path} (xl/styles.xml): bảng tính bị hỏng: có một phần không mã hóa UTF-8 như Excel và "
                  f"LibreOffice vẫn ghi; {AGAIN_VI}\n")
    assert en == (f"parcalc: error: {path} (xl/styles.xml): damaged workbook: a part that is not in UTF-8, as Excel and "
                  f"LibreOffice write them; {AGAIN_EN}\n")


def test_root_relationships_that_name_no_workbook(cli, tmp_path):
    path = rewritten(tmp_path / "rels.xlsx", {"_rels/.rels": lambda xml: xml.replace(b'Target="xl/workbook.xml"', b'Target="xl/other.xml"')})
    assert score(cli, path) == (
        f"parcalc: lỗi: {path} (_rels/.rels): bảng tính bị hỏng: phần quan hệ gốc của tệp không chỉ đến xl/workbook.xml "
        f"làm bảng tính; {AGAIN_VI}\n",
        f"parcalc: error: {path} (_rels/.rels): damaged workbook: its root relationships do not name xl/workbook.xml as "
        f"the workbook; {AGAIN_EN}\n")


@pytest.mark.parametrize("change, vi, en", [
    (lambda xml: xml.replace(b'r:id="rId1"', b'r:id="rId9"'), "trang tính «Điểm» không trỏ đến phần dữ liệu trang tính nào",
     "sheet 'Điểm' points to no sheet part"),
    (lambda xml: xml.replace(b'state="visible"', b'state="1"'), "trang tính «Điểm» có trạng thái không xác định «1»",
     "sheet 'Điểm' has the unknown state '1'"),
])
def test_a_damaged_sheet_list(cli, tmp_path, change, vi, en):
    path = rewritten(tmp_path / "sheets.xlsx", {"xl/workbook.xml": change})
    assert score(cli, path) == (f"parcalc: lỗi: {path} (xl/workbook.xml): bảng tính bị hỏng: {vi}; {AGAIN_VI}\n",
                                f"parcalc: error: {path} (xl/workbook.xml): damaged workbook: {en}; {AGAIN_EN}\n")


def test_a_workbook_without_sheets(cli, tmp_path):
    path = rewritten(tmp_path / "none.xlsx", {"xl/workbook.xml": lambda xml: xml[:xml.index(b"<sheets>")] + xml[xml.index(b"</sheets>") + 9:]})
    assert score(cli, path) == (f"parcalc: lỗi: {path}: bảng tính không có trang tính nào; {AGAIN_VI}\n",
                                f"parcalc: error: {path}: the workbook has no sheets; {AGAIN_EN}\n")


def test_an_unknown_sheet_lists_the_sheets(cli, tmp_path):
    book = Workbook()
    book.active.title = "Bìa"
    book.create_sheet("Chấm điểm")
    book.save(tmp_path / "two.xlsx")
    path = tmp_path / "two.xlsx"
    assert score(cli, path, "--sheet", "Năm 2025") == (
        f"parcalc: lỗi: {path}: không có trang tính nào tên «Năm 2025»; các trang tính của bảng tính là «Bìa», «Chấm điểm»\n",
        f"parcalc: error: {path}: no sheet named 'Năm 2025'; its sheets are 'Bìa', 'Chấm điểm'\n")


# ---- read/xlsx.py: damaged rows and cells (the strict reader of `score`) ----

def in_sheet(path: Path, change) -> Path:
    return rewritten(path, {SHEET: change}, source=workbook_with(path.with_suffix(".source.xlsx"), '<c r="D3"><v>7</v></c>'))


@pytest.mark.parametrize("change, place_vi, place_en, vi, en", [
    (lambda xml: xml.replace(b'<row r="3"', b'<row r="five"'), "dòng 'five'", "row 'five'",
     "số dòng không phải là một dòng của trang tính", "a row number that is not a row of a sheet"),
    (lambda xml: xml.replace(b'<row r="3"', b'<row r="2"'), "dòng 2", "row 2",
     "dòng được ghi hai lần hoặc sai thứ tự", "the row is given twice or out of order"),
    (lambda xml: xml.replace(b'<c r="D3"', b'<c r="D9"'), "dòng 3", "row 3",
     "địa chỉ ô «D9» không phải là một ô của dòng 3", "the cell reference 'D9' is not a cell of row 3"),
    (lambda xml: xml.replace(b'<c r="D3"', b'<c r="D3" t="x"'), "ô D3", "cell D3",
     "kiểu ô «x» không phải kiểu nào của Excel", "the cell type 'x' is none of Excel's"),
    (lambda xml: xml.replace(b'<c r="D3"><v>7</v></c>', b'<c r="D3"><v>7</v></c><c r="D3"><v>9</v></c>'), "ô D3", "cell D3",
     "ô được ghi hai lần", "the cell is given twice"),
])
def test_a_damaged_row_or_cell(cli, tmp_path, change, place_vi, place_en, vi, en):
    path = in_sheet(tmp_path / "cells.xlsx", change)
    assert score(cli, path) == (f"parcalc: lỗi: {path}, trang tính «Sheet», {place_vi}: bảng tính bị hỏng: {vi}; {AGAIN_VI}\n",
                                f"parcalc: error: {path}, sheet 'Sheet', {place_en}: damaged workbook: {en}; {AGAIN_EN}\n")


def test_a_dimension_that_is_no_range(cli, tmp_path):
    path = in_sheet(tmp_path / "dimension.xlsx", lambda xml: xml.replace(b'<dimension ref="A1:D3"/>', b'<dimension ref="A1-D3"/>'))
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet»: bảng tính bị hỏng: phạm vi (dimension) «A1-D3» của trang tính không phải là "
        f"một vùng ô; {AGAIN_VI}\n",
        f"parcalc: error: {path}, sheet 'Sheet': damaged workbook: the sheet's dimension 'A1-D3' is not a range; {AGAIN_EN}\n")


def test_a_missing_shared_string(cli, tmp_path):
    path = workbook_with(tmp_path / "sst.xlsx", '<c r="D3" t="s"><v>7</v></c>')
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet», ô D3: bảng tính bị hỏng: một ô văn bản trỏ đến chuỗi dùng chung "
        f"(shared string) không có; {AGAIN_VI}\n",
        f"parcalc: error: {path}, sheet 'Sheet', cell D3: damaged workbook: a text cell points to a missing shared string; {AGAIN_EN}\n")


# ---- read/valuesheet.py (python-calamine, as `rank` reads) ----

SPAN_VI = ("vượt xa một bảng điểm: có giá trị nào bị gõ ở xa không? Hãy xóa các dòng và cột nằm ngoài bảng (Ctrl+End cho "
           "biết ô cuối cùng có dữ liệu) rồi lưu lại")
SPAN_EN = ("far beyond a scoring table: a value typed far away? Delete the rows and columns outside the table (Ctrl+End "
           "shows the last used cell) and save again")
WIDE = [("STT", "Điểm tối đa", "Xã A", "Xã B"), ("1", 6, 5, 4), ("2", 4, 4, 3)]


def test_cells_typed_far_away(cli, tmp_path):
    book = Workbook()
    for row in WIDE:
        book.active.append(row)
    book.active["XFD1048576"] = "x"
    path = tmp_path / "far.xlsx"
    book.save(path)
    assert refused(cli, "rank", path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet»: các ô có dữ liệu trải rộng (A1:XFD1048576), {SPAN_VI}\n",
        f"parcalc: error: {path}, sheet 'Sheet': its cells span A1:XFD1048576, {SPAN_EN}\n")


def test_a_row_past_excels_last(cli, tmp_path):
    source = sheet_with(tmp_path / "source.xlsx", WIDE)
    path = rewritten(tmp_path / "low.xlsx", {SHEET: lambda xml: xml.replace(b"</sheetData>", b'<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>')
                                              .replace(b'<dimension ref="A1:D3"/>', b"")}, source=source)
    assert refused(cli, "rank", path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet»: các ô có dữ liệu trải rộng (dòng 1048577), {SPAN_VI}\n",
        f"parcalc: error: {path}, sheet 'Sheet': its cells span row 1048577, {SPAN_EN}\n")


def calamine_failing(monkeypatch, exception: Exception) -> None:
    class Failing:
        class CalamineWorkbook:
            @staticmethod
            def from_path(path: str):
                raise exception

    monkeypatch.setattr(valuesheet, "_calamine", lambda: Failing)


def test_a_sheet_calamine_cannot_read(tmp_path, monkeypatch):
    path = sheet_with(tmp_path / "units.xlsx", WIDE)
    calamine_failing(monkeypatch, ValueError("XML error at row 12"))
    refusal = error(lambda: api.score_units([path]))
    assert refusal.render("vi") == f"{path}, trang tính «Sheet»: bảng tính bị hỏng (XML error at row 12); hãy lưu lại bằng Excel"
    assert refusal.render("en") == f"{path}, sheet 'Sheet': damaged workbook (XML error at row 12); save it again from Excel"


def test_a_sheet_calamine_finds_truncated(tmp_path, monkeypatch):
    path = sheet_with(tmp_path / "units.xlsx", WIDE)
    calamine_failing(monkeypatch, zipfile.BadZipFile("Bad CRC-32"))
    refusal = error(lambda: api.score_units([path]))
    assert refusal.render("vi") == f"{path}: bảng tính bị hỏng hoặc bị cắt cụt (Bad CRC-32); {AGAIN_VI}"
    assert refusal.render("en") == f"{path}: damaged or truncated workbook (Bad CRC-32); {AGAIN_EN}"


# ---- read/cells.py: points cells ----

HEAD = ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định")


@pytest.mark.parametrize("value, vi, en", [
    ("ba phẩy năm", "«ba phẩy năm» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)",
     "'ba phẩy năm' is not a number (write points like 1,48 or 1.48)"),
    ("91,67%", "«91,67%» là tỷ lệ, không phải điểm: hãy ghi số điểm mà tỷ lệ này đạt được (hoặc ghi tỷ lệ vào cột giá trị có quy tắc tính điểm)",
     "'91,67%' is a rate, not points: write the points this rate earns (or give the rate in a value column with a scoring rule)"),
    (True, "chứa TRUE/FALSE, không phải điểm: hãy ghi số điểm", "holds TRUE/FALSE, not points: write the points"),
    (-1, "điểm không được là số âm (-1): hãy ghi số điểm từ 0 trở lên", "points cannot be negative (-1): write 0 or more"),
    ("=1/0", "chứa công thức chưa được lưu kết quả: hãy mở bảng tính bằng Excel hoặc LibreOffice, để chương trình tính xong, lưu lại rồi chạy lại",
     "holds a formula whose result was never saved: open the workbook in Excel or LibreOffice, let it calculate, save, and try again"),
])
def test_a_points_cell_that_holds_no_points(cli, tmp_path, value, vi, en):
    path = sheet_with(tmp_path / "cells.xlsx", [HEAD, ("1", "Một", 10, value)])
    assert score(cli, path) == (f"parcalc: lỗi: {path}, trang tính «Sheet», ô D2: 1: {vi}\n",
                                f"parcalc: error: {path}, sheet 'Sheet', cell D2: 1: {en}\n")


def test_a_points_cell_formatted_as_a_percentage(cli, tmp_path):
    path = sheet_with(tmp_path / "percent.xlsx", [HEAD, ("1", "Một", 10, 0.85)], formats={"D2": "0.00%"})
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet», ô D2: 1: được định dạng phần trăm (85,00 %): là tỷ lệ, không phải điểm; "
        "nếu ô chứa điểm, hãy định dạng ô là số\n",
        f"parcalc: error: {path}, sheet 'Sheet', cell D2: 1: is formatted as a percentage (85.00 %): a rate, not points; "
        "format it as a number if it holds points\n")


@pytest.mark.parametrize("xml, vi, en", [
    ('<c r="D3" t="e"><v>#DIV/0!</v></c>', "chứa lỗi Excel #DIV/0!: hãy sửa công thức", "holds the Excel error #DIV/0!: fix the formula"),
    ('<c r="D3" t="n"><v>NaN</v></c>', "«NaN» không phải là số điểm (hay số lượng) mà một bảng tính có thể chứa",
     "'NaN' is not a number of points (nor a count) that a sheet can hold"),
])
def test_a_points_cell_as_no_clerk_types_it(cli, tmp_path, xml, vi, en):
    path = workbook_with(tmp_path / "hostile.xlsx", xml)
    assert score(cli, path) == (f"parcalc: lỗi: {path}, trang tính «Sheet», ô D3: 1.1: {vi}\n",
                                f"parcalc: error: {path}, sheet 'Sheet', cell D3: 1.1: {en}\n")


@pytest.mark.parametrize("value, vi, en", [
    ("khoảng 30%", "«khoảng 30%» không phải là tỷ lệ (hãy ghi như 91,67% hoặc 0,9167)", "'khoảng 30%' is not a rate (write it like 91,67% or 0,9167)"),
    ("abc", "«abc» không phải là giá trị (hãy ghi tỷ lệ như 32% hoặc 0,32, một số lượng, hoặc Có / Không)",
     "'abc' is not a value (write a rate like 32% or 0,32, a count, or Có / Không)"),
])
def test_a_value_cell_that_holds_no_value(cli, tmp_path, value, vi, en):
    path = sheet_with(tmp_path / "values.xlsx", [("STT", "Chỉ tiêu", "Giá trị"), ("1", "Một", value)])
    plans = Path(__file__).resolve().parents[1] / "examples" / "plans" / "binh-dinh-2021-targets.yaml"
    assert score(cli, path, "--criteria", plans) == (f"parcalc: lỗi: {path}, trang tính «Sheet», ô C2: 1: {vi}\n",
                                                     f"parcalc: error: {path}, sheet 'Sheet', cell C2: 1: {en}\n")


# ---- read/workbook.py: one unit's table ----

def test_points_above_the_standard_points(cli):
    path = BAD / "above-max.xlsx"
    assert score(cli, path, "--criteria", SMALL_SET) == (
        f"parcalc: lỗi: {path}, trang tính «Điểm», ô D5: 1.1: điểm thẩm định 4,5 lớn hơn điểm chuẩn 4\n",
        f"parcalc: error: {path}, sheet 'Điểm', cell D5: 1.1: 4.5 points is more than its standard points 4\n")


def test_a_text_that_is_no_criterion_code(cli, tmp_path):
    path = sheet_with(tmp_path / "codes.xlsx", [HEAD, ("1", "Một", 10, 8), ("Mục A", "Hai", 5, 4)])
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet», ô A3: «Mục A» không phải là mã tiêu chí (mã có dạng 3, 3.4.1 hoặc số La Mã "
        "của lĩnh vực như II)\n",
        f"parcalc: error: {path}, sheet 'Sheet', cell A3: 'Mục A' is not a criterion code (codes look like 3, 3.4.1 or a Roman "
        "field number such as II)\n")


def test_a_header_without_rows_below(cli, tmp_path):
    path = sheet_with(tmp_path / "header.xlsx", [("Bảng điểm",), HEAD])
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet»: không có dòng nào có mã tiêu chí dưới dòng tiêu đề (dòng 2): hãy ghi mã "
        "tiêu chí vào cột mã\n",
        f"parcalc: error: {path}, sheet 'Sheet': no rows with a criterion code below the header (row 2): write the criterion codes in the code column\n")


def test_a_sheet_of_too_many_rows(cli, tmp_path, monkeypatch):
    from parcalc.read import workbook

    monkeypatch.setattr(workbook, "MOST_ROWS", 1000)
    path = sheet_with(tmp_path / "tall.xlsx", [HEAD, *((str(n), "Một", 1, 1) for n in range(1, 1001))])
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet»: có hơn 1000 dòng: bảng điểm của một đơn vị chỉ có mỗi tiêu chí một dòng "
        "(nhiều đơn vị trong một trang tính: dùng parcalc rank)\n",
        f"parcalc: error: {path}, sheet 'Sheet': holds more than 1,000 rows: one unit's scoring table has a row per criterion "
        "(many units in one sheet: parcalc rank)\n")


def test_a_first_sheet_without_a_table_names_the_sheets_that_have_one(cli, tmp_path):
    book = Workbook()
    book.active.title = "Bìa"
    book.active.append(("Báo cáo chỉ số CCHC",))
    for name in ("Năm 2024", "Năm 2025"):
        sheet = book.create_sheet(name)
        sheet.append(("STT", "Điểm chuẩn", "Điểm thẩm định"))
        sheet.append(("1", 10, 9))
    path = tmp_path / "two.xlsx"
    book.save(path)
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}, trang tính «Bìa»: không tìm thấy dòng tiêu đề trong 20 dòng đầu: cần có một cột mã (STT, Mã, "
        "code) và một cột điểm (Điểm thẩm định / Điểm chuẩn / Điểm bị mất / Giá trị); có phải cần chọn --sheet 'Năm 2024' "
        "hoặc --sheet 'Năm 2025'?\n",
        f"parcalc: error: {path}, sheet 'Bìa': no header row in the first 20 rows: expected a code column (STT, Mã, code) "
        "and a points column (Điểm thẩm định / Điểm chuẩn / Điểm bị mất / Giá trị); did you mean --sheet 'Năm 2024' or "
        "--sheet 'Năm 2025'?\n")


# ---- read/headers.py: finding the header ----

def test_an_empty_sheet(cli):
    path = BAD / "empty-sheet.xlsx"
    assert score(cli, path) == (f"parcalc: lỗi: {path}, trang tính «Sheet»: trang tính trống, không có bảng chấm điểm\n",
                                f"parcalc: error: {path}, sheet 'Sheet': the sheet is empty\n")


def test_no_header_row(cli):
    path = BAD / "no-header.xlsx"
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}, trang tính «Điểm»: không tìm thấy dòng tiêu đề trong 20 dòng đầu: cần có một cột mã (STT, Mã, "
        "code) và một cột điểm (Điểm thẩm định / Điểm chuẩn / Điểm bị mất / Giá trị)\n",
        f"parcalc: error: {path}, sheet 'Điểm': no header row in the first 20 rows: expected a code column (STT, Mã, code) "
        "and a points column (Điểm thẩm định / Điểm chuẩn / Điểm bị mất / Giá trị)\n")


def test_a_header_without_a_code_column(cli):
    path = BAD / "no-code-column.xlsx"
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}, trang tính «Điểm», dòng 3: dòng tiêu đề không có cột mã: hãy thêm một cột có tiêu đề STT, Mã "
        "hoặc code, ghi các mã như 3.4.1\n",
        f"parcalc: error: {path}, sheet 'Điểm', row 3: the header has no code column: add a column headed STT, Mã or code "
        "holding codes such as 3.4.1\n")


def test_a_ranking_is_not_read_as_points(cli, tmp_path):
    """The ranking `rank -o` wrote beside the files it ranked, given back with them
    (`rank *.xlsx` run again), or an office's own ranking sheet."""
    example = tmp_path / "Xã A.xlsx"
    example.write_bytes((EXAMPLES / "synthetic-province-2020.xlsx").read_bytes())
    for lang, headings in (("vi", "Hạng, Đơn vị, Chỉ số"), ("en", "Rank, Unit, Index")):
        written = tmp_path / f"xep-hang-{lang}.xlsx"
        assert cli("rank", example, "-c", "province-2020", "-o", written, "--lang", lang).exit_code == 0
        assert refused(cli, "rank", example, written, "-c", "province-2020") == (
            f"parcalc: lỗi: {written}, trang tính «{'Phụ lục' if lang == 'vi' else 'Appendix'}», dòng 5: trang tính này là một bảng "
            f"xếp hạng ({headings}), không phải bảng điểm: hãy bỏ bảng tính này ra khỏi các tệp được đọc (parcalc rank -o ghi ra "
            "tệp như vậy)\n",
            f"parcalc: error: {written}, sheet '{'Phụ lục' if lang == 'vi' else 'Appendix'}', row 5: this sheet is a ranking "
            f"({headings}), not a table of points: leave its workbook out of those read (parcalc rank -o writes such a file)\n")
    typed = sheet_with(tmp_path / "bxh.xlsx", [("KẾT QUẢ XẾP HẠNG",), (), (" HẠNG", "Đơn  vị", "Điểm", "Chỉ số"), (1, "Xã A", 90, 90)])
    assert score(cli, typed)[1] == (f"parcalc: error: {typed}, sheet 'Sheet', row 3: this sheet is a ranking (HẠNG, Đơn vị, "
                                    "Chỉ số), not a table of points: leave its workbook out of those read (parcalc rank -o writes such a file)\n")


def test_a_points_heading_over_the_units(cli, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định", None])
    sheet.append([None, None, None, "Phòng Nội vụ", "Phòng Tư pháp"])
    sheet.merge_cells("D1:E1")
    sheet.append(["1", "Chỉ đạo", 10, 10, 9])
    path = tmp_path / "merged.xlsx"
    book.save(path)
    assert score(cli, path) == (
        f"parcalc: lỗi: {path}, trang tính «Sheet», dòng 1: tiêu đề cột điểm trải trên nhiều cột (D2 «Phòng Nội vụ», "
        "E2 «Phòng Tư pháp»): trang tính có mỗi đơn vị một cột thì xếp hạng bằng `parcalc rank`, lệnh này đọc mọi đơn vị\n",
        f"parcalc: error: {path}, sheet 'Sheet', row 1: the points heading stands over several columns (D2 «Phòng Nội vụ», "
        "E2 «Phòng Tư pháp»): a sheet with a column per unit is ranked with `parcalc rank`, which reads every unit\n")
