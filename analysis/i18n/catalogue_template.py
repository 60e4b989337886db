"""The officers' template's words (analysis/outputs/template.py, template_guide.py).

Data only, merged into analysis/i18n/strings.py: (Vietnamese, English) per key. Tab titles,
headers and list values are the contract's Vietnamese and are passed in as {params}.
"""
from __future__ import annotations

_NOTE = ("Ghi chú thêm (không dùng để tính).", "Any remark (not used in calculations).")

TEMPLATE: dict[str, tuple[str, str]] = {
    # --- the guide sheet (Hướng dẫn) -------------------------------------------------
    "template.guide.title": (
        "HƯỚNG DẪN NHẬP LIỆU · BẢNG TÍNH CHƯƠNG TRÌNH OCOP",
        "HOW TO FILL IN THE OCOP PROGRAMME WORKBOOK",
    ),
    "template.guide.intro.1": (
        "Bảng tính này là nguồn dữ liệu của Bảng điều khiển OCOP của phường: cán bộ ghi vào các trang tính, bảng điều "
        "khiển đọc trực tiếp để tính tiến độ so với chỉ tiêu, sản phẩm và hồ sơ, tuyên truyền, tập huấn, nhiệm vụ, và "
        "chỉ ra ô nào cần sửa.",
        "This workbook is the data source of the ward's OCOP dashboard: officers fill in the tabs, the dashboard "
        "reads them directly to compute progress against targets, products and dossiers, outreach, training and "
        "tasks, and to point at any cell to fix.",
    ),
    "template.guide.intro.2": (
        "Có thể dùng tệp .xlsx này, hoặc tải lên Google Drive và mở bằng Google Sheets để nhiều cán bộ cùng nhập; hai "
        "cách được đọc giống hệt nhau.",
        "Use this .xlsx file, or upload it to Google Drive and open it with Google Sheets so several officers can "
        "fill it together; both are read the same way.",
    ),
    "template.guide.intro.3": (
        "Dòng 1 của mỗi trang là dòng tiêu đề: không đổi tên trang tính và tên cột. Có thể đổi thứ tự cột; cột thêm "
        "vào ngoài mẫu được giữ nguyên nhưng không dùng để tính.",
        "Row 1 of each tab is the header: do not rename tabs or columns. Column order is free; extra columns are kept "
        "but not used in calculations.",
    ),
    "template.guide.intro.4": (
        "Tiêu đề màu cam là cột bắt buộc, màu xanh là cột không bắt buộc. Rê chuột vào ô tiêu đề để xem giải thích. Ô "
        "có mũi tên là ô có danh sách chọn.",
        "Orange headers are required columns, blue ones optional. Hover over a header to see what it means. Cells "
        "with an arrow have a dropdown list.",
    ),
    "template.guide.intro.5": (
        "Trang “{guide}” này và trang ẩn “{lists}” (các danh sách chọn) không được đọc như dữ liệu. Không xoá trang "
        "“{lists}” để giữ các danh sách chọn.",
        "This “{guide}” tab and the hidden “{lists}” tab (the dropdown lists) are not read as data. Do not delete "
        "“{lists}”, or the dropdowns stop working.",
    ),
    "template.guide.rules_heading": ("Cách bảng điều khiển đọc dữ liệu", "How the dashboard reads the data"),
    "template.guide.rule.1": (
        "Ngày ghi theo ngày/tháng/năm. Ô ngày của Excel, 15/03/2024, 15/3/2024, 15-03-2024, 15.03.2024 và 2024-03-15 "
        "đều đọc được; 03/04/2024 là ngày 3 tháng 4.",
        "Dates are day/month/year. Excel date cells, 15/03/2024, 15/3/2024, 15-03-2024, 15.03.2024 and 2024-03-15 are "
        "all read; 03/04/2024 is 3 April.",
    ),
    "template.guide.rule.2": (
        "Số: 1200 hoặc 1.200 (dấu chấm trước đúng ba chữ số là phân cách hàng nghìn); số thập phân ghi 72,5 hoặc "
        "72.5. Chỉ ghi con số: ô như “khoảng 50” bị bỏ qua và được cảnh báo, không đoán.",
        "Numbers: 1200 or 1.200 (a dot before exactly three digits separates thousands); decimals 72,5 or 72.5. Write "
        "the figure only: a cell such as “khoảng 50” is ignored with a warning, never guessed.",
    ),
    "template.guide.rule.3": (
        "Có/không: Có, x, ✓, 1 (hoặc số giấy đăng ký) là có; Không, 0 hoặc để trống là không.",
        "Yes/no: Có, x, ✓, 1 (or a registration number) mean yes; Không, 0 or blank mean no.",
    ),
    "template.guide.rule.4": (
        "Ô có danh sách chọn: chọn trong danh sách hoặc gõ; không phân biệt chữ hoa, chữ thường, có dấu hay không dấu "
        "(Khom Vinh Phu cũng được). Giá trị không nhận ra được giữ lại nhưng được cảnh báo.",
        "Dropdown cells: pick or type; case and diacritics do not matter. A value that cannot be recognised is kept "
        "but flagged.",
    ),
    "template.guide.rule.5": (
        "Ô ghi nhiều mã (Chủ thể được tiếp cận): cách nhau bởi dấu phẩy hoặc chấm phẩy, ví dụ CT01, CT02; CT03.",
        "Cells with several ids (Chủ thể được tiếp cận): separate them with commas or semicolons, e.g. CT01, CT02; "
        "CT03.",
    ),
    "template.guide.rule.6": (
        "Không dòng nào bị bỏ qua âm thầm: mỗi dòng có dữ liệu hoặc được tính, hoặc bị loại kèm lý do (số dòng đọc "
        "được = dòng hợp lệ + dòng bị loại). Một dòng chỉ bị loại khi giá trị khoá của nó trống, sai hoặc trùng với "
        "một dòng phía trên (xem từng trang bên dưới). Ô sai khác chỉ bị bỏ qua kèm cảnh báo, dòng vẫn được tính. "
        "Dòng trống hoàn toàn được bỏ qua.",
        "No row is dropped silently: every row with data is either counted or rejected with a reason (rows read = "
        "rows accepted + rows rejected). A row is rejected only when its key is blank, unreadable or repeats a row "
        "above (see each tab below). Any other bad cell is ignored with a warning and the row still counts. Wholly "
        "empty rows are skipped.",
    ),
    "template.guide.rule.7": (
        "Xem các vấn đề cần sửa ở trang “{data_page}” của bảng điều khiển: mỗi vấn đề ghi rõ trang tính, số dòng, "
        "cột, giá trị đã ghi và lý do.",
        "See the issues to fix on the dashboard's “{data_page}” page: each names the tab, the row, the column, the "
        "value as written and the reason.",
    ),
    # --- what each tab is for ---------------------------------------------------------
    "template.tab.info": (
        "Thông tin chung của đơn vị, hiện ở đầu bảng điều khiển. Giữ nguyên cột A, ghi giá trị vào cột B.",
        "General information on the ward, shown at the top of the dashboard. Keep column A, write the values in "
        "column B.",
    ),
    "template.tab.areas": (
        "Danh sách các khóm của phường, mỗi khóm một dòng. Là mẫu số khi tính độ phủ tuyên truyền và là danh sách "
        "chọn cho cột Khóm ở các trang khác.",
        "The ward's khóm, one per row: the denominator of outreach coverage and the dropdown of every Khóm column.",
    ),
    "template.tab.targets": (
        "Chỉ tiêu kế hoạch theo năm, mỗi dòng một chỉ tiêu của một năm; bảng điều khiển so sánh kết quả thực hiện với "
        "con số này.",
        "The plan's targets, one row per indicator and year; the dashboard compares what was achieved with them.",
    ),
    "template.tab.producers": (
        "Các chủ thể sản xuất (hộ, tổ hợp tác, hợp tác xã, doanh nghiệp), mỗi chủ thể một dòng.",
        "Producers (households, cooperative groups, cooperatives, enterprises), one per row.",
    ),
    "template.tab.products": (
        "Các sản phẩm đã rà soát, đang tham gia hoặc đã được công nhận OCOP, mỗi sản phẩm một dòng.",
        "Products reviewed, taking part or certified, one per row.",
    ),
    "template.tab.dossiers": (
        "Hồ sơ đánh giá, phân hạng: mỗi sản phẩm một dòng, mỗi giấy tờ một cột. Giấy tờ “Không áp dụng” không tính "
        "vào mức độ hoàn thiện hồ sơ.",
        "Rating dossiers: one row per product, one column per document. “Không áp dụng” documents do not count "
        "towards readiness.",
    ),
    "template.tab.outreach": (
        "Các hoạt động tuyên truyền, mỗi buổi (hoặc mỗi lần phát thanh, đăng bài) một dòng.",
        "Outreach activities, one row per session (or broadcast, post).",
    ),
    "template.tab.training": (
        "Tập huấn cán bộ: mỗi người tham dự một lớp là một dòng.",
        "Officer training: one row per attendee per course.",
    ),
    "template.tab.tasks": (
        "Nhiệm vụ được giao theo kế hoạch, mỗi nhiệm vụ một dòng. Nhiệm vụ quá hạn mà chưa hoàn thành được đánh dấu "
        "trễ hạn.",
        "Tasks assigned by the plan, one per row. A task past its due date and not done is overdue.",
    ),
    # --- what each column holds: template.col.<tab key>.<column key> -------------------
    "template.col.info.item": (
        "Tên mục thông tin; giữ nguyên như mẫu.",
        "The item's name; keep it as in the template.",
    ),
    "template.col.info.value": ("Giá trị của mục.", "The item's value."),
    "template.col.areas.name": (
        "Tên khóm, mỗi khóm một dòng, không trùng nhau.",
        "The khóm's name, one per row, no repeats.",
    ),
    "template.col.areas.households": ("Số hộ dân của khóm.", "Number of households in the khóm."),
    "template.col.areas.note": _NOTE,
    "template.col.targets.year": ("Năm của chỉ tiêu.", "The target's year."),
    "template.col.targets.code": (
        "Mã chỉ tiêu, chọn trong danh sách (xem bảng mã chỉ tiêu).",
        "The indicator code, from the list (see the table of codes).",
    ),
    "template.col.targets.label": (
        "Tên chỉ tiêu như ghi trong kế hoạch.",
        "The indicator's name as written in the plan.",
    ),
    "template.col.targets.target": ("Con số kế hoạch giao cho năm đó.", "The planned figure for that year."),
    "template.col.targets.unit": ("Đơn vị tính, ví dụ: sản phẩm, lượt người.", "Unit, e.g. products, people."),
    "template.col.targets.note": _NOTE,
    "template.col.producers.producer_id": ("Mã riêng của chủ thể, ví dụ CT01.", "The producer's own id, e.g. CT01."),
    "template.col.producers.name": (
        "Tên cơ sở, hộ, tổ hợp tác, hợp tác xã hoặc doanh nghiệp.",
        "Name of the business, household, cooperative group, cooperative or enterprise.",
    ),
    "template.col.producers.kind": ("Loại hình chủ thể.", "Kind of producer."),
    "template.col.producers.registered": (
        "Đã có giấy đăng ký kinh doanh chưa.",
        "Whether it holds a business registration.",
    ),
    "template.col.producers.area": ("Khóm nơi chủ thể hoạt động.", "The khóm where the producer works."),
    "template.col.producers.address": ("Địa chỉ.", "Address."),
    "template.col.producers.contact_name": ("Họ tên người đại diện.", "The representative's name."),
    "template.col.producers.phone": ("Số điện thoại liên hệ.", "Contact phone number."),
    "template.col.producers.trade": ("Ngành nghề sản xuất, kinh doanh chính.", "Main trade."),
    "template.col.producers.note": _NOTE,
    "template.col.products.product_id": ("Mã riêng của sản phẩm, ví dụ SP01.", "The product's own id, e.g. SP01."),
    "template.col.products.name": ("Tên sản phẩm.", "The product's name."),
    "template.col.products.producer_id": ("Mã chủ thể làm ra sản phẩm.", "Id of the producer that makes it."),
    "template.col.products.group": ("Nhóm sản phẩm OCOP.", "OCOP product group."),
    "template.col.products.surveyed_on": (
        "Ngày rà soát, đánh giá tiềm năng sản phẩm.",
        "Date the product's potential was reviewed.",
    ),
    "template.col.products.potential": ("Mức tiềm năng khi rà soát.", "Potential found by the review."),
    "template.col.products.stage": (
        "Giai đoạn hiện tại của sản phẩm trong chu trình OCOP.",
        "The product's current stage in the OCOP cycle.",
    ),
    "template.col.products.self_score": (
        "Điểm chủ thể tự đánh giá (thang 100).",
        "The producer's self-assessed score (out of 100).",
    ),
    "template.col.products.score": (
        "Điểm của hội đồng đánh giá, phân hạng (thang 100).",
        "The rating council's score (out of 100).",
    ),
    "template.col.products.stars": (
        "Số sao được công nhận; để trống thì tính từ điểm đánh giá.",
        "Stars awarded; blank means worked out from the score.",
    ),
    "template.col.products.certified_on": (
        "Ngày quyết định công nhận; giấy chứng nhận có hiệu lực {months} tháng.",
        "Date of the certification decision; a certificate lasts {months} months.",
    ),
    "template.col.products.officer": ("Cán bộ theo dõi, hỗ trợ sản phẩm.", "The officer following the product."),
    "template.col.products.note": _NOTE,
    "template.col.dossiers.product_id": (
        "Mã sản phẩm (như ở trang Sản phẩm); mỗi sản phẩm một dòng.",
        "The product's id (as in Sản phẩm); one row per product.",
    ),
    "template.col.dossiers.registration_form": (
        "Phiếu đăng ký tham gia Chương trình OCOP.",
        "Registration form for the OCOP programme.",
    ),
    "template.col.dossiers.business_plan": (
        "Phương án, kế hoạch kinh doanh sản phẩm.",
        "Business plan for the product.",
    ),
    "template.col.dossiers.organisation_profile": ("Bản giới thiệu tổ chức, chủ thể.", "Profile of the producer."),
    "template.col.dossiers.business_licence": (
        "Giấy chứng nhận đăng ký kinh doanh (bản sao).",
        "Business registration certificate (copy).",
    ),
    "template.col.dossiers.samples": ("Mẫu sản phẩm nộp kèm hồ sơ.", "Product samples sent with the dossier."),
    "template.col.dossiers.food_safety_cert": (
        "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.",
        "Food-safety certificate.",
    ),
    "template.col.dossiers.quality_declaration": ("Hồ sơ công bố chất lượng sản phẩm.", "Product quality declaration."),
    "template.col.dossiers.lab_test": ("Phiếu kết quả kiểm nghiệm sản phẩm.", "Laboratory test report."),
    "template.col.dossiers.label": ("Nhãn sản phẩm đúng quy định.", "Compliant product label."),
    "template.col.dossiers.traceability": (
        "Mã số, mã vạch, tem truy xuất nguồn gốc.",
        "Barcode or traceability stamp.",
    ),
    "template.col.dossiers.product_story": ("Câu chuyện về sản phẩm.", "The product's story."),
    "template.col.dossiers.environment_record": (
        "Hồ sơ, cam kết bảo vệ môi trường.",
        "Environmental record or commitment.",
    ),
    "template.col.dossiers.submitted_on": (
        "Ngày nộp hồ sơ đánh giá, phân hạng.",
        "Date the dossier was submitted for rating.",
    ),
    "template.col.dossiers.note": _NOTE,
    "template.col.outreach.held_on": ("Ngày tuyên truyền.", "Date of the activity."),
    "template.col.outreach.channel": ("Hình thức tuyên truyền.", "Channel."),
    "template.col.outreach.topic": ("Nội dung chính.", "Main topic."),
    "template.col.outreach.unit": ("Đơn vị, đoàn thể thực hiện.", "The unit or association that held it."),
    "template.col.outreach.area": (
        "Khóm được tuyên truyền; chọn Toàn phường nếu cho cả phường.",
        "The khóm reached; Toàn phường for the whole ward.",
    ),
    "template.col.outreach.attendees": ("Số người tham dự.", "Number of people attending."),
    "template.col.outreach.producers_reached": (
        "Mã các chủ thể được tiếp cận, ví dụ CT01, CT02.",
        "Ids of the producers reached, e.g. CT01, CT02.",
    ),
    "template.col.outreach.note": _NOTE,
    "template.col.training.held_on": ("Ngày khai giảng lớp tập huấn.", "Date the course started."),
    "template.col.training.course": ("Tên lớp tập huấn.", "The course's name."),
    "template.col.training.organiser": ("Đơn vị tổ chức lớp.", "Who organised it."),
    "template.col.training.attendee": (
        "Họ tên người tham dự; mỗi người một dòng.",
        "The attendee's name; one row each.",
    ),
    "template.col.training.role": ("Chức vụ của người tham dự.", "The attendee's position."),
    "template.col.training.unit": ("Đơn vị công tác của người tham dự.", "The attendee's unit."),
    "template.col.training.days": ("Số ngày học.", "Length of the course in days."),
    "template.col.training.note": _NOTE,
    "template.col.tasks.unit": ("Đơn vị hoặc cán bộ được giao.", "The unit or officer assigned."),
    "template.col.tasks.task": ("Nội dung nhiệm vụ.", "The task."),
    "template.col.tasks.due_on": ("Hạn hoàn thành.", "Due date."),
    "template.col.tasks.status": ("Tình trạng thực hiện.", "Progress."),
    "template.col.tasks.note": _NOTE,
    # --- the Thông tin items ----------------------------------------------------------
    "template.info.ward_name": (
        "Tên phường (xã), ví dụ Phường Vĩnh Nguơn.",
        "The ward's name, e.g. Phường Vĩnh Nguơn.",
    ),
    "template.info.report_to": (
        "Cơ quan nhận báo cáo, ví dụ Phòng Kinh tế thành phố.",
        "The office reported to, e.g. the city's Economic Division.",
    ),
    "template.info.plan_year": (
        "Năm của kế hoạch OCOP, 4 chữ số, ví dụ 2024.",
        "The plan's year, 4 digits, e.g. 2024.",
    ),
    "template.info.plan_number": (
        "Số hiệu văn bản kế hoạch, ví dụ 42/KH-UBND.",
        "The plan's document number, e.g. 42/KH-UBND.",
    ),
    "template.info.note": ("Ghi chú chung.", "A general note."),
    # --- cell kinds (analysis/workbook/contract.py) -----------------------------------
    "template.kind.text": ("chữ", "text"),
    "template.kind.id": ("mã", "id"),
    "template.kind.ids": ("danh sách mã", "list of ids"),
    "template.kind.date": ("ngày", "date"),
    "template.kind.number": ("số", "number"),
    "template.kind.integer": ("số nguyên", "whole number"),
    "template.kind.year": ("năm", "year"),
    "template.kind.yesno": ("có/không", "yes/no"),
    "template.kind.doc_status": ("tình trạng giấy tờ", "document status"),
    "template.kind.stars": ("số sao", "stars"),
    "template.kind.vocab": ("danh mục", "list"),
    "template.kind.code": ("mã chỉ tiêu", "indicator code"),
    # --- id columns that point at another tab ------------------------------------------
    "template.ref.products.producer_id": ("Mã có ở trang Chủ thể.", "An id from the Chủ thể tab."),
    "template.ref.dossiers.product_id": ("Mã có ở trang Sản phẩm.", "An id from the Sản phẩm tab."),
    # --- headings, labels and dropdown messages ----------------------------------------
    "template.ui.required": ("Bắt buộc", "Required"),
    "template.ui.yes": ("Có", "Yes"),
    "template.ui.no": ("Không", "No"),
    "template.ui.col_column": ("Cột", "Column"),
    "template.ui.col_required": ("Bắt buộc", "Required"),
    "template.ui.col_kind": ("Kiểu dữ liệu", "Kind"),
    "template.ui.col_meaning": ("Giải thích", "Meaning"),
    "template.ui.col_allowed": ("Giá trị cho phép", "Allowed values"),
    "template.ui.required_document": ("Giấy tờ bắt buộc", "Required document"),
    "template.ui.supporting_document": ("Giấy tờ bổ sung", "Supporting document"),
    "template.ui.items": ("Các mục (ghi giá trị vào cột B):", "The items (write the values in column B):"),
    "template.ui.codes_heading": ("Mã chỉ tiêu dùng ở trang Chỉ tiêu:", "Indicator codes for the Chỉ tiêu tab:"),
    "template.ui.key_rule": (
        "Dòng không được tính (lỗi) khi trống hoặc sai: {keys}.",
        "A row is not counted (error) when this is blank or unreadable: {keys}.",
    ),
    "template.ui.unique_rule": (
        "Dòng trùng {keys} với một dòng phía trên cũng không được tính.",
        "A row repeating the {keys} of a row above is not counted either.",
    ),
    "template.ui.tab_heading": ("Trang “{title}”", "Tab “{title}”"),
    "template.ui.optional_tab": (" (không bắt buộc)", " (optional)"),
    "template.ui.prompt": (
        "Chọn trong danh sách hoặc gõ (không phân biệt chữ hoa, chữ thường, có dấu hay không dấu).",
        "Pick from the list or type (case and diacritics do not matter).",
    ),
    "template.ui.prompt_areas": ("Chọn khóm trong danh sách của trang Khóm.", "Pick a khóm from the Khóm tab."),
    "template.ui.prompt_yesno": (
        "Có hoặc Không; ghi số giấy đăng ký kinh doanh cũng được (tính là Có).",
        "Có or Không; a registration number also counts as Có.",
    ),
    "template.ui.error_title": ("Giá trị ngoài danh sách", "Value not in the list"),
    "template.ui.error": (
        "Giá trị này không có trong danh sách. Vẫn có thể giữ, nhưng bảng điều khiển sẽ cảnh báo ô này ở trang Dữ "
        "liệu nếu không nhận ra.",
        "This value is not in the list. You may keep it, but the dashboard will flag the cell on the Data page if it "
        "cannot recognise it.",
    ),
    # --- allowed values, in plain words --------------------------------------------------
    "template.allowed.bounds": ("từ {low} đến {high}", "{low} to {high}"),
    "template.allowed.bounds_from": ("từ {low} trở lên", "{low} or more"),
    "template.allowed.areas": ("Tên khóm có ở trang Khóm.", "A khóm named in the Khóm tab."),
    "template.allowed.areas_or_ward": ("Tên khóm có ở trang Khóm, hoặc {ward} (cả phường).",
                                       "A khóm named in the Khóm tab, or {ward} (the whole ward)."),
    "template.allowed.doc_status": (
        "{done}; {in_progress}; {missing} (để trống cũng là {missing}); {na} (không tính vào hồ sơ).",
        "{done}; {in_progress}; {missing} (blank too); {na} (left out of readiness).",
    ),
    "template.allowed.yesno": ("{yes} hoặc {no}; để trống là {no}; ghi số giấy đăng ký là {yes}.",
                               "{yes} or {no}; blank is {no}; a registration number is {yes}."),
    "template.allowed.date": ("Ngày/tháng/năm, ví dụ 15/03/2024.", "Day/month/year, e.g. 15/03/2024."),
    "template.allowed.year": ("4 chữ số, ví dụ 2024.", "4 digits, e.g. 2024."),
    "template.allowed.stars": ("{bounds}; 3, “3 sao” hoặc ★★★ đều được; để trống thì tính từ Điểm đánh giá.",
                               "{bounds}; 3, “3 sao” or ★★★; blank means from Điểm đánh giá."),
    "template.allowed.codes": ("{codes} (xem bảng mã bên dưới).", "{codes} (see the table below)."),
    "template.allowed.ids": ("Mã ở trang Chủ thể, cách nhau bởi dấu phẩy hoặc chấm phẩy.",
                             "Ids from the Chủ thể tab, separated by commas or semicolons."),
    "template.allowed.number": ("Số.", "A number."),
    "template.allowed.number_bounded": ("Số {bounds}.", "A number {bounds}."),
    "template.allowed.integer": ("Số nguyên.", "A whole number."),
    "template.allowed.integer_bounded": ("Số nguyên {bounds}.", "A whole number {bounds}."),
    "template.allowed.unique": ("Không trùng nhau trong trang.", "No repeats within the tab."),
    "template.ui.doc_status": ("Tình trạng giấy tờ", "Document status"),
}
