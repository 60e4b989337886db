"""Province mode at national scale: the sync and the landing page with 3,321 units (Vietnam's communes,
wards and special zones), each a demo-sized Google Sheet in the local fake of Sheets + Drive.

    .venv/bin/python bench/province.py                 # N = 3,321: about 15-20 minutes on 2 cores
    .venv/bin/python bench/province.py --units 300     # a quick run, about 3 minutes
    .venv/bin/python bench/province.py --profile       # also cProfile the first sync (results/province-first.prof)

Processes: the fake Google (bench/province_fake.py: N distinct units from synthetic_unit_tabs, served over
HTTP to the real gspread client), and one process per measurement (bench/province_runs.py), so each peak
memory is that measurement's own. Figures, each beside a baseline measured in the same run:

  baseline     one unit read (GoogleSession.read) and computed (compute_unit), medians over 30 distinct units,
               x N = the serial estimate of a first sync
  first sync   run_sync into an empty store, OCOP_SYNC_RATE=0 (no quota waits), workers = one per core;
               wall time (the compute), requests, requests / 240 and / 300 per minute (the quota-bound wall
               time), peak RSS of the sync process and of its workers, the store's size
  unchanged    a sync when nothing changed (the 5 % sync's floor)
  5 % changed  k = 5 % of N spreadsheets touched in the fake, then a sync: requests (SyncReport and the fake's
               count) against the bound ceil(N/1000) + 2k, wall time, store size
  page         app.py's province landing page on that store through AppTest: cold, then warm reruns (median)
               beside the one-line page's reruns in the same process

Prints the table and writes bench/results/province.json (git-ignored). Times are medians where there are
repeats; the first sync at N = 3,321 is run --first-repeats times (default 1).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis.cli.sync import default_workers  # noqa: E402
from bench.common import median  # noqa: E402
from bench.province_fake import KINDS, unit_code, unit_key  # noqa: E402
from bench.province_report import report  # noqa: E402
from data_sources.demo.province import REGISTRY_HEADER, REGISTRY_TAB, tabs_bytes  # noqa: E402

NATIONAL = 3321
RESULTS = ROOT / "bench" / "results" / "province.json"
RUNS = ROOT / "bench" / "province_runs.py"
FAKE = ROOT / "bench" / "province_fake.py"


class Google:
    """The fake Google's process: started, asked (touch, counts) over its stdin/stdout, stopped."""

    def __init__(self, units: int, seed: int) -> None:
        self.proc = subprocess.Popen([sys.executable, str(FAKE), "--units", str(units), "--seed", str(seed)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        self.info = json.loads(self._line())

    def _line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the fake Google exited ({self.proc.poll()})")
        return line

    def ask(self, command: str) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return json.loads(self._line())

    def stop(self) -> None:
        try:
            self.ask("quit")
        except (OSError, RuntimeError, ValueError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def write_registry(path: Path, units: int) -> Path:
    rows = [REGISTRY_HEADER] + [[unit_code(i), f"Xã Số {i} (mẫu)", "Xã",
                                 f"https://docs.google.com/spreadsheets/d/{unit_key(i)}/edit", None]
                                for i in range(units)]
    path.write_bytes(tabs_bytes({REGISTRY_TAB: rows}, "Sổ đơn vị (benchmark)"))
    return path


def measured(role: str, args: dict[str, Any]) -> dict[str, Any]:
    """One measurement in a fresh process (bench/province_runs.py); its JSON figures."""
    done = subprocess.run([sys.executable, str(RUNS), role, json.dumps(args)], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{role} failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def counted_sync(google: Google, args: dict[str, Any]) -> dict[str, Any]:
    """A sync, with the requests the fake received meanwhile (by kind) and the fake's CPU seconds."""
    before = google.ask("counts")
    result = measured("sync", args)
    after = google.ask("counts")
    result["fake"] = {kind: after[kind] - before[kind] for kind in KINDS}
    result["fake_cpu_s"] = after["cpu_s"] - before["cpu_s"]
    result["fake_requests"] = sum(v for k, v in result["fake"].items() if k != "token")
    return result


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of a repeated sync's figures, peaks as the largest, the runs kept."""
    pick = ("wall_s", "cpu_s", "workers_cpu_s", "fake_cpu_s", "store_mb")
    out: dict[str, Any] = {key: median([r[key] for r in runs]) for key in pick}
    out.update(peak_self_mb=max(r["peak_self_mb"] for r in runs),
               peak_children_mb=max(r["peak_children_mb"] for r in runs),
               requests=median([r["report"]["requests"] for r in runs]),
               fake_requests=median([r["fake_requests"] for r in runs]),
               failed=max(r["report"]["failed"] for r in runs), reread=median([r["report"]["reread"] for r in runs]),
               repeats=len(runs), wall_samples_s=[round(r["wall_s"], 2) for r in runs], runs=runs)
    return out


def _meta(args: argparse.Namespace, workers: int) -> dict[str, Any]:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=False).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "analysis/cli/sync.py", "data_sources/store.py",
                            "data_sources/store_schema.py"], cwd=ROOT, capture_output=True, text=True,
                           check=False).stdout.strip()
    return {"when": datetime.now(UTC).isoformat(timespec="seconds"),
            "commit": commit + (" + uncommitted changes to the sync or store" if dirty else ""),
            "python": platform.python_version(), "cpus": os.cpu_count(), "workers": workers, "units": args.units,
            "seed": args.seed, "loadavg_start": os.getloadavg()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=NATIONAL, help="N units (default 3321, Vietnam's)")
    parser.add_argument("--first-repeats", type=int, default=1, help="first syncs, each into an empty store")
    parser.add_argument("--unchanged-repeats", type=int, default=3)
    parser.add_argument("--changed-repeats", type=int, default=3, help="5 %% syncs, each touching new units")
    parser.add_argument("--changed", type=float, default=0.05, help="share of units changed (default 0.05)")
    parser.add_argument("--warm", type=int, default=7, help="warm reruns of the landing page")
    parser.add_argument("--samples", type=int, default=30, help="units in the per-unit baseline")
    parser.add_argument("--workers", type=int, default=None, help="default: one per core (default_workers)")
    parser.add_argument("--profile", action="store_true", help="cProfile the (last) first sync")
    parser.add_argument("--seed", type=int, default=20250701)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (registry, store)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    n, workers = args.units, args.workers or default_workers()
    k = math.floor(args.changed * n)
    results: dict[str, Any] = {"meta": _meta(args, workers)}
    folder = Path(tempfile.mkdtemp(prefix="bench-province-"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    def step(text: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {text}", flush=True)

    step(f"starting the fake Google with {n} units")
    google = Google(n, args.seed)
    try:
        results["fake"] = dict(google.info)
        registry = write_registry(folder / "registry.xlsx", n)
        base = {"endpoint": google.info["endpoint"], "token_uri": google.info["token_uri"],
                "registry": str(registry), "workers": workers}
        step(f"baseline: one unit read and computed, {args.samples} units")
        results["baseline"] = measured("baseline", base | {"units": n, "samples": args.samples})

        first = []
        for r in range(args.first_repeats):
            step(f"first sync {r + 1}/{args.first_repeats} ({workers} workers, rate unlimited)")
            profile = str(args.out.parent / "province-first.prof") if args.profile and r == args.first_repeats - 1 \
                else None
            store = folder / f"first-{r}" / "ocop.duckdb"
            first.append(counted_sync(google, base | {"store": str(store), "profile": profile}))
            step(f"  {first[-1]['wall_s']:.1f} s, {first[-1]['report']['requests']} requests")
        results["first"] = summary(first)
        store = folder / f"first-{args.first_repeats - 1}" / "ocop.duckdb"
        base["store"] = str(store)

        unchanged = []
        for r in range(args.unchanged_repeats):
            step(f"unchanged sync {r + 1}/{args.unchanged_repeats}")
            unchanged.append(counted_sync(google, base))
        results["unchanged"] = summary(unchanged) if unchanged else None

        changed = []
        for r in range(args.changed_repeats):
            touched = google.ask(f"touch {k} {args.seed}-{r}")["touched"]
            step(f"{args.changed:.0%} sync {r + 1}/{args.changed_repeats}: {len(touched)} units touched")
            changed.append(counted_sync(google, base) | {"touched": len(touched)})
            step(f"  {changed[-1]['wall_s']:.1f} s, {changed[-1]['report']['requests']} requests")
        results["changed"] = summary(changed) if changed else None
        results["changed_k"] = k
        results["bound"] = math.ceil(n / 1000) + 2 * k

        step(f"landing page: 1 cold + {args.warm} warm AppTest runs")
        results["page"] = measured("page", base | {"warm": args.warm, "snapshots": str(folder / "snapshots")})
    finally:
        google.stop()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    results["meta"]["loadavg_end"] = os.getloadavg()
    results["meta"]["total_s"] = round(time.perf_counter() - started, 1)
    if args.keep:
        results["meta"]["folder"] = str(folder)

    lines = report(results)
    print()
    print("\n".join(lines))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"\nwrote {args.out.resolve()}")


if __name__ == "__main__":
    main()
