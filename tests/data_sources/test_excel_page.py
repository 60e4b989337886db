"""The page shows a hostile workbook's SourceError message (app.py, pages/ui/widgets.source_error_message),
the same one the command line prints: no traceback, no exception."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from bench import hostile_files
from tests.conftest import ROOT


@pytest.mark.parametrize(("make", "message"), [
    ("encrypted_member", "được đặt mật khẩu hoặc mã hoá"),
    ("formula_without_value", "ô B2: công thức chưa có giá trị đã tính"),
    ("corrupt_deflate", "không phải bảng tính Excel (.xlsx) hợp lệ"),
])
def test_the_page_shows_the_message(clean_app_env, monkeypatch, tmp_path, make, message):
    monkeypatch.setenv("OCOP_DATA", str(getattr(hostile_files, make)(tmp_path)))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    shown = " ".join(str(e.value) for kind in ("error", "warning", "info", "markdown") for e in getattr(at, kind))
    assert message in shown.replace("\\", "").replace("\u2060", "")  # the page escapes Markdown
