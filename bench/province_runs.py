"""The province benchmark's measured processes: one sync, the per-unit baseline, the landing page.

Each runs in a process of its own (so its peak memory is its own) started by bench/province.py:

    .venv/bin/python bench/province_runs.py sync|baseline|page '<JSON arguments>'

and prints its figures as the last line of stdout, in JSON. The fake Google (bench/province_fake.py) is
another process; its endpoint and token URI come in the arguments.
"""
from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import median, quiet_streamlit  # noqa: E402

APP = ROOT / "app.py"
TRIVIAL = ROOT / "bench" / "trivial_app.py"


def _rusage() -> dict[str, float]:
    """CPU seconds and peak RSS (MB; Linux gives ru_maxrss in KB) of this process and of its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_s": own.ru_utime + own.ru_stime, "children_cpu_s": children.ru_utime + children.ru_stime,
            "peak_self_mb": own.ru_maxrss / 1024, "peak_children_mb": children.ru_maxrss / 1024}


def _google(args: dict[str, Any]) -> dict[str, Any]:
    """OCOP_SHEETS_API_ENDPOINT set to the fake; the secrets whose service account gets its token there."""
    from tests.fakes.credentials import make_service_account_info

    os.environ["OCOP_SHEETS_API_ENDPOINT"] = args["endpoint"]
    return {"gcp_service_account": make_service_account_info(args["token_uri"])}


# ------------------------------------------------------------------------------------------ sync


def sync(args: dict[str, Any]) -> dict[str, Any]:
    """One run_sync of the registry into the store, as `python -m analysis sync` runs it, the rate unlimited:
    wall and CPU time, the SyncReport, peak RSS of this process and of the worker processes, the store's size."""
    from analysis.cli.sync import run_sync
    from data_sources import SourceConfig

    secrets = _google(args)
    env = dict(os.environ) | {"OCOP_SYNC_RATE": str(args.get("rate", 0))}
    store = Path(args["store"])
    profile = cProfile.Profile() if args.get("profile") else None
    before = _rusage()
    wall = time.perf_counter()
    if profile is not None:
        profile.enable()
    report = run_sync(SourceConfig("xlsx", args["registry"]), store, env, secrets, workers=args["workers"])
    if profile is not None:
        profile.disable()
    wall = time.perf_counter() - wall
    after = _rusage()
    out = {"wall_s": wall, "cpu_s": after["cpu_s"] - before["cpu_s"],
           "workers_cpu_s": after["children_cpu_s"] - before["children_cpu_s"],
           "peak_self_mb": after["peak_self_mb"], "peak_children_mb": after["peak_children_mb"],
           "store_mb": store.stat().st_size / 1e6, "workers": args["workers"],
           "report": {k: getattr(report, k) for k in ("units", "reread", "failed", "requests", "token_requests",
                                                      "listed", "registry_issues", "notes")}}
    if profile is not None:
        profile.dump_stats(args["profile"])
        text = io.StringIO()
        pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(45)
        out["profile_top"] = text.getvalue()
    return out


# ------------------------------------------------------------------------------------------ baseline


def baseline(args: dict[str, Any]) -> dict[str, Any]:
    """One unit at a time, in this one process: read through a GoogleSession (rate unlimited) and
    compute_unit (normalise + indicators for every year), each timed on `samples` distinct units after a
    discarded warm-up; N x the medians is the serial estimate of a first sync."""
    from analysis.cli.sync import compute_unit
    from bench.province_fake import unit_code, unit_key
    from data_sources.google_drive import GoogleSession

    secrets = _google(args)
    units, samples = args["units"], args["samples"]
    chosen = sorted({round(i * (units - 1) / max(1, samples - 1)) for i in range(samples)})
    reads, computes, cpus, rows = [], [], [], []
    with GoogleSession.open(secrets["gcp_service_account"], per_minute=0) as google:
        compute_unit(unit_code(chosen[0]), google.read(unit_key(chosen[0])))  # warm-up: imports, first calls
        for i in chosen:
            started = time.perf_counter()
            raw = google.read(unit_key(i))
            middle, cpu = time.perf_counter(), time.process_time()
            result = compute_unit(unit_code(i), raw)
            reads.append(middle - started)
            computes.append(time.perf_counter() - middle)
            cpus.append(time.process_time() - cpu)
            rows.append(sum(len(t) for t in result.tables.values()))
    return {"samples": len(chosen), "read_s": median(reads), "compute_s": median(computes),
            "compute_cpu_s": median(cpus),
            "read_samples_ms": [round(1000 * v, 1) for v in reads],
            "compute_samples_ms": [round(1000 * v, 1) for v in computes], "rows_per_unit": median(rows),
            **_rusage()}


# ------------------------------------------------------------------------------------------ page


def page(args: dict[str, Any]) -> dict[str, Any]:
    """The province landing page (app.py with OCOP_REGISTRY and OCOP_STORE, no background sync) through
    AppTest: one cold run, then `warm` reruns of the same session, each followed by a rerun of the one-line
    page (bench/trivial_app.py) timed the same way in this process."""
    quiet_streamlit()
    os.environ.update({"OCOP_REGISTRY": args["registry"], "OCOP_STORE": args["store"],
                       "OCOP_CACHE_TTL": "86400",  # the store is fresh: no background sync while measuring
                       "OCOP_SNAPSHOT_DIR": args["snapshots"]})
    for name in ("OCOP_DATA", "GOOGLE_APPLICATION_CREDENTIALS"):
        os.environ.pop(name, None)
    os.chdir(ROOT)
    from streamlit.testing.v1 import AppTest

    def timed(at: AppTest) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        at.run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if at.exception:
            raise RuntimeError(at.exception[0].message)
        return wall, cpu

    trivial = AppTest.from_file(str(TRIVIAL), default_timeout=60)
    trivial_cold = timed(trivial)
    app = AppTest.from_file(str(APP), default_timeout=900)
    cold = timed(app)
    warm, warm_cpu, base = [], [], []
    for _ in range(args["warm"]):
        wall, cpu = timed(app)
        warm.append(wall)
        warm_cpu.append(cpu)
        base.append(timed(trivial)[0])
    grids = [len(frame.value) for frame in app.dataframe]
    return {"cold_s": cold[0], "cold_cpu_s": cold[1], "warm_s": median(warm), "warm_cpu_s": median(warm_cpu),
            "warm_samples_s": [round(v, 3) for v in warm], "trivial_cold_s": trivial_cold[0],
            "trivial_warm_s": median(base), "trivial_samples_ms": [round(1000 * v, 2) for v in base],
            "warm_ratio": median(warm) / median(base), "title": app.title[0].value if len(app.title) else "",
            "tables_rows": grids, "elements": len(list(app.main)), **_rusage()}


ROLES = {"sync": sync, "baseline": baseline, "page": page}

if __name__ == "__main__":
    role, arguments = sys.argv[1], json.loads(sys.argv[2])
    print(json.dumps(ROLES[role](arguments), default=str))
