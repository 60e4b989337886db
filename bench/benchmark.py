"""Performance benchmark of the dashboard: requests, page runs, scale, memory.

    .venv/bin/python bench/benchmark.py            # everything, a few minutes on 2 cores
    .venv/bin/python bench/benchmark.py --quick    # without the 2x country scale
    .venv/bin/python bench/benchmark.py --sections 4,5 --label after --out bench/results/after.json

Prints one table per figure and writes them all as JSON (default bench/results/benchmark.json,
git-ignored; the path is printed at the end).

 #1  Sheets requests per load of an 8-tab workbook, through the app's read path
     (data_sources.resilient.load_with_fallback -> read_google_sheet), against the local fake
     Sheets API (tests/fakes/sheets_api.py) with the real gspread client and google-auth.
 #2  20 threads calling load_with_fallback at once on a cold cache, the fake answering every
     request after a small latency: requests in total (single flight).
 #3  the same load as a one-request-per-tab connector does it (metadata, then one values.get per
     tab, through the same gspread client), beside #1 as a ratio.
 #4  each page's script run through the frame on the demo workbook with AppTest, cold (first run of
     a fresh AppTest, Streamlit cache and single flight cleared) and warm (a rerun), median ms,
     and the ratio to bench/trivial_app.py timed the same way in the same rounds.
 #5  normalise (pandera bounds validation included) + years + every indicator for each target
     year, on synthetic workbooks (bench/synthetic.py) of ward, province, country and 2x country
     scale, each scale in its own subprocess: median wall time, CPU time, peak RSS (ru_maxrss).
 #6  resident memory of `streamlit run app.py` serving the demo, after start-up and after each
     page is opened in headless Chromium (Playwright; /usr/bin/chromium), from /proc/PID/status.

The machine is shared and noisy: every time is a median, and each is quoted beside a baseline
measured in the same run (#4: the trivial page; #5: a fixed calibration workload and the
previous scale). No timing is asserted anywhere in the tests.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synthetic import SCALES, workbook  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "benchmark.json"
TRIVIAL = ROOT / "bench" / "trivial_app.py"
APP = ROOT / "app.py"
PAGES = ["pages/overview.py", "pages/products.py", "pages/outreach.py", "pages/training.py",
         "pages/data_quality.py"]
KEY = "1BenchRequestsKey000000000000000000000000000"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Runs of #5 per scale: fewer where one run takes seconds.
REPEATS = {"ward": 15, "province": 7, "country": 5, "2x country": 3}
# The analysis files this benchmark's fixes may touch: the JSON says when they differ from the commit.
TUNED = ("analysis/workbook/normalise.py", "analysis/workbook/cells.py", "analysis/metrics/indicators.py", "analysis/workbook/schema.py")
TARGET_COUNTRY_S, TARGET_COUNTRY_MB, TARGET_GROWTH, TARGET_WARM_RATIO = 3.0, 2048, 2.2, 3.0


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def vm_status(pid: int | str = "self") -> dict[str, float]:
    """VmRSS and VmHWM (peak) of a process, in MB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            name, value = line.split(":", 1)
            out[name] = int(value.split()[0]) / 1024
    return out


def _quiet_streamlit() -> None:
    """No "No runtime found" warnings: clearing the cache outside a server is expected here."""
    os.environ["STREAMLIT_LOGGER_LEVEL"] = "error"  # read when AppTest loads Streamlit's config
    from streamlit import logger

    logger.set_log_level("error")


# ============================================================================ #1 #2 #3 requests


def _fake(latency: float = 0.0):
    """The test suite's fake Sheets API, answering each request after `latency` seconds."""
    from tests.fakes.sheets_api import FakeSheetsAPI

    class SlowFake(FakeSheetsAPI):
        def _handle(self, handler: Any) -> None:
            if latency:
                time.sleep(latency)
            super()._handle(handler)

    return SlowFake()


def _kinds(api) -> dict[str, int]:
    return {k: api.count(k) for k in ("metadata", "batchGet", "values", "token") if api.count(k)}


def measure_requests(seed: int, loads: int = 3) -> dict[str, Any]:
    """#1 and #3: Sheets requests per load, the app's way and one request per tab."""
    from data_sources import SourceConfig
    from data_sources.google_sheets import (
        BATCH_GET_PARAMS,
        ENDPOINT_ENV,
        _make_client,
        _make_credentials,
        _parse_metadata,
        _quote_title,
    )
    from data_sources.resilient import load_with_fallback, reset_single_flight

    tabs = workbook(SCALES["ward"], seed, info=False)  # the 8 required tabs
    with _fake() as api, tempfile.TemporaryDirectory() as snapshots:
        os.environ[ENDPOINT_ENV] = api.endpoint
        api.add_spreadsheet(KEY, tabs)
        info = api.service_account_info()
        config, secrets = SourceConfig("gsheet", KEY), {"gcp_service_account": info}
        env = {"OCOP_SNAPSHOT_DIR": snapshots}

        # #1: the app's read path, `loads` loads one after the other
        reset_single_flight()
        api.clear_requests()
        for _ in range(loads):
            result = load_with_fallback(config, env, secrets, Path(snapshots))
            assert not result.fallback and list(result.raw.tabs) == list(tabs)
        app_way = {"tabs": len(tabs), "loads": loads, "sheets_requests": len(api.sheets_requests()),
                   "token_requests": api.count("token"), "by_kind": _kinds(api)}
        batch_tabs = result.raw.tabs

        # #3: the same load, metadata then one values.get per tab, through the same gspread client
        api.clear_requests()
        for _ in range(loads):
            client = _make_client(_make_credentials(info), 8.0)
            http = client.http_client
            _, titles = _parse_metadata(http.fetch_sheet_metadata(KEY))
            per_tab = {t: http.values_get(KEY, _quote_title(t), params=dict(BATCH_GET_PARAMS)).get("values", [])
                       for t in titles}
            assert per_tab == batch_tabs, "the per-tab read must give the same cells"
        per_tab_way = {"tabs": len(tabs), "loads": loads, "sheets_requests": len(api.sheets_requests()),
                       "token_requests": api.count("token"), "by_kind": _kinds(api)}

        # #3b: gspread's everyday idiom: open_by_key, worksheets(), get_all_values() per tab
        api.clear_requests()
        client = _make_client(_make_credentials(info), 8.0)
        sheet = client.open_by_key(KEY)
        for worksheet in sheet.worksheets():
            worksheet.get_all_values()
        idiom = {"tabs": len(tabs), "loads": 1, "sheets_requests": len(api.sheets_requests()),
                 "token_requests": api.count("token"), "by_kind": _kinds(api)}
        os.environ.pop(ENDPOINT_ENV, None)
    for figure in (app_way, per_tab_way, idiom):
        figure["per_load"] = figure["sheets_requests"] / figure["loads"]
        figure["tokens_per_load"] = figure["token_requests"] / figure["loads"]
    return {"app": app_way, "per_tab": per_tab_way, "gspread_idiom": idiom,
            "ratio_per_tab_to_app": per_tab_way["per_load"] / app_way["per_load"]}


def measure_concurrent(seed: int, sessions: int = 20, latency: float = 0.1) -> dict[str, Any]:
    """#2: `sessions` threads call load_with_fallback at once on a cold cache."""
    from data_sources import SourceConfig
    from data_sources.google_sheets import ENDPOINT_ENV
    from data_sources.resilient import load_with_fallback, reset_single_flight

    tabs = workbook(SCALES["ward"], seed, info=False)
    with _fake(latency) as api, tempfile.TemporaryDirectory() as snapshots:
        os.environ[ENDPOINT_ENV] = api.endpoint
        api.add_spreadsheet(KEY, tabs)
        info = api.service_account_info()
        config, secrets = SourceConfig("gsheet", KEY), {"gcp_service_account": info}
        env = {"OCOP_SNAPSHOT_DIR": snapshots}
        reset_single_flight()
        api.clear_requests()
        barrier = threading.Barrier(sessions)
        results: list[Any] = [None] * sessions
        waits: list[float] = [0.0] * sessions

        def session(i: int) -> None:
            barrier.wait()
            started = time.perf_counter()
            try:
                results[i] = load_with_fallback(config, env, secrets, Path(snapshots))
            except Exception as error:  # recorded, shown in the table
                results[i] = error
            waits[i] = time.perf_counter() - started

        threads = [threading.Thread(target=session, args=(i,)) for i in range(sessions)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        served = [r for r in results if not isinstance(r, Exception)]
        same = all(r.raw.tabs == served[0].raw.tabs for r in served) if served else False
        figure = {"sessions": sessions, "latency_s": latency, "served": len(served),
                  "errors": [repr(r) for r in results if isinstance(r, Exception)],
                  "same_workbook": same, "distinct_results": len({id(r) for r in served}),
                  "sheets_requests": len(api.sheets_requests()), "token_requests": api.count("token"),
                  "by_kind": _kinds(api), "wall_s": wall, "median_wait_s": median(waits)}
        os.environ.pop(ENDPOINT_ENV, None)
    reset_single_flight()
    return figure


# ============================================================================ #4 page runs


def measure_pages(rounds: int, warm_per_round: int) -> dict[str, Any]:
    """#4: cold and warm AppTest runs of each page and of the trivial page, interleaved in rounds
    so a noisy spell hits them all alike. Round 0 is a warm-up (imports) and is discarded."""
    _quiet_streamlit()
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from data_sources.resilient import reset_single_flight

    for name in ("OCOP_DATA", "GOOGLE_APPLICATION_CREDENTIALS", "OCOP_CACHE_TTL"):
        os.environ.pop(name, None)
    snapshots = tempfile.mkdtemp(prefix="bench-snapshots-")
    os.environ["OCOP_SNAPSHOT_DIR"] = snapshots
    os.chdir(ROOT)
    targets = [("trivial", TRIVIAL, None)] + [(Path(p).stem, APP, p) for p in PAGES]
    samples = {name: {"cold": [], "warm": [], "cold_cpu": [], "warm_cpu": []} for name, _, _ in targets}
    titles: dict[str, str] = {}

    def timed(at: AppTest) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        at.run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if at.exception:
            raise RuntimeError(f"{at.exception[0].message}")
        return wall, cpu

    for round_ in range(rounds + 1):
        for name, script, page in targets:
            _quiet_streamlit()  # AppTest re-applies logger.level from the config on each new test
            st.cache_data.clear()
            st.cache_resource.clear()  # the dataset and the built views are cache_resource
            reset_single_flight()
            at = AppTest.from_file(str(script), default_timeout=120)
            if page and page != PAGES[0]:
                at.switch_page(page)  # before the first run: the page's own file name, as a link opens it
            cold = timed(at)
            warm = [timed(at) for _ in range(warm_per_round)]
            if round_ == 0:
                titles[name] = at.title[0].value if len(at.title) else (at.markdown[0].value if len(at.markdown)
                                                                        else "")
                continue
            samples[name]["cold"].append(cold[0])
            samples[name]["cold_cpu"].append(cold[1])
            samples[name]["warm"].extend(w[0] for w in warm)
            samples[name]["warm_cpu"].extend(w[1] for w in warm)
    base = samples["trivial"]
    out: dict[str, Any] = {"rounds": rounds, "warm_per_round": warm_per_round, "pages": {}}
    for name, _, page in targets:
        s = samples[name]
        out["pages"][name] = {
            "script": page or str(TRIVIAL.relative_to(ROOT)), "title": titles.get(name, ""),
            "cold_ms": 1000 * median(s["cold"]), "warm_ms": 1000 * median(s["warm"]),
            "cold_cpu_ms": 1000 * median(s["cold_cpu"]), "warm_cpu_ms": 1000 * median(s["warm_cpu"]),
            "cold_ratio": median(s["cold"]) / median(base["cold"]),
            "warm_ratio": median(s["warm"]) / median(base["warm"]),
            "cold_samples_ms": [round(1000 * v, 2) for v in s["cold"]],
            "warm_samples_ms": [round(1000 * v, 2) for v in s["warm"]],
        }
    return out


# ============================================================================ #5 scale


def _calibrate() -> float:
    """A fixed mixed Python/pandas workload (seconds, median of 3): the noise yardstick of #5."""
    import numpy as np
    import pandas as pd

    times = []
    for _ in range(3):
        started = time.perf_counter()
        words = [f"w{i % 997}" for i in range(300_000)]
        pd.Series(words).factorize()
        sorted(range(300_000), key=lambda i: -i)
        pd.DataFrame({"a": np.arange(300_000) % 101, "b": 1.0}).groupby("a")["b"].sum()
        times.append(time.perf_counter() - started)
    return median(times)


def scale_worker(scale: str, repeats: int, seed: int) -> dict[str, Any]:
    """One scale, in a process of its own (run as `benchmark.py --worker SCALE`)."""
    from analysis.metrics.indicators import indicators, years
    from analysis.metrics.scope import Filters
    from analysis.workbook.normalise import normalise

    counts = SCALES[scale]
    started = time.perf_counter()
    tabs = workbook(counts, seed)
    build_s = time.perf_counter() - started
    gc.collect()
    input_mb = vm_status()["VmRSS"]
    calibration = _calibrate()
    runs = []
    for _ in range(repeats):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        ds = normalise(tabs)
        mid = time.perf_counter()
        found_years = years(ds)
        tables = [indicators(ds, Filters(year)) for year in counts.years]
        runs.append({"total_s": time.perf_counter() - wall, "normalise_s": mid - wall,
                     "indicators_s": time.perf_counter() - mid, "cpu_s": time.process_time() - cpu})
        summary = {"issues": len(ds.issues), "accepted": sum(a.accepted for a in ds.accounting.values()),
                   "rejected": sum(a.rejected for a in ds.accounting.values()), "years": found_years,
                   "indicator_rows": sum(len(t) for t in tables)}
        del ds, tables
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"scale": scale, "rows": counts.rows, "repeats": repeats, "build_s": build_s, "input_rss_mb": input_mb,
            "peak_rss_mb": peak_mb, "calibration_s": calibration, "runs": runs,
            "median_s": median([r["total_s"] for r in runs]),
            "median_normalise_s": median([r["normalise_s"] for r in runs]),
            "median_indicators_s": median([r["indicators_s"] for r in runs]),
            "median_cpu_s": median([r["cpu_s"] for r in runs]), **summary}


def measure_scales(scales: list[str], seed: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    previous = None
    for scale in scales:
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", scale,
                   "--repeats", str(REPEATS[scale]), "--seed", str(seed)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"scale {scale} failed:\n{done.stderr[-3000:]}")
        figure = json.loads(done.stdout.strip().splitlines()[-1])
        figure["per_calibration"] = figure["median_s"] / figure["calibration_s"]
        if previous is not None:
            figure["growth_from"] = previous["scale"]
            figure["growth"] = figure["median_s"] / previous["median_s"]
            figure["growth_cpu"] = figure["median_cpu_s"] / previous["median_cpu_s"]
            figure["rows_growth"] = figure["rows"] / previous["rows"]
        out[scale] = figure
        previous = figure
        print(f"  #5 {scale}: {figure['median_s']:.3f} s, peak {figure['peak_rss_mb']:.0f} MB", flush=True)
    return out


# ============================================================================ #6 server memory


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


# ============================================================================ report


def _ok(passed: bool | None) -> str:
    return "—" if passed is None else ("ok" if passed else "MISSED")


def report(results: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    add = lines.append
    summary: list[dict[str, Any]] = []
    req = results.get("requests")
    if req:
        a, p, g = req["app"], req["per_tab"], req["gspread_idiom"]
        summary.append({"n": 1, "what": f"Sheets requests per load, {a['tabs']}-tab workbook (app's read path)",
                        "figure": f"{a['per_load']:g} ({_by(a, a['loads'])}) + {a['tokens_per_load']:g} token",
                        "target": "≤ 2", "ok": a["per_load"] <= 2})
        summary.append({"n": 3, "what": "same load, one values.get per tab (same gspread client)",
                        "figure": f"{p['per_load']:g} ({_by(p, p['loads'])}) + {p['tokens_per_load']:g} token "
                                  f"= {req['ratio_per_tab_to_app']:.1f}× #1; gspread open_by_key+worksheets+"
                                  f"get_all_values: {g['per_load']:g}",
                        "target": "comparison", "ok": None})
    con = results.get("concurrent")
    if con:
        summary.append({"n": 2, "what": f"{con['sessions']} concurrent cold sessions, "
                                        f"{con['latency_s'] * 1000:.0f} ms latency per request",
                        "figure": f"{con['sheets_requests']} Sheets ({_by(con, 1)}) + {con['token_requests']} token "
                                  f"in total; {con['served']}/{con['sessions']} served, "
                                  f"{con['distinct_results']} distinct result, {con['wall_s']:.2f} s",
                        "target": "≤ 2", "ok": con["sheets_requests"] <= 2 and con["served"] == con["sessions"]})
    pages = results.get("pages")
    if pages:
        worst = max((v["warm_ratio"] for k, v in pages["pages"].items() if k != "trivial"), default=float("nan"))
        summary.append({"n": 4, "what": "page script runs, demo data (AppTest)",
                        "figure": f"warm ≤ {worst:.1f}× trivial (table #4)", "target": "warm ≤ 3× trivial",
                        "ok": worst <= TARGET_WARM_RATIO})
    scales = results.get("scales")
    if scales:
        country, double = scales.get("country"), scales.get("2x country")
        if country:
            summary.append({"n": 5, "what": "country: normalise + validate + indicators",
                            "figure": f"{country['median_s']:.2f} s, peak {country['peak_rss_mb']:.0f} MB",
                            "target": "≤ 3 s, ≤ 2 GB",
                            "ok": country["median_s"] <= TARGET_COUNTRY_S
                            and country["peak_rss_mb"] <= TARGET_COUNTRY_MB})
        if double:
            summary.append({"n": 5, "what": "growth country → 2× country",
                            "figure": f"{double['growth']:.2f}× (CPU {double['growth_cpu']:.2f}×)",
                            "target": "≤ 2.2×", "ok": double["growth"] <= TARGET_GROWTH})
    dash = results.get("dashboard")
    if dash:
        summary.append({"n": 6, "what": "streamlit run app.py serving the demo (VmRSS)",
                        "figure": f"{dash['final_rss_mb']:.0f} MB after all pages, peak {dash['peak_rss_mb']:.0f} MB",
                        "target": "—", "ok": None})
    results["summary"] = sorted(summary, key=lambda r: r["n"])

    add(f"OCOP benchmark — {results['meta']['label']} — {results['meta']['when']} — commit {results['meta']['commit']}")
    add("")
    add(_table(["#", "what", "figure", "target", "result"],
               [[r["n"], r["what"], r["figure"], r["target"], _ok(r["ok"])] for r in results["summary"]]))
    if pages:
        add("")
        add(f"#4 page runs (AppTest, demo workbook): median of {pages['rounds']} cold runs and "
            f"{pages['rounds'] * pages['warm_per_round']} warm reruns, interleaved; ratio to the trivial page")
        rows = [[name, f"{v['cold_ms']:.1f}", f"{v['warm_ms']:.1f}", f"{v['cold_ratio']:.1f}×",
                 f"{v['warm_ratio']:.1f}×", f"{v['warm_cpu_ms']:.1f}",
                 "" if name == "trivial" else _ok(v["warm_ratio"] <= TARGET_WARM_RATIO)]
                for name, v in pages["pages"].items()]
        add(_table(["page", "cold ms", "warm ms", "cold ×triv", "warm ×triv", "warm CPU ms", "warm ≤ 3×"], rows))
    if scales:
        add("")
        add("#5 normalise + validate + indicators (each scale in its own process; wall medians)")
        rows = []
        for name, v in scales.items():
            rows.append([name, f"{v['rows']:,}", v["repeats"], f"{v['median_s']:.3f}",
                         f"{v['median_normalise_s']:.3f}", f"{v['median_indicators_s']:.3f}",
                         f"{v['median_cpu_s']:.3f}", f"{v['per_calibration']:.1f}", f"{v['input_rss_mb']:.0f}",
                         f"{v['peak_rss_mb']:.0f}", f"{v['issues']:,}",
                         f"{v['growth']:.2f}× (rows {v['rows_growth']:.1f}×)" if "growth" in v else ""])
        add(_table(["scale", "rows", "runs", "median s", "normalise", "indicators", "CPU s", "×calib",
                    "input MB", "peak MB", "issues", "growth"], rows))
        calib = ", ".join(f"{k} {v['calibration_s'] * 1000:.0f}" for k, v in scales.items())
        add(f"   calibration workload (ms, same processes): {calib}")
    if dash:
        add("")
        add(f"#6 dashboard memory (streamlit run app.py, port {dash['port']}; pages opened by {dash['browser']})")
        rows = [[k, f"{v:.0f}"] for k, v in dash["rss_mb"].items()]
        rows.append(["peak (VmHWM)", f"{dash['peak_rss_mb']:.0f}"])
        add(_table(["moment", "VmRSS MB"], rows))
        if dash["page_s"]:
            add("   time to render in the browser (s): " + ", ".join(f"{k} {v:.2f}" for k, v in dash["page_s"].items()))
    return lines


def _by(figure: dict[str, Any], loads: int) -> str:
    return " + ".join(f"{v // loads if k != 'token' else v} {k}" for k, v in figure["by_kind"].items() if k != "token")


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    fmt = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([fmt(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [fmt(r) for r in cells[1:]])


def _meta(args: argparse.Namespace) -> dict[str, Any]:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                check=False).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", *TUNED], cwd=ROOT, capture_output=True,
                               text=True, check=False).stdout.strip()
    except OSError:
        commit, dirty = "?", ""
    return {"label": args.label, "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "commit": commit + (" + uncommitted changes to " + ", ".join(l.split()[-1] for l in dirty.splitlines())
                                if dirty else ""), "python": platform.python_version(),
            "cpus": os.cpu_count(), "machine": platform.machine(), "seed": args.seed, "quick": args.quick,
            "loadavg": os.getloadavg()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 2x country scale of #5")
    parser.add_argument("--sections", default="1,2,3,4,5,6", help="comma-separated figures to run (#3 runs with #1)")
    parser.add_argument("--rounds", type=int, default=7, help="#4: cold runs per page (plus one warm-up)")
    parser.add_argument("--warm", type=int, default=3, help="#4: warm reruns per round")
    parser.add_argument("--no-browser", action="store_true", help="#6: start-up memory only, no Chromium")
    parser.add_argument("--seed", type=int, default=20230315)
    parser.add_argument("--label", default="run", help="a name kept in the JSON (e.g. before, after)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--worker", choices=list(SCALES), help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=3, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(scale_worker(args.worker, args.repeats, args.seed)))
        return

    sections = {s.strip() for s in args.sections.split(",") if s.strip()}
    results: dict[str, Any] = {"meta": _meta(args)}
    steps: list[tuple[str, str, Callable[[], Any]]] = [
        ("1", "requests", lambda: measure_requests(args.seed)),
        ("2", "concurrent", lambda: measure_concurrent(args.seed)),
        ("5", "scales", lambda: measure_scales([s for s in SCALES if not (args.quick and s == "2x country")],
                                               args.seed)),
        ("6", "dashboard", lambda: measure_dashboard(browser=not args.no_browser)),
        ("4", "pages", lambda: measure_pages(args.rounds, args.warm)),  # last: it changes cwd and env
    ]
    if "3" in sections:
        sections.add("1")
    for number, key, step in steps:
        if number not in sections:
            continue
        started = time.perf_counter()
        print(f"running #{number} {key} ...", flush=True)
        results[key] = step()
        results.setdefault("meta", {}).setdefault("section_s", {})[key] = round(time.perf_counter() - started, 1)
    lines = report(results)
    print()
    print("\n".join(lines))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"\nwrote {args.out.resolve()}")


if __name__ == "__main__":
    main()
