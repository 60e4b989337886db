"""A small hand-made workbook shared by the tests of products, outreach, training and pace.

Every figure the tests assert is worked out by hand in those tests from the rows below.
Data read on 15/08/2023 (so `as_of(ds, 2023)` is 15/08/2023, day 227 of 365).
"""
from __future__ import annotations

from datetime import date, datetime

from analysis.workbook.dataset import Dataset, SourceInfo
from analysis.workbook.normalise import normalise

READ_AT = "2023-08-15T09:00:00+00:00"
AS_OF = date(2023, 8, 15)
VC1, VP, VD = "Vĩnh Chánh 1", "Vĩnh Phú", "Vĩnh Đông"
AREAS = [VC1, VP, VD]
TOURISM = "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"
HANDICRAFT = "Hàng thủ công mỹ nghệ"

DOSSIER_HEADER = ["Mã sản phẩm", "Phiếu đăng ký", "Phương án kinh doanh", "Giới thiệu tổ chức", "Giấy ĐKKD",
                  "Mẫu sản phẩm", "Giấy chứng nhận ATTP", "Công bố chất lượng", "Phiếu kiểm nghiệm",
                  "Nhãn sản phẩm", "Mã vạch / truy xuất", "Câu chuyện sản phẩm", "Hồ sơ môi trường", "Ngày nộp"]

TABS = {
    "Khóm": [["Khóm", "Số hộ"], [VC1, 120], [VP, 80], [VD, 60]],
    "Chủ thể": [
        ["Mã chủ thể", "Tên chủ thể", "Loại hình", "Đăng ký kinh doanh", "Khóm", "Ngành nghề"],
        ["CT01", "Cơ sở Mắm Bà Ba", "Hộ kinh doanh", "Có", VC1, "Chế biến mắm"],
        ["CT02", "HTX Thốt nốt Vĩnh Phú", "HTX", "Có", VP, "Nước uống"],
        ["CT03", "Tổ hợp tác Bánh pía", "Tổ hợp tác", "Không", VD, "Làm bánh"],
        ["CT04", "Hộ đan lục bình", "Hộ sản xuất", "Không", VP, "Đan lát"],
        ["CT05", "Cơ sở Trà Mãng cầu", "Hộ kinh doanh", "Có", VC1, "Trà"],
        ["CT06", "Vườn du lịch Bảy Lâm", "Doanh nghiệp", "Có", VD, "Du lịch"],
    ],
    "Sản phẩm": [
        ["Mã sản phẩm", "Tên sản phẩm", "Mã chủ thể", "Nhóm sản phẩm", "Ngày rà soát", "Giai đoạn",
         "Điểm tự đánh giá", "Điểm đánh giá", "Số sao", "Ngày công nhận", "Cán bộ phụ trách"],
        # rated 2021 from score 68 (3 stars); certificate to 10/01/2024
        ["SP01", "Mắm thái", "CT01", "Thực phẩm", "10/02/2020", "Đã đánh giá", 72, 68, None, "10/01/2021",
         "Nguyễn Văn An"],
        # rated 4 stars (written) on 01/12/2023: the year's SP_OCOP
        ["SP02", "Nước thốt nốt", "CT02", "Đồ uống", "01/03/2023", "Đã đánh giá", 70, 71, "4 sao", "01/12/2023",
         "Lê Thị Hồng"],
        # a tourism service ("Du lịch" alias): samples and food-safety items not applicable
        ["SP03", "Du lịch vườn Bảy Lâm", "CT06", "Du lịch", "15/04/2023", "Đã nộp hồ sơ", 50, None, None, None,
         "Nguyễn Văn An"],
        # a handicraft: food-safety cert and lab test not applicable
        ["SP04", "Giỏ lục bình", "CT04", HANDICRAFT, "20/05/2023", "Hoàn thiện hồ sơ", "49,5", None, None, None,
         "Lê Thị Hồng"],
        # dropped out; an old 3-star certificate (score 55) ran out on 15/03/2023
        ["SP05", "Bánh pía", "CT03", "Thực phẩm", "01/06/2022", "Không tham gia", None, 55, None, "15/03/2020",
         None],
        # potential only, no dossier row
        ["SP06", "Trà mãng cầu", "CT05", "Đồ uống", "01/07/2023", "Tiềm năng", 90, None, None, None,
         "Nguyễn Văn An"],
    ],
    "Hồ sơ": [
        DOSSIER_HEADER,
        ["SP01", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có",
         "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Đã có", "Chưa có", "01/09/2020"],
        ["SP02", "Đã có", "x", "Đã có", "Đang làm", "Đã có",
         "Đã có", "Đang làm", "chưa", "Đã có", None, "-", "ok", "15/09/2023"],
        ["SP03", "Đã có", "Đã có", "Đang làm", "Đã có", "Không áp dụng",
         "KAD", "N/A", "N/A", "Chưa có", "Chưa có", "Đã có", "Đang làm", "20/06/2023"],
        ["SP04", "Đã có", "Đang làm", "Chưa có", None, "Đã có",
         "Không áp dụng", "Chưa có", "Không áp dụng", "Đang làm", "Chưa có", "Đã có", "Chưa có", None],
        ["SP05", "Đã có", None, None, None, None, None, None, None, None, None, None, None, None],
    ],
    "Tuyên truyền": [
        ["Ngày", "Hình thức", "Nội dung", "Đơn vị thực hiện", "Khóm", "Số người tham dự", "Chủ thể được tiếp cận"],
        ["05/11/2022", "Họp dân", "OCOP", "Ban điều hành khóm", VD, 30, "CT03"],                     # 2022
        ["10/12/2022", "Đài truyền thanh", "OCOP", "Công chức Kinh tế", "Toàn phường", None, None],  # 2022
        ["10/01/2023", "Đài", "OCOP", "Công chức Kinh tế", "Toàn phường", None, None],               # o1 Q1
        ["15/02/2023", "Hội nghị", "OCOP", "Công chức Kinh tế", VC1, 50, "CT01"],                    # o2 Q1
        ["20/03/2023", "Họp dân", "ATTP", "Trạm Y tế", VP, 40, "CT02; ct04"],                        # o3 Q1
        ["05/04/2023", "Vãng gia", "Hồ sơ", "Công chức Kinh tế", VC1, 3, "CT01"],                    # o4 Q2
        ["18/04/2023", "Zalo", "OCOP", "Hội Phụ nữ", VP, 120, None],                                 # o5 Q2
        ["12/05/2023", "Họp dân", "Môi trường", "Ban điều hành khóm", VP, 35, "CT04"],               # o6 Q2
        ["08/06/2023", "Hội nghị", "ATTP", "Trạm Y tế", VC1, 60, "CT01, CT02"],                      # o7 Q2
        ["03/07/2023", "Vãng gia", "Hồ sơ", "Công chức Kinh tế", VP, 2, "CT02"],                     # o8 Q3
        ["21/07/2023", "Họp dân", "OCOP", None, VC1, None, "CT99"],                                  # o9 Q3
        ["14/08/2023", "Tờ rơi", "ATTP", "Trạm Y tế", VP, 25, "CT05"],                               # o10 Q3
    ],
    "Tập huấn": [
        ["Ngày", "Tên lớp tập huấn", "Đơn vị tổ chức", "Người tham dự", "Chức vụ", "Đơn vị công tác"],
        ["08/06/2023", "Nghiệp vụ OCOP 2023", "Sở NN&PTNT", "Nguyễn Văn An", "Công chức", "công chức kinh tế"],
        ["08/06/2023", "Nghiệp vụ OCOP 2023", "Sở NN&PTNT", "Lê Thị Hồng", "Công chức", "cong chuc kinh te"],
        ["20/07/2023", "An toàn thực phẩm", "Trung tâm Y tế", "Trần Thị Mai", "Y sĩ", "Trạm Y tế"],
        ["20/07/2023", "An toàn thực phẩm", "Trung tâm Y tế", "Phạm Văn Tư", "Khóm trưởng", None],
        ["15/11/2022", "Nghiệp vụ OCOP 2022", "Sở NN&PTNT", "Võ Thị Lan", "Chủ tịch hội", "Hội Phụ nữ"],
    ],
    "Nhiệm vụ": [
        ["Đơn vị", "Nhiệm vụ", "Hạn hoàn thành", "Tình trạng"],
        ["Công chức Kinh tế", "Rà soát sản phẩm tiềm năng", "31/03/2023", "Hoàn thành"],           # row 2
        ["Trạm Y tế", "Tuyên truyền an toàn thực phẩm", "30/06/2023", "Đang thực hiện"],            # row 3
        ["Công chức Kinh tế", "Hỗ trợ hoàn thiện hồ sơ", "30/09/2023", "Đang thực hiện"],          # row 4
        ["Công chức Địa chính - Xây dựng", "Tuyên truyền bảo vệ môi trường", "31/07/2023",
         "Chưa thực hiện"],                                                                          # row 5
        ["Mặt trận Tổ quốc và các hội", "Vận động hội viên tham gia", None, "Chưa thực hiện"],      # row 6
        ["Ban điều hành các khóm", "Báo cáo kết quả năm 2022", "15/12/2022", "Hoàn thành"],         # row 7
    ],
    "Chỉ tiêu": [
        ["Năm", "Mã chỉ tiêu", "Tên chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"],
        [2023, "SP_OCOP", None, 1, "sản phẩm"],
        [2023, "SP_TIEM_NANG", None, 6, "sản phẩm"],
        [2023, "HO_SO_NOP", None, 0, "hồ sơ"],
        [2023, "TT_SO_BUOI", None, 24, "buổi"],
        [2023, "TT_LUOT_NGUOI", None, 1000, "lượt"],
        [2023, "TH_LUOT_CAN_BO", None, 4, "lượt"],
    ],
}


def small_dataset() -> Dataset:
    """A fresh Dataset of TABS, read on READ_AT."""
    return normalise(TABS, SourceInfo(read_at=datetime.fromisoformat(READ_AT)))
