"""One output pipeline for many units: each distinct value formatted once (the same text
as formatting every cell), the terminal table of a large ranking bounded to its first
units with a line saying how to see the rest, and a large ranking's xlsx complete."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from parcalc import api
from parcalc.cli import app
from parcalc.core.numbers import format_points
from parcalc.write.common import points_text
from parcalc.write.json_text import encoded_list, indented_json, indented_json_pieces, object_shape
from tests.conftest import SMALL_SET

EXAMPLES = Path(__file__).parent.parent / "examples" / "departments"

UNITS = 150  # more than the table's 100


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**6, max_value=10**6),
                 st.decimals(allow_nan=False, allow_infinity=False, min_value=-1000, max_value=1000, places=7)),
       st.sampled_from([",", "."]), st.integers(0, 6))
def test_cached_text_is_the_text_of_every_cell(value, sep, extra_places):
    if value is not None and len(value.as_tuple().digits) + extra_places <= 28:
        # an equal value written with more places, asked first: the cache keys by value
        wider = value.quantize(Decimal(1).scaleb(value.as_tuple().exponent - extra_places))
        assert wider == value and points_text(wider, sep) == format_points(value, sep)
    assert points_text(value, sep) == format_points(value, sep)
    assert points_text(value, sep) == points_text(value, sep)


@pytest.mark.parametrize(("value", "sep", "text"), [
    (Decimal("-0.000"), ",", "0,00"), (Decimal("-1.5"), ",", "-1,50"), (Decimal("0.996"), ".", "0.996"),
    (Decimal("1.50"), ",", "1,50"), (Decimal("12.3456789"), ".", "12.3456789"), (None, ",", "—"),
])
def test_cached_text_by_hand(value, sep, text):
    assert points_text(value, sep) == text
    assert points_text(value, sep) == text  # from the cache


def _units_workbook(path, units: int) -> None:
    """Long layout, the small set: unit i (from 0) has 1.1 = 4 - 0.01 i, 1.2 = 2, 2.1 = 4, so
    its total is 10 - 0.01 i, its index 100 - 0.1 i, field 1's sub-index (6 - 0.01 i) / 6 x
    100 and its rank i + 1."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Đơn vị", "STT", "Điểm chuẩn", "Điểm thẩm định"])
    for i in range(units):
        name = f"Đơn vị {i + 1:03d}"
        sheet.append([name, "1.1", 4, float(Decimal(4) - Decimal("0.01") * i)])
        sheet.append([name, "1.2", 2, 2])
        sheet.append([name, "2.1", 4, 4])
    book.save(path)


@pytest.fixture(scope="module")
def many_units(tmp_path_factory):
    path = tmp_path_factory.mktemp("many") / "units.xlsx"
    _units_workbook(path, UNITS)
    return path


def _run(*args, lang: str):
    return CliRunner().invoke(app, [str(arg) for arg in args], env={"PARCALC_LANG": lang, "COLUMNS": "80"})


@pytest.mark.parametrize(("lang", "pointer"), [
    ("vi", "Bảng chỉ hiện 100 đơn vị đầu tiên trong số 150 đơn vị: xem đủ bằng --format csv hoặc -o FILE.xlsx"),
    ("en", "The first 100 of 150 units are shown: see them all with --format csv or -o FILE.xlsx"),
])
def test_a_large_ranking_shows_its_first_units_and_says_how_to_see_all(many_units, lang, pointer):
    result = _run("rank", many_units, "--criteria", SMALL_SET, lang=lang)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    rule = next(i for i, line in enumerate(lines) if line.startswith("─"))
    rows = lines[rule + 1: lines.index("")]
    assert [row.split()[0] for row in rows] == [str(rank) for rank in range(1, 101)]
    comma = (lambda text: text.replace(".", ",")) if lang == "vi" else (lambda text: text)
    # unit 100 (i = 99): total 10 - 0.99, index 100 - 9.9, field 1 (6 - 0.99) / 6 x 100 = 83.5
    assert rows[0].split() == ["1", "Đơn", "vị", "001", *map(comma, ("10.00", "100.00")), "A", *map(comma, ("100.00", "100.00"))]
    assert rows[99].split() == ["100", "Đơn", "vị", "100", *map(comma, ("9.01", "90.10")), "A", *map(comma, ("83.50", "100.00"))]
    notes = " ".join(lines[lines.index("") + 1:])
    assert notes.startswith("150 ") and notes.endswith(pointer)  # after the counts and the mean, of all 150


def test_a_ranking_within_the_bound_has_no_pointer(tmp_path):
    path = tmp_path / "units.xlsx"
    _units_workbook(path, 100)
    for lang in ("vi", "en"):
        text = _run("rank", path, "--criteria", SMALL_SET, lang=lang).stdout
        assert "Đơn vị 100" in text and "FILE.xlsx" not in text and "--format csv" not in text


def test_a_large_comparison_shows_its_first_units(many_units):
    text = _run("compare", many_units, many_units, "--criteria", SMALL_SET, lang="en").stdout
    assert text.count("largest drops first") == 100
    assert " ".join(text.splitlines()[-2:]) == "The first 100 of 150 units are shown: see them all with --format csv or --format md"


def test_the_xlsx_of_a_large_ranking_holds_every_unit(tmp_path):
    source, target = tmp_path / "units.xlsx", tmp_path / "rank.xlsx"
    _units_workbook(source, 300)
    assert _run("rank", source, "--criteria", SMALL_SET, "-o", target, lang="vi").exit_code == 0
    book = load_workbook(target)
    appendix, heat = book["Phụ lục"], book["Chỉ số thành phần"]
    header = next(row for row in range(1, 10) if appendix.cell(row, 1).value == "Hạng")
    table = [[cell.value for cell in row] for row in appendix.iter_rows(min_row=header + 1, max_row=header + 300)]
    assert [row[0] for row in table] == list(range(1, 301))
    assert [row[1] for row in table] == [f"Đơn vị {i:03d}" for i in range(1, 301)]
    assert [Decimal(str(row[3])) for row in table] == [Decimal(100) - Decimal("0.1") * i for i in range(300)]
    assert appendix.cell(header + 301, 1).value is None
    # the last unit's row styled as the first: bordered, Times New Roman, two decimals
    for row in (header + 1, header + 300):
        index = appendix.cell(row, 4)
        assert (index.font.name, index.border.left.style, index.number_format, index.alignment.vertical) == ("Times New Roman", "thin", "0.00", "top")
        name = appendix.cell(row, 2)
        assert (name.number_format, name.alignment.wrap_text, name.font.b) == ("@", True, False)
    assert heat.max_row == 3 + 300 and heat.cell(303, 2).value == "Đơn vị 300"
    assert Decimal(str(heat.cell(303, 3).value)) == Decimal("50.17")  # (6 - 2.99) / 6 x 100 = 50.1666...
    # the sub-index and chart-data cells as the appendix's: bordered, Times New Roman, two decimals
    charts = book["Biểu đồ"]
    index_cell = next(cell for cell in charts[301][1:] if cell.value is not None)  # the last unit's index, in its group's column
    for cell in (heat.cell(303, 3), heat.cell(4, 3), index_cell):
        assert (cell.font.name, cell.border.left.style, cell.number_format) == ("Times New Roman", "thin", "0.00")
    assert (heat.cell(303, 1).value, heat.cell(303, 1).number_format, charts.cell(301, 1).value) == (300, "General", "Đơn vị 300")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_indented_json_writes_what_json_dumps_writes(value):
    """compare's fast JSON writer: byte for byte json.dumps(indent=2, ensure_ascii=False)."""
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=100, deadline=None)
@given(value=st.dictionaries(st.text(max_size=5), json_values, max_size=4), lazy=st.booleans())
def test_indented_json_in_pieces_is_the_same_text_an_item_at_a_time(value, lazy):
    """A top-level list (or an iterator, made as it is read) is written an item a piece."""
    given = {key: iter(item) if lazy and isinstance(item, list) else item for key, item in value.items()}
    pieces = list(indented_json_pieces(given))
    assert "".join(pieces) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    # a piece per key, per item of a list and its closing (or the key's value), and the last brace
    expected = 1 + sum(1 + (len(item) + 1 if isinstance(item, list) and item else 1) for item in value.values()) if value else 1
    assert len(pieces) == expected


class _Said(list):
    """A comparison's units, noting in `made` each unit as it is read."""

    def __init__(self, units, made: list[str]) -> None:
        super().__init__(units)
        self.made = made

    def __iter__(self):
        for unit in super().__iter__():
            self.made.append(unit.unit)
            yield unit


def test_compare_json_and_csv_are_written_a_unit_at_a_time():
    """Nothing holds the whole comparison's text: each unit's piece is made as it is read."""
    from parcalc.write.compare import compare_csv_pieces, compare_json_pieces

    comparison = api.compare_workbooks(EXAMPLES / "departments-previous-year.xlsx", EXAMPLES / "departments.xlsx",
                                       EXAMPLES / "department-set.yaml")
    first = comparison.units[0].unit
    made: list[str] = []
    pieces = compare_json_pieces(replace(comparison, units=_Said(comparison.units, made)), "vi")
    assert next(pieces).startswith('{\n  "schema"') and made == []
    next(pieces), next(pieces)  # the schema's value, the units' key
    assert f'"unit": "{first}"' in next(pieces) and made == [first]
    made.clear()
    pieces = compare_csv_pieces(replace(comparison, units=_Said(comparison.units, made)), "vi")
    assert next(pieces).startswith(f"unit,code,name,old,new,delta\n{first},,index,") and made == [first]


def test_encoded_parts_sit_where_json_dumps_puts_them():
    """A list of objects written from object_shape and encoded_list, inside indented_json."""
    shape = object_shape(("code", "points"), depth=4)
    nodes = encoded_list([shape % ('"1.1"', "2.5"), shape % ('"1.2"', "null")], depth=3)
    data = {"units": [{"unit": "Xã A", "nodes": nodes}, {"unit": "Xã B", "nodes": encoded_list([], depth=3)}]}
    plain = {"units": [{"unit": "Xã A", "nodes": [{"code": "1.1", "points": 2.5}, {"code": "1.2", "points": None}]},
                       {"unit": "Xã B", "nodes": []}]}
    assert indented_json(data) == json.dumps(plain, ensure_ascii=False, indent=2) + "\n"
