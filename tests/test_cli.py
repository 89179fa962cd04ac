"""The score and template commands: formats, exit codes, output files, round trips."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from decimal import Decimal

from openpyxl import load_workbook

from parcalc import api
from tests.conftest import EXAMPLES, LAM_DONG, ROOT, digest

D = Decimal
ARGS = ("score", LAM_DONG, "--criteria", "province-2020", "--assume-full")


def test_fail_under_exits_1_after_writing(cli, tmp_path):
    target = tmp_path / "r.json"
    run = cli(*ARGS, "--fail-under", "90", "-f", "json", "-o", target)
    assert run.exit_code == 1
    assert run.stderr.splitlines()[-1] == "parcalc: chỉ số 83,93 thấp hơn mức --fail-under 90"
    assert cli(*ARGS, "--fail-under", "90", "--lang", "en").stderr.splitlines()[-1] == "parcalc: index 83.93 is below --fail-under 90"
    assert json.loads(target.read_text(encoding="utf-8"))["index"] == 83.93
    assert cli(*ARGS, "--fail-under", "83.93", "-f", "json").exit_code == 0


def test_csv_has_bom_in_files_and_real_numbers(cli, tmp_path):
    target = tmp_path / "r.csv"
    assert cli(*ARGS, "-f", "csv", "-o", target).exit_code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    row = next(r for r in rows if r["code"] == "3.4.3")
    assert (row["max"], row["points"], row["lost"], row["given"]) == ("1", "0.996", "0.004", "yes")
    assert len(rows) == 38


def test_outputs_are_deterministic(cli, tmp_path):
    for fmt in ("json", "csv", "md", "table"):
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert cli(*ARGS, "-f", fmt, "-o", first).exit_code == 0
        assert cli(*ARGS, "-f", fmt, "-o", second).exit_code == 0
        assert first.read_bytes() == second.read_bytes(), fmt


def test_input_is_never_modified(cli):
    before = digest(LAM_DONG)
    cli(*ARGS, "-f", "json")
    assert digest(LAM_DONG) == before


def test_template_round_trip(cli, tmp_path):
    target = tmp_path / "blank.xlsx"
    run = cli("template", "--criteria", "province-2020", "-o", target)
    assert run.exit_code == 0, run.output
    book = load_workbook(target)
    sheet = book.active
    assert sheet.freeze_panes == "A4"
    assert [c.value for c in sheet[3]] == ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm", "Điểm thẩm định", "Ghi chú"]
    assert (sheet["A4"].value, sheet["C4"].value, sheet["A4"].font.b) == ("1", 8.5, True)
    assert sheet["F4"].value == "gồm cả phần chưa liệt kê: 5,00 điểm"
    rules = {str(rule.sqref): (rule.formula1, rule.formula2) for rule in sheet.data_validations.dataValidation}
    assert any(ref.startswith("D4:E4") or "D4:E4" in ref.split() for ref in rules)
    assert ("0", "8.5") in rules.values()
    # the blank template reads back; scored at full points it is 100
    criteria = api.load_criteria("province-2020")
    result = api.score_workbook(target, criteria, assume_full=True)
    leaves = [n.code for n in criteria.walk() if not n.children]
    remainders = [f"{n.code}*" for n in criteria.walk() if n.children and n.unlisted_max]
    assert result.index == D("100.00") and sorted(result.assumed) == sorted(leaves + remainders)
    assert "1*" in result.assumed and "6.1*" not in result.assumed
    # and refuses to overwrite
    assert cli("template", "--criteria", "province-2020", "-o", target).exit_code == 2
    assert run.stderr == ""  # every standard point known: nothing to say


def test_a_template_of_a_set_whose_standard_points_are_unknown_says_so(cli, tmp_path):
    """province-2022 knows only its eight fields' names (876/QĐ-BNV's breakdown is not
    published): its template leaves every Điểm chuẩn blank, and says so."""
    target = tmp_path / "2022.xlsx"
    run = cli("template", "--criteria", "province-2022", "-o", target)
    assert run.exit_code == 0 and [load_workbook(target).active.cell(row, 3).value for row in range(4, 12)] == [None] * 8
    assert run.stderr == (f"parcalc: cảnh báo: {target}: bộ tiêu chí province-2022 chưa có điểm chuẩn của 1, 2, 3, 4, 5, 6, 7, 8: "
                          "các ô Điểm chuẩn ấy để trống; hãy điền theo văn bản hướng dẫn của năm trước khi chấm\n")


def test_template_is_deterministic(cli, tmp_path):
    for name in ("a.xlsx", "b.xlsx"):
        assert cli("template", "--criteria", "province-2020", "-o", tmp_path / name).exit_code == 0
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_synthetic_example_scores_completely():
    result = api.score_workbook(EXAMPLES / "synthetic-province-2020.xlsx", "province-2020")
    assert result.assumed == () and result.findings == ()
    assert result.index == D("89.93") and result.group == "B"


def test_python_m_parcalc_and_the_help_start_light():
    """`parcalc --help` must not load openpyxl or rich tables (start-up time)."""
    code = ("import sys, runpy; sys.argv = ['parcalc', '--help']\n"
            "try:\n    runpy.run_module('parcalc', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "heavy = [m for m in ('openpyxl', 'matplotlib', 'rich.table', 'rich.console', 'yaml', 'pydantic', 'parcalc.core.engine', 'parcalc.read', 'parcalc.write', 'parcalc.analysis') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert "Usage: parcalc" in out.stdout
    assert out.stdout.strip().endswith("HEAVY []")


def test_score_does_not_load_openpyxl():
    code = ("import sys; from parcalc.cli import app\n"
            "try:\n    app(['score', sys.argv[1], '-f', 'json'])\n"
            "except SystemExit:\n    pass\n"
            "print('openpyxl' in sys.modules, 'rich' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, str(LAM_DONG)], capture_output=True, text=True, cwd=ROOT)
    assert out.stderr.strip().endswith("False False")  # JSON needs neither openpyxl nor rich


def test_each_module_imports_alone():
    """A cheap guard against circular imports that lazy imports could hide."""
    package = ROOT / "src" / "parcalc"
    modules = sorted("parcalc." + ".".join(p.relative_to(package).with_suffix("").parts)
                     for p in package.rglob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    for module in modules:
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True, env={**os.environ, "PYTHONWARNINGS": "error"})


def test_readme_documents_every_command_and_ci_runs_its_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("parcalc score", "parcalc template", "parcalc criteria list", "parcalc criteria show",
                    "parcalc criteria check", "parcalc criteria import", "parcalc remediation", "parcalc gaps", "parcalc playbook init", "parcalc whatif", "parcalc rank", "parcalc compare", "parcalc report"):
        assert f"`{command}" in readme, command
    from parcalc.cli import app, criteria_app, playbook_app

    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    names |= {c.name for c in criteria_app.registered_commands} | {c.name for c in playbook_app.registered_commands}
    assert names == {"score", "remediation", "gaps", "whatif", "rank", "compare", "report", "template", "list", "show", "check", "import", "init"}
    blocks = [block.split("```", 1)[0].strip() for block in readme.split("```sh\n")[1:3]]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert all(block in ci for block in blocks) and "pytest" in blocks[1]
