"""The raw workbook: what every source returns, before any reading rule is applied."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

Cell = Any  # str, int, float, bool, datetime/date, or None: untouched as the source gave it
Rows = list[list[Cell]]


@dataclass
class RawWorkbook:
    """Tab title -> rows of cell values, exactly as the source holds them.

    Both the .xlsx and the Google Sheets sources produce this, so everything
    after it (normalisation, validation, indicators) is shared and tested once.
    """

    tabs: dict[str, Rows]
    kind: str  # "demo", "xlsx", "gsheet", or "gsheet_public" (read without credentials: data_sources/public_sheet.py)
    location: str  # file path, or the spreadsheet key
    title: str = ""
    url: str | None = None  # a link a user can open (Google Sheets only)
    read_at: datetime = field(default_factory=lambda: datetime.now(UTC))


class SourceError(Exception):
    """A source could not be read at all.

    `code` names the failure (see analysis.i18n.strings, keys `source_error.<code>`);
    `params` fills the Vietnamese message. No user-facing text lives here:
    data_sources/ does I/O only.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:  # for logs; never shows secrets (params hold none)
        return f"{self.code} {self.params}"
