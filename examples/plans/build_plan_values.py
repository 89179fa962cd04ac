"""Rebuild the two SYNTHETIC indicator workbooks that go with the plan-target sets here:

- binh-dinh-2021-values.xlsx: a year's values for binh-dinh-2021-targets.yaml;
- hcm-2019-so-x.xlsx: one agency's values for hcm-2019-commitments.yaml.

The sets' targets are sourced; these VALUES ARE INVENTED to show the check, and belong
to no province or agency. They are typed as clerks type them: rates as text ("32%",
"21,5%"), as cells formatted as percentages, or as fractions; Có / Không for a task
done or not; counts as numbers; a title, a blank parent row and a signature below.

    python examples/plans/build_plan_values.py

Written with openpyxl, then saved again by LibreOffice headless when soffice is on the
machine (as a clerk's file that went through LibreOffice is).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
PERCENT = object()  # marks a value stored as a number in a cell formatted 0%

BINH_DINH = [  # code, indicator, value (PERCENT: the next item is a fraction shown as %)
    ("1", "Tỷ lệ cơ quan cấp tỉnh, UBND cấp huyện được kiểm tra CCHC", "32%"),
    ("2", "Tỷ lệ đơn vị cấp xã được UBND cấp huyện kiểm tra CCHC", (PERCENT, 0.28)),
    ("3", "Tỷ lệ vấn đề phát hiện qua kiểm tra đã khắc phục", "100%"),
    ("4", "Tỷ lệ TTHC có phát sinh hồ sơ được cắt giảm thời gian, đơn giản hóa", "21,5%"),
    ("5", "Tỷ lệ TTHC ngành dọc tiếp nhận tại Bộ phận Một cửa", (PERCENT, 0.76)),
    ("6", "Thí điểm mô hình “4 tại chỗ”", "Có"),
    ("7", "Tỷ lệ TTHC cung cấp DVCTT mức độ 3, 4", "58,3%"),
    ("8", "Tỷ lệ DVCTT mức độ 3, 4 tích hợp lên Cổng DVC quốc gia", (PERCENT, 0.5)),
    ("9", "Tỷ lệ DVCTT mức độ 4", "12%"),
    ("10", "Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3, 4", "27,4%"),
    ("11", "Tỷ lệ cơ quan bố trí đúng số lượng lãnh đạo", "100%"),
    ("12", "Tỷ lệ CBCC chuyên trách cấp xã có trình độ đại học", "83%"),
    ("13", "Tỷ lệ hồ sơ công việc xử lý trên mạng - cấp tỉnh", "71%"),
    ("14", "Tỷ lệ hồ sơ công việc xử lý trên mạng - cấp huyện", "55%"),
    ("15", "Tỷ lệ hồ sơ công việc xử lý trên mạng - cấp xã", "40%"),
    ("16", "Tỷ lệ chế độ báo cáo kết nối Hệ thống thông tin báo cáo", "Không"),
]
HCM = [
    ("1", "Đơn vị trực thuộc có Quy chế tổ chức và hoạt động, Quy chế làm việc", "100%"),
    ("2", "Kiểm soát tiếp nhận, giải quyết, trả hồ sơ TTHC", None),  # a parent row without a value
    ("2.1", "Công khai danh mục TTHC đúng quy định", "Có"),
    ("2.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "90%"),
    ("2.3", "Tỷ lệ TTHC cung cấp DVC mức độ 3, 4", "35%"),
    ("2.4", "Tỷ lệ hồ sơ trễ hạn có thư xin lỗi", (PERCENT, 0.96)),
    ("3", "Tỷ lệ phản ánh, kiến nghị xử lý kịp thời", "100%"),
    ("4", "Tỷ lệ văn bản điện tử có chữ ký số", "98,5%"),
    ("5", "Tỷ lệ cơ quan, UBND cấp xã áp dụng ISO 9001", "100%"),
    ("6", "Tỷ lệ hài lòng", "85,2%"),
    ("7", "Tỷ lệ phòng, ban, đơn vị được kiểm tra", (PERCENT, 0.3)),
    ("8", "Thực hiện quy định tiếp công dân, giải trình", 1),
    ("9", "Số sáng kiến, giải pháp hiệu quả", 2),
    ("10", "Chỉ số CCHC 2019 đạt loại Tốt trở lên", "Không"),
]


def build(title: str, rows: list, signer: str) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Chỉ tiêu"
    sheet["A1"] = title
    sheet["A2"] = "(số liệu giả lập, minh họa)"
    sheet.append([])
    sheet.append(["STT", "Chỉ tiêu", "Giá trị", "Ghi chú"])
    for code, name, value in rows:
        if isinstance(value, tuple):
            sheet.append([code, name, value[1]])
            sheet.cell(row=sheet.max_row, column=3).number_format = "0%"
        else:
            sheet.append([code, name, value])
    sheet.append([])
    sheet.append([None, None, signer])
    sheet.column_dimensions["B"].width = 60
    return book


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    books = {
        "binh-dinh-2021-values.xlsx": build("KẾT QUẢ THỰC HIỆN CHỈ TIÊU KẾ HOẠCH CCHC NĂM 2021", BINH_DINH, "SỞ NỘI VỤ"),
        "hcm-2019-so-x.xlsx": build("KẾT QUẢ THỰC HIỆN CAM KẾT CCHC NĂM 2019 - SỞ X", HCM, "GIÁM ĐỐC"),
    }
    with tempfile.TemporaryDirectory() as scratch:
        for name, book in books.items():
            made = Path(scratch) / name
            book.save(made)
            if soffice is None:
                shutil.copyfile(made, HERE / name)
                print(f"soffice not found: kept the openpyxl file {name} (not saved again by LibreOffice)")
                continue
            subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", str(Path(scratch) / "lo"), str(made)],
                           check=True, capture_output=True, timeout=180)
            shutil.copyfile(Path(scratch) / "lo" / name, HERE / name)


if __name__ == "__main__":
    main()
