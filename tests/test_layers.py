"""The layers of parcalc as packages, and imports that point one way only.

    cli, launch, __main__  ->  api  ->  read | write  ->  analysis  ->  core

A module may import its own package and the layers below it; read and write are
siblings and never import each other; core and analysis use the standard library only.
Every import counts: at the top, inside functions, and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "parcalc"
RANK = {"core": 0, "analysis": 1, "read": 2, "write": 2, "api": 3, "entry": 4}
ENTRY = ("cli", "launch", "__main__")  # the command line: one layer of three modules
PURE = ("core", "analysis")  # no third-party library, no file or terminal work


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, relative imports made absolute; `from X import Y`
    gives X.Y when Y is a module of parcalc, else X."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            for alias in node.names:
                candidate = f"{origin}.{alias.name}"
                found.add(candidate if _is_module(candidate) else origin)
    return found


def _is_module(name: str) -> bool:
    if not name.startswith("parcalc."):
        return False
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def layer_of(module: str) -> str | None:
    """`core` for parcalc.core.engine, `api` for parcalc.api, `entry` for parcalc.cli;
    None for the package itself."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    return "entry" if parts[1] in ENTRY else parts[1]


def package_graph() -> dict[str, set[str]]:
    return {module_name(path): imports_of(path) for path in sorted(PACKAGE.rglob("*.py"))}


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    """Imports against the layer order, and third-party imports in the pure layers."""
    problems = []
    for module, targets in sorted(graph.items()):
        layer = layer_of(module)
        if layer is None:
            continue
        for target in sorted(targets):
            top = target.split(".")[0]
            if top != "parcalc":
                if layer in PURE and top not in sys.stdlib_module_names and top != "__future__":
                    problems.append(f"{module} imports {target}: {layer} uses the standard library only")
                continue
            other = layer_of(target)
            if other is None or other == layer:
                continue
            if other not in RANK or RANK[other] >= RANK[layer]:
                problems.append(f"{module} ({layer}) imports {target} ({other}): imports point down only")
    return problems


def import_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of imports among parcalc's modules, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if target not in graph:
                continue
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return None


def test_every_module_sits_in_a_known_layer():
    graph = package_graph()
    assert {layer_of(module) for module in graph} == {None, *RANK}
    assert len([m for m in graph if layer_of(m) == "core"]) >= 8  # the walk finds the modules


def test_imports_point_down_the_layers():
    assert layer_violations(package_graph()) == []


def test_no_import_circles():
    assert import_cycle(package_graph()) is None


def test_each_package_says_what_its_layer_may_import():
    for layer in ("core", "analysis", "read", "write"):
        doc = ast.get_docstring(ast.parse((PACKAGE / layer / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "import" in doc, layer


def test_every_module_opens_with_what_it_holds():
    missing = [module_name(path) for path in PACKAGE.rglob("*.py") if not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))]
    assert missing == []


@pytest.mark.parametrize("module, target, expected", [
    ("parcalc.core.engine", "parcalc.read.xlsx", "parcalc.core.engine (core) imports parcalc.read.xlsx (read): imports point down only"),
    ("parcalc.core.rules", "parcalc.analysis.whatif", "parcalc.core.rules (core) imports parcalc.analysis.whatif (analysis): imports point down only"),
    ("parcalc.read.workbook", "parcalc.write.output", "parcalc.read.workbook (read) imports parcalc.write.output (write): imports point down only"),
    ("parcalc.write.rank", "parcalc.api", "parcalc.write.rank (write) imports parcalc.api (api): imports point down only"),
    ("parcalc.api", "parcalc.cli", "parcalc.api (api) imports parcalc.cli (entry): imports point down only"),
    ("parcalc.analysis.ranking", "openpyxl", "parcalc.analysis.ranking imports openpyxl: analysis uses the standard library only"),
])
def test_the_checker_refuses_an_import_against_the_order(module, target, expected):
    graph = package_graph()
    graph[module] = graph[module] | {target}
    assert layer_violations(graph) == [expected]


def test_the_checker_finds_a_circle_and_reads_relative_imports(tmp_path):
    graph = package_graph()
    graph["parcalc.core.model"] = graph["parcalc.core.model"] | {"parcalc.core.engine"}
    cycle = import_cycle(graph)
    assert cycle is not None and cycle[0] == cycle[-1] and {"parcalc.core.engine", "parcalc.core.model"} <= set(cycle)
    # the real files' relative imports are resolved to modules, not to packages
    assert "parcalc.core.engine" in imports_of(PACKAGE / "core" / "columnar.py")
    assert "parcalc.read.yamlsafe" in imports_of(PACKAGE / "read" / "playbook_file.py")
