"""The write path: rows the quick-entry forms add to the shared Google Sheet.

Only appends (one values:append call per row): nobody's rows are touched. The caller
clears the caches afterwards so the next run reads the sheet again.
"""
from __future__ import annotations

import os
from typing import Any

from analysis.workbook.contract import TABS_BY_KEY
from data_sources import credentials_info
from pages.ui.state import Context, secrets


def append_to_sheet(ctx: Context, tab_key: str, row: list[Any]) -> None:
    """One row appended to the shared Google Sheet (one values:append call), in the tab as
    the sheet names it (else the contract's title)."""
    from data_sources.sheet_writer import append_row  # gspread only when a row is written

    title = ctx.ds.found_tabs.get(tab_key) or TABS_BY_KEY[tab_key].title
    append_row(ctx.config.location, credentials_info(os.environ, secrets()), title, row)
