"""Cells no clerk types but damaged or hand-made files hold: one clear line naming the
cell, never a traceback, never a silently wrong figure."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook


def workbook_with(path: Path, points_xml: str) -> Path:
    """A one-unit sheet whose cell D3 (points of 1.1) is `points_xml`, written by hand."""
    book = Workbook()
    for row in (("STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"), ("1", "Lĩnh vực", 10, None), ("1.1", "Tiêu chí", 10, 0)):
        book.active.append(row)
    book.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    start = sheet.index('<c r="D3"')
    end = sheet.index("</c>", start) + len("</c>")
    parts["xl/worksheets/sheet1.xml"] = (sheet[:start] + points_xml + sheet[end:]).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


@pytest.mark.parametrize("xml, message", [
    ('<c r="D3" t="n"><v>NaN</v></c>', "1.1: «NaN» không phải là số điểm (hay số lượng) mà một bảng tính có thể chứa"),
    ('<c r="D3" t="n"><v>INF</v></c>', "1.1: «INF» không phải là số điểm (hay số lượng) mà một bảng tính có thể chứa"),
    ('<c r="D3" t="n"><v>1e309</v></c>', "1.1: «1e309» không phải là số điểm (hay số lượng) mà một bảng tính có thể chứa"),
    ('<c r="D3" t="n"><v>12,5</v></c>', "bảng tính bị hỏng: ô kiểu số lại chứa «12,5»; hãy lưu lại bằng Excel hoặc LibreOffice"),
    ('<c r="D3" t="inlineStr"><is><t>1e-999999999</t></is></c>', "1.1: «1e-999999999» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)"),
    ('<c r="D3" t="inlineStr"><is><t>0_5</t></is></c>', "1.1: «0_5» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)"),
    ('<c r="D3" t="inlineStr"><is><t>1 2</t></is></c>', "1.1: «1 2» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)"),
    ('<c r="D3" t="inlineStr"><is><t>' + "9" * 5000 + "</t></is></c>", "1.1: «" + "9" * 40 + "…» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)"),
])
def test_a_hostile_points_cell_is_one_line_naming_it(cli, tmp_path, xml, message):
    path = workbook_with(tmp_path / "hostile.xlsx", xml)
    run = cli("score", path)
    assert run.exit_code == 2 and isinstance(run.exception, (SystemExit, type(None)))
    assert run.stderr == f"parcalc: lỗi: {path}, trang tính «Sheet», ô D3: {message}\n"


@pytest.mark.parametrize("line, message", [
    ("index_years: [" + "9" * 5000 + "]", "5: một số dài 5000 ký tự không phải là số mà bộ tiêu chí cần"),
    ("index_years: [1.0e+999999999]", "5: «1.0e+999999999» không phải là một số hữu hạn có độ lớn hợp lý"),
    ("index_years: [.nan]", "5: «.nan» không phải là một số hữu hạn có độ lớn hợp lý"),
    ("total: 1e999999999", "5: total: không phải là một số hữu hạn có độ lớn hợp lý"),
])
def test_numbers_in_a_criterion_set_are_finite_and_of_a_plausible_size(cli, tmp_path, line, message):
    path = tmp_path / "set.yaml"
    path.write_text("parcalc_criteria: 1\nid: x\ntitle: X\nlevel: custom\n" + line + "\nsources:\n  - {id: t, title: T}\n"
                    "nodes:\n  - {code: \"1\", name: A, max: 10, source: t}\n", encoding="utf-8")
    run = cli("criteria", "check", path)
    assert run.exit_code == 2
    assert run.stderr == f"parcalc: lỗi: {path}:{message}\n"
