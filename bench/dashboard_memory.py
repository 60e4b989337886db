"""#6: resident memory of `streamlit run app.py` serving the demo, after start-up and after each
page is opened in headless Chromium (Playwright; /usr/bin/chromium), from /proc/PID/status."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.common import PAGES, ROOT, vm_status

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_app(page) -> None:
    """scripts/screenshots.py's wait, with a longer timeout and no settling pause."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import wait_for_app

    wait_for_app(page, timeout=60000, settle_ms=0)


def measure_dashboard(browser: bool = True) -> dict[str, Any]:
    """#6: `streamlit run app.py` on a free port; VmRSS after start-up and after each page."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items()
           if k not in ("OCOP_DATA", "GOOGLE_APPLICATION_CREDENTIALS", "OCOP_CACHE_TTL", "OCOP_SHEETS_API_ENDPOINT")}
    workdir = Path(tempfile.mkdtemp(prefix="bench-dashboard-"))
    env["OCOP_SNAPSHOT_DIR"] = str(workdir / "snapshots")
    log_path = workdir / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    out: dict[str, Any] = {"port": port, "log": str(log_path), "rss_mb": {}, "page_s": {}}
    with open(log_path, "w") as log:
        started = time.perf_counter()
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 90
            while True:
                if server.poll() is not None:
                    raise RuntimeError(f"streamlit exited ({server.returncode}); see {log_path}")
                try:
                    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not answer /_stcore/health; see {log_path}")
                time.sleep(0.2)
            out["startup_s"] = time.perf_counter() - started
            out["rss_mb"]["after start-up + /_stcore/health"] = vm_status(server.pid)["VmRSS"]
            out["browser"] = _browse(base, server.pid, out) if browser else "skipped (--no-browser)"
            status = vm_status(server.pid)
            out["final_rss_mb"], out["peak_rss_mb"] = status["VmRSS"], status["VmHWM"]
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return out


def _browse(base: str, pid: int, out: dict[str, Any]) -> str:
    if not Path(CHROMIUM).exists():
        return f"not run: {CHROMIUM} missing"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "not run: playwright not installed"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            for script in PAGES:
                name = Path(script).stem
                path = "" if script == PAGES[0] else name
                started = time.perf_counter()
                page.goto(f"{base}/{path}")
                _wait_for_app(page)
                out["page_s"][name] = time.perf_counter() - started
                time.sleep(0.3)  # let the server finish the run's bookkeeping
                out["rss_mb"][f"after {name}"] = vm_status(pid)["VmRSS"]
        finally:
            browser.close()
    return "chromium (playwright)"
