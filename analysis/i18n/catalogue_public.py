"""Catalogue entries (Vietnamese, English) for a Google Sheet read without credentials: merged by
analysis/i18n/strings.py.

data_sources/public_sheet.py reads a sheet shared as "Anyone with the link" from its .xlsx export when no
service account is configured; the pages warn that such a sheet is open to anyone with its link.
"""
from __future__ import annotations

PUBLIC: dict[str, tuple[str, str]] = {
    "source.gsheet_public": ("Google Sheet công khai: {title}", "Public Google Sheet: {title}"),
    "source_error.gsheet_not_public": (
        "Không đọc được Google Sheet “{key}” khi chưa có tài khoản dịch vụ: bảng tính chưa được chia sẻ công khai "
        "(Google đòi đăng nhập), hoặc đường liên kết sai. Có hai cách:\n\n"
        "1. Mở bảng tính, bấm “Chia sẻ”, ở “Quyền truy cập chung” chọn “Bất kỳ ai có đường liên kết: Người xem”. "
        "Lưu ý: khi đó ai có đường liên kết cũng xem được số điện thoại của các chủ thể.\n\n"
        "2. Hoặc cấu hình tài khoản dịch vụ Google: bảng [gcp_service_account] trong .streamlit/secrets.toml hoặc "
        "biến GOOGLE_APPLICATION_CREDENTIALS trỏ tới tệp khoá JSON, rồi chia sẻ bảng tính cho e-mail của tài "
        "khoản đó với quyền Người xem (xem README, mục “Chọn nguồn dữ liệu”).",
        "The Google Sheet “{key}” cannot be read without a service account: it is not shared publicly (Google "
        "asks to sign in), or the link is wrong. Two ways forward:\n\n"
        "1. Open the sheet, click “Share” and under “General access” choose “Anyone with the link: Viewer”. "
        "Note: anyone with the link can then read the producers' phone numbers.\n\n"
        "2. Or configure a Google service account: a [gcp_service_account] table in .streamlit/secrets.toml or "
        "GOOGLE_APPLICATION_CREDENTIALS pointing to the JSON key file, then share the sheet with that account's "
        "e-mail as Viewer (see the README, “Chọn nguồn dữ liệu”).",
    ),
    "public.warning": (
        "Bảng tính này được chia sẻ công khai (“Bất kỳ ai có đường liên kết”): ai có đường liên kết đều đọc được "
        "số điện thoại của các chủ thể. Nên dùng tài khoản dịch vụ và chia sẻ riêng cho nó.",
        "This sheet is shared publicly (“Anyone with the link”): anyone with its link can read the producers' "
        "phone numbers. Prefer a service account, and share the sheet with it only.",
    ),
    "entry.needs_credentials": (
        "Bảng tính đang được đọc công khai, không có tài khoản dịch vụ, nên không ghi được vào đó. Nhập nhanh cần "
        "tài khoản dịch vụ có quyền Người chỉnh sửa (xem README, mục “Chọn nguồn dữ liệu”).",
        "The sheet is read publicly, without a service account, so nothing can be written to it. Quick entry needs "
        "a service account with Editor access (see the README, “Chọn nguồn dữ liệu”).",
    ),
}
