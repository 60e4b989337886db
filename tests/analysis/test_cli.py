"""`python -m analysis summary`: the JSON summary, and plain Vietnamese errors on stderr."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.workbook import contract as c

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data_sources" / "demo" / "ocop_demo.xlsx"


def start(*args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("OCOP_DATA", "GOOGLE_APPLICATION_CREDENTIALS")}
    return subprocess.Popen([sys.executable, "-m", "analysis", "summary", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Every run of this module, started together (each one loads pandas: about a second)."""
    folder = tmp_path_factory.mktemp("cli")
    corrupt = folder / "x.xlsx"
    corrupt.write_bytes(bytes(range(256)) * 8 + b"PK\x03\x04 not really a zip")
    started = {
        "2023": start("--data", str(DEMO), "--year", "2023"),
        "default": start("--lang", "en"),
        "missing": start("--data", str(folder / "khong_co.xlsx")),
        "corrupt": start("--data", str(corrupt)),
    }
    done = {}
    for name, process in started.items():
        stdout, stderr = process.communicate(timeout=60)
        done[name] = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    done["paths"] = {"missing": folder / "khong_co.xlsx", "corrupt": corrupt}
    return done


@pytest.fixture(scope="module")
def summary_2023(runs) -> dict:
    done = runs["2023"]
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


# 2023 targets and actuals of the demo workbook
DEMO_2023 = {
    "SP_OCOP": (1, 1), "SP_TIEM_NANG": (8, 7), "HO_SO_NOP": (2, 2), "CHU_THE_THAM_GIA": (6, 5),
    "TT_SO_BUOI": (36, 40), "TT_LUOT_NGUOI": (3000, 4086), "TT_KHOM": (4, 4), "TT_CHU_THE": (25, 20),
    "TH_LUOT_CAN_BO": (15, 12),
}


def test_summary_keys(summary_2023):
    assert {"source", "year", "indicators", "rows", "issues"} <= set(summary_2023)
    assert set(summary_2023["source"]) == {"kind", "location", "title", "url", "read_at"}
    for indicator in summary_2023["indicators"]:
        assert set(indicator) == {"code", "label", "target", "actual", "percent"}
    for counts in summary_2023["rows"].values():
        assert set(counts) == {"read", "accepted", "rejected"}
    for issue in summary_2023["issues"]:
        assert set(issue) == {"tab", "row", "column", "value", "reason", "severity"}


def test_summary_values(summary_2023):
    assert summary_2023["year"] == 2023
    source = summary_2023["source"]
    assert (source["kind"], source["location"], source["title"]) == ("xlsx", str(DEMO), "ocop_demo")
    got = {i["code"]: (i["target"], i["actual"]) for i in summary_2023["indicators"]}
    assert got == DEMO_2023
    assert [i["code"] for i in summary_2023["indicators"]] == list(c.INDICATOR_CODES)
    for indicator in summary_2023["indicators"]:
        assert indicator["percent"] == pytest.approx(indicator["actual"] / indicator["target"])
        assert isinstance(indicator["label"], str) and indicator["label"]
    assert summary_2023["rows"]["products"] == {"read": 13, "accepted": 12, "rejected": 1}
    assert summary_2023["rows"]["outreach"] == {"read": 61, "accepted": 60, "rejected": 1}


def test_summary_issues(summary_2023):
    issues = summary_2023["issues"]
    assert len(issues) == 5
    # errors first
    order = {"error": 0, "warning": 1, "notice": 2}
    assert [order[i["severity"]] for i in issues] == sorted(order[i["severity"]] for i in issues)
    repeat = next(i for i in issues if i["tab"] == "Sản phẩm")
    assert repeat == {"tab": "Sản phẩm", "row": 14, "column": "Mã sản phẩm", "value": "SP05",
                      "reason": "Trùng với dòng 6; dòng sau không được tính.", "severity": "error"}
    about = next(i for i in issues if i["row"] == 24)
    assert (about["tab"], about["value"], about["severity"]) == ("Tuyên truyền", "khoảng 50", "warning")
    assert about["reason"].startswith("Không phải số")


def test_without_data_reads_the_demo_newest_year(runs):
    if (REPO / ".streamlit" / "secrets.toml").is_file():
        pytest.skip("a local .streamlit/secrets.toml may name another source")
    done = runs["default"]
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["source"]["kind"] == "demo"
    assert Path(out["source"]["location"]) == DEMO
    assert out["year"] == 2024  # the newest year in the data
    by_code = {i["code"]: i for i in out["indicators"]}
    assert by_code["SP_OCOP"]["actual"] == 2 and by_code["TT_LUOT_NGUOI"]["actual"] == 2046
    assert by_code["DT_DOANH_THU"]["actual"] is None and by_code["DT_DOANH_THU"]["percent"] is None
    assert by_code["DT_DOANH_THU"]["target"] == 500
    repeat = next(i for i in out["issues"] if i["tab"] == "Sản phẩm")
    assert repeat["reason"] == "Repeats row 6; the later row is not counted."


def _fails_plainly(done: subprocess.CompletedProcess, message: str, path: Path) -> None:
    assert done.returncode != 0
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert message in done.stderr
    assert str(path) in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_missing_file_is_a_plain_error(runs):
    _fails_plainly(runs["missing"], "Không tìm thấy tệp dữ liệu", runs["paths"]["missing"])


def test_corrupt_file_is_a_plain_error(runs):
    _fails_plainly(runs["corrupt"], "không phải bảng tính Excel (.xlsx) hợp lệ", runs["paths"]["corrupt"])


OPERATOR_ONLY = "Tệp có số điện thoại và tên người: chỉ dành cho người vận hành, không chia sẻ."


def _workbook_with_a_phone(folder: Path) -> Path:
    """A phone typed among the producer ids of Tuyên truyền: quoted, unmasked, by an issue."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Khóm"
    book["Khóm"].append(["Khóm"])
    book["Khóm"].append(["Khóm 1"])
    producers = book.create_sheet("Chủ thể")
    producers.append(["Mã chủ thể", "Tên chủ thể"])
    producers.append(["CT01", "HTX Thốt nốt Vĩnh Phú"])
    outreach = book.create_sheet("Tuyên truyền")
    outreach.append(["Ngày", "Chủ thể được tiếp cận"])
    outreach.append(["15/03/2023", "Trần Văn Hùng 0901 234 101"])
    path = folder / "phone.xlsx"
    book.save(path)
    return path


def test_summary_with_personal_data_says_it_is_for_the_operator(tmp_path, capsys):
    from analysis.cli import main

    assert main(["summary", "--data", str(_workbook_with_a_phone(tmp_path)), "--year", "2023"]) == 0
    out, err = capsys.readouterr()
    assert "0901 234 101" in out  # the operator's own output is not masked
    json.loads(out)  # the JSON on stdout is left as it was
    assert err.strip().splitlines() == [OPERATOR_ONLY]


def test_report_with_personal_data_says_it_is_for_the_operator(tmp_path, capsys):
    from analysis.cli import main

    assert main(["report", "--data", str(DEMO), "--year", "2023", "--out", str(tmp_path / "r.xlsx")]) == 0
    assert capsys.readouterr().err.strip().splitlines() == [OPERATOR_ONLY]  # household names in its tables
    assert main(["report", "--data", str(DEMO), "--year", "2023", "--out", str(tmp_path / "r.xlsx"),
                 "--lang", "en"]) == 0
    assert "for the operator only" in capsys.readouterr().err


def test_no_operator_line_without_personal_data(tmp_path, capsys):
    from analysis.cli import main

    assert main(["summary", "--data", str(DEMO), "--year", "2023"]) == 0  # no phone in its issues or info
    assert OPERATOR_ONLY not in capsys.readouterr().err
    assert main(["template", "--out", str(tmp_path / "t.xlsx"), "--data", str(DEMO)]) == 0  # khóm names only
    assert OPERATOR_ONLY not in capsys.readouterr().err


@pytest.mark.parametrize(("make", "message"), [
    ("corrupt_deflate", "không phải bảng tính Excel (.xlsx) hợp lệ"),
    ("malformed_xml", "không phải bảng tính Excel (.xlsx) hợp lệ"),
    ("encrypted_member", "được đặt mật khẩu hoặc mã hoá"),
    ("entity_expansion", "DOCTYPE/ENTITY"),
    ("dimension_bomb", "vượt giới hạn 250000 dòng"),
    ("formula_without_value", "ô B2: công thức chưa có giá trị đã tính"),
])
def test_unreadable_workbooks_exit_2_with_the_vietnamese_message(tmp_path, make, message):
    from bench import hostile_files

    path = getattr(hostile_files, make)(tmp_path)
    stdout, stderr = (process := start("--data", str(path))).communicate(timeout=60)
    assert process.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert message in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_a_file_name_is_not_taken_for_a_sheet_key(tmp_path):
    stdout, stderr = (process := start("--data", "ocop-data-2024-final-v2")).communicate(timeout=60)
    assert process.returncode == 2
    assert "Không tìm thấy tệp dữ liệu “ocop-data-2024-final-v2”" in stderr
