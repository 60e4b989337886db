"""The officers' .xlsx template, generated from the contract (analysis/workbook/contract.py).

Every tab title, header, vocabulary and reading rule comes from the contract, so the
template, the reader and the documentation cannot disagree. Only the one-line column
descriptions and the instruction prose live here, as data: they are part of the
generated document.

Layout of the workbook `build_template()` returns:

- "Hướng dẫn" (first, active): what the workbook is for, the reading rules, then each
  tab's purpose and every column (required?, kind, allowed values).
- The contract's tabs in order. Row 1 is the header (bold, filled, wrapped, bordered,
  frozen at A2); required headers have a stronger fill and a comment starting "Bắt buộc";
  every header has a comment explaining the column. Thông tin is key/value: the header
  "Mục | Giá trị", then one row per INFO_KEYS item with column B left for the officer.
- "_Danh mục" (hidden, last): the dropdown lists, one per column, label in row 1 and
  values from row 2. Lists live on a sheet rather than inline in the validation formula
  because inline lists cannot hold a comma (a product group name has one) and are
  limited to 255 characters.

Dropdowns (list data validation, rows 2..1000, errorStyle "warning" so officers can
keep a variant spelling the reader tolerates, with an input prompt):

- khóm columns (vocab "areas") point straight at the Khóm tab's name column,
  `'Khóm'!$A$2:$A$200`;
- Tuyên truyền's khóm column (vocab "areas_or_ward") points at a combined list on
  `_Danh mục`: "Toàn phường" first, then one formula per Khóm row
  (`=IF('Khóm'!$A2="","",'Khóm'!$A2)`), so khóm added later appear in the dropdown too
  (unused rows show as blank entries at the end of the list);
- every other vocabulary, the four document statuses, Có/Không and the indicator codes
  point at their fixed list on `_Danh mục`.

Neither "Hướng dẫn" nor "_Danh mục" is read as data (contract.IGNORED_TABS).
"""
from __future__ import annotations

import io
import math
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from analysis.i18n import strings
from analysis.workbook import contract as c
from analysis.workbook.text import fold

GUIDE_TITLE, LISTS_TITLE = c.IGNORED_TABS
TEMPLATE_FILENAME = "mau_bang_tinh_ocop.xlsx"
FIRST_ROW, LAST_ROW = 2, 1000  # the rows that get formats and dropdowns
AREA_LAST_ROW = 200  # the Khóm names the dropdowns offer: rows 2..200 of the Khóm tab
DATE_FORMAT = "DD/MM/YYYY"
NUMBER_FORMATS = {
    c.DATE: DATE_FORMAT,
    c.NUMBER: "General",  # scores 72,5 and targets 1.200 alike; shown in the officer's locale
    c.INTEGER: "#,##0",
    c.YEAR: "0",  # 2024, never 2.024
    c.STARS: "General",  # 3, "3 sao" and ★★★ are all read
    c.ID: "@", c.IDS: "@", c.CODE: "@",  # text: CT01, "CT01, CT02" stay as typed
}
TEXT_FORMAT_COLUMNS = {"phone"}  # 0901... keeps its leading zero

# The canonical cell values the dropdowns offer where the contract has codes, not labels.
DOC_STATUS_LABELS = {c.DOC_DONE: "Đã có", c.DOC_IN_PROGRESS: "Đang làm", c.DOC_MISSING: "Chưa có",
                     c.DOC_NA: "Không áp dụng"}
YES, NO = "Có", "Không"

HEADER_FONT = Font(bold=True)
REQUIRED_FILL = PatternFill("solid", fgColor="F8CBAD")  # orange: required
OPTIONAL_FILL = PatternFill("solid", fgColor="DDEBF7")  # blue: optional
GUIDE_HEADING_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
AUTHOR = "OCOP"

Pair = tuple[str, str]  # (Vietnamese, English)


def _tr(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


# --------------------------------------------------------------------------- descriptions
TAB_PURPOSES: dict[str, Pair] = {
    "info": ("Thông tin chung của đơn vị, hiện ở đầu bảng điều khiển. Giữ nguyên cột A, ghi giá trị vào cột B.",
             "General information on the ward, shown at the top of the dashboard. Keep column A, "
             "write the values in column B."),
    "areas": ("Danh sách các khóm của phường, mỗi khóm một dòng. Là mẫu số khi tính độ phủ tuyên truyền "
              "và là danh sách chọn cho cột Khóm ở các trang khác.",
              "The ward's khóm, one per row: the denominator of outreach coverage and the dropdown "
              "of every Khóm column."),
    "targets": ("Chỉ tiêu kế hoạch theo năm, mỗi dòng một chỉ tiêu của một năm; bảng điều khiển so sánh "
                "kết quả thực hiện với con số này.",
                "The plan's targets, one row per indicator and year; the dashboard compares what was "
                "achieved with them."),
    "producers": ("Các chủ thể sản xuất (hộ, tổ hợp tác, hợp tác xã, doanh nghiệp), mỗi chủ thể một dòng.",
                  "Producers (households, cooperative groups, cooperatives, enterprises), one per row."),
    "products": ("Các sản phẩm đã rà soát, đang tham gia hoặc đã được công nhận OCOP, mỗi sản phẩm một dòng.",
                 "Products reviewed, taking part or certified, one per row."),
    "dossiers": ("Hồ sơ đánh giá, phân hạng: mỗi sản phẩm một dòng, mỗi giấy tờ một cột. Giấy tờ "
                 "“Không áp dụng” không tính vào mức độ hoàn thiện hồ sơ.",
                 "Rating dossiers: one row per product, one column per document. “Không áp dụng” "
                 "documents do not count towards readiness."),
    "outreach": ("Các hoạt động tuyên truyền, mỗi buổi (hoặc mỗi lần phát thanh, đăng bài) một dòng.",
                 "Outreach activities, one row per session (or broadcast, post)."),
    "training": ("Tập huấn cán bộ: mỗi người tham dự một lớp là một dòng.",
                 "Officer training: one row per attendee per course."),
    "tasks": ("Nhiệm vụ được giao theo kế hoạch, mỗi nhiệm vụ một dòng. Nhiệm vụ quá hạn mà chưa hoàn "
              "thành được đánh dấu trễ hạn.",
              "Tasks assigned by the plan, one per row. A task past its due date and not done is overdue."),
}

_NOTE: Pair = ("Ghi chú thêm (không dùng để tính).", "Any remark (not used in calculations).")
COLUMN_DESCRIPTIONS: dict[str, dict[str, Pair]] = {
    "info": {
        "item": ("Tên mục thông tin; giữ nguyên như mẫu.", "The item's name; keep it as in the template."),
        "value": ("Giá trị của mục.", "The item's value."),
    },
    "areas": {
        "name": ("Tên khóm, mỗi khóm một dòng, không trùng nhau.", "The khóm's name, one per row, no repeats."),
        "households": ("Số hộ dân của khóm.", "Number of households in the khóm."),
        "note": _NOTE,
    },
    "targets": {
        "year": ("Năm của chỉ tiêu.", "The target's year."),
        "code": ("Mã chỉ tiêu, chọn trong danh sách (xem bảng mã chỉ tiêu).",
                 "The indicator code, from the list (see the table of codes)."),
        "label": ("Tên chỉ tiêu như ghi trong kế hoạch.", "The indicator's name as written in the plan."),
        "target": ("Con số kế hoạch giao cho năm đó.", "The planned figure for that year."),
        "unit": ("Đơn vị tính, ví dụ: sản phẩm, lượt người.", "Unit, e.g. products, people."),
        "note": _NOTE,
    },
    "producers": {
        "producer_id": ("Mã riêng của chủ thể, ví dụ CT01.", "The producer's own id, e.g. CT01."),
        "name": ("Tên cơ sở, hộ, tổ hợp tác, hợp tác xã hoặc doanh nghiệp.",
                 "Name of the business, household, cooperative group, cooperative or enterprise."),
        "kind": ("Loại hình chủ thể.", "Kind of producer."),
        "registered": ("Đã có giấy đăng ký kinh doanh chưa.", "Whether it holds a business registration."),
        "area": ("Khóm nơi chủ thể hoạt động.", "The khóm where the producer works."),
        "address": ("Địa chỉ.", "Address."),
        "contact_name": ("Họ tên người đại diện.", "The representative's name."),
        "phone": ("Số điện thoại liên hệ.", "Contact phone number."),
        "trade": ("Ngành nghề sản xuất, kinh doanh chính.", "Main trade."),
        "note": _NOTE,
    },
    "products": {
        "product_id": ("Mã riêng của sản phẩm, ví dụ SP01.", "The product's own id, e.g. SP01."),
        "name": ("Tên sản phẩm.", "The product's name."),
        "producer_id": ("Mã chủ thể làm ra sản phẩm.", "Id of the producer that makes it."),
        "group": ("Nhóm sản phẩm OCOP.", "OCOP product group."),
        "surveyed_on": ("Ngày rà soát, đánh giá tiềm năng sản phẩm.", "Date the product's potential was reviewed."),
        "potential": ("Mức tiềm năng khi rà soát.", "Potential found by the review."),
        "stage": ("Giai đoạn hiện tại của sản phẩm trong chu trình OCOP.",
                  "The product's current stage in the OCOP cycle."),
        "self_score": ("Điểm chủ thể tự đánh giá (thang 100).", "The producer's self-assessed score (out of 100)."),
        "score": ("Điểm của hội đồng đánh giá, phân hạng (thang 100).", "The rating council's score (out of 100)."),
        "stars": ("Số sao được công nhận; để trống thì tính từ điểm đánh giá.",
                  "Stars awarded; blank means worked out from the score."),
        "certified_on": (f"Ngày quyết định công nhận; giấy chứng nhận có hiệu lực {c.CERTIFICATE_MONTHS} tháng.",
                         f"Date of the certification decision; a certificate lasts {c.CERTIFICATE_MONTHS} months."),
        "officer": ("Cán bộ theo dõi, hỗ trợ sản phẩm.", "The officer following the product."),
        "note": _NOTE,
    },
    "dossiers": {
        "product_id": ("Mã sản phẩm (như ở trang Sản phẩm); mỗi sản phẩm một dòng.",
                       "The product's id (as in Sản phẩm); one row per product."),
        "registration_form": ("Phiếu đăng ký tham gia Chương trình OCOP.", "Registration form for the OCOP programme."),
        "business_plan": ("Phương án, kế hoạch kinh doanh sản phẩm.", "Business plan for the product."),
        "organisation_profile": ("Bản giới thiệu tổ chức, chủ thể.", "Profile of the producer."),
        "business_licence": ("Giấy chứng nhận đăng ký kinh doanh (bản sao).", "Business registration certificate (copy)."),
        "samples": ("Mẫu sản phẩm nộp kèm hồ sơ.", "Product samples sent with the dossier."),
        "food_safety_cert": ("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.", "Food-safety certificate."),
        "quality_declaration": ("Hồ sơ công bố chất lượng sản phẩm.", "Product quality declaration."),
        "lab_test": ("Phiếu kết quả kiểm nghiệm sản phẩm.", "Laboratory test report."),
        "label": ("Nhãn sản phẩm đúng quy định.", "Compliant product label."),
        "traceability": ("Mã số, mã vạch, tem truy xuất nguồn gốc.", "Barcode or traceability stamp."),
        "product_story": ("Câu chuyện về sản phẩm.", "The product's story."),
        "environment_record": ("Hồ sơ, cam kết bảo vệ môi trường.", "Environmental record or commitment."),
        "submitted_on": ("Ngày nộp hồ sơ đánh giá, phân hạng.", "Date the dossier was submitted for rating."),
        "note": _NOTE,
    },
    "outreach": {
        "held_on": ("Ngày tuyên truyền.", "Date of the activity."),
        "channel": ("Hình thức tuyên truyền.", "Channel."),
        "topic": ("Nội dung chính.", "Main topic."),
        "unit": ("Đơn vị, đoàn thể thực hiện.", "The unit or association that held it."),
        "area": ("Khóm được tuyên truyền; chọn Toàn phường nếu cho cả phường.",
                 "The khóm reached; Toàn phường for the whole ward."),
        "attendees": ("Số người tham dự.", "Number of people attending."),
        "producers_reached": ("Mã các chủ thể được tiếp cận, ví dụ CT01, CT02.",
                              "Ids of the producers reached, e.g. CT01, CT02."),
        "note": _NOTE,
    },
    "training": {
        "held_on": ("Ngày khai giảng lớp tập huấn.", "Date the course started."),
        "course": ("Tên lớp tập huấn.", "The course's name."),
        "organiser": ("Đơn vị tổ chức lớp.", "Who organised it."),
        "attendee": ("Họ tên người tham dự; mỗi người một dòng.", "The attendee's name; one row each."),
        "role": ("Chức vụ của người tham dự.", "The attendee's position."),
        "unit": ("Đơn vị công tác của người tham dự.", "The attendee's unit."),
        "days": ("Số ngày học.", "Length of the course in days."),
        "note": _NOTE,
    },
    "tasks": {
        "unit": ("Đơn vị hoặc cán bộ được giao.", "The unit or officer assigned."),
        "task": ("Nội dung nhiệm vụ.", "The task."),
        "due_on": ("Hạn hoàn thành.", "Due date."),
        "status": ("Tình trạng thực hiện.", "Progress."),
        "note": _NOTE,
    },
}

INFO_DESCRIPTIONS: dict[str, Pair] = {
    "ward_name": ("Tên phường (xã), ví dụ Phường Vĩnh Nguơn.", "The ward's name, e.g. Phường Vĩnh Nguơn."),
    "report_to": ("Cơ quan nhận báo cáo, ví dụ Phòng Kinh tế thành phố.",
                  "The office reported to, e.g. the city's Economic Division."),
    "plan_year": ("Năm của kế hoạch OCOP, 4 chữ số, ví dụ 2024.", "The plan's year, 4 digits, e.g. 2024."),
    "plan_number": ("Số hiệu văn bản kế hoạch, ví dụ 42/KH-UBND.", "The plan's document number, e.g. 42/KH-UBND."),
    "note": ("Ghi chú chung.", "A general note."),
}

KIND_NAMES: dict[str, Pair] = {
    c.TEXT: ("chữ", "text"), c.ID: ("mã", "id"), c.IDS: ("danh sách mã", "list of ids"),
    c.DATE: ("ngày", "date"), c.NUMBER: ("số", "number"), c.INTEGER: ("số nguyên", "whole number"),
    c.YEAR: ("năm", "year"), c.YESNO: ("có/không", "yes/no"),
    c.DOC_STATUS: ("tình trạng giấy tờ", "document status"), c.STARS: ("số sao", "stars"),
    c.VOCAB: ("danh mục", "list"), c.CODE: ("mã chỉ tiêu", "indicator code"),
}

_REFERENCES: dict[tuple[str, str], Pair] = {  # id columns that point at another tab
    ("products", "producer_id"): ("Mã có ở trang Chủ thể.", "An id from the Chủ thể tab."),
    ("dossiers", "product_id"): ("Mã có ở trang Sản phẩm.", "An id from the Sản phẩm tab."),
}

UI: dict[str, Pair] = {
    "required": ("Bắt buộc", "Required"),
    "yes": ("Có", "Yes"), "no": ("Không", "No"),
    "col_column": ("Cột", "Column"), "col_required": ("Bắt buộc", "Required"),
    "col_kind": ("Kiểu dữ liệu", "Kind"), "col_meaning": ("Giải thích", "Meaning"),
    "col_allowed": ("Giá trị cho phép", "Allowed values"),
    "required_document": ("Giấy tờ bắt buộc", "Required document"),
    "supporting_document": ("Giấy tờ bổ sung", "Supporting document"),
    "items": ("Các mục (ghi giá trị vào cột B):", "The items (write the values in column B):"),
    "codes_heading": ("Mã chỉ tiêu dùng ở trang Chỉ tiêu:", "Indicator codes for the Chỉ tiêu tab:"),
    "key_rule": ("Dòng không được tính (lỗi) khi trống hoặc sai: {keys}.",
                 "A row is not counted (error) when this is blank or unreadable: {keys}."),
    "unique_rule": ("Dòng trùng {keys} với một dòng phía trên cũng không được tính.",
                    "A row repeating the {keys} of a row above is not counted either."),
    "tab_heading": ("Trang “{title}”", "Tab “{title}”"),
    "optional_tab": (" (không bắt buộc)", " (optional)"),
    "prompt_title": ("Chọn trong danh sách", "Pick from the list"),
    "prompt": ("Chọn trong danh sách hoặc gõ (không phân biệt chữ hoa, chữ thường, có dấu hay không dấu).",
               "Pick from the list or type (case and diacritics do not matter)."),
    "prompt_areas": ("Chọn khóm trong danh sách của trang Khóm.", "Pick a khóm from the Khóm tab."),
    "prompt_yesno": ("Có hoặc Không; ghi số giấy đăng ký kinh doanh cũng được (tính là Có).",
                     "Có or Không; a registration number also counts as Có."),
    "error_title": ("Giá trị ngoài danh sách", "Value not in the list"),
    "error": ("Giá trị này không có trong danh sách. Vẫn có thể giữ, nhưng bảng điều khiển sẽ cảnh báo "
              "ô này ở trang Dữ liệu nếu không nhận ra.",
              "This value is not in the list. You may keep it, but the dashboard will flag the cell on "
              "the Data page if it cannot recognise it."),
}

GUIDE_TITLE_TEXT: Pair = ("HƯỚNG DẪN NHẬP LIỆU · BẢNG TÍNH CHƯƠNG TRÌNH OCOP",
                          "HOW TO FILL IN THE OCOP PROGRAMME WORKBOOK")
GUIDE_INTRO: tuple[Pair, ...] = (
    ("Bảng tính này là nguồn dữ liệu của Bảng điều khiển OCOP của phường: cán bộ ghi vào các trang tính, "
     "bảng điều khiển đọc trực tiếp để tính tiến độ so với chỉ tiêu, sản phẩm và hồ sơ, tuyên truyền, "
     "tập huấn, nhiệm vụ, và chỉ ra ô nào cần sửa.",
     "This workbook is the data source of the ward's OCOP dashboard: officers fill in the tabs, the "
     "dashboard reads them directly to compute progress against targets, products and dossiers, outreach, "
     "training and tasks, and to point at any cell to fix."),
    ("Có thể dùng tệp .xlsx này, hoặc tải lên Google Drive và mở bằng Google Sheets để nhiều cán bộ cùng "
     "nhập; hai cách được đọc giống hệt nhau.",
     "Use this .xlsx file, or upload it to Google Drive and open it with Google Sheets so several officers "
     "can fill it together; both are read the same way."),
    ("Dòng 1 của mỗi trang là dòng tiêu đề: không đổi tên trang tính và tên cột. Có thể đổi thứ tự cột; "
     "cột thêm vào ngoài mẫu được giữ nguyên nhưng không dùng để tính.",
     "Row 1 of each tab is the header: do not rename tabs or columns. Column order is free; extra columns "
     "are kept but not used in calculations."),
    ("Tiêu đề màu cam là cột bắt buộc, màu xanh là cột không bắt buộc. Rê chuột vào ô tiêu đề để xem giải "
     "thích. Ô có mũi tên là ô có danh sách chọn.",
     "Orange headers are required columns, blue ones optional. Hover over a header to see what it means. "
     "Cells with an arrow have a dropdown list."),
    (f"Trang “{GUIDE_TITLE}” này và trang ẩn “{LISTS_TITLE}” (các danh sách chọn) không được đọc như dữ "
     f"liệu. Không xoá trang “{LISTS_TITLE}” để giữ các danh sách chọn.",
     f"This “{GUIDE_TITLE}” tab and the hidden “{LISTS_TITLE}” tab (the dropdown lists) are not read as "
     f"data. Do not delete “{LISTS_TITLE}”, or the dropdowns stop working."),
)
RULES_HEADING: Pair = ("Cách bảng điều khiển đọc dữ liệu", "How the dashboard reads the data")
GUIDE_RULES: tuple[Pair, ...] = (
    ("Ngày ghi theo ngày/tháng/năm. Ô ngày của Excel, 15/03/2024, 15/3/2024, 15-03-2024, 15.03.2024 và "
     "2024-03-15 đều đọc được; 03/04/2024 là ngày 3 tháng 4.",
     "Dates are day/month/year. Excel date cells, 15/03/2024, 15/3/2024, 15-03-2024, 15.03.2024 and "
     "2024-03-15 are all read; 03/04/2024 is 3 April."),
    ("Số: 1200 hoặc 1.200 (dấu chấm trước đúng ba chữ số là phân cách hàng nghìn); số thập phân ghi 72,5 "
     "hoặc 72.5. Chỉ ghi con số: ô như “khoảng 50” bị bỏ qua và được cảnh báo, không đoán.",
     "Numbers: 1200 or 1.200 (a dot before exactly three digits separates thousands); decimals 72,5 or "
     "72.5. Write the figure only: a cell such as “khoảng 50” is ignored with a warning, never guessed."),
    ("Có/không: Có, x, ✓, 1 (hoặc số giấy đăng ký) là có; Không, 0 hoặc để trống là không.",
     "Yes/no: Có, x, ✓, 1 (or a registration number) mean yes; Không, 0 or blank mean no."),
    ("Ô có danh sách chọn: chọn trong danh sách hoặc gõ; không phân biệt chữ hoa, chữ thường, có dấu hay "
     "không dấu (Khom Vinh Phu cũng được). Giá trị không nhận ra được giữ lại nhưng được cảnh báo.",
     "Dropdown cells: pick or type; case and diacritics do not matter. A value that cannot be recognised "
     "is kept but flagged."),
    ("Ô ghi nhiều mã (Chủ thể được tiếp cận): cách nhau bởi dấu phẩy hoặc chấm phẩy, ví dụ CT01, CT02; CT03.",
     "Cells with several ids (Chủ thể được tiếp cận): separate them with commas or semicolons, "
     "e.g. CT01, CT02; CT03."),
    ("Không dòng nào bị bỏ qua âm thầm: mỗi dòng có dữ liệu hoặc được tính, hoặc bị loại kèm lý do "
     "(số dòng đọc được = dòng hợp lệ + dòng bị loại). Một dòng chỉ bị loại khi giá trị khoá của nó trống, "
     "sai hoặc trùng với một dòng phía trên (xem từng trang bên dưới). Ô sai khác chỉ bị bỏ qua kèm cảnh "
     "báo, dòng vẫn được tính. Dòng trống hoàn toàn được bỏ qua.",
     "No row is dropped silently: every row with data is either counted or rejected with a reason "
     "(rows read = rows accepted + rows rejected). A row is rejected only when its key is blank, "
     "unreadable or repeats a row above (see each tab below). Any other bad cell is ignored with a "
     "warning and the row still counts. Wholly empty rows are skipped."),
    ("Xem các vấn đề cần sửa ở trang “{data_page}” của bảng điều khiển: mỗi vấn đề ghi rõ trang tính, "
     "số dòng, cột, giá trị đã ghi và lý do.",
     "See the issues to fix on the dashboard's “{data_page}” page: each names the tab, the row, the "
     "column, the value as written and the reason."),
)


# --------------------------------------------------------------------------- the lists
def dropdown_lists() -> dict[str, tuple[str, tuple[str, ...]]]:
    """List name -> (label shown in row 1 of _Danh mục, values). Order = columns A, B, ...
    The Google Sheets template (data_sources/sheet_writer.py) uses the same lists."""
    vocab_labels = {col.vocab: col.header for tab in c.TABS for col in tab.columns
                    if col.kind == c.VOCAB and col.vocab in c.VOCABULARIES}
    lists = {name: (vocab_labels.get(name, name), values) for name, values in c.VOCABULARIES.items()}
    lists[c.DOC_STATUS] = ("Tình trạng giấy tờ", tuple(DOC_STATUS_LABELS[s] for s in
                                                      (c.DOC_DONE, c.DOC_IN_PROGRESS, c.DOC_MISSING, c.DOC_NA)))
    lists[c.YESNO] = ("Có/Không", (YES, NO))
    lists[c.CODE] = ("Mã chỉ tiêu", c.INDICATOR_CODES)
    return lists


AREAS_OR_WARD = "areas_or_ward"


def list_name(column: c.Column) -> str | None:
    """Which dropdown a column gets: a VOCABULARIES name, "areas", "areas_or_ward",
    c.DOC_STATUS, c.YESNO, c.CODE, or None."""
    if column.kind == c.VOCAB:
        return column.vocab
    if column.kind in (c.DOC_STATUS, c.YESNO, c.CODE):
        return column.kind
    return None


def _quote(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _area_column_letter() -> str:
    areas = c.TABS_BY_KEY["areas"]
    return get_column_letter([col.key for col in areas.columns].index("name") + 1)


def _allowed(tab: c.Tab, column: c.Column, lang: str) -> str:
    """The allowed values of a column, in plain words."""
    vi = lang != "en"
    bounds = ""
    if column.low is not None and column.high is not None:
        bounds = (f"từ {column.low:g} đến {column.high:g}" if vi else f"{column.low:g} to {column.high:g}")
    elif column.low is not None:
        bounds = (f"từ {column.low:g} trở lên" if vi else f"{column.low:g} or more")
    kind = column.kind
    if kind == c.VOCAB and column.vocab == "areas":
        return "Tên khóm có ở trang Khóm." if vi else "A khóm named in the Khóm tab."
    if kind == c.VOCAB and column.vocab == AREAS_OR_WARD:
        return (f"Tên khóm có ở trang Khóm, hoặc {c.WHOLE_WARD} (cả phường)." if vi
                else f"A khóm named in the Khóm tab, or {c.WHOLE_WARD} (the whole ward).")
    if kind == c.VOCAB:
        return "; ".join(c.VOCABULARIES[column.vocab]) + "."
    if kind == c.DOC_STATUS:
        labels = DOC_STATUS_LABELS
        return (f"{labels[c.DOC_DONE]}; {labels[c.DOC_IN_PROGRESS]}; {labels[c.DOC_MISSING]} (để trống cũng là "
                f"{labels[c.DOC_MISSING]}); {labels[c.DOC_NA]} (không tính vào hồ sơ)." if vi else
                f"{labels[c.DOC_DONE]}; {labels[c.DOC_IN_PROGRESS]}; {labels[c.DOC_MISSING]} (blank too); "
                f"{labels[c.DOC_NA]} (left out of readiness).")
    if kind == c.YESNO:
        return (f"{YES} hoặc {NO}; để trống là {NO}; ghi số giấy đăng ký là {YES}." if vi else
                f"{YES} or {NO}; blank is {NO}; a registration number is {YES}.")
    if kind == c.DATE:
        return "Ngày/tháng/năm, ví dụ 15/03/2024." if vi else "Day/month/year, e.g. 15/03/2024."
    if kind == c.YEAR:
        return "4 chữ số, ví dụ 2024." if vi else "4 digits, e.g. 2024."
    if kind == c.STARS:
        return (f"{bounds.capitalize()}; 3, “3 sao” hoặc ★★★ đều được; để trống thì tính từ Điểm đánh giá."
                if vi else f"{bounds.capitalize()}; 3, “3 sao” or ★★★; blank means from Điểm đánh giá.")
    if kind == c.CODE:
        return (", ".join(c.INDICATOR_CODES) + (" (xem bảng mã bên dưới)." if vi else " (see the table below)."))
    if kind == c.IDS:
        return ("Mã ở trang Chủ thể, cách nhau bởi dấu phẩy hoặc chấm phẩy." if vi else
                "Ids from the Chủ thể tab, separated by commas or semicolons.")
    if kind in (c.NUMBER, c.INTEGER):
        whole = "Số nguyên" if kind == c.INTEGER else "Số"
        if not vi:
            whole = "A whole number" if kind == c.INTEGER else "A number"
        return f"{whole} {bounds}." if bounds else f"{whole}."
    if (tab.key, column.key) in _REFERENCES:
        return _tr(_REFERENCES[(tab.key, column.key)], lang)
    if column.key in tab.key_columns and tab.unique and not tab.key_value:
        return "Không trùng nhau trong trang." if vi else "No repeats within the tab."
    return ""


def _meaning(tab: c.Tab, column: c.Column, lang: str) -> str:
    text = _tr(COLUMN_DESCRIPTIONS[tab.key][column.key], lang)
    if column.kind == c.DOC_STATUS:
        kind = "required_document" if column.key in c.REQUIRED_DOCUMENTS else "supporting_document"
        text = f"{_tr(UI[kind], lang)}: {text}"
    return text


def column_description(tab: c.Tab, column: c.Column, lang: str = "vi") -> str:
    """One line on a column: "Bắt buộc. " when required, what it holds, what is allowed."""
    parts = [_tr(UI["required"], lang) + "." if column.required else "",
             _meaning(tab, column, lang), _allowed(tab, column, lang)]
    return " ".join(p for p in parts if p)


# --------------------------------------------------------------------------- the data tabs
def _width(column: c.Column) -> float:
    by_key = {"note": 34, "name": 30, "task": 60, "address": 28, "course": 32, "label": 34,
              "attendee": 24, "organiser": 24, "unit": 24, "contact_name": 22, "trade": 20,
              "officer": 22, "producers_reached": 22, "role": 22, "value": 45, "item": 22}
    by_kind = {c.DATE: 13, c.NUMBER: 11, c.INTEGER: 11, c.YEAR: 8, c.YESNO: 12, c.DOC_STATUS: 14,
               c.STARS: 8, c.CODE: 20, c.ID: 13, c.IDS: 22, c.TEXT: 18}
    if column.kind == c.VOCAB:
        values = c.VOCABULARIES.get(column.vocab, ())
        base = min(max((len(v) for v in values), default=16) + 3, 30)
    else:
        base = by_key.get(column.key, by_kind.get(column.kind, 16))
    longest_word = max(len(w) for w in column.header.split())
    return float(max(base, longest_word + 3))


def _comment(text: str) -> Comment:
    comment = Comment(text, AUTHOR)
    comment.width, comment.height = 300, max(80, 20 * math.ceil(len(text) / 45) + 20)
    return comment


def _style_header(ws: Worksheet, tab: c.Tab, lang: str) -> None:
    for index, column in enumerate(tab.columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font = HEADER_FONT
        cell.fill = REQUIRED_FILL if column.required else OPTIONAL_FILL
        cell.alignment = HEADER_ALIGNMENT
        cell.border = BORDER
        cell.comment = _comment(column_description(tab, column, lang))
        ws.column_dimensions[get_column_letter(index)].width = _width(column)
    ws.row_dimensions[1].height = 33
    ws.freeze_panes = "A2"


def _formats(ws: Worksheet, tab: c.Tab) -> None:
    for index, column in enumerate(tab.columns, start=1):
        fmt = "@" if column.key in TEXT_FORMAT_COLUMNS else NUMBER_FORMATS.get(column.kind)
        if fmt is None or fmt == "General":
            continue
        for row in range(FIRST_ROW, LAST_ROW + 1):
            ws.cell(row=row, column=index).number_format = fmt


def _validation(formula: str, name: str, label: str, lang: str) -> DataValidation:
    prompt = {"areas": "prompt_areas", AREAS_OR_WARD: "prompt_areas", c.YESNO: "prompt_yesno"}.get(name, "prompt")
    dv = DataValidation(type="list", formula1=formula, allow_blank=True,
                        showInputMessage=True, promptTitle=label[:32], prompt=_tr(UI[prompt], lang)[:255],
                        showErrorMessage=name != c.YESNO,  # a registration number is a valid "yes"
                        errorStyle="warning", errorTitle=_tr(UI["error_title"], lang)[:32],
                        error=_tr(UI["error"], lang)[:255])
    return dv


def _validations(ws: Worksheet, tab: c.Tab, ranges: dict[str, str], lang: str) -> None:
    by_list: dict[str, DataValidation] = {}
    for index, column in enumerate(tab.columns, start=1):
        name = list_name(column)
        if name is None:
            continue
        if name not in by_list:
            label = "Khóm" if name in ("areas", AREAS_OR_WARD) else column.header
            if name == c.DOC_STATUS:
                label = "Tình trạng giấy tờ" if lang != "en" else "Document status"
            by_list[name] = _validation(ranges[name], name, label, lang)
            ws.add_data_validation(by_list[name])
        letter = get_column_letter(index)
        by_list[name].add(f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}")


def _fill_lists(ws: Worksheet, area_rows: int) -> dict[str, str]:
    """Writes every list on the hidden tab; returns list name -> validation formula."""
    ranges: dict[str, str] = {}
    sheet = _quote(LISTS_TITLE)
    position = 0
    for position, (name, (label, values)) in enumerate(dropdown_lists().items(), start=1):
        letter = get_column_letter(position)
        ws.cell(row=1, column=position, value=label).font = HEADER_FONT
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=position, value=value)
        ranges[name] = f"{sheet}!${letter}$2:${letter}${len(values) + 1}"
        ws.column_dimensions[letter].width = min(max(len(v) for v in values + (label,)) + 2, 60)
    # Khóm, or Toàn phường: a live copy of the Khóm tab's names after Toàn phường.
    position += 1
    letter = get_column_letter(position)
    areas_title, name_letter = _quote(c.TABS_BY_KEY["areas"].title), _area_column_letter()
    ws.cell(row=1, column=position, value=f"Khóm hoặc {c.WHOLE_WARD}").font = HEADER_FONT
    ws.cell(row=2, column=position, value=c.WHOLE_WARD)
    for source_row in range(2, area_rows + 1):
        ref = f"{areas_title}!${name_letter}{source_row}"
        ws.cell(row=source_row + 1, column=position, value=f'=IF({ref}="","",{ref})')
    ranges[AREAS_OR_WARD] = f"{sheet}!${letter}$2:${letter}${area_rows + 1}"
    ws.column_dimensions[letter].width = 24
    ranges["areas"] = f"{areas_title}!${name_letter}$2:${name_letter}${area_rows}"
    return ranges


def _fill_info(ws: Worksheet, lang: str) -> None:
    for row, (item, key) in enumerate(c.INFO_KEYS.items(), start=2):
        cell = ws.cell(row=row, column=1, value=item)
        cell.comment = _comment(_tr(INFO_DESCRIPTIONS[key], lang))
        cell.border = ws.cell(row=row, column=2).border = BORDER
        if key == "plan_year":
            ws.cell(row=row, column=2).number_format = NUMBER_FORMATS[c.YEAR]


def clean_areas(areas: Iterable[str] | None) -> list[str]:
    """Names as given, blanks and (folded) repeats left out: the reader would reject a repeat."""
    seen: set[str] = set()
    kept: list[str] = []
    for area in areas or ():
        text = "" if area is None else str(area).strip()
        if text and fold(text) not in seen:
            seen.add(fold(text))
            kept.append(text)
    return kept


# --------------------------------------------------------------------------- the guide
_GUIDE_WIDTHS = (24, 10, 16, 50, 60)  # column, required, kind, meaning, allowed


def _lines(text: str, width: float) -> int:
    return max(1, math.ceil(len(text) / max(width * 1.05, 1)))


def _paragraph(ws: Worksheet, row: int, text: str, font: Font | None = None, fill: PatternFill | None = None) -> int:
    last = get_column_letter(len(_GUIDE_WIDTHS))
    ws.merge_cells(f"A{row}:{last}{row}")
    cell = ws.cell(row=row, column=1, value=text)
    cell.alignment = WRAP
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    ws.row_dimensions[row].height = 15.5 * _lines(text, sum(_GUIDE_WIDTHS)) + 3
    return row + 1


def _table_row(ws: Worksheet, row: int, values: list[str], header: bool = False) -> int:
    lines = 1
    for index, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=index, value=value or None)
        cell.alignment = WRAP
        cell.border = BORDER
        if header:
            cell.font, cell.fill = HEADER_FONT, OPTIONAL_FILL
        lines = max(lines, _lines(value or "", _GUIDE_WIDTHS[index - 1]))
    ws.row_dimensions[row].height = 15.5 * lines + 3
    return row + 1


def _fill_guide(ws: Worksheet, lang: str) -> None:
    for index, width in enumerate(_GUIDE_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.sheet_view.showGridLines = False
    row = _paragraph(ws, 1, _tr(GUIDE_TITLE_TEXT, lang), Font(bold=True, size=14))
    for pair in GUIDE_INTRO:
        row = _paragraph(ws, row, "• " + _tr(pair, lang))
    row = _paragraph(ws, row + 1, _tr(RULES_HEADING, lang), Font(bold=True, size=12), GUIDE_HEADING_FILL)
    data_page = strings.t("nav.data", lang)
    for pair in GUIDE_RULES:
        row = _paragraph(ws, row, "• " + _tr(pair, lang).format(data_page=data_page))
    yes, no = _tr(UI["yes"], lang), _tr(UI["no"], lang)
    table_header = [_tr(UI[k], lang) for k in ("col_column", "col_required", "col_kind", "col_meaning",
                                               "col_allowed")]
    for tab in c.TABS:
        heading = _tr(UI["tab_heading"], lang).format(title=tab.title)
        if not tab.required:
            heading += _tr(UI["optional_tab"], lang)
        row = _paragraph(ws, row + 1, heading, Font(bold=True, size=12), GUIDE_HEADING_FILL)
        row = _paragraph(ws, row, _tr(TAB_PURPOSES[tab.key], lang))
        if tab.key_columns and not tab.key_value:
            keys = ", ".join(tab.column(k).header for k in tab.key_columns)
            rule = _tr(UI["key_rule"], lang).format(keys=keys)
            if tab.unique:
                unique = " + ".join(tab.column(k).header for k in tab.key_columns if k != "target")
                rule += " " + _tr(UI["unique_rule"], lang).format(keys=unique)
            row = _paragraph(ws, row, rule)
        row = _table_row(ws, row, table_header, header=True)
        for column in tab.columns:
            row = _table_row(ws, row, [
                column.header, yes if column.required else no, _tr(KIND_NAMES[column.kind], lang),
                _meaning(tab, column, lang), _allowed(tab, column, lang)])
        if tab.key_value:
            row = _paragraph(ws, row, _tr(UI["items"], lang))
            for item, key in c.INFO_KEYS.items():
                kind = c.YEAR if key == "plan_year" else c.TEXT
                row = _table_row(ws, row, [item, no, _tr(KIND_NAMES[kind], lang),
                                           _tr(INFO_DESCRIPTIONS[key], lang), ""])
        if tab.key == "targets":
            row = _paragraph(ws, row, _tr(UI["codes_heading"], lang))
            for code in c.INDICATOR_CODES:
                row = _table_row(ws, row, [code, "", "", strings.t(f"indicator.{code}", lang), ""])


# --------------------------------------------------------------------------- entry points
def build_template(areas: list[str] | None = None, lang: str = "vi") -> Workbook:
    """The blank workbook officers fill: every contract tab, the guide first, the lists hidden.

    `areas` pre-fills the Khóm tab's names (blanks and repeats left out). `lang` is the
    language of the guide, the header comments and the dropdown prompts; tab titles,
    headers and list values are the contract's Vietnamese in every language.
    """
    names = clean_areas(areas)
    area_rows = max(AREA_LAST_ROW, len(names) + 1)
    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE_TITLE
    sheets = {tab.key: wb.create_sheet(tab.title) for tab in c.TABS}
    lists = wb.create_sheet(LISTS_TITLE)
    ranges = _fill_lists(lists, area_rows)
    lists.sheet_state = "hidden"
    for tab in c.TABS:
        ws = sheets[tab.key]
        _style_header(ws, tab, lang)
        if tab.key_value:
            _fill_info(ws, lang)
            continue
        _formats(ws, tab)
        _validations(ws, tab, ranges, lang)
    name_column = _area_column_letter()
    for row, name in enumerate(names, start=2):
        sheets["areas"][f"{name_column}{row}"] = name
    _fill_guide(guide, lang)
    wb.active = 0
    wb.properties.title = _tr(GUIDE_TITLE_TEXT, lang)
    wb.properties.creator = AUTHOR
    return wb


def template_bytes(areas: list[str] | None = None, lang: str = "vi") -> bytes:
    """build_template() saved as .xlsx bytes (for a download button or a file)."""
    buffer = io.BytesIO()
    build_template(areas, lang).save(buffer)
    return buffer.getvalue()


__all__ = ["AREA_LAST_ROW", "DATE_FORMAT", "DOC_STATUS_LABELS", "FIRST_ROW", "GUIDE_TITLE", "LAST_ROW",
           "LISTS_TITLE", "TEMPLATE_FILENAME", "build_template", "column_description", "template_bytes"]
