"""The rows of the bundled demo workbook, as plain literals; data_sources/demo/build_demo.py writes them.

The ward is fictional ("Phường Vĩnh Hòa Đông", Châu Đốc, An Giang), modelled on
Plan 36/KH-UBND of Vĩnh Nguơn ward (2023). Every value is a plain literal below so
a reader can see the sample; nothing is random.

A handful of cells are deliberately messy, as in real officers' sheets, so the
data-quality page has something true to show; each one is marked `# MESSY` and
listed in README.md. Everything else follows docs/WORKBOOK.md exactly.
"""
from __future__ import annotations

from datetime import date

WARD = "Phường Vĩnh Hòa Đông"
D = date  # short alias for the tables below

# --------------------------------------------------------------------------- Thông tin
INFO = [
    ("Tên đơn vị", f"{WARD} (dữ liệu mẫu)"),
    ("Cấp báo cáo", "Phòng Kinh tế thành phố Châu Đốc"),
    ("Năm kế hoạch", 2023),
    ("Số kế hoạch", "42/KH-UBND"),
    ("Ghi chú", "Dữ liệu mẫu minh hoạ, không phải số liệu thật"),
]

# --------------------------------------------------------------------------- Khóm
AREAS_HEADER = ["Khóm", "Số hộ", "Ghi chú"]
AREAS = [
    ["Vĩnh Chánh 1", 1245, "Khu trung tâm, gần chợ phường"],
    ["Vĩnh Chánh 2", 1080, "Ven sông Hậu, làng bè nuôi cá"],
    ["Vĩnh Đông", 964, "Khu dân cư đồng bào Chăm, nghề dệt thổ cẩm"],
    ["Vĩnh Phú", 1132, "Vùng thốt nốt và ruộng lúa"],
]

# --------------------------------------------------------------------------- Chỉ tiêu
TARGETS_HEADER = ["Năm", "Mã chỉ tiêu", "Tên chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Ghi chú"]
TARGETS = [
    [2023, "SP_OCOP", "Sản phẩm OCOP đạt từ 3 sao trở lên", 1, "sản phẩm", "Mục tiêu Kế hoạch 42/KH-UBND"],
    [2023, "SP_TIEM_NANG", "Sản phẩm tiềm năng được rà soát", 8, "sản phẩm", None],
    [2023, "HO_SO_NOP", "Hồ sơ nộp đánh giá, phân hạng", 2, "hồ sơ", None],
    [2023, "CHU_THE_THAM_GIA", "Chủ thể tham gia Chương trình OCOP", 6, "chủ thể", None],
    [2023, "TT_SO_BUOI", "Số buổi, lượt tuyên truyền", 36, "buổi", "Bình quân 3 buổi/tháng"],
    [2023, "TT_LUOT_NGUOI", "Lượt người được tuyên truyền", 3000, "lượt người", None],
    [2023, "TT_KHOM", "Số khóm được tuyên truyền", 4, "khóm", "Cả 4 khóm"],
    [2023, "TT_CHU_THE", "Chủ thể sản xuất được tiếp cận", 25, "chủ thể", "Toàn bộ chủ thể trong danh sách"],
    [2023, "TH_LUOT_CAN_BO", "Lượt cán bộ được tập huấn", 15, "lượt", None],
    [2024, "SP_OCOP", "Sản phẩm OCOP đạt từ 3 sao trở lên", 2, "sản phẩm", None],
    [2024, "SP_TIEM_NANG", "Sản phẩm tiềm năng được rà soát", 5, "sản phẩm", None],
    [2024, "HO_SO_NOP", "Hồ sơ nộp đánh giá, phân hạng", 2, "hồ sơ", None],
    [2024, "CHU_THE_THAM_GIA", "Chủ thể tham gia Chương trình OCOP", 8, "chủ thể", None],
    [2024, "TT_SO_BUOI", "Số buổi, lượt tuyên truyền", 24, "buổi", None],
    [2024, "TT_LUOT_NGUOI", "Lượt người được tuyên truyền", 2500, "lượt người", None],
    [2024, "TT_KHOM", "Số khóm được tuyên truyền", 4, "khóm", None],
    [2024, "TT_CHU_THE", "Chủ thể sản xuất được tiếp cận", 15, "chủ thể", None],
    [2024, "TH_LUOT_CAN_BO", "Lượt cán bộ được tập huấn", 8, "lượt", None],
    [2024, "DT_DOANH_THU", "Doanh thu sản phẩm OCOP", 500, "triệu đồng", "Chưa có cách tính tự động"],
]

# --------------------------------------------------------------------------- Chủ thể
PRODUCERS_TITLE = "DANH SÁCH CHỦ THỂ SẢN XUẤT - DỮ LIỆU MẪU"  # MESSY: title row 1, blank row 2
PRODUCERS_HEADER = [
    "Mã chủ thể", "Tên chủ thể", "Loại hình", "Đăng ký kinh doanh", "Khóm", "Địa chỉ",
    "Người đại diện", "Điện thoại", "Ngành nghề", "Ghi chú",
]
PRODUCERS = [
    ["CT01", "HTX Thủy sản Vĩnh Hòa Đông", "Hợp tác xã", "Có", "Vĩnh Chánh 2",
     "Tổ 5, khóm Vĩnh Chánh 2", "Trần Văn Hùng", "0901 234 101", "Mắm cá (mắm thái, mắm cá linh)", None],
    ["CT02", "Cơ sở mắm Bà Sáu", "Hộ kinh doanh", "52A8012345", "Vĩnh Chánh 1",
     "Số 12 đường Lê Lợi, khóm Vĩnh Chánh 1", "Nguyễn Thị Sáu", "0902 345 102", "Mắm cá (mắm sặc, mắm lóc)", None],
    ["CT03", "Công ty TNHH Thực phẩm Sông Hậu Xanh", "Doanh nghiệp", "Có", "Vĩnh Chánh 2",
     "Số 88 đường Tôn Đức Thắng, khóm Vĩnh Chánh 2", "Lý Minh Khoa", "0903 456 103",
     "Khô cá tra phồng, khô cá lóc", None],
    ["CT04", "Cơ sở khô cá Út Nhỏ", "Hộ kinh doanh", "x", "Vĩnh Chánh 2",
     "Tổ 7, khóm Vĩnh Chánh 2", "Phạm Văn Nhỏ", "0904 567 104", "Khô cá", None],
    ["CT05", "Tổ hợp tác thốt nốt Vĩnh Phú", "Tổ hợp tác", "Có", "Vĩnh Phú",
     "Tổ 2, khóm Vĩnh Phú", "Chau Sóc Kha", "0905 678 105", "Đường thốt nốt", "12 hộ thành viên"],
    ["CT06", "Cơ sở bánh bò thốt nốt Cô Tư", "Hộ kinh doanh", "x", "Vĩnh Phú",
     "Tổ 3, khóm Vĩnh Phú", "Lê Thị Tư", "0906 789 106", "Bánh bò, bánh thốt nốt", None],
    ["CT07", "Hộ ông Lê Văn Bảy", "Hộ sản xuất", "Không", "Vĩnh Phú",
     "Tổ 4, khóm Vĩnh Phú", "Lê Văn Bảy", "0907 890 107", "Nấu đường thốt nốt", None],
    ["CT08", "Cơ sở nước thốt nốt Hai Lành", "Hộ kinh doanh", "52A8013377", "Vĩnh Phú",
     "Tổ 1, khóm Vĩnh Phú", "Võ Văn Lành", "0908 901 108", "Nước thốt nốt đóng chai", None],
    ["CT09", "Hộ bà Phạm Thị Mến", "Hộ sản xuất", None, "Vĩnh Phú",
     "Tổ 6, khóm Vĩnh Phú", "Phạm Thị Mến", "0909 012 109", "Trồng lúa, xay xát gạo", None],
    ["CT10", "Tổ hợp tác dệt thổ cẩm Vĩnh Đông", "Tổ hợp tác", "Có", "Vĩnh Đông",
     "Tổ 1, khóm Vĩnh Đông", "Mah Ri Da", "0911 123 110", "Dệt thổ cẩm", "18 thợ dệt"],
    ["CT11", "Hộ bà Sa Phi Ah", "Hộ sản xuất", "Không", "Vĩnh Đông",
     "Tổ 2, khóm Vĩnh Đông", "Sa Phi Ah", "0912 234 111", "Dệt thổ cẩm", None],
    ["CT12", "Cơ sở tinh bột nghệ Thảo Mộc Xanh", "Hộ kinh doanh", "Có", "Vĩnh Chánh 1",
     "Số 45 đường Thủ Khoa Nghĩa, khóm Vĩnh Chánh 1", "Đặng Thị Thảo", "0913 345 112",
     "Tinh bột nghệ, trà thảo mộc", None],
    ["CT13", "Cơ sở trà thảo dược Ba Thê", "Hộ kinh doanh", "x", "Vĩnh Đông",
     "Tổ 4, khóm Vĩnh Đông", "Nguyễn Văn Thê", "0914 456 113", "Trà dược liệu", None],
    ["CT14", "Homestay Làng Bè Sáu Lợi", "Hộ kinh doanh", "52A8014520", "Vĩnh Chánh 2",
     "Bến đò Vĩnh Chánh 2", "Trương Văn Lợi", "0915 567 114", "Du lịch làng bè, homestay", None],
    ["CT15", "Hộ ông Võ Văn Tám", "Hộ sản xuất", None, "Vĩnh Chánh 2",
     "Bè số 9, khóm Vĩnh Chánh 2", "Võ Văn Tám", "0916 678 115", "Nuôi cá bè", None],
    ["CT16", "Vườn kiểng Minh Phát", "Hộ kinh doanh", "Có", "Vĩnh Chánh 1",
     "Số 7 hẻm 3, khóm Vĩnh Chánh 1", "Hồ Minh Phát", "0917 789 116", "Cây kiểng, bonsai", None],
    ["CT17", "Hộ ông Đặng Văn Lực", "Hộ sản xuất", "Không", "Vĩnh Chánh 1",
     "Tổ 9, khóm Vĩnh Chánh 1", "Đặng Văn Lực", "0918 890 117", "Cây kiểng", None],
    ["CT18", "HTX Du lịch cộng đồng Vĩnh Đông", "Hợp tác xã", "Có", "Vĩnh Đông",
     "Tổ 3, khóm Vĩnh Đông", "Ma Ry Sa", "0919 901 118", "Du lịch cộng đồng làng Chăm", None],
    ["CT19", "Cơ sở tung lò mò Ha Li Mah", "Hộ kinh doanh", "x", "Vĩnh Đông",
     "Tổ 5, khóm Vĩnh Đông", "Ha Li Mah", "0921 012 119", "Tung lò mò (lạp xưởng bò)", None],
    ["CT20", "Tổ hợp tác sản xuất lúa Vĩnh Phú", "Tổ hợp tác", "Có", "Vĩnh Phú",
     "Cánh đồng Vĩnh Phú", "Nguyễn Văn Mười", "0922 123 120", "Gạo", None],
    ["CT21", "Cơ sở bánh tráng Năm Hiền", "Hộ kinh doanh", "52A8015108", "Vĩnh Chánh 1",
     "Tổ 4, khóm Vĩnh Chánh 1", "Trần Thị Hiền", "0923 234 121", "Bánh tráng", None],
    ["CT22", "Hộ bà Huỳnh Thị Lan", "Hộ sản xuất", None, "Vĩnh Chánh 1",
     "Tổ 11, khóm Vĩnh Chánh 1", "Huỳnh Thị Lan", "0924 345 122", "Bánh gừng, bánh ngọt", None],
    ["CT23", "Công ty TNHH Nông sản Thất Sơn Xanh", "Doanh nghiệp", "Có", "Vĩnh Chánh 1",
     "Số 150 đường Lê Lợi, khóm Vĩnh Chánh 1", "Trịnh Quốc Việt", "0925 456 123", "Chế biến nông sản, khô bò", None],
    ["CT24", "Cơ sở nem Bảy Tốt", "Hộ kinh doanh", "x", "Vĩnh Chánh 2",
     "Tổ 2, khóm Vĩnh Chánh 2", "Lâm Văn Tốt", "0926 567 124", "Nem chua Châu Đốc", None],
    ["CT25", "Hộ ông Trương Văn Đức", "Hộ sản xuất", "Không", "Vĩnh Đông",
     "Tổ 6, khóm Vĩnh Đông", "Trương Văn Đức", "0927 678 125", "Đan đát lục bình", None],
]

# --------------------------------------------------------------------------- Sản phẩm
OFFICER_AN = "Nguyễn Văn An (KT-KH)"
OFFICER_NHUNG = "Lê Thị Hồng Nhung (KT-KH)"
OFFICER_TAM = "Trần Minh Tâm (ĐC-XD)"
GROUP_FOOD = "Thực phẩm"
GROUP_DRINK = "Đồ uống"
GROUP_HERB = "Dược liệu và sản phẩm từ dược liệu"
GROUP_CRAFT = "Hàng thủ công mỹ nghệ"
GROUP_PLANT = "Sinh vật cảnh"
GROUP_TOUR = "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"

PRODUCTS_HEADER = [
    "Mã sản phẩm", "Tên sản phẩm", "Mã chủ thể", "Nhóm sản phẩm", "Ngày rà soát", "Mức tiềm năng",
    "Giai đoạn", "Điểm tự đánh giá", "Điểm đánh giá", "Số sao", "Ngày công nhận",
    "Cán bộ phụ trách", "Ghi chú",
]
PRODUCTS = [
    ["SP01", "Mắm thái đu đủ Vĩnh Hòa", "CT01", GROUP_FOOD, D(2020, 6, 15), "Cao",
     "Đã đánh giá", 65, 62, "3 sao", D(2020, 12, 18), OFFICER_AN,
     "Giấy chứng nhận hết hạn 18/12/2023, cần đánh giá lại"],
    ["SP02", "Đường thốt nốt Vĩnh Phú", "CT05", GROUP_FOOD, D(2023, 3, 20), "Cao",
     "Đã đánh giá", 68, 64, 3, D(2023, 12, 22), OFFICER_AN, None],
    ["SP03", "Khô cá tra phồng Sông Hậu", "CT03", GROUP_FOOD, D(2023, 5, 25), "Cao",
     "Đã đánh giá", 75, "72,5", "★★★★", D(2024, 2, 10), OFFICER_NHUNG, None],  # MESSY: score 72,5
    ["SP04", "Mắm cá linh Vĩnh Hòa", "CT01", GROUP_FOOD, D(2023, 9, 14), "Trung bình",
     "Đã đánh giá", 60, 58, None, D(2024, 10, 25), OFFICER_AN, "Số sao để trống, tính theo điểm"],
    ["SP05", "Nước thốt nốt Hai Lành", "CT08", GROUP_DRINK, D(2024, 1, 18), "Trung bình",
     "Đã nộp hồ sơ", 63, None, None, None, OFFICER_NHUNG, "Chờ Hội đồng thành phố đánh giá"],
    ["SP06", "Khăn choàng thổ cẩm Vĩnh Đông", "CT10", GROUP_CRAFT, D(2023, 7, 10), "Cao",
     "Hoàn thiện hồ sơ", 57, None, None, None, OFFICER_NHUNG, "Đang bổ sung giới thiệu tổ chức"],
    ["SP07", "Homestay Làng Bè Sáu Lợi", "CT14", GROUP_TOUR, D(2024, 3, 5), "Trung bình",
     "Hoàn thiện hồ sơ", 52, None, None, None, OFFICER_TAM, None],
    ["SP08", "Tinh bột nghệ Thảo Mộc Xanh", "CT12", GROUP_HERB, D(2023, 10, 12), "Trung bình",
     "Đã đăng ký", None, None, None, None, OFFICER_AN, None],
    ["SP09", "Bonsai mai chiếu thủy Minh Phát", "CT16", GROUP_PLANT, D(2024, 5, 22), "Thấp",
     "Đã đăng ký", None, None, None, None, OFFICER_NHUNG, None],
    ["SP10", "Bánh bò thốt nốt Cô Tư", "CT06", GROUP_FOOD, D(2024, 8, 9), "Trung bình",
     "Tiềm năng", None, None, None, None, OFFICER_AN, None],
    ["SP11", "Tour trải nghiệm làng Chăm Vĩnh Đông", "CT18", GROUP_TOUR, D(2023, 11, 23), "Cao",
     "Tiềm năng", None, None, None, None, OFFICER_NHUNG, "Cần liên kết với làng bè"],
    ["SP12", "Gạo thơm Vĩnh Phú", "CT20", GROUP_FOOD, D(2023, 6, 8), "Thấp",
     "Không tham gia", None, None, None, None, OFFICER_AN, "Chủ thể chưa có nhu cầu tham gia"],
    # MESSY: a stray older copy of SP05 at the bottom; the reader rejects this later row.
    ["SP05", "Nước thốt nốt đóng chai", "CT08", GROUP_DRINK, D(2024, 1, 18), "Trung bình",
     "Đã đăng ký", None, None, None, None, OFFICER_NHUNG, None],
]

# --------------------------------------------------------------------------- Hồ sơ
DOSSIERS_HEADER = [
    "Ma san pham",  # MESSY: header typed without diacritics (Mã sản phẩm)
    "Phiếu đăng ký", "Phương án kinh doanh", "Giới thiệu tổ chức", "Giấy ĐKKD", "Mẫu sản phẩm",
    "Giấy chứng nhận ATTP", "Công bố chất lượng", "Phiếu kiểm nghiệm", "Nhãn sản phẩm",
    "Mã vạch / truy xuất", "Câu chuyện sản phẩm", "Hồ sơ môi trường", "Ngày nộp", "Ghi chú",
]
DOSSIERS = [
    # product id, the twelve documents in the header's order, date submitted, note
    ["SP01", "Đã có", "Đã có", "x", "Đã có", "Đã có", "Đã có", "Đã có", "x", "Đã có", "Chưa có", "Đã có", "x",
     D(2020, 10, 5), "Hồ sơ đánh giá năm 2020"],
    ["SP02", "✓", "✓", "✓", "✓", "✓", "✓", "✓", "✓", "xong", "xong", "Đang làm", "Đã có",
     D(2023, 8, 15), None],
    ["SP03", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có",
     "Đã có", "Đã có", D(2023, 10, 20), None],
    ["SP04", "x", "x", "x", "x", "x", "x", "x", "x", "x", "chưa", "xong", "x",
     D(2024, 6, 12), None],
    ["SP05", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đang làm",
     "Đã có", "đang chuẩn bị", D(2024, 9, 9), None],
    ["SP06", "Đã có", "Đã có", "Đang làm", "Đã có", "Đã có", "N/A", "N/A", "N/A", "Đang làm", None,
     "Đã có", "chưa", None, "Thiếu giới thiệu tổ chức, nhãn"],
    ["SP07", "Đã có", "đang chuẩn bị", "Đã có", "Đã có", "-", "KAD", "KAD", "N/A", "Chưa có", None,
     "Đang làm", "chưa", None, "Dịch vụ du lịch: không có mẫu sản phẩm"],
    ["SP08", "Đã có", "Đang làm", "Chưa có", "x", "chưa", "Đang làm", None, None, "Chưa có", None,
     None, None, None, None],
    ["SP09", "x", None, None, "Đã có", None, None, None, None, None, None,
     None, None, None, None],
]

# --------------------------------------------------------------------------- Tuyên truyền
OUTREACH_HEADER = [
    "Ngày", "Hình thức", "Nội dung", "Đơn vị thực hiện", "Khóm", "Số người tham dự",
    "Chủ thể được tiếp cận", "Ghi chú",
]
RADIO, CONF, MEET, VISIT, SOCIAL, FLYER, ASSOC = (
    "Đài truyền thanh", "Hội nghị", "Họp dân", "Vãng gia", "Mạng xã hội",
    "Tài liệu - tờ rơi", "Lồng ghép sinh hoạt hội",
)
OCOP, ATTP, ENV, TECH, DOSSIER = (
    "OCOP", "An toàn thực phẩm", "Môi trường", "Khoa học kỹ thuật", "Hướng dẫn hồ sơ",
)
U_KTKH, U_DCXD, U_YTE, U_DAI = "Cán bộ KT-KH", "Cán bộ ĐC-XD", "Trạm Y tế", "Đài Truyền thanh phường"
U_HPN, U_HND, U_DTN, U_MTTQ = "Hội Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên", "UBMTTQ"
U_VC1, U_VC2 = "Ban điều hành khóm Vĩnh Chánh 1", "Ban điều hành khóm Vĩnh Chánh 2"
U_VD, U_VP = "Ban điều hành khóm Vĩnh Đông", "Ban điều hành khóm Vĩnh Phú"
VC1, VC2, VD, VP, ALL = "Vĩnh Chánh 1", "Vĩnh Chánh 2", "Vĩnh Đông", "Vĩnh Phú", "Toàn phường"

OUTREACH = [
    # ---- 2023: 41 rows typed, one of them (31/02/2023) unreadable and rejected -> 40 accepted.
    [D(2023, 1, 10), RADIO, OCOP, U_DAI, ALL, None, None, "Phát 3 lần/tuần"],
    [D(2023, 1, 17), MEET, OCOP, U_VC1, VC1, 65, None, None],
    [D(2023, 2, 14), ASSOC, ATTP, U_HPN, VP, 42, None, "Sinh hoạt chi hội phụ nữ"],
    [D(2023, 2, 21), VISIT, OCOP, U_KTKH, VC2, 4, "CT01, CT03; CT04", None],
    ["31/02/2023", MEET, OCOP, U_VD, VD, 40, None, None],  # MESSY: impossible date, row rejected
    [D(2023, 2, 28), SOCIAL, OCOP, U_DTN, ALL, 850, None, "Bài đăng Fanpage phường (lượt xem)"],
    ["15.03.2023", CONF, OCOP, U_KTKH, ALL, 85, "CT01, CT02, CT05, CT10, CT14",  # MESSY: text date
     "Hội nghị triển khai Chương trình OCOP"],
    [D(2023, 3, 22), VISIT, OCOP, U_KTKH, VP, 3, "CT05; CT06, CT08", None],
    [D(2023, 3, 29), MEET, ENV, U_DCXD, VD, 58, None, None],
    [D(2023, 4, 5), RADIO, ATTP, U_YTE, ALL, None, None, "Tháng hành động vì ATTP"],
    [D(2023, 4, 12), FLYER, OCOP, U_MTTQ, VC2, 120, None, "Phát 120 tờ rơi"],
    [D(2023, 4, 19), ASSOC, TECH, U_HND, VP, 36, "CT07, CT20", None],
    [D(2023, 4, 26), VISIT, DOSSIER, U_KTKH, VD, 3, "CT10, CT18", None],
    [D(2023, 5, 10), CONF, OCOP, U_MTTQ, ALL, 95, None, "Triển khai Kế hoạch 42/KH-UBND"],
    [D(2023, 5, 17), MEET, OCOP, U_VP, "vinh phu", 72, None, None],  # MESSY: khóm without diacritics
    [D(2023, 5, 24), SOCIAL, ATTP, U_YTE, ALL, None, None, "Đăng nhóm Zalo các khóm"],
    [D(2023, 5, 31), VISIT, DOSSIER, U_KTKH, VC2, 2, "CT03", None],
    ["2/6/2023", ASSOC, OCOP, U_HPN, VC1, 48, "CT02; CT21", None],  # MESSY: text date, 2 June
    [D(2023, 6, 14), RADIO, ENV, U_DAI, ALL, None, None, None],
    [D(2023, 6, 21), FLYER, ATTP, U_YTE, VD, 90, "CT13, CT19", None],
    [D(2023, 6, 28), MEET, TECH, U_VC2, VC2, 54, None, None],
    [D(2023, 7, 5), VISIT, OCOP, U_KTKH, VC1, 3, "CT12, CT16, CT23", None],
    [D(2023, 7, 12), ASSOC, OCOP, U_DTN, VD, "khoảng 50", None, None],  # MESSY: attendees as text
    [D(2023, 7, 19), SOCIAL, OCOP, U_KTKH, ALL, "1.200", None,  # MESSY: Vietnamese thousands as text
     "Lượt xem video giới thiệu sản phẩm"],
    [D(2023, 7, 26), CONF, ATTP, U_YTE, ALL, 70, "CT01, CT02, CT03, CT04, CT24", None],
    [D(2023, 8, 9), VISIT, DOSSIER, U_KTKH, VP, 2, "CT05", None],
    [D(2023, 8, 16), MEET, ENV, U_DCXD, VC1, 61, None, None],
    [D(2023, 8, 23), RADIO, OCOP, U_DAI, ALL, None, None, None],
    [D(2023, 9, 6), ASSOC, TECH, U_HND, VC2, 38, None, None],
    [D(2023, 9, 13), VISIT, OCOP, U_KTKH, VD, 3, "CT11, CT13", None],
    [D(2023, 9, 20), FLYER, ENV, U_DCXD, VP, 75, None, None],
    [D(2023, 9, 27), SOCIAL, DOSSIER, U_KTKH, ALL, 430, None, None],
    # Q4 2023: nothing in Vĩnh Đông and no ward-wide row, so Vĩnh Đông shows as not reached.
    [D(2023, 10, 4), MEET, OCOP, U_VC1, VC1, 68, None, None],
    [D(2023, 10, 11), VISIT, DOSSIER, U_KTKH, VC2, 3, "CT01, CT14", None],
    [D(2023, 10, 25), ASSOC, ATTP, U_HPN, VP, 45, None, None],
    [D(2023, 11, 8), CONF, TECH, U_HND, VP, 52, "CT05, CT07, CT20", None],
    [D(2023, 11, 15), VISIT, OCOP, U_KTKH, VC1, 2, "CT21; CT23", None],
    [D(2023, 11, 22), RADIO, ATTP, U_YTE, VC2, None, None, "Loa truyền thanh khóm"],
    [D(2023, 12, 6), MEET, ENV, U_DCXD, VC2, 57, None, None],
    [D(2023, 12, 13), SOCIAL, OCOP, U_DTN, VC1, 310, None, "Nhóm Zalo khóm Vĩnh Chánh 1"],
    [D(2023, 12, 20), FLYER, DOSSIER, U_KTKH, VP, 40, "CT06, CT08", None],
    # ---- 2024: 20 rows.
    [D(2024, 1, 9), RADIO, OCOP, U_DAI, ALL, None, None, None],
    [D(2024, 1, 23), MEET, OCOP, U_VD, VD, 60, None, None],
    [D(2024, 3, 6), VISIT, DOSSIER, U_KTKH, VP, 2, "CT08", None],
    [D(2024, 3, 20), ASSOC, ATTP, U_HPN, VC2, 40, None, None],
    [D(2024, 4, 10), CONF, OCOP, U_KTKH, ALL, 88, "CT03, CT05, CT10, CT14, CT16",
     "Sơ kết, tuyên dương sản phẩm đạt sao"],
    [D(2024, 4, 24), SOCIAL, OCOP, U_DTN, ALL, 960, None, None],
    [D(2024, 5, 15), VISIT, DOSSIER, U_KTKH, VC2, 2, "CT14", None],
    [D(2024, 5, 29), FLYER, ENV, U_DCXD, VD, 70, None, None],
    [D(2024, 6, 12), MEET, TECH, U_HND, VP, 47, None, None],
    [D(2024, 6, 26), RADIO, ATTP, U_YTE, ALL, None, None, None],
    [D(2024, 7, 10), VISIT, OCOP, U_KTKH, VC1, 3, "CT12, CT16", None],
    [D(2024, 7, 24), ASSOC, OCOP, U_MTTQ, VC1, 55, None, None],
    [D(2024, 8, 14), VISIT, DOSSIER, U_KTKH, VD, 2, "CT10; CT18", None],
    [D(2024, 8, 28), MEET, ENV, U_DCXD, VC2, 50, None, None],
    [D(2024, 9, 11), SOCIAL, ATTP, U_YTE, ALL, 520, None, None],
    [D(2024, 9, 25), CONF, TECH, U_HND, VP, 44, "CT05, CT06, CT20", None],
    [D(2024, 10, 16), VISIT, OCOP, U_KTKH, VP, 2, "CT06", None],
    [D(2024, 11, 6), ASSOC, OCOP, U_DTN, VD, 38, None, None],
    [D(2024, 11, 20), MEET, OCOP, U_VC1, VC1, 63, None, None],
    [D(2024, 12, 11), RADIO, DOSSIER, U_DAI, ALL, None, None, None],
]

# --------------------------------------------------------------------------- Tập huấn
TRAINING_HEADER = [
    "Ngày", "Tên lớp tập huấn", "Đơn vị tổ chức", "Người tham dự", "Chức vụ", "Đơn vị công tác",
    "Số ngày", "Ghi chú",
    "Ghi chú nội bộ",  # MESSY: extra column not in the contract
]
C_2023 = "Tập huấn nghiệp vụ OCOP năm 2023"
C_DOSSIER = "Hướng dẫn xây dựng hồ sơ OCOP"
C_COMM = "Tập huấn kỹ năng tuyên truyền Chương trình OCOP"
C_2024 = "Tập huấn nghiệp vụ OCOP năm 2024"
C_ECOM = "Tập huấn thương mại điện tử cho sản phẩm OCOP"
O_PKT, O_SNN, O_SCT = "Phòng Kinh tế thành phố", "Sở Nông nghiệp và PTNT", "Sở Công Thương"
R_KTKH, R_DCXD = "Công chức Kinh tế - Kế hoạch", "Công chức Địa chính - Xây dựng"
AN, NHUNG, TAM = "Nguyễn Văn An", "Lê Thị Hồng Nhung", "Trần Minh Tâm"
LOAN = "Võ Thị Kim Loan"
TRAINING = [
    # ---- 2023: 12 attendances. No officer of Trạm Y tế was trained (deliberate gap).
    [D(2023, 6, 8), C_2023, O_PKT, AN, R_KTKH, U_KTKH, 2, None, "Đã nộp báo cáo thu hoạch"],
    [D(2023, 6, 8), C_2023, O_PKT, NHUNG, R_KTKH, U_KTKH, 2, None, None],
    [D(2023, 6, 8), C_2023, O_PKT, TAM, R_DCXD, U_DCXD, 2, None, None],
    [D(2023, 6, 8), C_2023, O_PKT, LOAN, "Trưởng khóm", U_VC1, 2, None, None],
    [D(2023, 6, 8), C_2023, O_PKT, "Phan Văn Được", "Trưởng khóm", U_VP, 2, None, None],
    [D(2023, 8, 24), C_DOSSIER, O_SNN, AN, R_KTKH, U_KTKH, 1, None, None],
    [D(2023, 8, 24), C_DOSSIER, O_SNN, NHUNG, R_KTKH, U_KTKH, 1, None, "Chưa thanh toán công tác phí"],
    [D(2023, 8, 24), C_DOSSIER, O_SNN, "Huỳnh Văn Sang", "Trưởng khóm", U_VC2, 1, None, None],
    [D(2023, 10, 17), C_COMM, O_PKT, "Đỗ Thị Mỹ", "Chủ tịch Hội", U_HPN, 1, None, None],
    [D(2023, 10, 17), C_COMM, O_PKT, "Lâm Văn Hậu", "Chủ tịch Hội", U_HND, 1, None, None],
    [D(2023, 10, 17), C_COMM, O_PKT, "Nguyễn Thị Thu Trang", "Phó Chủ tịch", U_MTTQ, 1, None, None],
    [D(2023, 10, 17), C_COMM, O_PKT, "Ma Ry Sa", "Phó Trưởng khóm", U_VD, 1, None, None],
    # ---- 2024: 5 attendances.
    [D(2024, 4, 18), C_2024, O_PKT, AN, R_KTKH, U_KTKH, 2, None, None],
    [D(2024, 4, 18), C_2024, O_PKT, NHUNG, R_KTKH, U_KTKH, 2, None, None],
    [D(2024, 4, 18), C_2024, O_PKT, LOAN, "Trưởng khóm", U_VC1, 2, None, None],
    [D(2024, 9, 12), C_ECOM, O_SCT, NHUNG, R_KTKH, U_KTKH, 1, None, None],
    [D(2024, 9, 12), C_ECOM, O_SCT, "Trần Quốc Bảo", "Bí thư Đoàn", U_DTN, 1, None, None],
]

# --------------------------------------------------------------------------- Nhiệm vụ
TASKS_HEADER = ["Đơn vị", "Nhiệm vụ", "Hạn hoàn thành", "Tình trạng", "Ghi chú"]
DONE, DOING, TODO = "Hoàn thành", "Đang thực hiện", "Chưa thực hiện"
U_FRONT = "UBMTTQ và các hội đoàn thể"
TASKS = [
    [U_KTKH, "Chủ động rà soát các sản phẩm tiềm năng trên địa bàn phường và tuyên truyền vận động "
             "cơ sở sản xuất tham gia Chương trình OCOP", D(2023, 6, 30), DONE, None],
    [U_KTKH, "Hỗ trợ, hướng dẫn các cơ sở sản xuất chuẩn bị hồ sơ, tài liệu và tiếp nhận hồ sơ "
             "tham gia Chương trình OCOP", D(2023, 9, 30), DONE, None],
    [U_KTKH, "Phối hợp với các Hội đoàn thể, Đài Truyền thanh phường thường xuyên tuyên truyền, "
             "phổ biến việc triển khai Chương trình OCOP", D(2023, 12, 31), DONE, None],
    [U_KTKH, "Tổng hợp, báo cáo kết quả thực hiện Chương trình OCOP gửi về Phòng Kinh tế "
             "thành phố Châu Đốc", D(2023, 12, 15), DONE, None],
    [U_KTKH, "Rà soát, đề xuất sản phẩm tiềm năng năm 2024", D(2024, 5, 31), DONE, None],
    [U_KTKH, "Hướng dẫn chủ thể sản phẩm Mắm thái đu đủ Vĩnh Hòa (SP01) chuẩn bị hồ sơ đánh giá lại",
     D(2024, 6, 30), DOING, "Giấy chứng nhận đã hết hạn"],
    [U_DCXD, "Phối hợp phòng Tài nguyên và Môi trường, phòng Kinh tế thành phố hướng dẫn việc thực hiện "
             "các quy định của pháp luật về bảo vệ môi trường đối với các cơ sở sản xuất",
     D(2023, 8, 31), DONE, None],
    [U_DCXD, "Hướng dẫn thực hiện các nội dung về môi trường khi tham gia đánh giá, công nhận "
             "sản phẩm OCOP", D(2023, 10, 31), DOING, None],
    [U_YTE, "Phối hợp với các ngành chức năng cấp trên tuyên truyền, hướng dẫn các cơ sở tuân thủ "
            "các yêu cầu về an toàn vệ sinh thực phẩm trong sản xuất, kinh doanh",
     D(2023, 11, 30), DONE, None],
    [U_YTE, "Kiểm tra, hướng dẫn điều kiện an toàn thực phẩm tại các cơ sở có sản phẩm tiềm năng",
     D(2024, 3, 31), TODO, None],
    [U_VC1, "Đẩy mạnh tuyên truyền sâu rộng nội dung Chương trình OCOP đến các tầng lớp nhân dân, "
            "các cơ sở sản xuất kinh doanh trên địa bàn khóm", D(2023, 12, 31), DONE, None],
    [U_VC2, "Hỗ trợ cán bộ chuyên môn rà soát các cơ sở sản xuất kinh doanh có sản phẩm tiềm năng "
            "để vận động tham gia đánh giá phân hạng sản phẩm OCOP", D(2023, 9, 30), DONE, None],
    [U_VD, "Đẩy mạnh tuyên truyền sâu rộng nội dung Chương trình OCOP đến các tầng lớp nhân dân, "
           "các cơ sở sản xuất kinh doanh trên địa bàn khóm", D(2023, 12, 31), DOING,
     "Quý IV chưa tổ chức tuyên truyền"],
    [U_VP, "Hỗ trợ cán bộ chuyên môn rà soát các cơ sở sản xuất kinh doanh có sản phẩm tiềm năng "
           "để vận động tham gia đánh giá phân hạng sản phẩm OCOP", D(2023, 9, 30), DONE, None],
    [U_FRONT, "Tăng cường tuyên truyền trong đoàn viên, hội viên về nội dung Chương trình "
              "Mỗi xã một sản phẩm (OCOP)", D(2023, 12, 31), DONE, None],
    [U_FRONT, "Thường xuyên rà soát, phát hiện đoàn viên, hội viên có sản phẩm tiềm năng để hỗ trợ "
              "phát triển sản phẩm, giới thiệu tham gia Chương trình", D(2023, 10, 31), TODO, None],
]

# --------------------------------------------------------------------------- tabs

TABS = [
    # (tab title, header, rows, header row number)
    ("Khóm", AREAS_HEADER, AREAS, 1),
    ("Chỉ tiêu", TARGETS_HEADER, TARGETS, 1),
    ("Chủ thể", PRODUCERS_HEADER, PRODUCERS, 3),
    ("Sản phẩm", PRODUCTS_HEADER, PRODUCTS, 1),
    ("Hồ sơ", DOSSIERS_HEADER, DOSSIERS, 1),
    ("Tuyên truyền", OUTREACH_HEADER, OUTREACH, 1),
    ("Tập huấn", TRAINING_HEADER, TRAINING, 1),
    ("Nhiệm vụ", TASKS_HEADER, TASKS, 1),
]
TAB_ORDER = ["Thông tin"] + [t[0] for t in TABS]
