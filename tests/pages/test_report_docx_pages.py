"""The Word report's buttons (Decree 30/2020): on Báo cáo and on Báo cáo tỉnh, the data behind the button opens
with python-docx as the report of the chosen year."""
from __future__ import annotations

import io

import pytest
from docx import Document
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.province_support import make_demo_province


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """What the page hands to st.download_button, by media file id (AppTest drops its media after each run)."""
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        if isinstance(path_or_data, bytes):
            files[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return files


def word_file(at: AppTest, downloads: dict[str, bytes], label: str):
    button = next(b for b in at.get("download_button") if b.proto.label == label)
    assert button.proto.url.endswith(".docx")
    return Document(io.BytesIO(next(data for file_id, data in downloads.items() if file_id in button.proto.url)))


def page(path: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(path).run()
    assert not at.exception
    return at


def test_the_report_page_offers_the_word_report(clean_app_env, downloads):
    at = page("pages/report.py", year="2023")
    doc = word_file(at, downloads, "Tải báo cáo Word (Nghị định 30)")
    assert [p.text for p in doc.paragraphs][:2] == ["BÁO CÁO", "Kết quả thực hiện Kế hoạch số 42/KH-UBND năm 2023"]
    assert doc.tables[1].rows[6].cells[4].text == "4.086"
    assert "DỮ LIỆU MẪU" in doc.sections[0].first_page_header.paragraphs[0].text  # the bundled sample data


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return make_demo_province(tmp_path_factory.mktemp("province"))


def test_the_province_report_page_offers_the_word_report(clean_app_env, monkeypatch, province, downloads):
    for name, value in province.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("OCOP_CACHE_TTL", "86400")  # the store is fresh: no background sync during the test
    at = page("pages/province_report.py")
    year = at.title[0].value.rsplit(" ", 1)[-1]
    doc = word_file(at, downloads, "Tải báo cáo Word toàn tỉnh (Nghị định 30)")
    assert doc.paragraphs[1].text.endswith(f"toàn tỉnh năm {year}")
    assert doc.tables[0].rows[0].cells[1].text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
