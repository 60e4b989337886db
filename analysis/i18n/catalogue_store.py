"""Catalogue entries (Vietnamese, English) for the province store and its sync: merged by analysis/i18n/strings.py.

The command line's `sync` and `province` lines, and why a store or a unit could not be read
(SourceError codes raised by data_sources/store.py, data_sources/google_drive.py and analysis/cli/sync.py).
"""
from __future__ import annotations

STORE: dict[str, tuple[str, str]] = {
    "province.no_registry": (
        "Chưa chọn sổ đơn vị: đặt --registry, biến môi trường OCOP_REGISTRY, hoặc registry trong mục [ocop] "
        "của secrets.toml (một tệp .xlsx, một Google Sheet, hoặc demo).",
        "No registry of units chosen: give --registry, the OCOP_REGISTRY environment variable, or registry "
        "under [ocop] in secrets.toml (an .xlsx file, a Google Sheet, or demo).",
    ),
    "province.synced": (
        "Đã đồng bộ {units} đơn vị vào {path}: đọc lại {reread}, lỗi {failed}, {requests} yêu cầu tới Google.",
        "Synced {units} units into {path}: {reread} read again, {failed} failed, {requests} requests to Google.",
    ),
    "source_error.store_busy": (
        "Đang có một lần đồng bộ khác ghi vào kho dữ liệu {path}; lần này không chạy. Thử lại sau ít phút.",
        "Another sync is writing to the store {path}; this one did not run. Try again in a few minutes.",
    ),
    "source_error.store_missing": (
        "Kho dữ liệu toàn tỉnh {path} chưa có. Chạy: python -m analysis sync",
        "The province store {path} does not exist yet. Run: python -m analysis sync",
    ),
    "source_error.store_unreadable": (
        "Không mở được kho dữ liệu toàn tỉnh {path} ({detail}). Chạy lại đồng bộ để dựng lại kho.",
        "The province store {path} cannot be opened ({detail}). Run a sync again to rebuild it.",
    ),
    "source_error.registry_no_source": (
        "Sổ đơn vị không ghi nguồn dữ liệu cho đơn vị {code} (cột Nguồn dữ liệu trống).",
        "The registry gives no data source for unit {code} (the Nguồn dữ liệu column is blank).",
    ),
    "source_error.drive_forbidden": (
        "Google Drive từ chối cho tài khoản dịch vụ {email} xem danh sách bảng tính (Drive API chưa bật cho dự án, "
        "hoặc chưa cấp quyền drive.metadata.readonly). Các đơn vị vẫn được đọc, nhưng đọc lại hết mỗi lần.",
        "Google Drive refused to list spreadsheets for the service account {email} (the Drive API is not enabled "
        "for the project, or drive.metadata.readonly is not granted). Units are still read, but all of them "
        "every time.",
    ),
    # A unit's own wording where the one-unit message would point at OCOP_DATA (analysis/metrics/province.py
    # unit_reason_code): the registry's Nguồn dữ liệu is what to check.
    "source_error.unit_file_missing": (
        "Không tìm thấy tệp “{path}” ghi ở cột Nguồn dữ liệu của sổ đơn vị. Kiểm tra lại đường dẫn trong sổ.",
        "The file “{path}” named in the registry's Nguồn dữ liệu column was not found. Check the path in the "
        "registry.",
    ),
}
