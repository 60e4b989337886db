"""What the browser tests share: a running app, sizes, opening a tab on the app, spotting error text."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from scripts.screenshots import wait_for_app

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "artefacts" / "browser"  # git-ignored

STARTUP_SECONDS = 60
# Variables that would point the app at another data source or change its caching.
SOURCE_VARIABLES = ("OCOP_DATA", "GOOGLE_APPLICATION_CREDENTIALS", "OCOP_CACHE_TTL", "OCOP_RETRY_BUDGET")

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


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _log_tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)  # streamlit and anything it started
        except ProcessLookupError:
            return
        try:
            process.wait(grace)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def serve_app(work: Path, data: Path | None = None) -> Iterator[str]:
    """Base URL of a fresh `streamlit run app.py` from the repository root on a free port, reading
    `data` (OCOP_DATA) or, without it, the demo workbook; snapshots in `work`. Stopped with its whole
    process group on exit."""
    env = {k: v for k, v in os.environ.items() if k not in SOURCE_VARIABLES}
    env.update(OCOP_SNAPSHOT_DIR=str(work / "snapshots"), PYTHONUNBUFFERED="1")
    if data is not None:
        env["OCOP_DATA"] = str(data)
    port = _free_port()
    log = work / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.headless", "true",
               # Other people edit files while the suite runs: no "source changed" prompt mid-test.
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"streamlit exited with code {process.returncode} before it was healthy:\n"
                            f"{_log_tail(log)}", pytrace=False)
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit not healthy at {base}/_stcore/health after {STARTUP_SECONDS} s:\n"
                            f"{_log_tail(log)}", pytrace=False)
            time.sleep(0.2)
        yield base
    finally:
        _stop(process)
