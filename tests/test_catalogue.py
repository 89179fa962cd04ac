"""Every message a user can see comes from the catalogue (core/messages.py): a message is
an English template with placeholders, and the Vietnamese catalogue has the same
templates with the same placeholders. These tests read the source, so a message built
with an f-string, or one missing from the catalogue, fails here."""

from __future__ import annotations

import ast
import string
from decimal import Decimal
from pathlib import Path

import pytest

from parcalc.core.errors import InputError, Problem
from parcalc.core.messages import Msg, Place, choose_language, current_language
from parcalc.core.vietnamese import VI

SOURCE = Path(__file__).resolve().parents[1] / "src" / "parcalc"
# Calls whose text arguments a user reads: errors, problems, messages, stderr lines.
_MESSAGE_CALLS = {"Msg", "Problem", "at", "_err", "BadParameter", "_DamagedCell"}


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _is_message_call(call: ast.Call) -> bool:
    name = _callee(call)
    return name in _MESSAGE_CALLS or name.endswith(("Error", "Exception", "Workbook", "Large", "Rows"))


def _calls():
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _is_message_call(node):
                yield path.relative_to(SOURCE), node


_PLACED = {"Problem", "at", "_DamagedCell"}  # (where, message, ...): the place may be a plain option name or file


def _texts(call: ast.Call):
    """The text arguments of a call that a user reads as a message (a place given as a
    plain string, an option name such as --format, is not one; a place built with an
    f-string is, since its words would not be translated)."""
    args = call.args
    if _callee(call) in _PLACED and args:
        place, args = args[0], args[1:]
        if isinstance(place, (ast.JoinedStr, ast.BinOp)) and _is_text(place):
            args = [place, *args]
    return [arg for arg in args if isinstance(arg, (ast.Constant, ast.JoinedStr, ast.BinOp)) and _is_text(arg) or _is_str_call(arg)]


def _is_str_call(node: ast.AST) -> bool:
    """`str(exc)` as a message: a message rendered too early, in whatever language was current (pass exc.args[0] on)."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str"


def _is_text(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.BinOp) and (_is_text(node.left) or _is_text(node.right))


def _templates() -> dict[str, str]:
    from parcalc.core.labels import FINDINGS

    found = {template: f"core/labels.py FINDINGS[{kind!r}]" for kind, template in FINDINGS.items()}
    for path, call in _calls():
        for arg in _texts(call):
            if isinstance(arg, ast.Constant):
                found[arg.value] = f"{path}:{arg.lineno}"
    return found


# The words of typer's help: those it passes through gettext (typer.core), and its --help option's.
_TYPER_WORDS = ("Arguments", "Options", "Commands", "required", "default: {default}", "Show this message and exit.")


def _help_texts() -> set[str]:
    """Every help text of the command line: commands' and parameters'."""
    from typer.main import get_command

    from parcalc.cli import app

    texts: set[str] = set()

    def walk(command) -> None:
        texts.update(text.strip() for text in (command.help, command.short_help) if text)
        texts.update(param.help for param in command.params if getattr(param, "help", None))
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(get_command(app))
    return texts


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0].split("!")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_no_message_is_built_outside_the_catalogue():
    built = [f"{path}:{arg.lineno}" for path, call in _calls() for arg in _texts(call) if not isinstance(arg, ast.Constant)]
    assert built == [], "messages built with f-strings or +: write Msg('template {x}', x=...) instead"


def test_every_message_has_its_vietnamese_with_the_same_placeholders():
    templates = _templates()
    missing = sorted(f"{where}: {template!r}" for template, where in templates.items() if template not in VI)
    assert missing == []
    # Vietnamese has no plural endings: an English {s} may go unused.
    differing = sorted(template for template in templates if template in VI and _fields(template) - {"s"} != _fields(VI[template]) - {"s"})
    assert differing == []


def test_no_template_is_translated_twice():
    """A dict literal keeps the last of two equal keys without a word: the catalogue must not have any."""
    tree = ast.parse((SOURCE / "core" / "vietnamese.py").read_text(encoding="utf-8"))
    keys = [key.value for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys if isinstance(key, ast.Constant)]
    assert sorted(key for key in set(keys) if keys.count(key) > 1) == []


def test_every_help_text_has_its_vietnamese():
    assert sorted(text for text in _help_texts() if text not in VI) == []
    assert sorted(text for text in _help_texts() if text in VI and _fields(text) != _fields(VI[text])) == []


def test_the_catalogue_holds_only_messages_in_use():
    assert sorted(set(VI) - set(_templates()) - _help_texts() - set(_TYPER_WORDS)) == []


def test_help_is_vietnamese_by_default_and_english_on_asking(capsys, monkeypatch):
    from parcalc.cli import run

    assert run(["score", "--help"]) == 0
    help_vi = capsys.readouterr().out
    assert "Chấm một bảng tính: điểm, điểm bị mất" in help_vi and "Tùy chọn:" in help_vi and "[bắt buộc]" in help_vi
    assert "Hiện hướng dẫn này rồi thoát." in help_vi and "Show this message" not in help_vi
    assert run(["score", "--lang", "en", "--help"]) == 0
    help_en = capsys.readouterr().out
    assert "Score a workbook: points, lost points" in help_en and "Options:" in help_en and "[required]" in help_en
    monkeypatch.setenv("PARCALC_LANG", "en")
    assert run(["--help"]) == 0
    assert "Calculator for Vietnam's PAR Index" in capsys.readouterr().out


def test_a_message_renders_in_either_language_with_its_place():
    place = Place("tỉnh.xlsx").sheet("Phụ lục").cell("D9")
    error = InputError.at(place, "{code} has {points} points, more than its maximum {max}", code="1.1", points=Decimal("41.5"), max=Decimal("40"))
    assert error.render("en") == "tỉnh.xlsx, sheet 'Phụ lục', cell D9: 1.1 has 41.5 points, more than its maximum 40"
    assert error.render("vi") == "tỉnh.xlsx, trang tính «Phụ lục», ô D9: 1.1 có 41,5 điểm, nhiều hơn điểm chuẩn 40"
    assert str(place) == "tỉnh.xlsx, sheet 'Phụ lục', cell D9"  # the English form, where a plain string is wanted
    assert Place("set.yaml", line=12).render("vi") == "set.yaml:12"
    assert Place("book.xlsx", detail="xl/workbook.xml").sheet("A").row(3).render("vi") == "book.xlsx (xl/workbook.xml), trang tính «A», dòng 3"


def test_the_language_comes_from_the_command_line_else_the_environment(monkeypatch):
    monkeypatch.setenv("PARCALC_LANG", "en")
    assert current_language() == "en"
    monkeypatch.setenv("PARCALC_LANG", "vi_VN.UTF-8")
    assert current_language() == "vi"
    monkeypatch.setenv("PARCALC_LANG", "fr")
    assert current_language() == "vi"
    choose_language("en")
    try:
        assert current_language() == "en"
        assert str(Problem(None, Msg("points cannot be negative ({text})", text="-1"))) == "points cannot be negative (-1)"
    finally:
        choose_language(None)


@pytest.mark.parametrize("template", sorted(VI))
def test_each_translation_formats(template):
    values = {name: 1 for name in _fields(template)}
    assert Msg(template, **values).render("vi") and Msg(template, **values).render("en")


def test_every_command_takes_its_language_from_the_environment_when_lang_is_not_given():
    """--lang defaults to None in every command, so that PARCALC_LANG is heard (a default of vi would hide it)."""
    from typer.main import get_command

    from parcalc.cli import app

    def walk(command):
        yield command
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)

    langs = [(command.name, param.default) for command in walk(get_command(app)) for param in command.params if param.name == "lang"]
    assert len(langs) >= 8 and all(default is None for _, default in langs), langs
