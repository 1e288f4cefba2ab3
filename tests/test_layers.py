"""Imports run one way: domain packages -> pipelines.resources -> assets -> pipelines (assembly).

The domain packages (sources, standardize, expectations, linkage, warehouse,
reference) know nothing of Dagster, of assets or of the assembly, so they can be
tested and reused as plain Python. Assets may reach the assembly package only
through ``pipelines.resources`` (configuration and the instance state they share
with sensors). Read with ``ast``: nothing is imported to check it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOMAIN = ("sources", "standardize", "expectations", "linkage", "warehouse", "reference")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth of the file (function-level imports included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def _top(module: str) -> str:
    return module.split(".")[0]


@pytest.mark.parametrize("package", DOMAIN)
def test_domain_packages_import_no_dagster_assets_or_pipelines(package):
    offending = {
        f"{path.relative_to(REPO)}: {module}"
        for path in _files(package)
        for module in imported_modules(path)
        if _top(module) in ("dagster", "assets", "pipelines", "benchmarks", "demo", "tests")
    }
    assert not offending


def test_resources_import_only_domain_packages():
    modules = imported_modules(REPO / "pipelines" / "resources.py")
    assert not {m for m in modules if _top(m) in ("assets", "pipelines", "benchmarks", "demo")}


def test_assets_reach_the_assembly_only_through_resources():
    offending = {
        f"{path.relative_to(REPO)}: {module}"
        for path in _files("assets")
        for module in imported_modules(path)
        if (_top(module) == "pipelines" and module != "pipelines.resources") or _top(module) in ("benchmarks", "demo")
    }
    assert not offending


def test_the_checker_sees_function_level_imports(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("import os\n\ndef f():\n    from pipelines.run import run_everything\n", encoding="utf-8")
    assert imported_modules(source) == {"os", "pipelines.run"}


# A function longer than this no longer reads top to bottom: split it into named steps.
MAX_FUNCTION_LINES = 60
SHORT_FUNCTION_PACKAGES = ("linkage", "standardize", "warehouse")


def long_functions(path: Path, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    """Every function (nested ones included) of a file longer than ``limit`` lines, with its length."""
    return [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines, line {node.lineno})"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > limit
    ]


@pytest.mark.parametrize("package", SHORT_FUNCTION_PACKAGES)
def test_no_function_is_longer_than_sixty_lines(package):
    offending = {
        f"{path.relative_to(REPO)}: {function}" for path in _files(package) for function in long_functions(path)
    }
    assert not offending


def test_the_length_check_counts_from_def_to_last_line(tmp_path):
    source = tmp_path / "m.py"
    body = "".join(f"    x{i} = {i}\n" for i in range(59))
    source.write_text(f"def short():\n{body}\n\ndef long():\n{body}    return 0\n", encoding="utf-8")
    assert long_functions(source) == ["long (61 lines, line 63)"]
