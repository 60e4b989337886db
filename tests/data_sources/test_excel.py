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


def test_cells_keep_openpyxl_types(tmp_path):
    """calamine reads the cells; they come back as openpyxl gave them (whole numbers int, dates datetime,
    error values as their text, empty cells None)."""
    from datetime import time

    path = tmp_path / "types.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "T"
    sheet.append(["x", True, 1.5, 3, -7, 1e20, datetime(2023, 1, 2, 3, 4, 5), time(12, 30), None, "a"])
    sheet["A2"] = "#N/A"
    sheet["B2"] = 45000
    sheet["B2"].number_format = "dd/mm/yyyy"
    book.save(path)
    rows = read_xlsx(path).tabs["T"]
    assert rows[0] == ["x", True, 1.5, 3, -7, 1e20, datetime(2023, 1, 2, 3, 4, 5), time(12, 30), None, "a"]
    assert [type(v) for v in rows[0][:7]] == [str, bool, float, int, int, float, datetime]
    assert rows[1] == ["#N/A", datetime(2023, 3, 15)]


def test_formula_without_cached_value_names_tab_and_cell(tmp_path):
    path = tmp_path / "formula.xlsx"
    _write(path, {"Khóm": [["Khóm", "Số hộ"], ["Vĩnh Phú", "=1+1"]]})  # openpyxl saves no computed value
    with pytest.raises(SourceError) as caught:
        read_xlsx(path)
    assert caught.value.code == "xlsx_formula_no_value"
    assert caught.value.params["tab"] == "Khóm" and caught.value.params["cell"] == "B2"


@pytest.mark.parametrize(("name", "code"), [("ocop.csv", "not_xlsx_name"), ("folder.xlsx", "not_a_file")])
def test_a_path_that_is_not_a_workbook_says_so(tmp_path, name, code):
    path = tmp_path / name
    path.mkdir() if code == "not_a_file" else path.write_text("a,b\n1,2\n")
    with pytest.raises(SourceError) as caught:
        read_xlsx(path)
    assert caught.value.code == code


def test_running_out_of_memory_is_a_source_error(tmp_path, monkeypatch):
    import data_sources.excel as excel

    path = tmp_path / "ward.xlsx"
    _write(path, {"Khóm": [["Khóm"], ["Vĩnh Phú"]]})

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(excel.CalamineWorkbook, "from_filelike", no_memory)
    with pytest.raises(SourceError) as caught:
        read_xlsx(path)
    assert caught.value.code == "xlsx_out_of_memory"


def test_formulas_in_a_hidden_tab_are_not_refused(tmp_path):
    """The template's hidden dropdown lists (_Danh mục) hold formulas openpyxl saved without values."""
    path = tmp_path / "template.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Khóm"
    book.active.append(["Khóm"])
    lists = book.create_sheet("_Danh mục")
    lists["A1"] = "=1+1"
    lists.sheet_state = "hidden"
    book.save(path)
    raw = read_xlsx(path)
    assert raw.tabs["Khóm"] == [["Khóm"]]
    assert raw.tabs["_Danh mục"] == []
