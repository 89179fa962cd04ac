"""Nothing is lost: an output never goes over an input (by any name), over a file that
exists (checked again when the file is put in place), or onto anything but a regular
file; a run that is stopped or cannot write leaves no temporary file and one line."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from parcalc.core.errors import OutputError
from parcalc.write import output
from tests.conftest import EXAMPLES, LAM_DONG, ROOT, SMALL_SET

SCORE = ("score", LAM_DONG, "--criteria", "province-2020", "--assume-full")


_VIETNAMESE = {
    "is also an input; write the output to another file": "cũng là tệp đầu vào: hãy ghi kết quả ra tệp khác",
    "is a symbolic link: name the file itself, or another file (parcalc replaces only regular files)":
        "là liên kết tượng trưng: hãy chỉ ra chính tệp đó, hoặc một tệp khác (parcalc chỉ ghi đè tệp thông thường)",
    "is not a regular file (a device, a pipe or a socket): name a file, or leave out -o to write to standard output":
        "không phải là tệp thông thường (thiết bị, pipe hoặc socket): hãy chỉ ra một tệp, hoặc bỏ -o để ghi ra đầu ra chuẩn",
}


def refused(run, target: Path, message: str) -> None:
    """Refused in one line, in Vietnamese (the default): `message` is the English, looked up here."""
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr == f"parcalc: lỗi: {target}: {_VIETNAMESE[message]}\n"


@pytest.mark.parametrize("command", [
    ("score", "{workbook}", "--criteria", "{set}", "--assume-full", "-f", "json"),
    ("template", "--criteria", "{set}"),
    ("playbook", "init", "--criteria", "{set}"),
    ("remediation", "{workbook}", "--criteria", "province-2020", "--assume-full", "--playbook", "{playbook}", "-f", "md"),
    ("whatif", "{workbook}", "--criteria", "province-2020", "--assume-full", "--scenario", "{scenario}", "-f", "json"),
    ("whatif", "{workbook}", "--criteria", "province-2020", "--assume-full", "--peers", "{peers}", "-f", "json"),
])
def test_an_output_over_any_input_is_refused_even_with_force(cli, tmp_path, command):
    inputs = {"workbook": tmp_path / "in.xlsx", "set": tmp_path / "set.yaml", "playbook": tmp_path / "pb.yaml",
              "scenario": tmp_path / "sc.yaml", "peers": tmp_path / "peers.csv"}
    shutil.copyfile(LAM_DONG, inputs["workbook"])
    shutil.copyfile(SMALL_SET if command[0] != "score" else ROOT / "criteria" / "province-2020.yaml", inputs["set"])
    shutil.copyfile(ROOT / "criteria" / "playbooks" / "province-2020.yaml", inputs["playbook"])
    inputs["scenario"].write_text("parcalc_scenarios: 1\nscenarios:\n  - name: a\n    set: {\"6.1.2\": 1}\n", encoding="utf-8")
    shutil.copyfile(EXAMPLES / "peers" / "provinces.csv", inputs["peers"])
    args = [part.format(**inputs) for part in command]
    victim = next(inputs[name] for name in ("playbook", "scenario", "peers", "set") if "{" + name + "}" in command)
    before = victim.read_bytes()
    run = cli(*args, "-o", victim, "--force")
    refused(run, victim, "is also an input; write the output to another file")
    assert victim.read_bytes() == before


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_an_input_reached_through_a_link_is_refused(cli, tmp_path, link):
    workbook = tmp_path / "in.xlsx"
    shutil.copyfile(LAM_DONG, workbook)
    other = tmp_path / "out.json"
    if link == "hardlink":
        os.link(workbook, other)
        run = cli("score", workbook, "--criteria", "province-2020", "--assume-full", "-f", "json", "-o", other, "--force")
        refused(run, other, "is also an input; write the output to another file")
    else:
        other.symlink_to(workbook)
        run = cli("score", workbook, "--criteria", "province-2020", "--assume-full", "-f", "json", "-o", other, "--force")
        refused(run, other, "is a symbolic link: name the file itself, or another file (parcalc replaces only regular files)")
    assert workbook.read_bytes() == LAM_DONG.read_bytes()


def test_a_shipped_set_is_an_input_too(cli, tmp_path, monkeypatch):
    shipped = tmp_path / "sets"
    shutil.copytree(ROOT / "criteria", shipped)
    monkeypatch.setattr("parcalc.read.catalog.sets_folder", lambda: shipped)
    target = shipped / "province-2020.yaml"
    run = cli("template", "--criteria", "province-2020", "-o", target, "--force")
    refused(run, target, "is also an input; write the output to another file")


def test_force_never_replaces_a_pipe(cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    run = cli(*SCORE, "-f", "json", "-o", fifo, "--force")
    refused(run, fifo, "is not a regular file (a device, a pipe or a socket): name a file, or leave out -o to write to standard output")
    assert fifo.exists() and not fifo.is_file()


def test_a_file_that_appears_while_parcalc_works_is_kept(tmp_path):
    target = tmp_path / "out.json"
    output.check_target(target, force=False)  # nothing there yet
    target.write_text("written meanwhile by another run")
    with pytest.raises(OutputError) as refusal:
        output.write_bytes(target, b"{}", force=False)
    assert refusal.value.render("en") == f"{target}: appeared while parcalc worked; it was kept: pass --force to replace it"
    assert refusal.value.render("vi") == f"{target}: xuất hiện trong lúc parcalc đang chạy; tệp được giữ nguyên: dùng --force để ghi đè"
    assert target.read_text() == "written meanwhile by another run"
    assert sorted(tmp_path.iterdir()) == [target]  # no temporary file left


def test_a_write_that_fails_is_one_line_and_leaves_nothing(tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "link", full)
    target = tmp_path / "out.json"
    with pytest.raises(OutputError) as refusal:
        output.write_bytes(target, b"{}")
    assert refusal.value.render("en") == f"{target}: cannot be written (No space left on device)"
    assert refusal.value.render("vi") == f"{target}: không ghi được (ổ đĩa đã hết chỗ trống)"
    assert list(tmp_path.iterdir()) == []


def test_a_long_legal_name_is_written(cli, tmp_path):
    target = tmp_path / ("đ" * 120 + ".json")  # 245 bytes: legal, but too long for ".NAME.XXXXXXXX.tmp"
    assert len(target.name.encode()) == 245
    run = cli(*SCORE, "-f", "json", "-o", target)
    assert run.exit_code == 0, run.output
    assert target.read_text(encoding="utf-8").startswith("{") and len(list(tmp_path.iterdir())) == 1


def test_standard_output_on_a_full_disk_is_one_line_and_exit_2():
    with open("/dev/full", "wb") as full:
        run = subprocess.run([sys.executable, "-m", "parcalc", *map(str, SCORE), "-f", "json"], stdout=full,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert run.returncode == 2  # the one warning of the example, then the one error
    assert run.stderr.splitlines()[1:] == ["parcalc: lỗi: đầu ra chuẩn: không ghi được (ổ đĩa đã hết chỗ trống): ghi ra tệp bằng -o"]
    with open("/dev/full", "wb") as full:
        run = subprocess.run([sys.executable, "-m", "parcalc", *map(str, SCORE), "-f", "json", "--lang", "en"], stdout=full,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert run.stderr.splitlines()[1:] == ["parcalc: error: standard output: cannot be written (No space left on device); write to a file with -o"]


@pytest.mark.parametrize("args", [("-f", "json"), ("-f", "table"), ("--help",)])
def test_a_reader_that_stops_early_ends_the_run_quietly_with_exit_0(args):
    """Not exit 1 (typer's and rich's answer to a broken pipe), which CI reads as "below target"."""
    command = f"{sys.executable} -m parcalc score {LAM_DONG} --criteria province-2020 --assume-full {' '.join(args)}"
    run = subprocess.run(f"{command} | head -c 1; exit ${{PIPESTATUS[0]}}", shell=True, executable="/bin/bash",
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and len(run.stdout) == 1 and "Traceback" not in run.stderr, run.stderr


@pytest.mark.parametrize("args", [("score", LAM_DONG, "--criteria", "province-2020", "--assume-full", "-f", "table"),
                                  ("criteria", "list"), ("--help",), ("--version",)])
def test_every_output_to_a_full_standard_output_is_one_line_and_exit_2(args):
    with open("/dev/full", "wb") as full:
        run = subprocess.run([sys.executable, "-m", "parcalc", *map(str, args)], stdout=full, stderr=subprocess.PIPE,
                             text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 2
    assert run.stderr.splitlines()[-1] == "parcalc: lỗi: đầu ra chuẩn: không ghi được (ổ đĩa đã hết chỗ trống): ghi ra tệp bằng -o"
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_a_run_stopped_by_a_signal_leaves_no_temporary_file(tmp_path, signal_name):
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from parcalc.launch import end_on_signals\n"
        "from parcalc.write import output\n"
        "end_on_signals()\n"
        "chmod = os.chmod\n"
        f"def stopped(*args):\n    os.kill(os.getpid(), signal.{signal_name})\n    chmod(*args)\n"
        "output.os.chmod = stopped  # the signal comes while the temporary file is written\n"
        "output.write_bytes(Path(sys.argv[1]), b'data')\n"
    )
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "out.json")], capture_output=True, text=True)
    import signal

    assert run.returncode == 128 + getattr(signal, signal_name), run.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, place", [
    (("score", *SCORE[1:], "--fail-under", "NaN"), "--fail-under"),
    (("score", *SCORE[1:], "--fail-under", "Infinity"), "--fail-under"),
    (("score", *SCORE[1:], "--fail-under", "1e999"), "--fail-under"),
    (("score", *SCORE[1:], "--fail-under", "101"), "--fail-under"),
    (("whatif", *SCORE[1:], "--target-index", "sNaN"), "--target-index"),
    (("whatif", *SCORE[1:], "--target-index", "-inf"), "--target-index"),
    (("remediation", *SCORE[1:], "--min-lost", "NaN"), "--min-lost"),
    (("whatif", *SCORE[1:], "--set", "6.1.2=NaN"), "--set"),
    (("whatif", *SCORE[1:], "--set", "6.1.2=value:1e309"), "--set"),
])
def test_numbers_typed_in_options_are_finite_and_bounded(cli, args, place):
    run = cli(*args)
    assert run.exit_code == 2 and "Traceback" not in run.output
    assert run.stderr.splitlines()[-1].startswith(f"parcalc: lỗi: {place}: ")


def test_a_decimal_comma_is_accepted_in_options(cli):
    run = cli(*SCORE, "-f", "json", "--fail-under", "83,94")
    assert run.exit_code == 1 and run.stderr.splitlines()[-1] == "parcalc: chỉ số 83,93 thấp hơn mức --fail-under 83,94"
    run = cli(*SCORE, "-f", "json", "--fail-under", "83,94", lang="en")
    assert run.exit_code == 1 and run.stderr.splitlines()[-1] == "parcalc: index 83.93 is below --fail-under 83.94"
    assert cli(*SCORE, "-f", "json", "--fail-under", "83,93").exit_code == 0


def _wide_workbook(path: Path, units: int, rows: int) -> Path:
    """A wide sheet written as XML directly (openpyxl would take long): large enough for
    the calamine path to cut it into bands, which it writes to a temporary folder."""
    from parcalc.read.xlsx import column_letter

    cells = [f'<c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Điểm tối đa</t></is></c>']
    cells += [f'<c r="{column_letter(3 + u)}1" t="inlineStr"><is><t>Xã {u}</t></is></c>' for u in range(units)]
    body = [f'<row r="1">{"".join(cells)}</row>']
    letters = [column_letter(3 + u) for u in range(units)]
    for r in range(2, rows + 2):
        unit_cells = "".join(f'<c r="{letter}{r}"><v>{(r + u) % 3 / 2}</v></c>' for u, letter in enumerate(letters))
        body.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{r - 1}</t></is></c><c r="B{r}"><v>1</v></c>{unit_cells}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(body)}</sheetData></worksheet>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                      '<Default Extension="xml" ContentType="application/xml"/>'
                      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        book.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                      f'<Relationship Id="r1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                      '<sheet name="Xã" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                      f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def test_sigterm_while_sheet_bands_are_parsed_leaves_no_folder_or_output(tmp_path):
    """A CI job cancelled during a large rank: the folder of bands and the half-written
    output go with the process."""
    import signal
    import subprocess
    import time

    workbook = _wide_workbook(tmp_path / "big.xlsx", units=4000, rows=100)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    out = tmp_path / "rank.json"
    process = subprocess.Popen([sys.executable, "-m", "parcalc", "rank", str(workbook), "-f", "json", "-o", str(out)],
                               env={**os.environ, "TMPDIR": str(scratch)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(scratch.glob("parcalc-bands-*")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert list(scratch.glob("parcalc-bands-*")), "the bands folder never appeared: the sheet was not cut"
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    assert list(scratch.iterdir()) == [] and not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary output beside -o


def test_an_output_given_in_pieces_is_put_in_place_whole_or_not_at_all(tmp_path):
    target = tmp_path / "out.json"
    output.write_bytes(target, iter([b"{", b'"a": 1', b"}"]))
    assert target.read_bytes() == b'{"a": 1}'

    def failing():
        yield b"{"
        raise RuntimeError("a piece could not be made")

    again = tmp_path / "again.json"
    with pytest.raises(RuntimeError):
        output.write_bytes(again, failing())
    assert sorted(tmp_path.iterdir()) == [target]  # nothing half-written, no temporary file left
