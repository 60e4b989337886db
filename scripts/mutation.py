"""`make mutation`: mutmut 3 on the workbook reader and the metrics, one module at a time (issue 14).

Each module runs in a workspace of its own, mutants/<module>/ (git-ignored), holding a copy of
analysis/ and the fast unit tests that module is measured with (no browser, no AppTest, no
data_sources), and a pyproject.toml whose [tool.mutmut] names the one file to mutate. mutmut
writes its own mutants/ folder inside the workspace. The score of a module is
killed / (total - equivalent), where the equivalent mutants (changes no input can notice) are
listed with a reason in tests/mutation_equivalent.toml; a timeout counts as killed.

    .venv/bin/python scripts/mutation.py                 # every module
    .venv/bin/python scripts/mutation.py cells pace      # some
    .venv/bin/python scripts/mutation.py --show cells    # and the diff of each real survivor
MUTATION_JOBS (default 2) sets mutmut's --max-children.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "mutants"
EQUIVALENT = ROOT / "tests" / "mutation_equivalent.toml"
WB, MT = "tests/analysis/workbook", "tests/analysis/metrics"

# module -> (the file mutated, the tests it is measured with)
MODULES: dict[str, tuple[str, list[str]]] = {
    "cells": ("analysis/workbook/cells.py", [f"{WB}/test_cells.py", f"{WB}/test_cells_edges.py"]),
    "normalise": ("analysis/workbook/normalise.py", [f"{WB}/test_normalise.py", f"{WB}/test_normalise_regressions.py",
                                                      f"{WB}/test_dataset.py", f"{WB}/test_normalise_edges.py"]),
    "contract": ("analysis/workbook/contract.py", [f"{WB}/test_contract.py", f"{WB}/test_schema.py"]),
    "indicators": ("analysis/metrics/indicators.py", [f"{MT}/test_indicators.py", f"{MT}/test_indicators_edges.py"]),
    "pace": ("analysis/metrics/pace.py", [f"{MT}/test_pace.py"]),
    "products": ("analysis/metrics/products.py", [f"{MT}/test_products.py", f"{MT}/test_products_edges.py"]),
    "outreach": ("analysis/metrics/outreach.py", [f"{MT}/test_outreach.py", f"{MT}/test_outreach_edges.py"]),
    "training": ("analysis/metrics/training.py", [f"{MT}/test_training.py"]),
}
# What the tests import besides analysis/ (never tests/conftest.py: it brings data_sources in).
TEST_SUPPORT = ["tests/analysis/fixture_small.py", f"{WB}/raw_books.py"]
KILLED = {1, 3, 24, -24, 36, 37, 152, 255}  # mutmut's stats.status_by_exit_code: killed, timeout, type check
SURVIVED = {0, 5, 33}  # survived, and "no tests" (a mutant no selected test reaches)


def _pyproject(target: str, tests: list[str]) -> str:
    def toml_list(items: list[str]) -> str:
        return "[" + ", ".join(json.dumps(i) for i in items) + "]"

    return f"""[tool.pytest.ini_options]
pythonpath = ["."]
addopts = "--import-mode=importlib -p no:cacheprovider"
filterwarnings = ["ignore::DeprecationWarning"]

[tool.mutmut]
source_paths = ["analysis"]
only_mutate = {toml_list([target])}
pytest_add_cli_args_test_selection = {toml_list(tests)}
use_git_change_detection = false
"""


def prepare(module: str) -> Path:
    """A fresh workspace: analysis/, the module's tests and their support files, the config."""
    target, tests = MODULES[module]
    work = WORK / module
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(ROOT / "analysis", work / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    for rel in [*TEST_SUPPORT, *tests]:
        if (ROOT / rel).exists():
            (work / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, work / rel)
    present = [t for t in tests if (ROOT / t).exists()]
    (work / "pyproject.toml").write_text(_pyproject(target, present), encoding="utf-8")
    return work


def run(module: str, jobs: int) -> Path:
    work = prepare(module)
    mutmut = Path(sys.executable).parent / "mutmut"
    log = work / "mutmut.log"
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run([str(mutmut), "run", "--max-children", str(jobs)], cwd=work, stdout=out,
                              stderr=subprocess.STDOUT, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    if done.returncode:
        sys.exit(f"mutmut failed for {module} (exit {done.returncode}): see {log}")
    return work


def results(module: str, work: Path) -> dict[str, int | None]:
    target, _ = MODULES[module]
    meta = work / "mutants" / (target + ".meta")
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]


def equivalents() -> dict[str, dict[str, str]]:
    return tomllib.loads(EQUIVALENT.read_text(encoding="utf-8")) if EQUIVALENT.exists() else {}


def score(module: str, codes: dict[str, int | None], equivalent: dict[str, str]) -> dict:
    killed = [k for k, v in codes.items() if v in KILLED]
    survivors = [k for k, v in codes.items() if v not in KILLED]
    equal = [k for k in survivors if k in equivalent]
    stale = sorted(k for k in equivalent if k not in survivors)  # listed, yet killed or gone: review the list
    counted = len(codes) - len(equal)
    return {"module": module, "total": len(codes), "killed": len(killed), "equivalent": len(equal),
            "survived": sorted(k for k in survivors if k not in equivalent), "stale": stale,
            "score": len(killed) / counted if counted else 1.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"some of: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--show", action="store_true", help="print the diff of each real survivor")
    parser.add_argument("--no-run", action="store_true", help="score the last run again (after editing the list)")
    args = parser.parse_args(argv)
    if unknown := set(args.modules) - set(MODULES):
        parser.error(f"unknown module(s): {', '.join(sorted(unknown))}")
    jobs = int(os.environ.get("MUTATION_JOBS", "2"))
    listed = equivalents()
    rows = []
    for module in args.modules or list(MODULES):
        work = WORK / module if args.no_run else run(module, jobs)
        row = score(module, results(module, work), listed.get(module, {}))
        rows.append(row)
        print(f"{module:<11} {row['killed']:>4} killed / ({row['total']:>4} - {row['equivalent']:>3} equivalent)"
              f" = {row['score']:6.1%}   {len(row['survived'])} surviving", flush=True)
        for name in row["survived"]:
            print(f"    survived: {name}")
            if args.show:
                mutmut = Path(sys.executable).parent / "mutmut"
                subprocess.run([str(mutmut), "show", name], cwd=work)
        for name in row["stale"]:
            print(f"    listed as equivalent but not surviving (update {EQUIVALENT.name}): {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
