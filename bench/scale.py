"""#5: normalise (pandera bounds validation included) + years + every indicator, per scale of
synthetic workbook, each scale in a process of its own (`benchmark.py --worker SCALE`)."""
from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import time
from typing import Any

from bench.common import ROOT, median, vm_status
from bench.synthetic import SCALES, workbook

BENCHMARK = ROOT / "bench" / "benchmark.py"  # the entry point runs each worker
# Runs of #5 per scale: fewer where one run takes seconds.
REPEATS = {"ward": 15, "province": 7, "country": 5, "2x country": 3}


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
        command = [sys.executable, str(BENCHMARK), "--worker", scale,
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
