"""Catalogue entries (Vietnamese, English) for the province report: merged by analysis/i18n/strings.py.

The workbook (analysis/outputs/province_report.py, province_report_sheets.py) first, then its page
(pages/province_report.py). Indicator names (indicator.<CODE>), "Năm báo cáo", "Ngày lập báo cáo",
the footer and the contents heading are the unit report's own keys (catalogue_report.py).
"""
from __future__ import annotations

PROVINCE_REPORT: dict[str, tuple[str, str]] = {
    # --- the workbook -----------------------------------------------------------------
    "province_report.sheet.units": ("Chỉ tiêu theo đơn vị", "Targets by unit"),
    "province_report.sheet.behind": ("Đơn vị chậm tiến độ", "Units behind"),
    "province_report.sheet.not_current": ("Đơn vị chưa cập nhật", "Units not up to date"),
    "province_report.cover.title": (
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP) TOÀN TỈNH NĂM {year}",
        "REPORT ON THE ONE COMMUNE ONE PRODUCT (OCOP) PROGRAMME ACROSS THE PROVINCE, {year}",
    ),
    "province_report.cover.for": ("Dùng cho", "For"),
    "province_report.cover.for_value": ("Hội đồng OCOP tỉnh và cơ quan thường trực Chương trình OCOP tỉnh",
                                        "The provincial OCOP council and the department running the programme"),
    "province_report.cover.units": ("Số đơn vị trong sổ đơn vị", "Units in the registry"),
    "province_report.cover.ok": ("Đơn vị đọc được số liệu mới", "Units read this time"),
    "province_report.cover.stale": ("Đơn vị dùng số liệu cũ", "Units counted with older data"),
    "province_report.cover.unreadable": ("Đơn vị không đọc được", "Units that could not be read"),
    "province_report.cover.oldest_read": ("Số liệu cũ nhất đọc lúc", "Oldest data read at"),
    "province_report.cover.newest_read": ("Số liệu mới nhất đọc lúc", "Newest data read at"),
    "province_report.cover.rule": ("Cách tính", "How units count"),
    "province_report.cover.rule_text": (
        "Số liệu toàn tỉnh là tổng chỉ tiêu và tổng kết quả của các đơn vị. Đơn vị “Dữ liệu cũ” (lần đọc gần "
        "nhất không thành công) vẫn được tính với số liệu đọc được gần nhất. Đơn vị “Không đọc được” (chưa đọc "
        "được lần nào) không được tính vào bất kỳ số liệu nào.",
        "The province's figures are the sum of the units' targets and results. A unit marked “Older data” (its "
        "latest read failed) still counts with the last data read from it. A unit marked “Not readable” (never "
        "read) counts nowhere.",
    ),
    "province_report.context": ("{title} · Năm {year} · Số liệu đọc từ {oldest} đến {newest}",
                                "{title} · {year} · Data read between {oldest} and {newest}"),
    "province_report.legend": (
        "Ô tô màu có chữ “chậm”: chậm so với tiến độ của năm (mỗi đơn vị xét tại ngày số liệu của đơn vị được "
        "đọc). Dòng “Toàn tỉnh” là tổng các đơn vị có số liệu.",
        "A shaded cell marked “behind”: behind the year's pace (each unit judged on the day its data was read). "
        "The “Province” row sums the units that have data.",
    ),
    "province_report.title.units": ("Kết quả thực hiện các chỉ tiêu năm {year} theo đơn vị",
                                    "Targets and results by unit, {year}"),
    "province_report.title.behind": ("Đơn vị chậm tiến độ năm {year}, nhiều chỉ tiêu chậm nhất trước",
                                     "Units behind pace in {year}, most indicators behind first"),
    "province_report.title.not_current": ("Đơn vị chưa cập nhật được số liệu (tình trạng đến {day})",
                                          "Units whose data could not be updated (as of {day})"),
    "province_report.col.unit_code": ("Mã đơn vị", "Unit code"),
    "province_report.col.unit_name": ("Tên đơn vị", "Unit"),
    "province_report.col.kind": ("Loại", "Kind"),
    "province_report.col.status": ("Tình trạng số liệu", "Data status"),
    "province_report.col.read_on": ("Ngày đọc số liệu", "Data read on"),
    "province_report.col.behind_count": ("Số chỉ tiêu chậm", "Indicators behind"),
    "province_report.col.behind_which": ("Chỉ tiêu chậm tiến độ (tỷ lệ đạt)", "Indicators behind (share reached)"),
    "province_report.col.reason": ("Lý do", "Reason"),
    "province_report.col.since": ("Không đọc được từ", "Failing since"),
    "province_report.col.last_read": ("Lần đọc được gần nhất", "Last read"),
    "province_report.status.ok": ("Đã cập nhật", "Up to date"),
    "province_report.status.stale": ("Dữ liệu cũ", "Older data"),
    "province_report.status.unreadable": ("Không đọc được", "Not readable"),
    "province_report.row.province": ("Toàn tỉnh", "Province"),
    "province_report.behind_mark": ("chậm", "behind"),
    "province_report.no_behind": ("Không có đơn vị nào chậm tiến độ.", "No unit is behind pace."),
    "province_report.no_not_current": ("Mọi đơn vị đều đã cập nhật số liệu.", "Every unit's data is up to date."),
    "province_report.written": ("Đã ghi báo cáo toàn tỉnh năm {year} vào tệp “{path}”.",
                                "Wrote the province report for {year} to “{path}”."),
    # --- the page (pages/province_report.py) -------------------------------------------
    "province_report.heading": ("Báo cáo toàn tỉnh năm {year}", "Province report {year}"),
    "province_report.explain": (
        "Tệp Excel cho Hội đồng OCOP tỉnh: trang bìa, mỗi đơn vị một dòng với chỉ tiêu, kết quả và tỷ lệ đạt của "
        "từng chỉ tiêu, dòng Toàn tỉnh, các đơn vị chậm tiến độ và các đơn vị chưa cập nhật. Định dạng sẵn để in "
        "khổ A4 ngang.",
        "An Excel file for the provincial OCOP council: a cover, one row per unit with each indicator's target, "
        "result and share reached, the province's row, the units behind pace and the units not up to date. "
        "Formatted to print on A4 landscape.",
    ),
    "province_report.year_in_use": ("Năm báo cáo: **{year}** (đổi năm ở thanh bên).",
                                    "Year reported: **{year}** (change it in the sidebar)."),
    "province_report.counts": (
        "{units} đơn vị: {ok} đã cập nhật, {stale} dùng số liệu cũ, {unreadable} không đọc được.",
        "{units} units: {ok} up to date, {stale} counted with older data, {unreadable} not readable.",
    ),
    "province_report.download": ("Tải báo cáo Excel toàn tỉnh", "Download the province's Excel report"),
}
