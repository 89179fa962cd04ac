"""The messages of the text files (criterion sets, playbooks, scenarios, peers) and of the
multi-unit workbooks (wide, long, sheets), each as the whole line a user reads: in
Vietnamese, the default, and in English, with exit code 2 where a command refuses."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from parcalc.core.errors import ParcalcError
from parcalc.core.messages import Msg
from parcalc.core.rules import Rule, check
from parcalc.read import catalog, criteria_file, multiunit, peers_file, playbook_file, scenario_file
from parcalc.read.multiunit import open_units
from tests.conftest import LAM_DONG, SMALL_SET

VI, EN = "parcalc: lỗi: ", "parcalc: error: "


def refusal(call) -> ParcalcError:
    with pytest.raises(ParcalcError) as caught:
        call()
    return caught.value


def assert_lines(error: ParcalcError, vietnamese: list[str], english: list[str]) -> None:
    assert error.render("vi").splitlines() == vietnamese
    assert error.render("en").splitlines() == english
    assert str(error).splitlines() == vietnamese  # the default


def assert_refused(cli, args: tuple, vietnamese: list[str], english: list[str]) -> None:
    """The command ends with exit code 2 and these lines on stderr, in either language."""
    for lang, prefix, lines in (("", VI, vietnamese), ("en", EN, english)):
        run = cli(*args, lang=lang)
        assert run.exit_code == 2, run.output
        assert run.stdout == ""
        assert run.stderr.splitlines() == [prefix + line for line in lines]


# --- criterion sets -----------------------------------------------------------------------

BASE = """parcalc_criteria: 1
id: small
title: A small test set
level: custom
total: 10
sources:
  - {id: test, title: parcalc test fixture}
nodes:
  - code: "1"
    name: One
    max: 6
    children:
      - {code: "1.1", name: One one, max: 4}
      - {code: "1.2", name: One two, max: 2}
  - code: "2"
    name: Two
    max: 4
    children:
      - {code: "2.1", name: Two one, max: 4}
"""
GRADES = "total: 10\ngrades:\n"

# (edits of BASE, [(line, English, Vietnamese)]); {path} is the set's path
SET_CASES = {
    "not a set": ([("parcalc_criteria: 1\n", "criteria: 1\n")], [(
        1, "is not a parcalc criterion set: it must be a mapping that starts with `parcalc_criteria: 1` (see README, 'Writing a criterion set')",
        "không phải là bộ tiêu chí của parcalc: tệp phải là một nhóm khóa bắt đầu bằng `parcalc_criteria: 1` (xem README, mục 'Writing a criterion set')")]),
    "unknown key": ([("name: One two, max: 2}", "name: One two, max: 2, maximum: 2}")], [(
        14, "criterion 1.2, unknown key 'maximum': check its spelling (README lists the keys)",
        "tiêu chí 1.2, khóa «maximum» không hợp lệ: hãy kiểm tra chính tả (README liệt kê các khóa)")]),
    "missing key": ([("title: A small test set\n", "")], [(1, "missing key 'title'; add it", "thiếu khóa «title»; hãy thêm vào")]),
    "text expected": ([("title: A small test set", "title: [a, b]")], [
        (3, "title: Input should be a valid string", "title: giá trị phải là chữ (văn bản)")]),
    "number expected": ([("name: One two, max: 2}", "name: One two, max: abc}")], [
        (14, "criterion 1.2, nodes.children.max: Input should be a valid decimal",
         "tiêu chí 1.2, nodes.children.max: giá trị phải là một số, viết với dấu chấm thập phân (như 1.5)"),
        (14, "criterion 1.2, nodes.children.max: Input should be 'unknown'", "tiêu chí 1.2, nodes.children.max: giá trị phải là 'unknown'")]),
    "one of": ([("level: custom", "level: town")], [(
        4, "level: Input should be 'province', 'ministry', 'department', 'district', 'commune' or 'custom'",
        "level: giá trị phải là 'province', 'ministry', 'department', 'district', 'commune' hoặc 'custom'")]),
    "at most": ([("name: One one, max: 4}", "name: One one, max: 4, rule: {kind: direct, places: 9}}")], [(
        13, "criterion 1.1, nodes.children.rule.places: Input should be less than or equal to 6",
        "tiêu chí 1.1, nodes.children.rule.places: giá trị phải nhỏ hơn hoặc bằng 6")]),
    "at least": ([("name: One one, max: 4}", "name: One one, max: 4, rule: {kind: direct, places: -1}}")], [(
        13, "criterion 1.1, nodes.children.rule.places: Input should be greater than or equal to 0",
        "tiêu chí 1.1, nodes.children.rule.places: giá trị phải lớn hơn hoặc bằng 0")]),
    "implausible number": ([("name: One two, max: 2}", 'name: One two, max: "1e400"}')], [(
        14, "criterion 1.2, nodes.children.max: is not a finite number of a plausible size",
        "tiêu chí 1.2, nodes.children.max: không phải là một số hữu hạn có độ lớn hợp lý")]),
    "list expected": ([("nodes:\n", "nodes: 5\nx_nodes:\n")], [
        (8, "nodes: Input should be a valid list", "nodes: giá trị phải là một danh sách (mỗi mục một dòng, bắt đầu bằng «- »)"),
        (9, "unknown key 'x_nodes': check its spelling (README lists the keys)",
         "khóa «x_nodes» không hợp lệ: hãy kiểm tra chính tả (README liệt kê các khóa)")]),
    "yes or no": ([("    name: Two\n", "    name: Two\n    partial: maybe\n")], [(
        17, "criterion 2, nodes.partial: Input should be a valid boolean, unable to interpret input",
        "tiêu chí 2, nodes.partial: giá trị phải là true hoặc false")]),
    "whole number": ([("total: 10\n", "total: 10\nindex_years: [abc]\n")], [(
        6, "index_years: Input should be a valid integer, unable to parse string as an integer", "index_years: giá trị phải là một số nguyên")]),
    "mapping expected": ([("total: 10\n", "total: 10\nlegal_basis: foo\n")], [(
        6, "legal_basis: Input should be a valid dictionary", "legal_basis: giá trị phải là một nhóm các dòng «khóa: giá trị»")]),
    "not a dotted code": ([('{code: "2.1", name', '{code: "2.a", name')], [(
        19, "code '2.a' is not a dotted code such as 3.4.1", "mã «2.a» không phải là mã có dấu chấm như 3.4.1")]),
    "code twice": ([('{code: "1.2", name', '{code: "1.1", name')], [(
        14, "code 1.1 is used twice (first at {path}:13)", "mã 1.1 được dùng hai lần (lần đầu tại {path}:13); mỗi mã chỉ dùng một lần")]),
    "not a field code": ([('  - code: "2"\n', '  - code: "2.5"\n'), ('{code: "2.1", name', '{code: "2.5.1", name')], [(
        15, "code 2.5 is at the top but is not a field code (1, 2, ...); move it under its field",
        "mã 2.5 nằm ở cấp cao nhất nhưng không phải mã lĩnh vực (1, 2, ...); hãy đặt nó vào đúng lĩnh vực")]),
    "wrong parent": ([('{code: "2.1", name', '{code: "3.1", name')], [(
        19, "code 3.1 is listed under 2 but does not belong there (expected 2.N); correct the code or move it where it belongs",
        "mã 3.1 được xếp dưới 2 nhưng không thuộc 2 (cần có dạng 2.N); hãy sửa mã hoặc chuyển nó đến đúng chỗ")]),
    "unknown source": ([("name: One one, max: 4}", "name: One one, max: 4, source: law}")], [(
        13, "criterion 1.1: source 'law' is not among the set's sources; add it to `sources` or correct it",
        "tiêu chí 1.1: nguồn «law» không có trong danh sách nguồn (sources) của bộ tiêu chí; hãy thêm nguồn này vào `sources` hoặc sửa lại tên nguồn")]),
    "negative maximum": ([("name: One two, max: 2}", "name: One two, max: -2}"), ("    max: 6\n", "    max: 2\n")], [
        (14, "criterion 1.2: maximum points cannot be negative", "tiêu chí 1.2: điểm chuẩn không được âm"),
        (5, "the fields total 6 points, not the declared total 10; fix the points or `total`",
         "các lĩnh vực có tổng điểm chuẩn 6, không bằng tổng đã khai báo 10; hãy sửa điểm hoặc `total`")]),
    "bonus below the top": ([("name: One two, max: 2}", "name: One two, max: 2, kind: bonus}")], [(
        14, "criterion 1.2: bonus, penalty and optional blocks are top-level nodes (fields); move it up to the top level",
        "tiêu chí 1.2: khối điểm thưởng, điểm trừ và khối tùy chọn phải ở cấp cao nhất (cấp lĩnh vực); hãy chuyển lên cấp lĩnh vực")]),
    "declared total": ([("total: 10", "total: 12.5")], [(
        5, "the fields total 10 points, not the declared total 12.5; fix the points or `total`",
        "các lĩnh vực có tổng điểm chuẩn 10, không bằng tổng đã khai báo 12,5; hãy sửa điểm hoặc `total`")]),
    "province total": ([("level: custom", "level: province")], [(
        5, "a province index totals 100 points: declare `total: 100`", "chỉ số cấp province có tổng 100 điểm: hãy khai báo `total: 100`")]),
    "grade bounds": ([("total: 10\n", GRADES + "  - {name: A, at_least: 8, above: 9}\n  - {name: B, at_least: 0}\n")], [(
        7, "grade 'A': give either at_least (từ ... điểm) or above (trên ... điểm)",
        "xếp loại «A»: hãy ghi một trong hai: at_least (từ ... điểm) hoặc above (trên ... điểm)")]),
    "grade twice": ([("total: 10\n", GRADES + "  - {name: A, at_least: 8}\n  - {name: A, at_least: 0}\n")], [(
        8, "grade 'A' is named twice", "xếp loại «A» bị đặt tên hai lần; mỗi tên chỉ dùng một lần")]),
    "grade order": ([("total: 10\n", GRADES + "  - {name: A, at_least: 5}\n  - {name: B, at_least: 8.5}\n  - {name: C, at_least: 0}\n")], [(
        8, "grade 'B' starts at 8.5, not below 'A': list grades from the highest down",
        "xếp loại «B» bắt đầu từ 8,5, không thấp hơn xếp loại «A»: hãy liệt kê các xếp loại từ cao xuống thấp")]),
    "last grade": ([("total: 10\n", GRADES + "  - {name: A, at_least: 8}\n  - {name: B, above: 0}\n")], [(
        8, "the last grade ('B') must start at 0 (at_least: 0), so that every index has a grade",
        "xếp loại cuối cùng («B») phải bắt đầu từ 0 (at_least: 0) để chỉ số nào cũng có xếp loại")]),
    "no grade": ([("total: 10\n", "total: 10\ngrades: []\n")], [(
        6, "list at least one grade, or leave grades out for MoHA's A, B, C, D",
        "hãy liệt kê ít nhất một xếp loại, hoặc bỏ khóa grades để dùng xếp loại A, B, C, D của Bộ Nội vụ")]),
    "rule on a parent": ([("    max: 4\n    children:", "    max: 4\n    rule: {kind: direct}\n    children:")], [(
        18, "criterion 2: a rule belongs on a node without children; move `rule` down to a child",
        "tiêu chí 2: quy tắc chấm chỉ đặt ở tiêu chí không có tiêu chí thành phần; hãy chuyển `rule` xuống tiêu chí thành phần")]),
    "band bounds": ([("name: One one, max: 4}", "name: One one, max: 4, rule: {kind: bands, bands: [{points: 4}]}}")], [(
        13, "criterion 1.1: each band gives either at_least (từ, ít nhất) or above (trên)",
        "tiêu chí 1.1: mỗi mức (band) phải ghi một trong hai: at_least (từ, ít nhất) hoặc above (trên)")]),
    "partial above its maximum": ([("    name: Two\n", "    name: Two\n    partial: true\n"), ("    max: 4\n    children:", "    max: 3\n    children:")], [
        (18, "criterion 2: its listed children total 4, more than its maximum 3; fix the children's points or `max`",
         "tiêu chí 2: các tiêu chí thành phần đã liệt kê có tổng 4 điểm, nhiều hơn điểm chuẩn 3; hãy sửa điểm của các tiêu chí thành phần hoặc `max`"),
        (5, "the fields total 9 points, not the declared total 10; fix the points or `total`",
         "các lĩnh vực có tổng điểm chuẩn 9, không bằng tổng đã khai báo 10; hãy sửa điểm hoặc `total`")]),
    "children total": ([("name: One two, max: 2}", "name: One two, max: 1.5}")], [(
        11, "criterion 1: its children total 5.5, not its maximum 6; fix the points, or mark it `partial: true` if its official breakdown is only partly known",
        "tiêu chí 1: các tiêu chí thành phần có tổng 5,5 điểm, không bằng điểm chuẩn 6; hãy sửa điểm, hoặc ghi `partial: true` "
        "nếu chỉ biết một phần cách chia điểm chính thức")]),
    # what the YAML reader refuses
    "syntax error": ([("name: One two, max: 2}", "name: One two, max: [2}")], [(
        14, "YAML syntax error: a { or [ is not closed, or a comma inside a value: put such a value in quotes",
        "lỗi cú pháp YAML: thiếu dấu đóng } hoặc ], hoặc có dấu phẩy trong một giá trị: hãy đặt giá trị đó trong dấu ngoặc kép")]),
    "tab": ([("    name: One\n", "\tname: One\n")], [(
        10, "YAML syntax error: a tab is used for indentation: indent with spaces",
        "lỗi cú pháp YAML: dùng phím Tab để thụt dòng: hãy thụt dòng bằng dấu cách")]),
    "anchor": ([("    name: One\n", "    name: &n One\n"), ("    name: Two\n", "    name: *n\n")], [(
        10, "anchors and aliases (& and *) are not allowed; write the value out",
        "không được dùng neo và tham chiếu (& và *); hãy viết đầy đủ giá trị")]),
    "key not text": ([("total: 10\n", "total: 10\n1: x\n")], [(6, "keys must be text, not 1: quote it", "khóa phải là chữ, không phải «1»: hãy đặt khóa trong dấu ngoặc kép")]),
    "key twice": ([("total: 10\n", "total: 10\ntotal: 10\n")], [(6, "key 'total' is given twice; keep one", "khóa «total» được ghi hai lần; hãy giữ lại một")]),
    "long number": ([("total: 10\n", "total: 1" + "0" * 45 + "\n")], [(
        5, "a number of 46 characters is not one a criterion set needs",
        "một số dài 46 ký tự không phải là số mà bộ tiêu chí cần")]),
    "infinite number": ([("total: 10\n", "total: .inf\n")], [(
        5, "'.inf' is not a finite number of a plausible size", "«.inf» không phải là một số hữu hạn có độ lớn hợp lý")]),
    "tag": ([("title: A small test set", "title: !!binary aGVsbG8=")], [(
        3, "YAML tag 'tag:yaml.org,2002:binary' is not allowed in a criterion set; remove the tag",
        "không được dùng thẻ YAML «tag:yaml.org,2002:binary» trong bộ tiêu chí; hãy bỏ thẻ này")]),
}


def edited(edits: list[tuple[str, str]]) -> str:
    text = BASE
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_the_base_set_is_valid():
    assert criteria_file.load_text(BASE, "base.yaml").total_max == 10


@pytest.mark.parametrize("case", sorted(SET_CASES))
def test_a_bad_criterion_set(cli, tmp_path, case):
    edits, expected = SET_CASES[case]
    path = tmp_path / "set.yaml"
    path.write_text(edited(edits), encoding="utf-8")
    assert_refused(cli, ("criteria", "check", path),
                   [f"{path}:{line}: {vi.replace('{path}', str(path))}" for line, _, vi in expected],
                   [f"{path}:{line}: {en.replace('{path}', str(path))}" for line, en, _ in expected])


def test_a_rule_the_engine_refuses_is_named_with_its_criterion(tmp_path):
    text = edited([("name: One one, max: 4}", "name: One one, max: 4, rule: {kind: bands}}")])
    reason = check(Rule("bands"), None)[0]  # the rule's own words (core/rules.py)
    error = refusal(lambda: criteria_file.load_text(text, "set.yaml"))

    def said(lang: str) -> str:
        return reason.render(lang) if isinstance(reason, Msg) else reason

    assert_lines(error, [f"set.yaml:13: tiêu chí 1.1: {said('vi')}"], [f"set.yaml:13: criterion 1.1: {said('en')}"])


def test_the_shipped_fixture_with_a_syntax_error(cli):
    from tests.conftest import BAD

    path = BAD / "syntax-error.yaml"
    assert_refused(cli, ("criteria", "check", path), [f"{path}:17: lỗi cú pháp YAML: thiếu dấu đóng }} hoặc ], hoặc có dấu phẩy trong một giá trị: hãy đặt giá trị đó trong dấu ngoặc kép"],
                   [f"{path}:17: YAML syntax error: a {{ or [ is not closed, or a comma inside a value: put such a value in quotes"])


# --- text files: folders, encodings, names --------------------------------------------------

def test_a_folder_given_as_a_criterion_set(cli, tmp_path):
    assert_refused(cli, ("criteria", "check", tmp_path),
                   [f"{tmp_path}: là một thư mục, không phải một bộ tiêu chí (.yaml); hãy chỉ đến một tệp"],
                   [f"{tmp_path}: is a folder, not a criterion set (.yaml); name a file"])


def test_a_missing_criterion_set(cli, tmp_path):
    path = tmp_path / "no.yaml"
    assert_refused(cli, ("criteria", "check", path), [f"{path}: không có tệp này: hãy kiểm tra lại tên và đường dẫn"],
                   [f"{path}: no such file: check its name and path"])


def test_a_file_not_in_utf8(cli, tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"title: caf\xe9\n")
    assert_refused(cli, ("criteria", "check", path),
                   [f"{path}: không phải văn bản UTF-8 (byte 10); hãy lưu lại tệp với mã hóa UTF-8"],
                   [f"{path}: is not UTF-8 text (byte 10); save it as UTF-8"])


@pytest.mark.parametrize("load, english, vietnamese", [
    (scenario_file.load_scenarios, "a scenario file (.yaml)", "một tệp kịch bản (.yaml)"),
    (peers_file.load_peers, "a peers file (.csv)", "một tệp đơn vị so sánh (.csv)"),
    (playbook_file.load_playbook, "a playbook (.yaml)", "một sổ tay khắc phục (playbook, .yaml)"),
])
def test_a_folder_given_as_another_text_file(tmp_path, load, english, vietnamese):
    assert_lines(refusal(lambda: load(tmp_path)), [f"{tmp_path}: là một thư mục, không phải {vietnamese}; hãy chỉ đến một tệp"],
                 [f"{tmp_path}: is a folder, not {english}; name a file"])


def test_an_unknown_criterion_set(cli):
    known = ", ".join(catalog.shipped_ids())
    assert_refused(cli, ("score", LAM_DONG, "--criteria", "province-1999"),
                   [f"không có bộ tiêu chí «province-1999»: hãy dùng một trong {known} (parcalc criteria list) hoặc đường dẫn tới một tệp .yaml"],
                   [f"unknown criterion set 'province-1999': use one of {known} (parcalc criteria list) or a path to a .yaml file"])


def test_an_unknown_playbook(tmp_path, monkeypatch):
    known = ", ".join(catalog.shipped_ids(catalog.playbooks_folder()))
    assert_lines(refusal(lambda: catalog.resolve_playbook("nope")),
                 [f"không có sổ tay khắc phục «nope»: hãy dùng một trong {known} hoặc đường dẫn tới một tệp .yaml"],
                 [f"unknown playbook 'nope': use one of {known} or a path to a .yaml file"])
    monkeypatch.setattr(catalog, "playbooks_folder", lambda: tmp_path)  # none shipped
    assert_lines(refusal(lambda: catalog.resolve_playbook("nope")),
                 ["không có sổ tay khắc phục «nope»: hãy dùng một trong không có hoặc đường dẫn tới một tệp .yaml"],
                 ["unknown playbook 'nope': use one of none or a path to a .yaml file"])


# --- playbooks ------------------------------------------------------------------------------

def playbook(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "playbook.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, expected", [
    ("rules: {}\n", [(1, "is not a parcalc playbook: it must start with `parcalc_playbook: 1`",
                      "không phải là sổ tay khắc phục của parcalc: tệp phải bắt đầu bằng `parcalc_playbook: 1`")]),
    ('parcalc_playbook: 1\nrules:\n  "1.1": {remedy: x, owner: y}\n', [(
        3, "unknown key 'owner': playbook entries take remedy, lead, support, deadline, note, effort and max_recovery",
        "khóa «owner» không hợp lệ: mỗi mục của sổ tay khắc phục chỉ nhận remedy, lead, support, deadline, note, effort và max_recovery")]),
    ('parcalc_playbook: 1\nrules:\n  "1.1": {max_recovery: "abc"}\n', [(
        3, "rules.1.1.max_recovery: 'abc' is not a number (write it like 85,5 or 85.5)",
        "rules.1.1.max_recovery: «abc» không phải là số (viết như 85,5 hoặc 85.5)")]),
    ("parcalc_playbook: x\nrules: 5\n", [
        (1, "parcalc_playbook: Input should be a valid integer, unable to parse string as an integer", "parcalc_playbook: giá trị phải là một số nguyên"),
        (2, "rules: Input should be a valid dictionary", "rules: giá trị phải là một nhóm các dòng «khóa: giá trị»")]),
    ('parcalc_playbook: 1\nrules:\n  "1.x*": {remedy: a}\n  "abc": {remedy: b}\n  "9.9": {remedy: c}\n  "1.*": {remedy: d}\n', [
        (3, "pattern '1.x*' is not a code followed by .* (such as 3.4.*)", "mẫu «1.x*» không phải là một mã có .* ở cuối (như 3.4.*)"),
        (4, "'abc' is not a criterion code such as 3.4.1", "«abc» không phải là mã tiêu chí (dạng như 3.4.1)"),
        (5, "code 9.9 is not in criterion set small", "mã 9.9 không có trong bộ tiêu chí small")]),
])
def test_a_bad_playbook(tmp_path, text, expected):
    path = playbook(tmp_path, text)
    error = refusal(lambda: playbook_file.load_playbook(path, criteria_file.load_file(SMALL_SET)))
    assert_lines(error, [f"{path}:{line}: {vi}" for line, _, vi in expected], [f"{path}:{line}: {en}" for line, en, _ in expected])


def test_a_bad_playbook_ends_the_command(cli, tmp_path):
    path = playbook(tmp_path, 'parcalc_playbook: 1\nrules:\n  "9.9.9": {remedy: x}\n')
    assert_refused(cli, ("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--target-index", "86", "--playbook", path),
                   [f"{path}:3: mã 9.9.9 không có trong bộ tiêu chí province-2020"], [f"{path}:3: code 9.9.9 is not in criterion set province-2020"])


# --- scenarios ------------------------------------------------------------------------------

WHATIF = ("whatif", LAM_DONG, "--criteria", "province-2020", "--assume-full")


@pytest.mark.parametrize("text, expected", [
    ("scenarios: []\n", [(1, "is not a parcalc scenario file: it must start with `parcalc_scenarios: 1`",
                          "không phải là tệp kịch bản của parcalc: tệp phải bắt đầu bằng `parcalc_scenarios: 1`")]),
    ('parcalc_scenarios: 1\nscenarios:\n  - name: X\n    sets: {"1.1": 1}\n', [
        (3, "scenarios.0.set: Field required; add it", "scenarios.0.set: thiếu khóa bắt buộc này; hãy thêm vào"),
        (4, "unknown key 'sets': check its spelling", "khóa «sets» không hợp lệ: hãy kiểm tra chính tả")]),
    ('parcalc_scenarios: 1\nscenarios:\n  - name: [X]\n    set: {"1.1": [1]}\n', [
        (3, "scenarios.0.name: Input should be a valid string", "scenarios.0.name: giá trị phải là chữ (văn bản)"),
        (4, "scenarios.0.set.1.1: Decimal input should be an integer, float, string or Decimal object",
         "scenarios.0.set.1.1: giá trị phải là một số (như 2 hoặc 1.5)"),
        (4, "scenarios.0.set.1.1: Input should be a valid string", "scenarios.0.set.1.1: giá trị phải là chữ (văn bản)")]),
])
def test_a_bad_scenario_file(tmp_path, text, expected):
    path = tmp_path / "scenarios.yaml"
    path.write_text(text, encoding="utf-8")
    assert_lines(refusal(lambda: scenario_file.load_scenarios(path)),
                 [f"{path}:{line}: {vi}" for line, _, vi in expected], [f"{path}:{line}: {en}" for line, en, _ in expected])


def test_a_bad_scenario_file_ends_the_command(cli, tmp_path):
    path = tmp_path / "scenarios.yaml"
    path.write_text("parcalc_scenarios: 1\nscenarios:\n  - name: X\n    set: {}\n    when: now\n", encoding="utf-8")
    assert_refused(cli, (*WHATIF, "--scenario", path), [f"{path}:5: khóa «when» không hợp lệ: hãy kiểm tra chính tả"],
                   [f"{path}:5: unknown key 'when': check its spelling"])


# --- peers ----------------------------------------------------------------------------------

def test_a_peers_file_without_its_columns(cli, tmp_path):
    path = tmp_path / "peers.csv"
    path.write_text("name,index\nA,90\n", encoding="utf-8")
    assert_refused(cli, (*WHATIF, "--peers", path),
                   [f"{path}, dòng 1: dòng tiêu đề cần có các cột unit, year, index (còn thiếu: unit, year); hãy thêm các cột còn thiếu"],
                   [f"{path}, row 1: the header needs the columns unit, year, index (missing: unit, year); add the missing ones"])


def test_peers_rows_that_are_not_numbers(tmp_path):
    path = tmp_path / "peers.csv"
    path.write_text("unit,year,index,rank\nA,2021,abc,\nB,2021,90,x\n# a note\nC,2021,101,\n", encoding="utf-8")
    assert_lines(refusal(lambda: peers_file.load_peers(path)),
                 [f"{path}, dòng {n}: «{unit}»: năm (year), chỉ số (index, từ 0 đến 100) và thứ hạng (rank) phải là số" for n, unit in ((2, "A"), (3, "B"), (5, "C"))],
                 [f"{path}, row {n}: '{unit}': year, index (0..100) and rank must be numbers" for n, unit in ((2, "A"), (3, "B"), (5, "C"))])


def test_a_decimal_comma_or_a_unit_twice_in_a_peers_file_is_refused_not_misread(tmp_path):
    """Unquoted, 85,5 is two values: read as 85, it would move ranks without a word."""
    path = tmp_path / "peers.csv"
    path.write_text("unit,year,index\nHuyện A,2024,85,5\nHuyện B,2024,80\n\nHuyện B,2024,81\nHuyện C,2024,\"79,5\"\n", encoding="utf-8")
    assert_lines(refusal(lambda: peers_file.load_peers(path)),
                 [f"{path}, dòng 2: «Huyện A»: 4 giá trị nhưng chỉ có 3 cột (dấu phẩy thập phân? hãy viết 85.5, hoặc đặt trong ngoặc kép: \"85,5\")",
                  f"{path}, dòng 5: «Huyện B» được ghi hai lần cho năm 2024 (cũng có ở dòng 3)"],
                 [f"{path}, row 2: 'Huyện A': 4 values under 3 columns (a decimal comma? write 85.5, or quote it: \"85,5\")",
                  f"{path}, row 5: 'Huyện B' is listed twice for 2024 (also on row 3)"])
    path.write_text("unit,year,index\nHuyện A,2024,\"85,5\"\n", encoding="utf-8")
    assert [(peer.unit, peer.index) for peer in peers_file.load_peers(path)] == [("Huyện A", Decimal("85.5"))]


def test_a_peers_file_without_rows(tmp_path):
    path = tmp_path / "peers.csv"
    path.write_text("unit,year,index\n# nothing yet\n", encoding="utf-8")
    assert_lines(refusal(lambda: peers_file.load_peers(path)), [f"{path}: không có dòng dữ liệu nào; hãy thêm kết quả của các đơn vị"],
                 [f"{path}: has no rows; add the units' results"])


# --- multi-unit workbooks -------------------------------------------------------------------

def workbook(path: Path, rows: list[list[object]], formats: dict[str, str] | None = None, sheets: dict[str, list[list[object]]] | None = None) -> Path:
    """A workbook whose sheet «Điểm» holds `rows` from A1 (and more sheets, if given)."""
    book = Workbook()
    book.remove(book.active)
    for title, cells in {"Điểm": rows, **(sheets or {})}.items():
        sheet = book.create_sheet(title)
        for number, row in enumerate(cells, start=1):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(number, column, value)
    for ref, number_format in (formats or {}).items():
        book["Điểm"][ref].number_format = number_format
    book.save(path)
    return path


def where(path: Path, lang: str, *, cell: str | None = None, row: int | None = None) -> str:
    sheet = ", trang tính «Điểm»" if lang == "vi" else ", sheet 'Điểm'"
    more = (f", ô {cell}" if lang == "vi" else f", cell {cell}") if cell else (f", dòng {row}" if lang == "vi" else f", row {row}") if row else ""
    return f"{path}{sheet}{more}"


UNITS = ["Mã", "Sở A", "Sở B"]
# (rows, layout, formats, [(cell or row, English, Vietnamese)]); {first} is the place of an earlier cell
WORKBOOK_CASES = {
    "long without a unit column": ([["Mã", "Điểm thẩm định"], ["1.1", 1]], "long", None, [(
        None, "no header row in the first 20 rows with a code column and a unit column (Đơn vị, unit); add these columns to the header row",
        "không tìm thấy dòng tiêu đề có cột mã và cột đơn vị (Đơn vị, unit) trong 20 dòng đầu; hãy thêm các cột này vào dòng tiêu đề")]),
    "wide without a header": ([["Bảng điểm"], ["x"]], "wide", None, [(
        None, "no header row in the first 20 rows with a code column and one column per unit; add a header row naming the units",
        "không tìm thấy dòng tiêu đề có cột mã và mỗi đơn vị một cột trong 20 dòng đầu; hãy thêm dòng tiêu đề ghi tên các đơn vị")]),
    "wide without units": ([["Mã", "Điểm chuẩn"], ["1.1", 4]], "wide", None, [(
        1, "no unit columns: the wide layout has one points column per unit, headed with its name",
        "không có cột đơn vị: cách bố trí wide có mỗi đơn vị một cột điểm, tiêu đề cột là tên đơn vị; hãy ghi tên đơn vị vào tiêu đề")]),
    "a unit's second column": ([[*UNITS, "Sở A"], ["1.1", 1, 2, 3]], None, None, [(
        "D1", "unit 'Sở A' has a second column (first in column B); name each unit once",
        "đơn vị «Sở A» có cột thứ hai (cột đầu tiên là cột B); mỗi đơn vị chỉ ghi tên một lần")]),
    # once for the column, at its first cell, however many of its cells hold points
    "points without a unit name": ([["Mã", "Sở A", None, "Sở B"], ["1.1", 1, 2, 3], ["1.2", 1, 2, 3], ["2.1", 1, 2, 3]], None, None, [(
        "C2", "column C has points but no unit name in its header (row 1); write the unit's name in the header",
        "cột C có điểm nhưng tiêu đề cột (dòng 1) không có tên đơn vị; hãy ghi tên đơn vị vào tiêu đề")]),
    "a code twice": ([UNITS, ["1.1", 1, 2], ["1.1", 1, 2]], None, None, [(
        "A3", "code 1.1 appears twice (first at {first}); keep one row per code",
        "mã 1.1 xuất hiện hai lần (lần đầu tại {first}); mỗi mã chỉ giữ một dòng")]),
    "a code twice, one stored as a number": ([UNITS, ["1.1", 1, 2], [1.1, 1, 2]], None, None, [(
        "A3", "code 1.1 appears twice (first at {first}); keep one row per code; the code cell holds the number 1.1: "
        "Excel turns a code typed as 1.10 into 1.1, so format the code column as text and type the codes again",
        "mã 1.1 xuất hiện hai lần (lần đầu tại {first}); mỗi mã chỉ giữ một dòng; ô mã đang chứa số 1.1: "
        "Excel đổi mã gõ là 1.10 thành 1.1, vì vậy hãy định dạng cột mã là văn bản (Text) và gõ lại các mã")]),
    "TRUE in a unit's cell": ([UNITS, ["1.1", 1, True]], None, None, [(
        "C2", "1.1: holds TRUE/FALSE, not points: write the points", "1.1: chứa TRUE/FALSE, không phải điểm: hãy ghi số điểm")]),
    "a percentage": ([UNITS, ["1.1", 1, 0.5]], None, {"C2": "0%"}, [(
        "C2", "1.1: is formatted as a percentage: a rate, not points; format it as a number if it holds points",
        "1.1: được định dạng phần trăm: là tỷ lệ, không phải điểm; nếu ô chứa điểm, hãy định dạng ô là số")]),
    "a unit without points": ([UNITS, ["1.1", 1, None]], None, None, [(
        "C2", "unit 'Sở B' has no points for 1.1, which other units have; enter its points",
        "đơn vị «Sở B» không có điểm cho 1.1, trong khi các đơn vị khác có; hãy nhập điểm")]),
    "standard points never calculated": ([["Mã", "Điểm chuẩn", "Sở A", "Sở B"], ["1.1", "=2+2", 1, 2]], None, None, [(
        "B2", "the standard points of 1.1: holds a formula whose result was never saved: open the workbook in Excel or LibreOffice, "
        "let it calculate, save, and try again",
        "điểm chuẩn của 1.1: chứa công thức chưa được lưu kết quả: hãy mở bảng tính bằng Excel hoặc LibreOffice, "
        "để chương trình tính xong, lưu lại rồi chạy lại")]),
    "long without a points column": ([["Đơn vị", "Mã", "Điểm chuẩn"], ["A", "1.1", 4]], "long", None, [(
        1, "the long layout needs a points column (Điểm thẩm định, points); add it",
        "cách bố trí long cần một cột điểm (Điểm thẩm định, points); hãy thêm cột này")]),
    "long row without its unit": ([["Đơn vị", "Mã", "Điểm thẩm định"], [None, "1.1", 4], ["A", "1.2", 1]], "long", None, [(
        "B2", "the row of 1.1 names no unit; write the unit in the unit column", "dòng của 1.1 không ghi tên đơn vị; hãy ghi đơn vị vào cột đơn vị")]),
    "long code twice for a unit": ([["Đơn vị", "Mã", "Điểm thẩm định"], ["A", "1.1", 4], ["A", "1.1", 3]], "long", None, [(
        "B3", "unit 'A' has 1.1 twice (first at {first}); keep one row", "đơn vị «A» có 1.1 hai lần (lần đầu tại {first}); hãy giữ lại một dòng")]),
    "long without rows": ([["Đơn vị", "Mã", "Điểm thẩm định"], ["A", None, 4]], "long", None, [(
        None, "no rows with a unit and a criterion code; write the criterion codes in the code column",
        "không có dòng nào ghi đơn vị và mã tiêu chí; hãy ghi mã tiêu chí vào cột mã")]),
    "long cell that is no number": ([["Đơn vị", "Mã", "Điểm thẩm định"], ["A", "1.1", "ba"]], "long", None, [(
        "C2", "1.1: 'ba' is not a number (write points like 1,48 or 1.48)", "1.1: «ba» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)")]),
}
FIRST = {"a code twice": "A2", "a code twice, one stored as a number": "A2", "long code twice for a unit": "B2"}


def expected_lines(path: Path, case: str, lang: str) -> list[str]:
    *_, problems = WORKBOOK_CASES[case]
    first = where(path, lang, cell=FIRST[case]) if case in FIRST else ""
    return [f"{where(path, lang, cell=at) if isinstance(at, str) else where(path, lang, row=at)}: "
            f"{(vi if lang == 'vi' else en).replace('{first}', first)}" for at, en, vi in problems]


@pytest.mark.parametrize("case", sorted(WORKBOOK_CASES))
def test_a_bad_multi_unit_workbook(tmp_path, case):
    rows, layout, formats, _ = WORKBOOK_CASES[case]
    path = workbook(tmp_path / "units.xlsx", rows, formats)
    assert_lines(refusal(lambda: open_units(path, layout)), expected_lines(path, case, "vi"), expected_lines(path, case, "en"))


@pytest.mark.parametrize("case, layout", [("points without a unit name", "wide"), ("long code twice for a unit", "long")])
def test_a_bad_multi_unit_workbook_ends_rank(cli, tmp_path, case, layout):
    rows, _, formats, _ = WORKBOOK_CASES[case]
    path = workbook(tmp_path / "units.xlsx", rows, formats)
    assert_refused(cli, ("rank", path, "--criteria", SMALL_SET, "--layout", layout),
                   expected_lines(path, case, "vi"), expected_lines(path, case, "en"))


def test_a_code_twice_on_one_sheet_of_many(cli, tmp_path):
    table = [["Mã", "Điểm chuẩn", "Điểm thẩm định"], ["1.1", 4, 4], ["1.2", 2, 2], ["2.1", 4, 4]]
    path = workbook(tmp_path / "units.xlsx", [*table, ["1.1", 4, 3]], sheets={"Sở B": table})
    assert_refused(cli, ("rank", path, "--criteria", SMALL_SET, "--layout", "sheets"),
                   [f"{where(path, 'vi', cell='A5')}: mã 1.1 xuất hiện hai lần (lần đầu tại {where(path, 'vi', cell='A2')}); mỗi mã chỉ giữ một dòng"],
                   [f"{where(path, 'en', cell='A5')}: code 1.1 appears twice (first at {where(path, 'en', cell='A2')}); keep one row per code"])


def test_too_many_code_rows_for_a_wide_sheet(tmp_path, monkeypatch):
    monkeypatch.setattr(multiunit, "MOST_CODE_ROWS", 2)
    path = workbook(tmp_path / "units.xlsx", [UNITS, ["1.1", 1, 2], ["1.2", 1, 2], ["2.1", 1, 2]])
    assert_lines(refusal(lambda: open_units(path)), [
        f"{where(path, 'vi', cell='A4')}: hơn 2 dòng tiêu chí: trang tính kiểu wide có mỗi tiêu chí một dòng, nên đây không phải bảng chấm điểm "
        "(mỗi dòng một đơn vị và một tiêu chí là cách bố trí long: --layout long)"], [
        f"{where(path, 'en', cell='A4')}: more than 2 criterion rows: a wide sheet has one row per criterion, so this is no scoring table "
        "(a row per unit and criterion is the long layout: --layout long)"])


def test_an_unknown_layout(tmp_path):
    assert_lines(refusal(lambda: open_units(tmp_path / "any.xlsx", "diagonal")),
                 ["--layout: «diagonal» không phải là một cách bố trí: hãy dùng wide, long, sheets"],
                 ["--layout: 'diagonal' is not a layout: use wide, long, sheets"])
