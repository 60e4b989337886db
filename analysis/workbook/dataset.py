"""The dataset: what normalise() makes of a workbook, and where and when it was read.

Everything above the workbook layer (metrics, outputs, pages, the CLI) receives a Dataset.
Its parts that cross module boundaries are typed here: SourceInfo (the one "read date"),
RowCount (the row accounting) and the issue columns and severities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd

from analysis.workbook.clock import local, today

ROW = "_row"  # the row number as the sheet shows it, in every table
ERROR, WARNING, NOTICE = "error", "warning", "notice"
ISSUE_COLUMNS = ["tab", "row", "column", "value", "severity", "reason", "params"]
SAMPLE_KIND = "demo"  # the bundled demo workbook: shown as sample data everywhere
# The only links ever rendered from stored data: a Google Sheet's own page, over https, nothing else.
SHEET_LINK = re.compile(r"https://docs\.google\.com/spreadsheets/d/[A-Za-z0-9_-]{20,200}/edit(?:#gid=[0-9]{1,12})?")


def sheet_link(url: object) -> str | None:
    """`url` when it is a Google Sheet's own https://docs.google.com/spreadsheets/d/<key>/edit page, else None:
    never a javascript: or data: URL, another host, plain http or a path with ../ in it."""
    return url if isinstance(url, str) and SHEET_LINK.fullmatch(url) else None


@dataclass(frozen=True)
class SourceInfo:
    """Where a dataset was read from, and when."""

    kind: str = ""  # "demo", "xlsx" or "gsheet"; "" when the tabs came from elsewhere (tests)
    location: str = ""  # file path, or the spreadsheet key
    title: str = ""
    url: str | None = None  # a link a user can open: a Google Sheet's own page (sheet_link), else None
    read_at: datetime | None = None  # aware; a naive time is taken as UTC

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", sheet_link(self.url))  # frozen: set once, here

    @property
    def is_sample(self) -> bool:
        return self.kind == SAMPLE_KIND

    def read_local(self) -> datetime | None:
        """When the data was read, in Vietnam time; None if unknown."""
        return local(self.read_at) if self.read_at is not None else None

    def read_on(self) -> date:
        """The day the data was read, in Vietnam: what progress, "expired" and "overdue" are
        judged against. Today (in Vietnam) when the read time is unknown."""
        moment = self.read_local()
        return moment.date() if moment is not None else today()

    def version(self) -> tuple:
        """Which read of which source: the key of everything built from a dataset."""
        return self.kind, self.location, self.read_at

    def as_plain(self) -> dict[str, Any]:
        """JSON-ready: the read time as ISO 8601."""
        read_at = self.read_at.isoformat() if self.read_at is not None else None
        return {"kind": self.kind, "location": self.location, "title": self.title, "url": self.url, "read_at": read_at}


@dataclass(frozen=True)
class RowCount:
    """A tab's row accounting: every data row read is accepted or rejected, never lost."""

    read: int = 0
    accepted: int = 0
    rejected: int = 0

    def as_plain(self) -> dict[str, int]:
        return {"read": self.read, "accepted": self.accepted, "rejected": self.rejected}


@dataclass
class Dataset:
    tables: dict[str, pd.DataFrame]
    issues: pd.DataFrame  # ISSUE_COLUMNS
    accounting: dict[str, RowCount]  # tab key -> rows read, accepted, rejected
    info: dict[str, Any]
    found_tabs: dict[str, str | None]  # tab key -> the title found in the workbook
    source: SourceInfo = field(default_factory=SourceInfo)
    # tab key -> where its header is: {"header_row": sheet row number, "columns": {position: key}},
    # so a new row can be written under the right headers of the officers' own layout
    layouts: dict[str, dict[str, Any]] = field(default_factory=dict)

    def table(self, key: str) -> pd.DataFrame:
        return self.tables[key]
