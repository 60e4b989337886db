"""Screenshots of the running dashboard in headless Chromium, for a person to look at.

    python scripts/screenshots.py [--base http://localhost:8501] [--out artefacts/screens]

Takes each page (and any extra query strings) at 1366x768 and 390x844.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"desktop": (1366, 768), "phone": (390, 844), "projector": (1920, 1080)}
PAGES = ["", "products", "outreach", "training", "data_quality"]


def wait_for_app(page, timeout: int = 30000, settle_ms: int = 800) -> None:
    """Streamlit renders after the websocket run: wait until the run ends, the skeletons are
    gone and every Plotly chart has drawn."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
              && !document.querySelector('[data-testid="stSkeleton"]')
              && document.querySelector('[data-testid="stMainBlockContainer"]')?.innerText.length > 0""",
        timeout=timeout)
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
              .every(c => c.querySelector('.main-svg'))""", timeout=timeout)
    if settle_ms:
        page.wait_for_timeout(settle_ms)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8501")
    parser.add_argument("--out", default="artefacts/screens")
    parser.add_argument("--pages", nargs="*", default=PAGES, help="url paths, may carry ?query")
    parser.add_argument("--full", action="store_true", help="whole page, not just the viewport")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size_name, (width, height) in SIZES.items():
            height_default = height
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in args.pages:
                page.goto(f"{args.base}/{path}")
                wait_for_app(page)
                name = path.replace("/", "_").replace("?", "__").replace("&", "_").replace("=", "-")
                target = out / f"{name or 'root'}-{size_name}.png"
                if args.full:  # Streamlit scrolls inside its own container: grow the window instead
                    height = page.evaluate(
                        "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
                    page.set_viewport_size({"width": width, "height": max(height, 400)})
                    page.wait_for_timeout(800)
                page.screenshot(path=str(target))
                page.set_viewport_size({"width": width, "height": height_default})
                print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
