"""A default folder that cannot be written falls back to the temporary directory (a read-only app folder)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from data_sources import snapshot, store, writable


@pytest.fixture
def read_only(monkeypatch):
    """deny(folder): os.access says no for `folder` and everything below it (root ignores file modes)."""
    denied: list[Path] = []
    real = os.access

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and any(Path(path).absolute().is_relative_to(d) for d in denied):
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(writable.os, "access", access)
    return lambda folder: denied.append(Path(folder).absolute())


def test_a_writable_default_is_kept_even_when_it_does_not_exist_yet(tmp_path):
    assert writable.writable_or_temp(tmp_path / "a" / "b", "x") == tmp_path / "a" / "b"
    assert writable.can_write(tmp_path)


def test_a_read_only_folder_falls_back_to_the_temporary_directory(tmp_path, read_only):
    read_only(tmp_path)
    fallback = Path(tempfile.gettempdir()) / f"ocop-snapshots-{os.getuid()}"
    assert not writable.can_write(tmp_path / "missing")
    assert writable.writable_or_temp(tmp_path / ".snapshots", "ocop-snapshots") == fallback


def test_snapshots_and_store_default_to_temp_in_a_read_only_app_folder(tmp_path, monkeypatch, read_only):
    monkeypatch.setattr(snapshot, "DEFAULT_DIR", tmp_path / ".snapshots")
    monkeypatch.chdir(tmp_path)
    assert snapshot.snapshot_dir({}) == tmp_path / ".snapshots"
    assert store.store_path({}, {}) == Path(".store/ocop.duckdb")
    read_only(tmp_path)
    temp = Path(tempfile.gettempdir())
    assert snapshot.snapshot_dir({}) == temp / f"ocop-snapshots-{os.getuid()}"
    assert store.store_path({}, {}) == temp / f"ocop-store-{os.getuid()}" / "ocop.duckdb"
    # the variables still win
    assert snapshot.snapshot_dir({"OCOP_SNAPSHOT_DIR": "/srv/s"}) == Path("/srv/s")
    assert store.store_path({"OCOP_STORE": "/srv/o.duckdb"}, {}) == Path("/srv/o.duckdb")
