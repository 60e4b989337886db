"""Catalogue entries (Vietnamese, English) of the quick-entry page, the report page and the meeting
slides: merged by analysis/i18n/strings.py."""
from __future__ import annotations

VIEWS: dict[str, tuple[str, str]] = {
    # --- quick entry --------------------------------------------------------------
    "nav.entry": ("Nhập nhanh", "Quick entry"),
    "nav.report": ("Báo cáo", "Report"),
    "entry.heading": ("Nhập nhanh hoạt động", "Quick entry"),
    "entry.needs_sheet": (
        "Nhập nhanh cần nguồn dữ liệu là Google Sheet dùng chung. Với tệp Excel, hãy nhập trực tiếp vào tệp.",
        "Quick entry needs a shared Google Sheet as the source. With an Excel file, type into the file.",
    ),
    "page.tab_title": ("{page} · {unit}", "{page} · {unit}"),
    "table.first_rows": ("Hiện {n} dòng đầu trong {total}; tệp tải về có đủ.", "The first {n} of {total} rows; the "
                         "downloads hold them all."),
    "entry.preview": ("Xem trước: các ô bị khóa. Để dùng được, cần (1) nguồn dữ liệu là một Google Sheet dùng chung "
                      "và (2) cán bộ đăng nhập.", "Preview: the fields are locked. To use them you need (1) a shared "
                      "Google Sheet as the data source and (2) an officer signed in."),
    "entry.officers_only": ("Chỉ cán bộ đã đăng nhập mới được nhập dữ liệu.", "Only signed-in officers may add data."),
    "entry.submit": ("Ghi vào bảng tính", "Add to the sheet"),
    "entry.saved": ("Đã thêm một dòng vào trang “{tab}”. Số liệu đã được cập nhật.",
                    "Added one row to the “{tab}” tab. The figures are updated."),
    "entry.kept": ("Những gì bạn đã nhập vẫn được giữ nguyên; hãy thử lại khi sự cố được khắc phục.",
                   "What you typed is kept; try again when the problem is solved."),
    "entry.date": ("Ngày", "Date"),
    "entry.pick": ("Chọn hoặc gõ…", "Choose or type…"),
    "entry.choose": ("Hãy chọn: {fields}.", "Please choose: {fields}."),
    "entry.attendees": ("Số người tham dự", "Attendees"),
    "entry.producers": ("Chủ thể được tiếp cận", "Producers reached"),
    "entry.note": ("Ghi chú", "Note"),
    "entry.course": ("Tên lớp tập huấn", "Course"),
    "entry.organiser": ("Đơn vị tổ chức", "Organiser"),
    "entry.attendee": ("Người tham dự", "Attendee"),
    "entry.role": ("Chức vụ", "Role"),
    "entry.days": ("Số ngày", "Days"),
    "entry.training_tab": ("Tập huấn", "Training"),
    "col.channel": ("Hình thức", "Channel"),
    "col.topic": ("Nội dung", "Topic"),
    # --- report page ----------------------------------------------------------------
    "report.heading": ("Báo cáo OCOP năm {year}", "OCOP report {year}"),
    "report.to": ("Gửi: {office}", "To: {office}"),
    "report.download": ("Tải báo cáo Excel", "Download the Excel report"),
    "report.explain": ("Tệp gồm trang bìa và các bảng dưới đây, định dạng sẵn để in khổ A4.",
                       "The file has a cover sheet and the tables below, formatted to print on A4."),
    "report.empty_table": (
        "Không có số liệu cho mục này trong năm đã chọn.",
        "No figures for this part in the chosen year.",
    ),
    # --- meeting view -------------------------------------------------------------
    "nav.meeting": ("Trình chiếu", "Meeting view"),
    "meeting.heading": ("{ward} · OCOP năm {year}", "{ward} · OCOP {year}"),
    "meeting.refresh": ("tự cập nhật mỗi {minutes} phút", "refreshes every {minutes} minutes"),
    "meeting.urgent": ("Cần ưu tiên: {label} ({percent})", "Most urgent: {label} ({percent})"),
    "meeting.slide_of": ("Trang {n}/{total}", "Slide {n} of {total}"),
    "meeting.prev": ("Trước", "Previous"),
    "meeting.next": ("Sau", "Next"),
    "meeting.advance": ("tự chuyển trang sau {seconds} giây", "next slide every {seconds} seconds"),
    "meeting.part": ("{title} ({part}/{parts})", "{title} ({part}/{parts})"),
    "meeting.slide.cards": ("Chỉ tiêu năm {year}", "Targets {year}"),
    "meeting.slide.progress": ("Tiến độ so với chỉ tiêu năm {year}", "Progress against the {year} targets"),
    "meeting.slide.funnel": ("Sản phẩm theo chu trình OCOP", "Products through the OCOP cycle"),
    "meeting.slide.readiness": ("Hồ sơ sản phẩm: mức độ sẵn sàng", "Product dossiers: readiness"),
    "meeting.slide.outreach": ("Tuyên truyền năm {year}: độ bao phủ", "Outreach {year}: coverage"),
    "meeting.slide.training": ("Tập huấn năm {year}", "Training {year}"),
    "meeting.slide.tasks": ("Nhiệm vụ năm {year}", "Tasks {year}"),
    "meeting.against_target": (
        "Số đã đạt / chỉ tiêu năm {year}; phần trăm là so với chỉ tiêu năm.",
        "Achieved / the {year} target; the percent is against the year's target.",
    ),
    "meeting.against_all": (
        "Đồng hồ: trên tổng số khóm và tổng số chủ thể của phường, không phải so với chỉ tiêu.",
        "Gauges: out of all khóm and all producers of the ward, not against a target.",
    ),
    "meeting.coverage_areas": ("Khóm có tuyên truyền / tổng số khóm: {reached}/{total}",
                               "Khóm with outreach / all khóm: {reached}/{total}"),
    "meeting.coverage_producers": ("Chủ thể đã tiếp cận / tổng số chủ thể: {reached}/{total}",
                                   "Producers reached / all producers: {reached}/{total}"),
    "meeting.tasks_order": ("Nhiệm vụ quá hạn xếp trước, rồi theo hạn hoàn thành.",
                            "Overdue tasks first, then by due date."),
    "meeting.no_due": ("chưa có hạn", "no due date"),
}
