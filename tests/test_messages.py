"""The errors and notes of the engine, the analyses and the command line, each as a whole
line in Vietnamese (the default) and in English, with its exit code. (The readers' own
messages are pinned in test_messages_sheets.py and test_messages_files.py.)"""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import Workbook

from parcalc import api
from parcalc.core.errors import UsageError
from tests.conftest import LAM_DONG

SCORE = ("score", LAM_DONG, "--criteria", "province-2020", "--assume-full")
WHATIF = ("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full")


def both(cli, *args):
    """stderr and exit code in Vietnamese, then in English."""
    vi, en = cli(*args), cli(*args, lang="en")
    return (vi.exit_code, vi.stderr), (en.exit_code, en.stderr)


def sheet(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("args, vietnamese, english", [
    (("--fail-under", "tám mươi"), "--fail-under: «tám mươi» không phải là số (viết như 85,5 hoặc 85.5)",
     "--fail-under: 'tám mươi' is not a number (write it like 85,5 or 85.5)"),
    (("--fail-under", "100,5"), "--fail-under: 100,5 nằm ngoài khoảng cho phép: nhập số từ 0 đến 100",
     "--fail-under: 100,5 is out of range: give a number from 0 to 100"),
])
def test_numbers_typed_in_options(cli, args, vietnamese, english):
    assert both(cli, *SCORE, *args) == ((2, f"parcalc: lỗi: {vietnamese}\n"), (2, f"parcalc: error: {english}\n"))


def test_a_lower_bound_alone_is_said_as_such(cli):
    run = cli("remediation", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--min-lost", "-0,5", "-f", "md")
    assert (run.exit_code, run.stderr) == (2, "parcalc: lỗi: --min-lost: -0,5 nằm ngoài khoảng cho phép: nhập số không nhỏ hơn 0\n")
    run = cli("remediation", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--min-lost", "-0,5", "-f", "md", lang="en")
    assert run.stderr == "parcalc: error: --min-lost: -0,5 is out of range: give a number at least 0\n"


@pytest.mark.parametrize("override, vietnamese, english", [
    ("6.1.2", "--set: «6.1.2» không có dạng MÃ=ĐIỂM hoặc MÃ=value:SỐ (ví dụ 6.1.2=1 hoặc 3.4.1=value:0.98)",
     "--set: '6.1.2' is not CODE=POINTS or CODE=value:NUMBER (e.g. 6.1.2=1 or 3.4.1=value:0.98)"),
    ("6.1.2=một", "--set: «6.1.2=một»: «một» không phải là số (viết như 85,5 hoặc 85.5)",
     "--set: '6.1.2=một': 'một' is not a number (write it like 85,5 or 85.5)"),
    ("6.1.2=-1", "--set: «6.1.2=-1»: -1 nằm ngoài khoảng cho phép: nhập số không nhỏ hơn 0",
     "--set: '6.1.2=-1': -1 is out of range: give a number at least 0"),
])
def test_a_bad_override(cli, override, vietnamese, english):
    assert both(cli, *WHATIF, "--set", override) == ((2, f"parcalc: lỗi: {vietnamese}\n"), (2, f"parcalc: error: {english}\n"))


def test_a_target_index_and_a_target_grade_together(cli):
    assert both(cli, *WHATIF, "--target-index", "90", "--target-grade", "A") == (
        (2, "parcalc: lỗi: --target-grade: chỉ nhập chỉ số mục tiêu hoặc mức xếp loại mục tiêu, không nhập cả hai\n"),
        (2, "parcalc: error: --target-grade: give a target index or a target grade, not both\n"))


def test_a_binary_format_without_a_file(cli):
    assert both(cli, "remediation", *SCORE[1:], "-f", "xlsx") == (
        (2, "parcalc: lỗi: --format: xlsx là tệp nhị phân: ghi ra tệp bằng -o TỆP.xlsx\n"),
        (2, "parcalc: error: --format: xlsx is a binary document: write it to a file with -o FILE.xlsx\n"))


def test_a_folder_as_the_output(cli, tmp_path):
    assert both(cli, *SCORE, "-f", "json", "-o", tmp_path) == (
        (2, f"parcalc: lỗi: {tmp_path}: là một thư mục: hãy chỉ ra một tệp để ghi\n"),
        (2, f"parcalc: error: {tmp_path}: is a folder; name a file to write\n"))


def test_only_lock_files(cli, tmp_path):
    lock = tmp_path / "~$huyện.xlsx"
    lock.write_bytes(b"\x00" * 165)
    assert both(cli, "rank", lock) == (
        (2, f"parcalc: lưu ý: {lock}: tệp khóa của Excel/LibreOffice (bảng tính đang mở), không phải bảng tính: bỏ qua\n"
            f"parcalc: lỗi: {lock}: chỉ có tệp khóa: hãy chỉ ra chính các bảng tính\n"),
        (2, f"parcalc: note: {lock}: a lock file of Excel/LibreOffice (the workbook is open), not a workbook: skipped\n"
            f"parcalc: error: {lock}: only lock files were given: name the workbooks themselves\n"))


def test_many_missing_codes_are_listed_up_to_twelve(cli, tmp_path):
    blank = tmp_path / "blank.xlsx"
    assert cli("template", "--criteria", "province-2020", "-o", blank).exit_code == 0
    (code_vi, vi), (code_en, en) = both(cli, "score", blank, "--criteria", "province-2020")
    # `parcalc criteria show province-2020`, in tree order, the nodes that need points of their own: the listed
    # leaves, each parent's unlisted part (1*, 3.4*, ...) and field 2, whose breakdown is unknown: 36 in all
    # (1.5 1.6 1* 2 3.4.1 3.4.2 3.4.3 3.4* 3* 4.1.2 4.1.3 4.1* | 4.3.3 4.3* 4* 5.5.2 5.5* 5* 6.1.1 6.1.2 6.1.3
    # 6.3.3 6.3.4 6.3* 6* 7.1.3 7.1.9 7.1* 7* 8.3.1 8.3* 8.5 8.6 8* 9.1 9.2): 12 named, 24 more
    assert (code_vi, code_en) == (2, 2)
    assert vi == ("parcalc: lỗi: chưa có điểm của 1.5, 1.6, 1*, 2, 3.4.1, 3.4.2, 3.4.3, 3.4*, 3*, 4.1.2, 4.1.3, 4.1* và 24 mã khác "
                  "(1* là phần điểm chuẩn của 1 không có dòng nào): ghi điểm "
                  "vào bảng tính (hoặc điểm của tiêu chí cấp trên), hoặc cho biết cách đọc ô trống hay dòng thiếu: --blank zero "
                  "(không đạt, 0 điểm) hoặc --blank full / --assume-full (tính đủ điểm)\n")
    assert en == ("parcalc: error: no points for 1.5, 1.6, 1*, 2, 3.4.1, 3.4.2, 3.4.3, 3.4*, 3*, 4.1.2, 4.1.3, 4.1* and 24 more "
                  "(1* is the part of 1's standard points that no row lists): give them in "
                  "the workbook (or their parent's points), or say how to read what is blank or left out: --blank zero (not "
                  "achieved, 0 points) or --blank full / --assume-full (counted at full points)\n")


def test_a_workbook_without_standard_points_and_without_a_set(cli, tmp_path):
    path = sheet(tmp_path / "no-max.xlsx", [("STT", "Nội dung", "Điểm thẩm định"), ("1", "Lĩnh vực", 5)])
    assert both(cli, "score", path) == (
        (2, f"parcalc: lỗi: {path}, trang tính «Sheet», ô A2: 1 chưa có điểm chuẩn (Điểm chuẩn, Điểm tối đa): ghi thêm điểm "
            "chuẩn, hoặc dùng --criteria SET\n"),
        (2, f"parcalc: error: {path}, sheet 'Sheet', cell A2: 1 has no standard points (Điểm chuẩn, Điểm tối đa): add them, "
            "or pass --criteria SET\n"))


def test_children_whose_maxima_exceed_their_parents(cli, tmp_path):
    path = sheet(tmp_path / "over.xlsx", [("STT", "Nội dung", "Điểm chuẩn", "Điểm thẩm định"), ("1", "Lĩnh vực", 5, 4),
                                          ("1.1", "Tiêu chí a", 3, 2), ("1.2", "Tiêu chí b", 2.5, 2)])
    assert both(cli, "score", path) == (
        (2, f"parcalc: lỗi: {path}, trang tính «Sheet», ô C2: 1: các dòng bên dưới có tổng điểm chuẩn 5,5, nhiều hơn điểm "
            "chuẩn 5 của nó\n"),
        (2, f"parcalc: error: {path}, sheet 'Sheet', cell C2: 1: the rows under it have 5.5 standard points together, more "
            "than its 5\n"))


def test_two_missing_fields_are_said_in_the_plural(cli, tmp_path):
    path = sheet(tmp_path / "part.xlsx", [("STT", "Nội dung", "Điểm chuẩn", "Điểm thẩm định"), ("1", "Một", 5, 4), ("4", "Bốn", 5, 5)])
    vi, en = both(cli, "score", path)
    assert vi[1].startswith(f"parcalc: lỗi: {path}, trang tính «Sheet»: bảng tính không có dòng nào của lĩnh vực 2, 3 nên")
    assert en[1].startswith(f"parcalc: error: {path}, sheet 'Sheet': the workbook has no rows for fields 2, 3, so it holds")


def test_fewer_peers_than_the_target_rank_is_a_note(cli, tmp_path):
    peers = tmp_path / "peers.csv"
    peers.write_text("unit,year,index\nTỉnh A,2020,90\nTỉnh B,2020,80\n", encoding="utf-8")
    import json

    for lang, note in (("", "danh sách có ít hơn 5 đơn vị: không cần khôi phục điểm để đạt hạng 5"),
                       ("en", "fewer than 5 peers are listed: rank 5 needs no recovery among them")):
        run = cli(*WHATIF, "--peers", peers, "--target-rank", "5", "-f", "json", lang=lang)
        assert run.exit_code == 0 and json.loads(run.stdout)["notes"][-1] == note


def test_a_reading_that_is_not_one_is_refused_in_python():
    appraisal = api.read_workbook(LAM_DONG)
    with pytest.raises(UsageError) as caught:
        api.score_appraisal(appraisal, api.load_criteria("province-2020"), blank="empty")
    assert caught.value.render("vi") == "--blank: «empty» không phải là một cách đọc: dùng zero/full"
    assert caught.value.render("en") == "--blank: 'empty' is not a reading: use zero/full"


def test_a_rule_that_refuses_a_value_names_the_cell(tmp_path):
    from parcalc.core.errors import ScoringError

    rules = tmp_path / "set.yaml"
    rules.write_text("parcalc_criteria: 1\nid: yn\ntitle: Có/không\nlevel: custom\nnodes:\n"
                     "  - {code: '1', name: Một, max: 2, rule: {kind: yesno}}\n", encoding="utf-8")
    path = sheet(tmp_path / "v.xlsx", [("STT", "Nội dung", "Giá trị"), ("1", "Một", 0.5)])
    with pytest.raises(ScoringError) as caught:
        api.score_workbook(path, str(rules))
    assert caught.value.render("vi") == f"{path}, trang tính «Sheet», ô C2: 1: giá trị 0,5: giá trị có/không phải là 1 (có) hoặc 0 (không)"
    assert caught.value.render("en") == f"{path}, sheet 'Sheet', cell C2: 1: value 0.5: a yes/no value is 1 (yes) or 0 (no)"


def test_decimals_in_vietnamese_messages_have_the_comma():
    from parcalc.core.messages import Msg

    assert Msg("{points} points is outside 0..{max}, the maximum of {code}", points=Decimal("1.25"), max=Decimal("1.00"),
               code="6.1.2").render("vi") == "1,25 điểm nằm ngoài khoảng 0..1,00 (điểm chuẩn của 6.1.2)"


@pytest.mark.parametrize("args, name, extension", [
    (("template", "--criteria", "province-2020"), "blank.docx", ".xlsx"),
    (("playbook", "init", "--criteria", "province-2020"), "playbook.xlsx", ".yaml"),
    (("criteria", "import", LAM_DONG), "set.txt", ".yaml"),
])
def test_a_file_named_for_another_format_is_refused(cli, tmp_path, args, name, extension):
    target = tmp_path / name
    assert both(cli, *args, "-o", target) == (
        (2, f"parcalc: lỗi: {target}: lệnh này ghi tệp {extension}: hãy đặt tên tệp kết quả có đuôi {extension}\n"),
        (2, f"parcalc: error: {target}: this command writes a {extension} file: name the output so\n"))
    assert not target.exists()


def test_every_command_takes_lang(cli, tmp_path):
    run = cli("criteria", "check", tmp_path / "none.yaml", "--lang", "en")
    assert (run.exit_code, run.stderr) == (2, f"parcalc: error: {tmp_path / 'none.yaml'}: no such file: check its name and path\n")
    assert cli("criteria", "list", "--lang", "en").exit_code == 0
