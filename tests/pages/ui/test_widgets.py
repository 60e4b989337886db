"""pages/ui/widgets.py, the parts that need no running page: sheet text made inert, and a
source error in words (the same words for the error page and the fallback banner)."""
from __future__ import annotations

from data_sources import SourceError
from pages.ui.widgets import md, source_error_message, source_error_text


def test_sheet_text_cannot_make_links_html_or_formatting() -> None:
    assert md("[x](a) <b>*y*</b>") == r"\[x\]\(a\) \<b\>\*y\*\</b\>"
    assert md(12.5) == r"12\.5"


def test_bare_urls_and_emails_cannot_be_auto_linked() -> None:
    """GFM links `https://…`, `www.…` and `a@b.c` even when escaped; a word joiner breaks each pattern,
    and reading the text back (joiners removed, escapes resolved) gives what the cell holds."""
    cell = "https://evil.example/x www.evil.example WWW.evil.example a@evil.example mailto:a :red[x]"
    shown = md(cell)
    for pattern in ("://", "www.", "WWW.", "a@", ":red"):
        assert pattern not in shown.replace("\\", ""), pattern
    assert shown.replace("\u2060", "").replace("\\", "") == cell


def test_a_source_error_reads_the_same_from_the_error_or_from_its_code() -> None:
    error = SourceError("file_missing", path="ward.xlsx")
    text = source_error_message(error, "vi")
    assert text == source_error_text("file_missing", {"path": "ward.xlsx"}, "vi")
    assert "Không tìm thấy tệp dữ liệu" in text and "ward.xlsx" in text


def test_a_download_is_built_for_the_selection_shown(clean_app_env) -> None:
    """The Data page's issue filters narrow the table: its downloads must follow, not serve the
    first selection from the cache (the download's URL is named after the file's content hash)."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    def csv_url(at: AppTest) -> str:
        return next(b.proto.url for b in at.get("download_button") if b.proto.url.endswith(".csv"))

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["year"] = "2023"
    at.run()
    at.switch_page("pages/data_quality.py").run()
    everything = csv_url(at)
    tabs = at.multiselect[0]
    tabs.set_value([tabs.options[0]]).run()
    assert not at.exception
    one_tab = csv_url(at)
    assert one_tab != everything
    tabs.set_value([]).run()
    assert csv_url(at) == everything
