"""Catalogue entries (Vietnamese, English) for the province view (registry): merged by analysis/i18n/strings.py."""
from __future__ import annotations

REGISTRY: dict[str, tuple[str, str]] = {
    # --- reading the registry's tab Đơn vị (analysis/workbook/registry.py) ---------------------------
    "reason.registry_tab_missing": (
        "Không có trang Đơn vị nên chưa đọc được đơn vị nào; hãy thêm trang Đơn vị với các cột "
        "Mã đơn vị, Tên đơn vị, Nguồn dữ liệu.",
        "No Đơn vị tab, so no unit could be read; add a Đơn vị tab with the columns "
        "Mã đơn vị, Tên đơn vị, Nguồn dữ liệu.",
    ),
    "reason.unit_code_invalid": (
        "Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và các dấu . _ - (bắt đầu bằng chữ hoặc số, tối đa {max} "
        "ký tự), ví dụ 30316; dòng này không được tính.",
        "A unit code holds only letters without diacritics, digits and . _ - (a letter or digit first, at most "
        "{max} characters), e.g. 30316; this row is not counted.",
    ),
    "reason.email_invalid": (
        "Không phải địa chỉ email nên được bỏ qua; các email khác trong ô vẫn được giữ. Ghi mỗi email "
        "dạng ten@donvi.gov.vn, cách nhau bằng dấu phẩy.",
        "Not an e-mail address, so it is left out; the cell's other e-mails are kept. Write each as "
        "name@unit.gov.vn, separated by commas.",
    ),
}
