"""The sheets layout reads a sheet that differs from one already read only in its points
from that reading (parcalc.read.sheetunits): every unit must be what reading its sheet
in full gives, whatever its points hold (numbers, blanks, marks, text, a negative or
too high figure, TRUE), with Roman fields, nested numbering, bonus, penalty and total
rows, a hidden row, a text column and copies that differ elsewhere too."""

from __future__ import annotations

import operator
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from parcalc import api
from parcalc.core.errors import InputError
from parcalc.core.model import CopiedEntries
from parcalc.read import sheetunits, xlsx
from parcalc.read.longsheet import unit_name
from parcalc.read.multiunit import open_units, read_units
from parcalc.read.workbook import read_sheet

HEADER = ["STT", "Tên tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Điểm thẩm định", "Giải pháp"]
# (code, name, standard points): a template as provinces send it out
TEMPLATE = [
    ("I", "CÔNG TÁC CHỈ ĐẠO", 6), ("1", "Kế hoạch CCHC", 2), ("2", "Báo cáo CCHC", 4), ("2.1", "Đúng hạn", 2), ("2.2", "Đủ nội dung", 2),
    ("II", "THỂ CHẾ", 3), ("1", "Văn bản QPPL", 3),
    ("", "Điểm thưởng", 1), ("", "Điểm trừ", 1),
]


def points(maximum: int) -> st.SearchStrategy:
    """Mostly points within the row's standard points, in halves, and blanks; now and
    then what the full reading reads its own way or refuses: a mark, text, a negative
    or too high figure, TRUE."""
    return st.integers(0, 40).flatmap(lambda draw: st.integers(0, 2 * maximum).map(lambda halves: halves / 2) if draw < 34
                                      else st.just(None) if draw < 38
                                      else st.sampled_from(["-", "4 điểm", "1,5", -1.0, True, "x y", 0.30000000000000004, 7.0]))


# What a copy says below its table, read as nothing or not: a signer, a date, a note,
# and words that make a row a total, a bonus or a second table's header.
FOOTERS = ["Người lập biểu", "Nguyễn Văn An", "Ngày 15 tháng 3 năm 2025", None, "Ghi chú: số liệu tự chấm",
           "Tổng cộng", "Điểm thưởng", "Xếp loại: Tốt"]


# How a copy may word a row its own way: (code, its name, its remedy); what the full
# reading reads as the same row (another name, spaces, letters decomposed, another
# remedy) or not (a total, a bonus block, a heading, no name, a number, no text).
REWORDED = st.tuples(st.sampled_from(["I", "1", "2", "2.1", "2.2", "II", ""]),
                     st.sampled_from(["Đúng hạn (sửa)", "  Đúng   hạn ", "Đu\u0301ng ha\u0323n", "Tổng cộng", "Điểm thưởng", "Xếp loại",
                                      "Điểm chuẩn", "STT", "", " ", 5]),
                     st.sampled_from(["Rà soát", "Rà soát lại", None, "  ", 3]))


def write_book(path: Path, sheets: list[tuple]) -> Path:
    """A sheet per unit: (name, points of each template row then of the total row, a
    hidden row after the header, a row this copy words its own way (REWORDED) or None
    [, its footer, its title]).
    Each title names its unit; the footer is the signer's row below the table."""
    book = Workbook()
    book.remove(book.active)
    for name, points, hidden, renamed, *more in sheets:
        footer, title = (more + [FOOTERS[1], None])[:2] if more else (FOOTERS[1], None)
        sheet = book.create_sheet(name)
        sheet.append([title or f"BẢNG TỰ CHẤM ĐIỂM CCHC CỦA {name.upper()}"])
        sheet.append(HEADER)
        if hidden:
            sheet.append(["", "dòng ẩn", 1])
            sheet.row_dimensions[3].hidden = True
        for (code, label, maximum), value in zip(TEMPLATE, points):
            remedy = "Rà soát" if code == "2" else None
            if renamed and code == renamed[0] and (code or label == "Điểm thưởng"):
                label, remedy = renamed[1:]
            sheet.append([code, label, maximum, 1, value, remedy])
        sheet.append(["", "Tổng cộng", 10, None, points[-1]])
        sheet.append(["", "Người lập biểu"])
        sheet.append(["", footer, 2 if footer == "Điểm thưởng" else None])
    book.save(path)
    return path


def in_full(path: Path, names: list[str]):
    """Each sheet read on its own by the strict reader (or every sheet's refusal, in sheet order)."""
    units, problems = [], []
    with xlsx.Workbook(path) as book:
        for name in names:
            try:
                units.append(read_sheet(book, name, unit_name(name)))
            except InputError as refusal:
                problems += refusal.problems
    return ("refused", str(InputError(*problems))) if problems else units


def outcome(path: Path):
    try:
        units = read_units(path)
    except InputError as problem:
        return ("refused", str(problem))
    assert_columns_are_the_entries(units)
    return units


def assert_columns_are_the_entries(units: list) -> None:
    """A copy's rows as its CopiedEntries hold them for scoring by columns are those of
    its entries, once made: codes, names, standard points, kinds and points, and no
    mark, raw value or lost points."""
    for unit in units:
        if isinstance(unit.entries, CopiedEntries):
            copied, made = unit.entries, tuple(unit.entries)
            assert (copied.codes, copied.names, copied.maxes, copied.kinds, copied.points) == tuple(
                tuple(getattr(entry, role) for entry in made) for role in ("code", "name", "max", "kind", "points"))
            assert all(entry.mark is None and entry.value is None and entry.lost is None for entry in made)


@st.composite
def workbooks(draw):
    count = draw(st.integers(2, 5))
    maxima = [maximum for _, _, maximum in TEMPLATE] + [10]
    base = [draw(points(maximum)) for maximum in maxima]
    sheets = []
    for unit in range(count):
        values = [value if draw(st.integers(0, 3)) == 0 else draw(points(maximum)) for value, maximum in zip(base, maxima)]  # copies share some
        title = draw(st.sampled_from([None] * 8 + ["STT", "ĐIỂM THẨM ĐỊNH"]))  # None: the unit's own title; a heading now and then
        footer = draw(st.sampled_from(FOOTERS[:5] * 3 + FOOTERS[5:]))  # mostly read as nothing
        sheets.append((f"Sở {unit + 1}", values, draw(st.integers(0, 6)) == 0, draw(st.none() | REWORDED), footer, title))
    return sheets


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheets=workbooks())
def test_every_unit_is_what_reading_its_sheet_in_full_gives(tmp_path, sheets):
    path = write_book(tmp_path / "units.xlsx", sheets)
    assert outcome(path) == in_full(path, [name for name, *_ in sheets])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheets=workbooks())
def test_one_unit_workbooks_read_in_turn_are_each_what_reading_it_in_full_gives(tmp_path, sheets):
    """`rank unit-*.xlsx`: a workbook may be read from another's sheet (templates kept
    from one workbook to the next); each unit is its own file's, named after the file,
    its places in its own file."""
    templates: list = []
    for number, sheet in enumerate(sheets):
        path = write_book(tmp_path / f"Đơn vị {number}.xlsx", [sheet])
        expected = in_full(path, [sheet[0]])
        if isinstance(expected, list):
            expected = [replace(unit, source=path.stem) for unit in expected]
        try:
            got = open_units(path, templates=templates)
        except InputError as problem:
            got = ("refused", str(problem))
        else:
            assert_columns_are_the_entries(got)
        assert got == expected


def test_one_unit_workbooks_copied_from_another_name_their_own_file(tmp_path):
    points = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    first = write_book(tmp_path / "Xã A.xlsx", [("Chấm điểm", points, False, False)])
    second = write_book(tmp_path / "Xã B.xlsx", [("Chấm điểm", [None, 1, *points[2:]], False, False)])
    templates: list = []
    open_units(first, templates=templates)
    assert len(templates) == 1
    unit, = open_units(second, templates=templates)
    assert unit.source == "Xã B" and unit.by_code()["1.1"].points == 1
    assert unit.by_code()["1.1"].place("points") == f"{second}, sheet 'Chấm điểm', cell E4"
    assert unit.findings[0].where == f"{second}, sheet 'Chấm điểm', cell A4"  # nested numbering, said in its own file


def _read_in_full(monkeypatch) -> list[str]:
    """The sheets that will be read in full, as they are."""
    read_in_full: list[str] = []
    real = sheetunits.read_table_rows
    monkeypatch.setattr(sheetunits, "read_table_rows", lambda book, sheet, *rest: read_in_full.append(sheet) or real(book, sheet, *rest))
    return read_in_full


def test_copies_of_one_sheet_are_read_from_it(tmp_path, monkeypatch):
    """Three copies differing in their points, their titles (each names its unit) and
    their signers: the first is read in full, the others from it; their figures are
    each sheet's own."""
    read_in_full = _read_in_full(monkeypatch)
    points = {"Sở 1": [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5], "Sở 2": [None, 1, None, 2, 0, None, 2.5, 0, 0, 5.5],
              "Sở 3": [None, 0.5, None, 0.5, 0.5, None, 1, 1, 0.5, 3]}
    signers = {"Sở 1": "Nguyễn Văn An", "Sở 2": "Trần Thị Bình", "Sở 3": "Ngày 15 tháng 3 năm 2025"}
    path = write_book(tmp_path / "units.xlsx", [(name, values, False, False, signers[name]) for name, values in points.items()])
    units = read_units(path)
    assert read_in_full == ["Sở 1"]
    # I > 1, 2 > 2.1 are 1.1, 1.2 > 1.2.1; II > 1 is 2.1; the bonus and penalty rows are fields 3 and 4
    assert [[(entry.code, entry.points) for entry in unit.entries if entry.code in ("1.1", "1.2.1", "2.1", "3", "4")] for unit in units] == [
        [("1.1", 2), ("1.2.1", 1.5), ("2.1", 3), ("3", 0.5), ("4", 1)], [("1.1", 1), ("1.2.1", 2), ("2.1", 2.5), ("3", 0), ("4", 0)],
        [("1.1", 0.5), ("1.2.1", 0.5), ("2.1", 1), ("3", 1), ("4", 0.5)]]
    assert [(unit.totals[0].points, unit.totals[0].place("points")) for unit in units] == [
        (9.5, f"{path}, sheet 'Sở 1', cell E12"), (5.5, f"{path}, sheet 'Sở 2', cell E12"), (3, f"{path}, sheet 'Sở 3', cell E12")]
    assert units[2].by_code()["1.2.1"].place("points") == f"{path}, sheet 'Sở 3', cell E6"
    assert units[2].findings[0].where == f"{path}, sheet 'Sở 3', cell A4"  # nested numbering, said on its own sheet


def test_a_copy_s_entries_are_made_only_when_looked_at(tmp_path):
    """A copy's entries (9 rows: I and II are fields 1 and 2, the bonus and penalty rows
    3 and 4) are made the first time they are looked at, once, equal to a reading in
    full; until then its rows are held as columns."""
    values = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    path = write_book(tmp_path / "units.xlsx", [("Sở 1", values, False, False), ("Sở 2", [None, 1, *values[2:]], False, False)])
    first, copy = read_units(path)
    assert type(first.entries) is tuple and type(copy.entries) is CopiedEntries
    assert len(copy.entries) == 9 and copy.entries._made is None
    assert copy.entries.codes == ("1", "1.1", "1.2", "1.2.1", "1.2.2", "2", "2.1", "3", "4")
    assert copy.entries.points == (None, 1, None, D("1.5"), 2, None, 3, D("0.5"), 1)
    assert copy.entries[1].points == 1 and copy.entries[1].place("points") == f"{path}, sheet 'Sở 2', cell E4"
    made = copy.entries._made
    assert copy.entries[-2:] == made[-2:] and all(map(operator.is_, copy.entries, made))  # made once
    assert copy == in_full(path, ["Sở 1", "Sở 2"])[1] and in_full(path, ["Sở 1", "Sở 2"])[1] == copy
    assert copy != first and copy.entries != first.entries and repr(copy.entries) == repr(made)
    assert read_units(path)[1].entries == copy.entries  # two copies' entries alike


def test_ranking_copies_makes_the_entries_of_no_unit_but_a_group_s_first(tmp_path, monkeypatch):
    """`rank` of four communes' files copied from one template: the first is read in full
    and its group's first; the copies are scored by columns from their points, their
    entries never made, but the first of a group of its own (a copy that words a row
    its own way, in the workbook's own tree). Totals by hand, of 10 (standard points of
    I, II, the bonus; the penalty row takes): Xã 1 2 + 1.5 + 2 + 3 + 0.5 - 1 = 8;
    Xã 2 and Xã 4 8 - 2 + 1 = 7; Xã 3 8 - 3 = 5."""
    made = []
    make = sheetunits._Template._entries
    monkeypatch.setattr(sheetunits._Template, "_entries", lambda self, *args: made.append(args) or make(self, *args))
    plain = [None, 2, None, 1.5, 2, None, 3, 0.5, 1]
    files = {"Xã 1": ([*plain, 8], None), "Xã 2": ([None, 1, *plain[2:], 7], None), "Xã 3": ([*plain[:6], 0, *plain[7:], 5], None),
             "Xã 4": ([None, 1, *plain[2:], 7], ("2.1", "Đúng hạn (sửa)", "Rà soát lại"))}
    paths = [write_book(tmp_path / f"{name}.xlsx", [("Chấm điểm", points, False, reworded)]) for name, (points, reworded) in files.items()]
    ranking = api.rank_workbooks(paths)
    assert {ranked.unit: ranked.result.total_points for ranked in ranking.units} == {"Xã 1": 8, "Xã 2": 7, "Xã 3": 5, "Xã 4": 7}
    assert len(made) == 1 and made[0][2].file.endswith("Xã 4.xlsx")


@pytest.mark.parametrize("footer, title", [("Tổng cộng", None), ("Điểm thưởng", None), ("Xếp loại: Tốt", None), ("Nguyễn Văn An", "STT")])
def test_a_copy_whose_words_are_read_is_read_in_full(tmp_path, monkeypatch, footer, title):
    """Below the table a total, a bonus or a grade row is read; a title that is a heading
    may be part of the header: such a copy is read in full."""
    read_in_full = _read_in_full(monkeypatch)
    values = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    path = write_book(tmp_path / "units.xlsx", [("Sở 1", values, False, False), ("Sở 2", values, False, False, footer, title)])
    assert outcome(path) == in_full(path, ["Sở 1", "Sở 2"])
    assert read_in_full == ["Sở 1", "Sở 2"]


@pytest.mark.parametrize("reworded", [("2.1", "Đúng hạn (sửa)", "Rà soát lại"), ("2", "  Báo cáo   CCHC ", None),
                                      ("2.2", "Đu\u0309 nô\u0323i dung", "Rà soát"), ("1", "Kế hoạch CCHC năm 2025", "  ")])
def test_a_copy_that_words_a_row_its_own_way_is_read_from_the_template(tmp_path, monkeypatch, reworded):
    """Clerks word a criterion or its remedy their own way: the copy's unit has its own
    words, as the full reading gives them, and the rest is the template's."""
    read_in_full = _read_in_full(monkeypatch)
    values = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    path = write_book(tmp_path / "units.xlsx", [("Sở 1", values, False, None), ("Sở 2", [*values[:3], 1, *values[4:]], False, reworded)])
    units = outcome(path)
    assert units == in_full(path, ["Sở 1", "Sở 2"])
    assert read_in_full == ["Sở 1"]
    code = {"2.1": "1.2.1", "2": "1.2", "2.2": "1.2.2", "1": "1.1"}[reworded[0]]  # I > 2 > 2.1 is 1.2.1
    assert units[1].by_code()[code].name == " ".join(unicodedata.normalize("NFC", reworded[1]).split())
    assert units[1].by_code()["1.2.1"].points == 1


@pytest.mark.parametrize("reworded", [
    ("2.1", "Tổng cộng", None),  # a total row
    ("1", "Điểm thưởng", None),  # a bonus block: its code is the next field's
    ("", "Thưởng sáng kiến", None),  # the bonus row without a number, named plainly: no row at all
    ("2.1", "STT", "Điểm thẩm định"),  # a second table's header
    ("2.1", "", None), ("2.1", 5, None), ("2.1", "Đúng hạn", 3),  # no name, a number for a name or a remedy
    ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", None),  # the first row, which may be the columns' numbering
])
def test_a_copy_whose_reworded_row_may_read_otherwise_is_read_in_full(tmp_path, monkeypatch, reworded):
    read_in_full = _read_in_full(monkeypatch)
    values = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    path = write_book(tmp_path / "units.xlsx", [("Sở 1", values, False, None), ("Sở 2", values, False, reworded)])
    assert outcome(path) == in_full(path, ["Sở 1", "Sở 2"])
    assert read_in_full == ["Sở 1", "Sở 2"]


@pytest.mark.parametrize("cell, value", [("C6", 3), ("D6", 0.5), ("A6", "2.3"), ("C12", 11)])
def test_a_copy_whose_row_differs_beyond_its_points_and_words_is_read_in_full(tmp_path, monkeypatch, cell, value):
    """A criterion row's standard points, self-score or code, or the total row's standard points."""
    from openpyxl import load_workbook

    read_in_full = _read_in_full(monkeypatch)
    values = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    path = write_book(tmp_path / "units.xlsx", [("Sở 1", values, False, None), ("Sở 2", values, False, None)])
    book = load_workbook(path)
    book["Sở 2"][cell] = value
    book.save(path)
    assert outcome(path) == in_full(path, ["Sở 1", "Sở 2"])
    assert read_in_full == ["Sở 1", "Sở 2"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_sheets_saved_again_by_libreoffice_read_as_in_full(tmp_path):
    sheets = [("Sở 1", [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5], True, False),
              ("Sở 2", [None, 1, None, 2, "-", None, 2.5, None, 0, 5.5], True, False),
              ("Sở 3", [None, 0.5, None, 0.5, 0.5, None, 1, 1, 0.5, 3], True, False)]
    (tmp_path / "source").mkdir()
    source = write_book(tmp_path / "source" / "units.xlsx", sheets)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "xlsx",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=120)
    path = tmp_path / "units.xlsx"
    assert outcome(path) == in_full(path, ["Sở 1", "Sở 2", "Sở 3"])
    assert [unit.by_code()["1.2.1"].points for unit in read_units(path)] == [1.5, 2, 0.5]


def test_every_sheet_s_problems_are_said(tmp_path, cli):
    """Two sheets with a wrong figure each: both are said, in the workbook's order."""
    values = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    path = write_book(tmp_path / "units.xlsx", [("Sở 1", values, False, False), ("Sở 2", [*values[:1], 7.0, *values[2:]], False, False),
                                                 ("Sở 3", [*values[:3], True, *values[4:]], False, False)])
    result = cli("rank", path, lang="en")
    assert (result.exit_code, result.stderr.splitlines()) == (2, [
        f"parcalc: error: {path}, sheet 'Sở 2', cell E4: 1.1: 7 points is more than its standard points 2",
        f"parcalc: error: {path}, sheet 'Sở 3', cell E6: 1.2.1: holds TRUE/FALSE, not points: write the points"])


def test_a_copy_with_a_cell_given_twice_is_refused_as_score_refuses_it(tmp_path, cli):
    """A copy whose XML gives its 1.1 points twice (3 then 1.5): python-calamine keeps one
    and the copy would look like its template; `rank` refuses it at the cell, as `score`
    of that sheet does."""
    import re
    import zipfile

    values = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    source = write_book(tmp_path / "source.xlsx", [("Sở 1", values, False, False), ("Sở 2", values, False, False)])
    path = tmp_path / "units.xlsx"
    with zipfile.ZipFile(source) as book, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in book.namelist():
            data = book.read(name)
            if name == "xl/worksheets/sheet2.xml":
                data, made = re.subn(rb'(<c r="E4"[^>]*><v>2</v></c>)', rb'\1<c r="E4" t="n"><v>1.5</v></c>', data)
                assert made == 1
            copy.writestr(name, data)
    said = f"parcalc: error: {path}, sheet 'Sở 2', cell E4: damaged workbook: the cell is given twice; save it again from Excel or LibreOffice"
    assert (cli("score", path, "--sheet", "Sở 2", lang="en").stderr.splitlines(), cli("rank", path, lang="en").stderr.splitlines()) == ([said], [said])


def test_two_sheets_that_name_one_unit_are_named(tmp_path, cli):
    """«Sở Tư pháp» typed once composed (NFC) and once decomposed (NFD): one unit, two sheets."""
    values = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    decomposed = unicodedata.normalize("NFD", "Sở Tư pháp")
    path = write_book(tmp_path / "units.xlsx", [("Sở Tư pháp", values, False, False), ("Sở Nội vụ", values, False, False),
                                                 (decomposed, values, False, False)])
    result = cli("rank", path, lang="en")
    assert (result.exit_code, result.stderr.splitlines()) == (2, [
        f"parcalc: error: {path}, sheet '{decomposed}': names unit 'Sở Tư pháp', as sheet 'Sở Tư pháp' does: give each unit's sheet its own name"])


def test_a_sheet_named_in_decomposed_letters_is_found_by_its_typed_name(tmp_path, cli):
    values = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    path = write_book(tmp_path / "units.xlsx", [(unicodedata.normalize("NFD", "Xã Lát"), values, False, False), ("Xã Đạ Chais", values, False, False)])
    result = cli("rank", path, "--sheet", "Xã Lát", "-f", "csv", lang="en")  # typed composed (NFC)
    assert result.exit_code == 0, result.stderr
    # one sheet: the unit is the file's; by hand 2 + 1.5 + 2 + 3 + 0.5 (bonus) - 1 (penalty) = 8 of 6 + 3 = 88.89
    assert result.stdout.splitlines()[1].startswith("1,units,8.00,88.89,")


def test_skipped_sheets_are_quoted_as_the_language_quotes_them(tmp_path, cli):
    values = [None, 2, None, 1.5, 2, None, 3, 0.5, 1, 9.5]
    path = write_book(tmp_path / "units.xlsx", [("Sở 1", values, False, False), ("Sở 2", values, False, False)])
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.create_sheet("Hướng dẫn", 0)["A1"] = "Điền điểm vào cột E"
    book.save(path)
    assert f"{path}: sheets 'Hướng dẫn' hold no scoring table: skipped" in cli("rank", path, lang="en").stderr
    assert f"{path}: các trang tính «Hướng dẫn» không có bảng chấm điểm: bỏ qua" in cli("rank", path).stderr


@pytest.mark.parametrize("layout", ["sheets", "long"])
def test_a_unit_without_rows_others_list_is_said_without_a_set(tmp_path, cli, layout):
    """Sở 2 has no row for 3 (deleted by mistake): without a set it is scored on its own
    rows' scale (7, not 9), which is said."""
    rows = [(unit, code, maximum, points) for unit in ("Sở 1", "Sở 2") for code, maximum, points in (("1", 4, 3), ("2", 3, 2), ("3", 2, 1.5))
            if not (unit == "Sở 2" and code == "3")]
    book = Workbook()
    if layout == "sheets":
        book.remove(book.active)
        for unit, code, maximum, points in rows:
            sheet = book[unit] if unit in book.sheetnames else book.create_sheet(unit)
            if sheet.max_row == 1 and sheet["A1"].value is None:
                sheet.append(["STT", "Điểm chuẩn", "Điểm thẩm định"])
            sheet.append([code, maximum, points])
    else:
        book.active.append(["Đơn vị", "STT", "Điểm chuẩn", "Điểm thẩm định"])
        for row in rows:
            book.active.append(list(row))
    path = tmp_path / "units.xlsx"
    book.save(path)
    result = cli("rank", path, "-f", "csv", lang="en")
    assert (result.exit_code, result.stdout.splitlines()[1:]) == (0, ["1,Sở 1,6.50,72.22,C,75.00,66.67,75.00", "2,Sở 2,5.00,71.43,C,75.00,66.67,"])
    where = "sheet 'Sở 2'" if layout == "sheets" else "unit 'Sở 2'"
    assert result.stderr.splitlines() == [
        f"parcalc: warning: {path}, {where}: no row for 3, which other units list (1 unit(s) lack rows): "
        "each unit is scored on the scale of its own rows; give --criteria to score every unit on one set"]


def test_a_field_left_out_of_the_scale_has_no_sub_index(tmp_path, cli):
    """Sở 2 marks its field 2's only criterion «x» (không áp dụng); with --na exclude the
    field is off its scale (4 + 2 = 6, not 9): it has no sub-index, where a 0 would read as
    every point lost. By hand: Sở 1 3 + 2 + 1.5 = 6.5 of 9 (72.22), Sở 2 3 + 1.5 = 4.5 of 6 (75.00)."""
    book = Workbook()
    book.remove(book.active)
    for unit, points in (("Sở 1", 2), ("Sở 2", "x")):
        sheet = book.create_sheet(unit)
        sheet.append(["STT", "Điểm chuẩn", "Điểm thẩm định"])
        for row in (["1", 4, 3], ["2", 3, None], ["2.1", 3, points], ["3", 2, 1.5]):
            sheet.append(row)
    path = tmp_path / "units.xlsx"
    book.save(path)
    result = cli("rank", path, "--na", "exclude", "--blank", "full", "-f", "csv", lang="en")  # field 2's own row is blank
    assert (result.exit_code, result.stdout.splitlines()[1:]) == (0, ["1,Sở 2,4.50,75.00,C,75.00,,75.00", "2,Sở 1,6.50,72.22,C,75.00,66.67,75.00"])
