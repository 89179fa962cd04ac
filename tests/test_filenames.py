"""A file typed in one Unicode spelling and stored in the other (NFC, NFD) is found."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from parcalc import launch
from parcalc.read.filenames import spelled_on_disk

from .conftest import EXAMPLES, SMALL_SET

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


def test_two_entries_alike_but_for_their_spelling_leave_the_path_as_typed(tmp_path):
    """Neither is the one typed: choosing would be a guess."""
    mixed = NFC("Xã ") + NFD("Đông Sơn.xlsx")  # a third spelling of the same name
    for name in (NFD(FILE), mixed):
        (tmp_path / name).write_bytes(b"")
    assert spelled_on_disk(tmp_path / NFC(FILE)) == tmp_path / NFC(FILE)


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
