"""analysis/policy/privacy.py: phones and names masked in a copy; the original untouched."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.policy.phones import find_phones
from analysis.policy.privacy import (
    HOUSEHOLD_KINDS,
    MASK,
    PERSONAL_COLUMNS,
    holds_personal,
    mask_name,
    mask_personal,
    mask_phone,
    mask_producer_name,
)
from analysis.workbook import contract as c
from analysis.workbook.normalise import normalise, normalise_workbook


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("0912 345 678", "09•• ••• •78"),
        ("0912345678", "09••••••78"),
        ("0912.345.678", "09••.•••.•78"),
        ("+84 912 345 678", "+84 ••• ••• •78"),
        ("(0296) 3 861 234", "(02••) • ••• •34"),
        ("0912 345 678 (Zalo)", "09•• ••• •78 (••••)"),
        ("113", "•••"),  # too short to keep anything
        ("không có", "••••• ••"),
        (912345678, "91•••••78"),  # typed as a number
        (912345678.0, "91•••••78"),
    ],
)
def test_mask_phone(phone, masked):
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Nguyễn Văn An", "N. V. A."),
        ("  đặng   thị  hằng ", "Đ. T. H."),
        ("Nguye\u0302\u0303n Văn An", "N. V. A."),  # NFD
        ("Ông Lý", "Ô. L."),
        ("(Bà) Hằng", "B. H."),
        ("HTX Hòa Lộc", "H. H. L."),
        ("--", MASK),
    ],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


@pytest.mark.parametrize("blank", [None, "", "   ", float("nan"), pd.NA])
def test_blanks_stay_blank(blank):
    for mask in (mask_phone, mask_name):
        out = mask(blank)
        assert out is blank or (isinstance(out, float) and math.isnan(out))


def test_personal_columns_are_contract_columns():
    for tab_key, columns in PERSONAL_COLUMNS.items():
        assert {k.key for k in c.TABS_BY_KEY[tab_key].columns} >= set(columns)


def test_mask_personal_masks_a_copy(demo_raw):
    ds = normalise_workbook(demo_raw)
    before = ds.tables["producers"].copy()
    masked = mask_personal(ds)

    producers = masked.tables["producers"]
    assert list(producers["contact_name"]) == [mask_name(v) for v in before["contact_name"]]
    assert list(producers["phone"]) == [mask_phone(v) for v in before["phone"]]
    for phone, original in zip(producers["phone"].dropna(), before["phone"].dropna()):
        assert phone != original and phone[:2] == original[:2] and phone[-2:] == original[-2:]
    assert list(producers["name"]) == [mask_producer_name(n, k, p) for n, k, p in
                                       zip(before["name"], before["kind"], before["contact_name"])]
    assert "Hộ ông T. V. Đ." in set(producers["name"]) and "Hộ ông Trương Văn Đức" in set(before["name"])
    # everything else is as it was (the demo has no phone outside the phone column)
    other = [k for k in before.columns if k not in PERSONAL_COLUMNS["producers"] + ("name",)]
    pd.testing.assert_frame_equal(producers[other], before[other])
    for key, table in ds.tables.items():
        if key != "producers":
            pd.testing.assert_frame_equal(masked.tables[key], table)
    assert masked.accounting == ds.accounting and masked.info == ds.info
    # the original dataset is untouched
    pd.testing.assert_frame_equal(ds.tables["producers"], before)
    assert masked.tables is not ds.tables


def test_mask_personal_masks_personal_values_quoted_in_issues():
    tabs = {
        "Khóm": [["Khóm"], ["Khóm 1"]],
        "CHỦ THỂ": [["Mã chủ thể", "Tên chủ thể", "Người đại diện", "Điện thoại"],
                    ["CT01", "Cơ sở A", "Nguyễn Văn An", "0912 345 678"]],
    }
    ds = normalise(tabs)
    issue = {"tab": "CHỦ THỂ", "row": 2, "column": "Điện thoại", "value": "0912 345 678", "severity": "warning",
             "reason": "required_missing", "params": {}}
    ds.issues = pd.concat([ds.issues, pd.DataFrame([issue])], ignore_index=True)
    masked = mask_personal(ds)
    assert masked.issues["value"].iloc[-1] == "09•• ••• •78"
    assert ds.issues["value"].iloc[-1] == "0912 345 678"
    assert masked.tables["producers"]["contact_name"].tolist() == ["N. V. A."]


@pytest.mark.parametrize(
    ("name", "kind", "contact", "masked"),
    [
        ("Hộ ông Trương Văn Đức", "Hộ sản xuất", "Trương Văn Đức", "Hộ ông T. V. Đ."),
        ("Hộ bà Sa Phi Ah", "Hộ sản xuất", None, "Hộ bà S. P. A."),
        ("hộ  anh Lê Văn Bảy", None, None, "hộ anh L. V. B."),
        ("Hộ chị Nguyễn Thị Lan", "Doanh nghiệp", None, "Hộ chị N. T. L."),  # the form says household
        ("Hộ Trương Văn Đức", "Hộ sản xuất", None, "Hộ T. V. Đ."),
        ("Hộ kinh doanh Nguyễn Thị Lan", "Hộ kinh doanh", None, "Hộ kinh doanh N. T. L."),
        ("Hộ sản xuất Phạm Văn Nhỏ", "Hộ sản xuất", None, "Hộ sản xuất P. V. N."),
        ("Hộ kinh doanh ông Võ Văn Tám", "Hộ kinh doanh", None, "Hộ kinh doanh ông V. V. T."),
        ("HKD Nguyễn Thị Lan", "Hộ kinh doanh", None, "HKD N. T. L."),
        ("HKD Lan", "Hộ kinh doanh", "lan", "HKD L."),  # the representative's name
        ("Cơ sở Nguyễn Thị Lan", "Hộ kinh doanh", "Nguyễn Thị Lan", "Cơ sở N. T. L."),
        ("Cơ sở Nguyễn Thị Lan", None, None, "Cơ sở N. T. L."),
        ("Cơ sở sản xuất Lê Văn Tư", "Hộ sản xuất", None, "Cơ sở sản xuất L. V. T."),
        ("Cơ sở tung lò mò Ha Li Mah", "Hộ kinh doanh", "Ha Li Mah", "Cơ sở tung lò mò H. L. M."),
        ("Cơ sở nem TRƯƠNG VĂN ĐỨC", "Hộ kinh doanh", "Trương Văn Đức", "Cơ sở nem T. V. Đ."),
    ],
)
def test_household_names_are_masked(name, kind, contact, masked):
    assert mask_producer_name(name, kind, contact) == masked


@pytest.mark.parametrize(
    ("name", "kind", "contact"),
    [
        ("HTX Thốt nốt Vĩnh Phú", "Hợp tác xã", "Lê Văn Phú"),
        ("Công ty TNHH Thực phẩm Sông Hậu Xanh", "Doanh nghiệp", "Lý Minh Khoa"),
        ("Tổ hợp tác thốt nốt Vĩnh Phú", "Tổ hợp tác", None),
        ("Cơ sở Nguyễn Thị Lan", "Doanh nghiệp", None),  # "Cơ sở …" of a company stays
        ("Công ty TNHH Nguyễn Văn An", "Doanh nghiệp", "Nguyễn Văn An"),
        ("Cơ sở mắm Bà Sáu", "Hộ kinh doanh", "Nguyễn Thị Sáu"),  # a nickname in a trade name
        ("Cơ sở nem Bảy Tốt", "Hộ kinh doanh", "Lâm Văn Tốt"),
        ("Hộ kinh doanh bánh pía", "Hộ kinh doanh", None),
        ("Homestay Làng Bè Sáu Lợi", "Hộ kinh doanh", "Trương Văn Lợi"),
        ("Hộ", "Hộ sản xuất", None),
        ("", "Hộ sản xuất", None),
    ],
)
def test_business_and_trade_names_stay(name, kind, contact):
    assert mask_producer_name(name, kind, contact) == name


def test_household_kinds_come_from_the_contract():
    assert HOUSEHOLD_KINDS == ("Hộ kinh doanh", "Hộ sản xuất")
    assert set(HOUSEHOLD_KINDS) <= set(c.PRODUCER_KINDS)


ATTACK = {
    "Thông tin": [["Tên đơn vị", "Phường X"], ["Ghi chú", "Hotline 0296 3852123"]],
    "Khóm": [["Khóm"], ["Khóm 1"]],
    "Chủ thể": [["Mã chủ thể", "Tên chủ thể", "Loại hình", "Người đại diện", "Điện thoại", "Địa chỉ", "Ghi chú"],
                ["CT01", "Hộ ông Trương Văn Đức", "Hộ sản xuất", "Trương Văn Đức", "0927 678 125",
                 "Số 5, khóm 1", "ĐKKD 1601234567, cấp 15/03/2023"],
                ["CT02", "HTX Thốt nốt Vĩnh Phú", "Hợp tác xã", "Lê Thị Bé", "0296 3852123", "", "gọi +84 901 234 102"],
                ["CT03", "Hộ bà Phạm Thị Mến", "Hộ sản xuất", "Phạm Thị Mến", "0909 012 109", "", ""],
                ["CT04", "Hộ bà Lâm Thị Tư 0911.222.333", "Hộ sản xuất", "", "", "", ""]],
    "Tuyên truyền": [["Ngày", "Chủ thể được tiếp cận", "Đơn vị thực hiện", "Ghi chú"],
                     ["15/03/2023", "Trần Văn Hùng 0901 234 101", "Hội ND (090-123-4101)", "Kinh phí 1.250.000"],
                     ["16/03/2023", "CT01", "Đoàn TN", "Anh Hùng 84901234101"]],
    "Nhiệm vụ": [["Đơn vị", "Nhiệm vụ"], ["Khóm 1", "Gọi chị Lan 0901 234 999 trước 30/4"]],
    "Tập huấn 0901 555 666": [["x"], ["y"]],
}
PHONES = ["0927 678 125", "0296 3852123", "+84 901 234 102", "0901 234 101", "090-123-4101", "84901234101",
          "0909 012 109", "0911.222.333", "0901 234 999", "0901 555 666"]


def _everything(ds) -> str:
    """Every value a viewer can be shown or download, as one text."""
    parts = [repr(ds.info)]
    parts += [t.astype(str).to_csv() for t in ds.tables.values()]
    parts.append(ds.issues.astype(str).to_csv())
    return "\n".join(parts)


def test_the_attackers_workbook_is_masked_everywhere():
    ds = normalise(ATTACK)
    assert all(p in _everything(ds) for p in PHONES)  # the probe: all there before masking
    masked = mask_personal(ds)
    shown = _everything(masked)
    assert [p for p in PHONES if p in shown] == []
    assert find_phones(shown) == []
    for name in ("Trương Văn Đức", "Phạm Thị Mến", "Lâm Thị Tư", "Trần Văn Hùng 0901"):
        assert name.casefold() not in shown.casefold()
    producers = masked.tables["producers"].set_index("producer_id")
    assert producers.at["CT01", "name"] == "Hộ ông T. V. Đ."
    assert producers.at["CT02", "name"] == "HTX Thốt nốt Vĩnh Phú"
    assert producers.at["CT04", "name"] == "Hộ bà L. T. T. 0."
    assert producers.at["CT01", "note"] == "ĐKKD 1601234567, cấp 15/03/2023"  # not phones
    assert producers.at["CT02", "note"] == "gọi +84 ••• ••• •02"
    outreach = masked.tables["outreach"]
    assert outreach["unit"].tolist() == ["Hội ND (09•-•••-••01)", "Đoàn TN"]
    assert outreach["note"].tolist() == ["Kinh phí 1.250.000", "Anh Hùng 84•••••••01"]
    assert outreach["producers_reached"].tolist() == [None, ("CT01",)]  # ids are keys: untouched
    assert masked.info["note"] == "Hotline 02•• •••••23"
    assert masked.tables["tasks"]["task"].tolist() == ["Gọi chị Lan 09•• ••• •99 trước 30/4"]
    quoted = masked.issues.set_index("reason")
    assert quoted.at["unknown_producer", "value"] == "TRẦN VĂN HÙNG 09•• ••• •01"
    assert masked.issues["tab"].str.contains("Tập huấn 09•• ••• •66", regex=False).any()
    # the original dataset is untouched
    assert all(p in _everything(ds) for p in PHONES)


def test_issue_params_are_masked():
    ds = normalise(ATTACK)
    issue = {"tab": "Khóm", "row": 2, "column": "Khóm", "value": None, "severity": "warning",
             "reason": "key_repeated", "params": {"first": "gọi 0901 234 101", "n": 3}}
    ds.issues = pd.concat([ds.issues, pd.DataFrame([issue])], ignore_index=True)
    assert mask_personal(ds).issues["params"].iloc[-1] == {"first": "gọi 09•• ••• •01", "n": 3}
    assert ds.issues["params"].iloc[-1]["first"] == "gọi 0901 234 101"


def test_a_quoted_household_name_is_masked_in_issues():
    ds = normalise(ATTACK)
    issue = {"tab": "Chủ thể", "row": 2, "column": "Tên chủ thể", "value": "Hộ ông Trương Văn Đức",
             "severity": "warning", "reason": "text", "params": {}}
    ds.issues = pd.concat([ds.issues, pd.DataFrame([issue])], ignore_index=True)
    assert mask_personal(ds).issues["value"].iloc[-1] == "Hộ ông T. V. Đ."


def test_the_data_page_issues_and_their_downloads_are_masked():
    from analysis.metrics.summary import issues_table
    from analysis.outputs.exports import to_csv_bytes, to_xlsx_bytes

    ds = normalise(ATTACK)
    assert "0901 234 101" in to_csv_bytes(issues_table(ds)).decode("utf-16")
    table = issues_table(mask_personal(ds))
    csv = to_csv_bytes(table).decode("utf-16")
    assert find_phones(csv) == [] and "09•• ••• •01" in csv
    assert b"0901 234 101" not in to_xlsx_bytes({"issues": table})


def test_holds_personal():
    ds = normalise(ATTACK)
    assert holds_personal(ds) and holds_personal(ds, ("tables",))
    assert holds_personal(ds, ("issues",)) and holds_personal(ds, ("info",))
    assert not holds_personal(normalise({"Khóm": [["Khóm"], ["Khóm 1"]]}))
    producers = [["Mã chủ thể", "Tên chủ thể", "Người đại diện"], ["CT01", "HTX A", "Lê Bé"]]
    contacts_only = normalise({"Khóm": [["Khóm"], ["Khóm 1"]], "Chủ thể": producers})
    assert holds_personal(contacts_only, ("tables",)) and not holds_personal(contacts_only, ("issues", "info"))
