"""The shipped criterion sets, and the criteria commands."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcalc import api
from parcalc.read import catalog
from parcalc.read.criteria_file import load_file
from tests.conftest import GOOD, LAM_DONG

D = Decimal
# DOMAIN.md: the 2020 sub-criteria known with their points are exactly those of the appendix
KNOWN_2020 = ["1", "1.5", "1.6", "2", "3", "3.4", "3.4.1", "3.4.2", "3.4.3", "4", "4.1", "4.1.2", "4.1.3", "4.3", "4.3.3",
              "5", "5.5", "5.5.2", "6", "6.1", "6.1.1", "6.1.2", "6.1.3", "6.3", "6.3.3", "6.3.4", "7", "7.1", "7.1.3",
              "7.1.9", "8", "8.3", "8.3.1", "8.5", "8.6", "9", "9.1", "9.2"]


@pytest.mark.parametrize("set_id", ["province-2017", "province-2019", "province-2020", "province-2022"])
def test_every_shipped_node_names_its_source(set_id):
    criteria = api.load_criteria(set_id)
    source_ids = {source.id for source in criteria.sources}
    assert source_ids and criteria.legal_basis is not None
    assert all(node.source in source_ids for node in criteria.walk())


def test_province_2020_lists_exactly_what_is_known():
    criteria = api.load_criteria("province-2020")
    assert [node.code for node in criteria.walk()] == KNOWN_2020
    fields = {root.code: root.max for root in criteria.roots}
    assert fields == {"1": D("8.5"), "2": D("5.0"), "3": D("13.5"), "4": D("7.0"), "5": D("7.5"), "6": D("8.0"),
                      "7": D("11.0"), "8": D("6.0"), "9": D("33.5")}
    assert sum(max_ for code, max_ in fields.items() if code != "9") == D("66.5")
    by_code = criteria.by_code()
    assert by_code["4.1"].name is None  # the appendix's label for 4.1 is a slip in the source
    assert by_code["9"].kind == "survey" and by_code["9.1"].kind == "survey"
    assert by_code["3.4"].partial and by_code["3.4"].unlisted_max == D("1.00")
    assert not by_code["6.1"].partial


def test_province_2017_field_maxima_and_unknown_names():
    criteria = api.load_criteria("province-2017")
    assert [root.max for root in criteria.roots] == [D(x) for x in ("10", "10", "14.5", "11", "16", "7", "16", "15.5")]
    assert all(root.name is None and root.kind == "mixed" for root in criteria.roots)


def test_province_2017_covers_2017_and_2018_only():
    assert api.load_criteria("province-2017").index_years == (2017, 2018)  # 2019 was scored under 1150/QĐ-BNV


def test_province_2019_reproduces_binh_dinhs_published_self_assessment(tmp_path):
    """Báo Bình Định, 24/02/2020: 59,69 of 65, per field 7, 5, 13,65, 7,04, 7, 8, 9, 3."""
    from openpyxl import Workbook

    self_scores = ["7", "5", "13.65", "7.04", "7", "8", "9", "3"]
    book = Workbook()
    book.active.append(["STT", "Điểm tự đánh giá", "Điểm thẩm định"])
    for code, points in enumerate(self_scores, start=1):
        book.active.append([str(code), float(points), float(points)])
    book.save(tmp_path / "binh-dinh-2019.xlsx")
    result = api.score_workbook(tmp_path / "binh-dinh-2019.xlsx", "province-2019", assume_full=True)
    assert [f.points for f in result.fields][:8] == [D(x) for x in self_scores]
    assert result.split == {"appraised": D("59.69"), "survey": D(35)}  # the survey block counted at full points
    assert sum((root.max for root in result.criteria.roots if root.kind == "appraised"), D(0)) == D(65)
    assert result.assumed == ("9",)


def test_province_2022_maxima_are_unknown_and_taken_from_the_workbook(tmp_path):
    criteria = api.load_criteria("province-2022")
    assert all(root.max is None for root in criteria.roots) and criteria.total == D(100)
    from parcalc.core.errors import ScoringError

    with pytest.raises(ScoringError) as caught:
        api.score_workbook(GOOD / "small.xlsx", "province-2022")
    assert ("criterion 3: set province-2022 does not know its maximum points; give them in the workbook's standard points "
            "column (Điểm chuẩn)") in caught.value.render("en").splitlines()
    assert ("tiêu chí 3: bộ tiêu chí province-2022 chưa có điểm chuẩn của tiêu chí này; ghi điểm chuẩn vào cột Điểm chuẩn "
            "của bảng tính") in caught.value.render("vi").splitlines()


def test_criteria_list(cli):
    run = cli("criteria", "list")
    assert run.exit_code == 0
    assert [line.split()[0] for line in run.stdout.splitlines()] == ["province-2017", "province-2019", "province-2020", "province-2022"]
    assert [line.split()[1] for line in run.stdout.splitlines()] == ["2017–2018", "2019", "2020–2021", "2022–2023"]  # one year once
    assert "1149/QĐ-BNV" in run.stdout


def test_criteria_show_marks_unknown_parts(cli):
    run = cli("criteria", "show", "province-2020")
    assert run.exit_code == 0
    line = next(line for line in run.stdout.splitlines() if line.strip().startswith("3.4 "))
    assert line.split() == ["3.4", "5,00", "Kết", "quả", "giải", "quyết", "TTHC", "[+1,00", "chưa", "liệt", "kê]"]
    assert "(chưa rõ tên)" in run.stdout
    run = cli("criteria", "show", "province-2020", "--lang", "en")
    assert "[+1.00 unlisted]" in run.stdout and "Administrative procedure reform" in run.stdout


def test_criteria_check_ok(cli):
    run = cli("criteria", "check", *sorted(catalog.sets_folder().glob("*.yaml")))
    assert run.exit_code == 0 and run.stdout.count("đạt: ") == 4
    assert f"đạt: {catalog.sets_folder() / 'province-2022.yaml'} (province-2022, 8 mục, tổng chưa rõ)" in run.stdout.splitlines()
    english = cli("criteria", "check", catalog.sets_folder() / "province-2020.yaml", lang="en").stdout
    assert english == f"ok: {catalog.sets_folder() / 'province-2020.yaml'} (province-2020, 38 nodes, total 100.00)\n"


def test_import_a_table_gives_a_valid_set_in_one_step(cli, tmp_path):
    target = tmp_path / "my-set.yaml"
    run = cli("criteria", "import", GOOD / "small.xlsx", "-o", target, "--title", "Bộ thử")
    assert run.exit_code == 0, run.output
    imported = load_file(target)
    assert imported.id == "my-set" and imported.title == "Bộ thử"
    assert [(n.code, n.name, n.max, n.partial) for n in imported.walk()] == [
        ("1", "Lĩnh vực một", D("6"), False), ("1.1", "Tiêu chí một", D("4"), False),
        ("1.2", "Tiêu chí hai", D("2"), False), ("2", "Lĩnh vực hai", D("4"), False), ("2.1", "Tiêu chí ba", D("4"), False)]
    # and the imported set scores the workbook it came from
    assert api.score_workbook(GOOD / "small.xlsx", str(target)).total_points == D("8.5")


def test_import_marks_partial_nodes(cli, tmp_path):
    target = tmp_path / "ld.yaml"
    run = cli("criteria", "import", LAM_DONG, "-o", target)
    assert run.exit_code == 0, run.output
    imported = load_file(target)
    assert imported.by_code()["3.4"].partial and not imported.by_code()["6.1"].partial
    assert imported.total_max == D("95")


def test_import_refuses_a_non_yaml_output(cli, tmp_path):
    run = cli("criteria", "import", GOOD / "small.xlsx", "-o", tmp_path / "x.txt")
    assert (run.exit_code, run.stderr) == (2, f"parcalc: lỗi: {tmp_path / 'x.txt'}: lệnh này ghi tệp .yaml: hãy đặt tên tệp kết quả có đuôi .yaml\n")


def test_short_names_head_tables_where_a_set_gives_them(tmp_path):
    from parcalc.core import labels
    from tests.conftest import EXAMPLES

    fields = {root.code: root for root in api.load_criteria(EXAMPLES / "departments" / "department-set.yaml").roots}
    assert labels.short_name(fields["2"], "vi") == "Thủ tục hành chính"
    assert labels.short_name(fields["4"], "vi") == "Chính quyền số"  # no short name: the name
    assert labels.short_name(fields["2"], "en") == "Thủ tục hành chính"  # no English at all: the Vietnamese
    path = tmp_path / "set.yaml"
    path.write_text("parcalc_criteria: 1\nid: s\ntitle: S\nlevel: custom\nnodes:\n"
                    "  - {code: '1', name: Cải cách thủ tục hành chính, name_en: Administrative procedures, max: 10}\n"
                    "  - {code: '2', name: Chính quyền số, short_name: CQS, short_name_en: Digital, max: 10}\n", encoding="utf-8")
    one, two = load_file(path).roots
    assert (labels.short_name(one, "en"), labels.short_name(two, "en"), labels.short_name(two, "vi")) == (
        "Administrative procedures", "Digital", "CQS")
