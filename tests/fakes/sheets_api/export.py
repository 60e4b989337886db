"""docs.google.com's .xlsx export of a spreadsheet, as an anonymous browser (no credentials) gets it.

GET /docs/spreadsheets/d/{key}/export?format=xlsx (what https://docs.google.com/spreadsheets/d/{key}/export
becomes under OCOP_SHEETS_API_ENDPOINT). No Authorization is needed or looked at:
- a spreadsheet added with public=True ("Anyone with the link: Viewer"): 200, the workbook's .xlsx built from
  the fake's tabs with openpyxl, named "<title>.xlsx" in Content-Disposition as Google names it;
- any other spreadsheet: 302 to Google's sign-in page (Location: https://accounts.google.com/ServiceLogin?...);
- an unknown key: 404 with an HTML page.
set_export_answer() replaces a spreadsheet's answer (an HTML page with 200, a huge body...) for the failure tests.
"""
from __future__ import annotations

import io
from typing import Any, NamedTuple
from urllib.parse import quote

from tests.fakes.sheets_api.routes import KEY, FakeRequest, route
from tests.fakes.sheets_api.spreadsheets import SpreadsheetStore

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SIGN_IN = "https://accounts.google.com/ServiceLogin"
NOT_FOUND_PAGE = b"<!DOCTYPE html><html><body>Sorry, unable to open the file at this time.</body></html>"


class RawAnswer(NamedTuple):
    """A body sent as it is (not JSON), with its own headers; `length=False` leaves Content-Length out, so the
    body ends when the connection closes (a streamed download of unknown size)."""

    data: bytes
    content_type: str
    headers: dict[str, str] = {}
    length: bool = True


def workbook_bytes(tabs: list[tuple[str, list[list[Any]], bool]]) -> bytes:
    """An .xlsx of (title, rows, hidden) tabs, cells as stored: text starting with '=' stays text, as the fake
    computes no formula (Google's export would carry the computed value)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows, hidden in tabs:
        sheet = book.create_sheet(title)
        if hidden:
            sheet.sheet_state = "hidden"
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = sheet.cell(r, c, value)  # dates get openpyxl's date formats, so they read back as dates
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class ExportEndpoint(SpreadsheetStore):
    """FakeSheetsAPI's handler of the anonymous .xlsx export (registered with @route)."""

    _export_answers: dict[str, tuple[int, RawAnswer]]

    def set_export_answer(self, key: str, data: bytes, content_type: str = "text/html; charset=utf-8", *,
                          status: int = 200, headers: dict[str, str] | None = None, length: bool = True) -> None:
        """The export of `key` answers `status` with `data` (and `headers`) from now on; the spreadsheet need
        not exist."""
        with self._lock:
            self._export_answers[key] = (status, RawAnswer(data, content_type, dict(headers or {}), length))

    @route("GET", rf"^/docs/spreadsheets/d/{KEY}/export$", "export")
    def _export(self, request: FakeRequest, key: str) -> tuple[int, RawAnswer]:
        with self._lock:
            answer = self._export_answers.get(key)
            sheet = self._spreadsheets.get(key)
            tabs = [(t.title, [list(r) for r in t.rows], t.hidden) for t in sheet.tabs] if sheet else []
        if answer is not None:
            return answer
        if sheet is None:
            return 404, RawAnswer(NOT_FOUND_PAGE, "text/html; charset=utf-8")
        if not sheet.public:
            back = quote(f"https://docs.google.com/spreadsheets/d/{key}/export?format=xlsx", safe="")
            return 302, RawAnswer(b"", "text/html; charset=UTF-8",
                                  {"Location": f"{SIGN_IN}?continue={back}&followup={back}&ltmpl=sheets"})
        name = quote(f"{sheet.title}.xlsx", safe="")
        disposition = f"attachment; filename=\"export.xlsx\"; filename*=UTF-8''{name}"
        return 200, RawAnswer(workbook_bytes(tabs), XLSX_MIME, {"Content-Disposition": disposition})
