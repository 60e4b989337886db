"""The write path: rows the quick-entry forms add to the shared Google Sheet.

Only appends (one values:append call per row): nobody's rows are touched. The caller
clears the caches afterwards so the next run reads the sheet again.

An append is never sent twice blindly. When its answer is lost (a timeout, a dropped
connection, a 5xx or a garbled answer after sending), Google may have added the row all
the same: the tab's last rows are read (one values.get) to tell the officer whether it
arrived, and a re-send of the same submission reads them first and sends nothing if it did.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from analysis.policy.entry import row_in_tail
from analysis.workbook.contract import TABS_BY_KEY
from data_sources import SourceError, credentials_info
from pages.ui.state import Context, secrets

WRITE_TIMEOUT = 8.0  # seconds one append or tail read may take
TAIL_ROWS = 20  # rows read back from the end of the tab
UNCERTAIN = ("gsheet_unavailable", "gsheet_bad_response")  # the request may have been applied
SAVED, ARRIVED, NOT_ARRIVED, UNKNOWN, FAILED = "saved", "arrived", "not_arrived", "unknown", "failed"


@dataclass(frozen=True)
class Sent:
    """What became of a submission: SAVED (appended now), ARRIVED (already in the sheet: not sent
    again), NOT_ARRIVED (the answer was lost and the row is not there: may be sent again), UNKNOWN
    (lost answer and the sheet could not be read back), FAILED (refused: nothing written)."""

    outcome: str
    error: SourceError | None = None

    @property
    def written(self) -> bool:
        return self.outcome in (SAVED, ARRIVED)

    @property
    def uncertain(self) -> bool:
        return self.outcome in (NOT_ARRIVED, UNKNOWN)


def tab_title(ctx: Context, tab_key: str) -> str:
    """The tab as the sheet names it (else the contract's title)."""
    return ctx.ds.found_tabs.get(tab_key) or TABS_BY_KEY[tab_key].title


def append_to_sheet(ctx: Context, tab_key: str, row: list[Any]) -> None:
    """One row appended to the shared Google Sheet (one values:append call)."""
    from data_sources.sheet_writer import append_row  # gspread only when a row is written

    append_row(ctx.config.location, credentials_info(os.environ, secrets()), tab_title(ctx, tab_key), row,
               timeout=WRITE_TIMEOUT)


def _arrived(ctx: Context, tab_key: str, row: list[Any]) -> bool:
    from data_sources.sheet_writer import read_tail

    tail = read_tail(ctx.config.location, credentials_info(os.environ, secrets()), tab_title(ctx, tab_key),
                     TAIL_ROWS, timeout=WRITE_TIMEOUT)
    return row_in_tail(row, tail)


def send_entry(ctx: Context, tab_key: str, row: list[Any], *, check_first: bool = False) -> Sent:
    """Append `row` at most once. `check_first`: this same submission was sent before and its answer
    was lost, so the tail is read first and nothing is sent if the row is there (or if it cannot be read)."""
    if check_first:
        try:
            if _arrived(ctx, tab_key, row):
                return Sent(ARRIVED)
        except SourceError as error:
            return Sent(UNKNOWN, error)
    try:
        append_to_sheet(ctx, tab_key, row)
        return Sent(SAVED)
    except SourceError as error:
        if error.code not in UNCERTAIN:
            return Sent(FAILED, error)
        try:
            return Sent(ARRIVED if _arrived(ctx, tab_key, row) else NOT_ARRIVED, error)
        except SourceError:
            return Sent(UNKNOWN, error)
