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
    # --- shared by the province pages (analysis/outputs/province_tables.py) ---------------------
    "province.status.ok": ("Đã đọc", "Read"),
    "province.status.stale": ("Dữ liệu cũ", "Old data"),
    "province.status.unreadable": ("Không đọc được", "Unreadable"),
    "province.short.SP_OCOP": ("SP 3 sao+", "3★+ products"),
    "province.short.SP_TIEM_NANG": ("SP tiềm năng", "Potential"),
    "province.short.HO_SO_NOP": ("Hồ sơ nộp", "Dossiers"),
    "province.short.CHU_THE_THAM_GIA": ("Chủ thể tham gia", "Producers in"),
    "province.short.TT_SO_BUOI": ("Buổi TT", "Sessions"),
    "province.short.TT_LUOT_NGUOI": ("Lượt người TT", "People reached"),
    "province.short.TT_KHOM": ("Khóm được TT", "Khóm reached"),
    "province.short.TT_CHU_THE": ("Chủ thể tiếp cận", "Producers reached"),
    "province.short.TH_LUOT_CAN_BO": ("Lượt CB tập huấn", "Trainings"),
    "province.col.rank": ("Hạng", "Rank"),
    "province.col.on_track": ("Chỉ tiêu đúng tiến độ", "Targets on track"),
    "province.col.mean_percent": ("Tỷ lệ đạt bình quân", "Mean reached"),
    "province.col.errors": ("Lỗi", "Errors"),
    "province.col.warnings": ("Cảnh báo", "Warnings"),
    "fig.province_trend.title": ("Chỉ tiêu chính toàn tỉnh theo thời gian", "Key indicators over time"),
    "fig.province_trend.axis": ("% chỉ tiêu toàn tỉnh", "% of the province's target"),
    # --- Toàn tỉnh (pages/province.py) ----------------------------------------------------------
    "province.heading": ("Toàn tỉnh năm {year}", "The province in {year}"),
    "province.summary": (
        "{units} đơn vị: {ok} đọc được lần này, {stale} dùng dữ liệu cũ, {unreadable} không đọc được · "
        "đồng bộ lúc {time}",
        "{units} units: {ok} read this time, {stale} on old data, {unreadable} unreadable · synced at {time}",
    ),
    "province.no_targets": (
        "Chưa đơn vị nào đặt chỉ tiêu cho năm {year}.",
        "No unit has set targets for {year}.",
    ),
    "province.behind_headline": (
        "{n} trên {total} đơn vị có chỉ tiêu chậm tiến độ (danh sách ở dưới).",
        "{n} of {total} units have targets behind pace (listed below).",
    ),
    "province.all_on_track": ("Mọi đơn vị đều đúng tiến độ.", "Every unit is on track."),
    "province.totals_heading": ("Cộng các đơn vị", "All units together"),
    "province.totals_explain": (
        "Thực hiện / kế hoạch là tổng của các đơn vị có dữ liệu năm {year} (đơn vị dùng dữ liệu cũ vẫn được "
        "tính, đơn vị không đọc được thì không); tiến độ tính đến ngày {day}.",
        "Actual / target sum the units with data for {year} (a unit on old data counts, an unreadable one "
        "does not); pace as of {day}.",
    ),
    "province.not_current_heading": ("Đơn vị chưa có dữ liệu mới ({n})", "Units without fresh data ({n})"),
    "province.stale_item": (
        "**{name}**: dùng dữ liệu cũ (đọc lúc {last}); chưa đọc lại được từ {since}. Lý do: {reason}",
        "**{name}**: on old data (read at {last}); not read again since {since}. Why: {reason}",
    ),
    "province.unreadable_item": (
        "**{name}**: chưa đọc được lần nào (từ {since}), không được tính vào tổng. Lý do: {reason}",
        "**{name}**: never read (since {since}), left out of the totals. Why: {reason}",
    ),
    "province.matrix_heading": ("Từng đơn vị, từng chỉ tiêu năm {year}", "Each unit, each indicator in {year}"),
    "province.matrix_explain": (
        "Tỷ lệ đạt so với chỉ tiêu của chính đơn vị: {legend}; — là chưa đặt chỉ tiêu. Bấm tên đơn vị để mở "
        "bảng điều khiển của đơn vị; bấm tiêu đề cột để sắp xếp.",
        "Share of each unit's own target reached: {legend}; — means no target. Click a unit's name to open its "
        "dashboard; click a column header to sort.",
    ),
    "province.ranking_heading": ("Xếp hạng đơn vị", "Units ranked"),
    "province.ranking_explain": (
        "Xếp theo tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ, rồi theo tỷ lệ đạt bình quân (mỗi chỉ tiêu tính tối đa "
        "100%). Đơn vị không đọc được không được xếp hạng.",
        "Ranked by the share of targets reached or on track, then by the mean share reached (each target "
        "counted up to 100%). Unreadable units are not ranked.",
    ),
    "province.behind_heading": ("Đơn vị chậm tiến độ", "Units behind pace"),
    "province.behind_item": ("{name}: **{n}** chỉ tiêu chậm ({indicators})", "{name}: **{n}** behind ({indicators})"),
    "province.none_behind": ("Không đơn vị nào chậm tiến độ.", "No unit is behind pace."),
    "province.trend_heading": ("Chỉ tiêu chính theo thời gian", "Key indicators over time"),
    "province.trend_one_day": (
        "Mới có dữ liệu của một ngày ({day}): mỗi chỉ tiêu là một điểm. Đường xu hướng sẽ hiện sau các lần "
        "đồng bộ ở những ngày sau.",
        "Data from one day only ({day}): each indicator is one point. The lines appear after syncs on later days.",
    ),
    "province.no_trend": (
        "Chưa có số liệu theo thời gian cho năm {year}.",
        "No figures over time for {year} yet.",
    ),
    # --- Chất lượng dữ liệu (pages/province_quality.py) -----------------------------------------
    "province_quality.heading": ("Chất lượng dữ liệu các đơn vị", "Data quality across units"),
    "province_quality.explain": (
        "Số ô có lỗi (dòng bị loại) và cảnh báo (giá trị đáng ngờ) trong bảng tính của mỗi đơn vị, theo trang "
        "tính. Bấm tên đơn vị để xem từng ô cần sửa trên trang Dữ liệu của đơn vị.",
        "Errors (rows left out) and warnings (doubtful values) in each unit's workbook, by tab. Click a unit's "
        "name to see every cell to fix on that unit's Data page.",
    ),
    "province_quality.units_heading": ("Vấn đề theo đơn vị", "Issues by unit"),
    "province_quality.units_summary": (
        "{n} trên {total} đơn vị có lỗi hoặc cảnh báo.",
        "{n} of {total} units have errors or warnings.",
    ),
    "province_quality.link_help": ("Mở trang Dữ liệu của đơn vị", "Opens the unit's Data page"),
    "province_quality.registry_heading": ("Sổ đơn vị (trang Đơn vị)", "The registry (tab Đơn vị)"),
    "province_quality.registry_ok": (
        "Mọi dòng của sổ đơn vị đều đọc được.",
        "Every row of the registry was read.",
    ),
    "province_quality.registry_explain": (
        "{n} vấn đề trong sổ đơn vị: dòng bị loại thì đơn vị đó không được đọc; sửa trong bảng tính sổ đơn vị.",
        "{n} issues in the registry: a rejected row's unit is not read; fix them in the registry workbook.",
    ),
    "province.more_units": (
        "… và {n} đơn vị khác (xem bảng từng đơn vị ở trên; bấm tiêu đề cột để sắp xếp).",
        "… and {n} more units (see the table of every unit above; click a column header to sort).",
    ),
}
