"""The Báo cáo page: the report's tables previewed for the chosen year, and a download."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def report_page(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/report.py").run()
    assert not at.exception
    return at


def test_report_page_previews_the_tables_of_the_year(clean_app_env):
    at = report_page(year="2023")
    assert "Phòng Kinh tế thành phố Châu Đốc" in at.markdown[0].value.replace("\\", "")
    indicators = at.dataframe[0].value
    assert len(indicators) == 9
    assert at.get("download_button")
    other = report_page(year="2024").dataframe[0].value
    assert not indicators.equals(other)


def test_report_page_in_english(clean_app_env):
    at = report_page(year="2023", lang="en")
    assert at.title[0].value.startswith("OCOP report 2023")
