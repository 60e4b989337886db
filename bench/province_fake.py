"""Google for the province benchmark: the local fake of Sheets + Drive (tests/fakes/sheets_api/) in its own process.

    .venv/bin/python bench/province_fake.py --units 3321 [--seed N] [--as-of 2026-06-30]

loads N distinct demo-sized unit spreadsheets (data_sources/demo/province_rows.synthetic_unit_tabs, added with
copy_rows=False), prints one JSON line {"endpoint", "token_uri", "units", "load_s"} and serves until stdin
closes. It plays Google: its CPU time (JSON encoding, rendering cells) is not the sync's, which is why it runs
apart from the process being measured. Commands, one per line on stdin, each answered by one JSON line:

    touch K SALT   K spreadsheets not touched before, chosen by SALT, get a new modifiedTime -> {"touched": [keys]}
    counts         requests received by kind, and this process's CPU seconds -> {"token": .., "driveList": .., ...}
    quit           stop serving and exit (closing stdin does the same)
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from data_sources.demo.province_rows import synthetic_unit_tabs  # noqa: E402
from tests.fakes.sheets_api import FakeSheetsAPI  # noqa: E402

AS_OF = date(2026, 6, 30)
KINDS = ("token", "driveList", "metadata", "batchGet", "values", "unknown")


def unit_key(i: int) -> str:
    """The spreadsheet key of unit i: 44 characters, a bare Google key's shape."""
    return f"1p{i:05d}" + "k" * 37


def unit_code(i: int) -> str:
    return f"U{i:05d}"


def load(api: FakeSheetsAPI, units: int, seed: int, as_of: date) -> None:
    for i in range(units):
        tabs = synthetic_unit_tabs(unit_code(i), seed + i, as_of, name=f"Xã Số {i} (mẫu)")
        api.add_spreadsheet(unit_key(i), tabs, title=f"OCOP - Xã Số {i}", copy_rows=False)


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def serve(units: int, seed: int, as_of: date) -> None:
    touched: set[str] = set()
    with FakeSheetsAPI() as api:
        started = time.perf_counter()
        load(api, units, seed, as_of)
        print(json.dumps({"endpoint": api.endpoint, "token_uri": api.token_uri, "units": units,
                          "load_s": round(time.perf_counter() - started, 2)}), flush=True)
        for line in sys.stdin:
            words = line.split()
            if not words:
                continue
            if words[0] == "quit":
                break
            if words[0] == "touch":
                k, salt = int(words[1]), words[2]
                fresh = [unit_key(i) for i in range(units) if unit_key(i) not in touched]
                chosen = sorted(random.Random(f"touch:{salt}").sample(fresh, min(k, len(fresh))))
                when = api.now() + timedelta(seconds=1)  # after every modifiedTime the last listing saw
                for key in chosen:
                    api.touch(key, when)
                touched.update(chosen)
                reply: dict = {"touched": chosen}
            elif words[0] == "counts":
                reply = {kind: api.count(kind) for kind in KINDS} | {"cpu_s": round(_cpu_s(), 2)}
            else:
                reply = {"error": f"unknown command {words[0]!r}"}
            print(json.dumps(reply), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=3321)
    parser.add_argument("--seed", type=int, default=20250701)
    parser.add_argument("--as-of", type=date.fromisoformat, default=AS_OF)
    args = parser.parse_args()
    serve(args.units, args.seed, args.as_of)


if __name__ == "__main__":
    main()
