"""analysis/policy/privacy.py: phones and names masked in a copy; the original untouched."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.policy.privacy import MASK, PERSONAL_COLUMNS, mask_name, mask_personal, mask_phone
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
    # everything else is as it was
    other = [k for k in before.columns if k not in PERSONAL_COLUMNS["producers"]]
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
