"""The import rule of the house, read from every module's source (ast), lazy imports included.

Layers, bottom up (README.md, "Layers"):
- `data_sources/`: input and output only; imports nothing of ours above it (no analysis, no pages).
- `analysis/`: pure pandas; never imports `data_sources`, `pages` or `streamlit`. Inside it, the
  sub-packages import only downward: workbook → i18n → metrics → policy → outputs.
- The command line (`analysis/cli/`, `analysis/__main__.py`) and the UI (`pages/`, `app.py`) are
  the two places that combine sources and analysis. The command line is a layer of its own,
  above analysis: nothing in analysis imports it.
And no import cycle between any two modules of the repository (tests and bench included).

There is no exception list: a module's layer follows from its name alone.
"""
from __future__ import annotations

import ast
import graphlib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("analysis", "data_sources", "pages", "tests", "bench", "scripts")
ANALYSIS_ORDER = ("workbook", "i18n", "metrics", "policy", "outputs")  # each may import those before it
CLI_MODULES = ("analysis.cli", "analysis.__main__")


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str  # a module of ours, or the top-level name of a third-party package
    line: int


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def find_modules(root: Path) -> dict[str, Path]:
    """Every Python module of the project, by dotted name."""
    paths = [root / "app.py"] if (root / "app.py").exists() else []
    for folder in SOURCE_DIRS:
        paths += sorted((root / folder).rglob("*.py")) if (root / folder).is_dir() else []
    return {module_name(p, root): p for p in paths if ".venv" not in p.parts}


def _absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(name: str, source: str, ours: set[str], is_package: bool = False) -> list[Import]:
    """What a module imports: our modules by their full name (`from analysis.i18n import strings`
    is analysis.i18n.strings), anything else by its top-level package."""
    found = []
    for node in ast.walk(ast.parse(source)):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node, name, is_package)
            targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in ours else module
                       for alias in node.names]
        for target in targets:
            while target not in ours and "." in target:  # `import a.b.c` of ours names module a.b.c
                target = target.rsplit(".", 1)[0]
            found.append(Import(name, target if target in ours else target.split(".")[0], node.lineno))
    return found


def layer(module: str) -> str:
    top = module.split(".")[0]
    if module in CLI_MODULES or module.startswith("analysis.cli."):
        return "cli"
    if top in ("pages", "app"):
        return "ui"
    return top  # analysis, data_sources, tests, bench, scripts


def analysis_package(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "analysis" and parts[1] in ANALYSIS_ORDER else None


def violation(imp: Import) -> str | None:
    """Why an import breaks the layer rule, or None."""
    source, target = layer(imp.importer), layer(imp.imported)
    if source == "data_sources" and target in ("analysis", "cli", "ui", "streamlit"):
        return "data_sources/ does input and output only and imports nothing of ours above it"
    if source == "analysis" and target in ("data_sources", "ui", "cli", "streamlit"):
        return "analysis/ is pure: it never imports data_sources, pages, the CLI or streamlit"
    mine, theirs = analysis_package(imp.importer), analysis_package(imp.imported)
    if mine and theirs and ANALYSIS_ORDER.index(theirs) > ANALYSIS_ORDER.index(mine):
        return f"analysis/{mine} may import only {', '.join(ANALYSIS_ORDER[:ANALYSIS_ORDER.index(mine) + 1])}"
    if source == "analysis" and imp.imported == "analysis":
        return "a module names what it uses: import from the sub-package, not from analysis/"
    return None


def all_imports(root: Path = ROOT) -> list[Import]:
    modules = find_modules(root)
    ours = set(modules)
    found = {imp: None for name, path in modules.items()  # one entry per module, import and line
             for imp in imports_of(name, path.read_text(encoding="utf-8"), ours, path.name == "__init__.py")}
    return list(found)


def cycles(imports: list[Import], ours: set[str]) -> list[list[str]]:
    """Every import cycle, as the modules on it (empty when the graph is acyclic)."""
    graph: dict[str, set[str]] = {name: set() for name in ours}
    for imp in imports:
        if imp.imported in ours and imp.imported != imp.importer:
            graph[imp.importer].add(imp.imported)
    found = []
    while True:
        try:
            graphlib.TopologicalSorter(graph).prepare()
            return found
        except graphlib.CycleError as error:
            cycle = error.args[1]
            found.append(cycle)
            graph[cycle[-2]].discard(cycle[-1])  # drop one edge of it, look for more


def private_imports(root: Path) -> list[str]:
    """`from module import _name` in a module outside tests/: what another module may use is public."""
    found = []
    for name, path in find_modules(root).items():
        if layer(name) == "tests":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                found += [f"{name} (line {node.lineno}) imports {node.module}.{alias.name}"
                          for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__")]
    return found


# --- the rule, applied to this repository ---------------------------------------------------

IMPORTS = all_imports()


def test_every_layer_imports_one_way():
    broken = [f"{i.importer} (line {i.line}) imports {i.imported}: {why}"
              for i in IMPORTS if (why := violation(i))]
    assert not broken, "\n".join(broken)


def test_no_import_cycles():
    found = cycles(IMPORTS, set(find_modules(ROOT)))
    assert not found, "\n".join(" -> ".join(c) for c in found)


def test_no_module_borrows_another_modules_private_names():
    assert not private_imports(ROOT), "\n".join(private_imports(ROOT))


def test_only_the_cli_and_the_ui_combine_sources_and_analysis():
    combining = {layer(i.importer) for i in IMPORTS
                 if layer(i.imported) == "data_sources" and layer(i.importer) not in ("data_sources", "tests", "bench")}
    assert combining <= {"cli", "ui"}, combining


@pytest.mark.parametrize("package", ANALYSIS_ORDER)
def test_each_analysis_package_says_what_lives_there(package):
    init = ROOT / "analysis" / package / "__init__.py"
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert doc and len(doc) > 40, f"analysis/{package}/__init__.py needs a docstring saying what lives there"


def test_the_rule_sees_every_kind_of_module():
    names = set(find_modules(ROOT))
    assert {"app", "analysis.cli", "analysis.workbook.contract", "data_sources.raw", "pages.overview"} <= names
    assert len([i for i in IMPORTS if i.importer.startswith("analysis.")]) > 50


# --- the checker itself can fail ----------------------------------------------------------------

def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("files", "expected"), [
    ({"data_sources/x.py": "def f():\n    from analysis.workbook import contract\n",
      "analysis/workbook/contract.py": ""}, "data_sources/ does input"),
    ({"analysis/metrics/m.py": "import streamlit as st\n"}, "analysis/ is pure"),
    ({"analysis/metrics/m.py": "from data_sources import read_source\n", "data_sources/__init__.py": ""},
     "analysis/ is pure"),
    ({"analysis/workbook/w.py": "from analysis.metrics import m\n", "analysis/metrics/m.py": ""},
     "analysis/workbook may import only workbook"),
    ({"analysis/outputs/o.py": "from analysis.cli import main\n", "analysis/cli.py": ""}, "analysis/ is pure"),
])
def test_a_broken_rule_is_reported(tmp_path, files, expected):
    reasons = [why for i in all_imports(_tree(tmp_path, files)) if (why := violation(i))]
    assert reasons and expected in reasons[0]


def test_the_cli_and_pages_may_combine(tmp_path):
    page = "import streamlit\nfrom data_sources import x\nfrom analysis.outputs import o\n"
    root = _tree(tmp_path, {"analysis/cli.py": "from data_sources import read_source\nimport analysis.workbook.c\n",
                            "pages/p.py": page,
                            "app.py": "from pages import p\n", "data_sources/__init__.py": "",
                            "analysis/workbook/c.py": "", "analysis/outputs/o.py": ""})
    assert [i for i in all_imports(root) if violation(i)] == []


def test_a_cycle_is_reported(tmp_path):
    root = _tree(tmp_path, {"analysis/metrics/a.py": "from analysis.metrics.b import x\n",
                            "analysis/metrics/b.py": "def f():\n    from analysis.metrics import a\n"})
    found = cycles(all_imports(root), set(find_modules(root)))
    assert found and set(found[0]) == {"analysis.metrics.a", "analysis.metrics.b"}


def test_a_private_import_is_reported(tmp_path):
    root = _tree(tmp_path, {"data_sources/w.py": "from data_sources.g import (\n    _client,\n    public,\n)\n",
                            "data_sources/g.py": "", "tests/t.py": "from data_sources.g import _client\n"})
    assert private_imports(root) == ["data_sources.w (line 1) imports data_sources.g._client"]


def test_relative_imports_resolve(tmp_path):
    root = _tree(tmp_path, {"data_sources/__init__.py": "from .raw import x\n", "data_sources/raw.py": "",
                            "data_sources/demo/build.py": "from ..raw import y\n"})
    assert {(i.importer, i.imported) for i in all_imports(root)} == {
        ("data_sources", "data_sources.raw"), ("data_sources.demo.build", "data_sources.raw")}


@pytest.mark.parametrize("package", ANALYSIS_ORDER)
def test_a_package_attribute_named_like_a_module_is_that_module(package):
    """A re-export must not hide a sub-module: `from analysis.outputs import report_tables` is the module."""
    import importlib
    import types

    imported = importlib.import_module(f"analysis.{package}")
    for path in (ROOT / "analysis" / package).glob("[!_]*.py"):
        attribute = getattr(imported, path.stem, None)
        assert attribute is None or isinstance(attribute, types.ModuleType), f"analysis.{package}.{path.stem}"
