"""Runs each Google Sheets fault once against the local fake and prints a Markdown table:

    fault | Sheets requests | what the user sees | time to data (s)

    .venv/bin/python bench/fault_matrix.py                 # the production budget (20 s)
    .venv/bin/python bench/fault_matrix.py --budget 3      # quicker

The real gspread client and google-auth run against tests/fakes/sheets_api/ on
127.0.0.1 (no request leaves the machine), through data_sources.resilient.load_with_fallback,
as the app loads. "What the user sees" is the Vietnamese text from analysis.i18n.strings:
the fallback banner, or the error when there is no snapshot. Where a snapshot is
present it was made by a real read, then backdated 3 h 20 min to show the age wording.
The backoff jitter is random: --seed makes a run repeatable.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.i18n import strings  # noqa: E402
from data_sources import SourceConfig  # noqa: E402
from data_sources.raw import SourceError  # noqa: E402
from data_sources.resilient import LoadResult, load_with_fallback, reset_single_flight  # noqa: E402
from data_sources.snapshot import load_snapshot, save_snapshot  # noqa: E402
from tests.fakes.sheets_api import ENDPOINT_ENV, FakeSheetsAPI  # noqa: E402

KEY = "1BenchFaultMatrixKey00000000000000000000000"
VIETNAM = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh: no daylight saving
SNAPSHOT_AGE = timedelta(hours=3, minutes=20)


def format_age(age: timedelta, lang: str = "vi") -> str:
    """'25 phút', '3 giờ', '2 ngày': the largest whole unit, at least 1 minute."""
    minutes = max(1, int(age.total_seconds() // 60))
    if minutes < 60:
        return strings.t("fallback.age_minutes", lang, n=minutes)
    if minutes < 48 * 60:
        return strings.t("fallback.age_hours", lang, n=minutes // 60)
    return strings.t("fallback.age_days", lang, n=minutes // (24 * 60))


def banner(result: LoadResult, lang: str = "vi", now: datetime | None = None) -> str:
    """The fallback banner as the app frame would show it."""
    now = now or datetime.now(UTC)
    at = result.snapshot_at
    reason = strings.t(f"source_error.{result.error.code}", lang, **result.error.params)
    return strings.t("fallback.banner", lang, time=at.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y"),
                     age=format_age(now - at, lang), reason=reason)


def error_text(error: SourceError, lang: str = "vi") -> str:
    return f"{strings.t('source.cannot_read', lang)}: {strings.t(f'source_error.{error.code}', lang, **error.params)}"


@dataclass
class Row:
    fault: str
    requests: int
    tokens: int
    shown: str
    seconds: float | None  # None: no data at all


class Bench:
    def __init__(self, api: FakeSheetsAPI, workdir: Path) -> None:
        self.api, self.workdir, self.runs = api, workdir, 0
        self.config = SourceConfig("gsheet", f"https://docs.google.com/spreadsheets/d/{KEY}/edit")

    def fresh_state(self, with_snapshot: bool) -> None:
        """A new snapshot directory (primed by a real read if asked), no faults, empty logs."""
        self.runs += 1
        directory = self.workdir / f"snapshots-{self.runs}"
        os.environ["OCOP_SNAPSHOT_DIR"] = str(directory)
        self.api.clear_faults()
        self.api.spreadsheet(KEY).forbidden = False
        reset_single_flight()
        if with_snapshot:
            load_with_fallback(self.config)
            raw = load_snapshot(KEY, directory)
            raw.read_at -= SNAPSHOT_AGE
            save_snapshot(raw, directory)
            reset_single_flight()
        self.api.clear_requests()

    def measure(self, fault: str, call: Callable[[], LoadResult]) -> Row:
        started = time.monotonic()
        try:
            result = call()
        except SourceError as error:
            elapsed = time.monotonic() - started
            return Row(fault, len(self.api.sheets_requests()), self.api.count("token"),
                       f"{error_text(error)} (sau {elapsed:.1f} s)", None)
        elapsed = time.monotonic() - started
        shown = banner(result) if result.fallback else "Số liệu mới nhất, không có thông báo."
        return Row(fault, len(self.api.sheets_requests()), self.api.count("token"), shown, elapsed)

    def load(self) -> LoadResult:
        return load_with_fallback(self.config)


def run(budget: float) -> list[Row]:
    from data_sources import DEMO_PATH
    from data_sources.excel import read_xlsx

    rows: list[Row] = []
    with FakeSheetsAPI() as api, tempfile.TemporaryDirectory(prefix="ocop-bench-") as tmp:
        workdir = Path(tmp)
        credentials = workdir / "service-account.json"
        credentials.write_text(json.dumps(api.service_account_info()), encoding="utf-8")
        os.environ.update({ENDPOINT_ENV: api.endpoint, "GOOGLE_APPLICATION_CREDENTIALS": str(credentials),
                           "OCOP_RETRY_BUDGET": str(budget)})
        api.add_spreadsheet(KEY, read_xlsx(DEMO_PATH).tabs, title="OCOP phường (bench)")
        bench = Bench(api, workdir)

        bench.fresh_state(with_snapshot=False)
        rows.append(bench.measure("healthy, cold start", bench.load))

        bench.fresh_state(with_snapshot=True)
        api.fail_next(status=429)
        rows.append(bench.measure("429 once, then 200", bench.load))

        bench.fresh_state(with_snapshot=True)
        api.fail_next(status=503, times=10_000)
        rows.append(bench.measure("503 on every request, snapshot present", bench.load))

        bench.fresh_state(with_snapshot=False)
        api.fail_next(status=503, times=10_000)
        rows.append(bench.measure("503 on every request, no snapshot", bench.load))

        bench.fresh_state(with_snapshot=True)
        api.hang_next(120, times=10_000)
        rows.append(bench.measure("server hangs (never answers), snapshot present", bench.load))

        bench.fresh_state(with_snapshot=True)
        api.malformed_next(times=10_000)
        rows.append(bench.measure("malformed JSON on every request, snapshot present", bench.load))

        bench.fresh_state(with_snapshot=True)
        api.spreadsheet(KEY).forbidden = True
        rows.append(bench.measure("403 sheet no longer shared, snapshot present", bench.load))

        bench.fresh_state(with_snapshot=False)
        api.spreadsheet(KEY).forbidden = True
        rows.append(bench.measure("403 sheet not shared, no snapshot", bench.load))

        bench.fresh_state(with_snapshot=True)
        api.fail_next(status=503, times=10_000, include_token=True)  # the token endpoint too
        rows.append(bench.measure("Google down incl. token endpoint (503), snapshot present", bench.load))

        bench.fresh_state(with_snapshot=True)
        reset_single_flight()  # a restarted process: only the file on disk remains
        api.clear_faults()
        endpoint = os.environ[ENDPOINT_ENV]
        down = FakeSheetsAPI().start()  # a port that refuses connections once stopped
        os.environ[ENDPOINT_ENV] = down.endpoint
        down.stop()
        rows.append(bench.measure("after a restart (in-process state cleared), Sheets API refusing connections "
                                  "(not counted)", bench.load))
        os.environ[ENDPOINT_ENV] = endpoint

        bench.fresh_state(with_snapshot=False)
        api.hang_next(0.5, kind="metadata")  # Google a little slow, so all 20 arrive mid-fetch

        def twenty() -> LoadResult:
            barrier, out = threading.Barrier(20), []

            def one() -> None:
                barrier.wait()
                out.append(bench.load())

            threads = [threading.Thread(target=one) for _ in range(20)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert len(out) == 20 and all(not r.fallback for r in out)
            return out[0]

        rows.append(bench.measure("20 viewers at once, cold start (Google 0.5 s slow)", twenty))
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| fault | Sheets requests | what the user sees | time to data (s) |", "|---|---:|---|---:|"]
    for row in rows:
        seconds = "— (no data)" if row.seconds is None else f"{row.seconds:.2f}"
        requests = f"{row.requests} (+{row.tokens} token)"
        lines.append(f"| {row.fault} | {requests} | {row.shown.replace('|', '/')} | {seconds} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=20.0, help="retry budget in seconds (OCOP_RETRY_BUDGET)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the backoff jitter")
    args = parser.parse_args(argv)
    random.seed(args.seed)
    logging.getLogger("data_sources").setLevel(logging.ERROR)  # the fallbacks are the table's subject
    rows = run(args.budget)
    print(f"Retry budget {args.budget:g} s, per-request timeout 8 s (at most a third of the budget left), "
          f"jitter seed {args.seed}.\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
