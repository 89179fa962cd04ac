"""`parcalc gaps`: the explanation list (giải trình). Every node whose appraised points
fall below the self-score, largest gap first, with the workbook's explanation and
evidence, and the index and rank if every explanation were accepted. Expected figures
are worked out by hand in the comments."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from parcalc import api
from tests.conftest import EXAMPLES, LAM_DONG

D = Decimal
SO_TU_PHAP = EXAMPLES / "field" / "so-tu-phap-2025.xlsx"

# code, name, max, self-score, appraised, explanation, evidence
ROWS = [
    ("1", "Lĩnh vực A", 10, "7,5", None, None, None),  # a self-score here, and below: the children are listed
    ("1.1", "Tiêu chí a1", 4, 4, "2,5", "Kế hoạch ban hành ngày 10/01, đúng hạn", "QĐ 12/QĐ-UBND"),
    ("1.2", "Tiêu chí a2", 6, "3,5", 4, None, None),  # appraised above the self-score: nothing to explain
    ("2", "Lĩnh vực B", 10, "9,5", None, "Đã bổ sung báo cáo", None),  # no self-scores below: the field is listed
    ("2.1", "Tiêu chí b1", 5, None, 5, None, None),
    ("2.2", "Tiêu chí b2", 5, None, "3,5", None, None),
    ("3", "Lĩnh vực C", 5, 6, "4,5", None, None),  # a self-score above the maximum: the gap counts up to 5
    ("4", "Điểm trừ", 2, 0, -1, "Hồ sơ trễ hạn do lỗi hệ thống", "Văn bản của Cục"),  # deducted 1, self-assessed 0
]
# Appraised: 1 = 2,5 + 4 = 6,5; 2 = 5 + 3,5 = 8,5; 3 = 4,5; penalty 1: 18,5 of 25 = 74,00.
# Gaps: 1.1 4 - 2,5 = 1,5; 2 9,5 - 8,5 = 1; penalty 1 - 0 = 1; 3 min(6, 5) - 4,5 = 0,5 (1.2: -0,5, left out).
# All accepted: 18,5 + 1,5 + 1 + 1 + 0,5 = 22,5 of 25 = 90,00.
PEERS = "unit,year,index\nX,2025,95\nY,2025,88\nZ,2025,80\nW,2025,70\n"  # 74 is 4th; 90 is 2nd


def gap_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tự đánh giá"
    sheet.append(["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2025"])
    sheet.append([])
    sheet.append(["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Điểm thẩm định", "Giải trình", "Tài liệu kiểm chứng"])
    for row in ROWS:
        sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture
def made(tmp_path) -> Path:
    return gap_workbook(tmp_path / "tu-danh-gia.xlsx")


def gaps_json(cli, *args) -> dict:
    run = cli("gaps", *args, "-f", "json")
    assert run.exit_code == 0, run.output
    return json.loads(run.stdout)


def test_rows_largest_gap_first_at_the_finest_self_scored_level(cli, made):
    data = gaps_json(cli, made)
    rows = [(r["code"], r["self_score"], r["points"], r["gap"]) for r in data["rows"]]
    assert rows == [("1.1", 4, 2.5, 1.5), ("2", 9.5, 8.5, 1), ("4", 0, 1, 1), ("3", 5, 4.5, 0.5)]
    by_code = {r["code"]: r for r in data["rows"]}
    assert by_code["1.1"]["explanation"] == "Kế hoạch ban hành ngày 10/01, đúng hạn" and by_code["1.1"]["evidence"] == "QĐ 12/QĐ-UBND"
    assert by_code["2"]["explanation"] == "Đã bổ sung báo cáo" and by_code["2"]["evidence"] is None
    assert by_code["4"]["explanation"] == "Hồ sơ trễ hạn do lỗi hệ thống"
    assert data["summary"] == {"rows": 4, "total_gap": 4, "index": 74, "group": "C", "index_if_accepted": 90,
                               "group_if_accepted": "A", "peers": None, "rank": None, "rank_if_accepted": None}


def test_a_self_score_above_the_maximum_is_said_with_its_cell(cli, made):
    run = cli("gaps", made, "-f", "json")
    assert run.stderr.splitlines() == [
        f"parcalc: cảnh báo: {made}, trang tính «Tự đánh giá», ô D10: 3: điểm tự đánh giá 6,00 cao hơn điểm chuẩn 5,00: tính chênh lệch đến điểm chuẩn"]
    warning = json.loads(run.stdout)["warnings"]
    assert [(w["kind"], w["code"], w["where"]) for w in warning] == [("self_above_max", "3", f"{made}, trang tính «Tự đánh giá», ô D10")]
    english = json.loads(cli("gaps", made, "-f", "json", "--lang", "en").stdout)["warnings"][0]
    assert english["where"] == f"{made}, sheet 'Tự đánh giá', cell D10"  # places in the language of the output


def test_ranks_now_and_if_accepted_among_peers(cli, made, tmp_path):
    peers = tmp_path / "peers.csv"
    peers.write_text(PEERS, encoding="utf-8")
    summary = gaps_json(cli, made, "--peers", peers)["summary"]
    assert (summary["peers"], summary["rank"], summary["rank_if_accepted"]) == (4, 4, 2)
    run = cli("gaps", made, "--peers", peers)
    assert "- Xếp hạng: 4 → 2 (trong 4 đơn vị của tệp so sánh)" in run.stdout.splitlines()


def test_markdown_summary_and_headings_in_both_languages(cli, made):
    vi = cli("gaps", made, "--year", "2025").stdout.splitlines()
    assert vi[0] == "## GIẢI TRÌNH CÁC TIÊU CHÍ CÓ ĐIỂM THẨM ĐỊNH THẤP HƠN ĐIỂM TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"
    assert vi[2:6] == ["- Số tiêu chí cần giải trình: 4",
                       "- Tổng chênh lệch (điểm được công nhận lại nếu giải trình được chấp nhận): 4,00",
                       "- Hiện tại: Chỉ số: 74,00 — Nhóm C (thang điểm 25,00)",
                       "- Nếu mọi giải trình được chấp nhận: Chỉ số: 90,00 — Nhóm A (thang điểm 25,00)"]
    assert vi[7] == ("| STT | Lĩnh vực/Tiêu chí/Tiêu chí thành phần | Điểm chuẩn | Điểm tự đánh giá | Điểm thẩm định "
                     "| Chênh lệch | Nội dung giải trình | Tài liệu kiểm chứng |")
    assert vi[9] == "| 1.1 | Tiêu chí a1 | 4,00 | 4,00 | 2,50 | 1,50 | Kế hoạch ban hành ngày 10/01, đúng hạn | QĐ 12/QĐ-UBND |"
    assert vi[10] == "| 2 | Lĩnh vực B | 10,00 | 9,50 | 8,50 | 1,00 | Đã bổ sung báo cáo |  |"
    en = cli("gaps", made, "--lang", "en").stdout.splitlines()
    assert en[0] == "## EXPLANATIONS FOR CRITERIA APPRAISED BELOW THE SELF-ASSESSMENT OF THE PAR INDEX"
    assert en[5] == "- If every explanation is accepted: Index: 90.00 — Group A (on a scale of 25.00)"


def test_the_field_example_lists_its_explanations(cli):
    # so-tu-phap-2025 (saved by LibreOffice): 8 sub-criteria appraised below the self-score,
    # 1,0 + 1,0 + 1,0 (bonus) + 0,75 + 0,5 + 0,5 + 0,5 + 0,25 = 5,5; accepted, the base
    # reaches 30 and the bonus 2 less the penalty 0,5 is capped at the scale: 100,00.
    data = gaps_json(cli, SO_TU_PHAP)
    assert [r["code"] for r in data["rows"]] == ["4.1", "5.2", "6.1", "3.2", "1.2.2", "2.1", "3.3", "5.1"]
    assert [r["gap"] for r in data["rows"]] == [1, 1, 1, 0.75, 0.5, 0.5, 0.5, 0.25]
    assert data["summary"]["total_gap"] == 5.5 and data["summary"]["index"] == 86.67 and data["summary"]["index_if_accepted"] == 100
    assert data["rows"][0]["explanation"] == "Đề án vị trí việc làm đã trình UBND tỉnh tại Tờ trình số 45/TTr-STP ngày 20/11"
    assert data["rows"][0]["evidence"] == "Chưa cập nhật đề án vị trí việc làm"


def test_a_workbook_without_self_scores_is_refused(cli):
    run = cli("gaps", LAM_DONG, "--criteria", "province-2020")
    assert run.exit_code == 2
    assert run.stderr == (f"parcalc: lỗi: {LAM_DONG}, trang tính «Phụ lục»: không có điểm tự đánh giá: thêm cột có tiêu đề "
                          "«Điểm tự đánh giá» (hoặc «Điểm tự chấm») bên cạnh điểm thẩm định\n")
    run = cli("gaps", LAM_DONG, "--criteria", "province-2020", "--lang", "en")
    assert run.stderr == (f"parcalc: error: {LAM_DONG}, sheet 'Phụ lục': has no self-scores: add a column headed "
                          "«Điểm tự đánh giá» (or «Điểm tự chấm») beside the appraised points\n")


def test_no_gaps_gives_an_empty_list_and_the_same_index(cli, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Điểm thẩm định"])
    sheet.append(["1", "A", 2, 1, "1,5"])
    sheet.append(["2", "B", 3, 3, 3])
    book.save(tmp_path / "none.xlsx")
    data = gaps_json(cli, tmp_path / "none.xlsx")
    assert data["rows"] == [] and data["summary"]["index"] == data["summary"]["index_if_accepted"] == 90  # 4,5 / 5


def test_documents_carry_the_table_and_the_summary(cli, made, tmp_path):
    xlsx, docx = tmp_path / "gt.xlsx", tmp_path / "gt.docx"
    for out in (xlsx, docx):
        assert cli("gaps", made, "--year", "2025", "--plan", "Báo cáo số 120/BC-UBND", "-o", out).exit_code == 0
    sheet = load_workbook(xlsx).active
    assert sheet["A1"].value == "PHỤ LỤC"
    assert sheet["A2"].value.endswith("NĂM 2025") and sheet["A3"].value == "(Kèm theo Báo cáo số 120/BC-UBND)"
    assert [c.value for c in sheet[6]] == ["1.1", "Tiêu chí a1", 4, 4, 2.5, 1.5, "Kế hoạch ban hành ngày 10/01, đúng hạn", "QĐ 12/QĐ-UBND"]
    assert [c.value for c in sheet[9]][:6] == ["3", "Lĩnh vực C", 5, 5, 4.5, 0.5]
    assert sheet["B11"].value == "Số tiêu chí cần giải trình: 4"  # the summary two rows below the table
    assert sheet["B14"].value == "Nếu mọi giải trình được chấp nhận: Chỉ số: 90,00 — Nhóm A (thang điểm 25,00)"
    text = zipfile.ZipFile(io.BytesIO(docx.read_bytes())).read("word/document.xml").decode("utf-8")
    for expected in ("Nội dung giải trình", "Hồ sơ trễ hạn do lỗi hệ thống", "1,50", "Hiện tại: Chỉ số: 74,00 — Nhóm C (thang điểm 25,00)"):
        assert expected in text


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "md", "csv", "json"])
def test_the_same_inputs_give_the_same_bytes(made, fmt):
    first = api.render_gaps(api.gap_list(made, year=2025), fmt)
    assert first == api.render_gaps(api.gap_list(made, year=2025), fmt) and len(first) > 200


def test_the_unit_left_out_of_the_peers_is_found_in_any_unicode_form(cli, made, tmp_path):
    import unicodedata

    peers = tmp_path / "peers.csv"
    peers.write_text(PEERS + unicodedata.normalize("NFD", "Sở Nội vụ") + ",2025,74\n", encoding="utf-8")
    summary = gaps_json(cli, made, "--peers", peers, "--unit", "Sở Nội vụ")["summary"]
    assert (summary["peers"], summary["rank"]) == (4, 4)  # itself left out: X, Y, Z above 74


def test_every_written_cell_of_the_xlsx_is_in_times_new_roman(cli, made, tmp_path):
    out = tmp_path / "gt.xlsx"
    assert cli("gaps", made, "--year", "2025", "-o", out).exit_code == 0
    fonts = {cell.font.name for row in load_workbook(out).active.iter_rows() for cell in row if cell.value is not None}
    assert fonts == {"Times New Roman"}
