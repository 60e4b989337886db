"""The workbook contract declared once, as data (documented in docs/WORKBOOK.md).

Validation, the .xlsx template, the Google Sheet set-up and the report headers are
generated from these declarations, and tests/test_docs.py holds docs/WORKBOOK.md to
them, so none of them can disagree. Headers and
tab titles are what officers see; `key` is what code uses.
"""
from __future__ import annotations

from dataclasses import dataclass

# Cell kinds: each has one parser in analysis/workbook/cells.py.
TEXT, ID, IDS, DATE, NUMBER, INTEGER, YEAR, YESNO, DOC_STATUS, STARS, VOCAB, CODE = (
    "text", "id", "ids", "date", "number", "integer", "year", "yesno", "doc_status",
    "stars", "vocab", "code",
)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = TEXT
    required: bool = False
    # A name in VOCABULARIES, or "areas" (the Khóm tab), or "areas_or_ward" (those or Toàn phường)
    vocab: str | None = None
    low: float | None = None  # inclusive bounds checked after parsing (pandera)
    high: float | None = None


@dataclass(frozen=True)
class Tab:
    key: str
    title: str
    columns: tuple[Column, ...]
    # The row's key: rejected when unreadable; `unique` keys reject later repeats.
    key_columns: tuple[str, ...] = ()
    unique: bool = True
    required: bool = True
    key_value: bool = False  # Thông tin: key/value rows, no header
    english: str = ""

    @property
    def required_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


# Canonical vocabularies. Aliases map other spellings officers use to a canonical value;
# matching is case- and diacritic-insensitive (analysis.workbook.text.fold).
PRODUCER_KINDS = ("Hộ kinh doanh", "Hộ sản xuất", "Tổ hợp tác", "Hợp tác xã", "Doanh nghiệp")
PRODUCT_GROUPS = (
    "Thực phẩm",
    "Đồ uống",
    "Dược liệu và sản phẩm từ dược liệu",
    "Hàng thủ công mỹ nghệ",
    "Sinh vật cảnh",
    "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
)
TOURISM_GROUP = PRODUCT_GROUPS[5]
HANDICRAFT_GROUP = PRODUCT_GROUPS[3]
POTENTIAL_LEVELS = ("Cao", "Trung bình", "Thấp")
# Stages follow the annual OCOP cycle; "Không tham gia" (dropped out) is outside it.
STAGES = ("Tiềm năng", "Đã đăng ký", "Hoàn thiện hồ sơ", "Đã nộp hồ sơ", "Đã đánh giá", "Không tham gia")
PARTICIPATING_STAGES = ("Đã đăng ký", "Hoàn thiện hồ sơ", "Đã nộp hồ sơ", "Đã đánh giá")
DROPPED_OUT = STAGES[-1]  # Không tham gia: outside the annual cycle
CYCLE_STAGES = STAGES[:-1]
# Each stage's code: its catalogue key is "stage.<code>" (analysis/i18n/strings.py).
STAGE_CODES = dict(zip(STAGES, ("potential", "registered", "preparing", "submitted", "rated", "dropped")))
CHANNELS = (
    "Đài truyền thanh", "Hội nghị", "Họp dân", "Vãng gia", "Mạng xã hội",
    "Tài liệu - tờ rơi", "Lồng ghép sinh hoạt hội",
)
TOPICS = ("OCOP", "An toàn thực phẩm", "Môi trường", "Khoa học kỹ thuật", "Hướng dẫn hồ sơ")
TASK_STATUSES = ("Chưa thực hiện", "Đang thực hiện", "Hoàn thành")
WHOLE_WARD = "Toàn phường"
WHOLE_WARD_ALIASES = ("Toàn xã", "Cả phường", "Tất cả các khóm", "Tất cả")

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "producer_kind": PRODUCER_KINDS,
    "group": PRODUCT_GROUPS,
    "potential": POTENTIAL_LEVELS,
    "stage": STAGES,
    "channel": CHANNELS,
    "topic": TOPICS,
    "task_status": TASK_STATUSES,
}
ALIASES: dict[str, dict[str, str]] = {
    "producer_kind": {"HTX": "Hợp tác xã", "THT": "Tổ hợp tác", "DN": "Doanh nghiệp",
                      "HKD": "Hộ kinh doanh", "Hộ gia đình": "Hộ sản xuất"},
    "group": {"Dược liệu": PRODUCT_GROUPS[2], "Thủ công mỹ nghệ": HANDICRAFT_GROUP,
              "Du lịch": TOURISM_GROUP, "Dịch vụ du lịch": TOURISM_GROUP},
    "channel": {"Facebook": "Mạng xã hội", "Zalo": "Mạng xã hội", "Tờ rơi": "Tài liệu - tờ rơi",
                "Loa": "Đài truyền thanh", "Đài": "Đài truyền thanh", "Truyền thanh": "Đài truyền thanh",
                "Sinh hoạt hội": "Lồng ghép sinh hoạt hội"},
    "topic": {"ATTP": "An toàn thực phẩm", "KHKT": "Khoa học kỹ thuật", "Hồ sơ": "Hướng dẫn hồ sơ"},
    "task_status": {"Đã hoàn thành": "Hoàn thành", "Xong": "Hoàn thành", "Đang làm": "Đang thực hiện",
                    "Chưa": "Chưa thực hiện"},
}

# Dossier documents: required ones are the gate, all applicable ones the depth.
REQUIRED_DOCUMENTS = ("registration_form", "business_plan", "organisation_profile",
                      "business_licence", "samples")
SUPPORTING_DOCUMENTS = ("food_safety_cert", "quality_declaration", "lab_test", "label",
                        "traceability", "product_story", "environment_record")
DOCUMENTS = REQUIRED_DOCUMENTS + SUPPORTING_DOCUMENTS
DOC_DONE, DOC_IN_PROGRESS, DOC_MISSING, DOC_NA = "done", "in_progress", "missing", "na"

# Programme settings, kept as data: decrees and provinces may change them (docs/WORKBOOK.md, "Stars and certificates").
CERTIFICATE_MONTHS = 36
STAR_BANDS = ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1))  # lowest score of each band
MIN_CERTIFIED_STARS = 3

INDICATOR_CODES = ("SP_OCOP", "SP_TIEM_NANG", "HO_SO_NOP", "CHU_THE_THAM_GIA", "TT_SO_BUOI",
                   "TT_LUOT_NGUOI", "TT_KHOM", "TT_CHU_THE", "TH_LUOT_CAN_BO")

# Thông tin: officer-facing key -> code key. Defaults come from the demo ward.
INFO_KEYS = {"Tên đơn vị": "ward_name", "Cấp báo cáo": "report_to", "Năm kế hoạch": "plan_year",
             "Số kế hoạch": "plan_number", "Ghi chú": "note"}


def _c(key: str, header: str, kind: str = TEXT, required: bool = False, **kw) -> Column:
    return Column(key, header, kind, required, **kw)


def _doc(key: str, header: str) -> Column:
    return Column(key, header, DOC_STATUS)


TABS: tuple[Tab, ...] = (
    Tab("info", "Thông tin", (
        _c("item", "Mục", required=True), _c("value", "Giá trị"),
    ), key_columns=("item",), required=False, key_value=True, english="Information"),
    Tab("areas", "Khóm", (
        _c("name", "Khóm", required=True), _c("households", "Số hộ", INTEGER, low=0),
        _c("note", "Ghi chú"),
    ), key_columns=("name",), english="Khóm (neighbourhoods)"),
    Tab("targets", "Chỉ tiêu", (
        _c("year", "Năm", YEAR, True), _c("code", "Mã chỉ tiêu", CODE, True),
        _c("label", "Tên chỉ tiêu"), _c("target", "Chỉ tiêu", NUMBER, True, low=0),
        _c("unit", "Đơn vị tính"), _c("note", "Ghi chú"),
    ), key_columns=("year", "code", "target"), english="Targets"),
    Tab("producers", "Chủ thể", (
        _c("producer_id", "Mã chủ thể", ID, True), _c("name", "Tên chủ thể", required=True),
        _c("kind", "Loại hình", VOCAB, vocab="producer_kind"),
        _c("registered", "Đăng ký kinh doanh", YESNO), _c("area", "Khóm", VOCAB, vocab="areas"),
        _c("address", "Địa chỉ"), _c("contact_name", "Người đại diện"), _c("phone", "Điện thoại"),
        _c("trade", "Ngành nghề"), _c("note", "Ghi chú"),
    ), key_columns=("producer_id",), english="Producers"),
    Tab("products", "Sản phẩm", (
        _c("product_id", "Mã sản phẩm", ID, True), _c("name", "Tên sản phẩm", required=True),
        _c("producer_id", "Mã chủ thể", ID), _c("group", "Nhóm sản phẩm", VOCAB, vocab="group"),
        _c("surveyed_on", "Ngày rà soát", DATE),
        _c("potential", "Mức tiềm năng", VOCAB, vocab="potential"),
        _c("stage", "Giai đoạn", VOCAB, vocab="stage"),
        _c("self_score", "Điểm tự đánh giá", NUMBER, low=0, high=100),
        _c("score", "Điểm đánh giá", NUMBER, low=0, high=100),
        _c("stars", "Số sao", STARS, low=1, high=5),
        _c("certified_on", "Ngày công nhận", DATE), _c("officer", "Cán bộ phụ trách"),
        _c("note", "Ghi chú"),
    ), key_columns=("product_id",), english="Products"),
    Tab("dossiers", "Hồ sơ", (
        _c("product_id", "Mã sản phẩm", ID, True),
        _doc("registration_form", "Phiếu đăng ký"), _doc("business_plan", "Phương án kinh doanh"),
        _doc("organisation_profile", "Giới thiệu tổ chức"), _doc("business_licence", "Giấy ĐKKD"),
        _doc("samples", "Mẫu sản phẩm"), _doc("food_safety_cert", "Giấy chứng nhận ATTP"),
        _doc("quality_declaration", "Công bố chất lượng"), _doc("lab_test", "Phiếu kiểm nghiệm"),
        _doc("label", "Nhãn sản phẩm"), _doc("traceability", "Mã vạch / truy xuất"),
        _doc("product_story", "Câu chuyện sản phẩm"), _doc("environment_record", "Hồ sơ môi trường"),
        _c("submitted_on", "Ngày nộp", DATE), _c("note", "Ghi chú"),
    ), key_columns=("product_id",), english="Dossiers"),
    Tab("outreach", "Tuyên truyền", (
        _c("held_on", "Ngày", DATE, True), _c("channel", "Hình thức", VOCAB, vocab="channel"),
        _c("topic", "Nội dung", VOCAB, vocab="topic"), _c("unit", "Đơn vị thực hiện"),
        _c("area", "Khóm", VOCAB, vocab="areas_or_ward"),
        _c("attendees", "Số người tham dự", INTEGER, low=0),
        _c("producers_reached", "Chủ thể được tiếp cận", IDS), _c("note", "Ghi chú"),
    ), key_columns=("held_on",), unique=False, english="Outreach"),
    Tab("training", "Tập huấn", (
        _c("held_on", "Ngày", DATE, True), _c("course", "Tên lớp tập huấn", required=True),
        _c("organiser", "Đơn vị tổ chức"), _c("attendee", "Người tham dự", required=True),
        _c("role", "Chức vụ"), _c("unit", "Đơn vị công tác"),
        _c("days", "Số ngày", NUMBER, low=0, high=365), _c("note", "Ghi chú"),
    ), key_columns=("held_on",), unique=False, english="Training"),
    Tab("tasks", "Nhiệm vụ", (
        _c("unit", "Đơn vị", required=True), _c("task", "Nhiệm vụ", required=True),
        _c("due_on", "Hạn hoàn thành", DATE),
        _c("status", "Tình trạng", VOCAB, vocab="task_status"), _c("note", "Ghi chú"),
    ), key_columns=("task",), unique=False, english="Tasks"),
)
TABS_BY_KEY: dict[str, Tab] = {t.key: t for t in TABS}

# When the Thông tin tab is missing, these (the demo ward's) are shown, with a notice.
DEFAULT_INFO = {
    "ward_name": "Phường Vĩnh Hòa Đông (dữ liệu mẫu)",
    "report_to": "Phòng Kinh tế thành phố Châu Đốc",
    "plan_year": None,
    "plan_number": "42/KH-UBND",
    "note": "",
}

# Tabs the officers' template adds around the data (analysis/outputs/template.py): the instructions
# and the hidden dropdown lists. The reader skips them without a notice.
IGNORED_TABS = ("Hướng dẫn", "_Danh mục")

# --- The province's registry of units (province mode; read by analysis/workbook/registry.py) ----------
# Declared like the tabs above but kept out of TABS: a unit's own workbook never needs it.
EMAILS = "emails"  # a registry-only cell kind: e-mail addresses, several to a cell
UNIT_KINDS = ("Xã", "Phường", "Đặc khu")  # since 1 July 2025 there are no thị trấn, quận or huyện
REGISTRY_VOCABULARIES: dict[str, tuple[str, ...]] = {"unit_kind": UNIT_KINDS}
REGISTRY_ALIASES: dict[str, dict[str, str]] = {"unit_kind": {"Đặc khu hành chính": "Đặc khu"}}
# A unit's code ends up in a URL (?unit=CODE) and may name its stored copy: kept short and plain.
UNIT_CODE_MAX_LENGTH = 40
REGISTRY_TAB = Tab("units", "Đơn vị", (
    _c("code", "Mã đơn vị", ID, True), _c("name", "Tên đơn vị", required=True),
    _c("kind", "Loại", VOCAB, vocab="unit_kind"), _c("source", "Nguồn dữ liệu", required=True),
    _c("officers", "Cán bộ phụ trách", EMAILS),
), key_columns=("code",), english="Units")
