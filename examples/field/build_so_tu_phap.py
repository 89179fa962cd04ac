"""Rebuild so-tu-phap-2025.xlsx: a SYNTHETIC department's self-assessment and appraisal,
laid out in the messiest common style of provincial scoring sheets (invented names and
points; no official set behind it):

- a cover sheet first, the scoring table on the second sheet;
- fields numbered I..V carrying only a heading (no points), numbering that restarts in
  each field (I > 1 > 1.1);
- a two-row header: "ĐIỂM" merged over "Tối đa | Tự chấm | Thẩm định", plus evidence and
  explanation columns (explanations where the appraisal fell below the self-score);
- points typed as text with a decimal comma or a unit ("1,5 điểm");
- a bonus block (Điểm thưởng) and a penalty row written with a minus sign (Điểm trừ);
- a "TỔNG CỘNG" row, notes and a signature block below.

    python examples/field/build_so_tu_phap.py

It is written with openpyxl, then saved again by LibreOffice headless (as a clerk's file
that went through LibreOffice is), when soffice is on the machine.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
NAME = "so-tu-phap-2025.xlsx"

ROWS = [  # code, name, max, self-score, appraised, evidence
    ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", None, None, None, None),
    ("1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 2, 2, 2, "Kế hoạch 12/KH-STP"),
    ("2", "Thực hiện chế độ báo cáo CCHC", 2, None, None, None),
    ("2.1", "Báo cáo đủ số lượng", 1, 1, 1, "4 báo cáo quý"),
    ("2.2", "Báo cáo đúng thời hạn", 1, 1, "0,5", "Báo cáo quý III chậm 5 ngày"),
    ("3", "Tuyên truyền CCHC", 1, 1, 1, None),
    ("II", "CẢI CÁCH THỂ CHẾ", None, None, None, None),
    ("1", "Rà soát, hệ thống hóa văn bản QPPL", 3, 3, "2,5 điểm", "Báo cáo rà soát"),
    ("2", "Kiểm tra, xử lý văn bản QPPL", 2, 2, 2, None),
    ("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", None, None, None, None),
    ("1", "Công khai thủ tục hành chính đúng quy định", 3, 3, 3, None),
    ("2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 4, 4, "3,25", "Trích xuất Hệ thống thông tin giải quyết TTHC"),
    ("3", "Tiếp nhận, xử lý phản ánh, kiến nghị", 2, 2, "1,5 điểm", None),
    ("IV", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", None, None, None, None),
    ("1", "Thực hiện vị trí việc làm", 3, 3, 2, "Chưa cập nhật đề án vị trí việc làm"),
    ("2", "Đào tạo, bồi dưỡng công chức", 2, 2, 2, None),
    ("V", "XÂY DỰNG CHÍNH QUYỀN SỐ", None, None, None, None),
    ("1", "Hồ sơ xử lý trên môi trường mạng", 3, 3, "2,75", None),
    ("2", "Dịch vụ công trực tuyến toàn trình", 3, 3, 2, None),
    ("VI", "ĐIỂM THƯỞNG", 2, None, None, None),
    ("1", "Sáng kiến CCHC được công nhận", 2, 2, 1, "Quyết định công nhận sáng kiến"),
    ("VII", "ĐIỂM TRỪ", 2, None, "-0,5", "Để xảy ra 01 hồ sơ quá hạn không xin lỗi"),
]

EXPLANATIONS = {  # criterion name: what the department wrote in the Giải trình column
    "Báo cáo đúng thời hạn": "Báo cáo quý III gửi qua Hệ thống quản lý văn bản ngày 10/10, đúng hạn (kèm bản chụp màn hình)",
    "Tỷ lệ hồ sơ giải quyết đúng hạn": "Số liệu trích xuất ngày 15/12 chưa gồm 12 hồ sơ liên thông đã giải quyết đúng hạn",
    "Thực hiện vị trí việc làm": "Đề án vị trí việc làm đã trình UBND tỉnh tại Tờ trình số 45/TTr-STP ngày 20/11",
}


def build() -> Workbook:
    book = Workbook()
    cover = book.active
    cover.title = "Bìa"
    for row, text in ((3, "UBND TỈNH X"), (4, "SỞ TƯ PHÁP"), (8, "HỒ SƠ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM"), (9, "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025")):
        cover.cell(row=row, column=1, value=text)
    sheet = book.create_sheet("Chấm điểm")
    for row, text in ((1, "UBND TỈNH X"), (2, "SỞ TƯ PHÁP"), (4, "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2025")):
        sheet.cell(row=row, column=1, value=text)
    sheet["A6"], sheet["B6"], sheet["C6"] = "STT", "LĨNH VỰC, TIÊU CHÍ,\nTIÊU CHÍ THÀNH PHẦN", "ĐIỂM"
    sheet["C7"], sheet["D7"], sheet["E7"] = "Tối đa", "Tự chấm", "Thẩm định"
    sheet["F6"], sheet["G6"] = "Tài liệu kiểm chứng", "Giải trình"
    for cells in ("A6:A7", "B6:B7", "C6:E6", "F6:F7", "G6:G7"):
        sheet.merge_cells(cells)
    for offset, row in enumerate(ROWS):
        for column, value in enumerate((*row, EXPLANATIONS.get(row[1])), start=1):
            if value is not None:
                sheet.cell(row=8 + offset, column=column, value=value)
    end = 8 + len(ROWS)
    sheet.cell(row=end, column=2, value="TỔNG CỘNG")
    sheet.cell(row=end, column=3, value=30)
    sheet.cell(row=end, column=5, value="26")
    for offset, (column, text) in enumerate(((2, "Ghi chú: điểm thưởng, điểm trừ không tính vào thang điểm 30."),
                                             (4, "GIÁM ĐỐC"), (4, "(Ký tên, đóng dấu)"), (4, "Trần Thị Bình"))):
        sheet.cell(row=end + 2 + offset * 2, column=column, value=text)
    return book


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as scratch:
        made = Path(scratch) / NAME
        build().save(made)
        if soffice is None:
            shutil.copyfile(made, HERE / NAME)
            print("soffice not found: kept the openpyxl file (not saved again by LibreOffice)")
            return
        subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", str(Path(scratch) / "lo"), str(made)],
                       check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(scratch) / "lo" / NAME, HERE / NAME)


if __name__ == "__main__":
    main()
