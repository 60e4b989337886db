"""#1 #2 #3: Sheets requests per load, through the app's read path and one request per tab,
and under 20 concurrent cold sessions; against the test suite's fake Sheets API."""
from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.common import median
from bench.synthetic import SCALES, workbook

KEY = "1BenchRequestsKey000000000000000000000000000"


def _fake(latency: float = 0.0):
    """The test suite's fake Sheets API, answering each request after `latency` seconds."""
    from tests.fakes.sheets_api import FakeSheetsAPI

    class SlowFake(FakeSheetsAPI):
        def _handle(self, handler: Any) -> None:
            if latency:
                time.sleep(latency)
            super()._handle(handler)

    return SlowFake()


def _kinds(api) -> dict[str, int]:
    return {k: api.count(k) for k in ("metadata", "batchGet", "values", "token") if api.count(k)}


def _grid_titles(metadata: dict[str, Any]) -> list[str]:
    """The grid tabs' titles in sheet order, as a one-request-per-tab connector reads them."""
    sheets = [s["properties"] for s in metadata.get("sheets", [])]
    grid = sorted((p for p in sheets if p.get("sheetType", "GRID") == "GRID"), key=lambda p: p.get("index", 0))
    return [p["title"] for p in grid]


def measure_requests(seed: int, loads: int = 3) -> dict[str, Any]:
    """#1 and #3: Sheets requests per load, the app's way and one request per tab."""
    from data_sources import SourceConfig
    from data_sources.google_sheets import (
        BATCH_GET_PARAMS,
        ENDPOINT_ENV,
        SHEETS_READONLY_SCOPE,
        client_for,
        quote_title,
    )
    from data_sources.resilient import load_with_fallback, reset_single_flight

    tabs = workbook(SCALES["ward"], seed, info=False)  # the 8 required tabs
    with _fake() as api, tempfile.TemporaryDirectory() as snapshots:
        os.environ[ENDPOINT_ENV] = api.endpoint
        api.add_spreadsheet(KEY, tabs)
        info = api.service_account_info()
        config, secrets = SourceConfig("gsheet", KEY), {"gcp_service_account": info}
        env = {"OCOP_SNAPSHOT_DIR": snapshots}

        # #1: the app's read path, `loads` loads one after the other
        reset_single_flight()
        api.clear_requests()
        for _ in range(loads):
            result = load_with_fallback(config, env, secrets, Path(snapshots))
            assert not result.fallback and list(result.raw.tabs) == list(tabs)
        app_way = {"tabs": len(tabs), "loads": loads, "sheets_requests": len(api.sheets_requests()),
                   "token_requests": api.count("token"), "by_kind": _kinds(api)}
        batch_tabs = result.raw.tabs

        # #3: the same load, metadata then one values.get per tab, through the same gspread client
        api.clear_requests()
        for _ in range(loads):
            client, _ = client_for(info, (SHEETS_READONLY_SCOPE,), 8.0)
            http = client.http_client
            titles = _grid_titles(http.fetch_sheet_metadata(KEY))
            per_tab = {t: http.values_get(KEY, quote_title(t), params=dict(BATCH_GET_PARAMS)).get("values", [])
                       for t in titles}
            assert per_tab == batch_tabs, "the per-tab read must give the same cells"
        per_tab_way = {"tabs": len(tabs), "loads": loads, "sheets_requests": len(api.sheets_requests()),
                       "token_requests": api.count("token"), "by_kind": _kinds(api)}

        # #3b: gspread's everyday idiom: open_by_key, worksheets(), get_all_values() per tab
        api.clear_requests()
        client, _ = client_for(info, (SHEETS_READONLY_SCOPE,), 8.0)
        sheet = client.open_by_key(KEY)
        for worksheet in sheet.worksheets():
            worksheet.get_all_values()
        idiom = {"tabs": len(tabs), "loads": 1, "sheets_requests": len(api.sheets_requests()),
                 "token_requests": api.count("token"), "by_kind": _kinds(api)}
        os.environ.pop(ENDPOINT_ENV, None)
    for figure in (app_way, per_tab_way, idiom):
        figure["per_load"] = figure["sheets_requests"] / figure["loads"]
        figure["tokens_per_load"] = figure["token_requests"] / figure["loads"]
    return {"app": app_way, "per_tab": per_tab_way, "gspread_idiom": idiom,
            "ratio_per_tab_to_app": per_tab_way["per_load"] / app_way["per_load"]}


def measure_concurrent(seed: int, sessions: int = 20, latency: float = 0.1) -> dict[str, Any]:
    """#2: `sessions` threads call load_with_fallback at once on a cold cache."""
    from data_sources import SourceConfig
    from data_sources.google_sheets import ENDPOINT_ENV
    from data_sources.resilient import load_with_fallback, reset_single_flight

    tabs = workbook(SCALES["ward"], seed, info=False)
    with _fake(latency) as api, tempfile.TemporaryDirectory() as snapshots:
        os.environ[ENDPOINT_ENV] = api.endpoint
        api.add_spreadsheet(KEY, tabs)
        info = api.service_account_info()
        config, secrets = SourceConfig("gsheet", KEY), {"gcp_service_account": info}
        env = {"OCOP_SNAPSHOT_DIR": snapshots}
        reset_single_flight()
        api.clear_requests()
        barrier = threading.Barrier(sessions)
        results: list[Any] = [None] * sessions
        waits: list[float] = [0.0] * sessions

        def session(i: int) -> None:
            barrier.wait()
            started = time.perf_counter()
            try:
                results[i] = load_with_fallback(config, env, secrets, Path(snapshots))
            except Exception as error:  # recorded, shown in the table
                results[i] = error
            waits[i] = time.perf_counter() - started

        threads = [threading.Thread(target=session, args=(i,)) for i in range(sessions)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        served = [r for r in results if not isinstance(r, Exception)]
        same = all(r.raw.tabs == served[0].raw.tabs for r in served) if served else False
        figure = {"sessions": sessions, "latency_s": latency, "served": len(served),
                  "errors": [repr(r) for r in results if isinstance(r, Exception)],
                  "same_workbook": same, "distinct_results": len({id(r) for r in served}),
                  "sheets_requests": len(api.sheets_requests()), "token_requests": api.count("token"),
                  "by_kind": _kinds(api), "wall_s": wall, "median_wait_s": median(waits)}
        os.environ.pop(ENDPOINT_ENV, None)
    reset_single_flight()
    return figure
