"""analysis/outputs/exports.py: formula-injection payloads come out inert in CSV and .xlsx; excel_cell, the one
way a value enters an .xlsx (these downloads and the report)."""
from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta

import numpy as np
import openpyxl
import pandas as pd
import pytest

from analysis.outputs.exports import XLSX_MAX_CHARS, excel_cell, neutralise, safe_frame, to_csv_bytes, to_xlsx_bytes

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1", "=1+1", "-", "=cmd|' /C calc'!A0"]
VIETNAMESE = ["Mắm tôm Hậu Lộc", "Nguyễn Văn An", "Hợp tác xã", "Khóm 1", "Đã có", "", "1.200", "72,5", "Toàn phường"]


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "Nội dung": PAYLOADS,
        "Ghi chú": VIETNAMESE,
        "Số": [-5, 0, 3, -2, 7, 1, -1, 2, 4],
        "Điểm": [-2.5, 0.0, 72.5, -0.1, 1.0, 2.0, 3.0, np.nan, 5.0],
    })


def test_neutralise_prefixes_every_trigger():
    for payload in PAYLOADS:
        assert neutralise(payload) == "'" + payload
    for text in VIETNAMESE + ["a=b", " =1", "1-2", "'=already"]:
        assert neutralise(text) == text


@pytest.mark.parametrize("value", [-5, -2.5, 0, 3.0, True, None, np.int64(-3), np.float64(-1.5), date(2023, 3, 15)])
def test_non_text_values_are_left_alone(value):
    assert neutralise(value) is value


def test_safe_frame_neutralises_text_and_keeps_numbers_and_dtypes():
    df = frame()
    safe = safe_frame(df)
    assert list(safe["Nội dung"]) == ["'" + p for p in PAYLOADS]
    assert list(safe["Ghi chú"]) == VIETNAMESE
    assert safe["Số"].dtype == df["Số"].dtype and list(safe["Số"]) == list(df["Số"])
    assert safe["Điểm"].dtype == df["Điểm"].dtype
    assert safe["Nội dung"].dtype == df["Nội dung"].dtype  # pandas' str dtype kept
    assert df["Nội dung"].iloc[0] == PAYLOADS[0]  # the original is untouched


def test_safe_frame_handles_mixed_object_categorical_and_nullable_columns():
    df = pd.DataFrame({
        "mixed": pd.Series(["=1", -3, None, 2.5, "ok"], dtype=object),
        "cat": pd.Categorical(["=A1", "x", "=A1", "y", None]),
        "nullable": pd.array([1, None, -3, 4, 5], dtype="Int64"),
        "=evil header": ["a", "b", "c", "d", "e"],
    })
    safe = safe_frame(df)
    assert list(safe["mixed"])[:2] == ["'=1", -3] and safe["mixed"].iloc[2] is None
    assert list(safe["cat"])[:4] == ["'=A1", "x", "'=A1", "y"]
    assert safe["nullable"].dtype == "Int64" and safe["nullable"].iloc[2] == -3
    assert "'=evil header" in safe.columns


def test_csv_is_utf8_with_bom_and_inert():
    data = to_csv_bytes(frame())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Nội dung", "Ghi chú", "Số", "Điểm"]
    body = rows[1:]
    assert [r[0] for r in body] == ["'" + p for p in PAYLOADS]
    assert [r[1] for r in body] == VIETNAMESE
    assert len(body) == len(PAYLOADS)  # the \r inside a cell did not split its row
    assert [r[2] for r in body] == ["-5", "0", "3", "-2", "7", "1", "-1", "2", "4"]  # numbers, unquoted
    assert b'"\'\r=1"' in data and b",-5,-2.5\r\n" in data  # the \r cell quoted; numbers bare
    assert body[0][3] == "-2.5"
    for row in body:
        assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r"))


def test_xlsx_cells_are_text_never_formulas():
    data = to_xlsx_bytes({"Sản phẩm": frame()})
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Sản phẩm"]
    assert [c.value for c in sheet[1]] == ["Nội dung", "Ghi chú", "Số", "Điểm"]
    assert all(c.font.bold for c in sheet[1])
    for i, payload in enumerate(PAYLOADS, start=2):
        cell = sheet.cell(row=i, column=1)
        assert cell.data_type == "s" and cell.value.startswith("'"), (payload, cell.value)
        assert cell.value == "'" + payload.replace("\r", "\n")  # XML reads a stored \r back as \n
    assert [sheet.cell(row=i, column=2).value or "" for i in range(2, 11)] == VIETNAMESE
    numbers = [sheet.cell(row=i, column=3) for i in range(2, 11)]
    assert [c.value for c in numbers] == [-5, 0, 3, -2, 7, 1, -1, 2, 4]
    assert all(c.data_type == "n" for c in numbers)
    assert sheet.cell(row=2, column=4).value == -2.5 and sheet.cell(row=9, column=4).value is None
    # nothing in the file is a formula
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def test_xlsx_writes_awkward_values_and_sheet_names():
    df = pd.DataFrame({
        "when": [datetime(2024, 5, 1, 1, 30, tzinfo=UTC), pd.NaT],
        "day": [date(2023, 3, 15), None],
        "ids": [("CT01", "CT02"), None],
        "ctrl": ["a\x00b\x1fc=", "x" * 40_000],
        "inf": [float("inf"), np.int64(7)],
    })
    data = to_xlsx_bytes({"a/b:c*?[x]": df, "A/B:C*?[X]": df.head(0), "": df.head(0)})
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["a_b_c___x_", "A_B_C___X_ (2)", "Sheet"]
    sheet = book.worksheets[0]
    assert sheet.cell(row=2, column=1).value == datetime(2024, 5, 1, 8, 30)  # Vietnam time
    assert sheet.cell(row=2, column=3).value == "CT01, CT02"
    assert sheet.cell(row=2, column=4).value == "abc="
    assert len(sheet.cell(row=3, column=4).value) == 32_767
    assert sheet.cell(row=2, column=5).value == "inf" and sheet.cell(row=3, column=5).value == 7


def test_xlsx_of_nothing_is_still_a_workbook():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes({})))
    assert len(book.worksheets) == 1


@pytest.mark.parametrize("value", [None, pd.NA, pd.NaT, float("nan"), np.float64("nan"), np.datetime64("NaT")])
def test_excel_cell_leaves_a_missing_value_empty(value):
    assert excel_cell(value) is None


def test_excel_cell_keeps_numbers_and_dates_typed():
    assert excel_cell(np.int64(-3)) == -3 and type(excel_cell(np.int64(-3))) is int
    assert type(excel_cell(np.float64(72.5))) is float and excel_cell(True) is True
    for value in (-5, 2.5, date(2023, 3, 15), datetime(2023, 3, 15, 8, 30), time(9, 0), timedelta(days=2)):
        assert excel_cell(value) == value
    assert excel_cell(pd.Timestamp("2023-12-22")) == datetime(2023, 12, 22)
    assert excel_cell(datetime(2024, 5, 1, 1, 30, tzinfo=UTC)) == datetime(2024, 5, 1, 8, 30)  # Vietnam, naive
    assert excel_cell(float("inf")) == "inf" and excel_cell(float("-inf")) == "-inf"  # Excel has no infinity


def test_excel_cell_makes_text_safe():
    for payload in PAYLOADS:
        assert excel_cell(payload) == "'" + payload
    assert excel_cell("Mắm tôm Hậu Lộc") == "Mắm tôm Hậu Lộc"
    assert excel_cell(("CT01", "CT02")) == "CT01, CT02" and excel_cell(["=A1"]) == "'=A1"
    assert excel_cell("a\x00b\x1fc\x0b") == "abc"  # XML 1.0 forbids them; \t, \n and \r stay
    assert excel_cell("a\tb\nc") == "a\tb\nc"
    long = excel_cell("x" * 40_000)
    assert len(long) == XLSX_MAX_CHARS and long.endswith("…")
