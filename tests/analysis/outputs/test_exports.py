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


def read_csv_bytes(data: bytes, delimiter: str = "\t") -> list[list[str]]:
    assert data.startswith(b"\xff\xfe")  # UTF-16LE with its byte-order mark
    return list(csv.reader(io.StringIO(data[2:].decode("utf-16-le"), newline=""), delimiter=delimiter))


def test_csv_is_utf16_tab_separated_and_inert():
    data = to_csv_bytes(frame())
    rows = read_csv_bytes(data)
    assert rows[0] == ["Nội dung", "Ghi chú", "Số", "Điểm"]
    body = rows[1:]
    # a trigger or quote after a `,` `;` tab or line break gets a `'` too (see the test below)
    inner = {PAYLOADS[0]: '=HYPERLINK("http://x",\'"y")', "\t=1": "\t'=1", "\r=1": "\r'=1"}
    assert [r[0] for r in body] == ["'" + inner.get(p, p) for p in PAYLOADS]
    assert [r[1] for r in body] == VIETNAMESE
    assert len(body) == len(PAYLOADS)  # the \r inside a cell did not split its row
    assert [r[2] for r in body] == ["-5", "0", "3", "-2", "7", "1", "-1", "2", "4"]
    text = data[2:].decode("utf-16-le")
    assert '"\'\r\'=1"' in text and "\t-5\t-2.5\r\n" in text  # text quoted; numbers bare
    assert body[0][3] == "-2.5"
    for row in body:
        assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r"))


SPLIT_PAYLOADS = ["Bánh;=cmd|' /C calc'!A0", "Mắm,+1+1", "a\t@SUM(1)", 'x;"=1+1', "k; -2+3", "ok;fine"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_no_cell_starts_a_formula_whatever_the_reader_splits_on(delimiter):
    """Excel in a comma-decimal locale splits on `;`: a payload after a `;` inside a field must not
    start a cell there, nor after `,` or a tab."""
    data = to_csv_bytes(pd.DataFrame({"Tên": SPLIT_PAYLOADS, "Số": range(len(SPLIT_PAYLOADS))}))
    for row in read_csv_bytes(data, delimiter):
        for cell in row:
            assert not cell.lstrip(' "').startswith(("=", "+", "-", "@", "\t", "\r")), (delimiter, row)
    assert read_csv_bytes(data)[6] == ["ok;fine", "5"]  # ordinary text is left as typed


def test_xlsx_cells_are_text_never_formulas():
    data = to_xlsx_bytes({"Sản phẩm": frame()})
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Sản phẩm"]
    assert [c.value for c in sheet[1]] == ["Nội dung", "Ghi chú", "Số", "Điểm"]
    assert all(c.font.bold for c in sheet[1])
    for i, payload in enumerate(PAYLOADS, start=2):
        cell = sheet.cell(row=i, column=1)
        assert cell.data_type == "s" and cell.value.startswith("'"), (payload, cell.value)
        # XML reads a stored \r back as \n; with lxml (python-docx's dependency) openpyxl writes it as &#13;
        assert cell.value in ("'" + payload, "'" + payload.replace("\r", "\n"))
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


def _libreoffice_cells(tmp_path, data: bytes, options: str) -> list[list]:
    """The CSV opened by LibreOffice headless (`options`: its CSV filter string), as the cells of the
    .xlsx it converts to."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is needed to check how spreadsheets open the CSV"
    source = tmp_path / "bang.csv"
    source.write_bytes(data)
    command = [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless"]
    command += [f"--infilter=CSV:{options}", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    sheet = openpyxl.load_workbook(tmp_path / "bang.xlsx").worksheets[0]
    return [[cell for cell in row] for row in sheet.iter_rows()]


# LibreOffice's CSV filter: separator (9 tab, 59 `;`, 44 `,`), quote (34), charset (65535: UTF-16), first
# line 1. Headless conversion does not sniff the encoding, so it is named as the import dialog detects it.
@pytest.mark.parametrize("options", ["9,34,65535,1", "59,34,65535,1", "44,34,65535,1"],
                         ids=["tab", "semicolon", "comma"])
def test_libreoffice_opens_the_csv_split_with_diacritics_and_no_formula(tmp_path, options):
    df = pd.DataFrame({"Tên sản phẩm": ["Bánh;=cmd|' /C calc'!A0", "Mắm tôm Hậu Lộc", "=1+1"],
                       "Khóm": ["Vĩnh Phú", "Toàn phường", "x,@SUM(1)"], "Số": [3, -2, 7]})
    rows = _libreoffice_cells(tmp_path, to_csv_bytes(df), options)
    assert all(cell.data_type != "f" for row in rows for cell in row)
    for row in rows:
        for cell in row:
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@")), (options, cell.value)
    if options.startswith("9,"):  # split on tabs: exactly our columns, diacritics intact
        values = [[cell.value for cell in row] for row in rows]
        assert values[0] == ["Tên sản phẩm", "Khóm", "Số"]
        assert values[1][:2] == ["Bánh;'=cmd|' /C calc'!A0", "Vĩnh Phú"] and values[2][0] == "Mắm tôm Hậu Lộc"
        assert [v[2] for v in values[1:]] == [3, -2, 7]  # numbers stay numbers
