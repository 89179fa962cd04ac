"""Command-line conventions: --version, usage errors in parcalc's one-line form, help
without Python type names, the format from -o's extension in every command, CSV line
endings alike, JSON that names a shipped set by its id."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
import re

import pytest

from tests.conftest import EXAMPLES, LAM_DONG, ROOT


def parcalc(*args: str) -> subprocess.CompletedProcess:
    """The real entry point (usage errors are worded there, not inside typer)."""
    return subprocess.run([sys.executable, "-m", "parcalc", *map(str, args)], capture_output=True, text=True, timeout=120)


def test_version_is_the_projects():
    run = parcalc("--version")
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M).group(1)
    assert (run.returncode, run.stdout) == (0, f"parcalc {version}\n")


@pytest.mark.parametrize("args, english, vietnamese", [
    (("score", LAM_DONG, "-f", "xml"),
     "parcalc: error: invalid value for --format: 'xml' is not one of 'table', 'json', 'csv', 'md' (parcalc score --help)",
     "parcalc: lỗi: giá trị không hợp lệ cho --format: «xml» không thuộc các giá trị 'table', 'json', 'csv', 'md' (xem parcalc score --help)"),
    (("score",), "parcalc: error: WORKBOOK is missing (parcalc score --help)", "parcalc: lỗi: thiếu WORKBOOK (xem parcalc score --help)"),
    (("scor",), "parcalc: error: no such command: 'scor' (did you mean 'score'?) (parcalc --help)",
     "parcalc: lỗi: không có lệnh «scor» (có phải là «score»?) (xem parcalc --help)"),
    (("nothing",), "parcalc: error: no such command: 'nothing' (parcalc --help)", "parcalc: lỗi: không có lệnh «nothing» (xem parcalc --help)"),
    (("rank", "--fail-under", "9", LAM_DONG), "parcalc: error: no such option: --fail-under (parcalc rank --help)",
     "parcalc: lỗi: không có tùy chọn --fail-under (xem parcalc rank --help)"),
    (("rank", "--criterio", "x", LAM_DONG), "parcalc: error: no such option: --criterio (did you mean --criteria?) (parcalc rank --help)",
     "parcalc: lỗi: không có tùy chọn --criterio (có phải là --criteria?) (xem parcalc rank --help)"),
    (("score", LAM_DONG, "-o"), "parcalc: error: option -o needs a value", "parcalc: lỗi: tùy chọn -o cần một giá trị"),
    (("score", LAM_DONG, LAM_DONG), f"parcalc: error: unexpected extra argument(s): {LAM_DONG} (parcalc score --help)",
     f"parcalc: lỗi: thừa đối số: {LAM_DONG} (xem parcalc score --help)"),
    (("whatif", LAM_DONG, "--top", "ba"), "parcalc: error: invalid value for --top: 'ba' is not a whole number (parcalc whatif --help)",
     "parcalc: lỗi: giá trị không hợp lệ cho --top: «ba» không phải là số nguyên (xem parcalc whatif --help)"),
    (("whatif", LAM_DONG, "--top", "0"), "parcalc: error: invalid value for --top: '0' is less than 1, the least it may be (parcalc whatif --help)",
     "parcalc: lỗi: giá trị không hợp lệ cho --top: «0» nhỏ hơn 1, giá trị nhỏ nhất được phép (xem parcalc whatif --help)"),
])
def test_usage_errors_are_one_line_and_exit_2(args, english, vietnamese):
    run = parcalc(*args)
    assert (run.returncode, run.stderr, run.stdout) == (2, vietnamese + "\n", "")
    run = parcalc(args[0], "--lang", "en", *args[1:])
    assert (run.returncode, run.stderr, run.stdout) == (2, english + "\n", "")


@pytest.mark.parametrize("command", ["score", "remediation", "gaps", "whatif", "rank", "compare", "report", "template", "criteria show", "criteria import", "playbook init"])
def test_help_has_no_python_type_names(command):
    run = parcalc(*command.split(), "--help")
    assert run.returncode == 0
    for python in ("<str>", "<int>", "<float", "<list[", "<Path>", "<path>", "<bool>"):
        assert python not in run.stdout, (command, python)


@pytest.mark.parametrize("command, suffix, starts", [
    (("score", LAM_DONG, "--criteria", "province-2020", "--assume-full"), ".json", "{"),
    (("score", LAM_DONG, "--criteria", "province-2020", "--assume-full"), ".csv", "\ufeffcode,name"),
    (("score", LAM_DONG, "--criteria", "province-2020", "--assume-full"), ".md", "## "),
    (("rank", EXAMPLES / "departments" / "departments.xlsx", "--criteria", EXAMPLES / "departments" / "department-set.yaml"), ".xlsx", "PK"),
    (("rank", EXAMPLES / "departments" / "departments.xlsx", "--criteria", EXAMPLES / "departments" / "department-set.yaml"), ".json", "{"),
    (("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--top", "3"), ".json", "{"),
])
def test_the_format_follows_the_extension_of_o(cli, tmp_path, command, suffix, starts):
    out = tmp_path / f"out{suffix}"
    run = cli(*command, "-o", out)
    assert run.exit_code == 0, run.output
    head = out.read_bytes()[:16]
    assert head.startswith(b"PK") if starts == "PK" else head.decode("utf-8", errors="ignore").startswith(starts)


def test_an_extension_no_format_has_is_refused_before_the_work(cli, tmp_path):
    run = cli("score", LAM_DONG, "-o", tmp_path / "out.pdf")
    assert run.exit_code == 2
    assert run.stderr == f"parcalc: lỗi: {tmp_path / 'out.pdf'}: không nhận ra định dạng từ phần mở rộng của tệp: dùng .json, .csv, .md, .txt, hoặc --format\n"
    run = cli("score", LAM_DONG, "-o", tmp_path / "out.pdf", lang="en")
    assert run.stderr == f"parcalc: error: {tmp_path / 'out.pdf'}: cannot tell the format from the extension: use .json, .csv, .md, .txt, or --format\n"
    assert cli("score", LAM_DONG, "--criteria", "province-2020", "--assume-full", "-o", tmp_path / "t.txt").exit_code == 0
    table = (tmp_path / "t.txt").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("STT ") for line in table[:4]) and table[-2].startswith("Bộ tiêu chí")  # the table, as a terminal shows it


def test_csv_lines_end_alike_in_every_command(cli, tmp_path):
    runs = [
        cli("score", LAM_DONG, "--criteria", "province-2020", "--assume-full", "-f", "csv"),
        cli("remediation", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--year", "2021", "-f", "csv"),
        cli("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--set", "6.1.2=1", "-f", "csv"),
        cli("rank", EXAMPLES / "departments" / "departments.xlsx", "--criteria", EXAMPLES / "departments" / "department-set.yaml", "-f", "csv"),
        cli("gaps", EXAMPLES / "field" / "so-tu-phap-2025.xlsx", "-f", "csv"),
    ]
    for run in runs:
        assert run.exit_code == 0 and run.stdout.count("\n") > 2 and "\r" not in run.stdout


def test_json_names_a_shipped_set_by_its_id_and_a_users_by_the_path_given(cli):
    shipped = json.loads(cli("score", LAM_DONG, "--criteria", "province-2020", "--assume-full", "-f", "json").stdout)
    assert shipped["criteria"]["origin"] == "province-2020"
    path = EXAMPLES / "plans" / "binh-dinh-2021-targets.yaml"
    own = json.loads(cli("score", EXAMPLES / "plans" / "binh-dinh-2021-values.xlsx", "--criteria", path, "-f", "json").stdout)
    assert own["criteria"]["origin"] == str(path)


def test_the_ci_script_builds_the_published_appendix(tmp_path):
    """examples/ci/remediation.sh, as the GitHub and GitLab examples run it."""
    env = {**os.environ, "OUT": str(tmp_path / "out"), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(["sh", str(ROOT / "examples" / "ci" / "remediation.sh")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    appendix = json.loads((tmp_path / "out" / "phu-luc.json").read_text(encoding="utf-8"))
    assert len(appendix["rows"]) == 37 and appendix["plan"] == "(Kèm theo Kế hoạch số 6006/KH-UBND ngày 23 tháng 8 năm 2021 của UBND tỉnh)"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["diem.md", *(f"phu-luc.{f}" for f in ("csv", "docx", "json", "md", "xlsx"))]
    below = subprocess.run(["sh", str(ROOT / "examples" / "ci" / "remediation.sh")], cwd=ROOT, env={**env, "TARGET": "90"},
                           capture_output=True, text=True, timeout=300)
    assert below.returncode == 1 and below.stderr.splitlines()[-1] == "parcalc: chỉ số 83,93 thấp hơn mức --fail-under 90"


def test_in_github_actions_problems_are_also_annotations(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    run = cli("score", LAM_DONG, "--criteria", "province-2020", "--assume-full", "-f", "json")
    assert run.stderr.splitlines()[1] == (f"::warning file={LAM_DONG}::{LAM_DONG}, trang tính «Phụ lục», ô D9: 3.4 mất 0,05 điểm nhưng "
                                          "các tiêu chí con được liệt kê mất tổng cộng 0,064")
    bad = tmp_path / "set.yaml"
    bad.write_text("parcalc_criteria: 1\nid: x\ntitle: x\nlevel: custom\nnodes:\n  - {code: '1', name: a, max: NaN}\n", encoding="utf-8")
    run = cli("criteria", "check", bad)
    annotation = run.stderr.splitlines()[-1]
    assert run.exit_code == 2 and annotation.startswith(f"::error file={bad},line=6::{bad}:6: ")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert "::" not in cli("criteria", "check", bad).stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_job_shows_a_spinner_on_a_terminal_and_nothing_elsewhere(monkeypatch):
    import time

    from parcalc import cli as command_line

    monkeypatch.setattr(command_line._working, "DELAY_SECONDS", 0.05)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with command_line._working(command_line.Lang.vi, 3):
        time.sleep(0.5)
    assert "Đang đọc và chấm 3 bảng tính" in terminal.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    with command_line._working(command_line.Lang.en, 3):
        time.sleep(0.2)
    assert piped.getvalue() == ""
    quick = _Terminal()
    monkeypatch.setattr(sys, "stderr", quick)
    monkeypatch.setattr(command_line._working, "DELAY_SECONDS", 1.0)
    with command_line._working(command_line.Lang.en, 3):
        pass  # done within the second: no spinner
    time.sleep(0.1)
    assert quick.getvalue() == ""


def test_shell_completion_completes_commands_and_prints_its_script():
    completed = subprocess.run([sys.executable, "-m", "parcalc"], capture_output=True, text=True, timeout=120,
                               env={**os.environ, "_PARCALC_COMPLETE": "complete_bash", "COMP_WORDS": "parcalc ra", "COMP_CWORD": "1"})
    assert (completed.returncode, completed.stdout.split()) == (0, ["rank"])
    script = parcalc("--show-completion", "bash")
    assert script.returncode == 0 and "_parcalc_completion()" in script.stdout and "complete -o default -F _parcalc_completion parcalc" in script.stdout
