"""core/numbers.py pinned value by value (issue 18): parsing, Excel's display, rounding,
percent, formatting and JSON numbers, with the values worked out by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcalc.core.numbers import (
    format_points, from_stored_number, parse_decimal, parse_typed, percent, plausible, round_half_up, to_json_number,
    typed_number,
)

D = Decimal


def message(caught, lang):
    return caught.value.args[0].render(lang)


# --- parse_decimal: cells and text columns ----------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("1,48", "1.48"), ("1.48", "1.48"), (" 8,50 ", "8.50"), ("1e-3", "0.001"), ("1 234,5", "1234.5"),
    ("1\u00a0234", "1234"), ("-0,5", "-0.5"), ("12", "12"),
])
def test_parse_decimal_reads(text, value):
    assert parse_decimal(text) == D(value) and str(parse_decimal(text)) == value


@pytest.mark.parametrize("text", ["", "  ", "-", "–", "—", " - ", "\u00a0"])
def test_parse_decimal_blank_or_a_dash_is_none(text):
    assert parse_decimal(text) is None


@pytest.mark.parametrize("text", ["1,2,3", "1.234,5", "abc", "NaN", "Infinity", "-inf", "1,2.3"])
def test_parse_decimal_refuses(text):
    with pytest.raises(ValueError) as caught:
        parse_decimal(text)
    assert caught.value.args == (text,)


# --- typed numbers ----------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("85,5", "85.5"), (" 85.5 ", "85.5"), ("+3", "3"), ("-2,", "-2"), (",5", "0.5"), (".5", "0.5"), ("0", "0"),
    ("1" * 30, "1" * 30),
])
def test_typed_number_reads(text, value):
    assert typed_number(text) == D(value)


@pytest.mark.parametrize("text", ["1 2", "0_5", "1e3", "1.000,5", "1,2,3", "nan", "", ".", "١", "1" * 31, "--1"])
def test_typed_number_refuses(text):
    assert typed_number(text) is None


def test_parse_typed_says_what_is_wrong():
    with pytest.raises(ValueError) as caught:
        parse_typed(" 1 2 ")
    assert message(caught, "en") == "' 1 2 ' is not a number (write it like 85,5 or 85.5)"
    assert message(caught, "vi") == "« 1 2 » không phải là số (viết như 85,5 hoặc 85.5)"


def test_parse_typed_bounds_are_inclusive():
    assert parse_typed("0", D(0), D(100)) == D(0) and parse_typed("100,0", D(0), D(100)) == D(100)
    assert parse_typed("5", lowest=D(5)) == D(5) and parse_typed("5", highest=D(5)) == D(5)


@pytest.mark.parametrize("text, lowest, highest, english, vietnamese", [
    (" -0,01 ", D(0), D(100), "-0,01 is out of range: give a number from 0 to 100", "-0,01 nằm ngoài khoảng cho phép: nhập số từ 0 đến 100"),
    ("100.01", D(0), D(100), "100.01 is out of range: give a number from 0 to 100", "100.01 nằm ngoài khoảng cho phép: nhập số từ 0 đến 100"),
    ("4,99", D(5), None, "4,99 is out of range: give a number at least 5", "4,99 nằm ngoài khoảng cho phép: nhập số không nhỏ hơn 5"),
    ("5.5", None, D("5.25"), "5.5 is out of range: give a number at most 5.25", "5.5 nằm ngoài khoảng cho phép: nhập số không lớn hơn 5,25"),
])
def test_parse_typed_out_of_range(text, lowest, highest, english, vietnamese):
    # the value as the user typed it (stripped), the bounds in the language's decimals
    with pytest.raises(ValueError) as caught:
        parse_typed(text, lowest, highest)
    assert (message(caught, "en"), message(caught, "vi")) == (english, vietnamese)


def test_plausible_sizes():
    assert plausible(D("0E-30"))  # zero with any exponent is zero, whatever its adjusted() says
    assert plausible(D(0)) and plausible(D("1e12")) and plausible(D("9.9e12")) and plausible(D("1e-12")) and plausible(D("-1e12"))
    assert not plausible(D("1e13")) and not plausible(D("1e-13")) and not plausible(D("NaN")) and not plausible(D("Infinity"))


# --- Excel's display: 15 significant digits ---------------------------------------------

@pytest.mark.parametrize("stored, shown", [
    (0.30000000000000004, "0.3"), ("0.30000000000000004", "0.3"), (1.4799999999999999, "1.48"), (0.1 + 0.2, "0.3"),
    (83.93, "83.93"), (123456789012345678, "1.23456789012346E+17"), (-0.0, "0"), (0.0, "0"), (2, "2"),
])
def test_from_stored_number_is_what_excel_shows(stored, shown):
    value = from_stored_number(stored)
    assert str(value) == shown
    assert value.as_tuple().sign == 0 or value < 0  # never -0


# --- rounding, percent ------------------------------------------------------------------

def test_round_half_up():
    assert round_half_up(D("83.925")) == D("83.93") and round_half_up(D("83.924999")) == D("83.92")
    assert round_half_up(D("-0.125")) == D("-0.13") and round_half_up(D("0.9955"), D("0.001")) == D("0.996")
    assert str(round_half_up(D(7))) == "7.00"


def test_percent():
    assert percent(D("83.925"), D(100)) == D("83.93")  # half up, not to even (83.92)
    assert percent(D(1), D(3)) == D("33.33") and percent(D(2), D(3)) == D("66.67")
    assert str(percent(D(5), D(0))) == "0.00" and str(percent(D(0), D(0))) == "0.00"  # a maximum of 0
    assert str(percent(D(10), D(8))) == "125.00"


# --- format_points ----------------------------------------------------------------------

@pytest.mark.parametrize("value, sep, shown", [
    (D("0.996"), ",", "0,996"), (D("5"), ",", "5,00"), (D("5.1"), ".", "5.10"), (D("1.50000"), ",", "1,50"),
    (D("-1.5"), ",", "-1,50"), (D("-0.004"), ",", "-0,004"), (D("-0.000"), ",", "0,00"), (D("-0"), ".", "0.00"),
    (D("1E+2"), ",", "100,00"), (D("0.0005"), ".", "0.0005"), (None, ",", "—"),
])
def test_format_points(value, sep, shown):
    assert format_points(value, sep) == shown


def test_format_points_places():
    assert format_points(D("3"), ",", 0) == "3" and format_points(D("3.5"), ".", 0) == "3.5"
    assert format_points(D("3"), ",", 3) == "3,000" and format_points(D("-0.0001"), ",", 3) == "-0,0001"
    assert format_points(D("2.5")) == "2,50"  # a comma by default


# --- JSON numbers -----------------------------------------------------------------------

def test_to_json_number():
    assert to_json_number(None) is None
    whole = to_json_number(D("5.00"))
    assert whole == 5 and type(whole) is int
    assert to_json_number(D("0.996")) == 0.996 and type(to_json_number(D("0.996"))) is float
    assert to_json_number(D("-2")) == -2 and type(to_json_number(D("-2"))) is int
