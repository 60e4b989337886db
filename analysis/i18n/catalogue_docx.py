"""Catalogue entries (Vietnamese, English) for the Word report in the format of Decree 30/2020/NĐ-CP
(analysis/outputs/report_docx.py, report_docx_parts.py) and its buttons: merged by analysis/i18n/strings.py.

The English text is a plain translation of the same document (same frame, same order); the Vietnamese one
is what an office sends. Indicator names, pace words and column headers of the unit report are reused from
catalogue_report.py.
"""
from __future__ import annotations

DOCX: dict[str, tuple[str, str]] = {
    # --- the frame: heading, title, closing (Nghị định 30/2020/NĐ-CP, Phụ lục I) ---------------
    "docx.motto.country": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "docx.motto.words": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "docx.committee": ("UBND {name}", "People's Committee of {name}"),
    "docx.number": ("Số:        /{symbol}", "No.:        /{symbol}"),
    "docx.place_date": ("{place}, ngày {day} tháng {month} năm {year}", "{place}, {day} {month} {year}"),
    "docx.title": ("BÁO CÁO", "REPORT"),
    "docx.subject": ("Kết quả thực hiện Kế hoạch số {plan} năm {year}",
                     "Results of Plan No. {plan} in {year}"),
    "docx.recipient": ("Kính gửi: {office}", "To: {office}"),
    "docx.sample_mark": ("DỮ LIỆU MẪU – không phải số liệu thật", "SAMPLE DATA – not real figures"),
    "docx.section.results": ("I. KẾT QUẢ THỰC HIỆN", "I. RESULTS"),
    "docx.section.problems": ("II. TỒN TẠI, HẠN CHẾ", "II. SHORTCOMINGS"),
    "docx.section.plans": ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "III. DIRECTIONS AND TASKS AHEAD"),
    "docx.plans.tasks": ("1. Nhiệm vụ trọng tâm", "1. Key tasks"),
    "docx.plans.solutions": ("2. Giải pháp thực hiện", "2. How they will be carried out"),
    "docx.plans.proposals": ("3. Kiến nghị, đề xuất", "3. Requests and proposals"),
    "docx.recipients": ("Nơi nhận:", "Recipients:"),
    "docx.recipients.above": ("- Như trên;", "- As above;"),
    "docx.recipients.archive": ("- Lưu: VT.", "- Archive: Records office."),
    "docx.sign.on_behalf": ("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE PEOPLE'S COMMITTEE"),
    "docx.sign.title": ("CHỦ TỊCH", "CHAIRPERSON"),
    "docx.more": ("- … và {n} mục khác.", "- … and {n} more."),
    "docx.pace.reached": ("đã đạt chỉ tiêu", "target reached"),
    "docx.pace.on_track": ("đúng tiến độ", "on track"),
    "docx.pace.behind": ("chậm tiến độ, theo tiến độ cần đạt {expected}",
                         "behind pace, {expected} was due by now"),
    "docx.pace.missed": ("chưa đạt chỉ tiêu của năm", "the year's target was not reached"),
    "docx.col.number": ("TT", "No."),
    "docx.col.units_with_target": ("Số đơn vị giao chỉ tiêu", "Units with a target"),
    # --- the unit's report -----------------------------------------------------------------
    "docx.intro": (
        "Thực hiện Kế hoạch số {plan} về Chương trình Mỗi xã một sản phẩm (OCOP) năm {year}, {issuer} báo "
        "cáo kết quả thực hiện (số liệu tổng hợp đến ngày {day}) như sau:",
        "Under Plan No. {plan} on the One Commune One Product (OCOP) programme in {year}, {issuer} reports "
        "its results (figures as of {day}) as follows:",
    ),
    "docx.results.indicators": ("1. Kết quả thực hiện các chỉ tiêu", "1. Targets and results"),
    "docx.results.products": ("2. Sản phẩm và hồ sơ", "2. Products and dossiers"),
    "docx.results.outreach": ("3. Công tác tuyên truyền", "3. Outreach"),
    "docx.results.training": ("4. Tập huấn và thực hiện nhiệm vụ", "4. Training and tasks"),
    "docx.indicator.target": ("- {label}: kế hoạch {target}{unit}, thực hiện {actual}{unit}, đạt {percent} kế "
                              "hoạch ({pace}).",
                              "- {label}: target {target}{unit}, done {actual}{unit}, {percent} of the target "
                              "({pace})."),
    "docx.indicator.no_target": ("- {label}: thực hiện {actual}{unit} (chưa giao chỉ tiêu).",
                                 "- {label}: done {actual}{unit} (no target set)."),
    "docx.indicator.not_computed": ("- {label}: kế hoạch {target}{unit}; kết quả không tính được từ bảng tính.",
                                    "- {label}: target {target}{unit}; the result cannot be computed from the "
                                    "workbook."),
    "docx.table.indicators": ("Bảng 1. Kết quả thực hiện các chỉ tiêu năm {year}",
                              "Table 1. Targets and results, {year}"),
    "docx.products.pipeline": ("Đang theo dõi {total} sản phẩm: {stages}.", "{total} products are followed: {stages}."),
    "docx.products.none": ("Chưa có sản phẩm nào trong danh sách theo dõi.", "No product is followed yet."),
    "docx.products.year": (
        "Trong năm {year}: {certified} sản phẩm được công nhận đạt OCOP từ 3 sao trở lên; {submitted} hồ sơ nộp "
        "đánh giá, phân hạng; {ready}/{total} sản phẩm có đủ giấy tờ bắt buộc trong hồ sơ.",
        "In {year}: {certified} products certified OCOP with 3 stars or more; {submitted} dossiers submitted for "
        "rating; {ready}/{total} products have every required document in their dossier.",
    ),
    "docx.products.certificates": (
        "Giấy chứng nhận OCOP: {valid} còn hiệu lực, {expiring} sắp hết hạn trong 6 tháng, {expired} đã hết hạn "
        "(tính đến ngày {day}).",
        "OCOP certificates: {valid} valid, {expiring} expiring within 6 months, {expired} expired (as of {day}).",
    ),
    "docx.outreach.total": (
        "Tổ chức {sessions} buổi tuyên truyền với {people} lượt người tham dự; đến được {areas} khóm ({area_share}) "
        "và {producers} chủ thể sản xuất ({producer_share}).",
        "{sessions} outreach sessions with {people} attendances; they reached {areas} khóm ({area_share}) and "
        "{producers} producers ({producer_share}).",
    ),
    "docx.outreach.channels": ("Theo hình thức: {channels}.", "By channel: {channels}."),
    "docx.outreach.none": ("Trong năm chưa ghi nhận hoạt động tuyên truyền nào.",
                           "No outreach activity was recorded in the year."),
    "docx.training.total": ("{count} lượt cán bộ được tập huấn trong năm, qua {courses} nội dung tập huấn.",
                            "{count} officer attendances at training in the year, over {courses} courses."),
    "docx.training.untrained": ("{n} đơn vị trong kế hoạch chưa có cán bộ được tập huấn: {units}.",
                                "{n} units of the plan have no officer trained: {units}."),
    "docx.training.all_trained": ("Mọi đơn vị trong kế hoạch đều có cán bộ được tập huấn.",
                                  "Every unit of the plan has an officer trained."),
    "docx.tasks.total": (
        "Kế hoạch có {total} nhiệm vụ đến hạn trong năm: {done} hoàn thành, {doing} đang thực hiện, {todo} chưa "
        "thực hiện; {overdue} nhiệm vụ quá hạn.",
        "The plan has {total} tasks due in the year: {done} done, {doing} in progress, {todo} not started; "
        "{overdue} overdue.",
    ),
    "docx.tasks.none": ("Không có nhiệm vụ nào đến hạn trong năm.", "No task is due in the year."),
    "docx.problems.behind": ("Còn {n} chỉ tiêu chậm tiến độ (đến ngày {day} cần đạt {expected} kế hoạch):",
                             "{n} indicators are behind pace ({expected} of the target was due by {day}):"),
    "docx.problems.behind_item": ("- {label}: mới đạt {percent} kế hoạch.", "- {label}: only {percent} reached."),
    "docx.problems.none_behind": ("Không có chỉ tiêu nào chậm tiến độ.", "No indicator is behind pace."),
    "docx.problems.overdue": ("{n} nhiệm vụ quá hạn chưa hoàn thành:", "{n} tasks are overdue:"),
    "docx.problems.overdue_item": ("- {task} ({unit}, hạn {due}).", "- {task} ({unit}, due {due})."),
    "docx.problems.no_overdue": ("Không có nhiệm vụ quá hạn.", "No task is overdue."),
    "docx.problems.certificates": ("{n} giấy chứng nhận OCOP đã hết hạn hoặc sắp hết hạn:",
                                   "{n} OCOP certificates have expired or expire soon:"),
    "docx.problems.expired_item": ("- {product} ({producer}): đã hết hạn ngày {day}.",
                                   "- {product} ({producer}): expired on {day}."),
    "docx.problems.expiring_item": ("- {product} ({producer}): hết hạn ngày {day}.",
                                    "- {product} ({producer}): expires on {day}."),
    "docx.problems.no_certificates": ("Không có giấy chứng nhận nào hết hạn hoặc sắp hết hạn trong 6 tháng.",
                                      "No certificate has expired or expires within 6 months."),
    "docx.problems.data": ("Bảng tính còn {errors} lỗi và {warnings} cảnh báo về dữ liệu (chi tiết ở trang Dữ liệu "
                           "của bảng điều khiển):",
                           "The workbook still has {errors} errors and {warnings} warnings (details on the "
                           "dashboard's Data page):"),
    "docx.problems.data_item": ("- Trang {tab}: {errors} lỗi, {warnings} cảnh báo.",
                                "- Tab {tab}: {errors} errors, {warnings} warnings."),
    "docx.problems.no_data": ("Số liệu đọc được không có lỗi hay cảnh báo.", "The data read has no error or warning."),
    "docx.closing": ("Trên đây là báo cáo kết quả thực hiện Kế hoạch số {plan} năm {year} của {issuer}./.",
                     "This is the report of {issuer} on the results of Plan No. {plan} in {year}./."),
    # --- the province's report ---------------------------------------------------------------
    "docx.province.parent": ("UBND TỈNH {province}", "PEOPLE'S COMMITTEE OF {province} PROVINCE"),
    "docx.province.issuer": ("CƠ QUAN THƯỜNG TRỰC CHƯƠNG TRÌNH OCOP", "OCOP PROGRAMME STANDING OFFICE"),
    "docx.province.subject": ("Kết quả thực hiện Chương trình Mỗi xã một sản phẩm (OCOP) toàn tỉnh năm {year}",
                              "Results of the One Commune One Product (OCOP) programme across the province, {year}"),
    "docx.province.recipient": ("Hội đồng OCOP tỉnh", "The provincial OCOP council"),
    "docx.province.intro": (
        "Tổng hợp số liệu của {units} đơn vị trong sổ đơn vị ({ok} đơn vị đã cập nhật, {stale} đơn vị dùng số liệu "
        "cũ, {unreadable} đơn vị không đọc được; số liệu đọc từ {oldest} đến {newest}), kết quả thực hiện năm "
        "{year} như sau:",
        "Figures of the {units} units in the registry ({ok} up to date, {stale} counted with older data, "
        "{unreadable} not readable; data read between {oldest} and {newest}); the results for {year} are:",
    ),
    "docx.province.results.indicators": ("1. Kết quả thực hiện các chỉ tiêu toàn tỉnh",
                                         "1. The province's targets and results"),
    "docx.province.results.ranking": ("2. Xếp hạng đơn vị", "2. Units ranked"),
    "docx.province.indicator.target": (
        "- {label}: tổng kế hoạch của {units} đơn vị là {target}, thực hiện {actual}, đạt {percent} ({pace}).",
        "- {label}: the {units} units' targets add up to {target}, done {actual}, {percent} reached ({pace}).",
    ),
    "docx.province.indicator.no_target": ("- {label}: thực hiện {actual} (chưa đơn vị nào giao chỉ tiêu).",
                                          "- {label}: done {actual} (no unit set a target)."),
    "docx.province.table": ("Bảng 1. Kết quả thực hiện các chỉ tiêu toàn tỉnh năm {year}",
                            "Table 1. The province's targets and results, {year}"),
    "docx.province.top": ("Các đơn vị dẫn đầu (tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ): {units}.",
                          "Leading units (share of targets reached or on track): {units}."),
    "docx.province.top_item": ("{name} ({on_track}/{total})", "{name} ({on_track}/{total})"),
    "docx.province.no_ranking": ("Chưa có đơn vị nào giao chỉ tiêu trong năm.", "No unit set a target in the year."),
    "docx.province.totals_behind": ("Ở cấp tỉnh, {n} chỉ tiêu chậm tiến độ: {which}.",
                                    "Across the province, {n} indicators are behind pace: {which}."),
    "docx.province.behind": ("{n} đơn vị chậm tiến độ ở ít nhất một chỉ tiêu:",
                             "{n} units are behind pace on at least one indicator:"),
    "docx.province.behind_item": ("- {name}: {count} chỉ tiêu chậm ({which}).",
                                  "- {name}: {count} indicators behind ({which})."),
    "docx.province.none_behind": ("Không có đơn vị nào chậm tiến độ.", "No unit is behind pace."),
    "docx.province.not_current": ("{n} đơn vị chưa cập nhật được số liệu:", "{n} units could not be updated:"),
    "docx.province.not_current_item": ("- {name} ({status}, từ {since}): {reason}",
                                       "- {name} ({status}, since {since}): {reason}"),
    "docx.province.all_current": ("Mọi đơn vị đều đã cập nhật số liệu.", "Every unit is up to date."),
    "docx.province.closing": ("Trên đây là báo cáo kết quả thực hiện Chương trình OCOP toàn tỉnh năm {year}./.",
                              "This is the report on the OCOP programme across the province in {year}./."),
    "docx.province.sign": ("THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE OFFICE"),
    # --- the buttons and the command line ------------------------------------------------------
    "docx.download": ("Tải báo cáo Word (Nghị định 30)", "Download the Word report (Decree 30)"),
    "docx.explain": ("Báo cáo Word theo thể thức Nghị định 30/2020/NĐ-CP: phần I và II soạn sẵn từ số liệu, phần "
                     "III để cán bộ viết; điền số văn bản và ký trước khi gửi.",
                     "The Word report in the format of Decree 30/2020/NĐ-CP: parts I and II are written from the "
                     "figures, part III is left for the officer; add the document number and sign before sending."),
    "docx.province.download": ("Tải báo cáo Word toàn tỉnh (Nghị định 30)",
                               "Download the province's Word report (Decree 30)"),
    "docx.written": ("Đã ghi báo cáo Word năm {year} vào tệp “{path}”.", "Wrote the {year} Word report to “{path}”."),
}
