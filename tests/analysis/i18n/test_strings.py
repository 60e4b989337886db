"""analysis/i18n/strings.py: one catalogue from its parts, both languages, every key the code can ask for."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from analysis.i18n import strings

REPO = Path(__file__).resolve().parents[3]


def test_every_key_has_vietnamese_and_english():
    assert len(strings.CATALOGUE) > 50
    for key, texts in strings.CATALOGUE.items():
        assert isinstance(texts, tuple) and len(texts) == 2, key
        vi, en = texts
        assert isinstance(vi, str) and vi.strip(), key
        assert isinstance(en, str) and en.strip(), key


def test_both_languages_take_the_same_parameters():
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, (vi, en) in strings.CATALOGUE.items():
        assert fields(vi) == fields(en), key


def test_the_parts_make_one_catalogue_and_no_key_is_in_two():
    import importlib

    for name, part in strings.PARTS.items():  # each part is the dict of its module, catalogue_<name>.py
        module = importlib.import_module(f"analysis.i18n.catalogue_{name}")
        assert part is getattr(module, name.upper())
    assert sum(len(part) for part in strings.PARTS.values()) == len(strings.CATALOGUE)
    assert strings.t("template.ui.required", "en") == "Required" and strings.t("fig.reach.axis") == "Lượt người"
    with pytest.raises(ValueError, match=r"defined twice: app.title \(a, b\)"):
        strings.merge({"a": {"app.title": ("x", "x")}, "b": {"app.title": ("y", "y"), "other": ("z", "z")}})
    assert strings.merge({"a": {"k": ("x", "y")}, "b": {}}) == {"k": ("x", "y")}


def test_t_fills_parameters_and_tolerates_missing_ones():
    assert strings.t("reason.key_repeated", first=6) == "Trùng với dòng 6; dòng sau không được tính."
    assert strings.t("reason.key_repeated", "en", first=6) == "Repeats row 6; the later row is not counted."
    assert strings.t("overview.heading", year=2023) == "Tổng quan năm 2023"
    assert strings.t("overview.heading") == "Tổng quan năm "  # a missing parameter reads as blank
    assert strings.t("overview.heading", year=None) == "Tổng quan năm "
    assert strings.has("app.title") and not strings.has("no.such.key")
    with pytest.raises(KeyError):
        strings.t("no.such.key")


def _calls(folder: str):
    for path in sorted((REPO / folder).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                yield path, node


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _constants(node: ast.expr, path: Path) -> set[str]:
    """The string literals an argument can be: a literal, `a if x else b`, or a local name set to those."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _constants(node.body, path) | _constants(node.orelse, path)
    if isinstance(node, ast.Name):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found: set[str] = set()
        for assign in ast.walk(tree):
            if isinstance(assign, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == node.id for t in assign.targets):
                found |= _constants(assign.value, path)
        return found
    return set()


def _invalid_reasons() -> set[str]:
    found = set()
    for path, call in _calls("analysis"):
        if _name(call.func) == "Invalid":
            assert call.args and isinstance(call.args[0], ast.Constant), f"{path}:{call.lineno}"
            found.add(call.args[0].value)
    return found


def _issue_reasons() -> set[str]:
    """The reason argument (6th) of every `issues.add(...)` call in analysis/."""
    found = set()
    calls = 0
    for path, call in _calls("analysis"):
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr == "add"
                and isinstance(func.value, (ast.Name, ast.Attribute))
                and _name(func.value) == "issues"):
            continue
        calls += 1
        reason = call.args[5]
        if isinstance(reason, ast.Attribute) and reason.attr == "reason":
            continue  # an Invalid(...)'s reason: covered by _invalid_reasons
        literals = _constants(reason, path)
        assert literals, f"{path}:{call.lineno}: reason not a literal"
        found |= literals
    assert calls >= 15  # the walk really finds the normaliser's calls
    return found


def test_every_cell_reason_is_in_the_catalogue():
    reasons = _invalid_reasons()
    assert {"date", "date_impossible", "number", "yesno", "stars", "doc_status", "vocab"} <= reasons
    missing = sorted(r for r in reasons if not strings.has(f"reason.{r}"))
    assert missing == []


def test_every_issue_reason_is_in_the_catalogue():
    reasons = _issue_reasons()
    assert {"key_missing", "key_repeated", "tab_missing", "columns_missing", "header_missing",
            "column_extra", "column_duplicate", "code_unknown", "unknown_producer"} <= reasons
    missing = sorted(r for r in reasons if not strings.has(f"reason.{r}"))
    assert missing == []


def test_every_source_error_is_in_the_catalogue():
    codes = set()
    for path, call in _calls("data_sources"):
        if _name(call.func) == "SourceError":
            assert call.args and isinstance(call.args[0], ast.Constant), f"{path}:{call.lineno}"
            codes.add(call.args[0].value)
    assert {"file_missing", "not_workbook"} <= codes
    missing = sorted(code for code in codes if not strings.has(f"source_error.{code}"))
    assert missing == []


def test_every_severity_and_indicator_has_a_label():
    from analysis.workbook import contract as c
    from analysis.workbook.dataset import ERROR, NOTICE, WARNING

    for severity in (ERROR, WARNING, NOTICE):
        assert strings.has(f"severity.{severity}")
    for code in c.INDICATOR_CODES:
        assert strings.has(f"indicator.{code}")
