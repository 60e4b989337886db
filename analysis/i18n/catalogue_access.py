"""Catalogue entries (Vietnamese, English) for access: merged by analysis/i18n/strings.py."""
from __future__ import annotations

ACCESS: dict[str, tuple[str, str]] = {
    "access.auth_incomplete": (
        "**Cấu hình đăng nhập chưa đủ.** Mục `[ocop.access]` bật `login = true` nhưng bảng `[auth]` trong "
        "secrets thiếu: {missing}. Bảng điều khiển tạm dừng cho đến khi quản trị viên bổ sung; chưa ai có quyền "
        "cán bộ và không dữ liệu nào được hiển thị.",
        "**Login is not fully configured.** `[ocop.access]` sets `login = true` but the `[auth]` table in the "
        "secrets lacks: {missing}. The dashboard is paused until an administrator completes it; nobody has "
        "officer rights and no data is shown.",
    ),
    "entry.off_without_login": (
        "Nhập nhanh đang tắt: bảng điều khiển không yêu cầu đăng nhập, nên ai có đường dẫn cũng có thể ghi vào "
        "bảng tính chung. Quản trị viên có thể bật đăng nhập (cán bộ được nhập) hoặc đặt "
        "`entry_without_login = true` nếu chấp nhận rủi ro đó.",
        "Quick entry is off: the dashboard does not ask anyone to sign in, so anyone with the link could add rows "
        "to the shared sheet. An administrator can turn login on (officers may enter) or set "
        "`entry_without_login = true` to accept that risk.",
    ),
    "entry.arrived": (
        "Lần gửi trước đã tới: trang “{tab}” đã có dòng này (đã ghi). Không ghi thêm lần nữa.",
        "The earlier attempt arrived: the tab “{tab}” already has this row (saved). It was not added again.",
    ),
    "entry.not_arrived": (
        "Chưa ghi: trang “{tab}” chưa có dòng này. Bấm gửi lại; trước khi ghi, bảng tính sẽ được kiểm tra lại "
        "để không có dòng trùng.",
        "Not saved: the tab “{tab}” does not have this row. Press send again; the sheet is checked again first, "
        "so the row cannot be added twice.",
    ),
    "entry.unknown": (
        "Chưa rõ dòng đã được ghi hay chưa (không đọc lại được bảng tính). Hãy mở bảng tính để xem; bấm gửi lại "
        "sẽ kiểm tra trước khi ghi, nên không thêm dòng trùng.",
        "It is not known whether the row was saved (the sheet could not be read back). Open the sheet to see; "
        "sending again checks first, so no duplicate row is added.",
    ),
}
