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
