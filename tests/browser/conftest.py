"""Real-browser fixtures: one `streamlit run app.py` and one Debian Chromium per test session.

The server starts from the repository root on a free port with a clean data source (no
OCOP_DATA: the demo workbook; snapshots in a temporary directory) and is stopped with its
whole process group at the end. Chromium is Debian's /usr/bin/chromium driven by Playwright,
launched as scripts/screenshots.py does; `make test` installs it (target browser-deps).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.screenshots import CHROMIUM, CHROMIUM_ARGS
from tests.browser.support import DESKTOP, open_tab, page_problems, serve_app

FIRST_PATH = "outreach?year=2023"  # a non-root page is the very first thing the server is asked for


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives the running dashboard in Debian's Chromium (needs /usr/bin/chromium)")


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> str:
    """Base URL of a fresh `streamlit run app.py` (demo workbook), stopped at the end of the session."""
    with serve_app(tmp_path_factory.mktemp("streamlit")) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Missing Chromium is a failure, never a skip."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: the browser tests need Debian's Chromium. Install it with "
                    "`sudo apt-get install -y chromium fonts-noto-core` (or run `make test` as root, "
                    "which does it). Never `playwright install`.", pytrace=False)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def browser_context(browser):
    """One context for the session, so Streamlit's static files are fetched once. Every page
    opened in it is still its own Streamlit session (its own websocket and session state)."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    yield context
    context.close()


@pytest.fixture(scope="session")
def first_load(browser_context, app_url) -> dict:
    """The server's very first page view, a non-root page, before any other test touches the server.

    Every page fixture depends on this one, so whatever test runs first (-k, random order),
    this load comes first."""
    page = open_tab(browser_context, app_url, FIRST_PATH, DESKTOP)
    try:
        return {"path": FIRST_PATH, "url": page.url, "problems": page_problems(page),
                "title": page.locator('[data-testid="stMain"] h1').first.inner_text()}
    finally:
        page.close()


@pytest.fixture
def open_page(app_url, browser_context, first_load):
    """open_page(path, viewport=DESKTOP, wait=True) -> a Playwright page on that path, the app fully
    rendered (unless wait=False). Each call is a new tab, i.e. a new Streamlit session; all are
    closed after the test."""
    pages = []

    def _open_page(path: str, viewport: dict = DESKTOP, wait: bool = True):
        pages.append(open_tab(browser_context, app_url, path, viewport, wait))
        return pages[-1]

    yield _open_page
    for page in pages:
        page.close()
