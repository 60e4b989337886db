"""What the browser tests share: sizes, opening a tab on the app, spotting error text."""
from __future__ import annotations

from pathlib import Path

from scripts.screenshots import wait_for_app

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "artefacts" / "browser"  # git-ignored

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def page_problems(page) -> list[str]:
    """Error or exception text on the page, and Streamlit's "Page not found" modal."""
    found = []
    exceptions = page.locator('[data-testid="stException"]')
    if exceptions.count():
        found.append(f"{exceptions.count()} stException element(s): {exceptions.first.inner_text()[:300]!r}")
    body = page.locator("body").inner_text()
    for text in ("Traceback", "Đã xảy ra lỗi không mong muốn", "An unexpected error occurred"):
        if text in body:
            found.append(f"text {text!r} on the page")
    dialogs = [t for t in page.locator('[role="dialog"]').all_inner_texts() if "Page not found" in t]
    if dialogs or "Page not found" in body:
        found.append(f"'Page not found' modal: {(dialogs or [''])[0][:200]!r}")
    return found


def open_tab(context, base: str, path: str, viewport: dict, wait: bool = True):
    """A new tab (a new Streamlit session) on `path`. wait=False returns as soon as the request
    is sent, so several sessions render side by side; call wait_for_app(page) before use."""
    page = context.new_page()
    page.set_viewport_size(viewport)
    page.goto(f"{base}/{path.lstrip('/')}", wait_until="load" if wait else "commit")
    if wait:
        wait_for_app(page)
    return page
