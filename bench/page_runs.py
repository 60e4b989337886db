"""#4: each page's script run through the frame on the demo workbook (AppTest), cold and warm,
beside bench/trivial_app.py timed the same way in the same rounds."""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import PAGES, ROOT, median, quiet_streamlit

TRIVIAL = ROOT / "bench" / "trivial_app.py"
APP = ROOT / "app.py"


def measure_pages(rounds: int, warm_per_round: int) -> dict[str, Any]:
    """#4: cold and warm AppTest runs of each page and of the trivial page, interleaved in rounds
    so a noisy spell hits them all alike. Round 0 is a warm-up (imports) and is discarded."""
    quiet_streamlit()
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
            quiet_streamlit()  # AppTest re-applies logger.level from the config on each new test
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
