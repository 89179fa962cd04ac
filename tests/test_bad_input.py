"""Every input a user can get wrong ends in one clear line per problem, naming the place,
with exit code 2, no traceback, no output file, and the input untouched."""

from __future__ import annotations

import pytest

from tests.conftest import BAD, GOOD, LAM_DONG, SMALL_SET, digest

WORKBOOK_CASES = [
    ("text-renamed.xlsx", "is not an .xlsx workbook"),
    ("zip-not-workbook.xlsx", "is a zip archive but not an Excel workbook"),
    ("truncated.xlsx", "is damaged or truncated"),
    ("encrypted.xlsx", "is password-protected: open it in Excel, remove the password"),
    ("legacy.xls", "old binary .xls workbook, which parcalc does not read: open it in Excel or LibreOffice and save it as .xlsx"),
    ("spreadsheet.ods", "OpenDocument spreadsheet (.ods), which parcalc does not read"),
    ("empty-sheet.xlsx", "sheet 'Sheet': the sheet is empty"),
    ("no-header.xlsx", "sheet 'Điểm': no header row in the first 20 rows"),
    ("no-code-column.xlsx", "sheet 'Điểm', row 3: the header has no code column"),
    ("unknown-code.xlsx", "sheet 'Điểm', cell A9: code 3.7 is not in criterion set small"),
    ("duplicate-code.xlsx", "sheet 'Điểm', cell A9: code 1.1 appears twice (first at"),
    ("not-a-number.xlsx", "sheet 'Điểm', cell D5: 1.1: 'ba phẩy năm' is not a number"),
    ("negative-points.xlsx", "sheet 'Điểm', cell D5: 1.1: points cannot be negative"),
    ("above-max.xlsx", "sheet 'Điểm', cell D5: 1.1: 4.5 points is more than its standard points 4"),
    ("formula-no-cache.xlsx", "sheet 'Điểm', cell D5: 1.1: holds a formula whose result was never saved"),
    ("entity-bomb.xlsx", "contains a DTD or entity declarations, which workbooks never need (possible XML bomb)"),
]

YAML_CASES = [
    ("syntax-error.yaml", ":17: YAML syntax error"),
    ("unknown-key.yaml", ":18: criterion 2, unknown key 'maximum'"),
    ("children-sum.yaml", ":11: criterion 1: its children total 5.5, not its maximum 6"),
    ("duplicate-code.yaml", ":14: code 1.1 is used twice (first at"),
    ("not-a-set.yaml", ":1: is not a parcalc criterion set"),
    ("python-object.yaml", ":3: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    ("alias-bomb.yaml", ":20: anchors and aliases (& and *) are not allowed"),
]


def assert_one_clear_error(run, expected: str) -> None:
    assert run.exit_code == 2, run.output
    lines = run.stderr.strip().splitlines()
    assert lines and all(line.startswith("parcalc: error: ") for line in lines), run.stderr
    assert any(expected in line for line in lines), run.stderr
    assert "Traceback" not in run.output
    assert run.exception is None or isinstance(run.exception, SystemExit)
    assert run.stdout == ""


@pytest.mark.parametrize("name, expected", WORKBOOK_CASES)
def test_broken_workbook(cli, tmp_path, name, expected):
    source = BAD / name
    before = digest(source)
    output = tmp_path / "out.json"
    run = cli("score", source, "--criteria", SMALL_SET, "--format", "json", "-o", output)
    assert_one_clear_error(run, expected)
    assert str(source) in run.stderr or name in run.stderr
    assert not output.exists()
    assert digest(source) == before
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


@pytest.mark.parametrize("name, expected", YAML_CASES)
def test_broken_criterion_set(cli, name, expected):
    run = cli("score", GOOD / "small.xlsx", "--criteria", BAD / name)
    assert_one_clear_error(run, f"{BAD / name}{expected}")


@pytest.mark.parametrize("name, expected", YAML_CASES)
def test_criteria_check_reports_the_same(cli, name, expected):
    run = cli("criteria", "check", BAD / name)
    assert_one_clear_error(run, expected)


def test_yaml_alias_bomb_is_refused_quickly():
    from parcalc.read.criteria_file import load_file
    from parcalc.core.errors import CriteriaError

    with pytest.raises(CriteriaError) as caught:
        load_file(BAD / "alias-bomb.yaml")
    assert len(caught.value.problems) == 2  # one line per alias line, not one per use


def test_missing_file(cli):
    assert_one_clear_error(cli("score", "no-such.xlsx"), "no-such.xlsx: no such file")


def test_a_folder(cli, tmp_path):
    assert_one_clear_error(cli("score", tmp_path), "is a folder, not a workbook")


def test_unknown_criterion_set(cli):
    assert_one_clear_error(cli("score", LAM_DONG, "--criteria", "province-1999"), "unknown criterion set 'province-1999': use one of province-2017, province-2019, province-2020, province-2022")


def test_unknown_sheet(cli):
    assert_one_clear_error(cli("score", LAM_DONG, "--sheet", "Sheet9"), "no sheet named 'Sheet9'; its sheets are 'Phụ lục'")


def test_output_folder_missing(cli, tmp_path):
    target = tmp_path / "missing" / "out.json"
    assert_one_clear_error(cli("score", LAM_DONG, "-f", "json", "-o", target), "does not exist; create it first")


def test_existing_output_is_not_overwritten(cli, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("keep me")
    assert_one_clear_error(cli("score", LAM_DONG, "-c", "province-2020", "--assume-full", "-f", "json", "-o", target), "already exists; pass --force to replace it")
    assert target.read_text() == "keep me"
    run = cli("score", LAM_DONG, "-c", "province-2020", "--assume-full", "-f", "json", "-o", target, "--force")
    assert run.exit_code == 0 and target.read_text().startswith("{")


def test_output_equal_to_input(cli, tmp_path):
    copy = tmp_path / "in.xlsx"
    copy.write_bytes(LAM_DONG.read_bytes())
    assert_one_clear_error(cli("score", copy, "-o", copy, "--force"), "is also an input")
    assert digest(copy) == digest(LAM_DONG)


def test_missing_points_without_assume_full(cli):
    assert_one_clear_error(cli("score", LAM_DONG, "--criteria", "province-2020"), "no points for 2: give them in the workbook")


def test_bad_format_is_a_usage_error(cli):
    run = cli("score", LAM_DONG, "--format", "pdf")
    assert run.exit_code == 2 and "pdf" in run.output
