"""What the benchmark's figures share: where things are, the pages, medians and process memory."""
from __future__ import annotations

import os
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["pages/overview.py", "pages/products.py", "pages/outreach.py", "pages/training.py",
         "pages/data_quality.py"]


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



def quiet_streamlit() -> None:
    """No "No runtime found" warnings: clearing the cache outside a server is expected here."""
    os.environ["STREAMLIT_LOGGER_LEVEL"] = "error"  # read when AppTest loads Streamlit's config
    from streamlit import logger

    logger.set_log_level("error")
