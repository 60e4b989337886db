"""The Docker test's helpers that need no Docker: the mirror debootstrap uses, and failing (never skipping)
when Docker cannot be had."""
from __future__ import annotations

import pytest

from tests.docker import docker_support as ds


def _sources(tmp_path, files: dict[str, str]):
    folder = tmp_path / "etc" / "apt" / "sources.list.d"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (tmp_path / "etc" / "apt" / name).write_text(text)
    return tmp_path


def test_the_mirror_is_read_from_deb822_sources(tmp_path):
    root = _sources(tmp_path, {"sources.list.d/debian.sources": (
        "Types: deb\nURIs: http://mirror.example/debian-security\nSuites: bookworm-security\nComponents: main\n\n"
        "Types: deb\nURIs: http://mirror.example/debian/\nSuites: bookworm bookworm-updates\nComponents: main\n")})
    assert ds.apt_mirror(root) == "http://mirror.example/debian"


def test_the_mirror_is_read_from_a_one_line_sources_list(tmp_path):
    root = _sources(tmp_path, {"sources.list": (
        "# deb http://old.example/debian bookworm main\n"
        "deb [signed-by=/k.gpg] http://one.example/debian bookworm main\n"),
        "sources.list.d/other.list.disabled": "deb http://no.example/debian bookworm main\n"})
    assert ds.apt_mirror(root) == "http://one.example/debian"


def test_no_sources_gives_debian_s_own_mirror(tmp_path):
    assert ds.apt_mirror(_sources(tmp_path, {})) == ds.FALLBACK_MIRROR


def test_without_root_and_without_a_daemon_it_fails_and_says_what_is_missing(monkeypatch):
    monkeypatch.setattr(ds, "_answers", lambda: False)
    monkeypatch.setattr(ds.os, "geteuid", lambda: 1000)
    with pytest.raises(ds.DockerUnavailable, match="not root.*OCOP_SKIP_DOCKER=1"):
        with ds.daemon():
            pass
