"""A file typed in one Unicode spelling and stored in the other (NFC, NFD) is found."""

from __future__ import annotations

import json
import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from parcalc import launch
from parcalc.read.filenames import spelled_on_disk

from .conftest import EXAMPLES, LAM_DONG as LAM, SMALL_SET

NFC, NFD = (lambda text: unicodedata.normalize("NFC", text)), (lambda text: unicodedata.normalize("NFD", text))
FOLDER, FILE = "Báo cáo năm", "Xã Đông Sơn.xlsx"


def _stored(root: Path, spell) -> Path:
    """`root`/FOLDER/FILE with both names stored in `spell`."""
    folder = root / spell(FOLDER)
    folder.mkdir()
    path = folder / spell(FILE)
    path.write_bytes(b"stored")
    return path


@pytest.mark.parametrize("stored, typed", [(NFD, NFC), (NFC, NFD)])
def test_a_path_typed_in_the_other_spelling_is_found(tmp_path, monkeypatch, stored, typed):
    path = _stored(tmp_path, stored)
    assert NFC(FILE) != NFD(FILE) and str(path) == str(tmp_path / stored(FOLDER) / stored(FILE))
    assert spelled_on_disk(str(tmp_path / typed(FOLDER) / typed(FILE))) == path
    monkeypatch.chdir(tmp_path)
    assert spelled_on_disk(f"{typed(FOLDER)}/{typed(FILE)}") == Path(stored(FOLDER), stored(FILE))
    assert spelled_on_disk(Path(typed(FOLDER))) == Path(stored(FOLDER))


def test_a_path_that_names_something_or_nothing_alike_is_left_as_typed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _stored(tmp_path, NFD)
    (tmp_path / NFC(FOLDER)).mkdir()  # both spellings stored: the one typed is the one meant
    assert spelled_on_disk(NFC(FOLDER)) == Path(NFC(FOLDER))
    assert spelled_on_disk(f"{NFC(FOLDER)}/{NFC(FILE)}") == Path(NFC(FOLDER), NFC(FILE))  # not in that folder
    assert spelled_on_disk(path) == path
    for typed in ("Xã Đông Hà.xlsx", "none.xlsx", f"{NFC(FILE)}/{NFC(FILE)}"):
        assert spelled_on_disk(typed) == Path(typed)


def test_two_entries_alike_but_for_their_spelling_are_refused_unless_typed_as_stored(tmp_path, cli):
    """Neither is the one typed: choosing would be a guess. Typed as stored, each is itself."""
    mixed = NFC("Xã ") + NFD("Đông Sơn.xlsx")  # a third spelling of the same name
    for name in (NFD(FILE), mixed):
        (tmp_path / name).write_bytes(b"")
        assert spelled_on_disk(tmp_path / name) == tmp_path / name
    typed = tmp_path / NFC(FILE)
    for lang, line in (("vi", f"parcalc: lỗi: {typed}: ở đây có 2 tệp hoặc thư mục mang tên này theo các kiểu mã hóa Unicode khác "
                              "nhau (NFC, NFD): hãy đổi tên để chỉ còn một, hoặc gõ tên bằng ký tự đại diện hay phím Tab\n"),
                       ("en", f"parcalc: error: {typed}: 2 files or folders here have this name in different Unicode spellings "
                              "(NFC, NFD): rename all but one, or give the name by a wildcard or the Tab key\n")):
        for command in (("score", typed), ("rank", typed), ("score", LAM, "-o", typed)):
            run = cli(*command, lang=lang)
            assert (run.exit_code, run.stderr) == (2, line)


def test_an_output_is_found_as_an_input_is(tmp_path, cli):
    """Typed in NFC over an input stored in NFD, it is that input (refused as one, not
    written beside it under a twin name); into a folder stored in NFD, it is written there."""
    workbook = _stored(tmp_path, NFD)
    typed = tmp_path / NFC(FOLDER) / NFC(FILE)
    run = cli("score", typed, "-c", "province-2020", "-o", typed, "-f", "json")
    assert (run.exit_code, run.stderr) == (2, f"parcalc: lỗi: {workbook}: cũng là tệp đầu vào: hãy ghi kết quả ra tệp khác\n")
    run = cli("score", LAM, "-c", "province-2020", "--assume-full", "-o", tmp_path / NFC(FOLDER) / "kết quả.json")
    assert run.exit_code == 0 and sorted(path.name for path in workbook.parent.iterdir()) == sorted([NFD(FILE), "kết quả.json"])
    assert sorted(path.name for path in tmp_path.iterdir()) == [NFD(FOLDER)]  # no twin folder


def test_a_name_that_is_not_utf8_or_too_long_is_one_clear_line(tmp_path, cli):
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/b\xffi"))  # as Python gives such a name: a surrogate
    folder.mkdir()
    workbook = shutil.copy(LAM, folder / "a.xlsx")
    for command in (("score", workbook, "-f", "json"), ("rank", workbook), ("score", LAM, "-o", folder / "o.json")):
        run = cli(*command, lang="en")
        assert (run.exit_code, run.stderr) == (2, f"parcalc: error: {tmp_path}/b\ufffdi/{Path(command[-1]).name if command[1] == LAM else 'a.xlsx'}: "
                                                  "the name is not UTF-8 text: rename the file or folder\n")
    long = tmp_path / ("D" * 300 + ".xlsx")  # a name of more than 255 bytes: os.stat raises, not only open
    for command, shown, line in ((("score", long), long, "cannot be read: File name too long"),
                                 (("score", EXAMPLES / "synthetic-province-2020.xlsx", "-o", long.with_suffix(".json")), long.with_suffix(".json"), "cannot be written (File name too long)")):
        run = cli(*command, "-c", "province-2020", lang="en")
        assert (run.exit_code, run.stderr) == (2, f"parcalc: error: {shown}: {line}\n")


def test_commands_read_a_workbook_and_a_set_typed_in_the_other_spelling(tmp_path, cli):
    folder = tmp_path / NFD(FOLDER)
    folder.mkdir()
    workbook = shutil.copy(EXAMPLES / "synthetic-province-2020.xlsx", folder / NFD(FILE))
    criteria = shutil.copy(SMALL_SET, folder / NFD("Bộ tiêu chí.yaml"))
    typed_workbook, typed_criteria = tmp_path / NFC(FOLDER) / NFC(FILE), tmp_path / NFC(FOLDER) / NFC("Bộ tiêu chí.yaml")
    assert not typed_workbook.exists() and not typed_criteria.exists()
    for command in (("score", "-c", "province-2020", "-f", "json"), ("rank", "-c", "province-2020", "-f", "csv")):
        as_stored, as_typed = cli(*command, workbook), cli(*command, typed_workbook)
        assert as_typed.exit_code == 0, as_typed.stderr
        assert as_typed.stdout == as_stored.stdout
        if command[0] == "score":  # the file is named as it is stored
            assert json.loads(as_typed.stdout)["source"]["file"] == NFD(FILE)
    as_typed = cli("criteria", "check", typed_criteria)
    assert as_typed.exit_code == 0 and as_typed.stdout == cli("criteria", "check", criteria).stdout
    assert cli("criteria", "show", typed_criteria).stdout == cli("criteria", "show", criteria).stdout != ""
    assert launch.workbooks_to_read_ahead(["rank", str(typed_workbook)]) == [Path(workbook)]
