"""Rebuild departments.xlsx: 20 departments scored against department-set.yaml, in the
wide layout (one points column per department), and departments-previous-year.xlsx,
the same departments a year earlier (for `parcalc report --previous` and `compare`).
SYNTHETIC: the points are generated from a fixed formula and describe no real
department.

    python examples/departments/build_departments.py
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from parcalc import api
from parcalc.write import ooxml

HERE = Path(__file__).resolve().parent
DEPARTMENTS = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Tư pháp", "Sở Công Thương",
    "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo",
    "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Văn phòng UBND tỉnh",
    "Thanh tra tỉnh", "Ban Quản lý các khu công nghiệp", "Sở Ngoại vụ", "Sở Giao thông vận tải",
    "Sở Lao động, Thương binh và Xã hội", "Sở Thông tin và Truyền thông", "Sở Tài nguyên và Môi trường",
]


def points(unit: int, leaf: int, maximum: Decimal, year: int = 0) -> Decimal:
    """A fixed, made-up share of the maximum (between 0.60 and 1.00); `year` -1 shifts it."""
    share = Decimal(60 + (unit * 7 + leaf * 13 + year * (unit % 5) * 3) % 41) / 100
    return (maximum * share).quantize(Decimal("0.01"))


def main() -> None:
    for year, name in ((0, "departments.xlsx"), (-1, "departments-previous-year.xlsx")):
        (HERE / name).write_bytes(build(year))


def build(year: int) -> bytes:
    criteria = api.load_criteria(str(HERE / "department-set.yaml"))
    book = Workbook()
    sheet = book.active
    sheet.title = "Chỉ số cấp sở"
    sheet["A1"] = "DỮ LIỆU GIẢ LẬP (SYNTHETIC) — điểm do máy tạo, không phải kết quả của cơ quan nào"
    sheet.append([])
    sheet.append(["STT", "Tiêu chí", "Điểm chuẩn", *DEPARTMENTS])
    leaves = [node for node in criteria.walk() if not node.children]
    for position, leaf in enumerate(leaves):
        row = [leaf.code, leaf.name, leaf.max]
        row += [points(unit, position, leaf.max, year) for unit in range(len(DEPARTMENTS))]
        sheet.append(row)
    return ooxml.xlsx_bytes(book)


if __name__ == "__main__":
    main()
