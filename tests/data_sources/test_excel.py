"""The .xlsx source: raw rows as written, and clear failures."""
from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from data_sources.excel import read_xlsx
from data_sources.raw import SourceError


def _write(path, tabs):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in tabs.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


def test_reads_every_tab_with_typed_cells_and_trims_trailing_blanks(tmp_path):
    path = tmp_path / "ward.xlsx"
    _write(path, {"Khóm": [["Khóm", "Số hộ"], ["Vĩnh Phú", 120, None], [None, None]],
                  "Tuyên truyền": [["Ngày"], [datetime(2023, 3, 15)]]})
    raw = read_xlsx(path)
    assert list(raw.tabs) == ["Khóm", "Tuyên truyền"]
    assert raw.tabs["Khóm"] == [["Khóm", "Số hộ"], ["Vĩnh Phú", 120]]
    assert raw.tabs["Tuyên truyền"][1][0] == datetime(2023, 3, 15)
    assert raw.kind == "xlsx"


def test_missing_file(tmp_path):
    with pytest.raises(SourceError) as caught:
        read_xlsx(tmp_path / "none.xlsx")
    assert caught.value.code == "file_missing"
    assert "none.xlsx" in caught.value.params["path"]


@pytest.mark.parametrize("content", [b"not a workbook at all", b"PK\x03\x04 truncated zip", b""])
def test_not_a_workbook_or_corrupt(tmp_path, content):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_xlsx(path)
    assert caught.value.code == "not_workbook"
