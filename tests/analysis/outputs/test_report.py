"""The report upward (analysis/outputs/report.py): its sheets in order, a year without data, and the CLI
that writes it. The tables, the cover and the layout have their own test files (test_report_*.py)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date

import openpyxl

from analysis.outputs import report
from analysis.outputs import report_tables as tables_module
from analysis.outputs.report import build_report, report_bytes, report_tables
from tests.analysis.outputs.report_fixture import (
    DEMO,
    DEMO_2023,
    HEADER_ROW,
    REPO,
    SHEETS_EN,
    SHEETS_VI,
    TODAY,
    cover_items,
    rows,
)


def test_sheets_in_order(book, ds):
    assert book.sheetnames == SHEETS_VI
    english = build_report(ds, 2023, TODAY, "en")
    assert english.sheetnames == SHEETS_EN
    assert cover_items(english["Cover"])["Plan number"] == "42/KH-UBND"


def test_a_year_without_data_gives_empty_tables_not_a_crash(ds):
    tables = report_tables(ds, 2030, date(2031, 1, 1))
    assert tables["Tập huấn"].empty and tables["Nhiệm vụ"].empty
    assert tables["Tuyên truyền"].iloc[-1]["Tổng số hoạt động"] == 0
    wb = openpyxl.load_workbook(io.BytesIO(report_bytes(ds, 2030, date(2031, 1, 1))))
    assert wb["Tập huấn"].cell(HEADER_ROW + 1, 1).value == "Không có số liệu trong năm này."


def test_the_public_names_stay_here():
    """The report page and the CLI import report_bytes and report_tables from analysis.outputs.report."""
    assert report.report_tables is tables_module.report_tables
    assert report.ReportTable is tables_module.ReportTable
    assert set(report.__all__) == {"ReportTable", "build_report", "read_at", "report_bytes", "report_tables"}
    assert all(callable(getattr(report, name)) for name in report.__all__)


# --------------------------------------------------------------------------- the CLI


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("OCOP_DATA", "GOOGLE_APPLICATION_CREDENTIALS")}
    return subprocess.run([sys.executable, "-m", "analysis", "report", *args], cwd=REPO, env=env, timeout=120,
                          capture_output=True, text=True, encoding="utf-8")


def test_cli_round_trip(tmp_path):
    out = tmp_path / "bao_cao.xlsx"
    done = run_cli("--data", str(DEMO), "--year", "2023", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines() == [f"Đã ghi báo cáo năm 2023 vào tệp “{out}”."]
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == SHEETS_VI
    assert {r["Mã"].value: (r["Chỉ tiêu"].value, r["Thực hiện"].value) for r in rows(wb["Chỉ tiêu"])} == DEMO_2023
    english = tmp_path / "report.xlsx"
    done = run_cli("--data", str(DEMO), "--year", "2023", "--out", str(english), "--lang", "en")
    assert done.returncode == 0 and "Wrote the 2023 report" in done.stdout
    assert openpyxl.load_workbook(english).sheetnames == SHEETS_EN


def test_cli_unreadable_source_is_a_plain_error(tmp_path):
    out = tmp_path / "bao_cao.xlsx"
    missing = tmp_path / "khong_co.xlsx"
    done = run_cli("--data", str(missing), "--year", "2023", "--out", str(out))
    assert done.returncode == 2
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert "Không tìm thấy tệp dữ liệu" in done.stderr and str(missing) in done.stderr
    assert not out.exists()
