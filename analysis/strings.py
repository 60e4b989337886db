"""The one catalogue of everything a user reads, Vietnamese first, English second.

`t(key, lang, **params)` looks a string up and fills `{params}`. Every key has
both languages (tests/analysis/test_strings.py checks it).
"""
from __future__ import annotations

from typing import Any

DEFAULT_LANG = "vi"
LANGS = ("vi", "en")

CATALOGUE: dict[str, tuple[str, str]] = {
    # --- the frame -----------------------------------------------------------
    "app.title": ("Bảng điều khiển OCOP", "OCOP dashboard"),
    "app.subtitle": ("Chương trình Mỗi xã một sản phẩm", "One Commune One Product programme"),
    "nav.overview": ("Tổng quan", "Overview"),
    "nav.data": ("Dữ liệu", "Data quality"),
    "sidebar.year": ("Năm", "Year"),
    "sidebar.language": ("Ngôn ngữ", "Language"),
    "sidebar.refresh": ("Tải lại dữ liệu", "Reload data"),
    "sidebar.source": ("Nguồn dữ liệu", "Data source"),
    "sidebar.read_at": ("Đọc lúc {time}", "Read at {time}"),
    "source.demo": ("Bảng tính mẫu kèm theo (dữ liệu mẫu)", "Bundled sample workbook (sample data)"),
    "source.xlsx": ("Tệp Excel: {location}", "Excel file: {location}"),
    "source.gsheet": ("Google Sheet: {title}", "Google Sheet: {title}"),
    "source.sample_banner": (
        "Đây là DỮ LIỆU MẪU minh hoạ, không phải số liệu thật của đơn vị nào.",
        "This is SAMPLE DATA for illustration, not any ward's real figures.",
    ),
    "source.cannot_read": ("Không đọc được nguồn dữ liệu", "The data source cannot be read"),
    "error.unexpected": (
        "Đã xảy ra lỗi không mong muốn khi xử lý dữ liệu. Vui lòng tải lại trang; nếu lỗi còn, báo cho cán bộ quản trị.",
        "An unexpected error occurred while processing the data. Reload the page; if it persists, tell the administrator.",
    ),
    # --- source errors (data_sources raise SourceError(code, **params)) -------
    "source_error.file_missing": (
        "Không tìm thấy tệp dữ liệu “{path}”. Kiểm tra lại đường dẫn trong OCOP_DATA hoặc [ocop] data trong secrets.toml.",
        "The data file “{path}” was not found. Check the path in OCOP_DATA or [ocop] data in secrets.toml.",
    ),
    "source_error.not_workbook": (
        "Tệp “{path}” không phải bảng tính Excel (.xlsx) hợp lệ hoặc đã bị hỏng. Hãy mở tệp bằng Excel/LibreOffice và lưu lại dưới dạng .xlsx.",
        "“{path}” is not a valid Excel workbook (.xlsx) or is corrupt. Open it in Excel/LibreOffice and save it again as .xlsx.",
    ),
    "source_error.gsheet_forbidden": (
        "Google Sheet chưa được chia sẻ cho tài khoản dịch vụ. Hãy mở bảng tính, bấm “Chia sẻ” và thêm {email} với quyền Người xem.",
        "The Google Sheet is not shared with the service account. Open it, click “Share” and add {email} as a Viewer.",
    ),
    "source_error.gsheet_not_found": (
        "Không tìm thấy Google Sheet có mã “{key}”. Kiểm tra lại đường liên kết hoặc mã bảng tính.",
        "No Google Sheet with key “{key}” exists. Check the link or the key.",
    ),
    "source_error.gsheet_quota": (
        "Google đang giới hạn số lần đọc (quá hạn mức). Vui lòng chờ khoảng một phút rồi bấm “Tải lại dữ liệu”.",
        "Google is limiting reads (quota exceeded). Wait about a minute, then click “Reload data”.",
    ),
    "source_error.gsheet_unavailable": (
        "Không kết nối được với Google Sheets (mạng hoặc máy chủ Google đang gặp sự cố). Vui lòng thử lại sau ít phút.",
        "Google Sheets cannot be reached (network or Google is having trouble). Try again in a few minutes.",
    ),
    "source_error.gsheet_bad_response": (
        "Google Sheets trả về dữ liệu không đọc được. Vui lòng thử lại sau ít phút.",
        "Google Sheets returned an unreadable answer. Try again in a few minutes.",
    ),
    "source_error.gsheet_bad_key": (
        "“{value}” không phải đường liên kết hay mã Google Sheet hợp lệ.",
        "“{value}” is not a valid Google Sheets link or key.",
    ),
    "source_error.credentials_missing": (
        "Chưa cấu hình tài khoản dịch vụ Google. Thêm bảng [gcp_service_account] vào .streamlit/secrets.toml hoặc đặt biến GOOGLE_APPLICATION_CREDENTIALS.",
        "No Google service account is configured. Add a [gcp_service_account] table to .streamlit/secrets.toml or set GOOGLE_APPLICATION_CREDENTIALS.",
    ),
    "source_error.credentials_invalid": (
        "Thông tin tài khoản dịch vụ Google không hợp lệ ({detail}). Hãy tải lại tệp khoá JSON từ Google Cloud và cấu hình lại.",
        "The Google service-account credentials are invalid ({detail}). Download the JSON key again from Google Cloud and reconfigure.",
    ),
    # --- data-quality reasons ------------------------------------------------
    "reason.date": ("Ngày không đọc được; hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/03/2023.",
                    "Unreadable date; write day/month/year, e.g. 15/03/2023."),
    "reason.date_impossible": ("Ngày không có thật (ví dụ 31/02).", "The date does not exist (e.g. 31/02)."),
    "reason.date_out_of_range": ("Năm của ngày nằm ngoài khoảng 1990–2100.", "The date's year is outside 1990–2100."),
    "reason.number": ("Không phải số; hãy ghi chỉ con số, ví dụ 1.200 hoặc 72,5.",
                      "Not a number; write the figure only, e.g. 1.200 or 72,5."),
    "reason.integer": ("Phải là số nguyên.", "Must be a whole number."),
    "reason.year": ("Năm không hợp lệ; hãy ghi 4 chữ số, ví dụ 2023.", "Invalid year; write 4 digits, e.g. 2023."),
    "reason.yesno": ("Không rõ có hay không; hãy ghi “Có” hoặc “Không”.", "Unclear yes/no; write “Có” or “Không”."),
    "reason.doc_status": ("Tình trạng giấy tờ không rõ; dùng Đã có, Đang làm, Chưa có hoặc Không áp dụng.",
                          "Unclear document status; use Đã có, Đang làm, Chưa có or Không áp dụng."),
    "reason.stars": ("Số sao không hợp lệ; ghi từ 1 đến 5, ví dụ 3 hoặc “3 sao”.",
                     "Invalid star rating; write 1 to 5, e.g. 3 or “3 sao”."),
    "reason.vocab": ("Giá trị không có trong danh mục của cột này.", "Value is not in this column's list."),
    "reason.key_missing": ("Dòng thiếu giá trị khoá nên không được tính.", "The row's key is blank, so the row is not counted."),
    "reason.key_repeated": ("Trùng với dòng {first}; dòng sau không được tính.",
                            "Repeats row {first}; the later row is not counted."),
    "reason.required_missing": ("Thiếu giá trị bắt buộc.", "A required value is missing."),
    "reason.out_of_range": ("Giá trị nằm ngoài khoảng cho phép ({low}–{high}).", "Value outside the allowed range ({low}–{high})."),
    "reason.unknown_producer": ("Mã chủ thể không có trong trang Chủ thể.", "Producer id not found in the Chủ thể tab."),
    "reason.unknown_product": ("Mã sản phẩm không có trong trang Sản phẩm.", "Product id not found in the Sản phẩm tab."),
    "reason.code_unknown": ("Mã chỉ tiêu không có trong danh mục; chỉ tiêu này không được tính.",
                            "Unknown indicator code; this target is not computed."),
    "reason.tab_missing": ("Thiếu trang tính này; các trang khác vẫn được đọc.", "This tab is missing; the other tabs are still read."),
    "reason.tab_unknown": ("Trang tính không thuộc mẫu, được bỏ qua.", "Tab not in the template; ignored."),
    "reason.tab_duplicate": ("Trang tính trùng tên với “{first}”, được bỏ qua.", "Tab repeats “{first}”; ignored."),
    "reason.header_missing": ("Không tìm thấy dòng tiêu đề trong 10 dòng đầu; cần các cột: {columns}.",
                              "No header row in the first 10 rows; required columns: {columns}."),
    "reason.columns_missing": ("Thiếu cột bắt buộc: {columns}. Trang này không được tính.",
                               "Required columns missing: {columns}. This tab is not counted."),
    "reason.column_extra": ("Cột không thuộc mẫu, không dùng trong phân tích.", "Column not in the template; not analysed."),
    "reason.column_duplicate": ("Cột trùng tên, chỉ dùng cột đầu tiên.", "Repeated column; only the first is used."),
    "reason.column_unnamed": ("Cột có dữ liệu nhưng không có tiêu đề, không được dùng.", "Column has data but no header; not used."),
    "reason.info_defaults": ("Không có trang Thông tin; dùng tên đơn vị và số kế hoạch mặc định.",
                             "No Thông tin tab; default ward name and plan number are shown."),
    "reason.info_unknown": ("Mục không thuộc mẫu, được bỏ qua.", "Item not in the template; ignored."),
    "severity.error": ("Lỗi", "Error"),
    "severity.warning": ("Cảnh báo", "Warning"),
    "severity.notice": ("Lưu ý", "Notice"),
    # --- indicators -----------------------------------------------------------
    "indicator.SP_OCOP": ("Sản phẩm đạt 3 sao trở lên", "Products rated 3 stars or more"),
    "indicator.SP_TIEM_NANG": ("Sản phẩm tiềm năng được rà soát", "Potential products reviewed"),
    "indicator.HO_SO_NOP": ("Hồ sơ nộp đánh giá, phân hạng", "Dossiers submitted for rating"),
    "indicator.CHU_THE_THAM_GIA": ("Chủ thể tham gia chương trình", "Producers taking part"),
    "indicator.TT_SO_BUOI": ("Số buổi tuyên truyền", "Outreach activities"),
    "indicator.TT_LUOT_NGUOI": ("Lượt người được tuyên truyền", "People reached by outreach"),
    "indicator.TT_KHOM": ("Số khóm được tuyên truyền", "Khóm reached by outreach"),
    "indicator.TT_CHU_THE": ("Chủ thể được tiếp cận", "Producers reached by outreach"),
    "indicator.TH_LUOT_CAN_BO": ("Lượt cán bộ được tập huấn", "Officer training attendances"),
    "indicator.not_computed": ("Không tính được", "Not computed"),
    "indicator.no_target": ("Chưa đặt chỉ tiêu", "No target set"),
    # --- pages ------------------------------------------------------------------
    "overview.heading": ("Tổng quan năm {year}", "Overview {year}"),
    "overview.ward_plan": ("{ward} · Kế hoạch số {plan}", "{ward} · Plan no. {plan}"),
    "overview.report_to": ("Báo cáo về: {office}", "Reports to: {office}"),
    "overview.no_targets": ("Chưa có chỉ tiêu nào cho năm {year} trong trang Chỉ tiêu.",
                            "No targets for {year} in the Chỉ tiêu tab."),
    "overview.table_caption": ("Chỉ tiêu năm {year}: kế hoạch, thực hiện và tỷ lệ đạt",
                               "Targets {year}: planned, achieved and percent reached"),
    "col.code": ("Mã", "Code"),
    "col.indicator": ("Chỉ tiêu", "Indicator"),
    "col.target": ("Kế hoạch", "Target"),
    "col.actual": ("Thực hiện", "Actual"),
    "col.percent": ("Tỷ lệ đạt", "Reached"),
    "col.unit": ("Đơn vị tính", "Unit"),
    "col.tab": ("Trang tính", "Tab"),
    "col.row": ("Dòng", "Row"),
    "col.column": ("Cột", "Column"),
    "col.value": ("Giá trị đã ghi", "Value as written"),
    "col.severity": ("Mức độ", "Severity"),
    "col.reason": ("Lý do", "Reason"),
    "col.read": ("Dòng đọc được", "Rows read"),
    "col.accepted": ("Dòng hợp lệ", "Accepted"),
    "col.rejected": ("Dòng bị loại", "Rejected"),
    "data.heading": ("Chất lượng dữ liệu", "Data quality"),
    "data.rows_heading": ("Số dòng theo từng trang tính", "Rows per tab"),
    "data.issues_heading": ("Các vấn đề cần sửa ({count})", "Issues to fix ({count})"),
    "data.no_issues": ("Không có vấn đề nào. Dữ liệu sạch!", "No issues. The data is clean!"),
    "data.filter_tab": ("Lọc theo trang tính", "Filter by tab"),
    "data.filter_severity": ("Lọc theo mức độ", "Filter by severity"),
    "data.open_sheet": ("Mở Google Sheet", "Open the Google Sheet"),
    "data.tab_not_found": ("(không có)", "(missing)"),
    "data.explain": (
        "Mỗi dòng có dữ liệu đều được tính: dòng đọc được = dòng hợp lệ + dòng bị loại. "
        "Cảnh báo: ô bị bỏ qua nhưng dòng vẫn được tính. Lỗi: dòng hoặc trang không được tính.",
        "Every non-empty row is counted: rows read = accepted + rejected. "
        "Warning: the cell is ignored but the row counts. Error: the row or tab is not counted.",
    ),
    "empty.no_data_year": ("Chưa có dữ liệu cho năm {year}.", "No data for {year} yet."),
    # --- the officers' template (analysis/template.py) ------------------------
    "template.download": ("Tải bảng tính mẫu (.xlsx)", "Download the template (.xlsx)"),
    "template.download_help": (
        "Bảng tính trống đúng mẫu, có trang Hướng dẫn và danh sách chọn; danh sách khóm lấy từ dữ liệu đang dùng.",
        "A blank workbook in the expected layout, with a Hướng dẫn (instructions) tab and dropdown lists; "
        "the khóm list comes from the data in use.",
    ),
    "template.written": ("Đã ghi bảng tính mẫu “{path}” ({areas} khóm).", "Wrote the template “{path}” ({areas} khóm)."),
    "template.write_failed": ("Không ghi được tệp “{path}”: {detail}", "Cannot write “{path}”: {detail}"),
    # --- figures ---------------------------------------------------------------
    "pace.reached": ("Đạt", "Reached"),
    "pace.on_track": ("Đúng tiến độ", "On track"),
    "pace.behind": ("Chậm tiến độ", "Behind"),
    "stage.potential": ("Tiềm năng", "Potential"),
    "stage.registered": ("Đã đăng ký", "Registered"),
    "stage.preparing": ("Hoàn thiện hồ sơ", "Preparing the dossier"),
    "stage.submitted": ("Đã nộp hồ sơ", "Dossier submitted"),
    "stage.rated": ("Đã đánh giá", "Rated"),
    "stage.dropped": ("Không tham gia", "Not taking part"),
    "doc.registration_form": ("Phiếu đăng ký", "Registration form"),
    "doc.business_plan": ("Phương án kinh doanh", "Business plan"),
    "doc.organisation_profile": ("Giới thiệu tổ chức", "Organisation profile"),
    "doc.business_licence": ("Giấy ĐKKD", "Business registration certificate"),
    "doc.samples": ("Mẫu sản phẩm", "Product samples"),
    "doc.food_safety_cert": ("Giấy chứng nhận ATTP", "Food safety certificate"),
    "doc.quality_declaration": ("Công bố chất lượng", "Quality declaration"),
    "doc.lab_test": ("Phiếu kiểm nghiệm", "Laboratory test report"),
    "doc.label": ("Nhãn sản phẩm", "Product label"),
    "doc.traceability": ("Mã vạch / truy xuất", "Barcode / traceability"),
    "doc.product_story": ("Câu chuyện sản phẩm", "Product story"),
    "doc.environment_record": ("Hồ sơ môi trường", "Environmental record"),
    "month.short.1": ("Th1", "Jan"), "month.short.2": ("Th2", "Feb"), "month.short.3": ("Th3", "Mar"),
    "month.short.4": ("Th4", "Apr"), "month.short.5": ("Th5", "May"), "month.short.6": ("Th6", "Jun"),
    "month.short.7": ("Th7", "Jul"), "month.short.8": ("Th8", "Aug"), "month.short.9": ("Th9", "Sep"),
    "month.short.10": ("Th10", "Oct"), "month.short.11": ("Th11", "Nov"), "month.short.12": ("Th12", "Dec"),
    "month.long.1": ("Tháng 1", "January"), "month.long.2": ("Tháng 2", "February"),
    "month.long.3": ("Tháng 3", "March"), "month.long.4": ("Tháng 4", "April"),
    "month.long.5": ("Tháng 5", "May"), "month.long.6": ("Tháng 6", "June"),
    "month.long.7": ("Tháng 7", "July"), "month.long.8": ("Tháng 8", "August"),
    "month.long.9": ("Tháng 9", "September"), "month.long.10": ("Tháng 10", "October"),
    "month.long.11": ("Tháng 11", "November"), "month.long.12": ("Tháng 12", "December"),
    "fig.month": ("Tháng", "Month"),
    "fig.stage": ("Giai đoạn", "Stage"),
    "fig.area": ("Khóm {area}", "Khóm {area}"),
    "fig.whole_ward": ("Toàn phường", "Whole ward"),
    "fig.progress.title": ("Tiến độ thực hiện chỉ tiêu", "Progress towards the targets"),
    "fig.progress.axis": ("Tỷ lệ đạt so với chỉ tiêu (%)", "Share of the target reached (%)"),
    "fig.progress.target_line": ("Chỉ tiêu (100%)", "Target (100%)"),
    "fig.funnel.title": ("Sản phẩm theo giai đoạn của chu trình OCOP", "Products by stage of the OCOP cycle"),
    "fig.funnel.products": ("Số sản phẩm", "Products"),
    "fig.funnel.share": ("So với giai đoạn đầu", "Of the first stage"),
    "fig.readiness.title": ("Mức độ hoàn thiện hồ sơ theo sản phẩm", "Dossier completeness by product"),
    "fig.readiness.gate": ("Hồ sơ bắt buộc", "Required documents"),
    "fig.readiness.depth": ("Tất cả hồ sơ", "All documents"),
    "fig.readiness.axis": ("Tỷ lệ giấy tờ đã có (%)", "Documents in hand (%)"),
    "fig.readiness.product": ("Sản phẩm", "Product"),
    "fig.readiness.missing": ("Còn thiếu (bắt buộc)", "Missing (required)"),
    "fig.readiness.complete": ("Đủ hồ sơ bắt buộc", "All required documents in hand"),
    "fig.readiness.no_data": ("Chưa có dữ liệu hồ sơ", "No dossier data"),
    "fig.heat.title": ("Hoạt động tuyên truyền theo khóm và tháng", "Outreach activities by khóm and month"),
    "fig.heat.areas": ("Khóm", "Khóm (neighbourhood)"),
    "fig.heat.colorbar": ("Số hoạt động", "Activities"),
    "fig.heat.hover": ("{area} · {month}: {activities} hoạt động", "{area} · {month}: {activities} activities"),
    "fig.heat.hover_one": ("{area} · {month}: {activities} hoạt động", "{area} · {month}: {activities} activity"),
    "fig.count.activities": ("Số hoạt động", "Activities"),
    "fig.count.attendances": ("Lượt tập huấn", "Attendances"),
    "fig.count.attendees": ("Số người tham dự", "Attendees"),
    "fig.count.title.channel": ("Hoạt động theo hình thức", "Activities by channel"),
    "fig.count.title.topic": ("Hoạt động theo nội dung", "Activities by topic"),
    "fig.count.title.unit": ("Hoạt động theo đơn vị thực hiện", "Activities by unit"),
    "fig.count.title.course": ("Lượt tập huấn theo lớp", "Attendances by course"),
    "fig.count.title.training_unit": ("Lượt tập huấn theo đơn vị", "Attendances by unit"),
    "fig.count.axis.channel": ("Hình thức", "Channel"),
    "fig.count.axis.topic": ("Nội dung", "Topic"),
    "fig.count.axis.unit": ("Đơn vị thực hiện", "Implementing unit"),
    "fig.count.axis.course": ("Lớp tập huấn", "Course"),
    "fig.count.axis.training_unit": ("Đơn vị công tác", "Trainees' unit"),
    "fig.reach.title": ("Lượt người được tuyên truyền cộng dồn", "People reached, cumulative"),
    "fig.reach.monthly": ("Trong tháng", "In the month"),
    "fig.reach.cumulative": ("Cộng dồn", "Cumulative"),
    "fig.reach.axis": ("Lượt người", "People reached"),
    "fig.coverage.title": ("Độ bao phủ của tuyên truyền", "Outreach coverage"),
    "fig.coverage.areas": ("Khóm được tiếp cận: {reached}/{total}", "Khóm reached: {reached}/{total}"),
    "fig.coverage.producers": ("Chủ thể được tiếp cận: {reached}/{total}", "Producers reached: {reached}/{total}"),
}


class _Blanks(dict):
    """A missing parameter reads as blank, never a crash in front of a user."""

    def __missing__(self, key: str) -> str:
        return ""


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The string for `key` in `lang`, with `{params}` filled in (any names, even `key`)."""
    vi, en = CATALOGUE[key]
    text = en if lang == "en" else vi
    shown = {k: ("" if v is None else v) for k, v in params.items()}
    return text.format_map(_Blanks(shown))


def has(key: str) -> bool:
    return key in CATALOGUE
