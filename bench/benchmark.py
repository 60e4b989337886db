"""Performance benchmark of the dashboard: requests, page runs, scale, memory.

    .venv/bin/python bench/benchmark.py            # everything, a few minutes on 2 cores
    .venv/bin/python bench/benchmark.py --quick    # without the 2x country scale
    .venv/bin/python bench/benchmark.py --sections 4,5 --label after --out bench/results/after.json

Prints one table per figure and writes them all as JSON (default bench/results/benchmark.json,
git-ignored; the path is printed at the end).

 #1  Sheets requests per load of an 8-tab workbook, through the app's read path
     (data_sources.resilient.load_with_fallback -> read_google_sheet), against the local fake
     Sheets API (tests/fakes/sheets_api/) with the real gspread client and google-auth.
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

This file is the entry point (options, the order of the figures, the JSON); the figures are
measured in sheets_requests.py (#1-#3), page_runs.py (#4), scale.py (#5) and
dashboard_memory.py (#6), and laid out as tables in report.py.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.dashboard_memory import measure_dashboard  # noqa: E402
from bench.page_runs import measure_pages  # noqa: E402
from bench.report import report  # noqa: E402
from bench.scale import measure_scales, scale_worker  # noqa: E402
from bench.sheets_requests import measure_concurrent, measure_requests  # noqa: E402
from bench.synthetic import SCALES  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "benchmark.json"
# The analysis files this benchmark's fixes may touch: the JSON says when they differ from the commit.
TUNED = ("analysis/workbook/normalise.py", "analysis/workbook/columns.py", "analysis/workbook/tab_reader.py",
         "analysis/workbook/cells.py", "analysis/metrics/indicators.py", "analysis/workbook/schema.py")


def _meta(args: argparse.Namespace) -> dict[str, Any]:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                check=False).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", *TUNED], cwd=ROOT, capture_output=True,
                               text=True, check=False).stdout.strip()
    except OSError:
        commit, dirty = "?", ""
    changed = ", ".join(line.split()[-1] for line in dirty.splitlines())
    return {"label": args.label, "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "commit": commit + (" + uncommitted changes to " + changed if dirty else ""),
            "python": platform.python_version(),
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
