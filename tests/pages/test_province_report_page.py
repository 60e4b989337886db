"""The Báo cáo tỉnh page (province mode): the year in use and a download whose data opens as the workbook."""
from __future__ import annotations

import io

import openpyxl
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.province_support import make_demo_province


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return make_demo_province(tmp_path_factory.mktemp("province"))


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """What the page hands to st.download_button, by media file id (AppTest's media storage is dropped
    after each run, so it is recorded on the way in)."""
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        if isinstance(path_or_data, bytes):
            files[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return files


def report_page(province, monkeypatch, **params: str) -> AppTest:
    for name, value in province.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("OCOP_CACHE_TTL", "86400")  # the store is fresh: no background sync during the test
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/province_report.py").run()
    assert not at.exception
    return at


def workbook(at: AppTest, downloads: dict[str, bytes]) -> openpyxl.Workbook:
    """The workbook behind the page's download button."""
    url = at.get("download_button")[0].proto.url
    return openpyxl.load_workbook(io.BytesIO(next(data for file_id, data in downloads.items() if file_id in url)))


def test_the_page_offers_the_province_report(clean_app_env, monkeypatch, province, downloads):
    at = report_page(province, monkeypatch)
    year = at.title[0].value.rsplit(" ", 1)[-1]
    assert at.title[0].value == f"Báo cáo toàn tỉnh năm {year}"
    assert any(f"**{year}**" in m.value for m in at.markdown)
    buttons = at.get("download_button")  # the Excel report, then the Word one (tests/pages/test_report_docx_pages.py)
    assert [b.proto.label for b in buttons][0] == "Tải báo cáo Excel toàn tỉnh" and len(buttons) == 2
    wb = workbook(at, downloads)
    assert wb.sheetnames == ["Bìa", "Chỉ tiêu theo đơn vị", "Đơn vị chậm tiến độ", "Đơn vị chưa cập nhật"]
    assert wb["Bìa"]["A1"].value.endswith(f"NĂM {year}")


def test_the_page_in_english(clean_app_env, monkeypatch, province, downloads):
    at = report_page(province, monkeypatch, lang="en")
    assert at.title[0].value.startswith("Province report ")
    assert workbook(at, downloads).sheetnames[0] == "Cover"
