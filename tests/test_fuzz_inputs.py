"""Bounded fuzzing of the text readers and of the sheet XML: every loader either returns
or raises parcalc's own error (one line per problem, exit 2), whatever the input; a
mutated sheet gives the same answer through both workbook readers (score: the strict
reader; rank: python-calamine). The full campaigns (thousands of inputs) live outside
the suite; these keep the classes they found from coming back, in a few seconds."""

from __future__ import annotations

import json
import re
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parcalc import api
from parcalc.core.errors import ParcalcError
from parcalc.read import criteria_file, peers_file, playbook_file, scenario_file
from tests.conftest import EXAMPLES, FIXTURES, LAM_DONG

HOSTILE = [
    "NaN", ".nan", ".inf", "-.inf", "1e999999999", "1.0e+999999999", "-1e-999999999", "0x1F", "0o17", "1_000",
    "~", "null", "[]", "{}", "[1, [2, [3]]]", "!!python/object/apply:os.system ['true']", "!!binary aGk=",
    "&a [1]", "*a", "'", '"', "- - -", "9" * 5000, "yes", "no", "2019-01-01", "\t", "@x", "%TAG", "|", ">",
    "'12,5'", "-0", "1e-5", "Điểm", "\u0301", "\x00", "?", ": :", "{code: 1}",
]
TEXTS = {
    "criteria": (EXAMPLES / "rules-example.yaml").read_text(encoding="utf-8"),
    "targets": (EXAMPLES / "plans" / "hcm-2019-commitments.yaml").read_text(encoding="utf-8")[:6000],
    "playbook": (FIXTURES / "playbooks" / "patterns.yaml").read_text(encoding="utf-8"),
    "scenarios": (FIXTURES / "scenarios" / "good.yaml").read_text(encoding="utf-8"),
    "peers": (EXAMPLES / "peers" / "provinces.csv").read_text(encoding="utf-8"),
}


def mutate(text: str, edits: list[tuple[int, int, int]]) -> str:
    """Each edit picks a line and replaces its value, deletes it, doubles it, re-indents
    it or cuts the text there."""
    lines = text.splitlines()
    for line_pick, how, value_pick in edits:
        if not lines:
            break
        at = line_pick % len(lines)
        value = HOSTILE[value_pick % len(HOSTILE)]
        line = lines[at]
        if how == 0:
            key, colon, _ = line.partition(": ")
            lines[at] = f"{key}: {value}" if colon else f"{line[:len(line) - len(line.lstrip())]}- {value}"
        elif how == 1:
            del lines[at]
        elif how == 2:
            lines.insert(at, line)
        elif how == 3:
            lines[at] = " " * (value_pick % 7) + line.lstrip()
        elif how == 4:
            lines[at] = line.replace(",", f",{value},", 1)  # CSV: a field more, or a hostile one
        else:
            lines = lines[:at] + [line[: value_pick % (len(line) + 1)]]
    return "\n".join(lines) + "\n"


EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 5), st.integers(0, 10**6)), min_size=1, max_size=4)


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(TEXTS)), edits=EDITS)
def test_every_text_loader_returns_or_refuses_in_one_clear_error(tmp_path_factory, kind, edits):
    text = mutate(TEXTS[kind], edits)
    path = tmp_path_factory.mktemp("yaml") / ("input.csv" if kind == "peers" else "input.yaml")
    path.write_text(text, encoding="utf-8")
    try:
        if kind in ("criteria", "targets"):
            criteria_file.load_text(text, str(path))
        elif kind == "playbook":
            playbook_file.load_playbook(path, api.load_criteria("province-2020"))
        elif kind == "scenarios":
            scenario_file.load_scenarios(path)
        else:
            peers_file.load_peers(path)
    except ParcalcError as refusal:
        assert refusal.problems and all(str(problem).strip() and "\n" not in str(problem) for problem in refusal.problems)


SHEET_EDITS = [  # (pattern, replacement): XML mutations a damaged or hand-made file carries
    (rb'<c r="D(\d+)"', rb'<c r="XFD\1"'),
    (rb'<c r="D(\d+)"', rb'<c r="d\1"'),
    (rb'<c r="D(\d+)"', rb'<c r=""'),
    (rb'<c r="(D\d+)"([^>]*)>(.*?)</c>', rb'<c r="\1"\2>\3</c><c r="\1"\2>\3</c>'),
    (rb'<row r="(\d+)"', rb'<row r="\1\1"'),
    (rb'<row r="(\d+)"', rb'<row r="-\1"'),
    (rb' t="s"', rb' t="n"'),
    (rb' t="s"', rb' t="b"'),
    (rb' t="s"', rb' t="e"'),
    (rb"<v>([0-9.]+)</v>", rb"<v>NaN</v>"),
    (rb"<v>([0-9.]+)</v>", rb"<v>1e999</v>"),
    (rb"<v>([0-9.]+)</v>", rb"<v>12,5</v>"),
    (rb"<v>([0-9.]+)</v>", rb"<v>1_0</v>"),
    (rb"<sheetData>", rb"<sheetData><!-- a comment <row> -->"),
    (rb"<sheetData>", rb"<sheetData><?pi x?>"),
    (rb"</row>", rb""),
    (rb"<c ", rb"<x:c "),
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, len(SHEET_EDITS) - 1), st.integers(0, 40)), min_size=1, max_size=3))
def test_a_mutated_sheet_gets_the_same_answer_from_both_readers(cli, tmp_path_factory, edits):
    with zipfile.ZipFile(LAM_DONG) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    for which, nth in edits:
        pattern, replacement = SHEET_EDITS[which]
        found = list(re.finditer(pattern, xml))
        if found:
            match = found[nth % len(found)]
            xml = xml[:match.start()] + match.expand(replacement) + xml[match.end():]
    parts["xl/worksheets/sheet1.xml"] = xml
    path = tmp_path_factory.mktemp("xml") / "mutated.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    args = (path, "--criteria", "province-2020", "--assume-full", "-f", "json")
    score, rank = cli("score", *args), cli("rank", *args)
    for run in (score, rank):
        assert isinstance(run.exception, (SystemExit, type(None))), run.exception
        assert run.exit_code in (0, 2), run.output
        assert run.exit_code == 0 or all(line.startswith("parcalc: lỗi: ") for line in run.stderr.splitlines())
    assert score.exit_code == rank.exit_code, (score.stderr, rank.stderr)
    if score.exit_code == 0:
        assert json.loads(score.stdout)["index"] == json.loads(rank.stdout)["units"][0]["index"]
