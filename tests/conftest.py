"""Shared fixtures: the demo raw workbook, a clean Streamlit cache per test."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.fakes.sheets_api import fake_sheets_api  # noqa: F401  (a fixture for every test module)

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data_sources" / "demo" / "ocop_demo.xlsx"


@pytest.fixture(autouse=True)
def _isolated_snapshots(monkeypatch, tmp_path_factory):
    """Every test gets its own empty snapshot directory (data_sources/snapshot.py): none
    writes into the repository's .snapshots/, none falls back on another test's read."""
    monkeypatch.setenv("OCOP_SNAPSHOT_DIR", str(tmp_path_factory.mktemp("snapshots")))
    # and one-unit mode with a store of its own: no test reads the operator's registry or writes .store/
    monkeypatch.delenv("OCOP_REGISTRY", raising=False)
    monkeypatch.setenv("OCOP_STORE", str(tmp_path_factory.mktemp("store") / "ocop.duckdb"))


@pytest.fixture
def demo_raw():
    from data_sources.excel import read_xlsx

    return read_xlsx(DEMO, kind="demo")


@pytest.fixture
def clean_app_env(monkeypatch, tmp_path):
    """No data source configured and an empty Streamlit cache, like a fresh start."""
    import streamlit as st

    from data_sources.resilient import reset_single_flight

    for name in ("OCOP_DATA", "GOOGLE_APPLICATION_CREDENTIALS", "OCOP_CACHE_TTL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OCOP_SNAPSHOT_DIR", str(tmp_path / "snapshots"))
    monkeypatch.chdir(ROOT)
    st.cache_data.clear()
    st.cache_resource.clear()
    reset_single_flight()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
    reset_single_flight()
