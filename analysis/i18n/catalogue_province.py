"""Catalogue entries (Vietnamese, English) for the province pages: merged by analysis/i18n/strings.py.

The frame (pages/ui/province_frame.py) first, then each province page.
"""
from __future__ import annotations

PROVINCE: dict[str, tuple[str, str]] = {
    # --- the frame --------------------------------------------------------------------
    "province.title": ("OCOP toàn tỉnh", "OCOP across the province"),
    "nav.province": ("Toàn tỉnh", "Province"),
    "nav.province_quality": ("Chất lượng dữ liệu", "Data quality"),
    "nav.province_report": ("Báo cáo tỉnh", "Province report"),
    "province.first_sync": (
        "Đang đọc dữ liệu của các đơn vị lần đầu. Trang sẽ tự hiện khi đọc xong.",
        "Reading the units' data for the first time. The page appears by itself when it is done.",
    ),
    "province.synced_at": ("Dữ liệu đồng bộ lúc {time}", "Data synced at {time}"),
    "province.sync_running": ("Đang đồng bộ lại dữ liệu các đơn vị…", "Syncing the units' data again…"),
    "province.refresh": ("Đồng bộ lại ngay", "Sync now"),
    "province.back": ("← Về trang toàn tỉnh", "← Back to the province"),
    "province.unknown_unit": (
        "Sổ đơn vị không có đơn vị mã “{code}”. Kiểm tra lại đường liên kết.",
        "The registry has no unit with code “{code}”. Check the link.",
    ),
    "province.unit_unreadable": (
        "Chưa đọc được dữ liệu của đơn vị này lần nào: {reason}",
        "This unit's data has never been read: {reason}",
    ),
}
