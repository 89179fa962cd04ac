"""read/workbook.py and read/headers.py pinned (issue 18): rows that give only lost points,
spacer and heading rows among the data, several bad cells reported at once, the header
on row 20 (and not 21), English headings that match more than one phrase, TRUE/FALSE."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from parcalc import api
from parcalc.core.errors import InputError
from parcalc.read.headers import role_of
from tests.conftest import SMALL_SET

D = Decimal


def workbook(tmp_path, *rows, at=1, name="t.xlsx"):
    """A sheet «KQ» with `rows` from row `at` on (None: an empty row); returns its path."""
    book = Workbook()
    sheet = book.active
    sheet.title = "KQ"
    for number, row in enumerate(rows, start=at):
        for column, value in enumerate(row or (), start=1):
            if value is not None:
                sheet.cell(number, column, value)
    path = tmp_path / name
    book.save(path)
    return path


def refusal(path):
    with pytest.raises(InputError) as caught:
        api.read_workbook(path)
    return caught.value


# --- rows that give only lost points ---------------------------------------------------

def test_lost_points_without_an_appraised_column(tmp_path):
    path = workbook(tmp_path, ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm bị mất"),
                    ("1.1", "Tiêu chí một", 4, 0.5),
                    ("1.2", "Tiêu chí hai", 2, 0),
                    ("2.1", "Tiêu chí ba", None, 1),  # no standard points: its points are unknown
                    ("2", "Lĩnh vực hai", 4, None))
    entries = api.read_workbook(path).by_code()
    # 1.1: 4 - 0,5 = 3,5; 1.2: 2 - 0 = 2; 2.1: none; 2: none (nothing lost is said)
    assert [(e.code, e.points, e.max, e.lost) for e in entries.values()] == [
        ("1.1", D("3.5"), D(4), D("0.5")), ("1.2", D(2), D(2), D(0)), ("2.1", None, None, D(1)), ("2", None, D(4), None)]
    sheet = f"{path}, sheet 'KQ'"
    # no points column: the lost cell is named as such, and the row's place is its code cell
    assert {role: str(place) for role, place in entries["1.1"].where.items()} == {
        "code": f"{sheet}, cell A2", "max": f"{sheet}, cell C2", "lost": f"{sheet}, cell D2"}
    assert str(entries["1.1"].place()) == f"{sheet}, cell A2"


def test_given_points_are_kept_beside_lost_points_that_disagree(tmp_path):
    path = workbook(tmp_path, ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất"), ("1.1", None, 4, 3, 0.5))
    (entry,) = api.read_workbook(path).entries
    # 3 stays 3 (not 4 - 0,5 = 3,5): the engine's lost_mismatch says the two disagree
    assert (entry.points, entry.lost) == (D(3), D("0.5"))


def test_a_lost_only_appendix_scores_against_its_set(tmp_path):
    path = workbook(tmp_path, ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm bị mất"),
                    ("1.1", None, 4, 0.5), ("1.2", None, 2, 0), ("2.1", None, 4, 0.25))
    result = api.score_workbook(path, str(SMALL_SET))
    # 3,5 + 2 + 3,75 = 9,25 of 10: index 92,50, group A
    assert (result.total_points, result.index, result.group) == (D("9.25"), D("92.50"), "A")


def test_an_english_points_lost_column_is_read_as_lost_points(tmp_path):
    """It was read as the appraised points (its heading starts with "points"): 0,5 lost
    became 0,5 points, silently."""
    path = workbook(tmp_path, ("Code", "Criterion", "Max", "Points lost"), ("1.1", None, 4, 0.5), ("1.2", None, 2, 0),
                    ("2.1", None, 4, 0.25))
    appraisal = api.read_workbook(path)
    assert [(e.code, e.points, e.lost) for e in appraisal.entries] == [("1.1", D("3.5"), D("0.5")), ("1.2", D(2), D(0)),
                                                                       ("2.1", D("3.75"), D("0.25"))]
    assert appraisal.columns == (("max", "C «Max»"), ("lost", "D «Points lost»"))


# --- spacer and heading rows among the data ----------------------------------------------

def test_spacer_and_heading_rows_inside_the_data_are_skipped(tmp_path):
    path = workbook(tmp_path, ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"),
                    ("(1)", "(2)", "(3)", "(4)"),  # numbers the columns
                    ("I", "LĨNH VỰC MỘT", 6, None),
                    None,  # a spacer row
                    ("1.1", "Tiêu chí một", 4, 3.5),
                    (None, "Nhóm tiêu chí về văn bản", None, None),  # a heading row without a code
                    ("", "   ", None, None),  # blanks only
                    ("Phần B", None, None, None),  # text in the code column, but no numbers: a heading
                    ("1.2", "Tiêu chí hai", 2, 2),
                    None, None,
                    ("II", "LĨNH VỰC HAI", 4, None),
                    ("2.1", "Tiêu chí ba", 4, 3.75))
    appraisal = api.read_workbook(path)
    assert [(e.code, e.points, str(e.where["code"]).rsplit(" ", 1)[1]) for e in appraisal.entries] == [
        ("1", None, "A3"), ("1.1", D("3.5"), "A5"), ("1.2", D(2), "A9"), ("2", None, "A12"), ("2.1", D("3.75"), "A13")]
    assert appraisal.findings == ()


def test_text_in_the_code_column_of_a_row_with_numbers_is_refused(tmp_path):
    path = workbook(tmp_path, ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"),
                    ("1.1", "Tiêu chí một", 4, 3.5), ("Phần B", "x", 2, None))
    problem = refusal(path)
    assert problem.render("en") == (f"{path}, sheet 'KQ', cell A3: 'Phần B' is not a criterion code (codes look like 3, 3.4.1 "
                                    "or a Roman field number such as II)")
    assert problem.render("vi") == (f"{path}, trang tính «KQ», ô A3: «Phần B» không phải là mã tiêu chí (mã có dạng 3, 3.4.1 "
                                    "hoặc số La Mã của lĩnh vực như II)")


# --- several bad cells at once -----------------------------------------------------------

def test_every_bad_cell_is_reported_at_once_in_order(tmp_path):
    path = workbook(tmp_path, ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định", "Điểm tự chấm", "Điểm bị mất"),
                    ("1.1", "a", "bốn", "ba", None, None),  # two bad cells in one row: standard, then appraised
                    ("1.2", "b", 2, True, None, None),  # TRUE
                    ("1.3", "c", 2, 2.5, None, None),  # above its standard points
                    ("2.1", "d", 4, -1, None, None),  # negative
                    ("2.2", "e", 4, 3, "x", "y"),  # self-score and lost: in the order of RowValues' fields
                    ("2.3", "f", 1, False, None, None))  # FALSE
    problem = refusal(path)
    at = f"{path}, sheet 'KQ', cell"
    assert problem.render("en").split("\n") == [
        f"{at} C2: 1.1: 'bốn' is not a number (write points like 1,48 or 1.48)",
        f"{at} D2: 1.1: 'ba' is not a number (write points like 1,48 or 1.48)",
        f"{at} D3: 1.2: holds TRUE/FALSE, not points: write the points",
        f"{at} D4: 1.3: 2.5 points is more than its standard points 2",
        f"{at} D5: 2.1: points cannot be negative (-1): write 0 or more",
        f"{at} E6: 2.2: 'x' is not a number (write points like 1,48 or 1.48)",
        f"{at} F6: 2.2: 'y' is not a number (write points like 1,48 or 1.48)",
        f"{at} D7: 2.3: holds TRUE/FALSE, not points: write the points",
    ]
    at = f"{path}, trang tính «KQ», ô"
    assert problem.render("vi").split("\n") == [
        f"{at} C2: 1.1: «bốn» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)",
        f"{at} D2: 1.1: «ba» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)",
        f"{at} D3: 1.2: chứa TRUE/FALSE, không phải điểm: hãy ghi số điểm",
        f"{at} D4: 1.3: điểm thẩm định 2,5 lớn hơn điểm chuẩn 2",
        f"{at} D5: 2.1: điểm không được là số âm (-1): hãy ghi số điểm từ 0 trở lên",
        f"{at} E6: 2.2: «x» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)",
        f"{at} F6: 2.2: «y» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)",
        f"{at} D7: 2.3: chứa TRUE/FALSE, không phải điểm: hãy ghi số điểm",
    ]


def test_a_penalty_rows_minus_sign_is_its_deduction(tmp_path):
    path = workbook(tmp_path, ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"),
                    ("1", "Lĩnh vực một", 100, 80), ("2", "Điểm trừ", None, -2))
    entries = api.read_workbook(path).by_code()
    assert (entries["2"].points, entries["2"].kind) == (D(2), "penalty")


# --- where the header may be -------------------------------------------------------------

def test_a_header_on_row_20_is_found(tmp_path):
    path = workbook(tmp_path, ("ỦY BAN NHÂN DÂN TỈNH",), *[None] * 18,
                    ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"), ("1.1", "Tiêu chí một", 4, 3.5))
    appraisal = api.read_workbook(path)
    assert [(e.code, e.points, str(e.where["points"])) for e in appraisal.entries] == [("1.1", D("3.5"), f"{path}, sheet 'KQ', cell D21")]


def test_a_header_on_row_21_is_not_looked_for(tmp_path):
    path = workbook(tmp_path, ("ỦY BAN NHÂN DÂN TỈNH",), *[None] * 19,
                    ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định"), ("1.1", "Tiêu chí một", 4, 3.5))
    problem = refusal(path)
    assert problem.render("en") == (f"{path}, sheet 'KQ': no header row in the first 20 rows: expected a code column (STT, Mã, code) "
                                    "and a points column (Điểm thẩm định / Điểm chuẩn / Điểm bị mất / Giá trị)")
    assert problem.render("vi") == (f"{path}, trang tính «KQ»: không tìm thấy dòng tiêu đề trong 20 dòng đầu: cần có một cột mã "
                                    "(STT, Mã, code) và một cột điểm (Điểm thẩm định / Điểm chuẩn / Điểm bị mất / Giá trị)")


# --- headings --------------------------------------------------------------------------

@pytest.mark.parametrize("heading, role", [
    ("Max points", "max"),  # "max" and "max points": both the maximum
    ("Standard points", "max"),  # "standard" and "standard points", not "points"
    ("Lost points", "lost"),  # "lost" and "lost points"
    ("Self score", "self_score"),  # "self" and "self score"
    ("Appraised points", "points"),
    ("Raw value", "value"),
    ("Lead agency", "lead"),  # "lead" and "lead agency"
    ("Supporting agencies", "support"),
    ("No.", "code"),
    ("No. of points", None),  # "no" is a code heading only alone
    ("Unit 7", None),  # nor is "unit" a unit heading with more words
    ("Nội dung giải trình", "explanation"),  # "nội dung" (a name) and "nội dung giải trình": the earlier role
    ("Cơ quan chủ trì", "lead"),  # "cơ quan" is a unit heading only alone
    ("Points lost", "lost"),  # "points" and "points lost": the lost points, not the appraised
])
def test_headings_matching_more_than_one_phrase(heading, role):
    assert role_of(heading) == role


def test_an_english_header_is_read_with_its_roles(tmp_path):
    path = workbook(tmp_path, ("No.", "Criterion", "Max points", "Appraised points", "Self score", "Lost points", "Remedy"),
                    ("1.1", "One", 4, 3.5, 4, 0.5, "Fix it"))
    appraisal = api.read_workbook(path)
    (entry,) = appraisal.entries
    assert (entry.code, entry.name, entry.max, entry.points, entry.self_score, entry.lost, entry.texts) == (
        "1.1", "One", D(4), D("3.5"), D(4), D("0.5"), {"remedy": "Fix it"})
    assert appraisal.columns == (("max", "C «Max points»"), ("points", "D «Appraised points»"),
                                 ("self_score", "E «Self score»"), ("lost", "F «Lost points»"))


# --- total rows and hidden rows -----------------------------------------------------------

HEADER = ("STT", "Tiêu chí", "Điểm chuẩn", "Điểm thẩm định")
ROWS = (("1", "Một", 6, 5.5), ("2", "Hai", 4, 3))  # 8,5 of 10


TOTAL_OFF = ("stated_total", "D4", "the total row says 9.00 points, but the fields add up to 8.50")
MAX_OFF = ("stated_max", "C4", "the total row says 11.00 standard points, but the scale is 10.00")


@pytest.mark.parametrize("total, said", [
    ((None, "Tổng cộng", 10, 8.5), []),
    ((None, "Tổng cộng", 10, 9), [TOTAL_OFF]),
    ((None, "Tổng cộng", None, 9), [TOTAL_OFF]),  # a total row may give its points only
    ((None, "Tổng cộng", 11, None), [MAX_OFF]),  # or its standard points only
    ((None, "Tổng cộng", 11, 9), [TOTAL_OFF, MAX_OFF]),
])
def test_a_total_row_is_checked_figure_by_figure_at_its_cells(tmp_path, total, said):
    from parcalc.core.labels import finding_message

    path = workbook(tmp_path, HEADER, *ROWS, total)
    found = [f for f in api.score_workbook(path).findings if f.key.startswith("stated_")]
    assert [(f.key, str(f.where), finding_message(f, "en")) for f in found] == [
        (key, f"{path}, sheet 'KQ', cell {cell}", message) for key, cell, message in said]


@pytest.mark.parametrize("hidden, listed", [(12, "3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14"),
                                             (13, "3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 …")])
def test_hidden_rows_are_listed_up_to_twelve(tmp_path, hidden, listed):
    rows = [(f"1.{n}", f"Tiêu chí {n}", 1, 1) for n in range(1, 16)]
    path = workbook(tmp_path, HEADER, ("1", "Lĩnh vực", 15, None), *rows)
    book = load_workbook(path)
    for number in range(3, 3 + hidden):
        book["KQ"].row_dimensions[number].hidden = True
    book.save(path)
    notes = [f for f in api.read_workbook(path).findings if f.key == "hidden_rows"]
    assert [(f.params["rows"], str(f.where)) for f in notes] == [(listed, f"{path}, sheet 'KQ', cell A3")]  # at the first


def test_a_sheet_named_is_read_as_that_sheet_of_that_file_with_its_hidden_rows(tmp_path):
    """--sheet (read_sheet): the appraisal names its sheet and file, and the sheet's own
    hidden rows are said."""
    path = workbook(tmp_path, HEADER, *ROWS, name="tinh.xlsx")
    book = load_workbook(path)
    book.create_sheet("Khác", 0)  # the sheet named is not the first
    book["KQ"].row_dimensions[3].hidden = True
    book.save(path)
    appraisal = api.read_workbook(path, sheet="KQ")
    assert (appraisal.sheet, appraisal.source) == ("KQ", "tinh.xlsx")
    assert [(f.key, f.params["rows"], str(f.where)) for f in appraisal.findings] == [("hidden_rows", "3", f"{path}, sheet 'KQ', cell A3")]


@pytest.mark.parametrize("row, second_table", [
    (("STT", "Nội dung", "Điểm tối đa"), True),      # code and standard points headings
    (("STT", "Nội dung", None, "Điểm đạt"), True),   # code and points headings
    (("STT", "Nội dung"), False),                    # a code heading alone is no header
    ((None, "Nội dung", "Điểm tối đa", "Điểm đạt"), False),  # nor are number headings without a code heading
])
def test_a_second_table_starts_at_a_row_of_headings_with_a_code_and_a_number_column(tmp_path, row, second_table):
    path = workbook(tmp_path, HEADER, *ROWS, row, ("3", "Ba", 2, 1))
    appraisal = api.read_workbook(path)
    assert [entry.code for entry in appraisal.entries] == (["1", "2"] if second_table else ["1", "2", "3"])
    assert [(f.key, str(f.where)) for f in appraisal.findings if f.key == "second_table"] == (
        [("second_table", f"{path}, sheet 'KQ', cell A4")] if second_table else [])


class _EndlessBook:
    """A workbook stand-in whose sheet has a header and then `rows` data rows, counting
    the rows taken from it."""

    name = "endless.xlsx"

    def __init__(self, rows: int) -> None:
        self.rows_given, self.data_rows = 0, rows
        self.merged: dict[str, tuple] = {}  # as the reader: known once every row was read

    def rows(self, sheet):
        from parcalc.read.xlsx import value_cell

        yield 1, {1: value_cell("A1", "STT"), 2: value_cell("B1", "Điểm thẩm định")}
        for number in range(2, self.data_rows + 2):
            self.rows_given += 1
            yield number, {1: value_cell(f"A{number}", f"1.{number}"), 2: value_cell(f"B{number}", 1.0)}
        self.merged[sheet] = ()


@pytest.mark.parametrize("data_rows, refused", [(19_999, False), (20_000, True), (1_000_000, True)])
def test_a_sheet_of_more_than_20000_rows_is_refused_after_reading_20001(data_rows, refused):
    """A header and 19,999 data rows (20,000 rows) are a table; one more is refused, and
    a sheet of a million rows is not read past row 20,001."""
    from parcalc.read.workbook import MOST_ROWS, TooManyRows, _find_table

    book = _EndlessBook(data_rows)
    if not refused:
        rows, layout, start = _find_table(book, "KQ")
        assert (len(rows), layout.header_row, start) == (MOST_ROWS, 1, 1)
        return
    with pytest.raises(TooManyRows) as caught:
        _find_table(book, "KQ")
    assert book.rows_given == MOST_ROWS  # the header and 20,000 data rows: one past the limit
    assert str(caught.value.problems[0].where) == "endless.xlsx, sheet 'KQ'"


def test_only_the_first_row_under_the_header_may_number_the_columns(tmp_path):
    """1 2 3 under the header numbers the columns; the same further down is a data row
    (code 1, named "2", 3 standard points)."""
    path = workbook(tmp_path, HEADER, ("1", "2", "3", "4"), ("2", "Hai", 4, 3), ("1", "2", "3"))
    assert [(entry.code, entry.name, entry.max) for entry in api.read_workbook(path).entries] == [("2", "Hai", D(4)), ("1", "2", D(3))]


def test_places_name_the_code_column_where_it_is(tmp_path):
    """Codes in column B: the nested-numbering note and a code written twice name the
    cells of column B, not A."""
    header = (None, *HEADER)
    nested = workbook(tmp_path, header, (None, "I", "Lĩnh vực", 10), (None, "1", "Một", 6, 5.5), (None, "2", "Hai", 4, 3), name="n.xlsx")
    notes = [(f.key, str(f.where)) for f in api.read_workbook(nested).findings]
    assert notes == [("nested_codes", f"{nested}, sheet 'KQ', cell B3")]
    twice = workbook(tmp_path, header, (None, "1", "Một", 6, 5.5), (None, "1", "Một nữa", 6, 5), name="t2.xlsx")
    (problem,) = refusal(twice).problems
    assert str(problem.where) == f"{twice}, sheet 'KQ', cell B3"
    assert f"{twice}, sheet 'KQ', cell B2" in problem.message.render("en")


def test_the_only_other_sheet_with_a_table_is_read_as_the_file_s_unit(tmp_path):
    """The first sheet has no table: the one other sheet that has one is read, named
    after the file, and a note says which sheet was read."""
    path = workbook(tmp_path, HEADER, *ROWS, name="huyen.xlsx")
    book = load_workbook(path)
    book.create_sheet("Bìa", 0).append(["BÁO CÁO CHỈ SỐ CCHC"])
    book.save(path)
    appraisal = api.read_workbook(path)
    assert (appraisal.source, appraisal.sheet, [entry.code for entry in appraisal.entries]) == ("huyen.xlsx", "KQ", ["1", "2"])
    assert [(f.key, f.params) for f in appraisal.findings] == [("other_sheet", {"first": "Bìa", "sheet": "KQ"})]


def test_a_bonus_row_without_a_number_is_the_next_field_named_at_its_empty_code_cell(tmp_path):
    """An unnumbered "Điểm thưởng" row after fields 1 and 2 is field 3, a bonus block;
    its places are those of its row's empty code cell (A4) and points cell (D4)."""
    path = workbook(tmp_path, HEADER, *ROWS, (None, "Điểm thưởng", 2, 1))
    appraisal = api.read_workbook(path)
    bonus = appraisal.entries[-1]
    assert (bonus.code, bonus.kind, bonus.max, bonus.points) == ("3", "bonus", D(2), D(1))
    assert (str(bonus.where["code"]), str(bonus.where["points"])) == (f"{path}, sheet 'KQ', cell A4", f"{path}, sheet 'KQ', cell D4")
    assert [(f.key, f.code, str(f.where)) for f in appraisal.findings] == [("extra_code", "3", f"{path}, sheet 'KQ', cell A4")]
