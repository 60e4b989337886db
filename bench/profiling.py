"""Profiles (pyinstrument) behind the figures of bench/benchmark.py that miss their target.

    .venv/bin/python bench/profiling.py --scale country            # #5: normalise + indicators
    .venv/bin/python bench/profiling.py --page pages/outreach.py   # #4: one warm AppTest rerun
    .venv/bin/python bench/profiling.py --scale country --html     # also bench/results/profile-*.html

pyinstrument samples the wall clock: on a busy machine every frame stretches alike, so read
the shares, not the seconds. `--cpu` adds a cProfile run timed by process CPU time, sorted by
own time (slower, but immune to other processes).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pyinstrument import Profiler  # noqa: E402

from bench.synthetic import SCALES, workbook  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def _pipeline(tabs, years):
    from analysis.metrics.indicators import indicators
    from analysis.metrics.indicators import years as found_years
    from analysis.metrics.scope import Filters
    from analysis.workbook.normalise import normalise

    ds = normalise(tabs)
    found_years(ds)
    return [indicators(ds, Filters(y)) for y in years]


def profile_scale(scale: str, seed: int, cpu: bool) -> tuple[Profiler, str]:
    counts = SCALES[scale]
    tabs = workbook(counts, seed)
    _pipeline(workbook(SCALES["ward"], seed), counts.years)  # imports and pandera's first call, not profiled
    profiler = Profiler(interval=0.001)
    profiler.start()
    _pipeline(tabs, counts.years)
    profiler.stop()
    extra = ""
    if cpu:
        by_cpu = cProfile.Profile(time.process_time)
        by_cpu.runcall(_pipeline, tabs, counts.years)
        out = io.StringIO()
        pstats.Stats(by_cpu, stream=out).sort_stats("tottime").print_stats(25)
        extra = out.getvalue()
    return profiler, extra


def profile_page(page: str) -> tuple[Profiler, str]:
    """A warm rerun of `page` through the frame; AppTest runs scripts in a thread of its own,
    so the profiler is started inside that thread."""
    os.environ["STREAMLIT_LOGGER_LEVEL"] = "error"
    os.environ.setdefault("OCOP_SNAPSHOT_DIR", str(RESULTS / "snapshots"))
    for name in ("OCOP_DATA", "GOOGLE_APPLICATION_CREDENTIALS", "OCOP_CACHE_TTL"):
        os.environ.pop(name, None)
    os.chdir(ROOT)
    from streamlit import logger
    from streamlit.testing.v1 import AppTest, local_script_runner

    logger.set_log_level("error")
    state: dict = {"on": False, "profiler": None}
    run_script_thread = local_script_runner.LocalScriptRunner._run_script_thread

    def profiled(self):  # type: ignore[no-untyped-def]
        if not state["on"]:
            return run_script_thread(self)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        try:
            return run_script_thread(self)
        finally:
            profiler.stop()
            state["profiler"] = profiler

    local_script_runner.LocalScriptRunner._run_script_thread = profiled
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if page != "pages/overview.py":
        at.switch_page(page)
    for _ in range(3):  # cold, then warm
        at.run()
    state["on"] = True
    at.run()
    return state["profiler"], ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--scale", choices=list(SCALES))
    what.add_argument("--page", help="e.g. pages/outreach.py")
    parser.add_argument("--seed", type=int, default=20230315)
    parser.add_argument("--cpu", action="store_true", help="--scale only: add a cProfile by CPU time")
    parser.add_argument("--html", action="store_true", help="also write bench/results/profile-<name>.html")
    args = parser.parse_args()
    if args.scale:
        profiler, extra = profile_scale(args.scale, args.seed, args.cpu)
        name = args.scale.replace(" ", "-")
    else:
        profiler, extra = profile_page(args.page)
        name = Path(args.page).stem
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if extra:
        print(extra)
    if args.html:
        RESULTS.mkdir(parents=True, exist_ok=True)
        target = RESULTS / f"profile-{name}.html"
        target.write_text(profiler.output_html(), encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
