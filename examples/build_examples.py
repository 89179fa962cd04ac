"""Rebuild the example workbooks in this folder (deterministic bytes).

    python examples/build_examples.py

- lam-dong-2020.xlsx: the appendix of Lâm Đồng's plan 6006/KH-UBND (23/8/2021), rows
  exactly as published (shared/reference/lam-dong-kh-6006-2021-appendix.txt): the same
  codes, names, points and remedies, with the title rows and merged title cells.
- synthetic-province-2020.xlsx: a clearly SYNTHETIC province, made from
  `parcalc template --criteria province-2020` and filled with invented points.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from parcalc import api
from parcalc.write import ooxml, template

HERE = Path(__file__).resolve().parent
D = Decimal

TITLE = ("KHẮC PHỤC NHỮNG TỒN TẠI, HẠN CHẾ VÀ GIẢI PHÁP NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH "
         "NĂM 2021 VÀ CÁC NĂM TIẾP THEO")
SUBTITLE = "(Kèm theo Kế hoạch số 6006/KH-UBND ngày 23 tháng 8 năm 2021 của UBND tỉnh Lâm Đồng)"
HEADER = ("STT", "Lĩnh vực/ Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định",
          "Điểm bị mất", "Giải pháp", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp",
          "Thời gian thực hiện", "Ghi chú")
YEAR = "Trong năm 2021 và các năm tiếp theo"
HCC = "Trung tâm phục vụ HCC; Sở Thông tin và Truyền thông"
DEPTS_DISTRICTS = "Các Sở, ban, ngành; UBND cấp huyện"

# code, name, standard, appraised, lost, remedy, lead, support (deadline YEAR where a remedy is given)
ROWS = [
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "8.50", "7.47", "1.03"),
    ("1.5", "Sáng kiến hoặc giải pháp mới trong cải cách hành chính", "2.00", "1.00", "1.00",
     "Các Sở, ban, ngành; UBND cấp huyện đẩy mạnh việc viết sáng kiến/giải pháp hữu ích về công tác CCHC; phấn đấu có ít nhất 01 sáng kiến/giải pháp",
     "Các sở, ban, ngành; UBND cấp huyện", "Sở Nội vụ; Văn phòng UBND tỉnh"),
    ("1.6", "Thực hiện các nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao", "1.50", "1.47", "0.03",
     "Thường xuyên rà soát, thực hiện hoàn thành các nhiệm vụ do Chính phủ, Thủ tướng Chính phủ; UBND tỉnh, Chủ tịch UBND tỉnh giao, đúng thời hạn quy định; phấn đấu hoàn thành 100% nhiệm vụ được giao",
     DEPTS_DISTRICTS, "Văn phòng UBND tỉnh"),
    ("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "13.50", "13.45", "0.05"),
    ("3.4", "Kết quả giải quyết TTHC", "5.00", "4.95", "0.05"),
    ("3.4.1", "Tỷ lệ hồ sơ TTHC do CQCM cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn", "1.50", "1.48", "0.02",
     "Phấn đấu giải quyết TTHC đúng hạn đạt 100% cả bản giấy và trên phần mềm Bộ phận một cửa", "Các Sở, ban, ngành", HCC),
    ("3.4.2", "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận trong năm được giải quyết đúng hạn", "1.50", "1.46", "0.04",
     "Phấn đấu giải quyết TTHC đúng hạn đạt 100% cả bản giấy và trên phần mềm Bộ phận một cửa", "UBND cấp huyện", HCC),
    ("3.4.3", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn", "1.00", "0.996", "0.004",
     "Phấn đấu giải quyết TTHC đúng hạn đạt 100% cả bàn giấy và trên phần mềm Bộ phận một cửa", "UBND cấp xã", HCC),
    ("4", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", "7.00", "5.66", "1.34"),
    ("4.1", "Thực hiện phân cấp", "3.50", "2.66", "0.84"),
    ("4.1.2", "Thực hiện quy định về cơ cấu số lượng lãnh đạo tại các cơ quan hành chính", "1.50", "1.00", "0.50",
     "Thực hiện đúng theo Thông tư, Nghị định quy định", "Các sở, ban, ngành; UBND cấp huyện", "Sở Nội vụ"),
    ("4.1.3", "Tỷ lệ giảm số lượng đơn vị sự nghiệp công lập so với năm 2015", "1.00", "0.66", "0.34",
     "Hàng năm, chuyển một số đơn vị sự nghiệp công lập sang đơn vị sự nghiệp ngoài công lập", "Các sở, ban, ngành; UBND cấp huyện", "Sở Nội vụ, Sở Tài chính"),
    ("4.3", "Thực hiện phân cấp", "1.50", "1.00", "0.50"),
    ("4.3.3", "Xử lý các vấn đề về phân cấp phát hiện qua kiểm tra", "0.50", "0.00", "0.50",
     "Khắc phục 100% các vấn đề sau thanh tra, kiểm tra, kiểm toán theo quy định", DEPTS_DISTRICTS, "Thanh tra tình; các Sở chuyên ngành"),
    ("5", "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CBCCVC", "7.50", "7.00", "0.50"),
    ("5.5", "Đánh giá, phân loại công chức, viên chức", "1.25", "0.75", "0.50"),
    ("5.5.2", "Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức", "1.00", "0.50", "0.50",
     "Thực hiện hoàn thành 100% các cuộc thanh tra, kiểm tra theo kế hoạch để phát hiện sớm các sai phạm; từ đó, nhắc nhở, chấn chỉnh đội ngũ CBCCVC nhằm hạn chế vi phạm đến mức kỷ luật",
     "Các Sở, ban, ngành; UBND cấp huyện; UBND cấp xã, các đơn vị sự nghiệp", "Sở Nội vụ"),
    ("6", "CẢI CÁCH TÀI CHÍNH CÔNG", "8.00", "4.58", "3.42"),
    ("6.1", "Tổ chức thực hiện công tác tài chính - ngân sách", "3.00", "1.58", "1.42"),
    ("6.1.1", "Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hàng năm", "1.00", "0.71", "0.29",
     "Tham mưu tổ chức thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước hàng năm theo đúng quy định", "Sở KH&ĐT, Sở Tài chính", DEPTS_DISTRICTS),
    ("6.1.2", "Thực hiện quy định về việc sử dụng kinh phí nguồn từ NSNN", "1.00", "0.00", "1.00",
     "Thực hiện đảm bảo đúng quy định đạt 100%", "Sở Tài chính", DEPTS_DISTRICTS),
    ("6.1.3", "Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách", "1.00", "0.87", "0.13",
     "Thực hiện hoàn thành 100% các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách đối với các địa bàn, đơn vị", "Sở Tài chính", "Các sở, ban, ngành; UBND cấp huyện"),
    ("6.3", "Thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập (SNCL)", "3.00", "1.00", "2.00"),
    ("6.3.3", "Thực hiện quy định về sử dụng các nguồn tài chính và phân phối kết quả tài chính tại các đơn vị SNCL.", "1.00", "0.00", "1.00",
     "Việc phân phối kết quả tài chính tại các đơn vị SNCL đàm bào đạt 100% đúng quy định", "Sở Tài chính", DEPTS_DISTRICTS),
    ("6.3.4", "Tỷ lệ giảm chi trực tiếp ngân sách cho đơn vị sự nghiệp so với năm 2015", "1.00", "0.00", "1.00",
     "Hàng năm, có thêm ít nhất 01 đơn vị sự nghiệp công lập tự đảm bảo một phần để giảm chi trực tiếp từ ngân sách", "Sở Tài chính", DEPTS_DISTRICTS),
    ("7", "HIỆN ĐẠI HÓA HÀNH CHÍNH", "11.00", "10.66", "0.34"),
    ("7.1", "Ứng dụng công nghệ thông tin (CNTT) của tỉnh", "7.25", "6.91", "0.34"),
    ("7.1.3", "Tỷ lệ văn bản trao đổi giữa các cơ quan hành chính nhà nước dưới dạng điện tử", "1.00", "0.98", "0.02",
     "70% hồ sơ công việc tại cấp tỉnh; 60% hồ sơ công việc tại cấp huyện và 40% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước).",
     "Sở Thông tin và Truyền thông", "Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã"),
    ("7.1.9", "Tỷ lệ dịch vụ công trực tuyến mức độ 3 và 4 của tỉnh được tích hợp, cung cấp trên Cổng DVC quốc gia", "1.00", "0.68", "0.32",
     "Triển khai đạt các chi tiêu tiếp nhận và giải quyết TTHC mức 3,4 đưa ra tại Quyết định số 859/QĐ-UBND ngày 18/5/2020 chỉ tiêu phải đạt 50% tổng số TTHC đang cung cấp trực tuyến mức độ 3,4",
     "Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã", HCC),
    ("8", "TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KT- XH CỦA TỈNH", "6.00", "3.92", "2.08"),
    ("8.3", "Mức độ phát triển doanh nghiệp của tỉnh", "2.00", "1.92", "0.08"),
    ("8.3.1", "Tỷ lệ doanh nghiệp thành lập mới trong năm", "1.00", "0.92", "0.08",
     "Phấn đấu nâng tỷ lệ doanh nghiệp thành lập mới năm sau so với năm trước đạt từ 20% trở lên.", "Sở Kế hoạch và Đầu tư", DEPTS_DISTRICTS),
    ("8.5", "Tỷ lệ tăng tổng sản phẩm trên địa bàn (GRDP)", "1.00", "0.00", "1.00",
     "Phấn đấu năm sau tăng cao hơn so với năm trước", DEPTS_DISTRICTS, "Sở Kế hoạch và Đầu tư; Văn phòng UBND tỉnh"),
    ("8.6", "Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND tỉnh giao", "1.00", "0.00", "1.00",
     "Đảm bảo 100% chỉ tiêu phát triển KT-XH do HĐND tỉnh giao đạt và vượt kế hoạch", DEPTS_DISTRICTS, "Sở Kế hoạch và Đầu tư; Văn phòng UBND tỉnh"),
    ("9", "Kết quả điều tra xã hội học", "33.50", "26.19", "7.31"),
    ("9.1", "SIPAS", "10.00", "8.63", "1.37",
     "Sự hài lòng của người dân, doanh nghiệp đạt từ 87% trở lên", "Các Sở, ban, ngành; UBND cấp huyện, cấp xã", "Sở Nội vụ, Bưu điện tỉnh"),
    ("9.2", "Lãnh đạo các cấp", "23.50", "17.56", "5.94",
     "Cá nhân được chọn tham gia trả lời phiếu điều tra XHH cần nghiên cứu để trả lời chính xác các nội dung yêu cầu của phiếu hỏi tránh nhầm lẫn; phấn đấu đạt 80% trở lên",
     "Đại biểu HĐND tỉnh; lãnh đạo UBND tỉnh; lãnh đạo UBND cấp huyện; Giám đốc, Phó Giám đốc và Trưởng phòng các Sở, ban, ngành",
     "Văn phòng UBND tỉnh, Sở Nội vụ, Bưu điện tinh"),
]


def lam_dong() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    sheet["A1"] = TITLE
    sheet["A2"] = SUBTITLE
    for row in (1, 2):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADER))
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center", wrap_text=True)
    sheet["A1"].font = Font(bold=True)
    for column, heading in enumerate(HEADER, start=1):
        sheet.cell(row=4, column=column, value=heading).font = Font(bold=True)
    for offset, row in enumerate(ROWS):
        number = 5 + offset
        code, name, standard, appraised, lost, *rest = row
        sheet.cell(row=number, column=1, value=code).number_format = "@"
        sheet.cell(row=number, column=2, value=name)
        for column, value in ((3, standard), (4, appraised), (5, lost)):
            cell = sheet.cell(row=number, column=column, value=D(value))
            cell.number_format = "0.000" if len(value.split(".")[1]) == 3 else "0.00"
        if rest:
            remedy, lead, support = rest
            for column, value in ((6, remedy), (7, lead), (8, support), (9, YEAR)):
                sheet.cell(row=number, column=column, value=value)
        if "." not in code:
            for column in range(1, 6):
                sheet.cell(row=number, column=column).font = Font(bold=True)
    return book


def synthetic() -> Workbook:
    """SYNTHETIC: invented points for every row of the province-2020 template."""
    criteria = api.load_criteria("province-2020")
    book = template.build(criteria)
    sheet = book.active
    sheet["A2"] = "DỮ LIỆU GIẢ LẬP (SYNTHETIC) — không phải số liệu của tỉnh nào. " + sheet["A2"].value
    rates = [D("0.97"), D("0.9"), D("1"), D("0.8"), D("0.95"), D("0.85")]
    points: dict[str, D] = {}

    def fill(node, k: int) -> D:
        if not node.children:
            value = (node.max * rates[k % len(rates)]).quantize(D("0.01"))
        else:
            value = sum((fill(child, k + i + 1) for i, child in enumerate(node.children)), D(0))
            value += (node.unlisted_max * rates[(k + 3) % len(rates)]).quantize(D("0.01"))
        points[node.code] = value
        return value

    for i, root in enumerate(criteria.roots):
        fill(root, i)
    for row in range(template.HEADER_ROW + 1, sheet.max_row + 1):
        code = sheet.cell(row=row, column=1).value
        value = points[code]
        sheet.cell(row=row, column=5, value=value).number_format = "0.00"
        sheet.cell(row=row, column=4, value=min(value + D("0.10"), criteria.by_code()[code].max)).number_format = "0.00"
    return book


def main() -> None:
    (HERE / "lam-dong-2020.xlsx").write_bytes(ooxml.xlsx_bytes(lam_dong()))
    (HERE / "synthetic-province-2020.xlsx").write_bytes(ooxml.xlsx_bytes(synthetic()))


if __name__ == "__main__":
    main()
