"""The tables bench/province.py prints: the figures against the issue's goals, then each sync in detail."""
from __future__ import annotations

from typing import Any

GOAL_FIRST_S = 600.0  # first sync, compute: 10 minutes
GOAL_CHANGED_S = 60.0  # 5 % sync, compute: 1 minute
GOAL_PAGE_S = 2.0  # warm landing page
GOAL_PEAK_MB = 2048.0
RATES = (60, 240, 300)  # Google's default per-user quota, the limiter's default, the per-project quota


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)]


def _ok(met: bool) -> str:
    return "ok" if met else "MISSED"


def _minutes(requests: float, rate: int) -> str:
    return f"{requests / rate:.1f} min"


def peak_mb(sync: dict[str, Any]) -> float:
    """The most the sync can hold at once: its own peak plus every worker at the largest worker's peak."""
    return sync["peak_self_mb"] + sync["runs"][0]["workers"] * sync["peak_children_mb"]


def report(results: dict[str, Any]) -> list[str]:
    meta, base, first = results["meta"], results["baseline"], results["first"]
    changed, unchanged, page = results.get("changed"), results.get("unchanged"), results["page"]
    n, workers = meta["units"], meta["workers"]
    per_unit = base["read_s"] + base["compute_s"]
    serial = n * per_unit
    rows = [
        ["baseline: one unit read + computed, serially", f"{1000 * per_unit:.0f} ms "
         f"(read {1000 * base['read_s']:.0f} + compute {1000 * base['compute_s']:.0f}), median of {base['samples']}",
         f"x {n:,} = serial estimate {serial:.0f} s", "—", "—"],
        [f"first sync, compute (rate unlimited, {workers} workers)",
         f"{first['wall_s']:.0f} s ({first['wall_s'] / 60:.1f} min), {first['repeats']} run(s)",
         f"{first['wall_s'] / serial:.2f}x the serial estimate (speed-up {serial / first['wall_s']:.2f}x)",
         "≤ 10 min", _ok(first["wall_s"] <= GOAL_FIRST_S)],
        ["first sync, requests (token apart)", f"{first['requests']:,.0f} (fake: {first['fake_requests']:,.0f})",
         f"⌈N/1000⌉ + 2N = {-(-n // 1000) + 2 * n:,}", "—", "—"],
        ["first sync, quota-bound wall time", " / ".join(f"{_minutes(first['requests'], r)} at {r}/min"
                                                         for r in RATES), "requests ÷ rate", "reported", "—"],
    ]
    if unchanged:
        rows.append(["sync, nothing changed", f"{unchanged['wall_s']:.1f} s, {unchanged['requests']:.0f} requests",
                     f"{unchanged['repeats']} runs", "—", "—"])
    if changed:
        k, bound = results["changed_k"], results["bound"]
        floor = unchanged["wall_s"] if unchanged else 0.0
        rows += [
            [f"5 % changed (k = {k}): requests", f"{changed['requests']:.0f} (fake: {changed['fake_requests']:.0f})",
             f"bound ⌈N/1000⌉ + 2k = {bound}", f"≤ {bound}",
             _ok(max(r["report"]["requests"] for r in changed["runs"]) <= bound)],
            [f"5 % changed (k = {k}): compute", f"{changed['wall_s']:.1f} s, median of {changed['repeats']}",
             f"unchanged sync {floor:.1f} s + k x serial per unit {k * per_unit:.1f} s "
             f"= {floor + k * per_unit:.1f} s", "≤ 1 min", _ok(changed["wall_s"] <= GOAL_CHANGED_S)],
            ["5 % changed: quota-bound wall time", " / ".join(f"{changed['requests'] / r * 60:.0f} s at {r}/min"
                                                              for r in RATES), "requests ÷ rate", "reported", "—"],
        ]
    syncs = [s for s in (first, unchanged, changed) if s]
    worst = max(syncs, key=peak_mb)
    rows += [
        [f"warm landing page, {n:,} units", f"{page['warm_s']:.2f} s (CPU {page['warm_cpu_s']:.2f} s), "
         f"median of {len(page['warm_samples_s'])}", f"{page['warm_ratio']:.0f}x the one-line page "
         f"({1000 * page['trivial_warm_s']:.1f} ms)", "≤ 2 s", _ok(page["warm_s"] <= GOAL_PAGE_S)],
        ["cold landing page (store read once)", f"{page['cold_s']:.2f} s", "1 run", "—", "—"],
        ["peak memory, sync", f"sync process {first['peak_self_mb']:.0f} MB (5 %: "
         f"{changed['peak_self_mb'] if changed else float('nan'):.0f} MB), largest worker "
         f"{first['peak_children_mb']:.0f} MB", f"own + {workers} workers ≤ {peak_mb(worst):.0f} MB; "
         f"baseline process {base['peak_self_mb']:.0f} MB", "≤ 2 GB", _ok(peak_mb(worst) <= GOAL_PEAK_MB)],
        ["peak memory, page process", f"{page['peak_self_mb']:.0f} MB", "—", "—", "—"],
        ["store size", f"{first['store_mb']:.0f} MB after the first sync"
         + (f", {changed['runs'][-1]['store_mb']:.0f} MB after {changed['repeats']} 5 % syncs" if changed else ""),
         f"{1e3 * first['store_mb'] / n:.0f} kB per unit", "reported", "—"],
    ]
    lines = [f"Province at N = {n:,} units ({meta['commit']}, {meta['cpus']} cores, load "
             f"{meta['loadavg_start'][0]:.1f} → {meta.get('loadavg_end', [float('nan')])[0]:.1f})", ""]
    lines += _table(["figure", "median", "baseline (same run)", "goal", "result"], rows)
    detail = []
    for name, sync in (("first", first), ("unchanged", unchanged), ("5 % changed", changed)):
        if not sync:
            continue
        detail.append([name, str(sync["repeats"]), ", ".join(f"{w:.1f}" for w in sync["wall_samples_s"]),
                       f"{sync['cpu_s']:.1f}", f"{sync['workers_cpu_s']:.1f}", f"{sync['fake_cpu_s']:.1f}",
                       f"{sync['requests']:.0f}", f"{sync['fake_requests']:.0f}", f"{sync['reread']:.0f}",
                       str(sync["failed"]), f"{sync['peak_self_mb']:.0f}", f"{sync['peak_children_mb']:.0f}",
                       f"{sync['store_mb']:.0f}"])
    lines += ["", *_table(["sync", "runs", "wall s", "CPU s (sync)", "CPU s (workers)", "CPU s (fake Google)",
                           "requests", "fake saw", "read", "failed", "peak MB", "worker MB", "store MB"], detail)]
    lines += ["", f"page: title {page['title']!r}, {page['elements']} elements, tables of {page['tables_rows']} rows; "
              f"warm runs {page['warm_samples_s']} s; one-line page {page['trivial_samples_ms']} ms"]
    return lines
