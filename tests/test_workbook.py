"""Reading workbooks as they come: headings in any of the accepted spellings, numbers as
text with a decimal comma, cached formula results, sparse rows."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parcalc import api
from parcalc.core.numbers import format_points, from_stored_number, parse_decimal
from parcalc.read.headers import _ROLE_PHRASES, fold, role_of
from tests.conftest import GOOD, LAM_DONG, SMALL_SET

D = Decimal


@pytest.mark.parametrize("name", ["small.xlsx", "unaccented-text-numbers.xlsx", "english.xlsx", "formula-cached.xlsx"])
def test_same_unit_in_every_spelling(name):
    result = api.score_workbook(GOOD / name, str(SMALL_SET))
    assert result.total_points == D("8.5")
    assert result.node("1.1").points == D("3.5")
    assert result.index == D("85.00")
    assert result.findings == ()


def test_fields_only_bounds_the_criteria():
    result = api.score_workbook(GOOD / "fields-only.xlsx", str(SMALL_SET))
    assert result.total_points == D("8.5")
    assert [n.status for n in result.nodes] == ["given", "bounded", "bounded", "given", "bounded"]


def test_self_score_and_lost_columns():
    result = api.score_workbook(GOOD / "self-and-lost.xlsx", str(SMALL_SET))
    assert result.node("1.1").self_minus_appraised == D("0.25")
    assert result.findings == ()


def test_lam_dong_layout_title_rows_and_remediation_columns():
    appraisal = api.read_workbook(LAM_DONG)
    assert appraisal.sheet == "Phụ lục"
    first = appraisal.entries[0]
    assert (first.code, first.max, first.points, first.lost) == ("1", D("8.5"), D("7.47"), D("1.03"))
    assert first.where["points"].endswith("cell D5")
    assert [e.code for e in appraisal.entries][:3] == ["1", "1.5", "1.6"]
    remedy = appraisal.by_code()["6.1.2"].texts
    assert remedy == {"remedy": "Thực hiện đảm bảo đúng quy định đạt 100%", "lead": "Sở Tài chính",
                      "support": "Các Sở, ban, ngành; UBND cấp huyện", "deadline": "Trong năm 2021 và các năm tiếp theo"}


def test_a_criterion_set_reports_name_and_maximum_differences(tmp_path):
    text = SMALL_SET.read_text(encoding="utf-8").replace("name: Tiêu chí một, max: 4", "name: Tên khác, max: 4")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    result = api.score_workbook(GOOD / "small.xlsx", str(tmp_path / "set.yaml"))
    assert [(f.key, f.code) for f in result.findings] == [("name_mismatch", "1.1")]


@pytest.mark.parametrize("heading, role", [
    ("STT", "code"), ("Mã", "code"), ("Ma", "code"), ("code", "code"),
    ("Lĩnh vực/ Tiêu chí/Tiêu chí thành phần", "name"), ("Tieu chi", "name"),
    ("Điểm chuẩn", "max"), ("ĐIỂM TỐI ĐA", "max"), ("Max", "max"),
    ("Điểm thẩm định", "points"), ("Diem dat", "points"), ("Appraised", "points"),
    ("Điểm tự chấm", "self_score"), ("Điểm bị mất", "lost"), ("Lost", "lost"),
    ("Giải pháp", "remedy"), ("Cơ quan chủ trì thực hiện", "lead"), ("Cơ quan phối hợp", "support"),
    ("Thời gian thực hiện", "deadline"), ("Ghi chú", "note"), ("Tổng cộng", None), ("Mã số thuế thu nhập", None),
])
def test_heading_roles(heading, role):
    assert role_of(heading) == role


def test_fold():
    assert fold("Điểm THẨM ĐỊNH (điểm)") == "diem tham dinh diem"


@pytest.mark.parametrize("text, value", [("1,48", "1.48"), ("0,996", "0.996"), ("1.48", "1.48"), (" 8,50 ", "8.50"), ("-", None), ("", None)])
def test_parse_decimal(text, value):
    assert parse_decimal(text) == (None if value is None else D(value))


@pytest.mark.parametrize("text", ["1,000.5", "abc", "1,2,3", "nan", "inf"])
def test_parse_decimal_refuses(text):
    with pytest.raises(ValueError):
        parse_decimal(text)


def test_stored_numbers_read_as_excel_shows_them():
    assert from_stored_number("1.4799999999999999") == D("1.48")
    assert from_stored_number("2.4700000000000002") == D("2.47")
    assert from_stored_number("0.996") == D("0.996")


@pytest.mark.parametrize("value, vi, en", [("0.996", "0,996", "0.996"), ("1.5", "1,50", "1.50"), ("100", "100,00", "100.00"), ("0.004", "0,004", "0.004")])
def test_format_points(value, vi, en):
    assert format_points(D(value), ",") == vi and format_points(D(value), ".") == en


def test_a_unit_named_like_the_unit_heading_is_not_the_unit_role():
    assert role_of("Đơn vị") == "unit" and role_of("Unit") == "unit"
    assert role_of("Đơn vị A") is None and role_of("Unit 00001") is None


def _role_by_the_rule(heading: str) -> str | None:
    """The rule role_of implements, without its shortcuts: the first role (in order)
    with a phrase the folded heading equals or, unless exact, starts with."""
    words = fold(heading).split()
    for role, phrases, exact in _ROLE_PHRASES:
        for phrase in phrases:
            wanted = phrase.split()
            if words == wanted or (not exact and words[:len(wanted)] == wanted):
                return role
    return None


_WORDS = sorted({word for _, phrases, _ in _ROLE_PHRASES for phrase in phrases for word in phrase.split()})
_OTHER_TOKENS = ["00001", "7", "A", "Sở", "Đơn", "vị", "Mã", "ĐIỂM", "Tiêu", "chí", "-", "/", "(", ")", "_", "x_y", "No."]


@settings(max_examples=400, deadline=None)
@given(tokens=st.lists(st.sampled_from(_WORDS + _OTHER_TOKENS).map(lambda word: word.title() if len(word) % 2 else word), max_size=6),
       separators=st.lists(st.sampled_from([" ", "  ", "/", " - ", "-", "\u00a0"]), min_size=6, max_size=6))
def test_role_of_shortcuts_agree_with_the_rule(tokens, separators):
    heading = "".join(token + separator for token, separator in zip(tokens, separators)).strip()
    assert role_of(heading) == _role_by_the_rule(heading)
