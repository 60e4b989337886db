"""Catalogue entries (Vietnamese, English) for snapshots: merged by analysis/i18n/strings.py.

Why a saved copy (data_sources/snapshot.py) was not used: SourceError("snapshot_<why>", ...),
shown after the source's own error as snapshot.not_used.
"""
from __future__ import annotations

SNAPSHOTS: dict[str, tuple[str, str]] = {
    "snapshot.not_used": (
        "Không dùng được bản lưu gần nhất vì bản lưu bị hỏng hoặc không hợp lệ: {reason}",
        "The last saved copy was not used because it is damaged or invalid: {reason}",
    ),
    "source_error.snapshot_unreadable": (
        "tệp bản lưu bị hỏng, không đọc được.",
        "the saved file is damaged and cannot be read.",
    ),
    "source_error.snapshot_too_large": (
        "tệp bản lưu quá lớn ({size} MB, tối đa {limit} MB).",
        "the saved file is too large ({size} MB, at most {limit} MB).",
    ),
    "source_error.snapshot_too_deep": (
        "dữ liệu trong bản lưu lồng nhau sâu hơn định dạng cho phép.",
        "the saved data is nested deeper than the format allows.",
    ),
    "source_error.snapshot_too_many_tabs": (
        "bản lưu có quá nhiều trang tính ({count}, tối đa {limit}).",
        "the copy has too many tabs ({count}, at most {limit}).",
    ),
    "source_error.snapshot_too_many_rows": (
        "bản lưu có quá nhiều dòng (tối đa {limit}).",
        "the copy has too many rows (at most {limit}).",
    ),
    "source_error.snapshot_too_many_cells": (
        "bản lưu có quá nhiều ô (tối đa {limit}).",
        "the copy has too many cells (at most {limit}).",
    ),
    "source_error.snapshot_cell_too_long": (
        "một ô trong bản lưu dài quá {limit} ký tự (trang tính thứ {tab}, dòng {row}).",
        "a cell in the copy is longer than {limit} characters (tab {tab}, row {row}).",
    ),
    "source_error.snapshot_wrong_format": (
        "bản lưu không đúng định dạng hoặc phiên bản mà ứng dụng này đọc được.",
        "the copy is not in the format or version this application reads.",
    ),
    "source_error.snapshot_other_sheet": (
        "bản lưu là của một bảng tính khác.",
        "the copy belongs to another spreadsheet.",
    ),
    "source_error.snapshot_bad_field": (
        "trường “{field}” của bản lưu sai kiểu hoặc sai giá trị.",
        "the copy's field “{field}” has the wrong type or value.",
    ),
    "source_error.snapshot_bad_url": (
        "bản lưu chứa đường liên kết không phải của chính bảng tính này.",
        "the copy holds a link that is not this spreadsheet's own.",
    ),
    "source_error.snapshot_time_future": (
        "thời điểm “{field}” của bản lưu nằm ở tương lai.",
        "the copy's time “{field}” lies in the future.",
    ),
    "source_error.snapshot_time_too_old": (
        "thời điểm “{field}” của bản lưu trước năm 2000.",
        "the copy's time “{field}” is before the year 2000.",
    ),
    "source_error.snapshot_time_invalid": (
        "thời điểm “{field}” của bản lưu không đọc được hoặc thiếu múi giờ.",
        "the copy's time “{field}” is unreadable or has no time zone.",
    ),
    "source_error.snapshot_bad_cell": (
        "một ô trong bản lưu không hợp lệ (trang tính thứ {tab}, dòng {row}).",
        "a cell in the copy is invalid (tab {tab}, row {row}).",
    ),
}
