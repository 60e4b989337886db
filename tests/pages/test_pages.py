"""AppTest of every page through the frame, driven by the link's query parameters,
asserting that what is shown changes as the filters say it should."""
from __future__ import annotations

from datetime import datetime

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = ["pages/overview.py", "pages/products.py", "pages/outreach.py", "pages/training.py",
         "pages/data_quality.py"]


def open_page(page: str, **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def plotly(at: AppTest) -> list[dict]:
    import json

    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def texts(at: AppTest) -> str:
    parts = [e.value for e in (*at.markdown, *at.error, *at.info, *at.warning, *at.title, *at.caption,
                               *at.subheader, *at.success)]
    return "\n".join(str(p) for p in parts).replace("\\", "")


FILTER_CASES = [
    {"year": "2023"},
    {"year": "2024"},
    {"year": "2023", "khom": "Vĩnh Phú"},
    {"year": "2023", "group": "Thực phẩm"},
    {"year": "2023", "khom": ["Vĩnh Phú", "Vĩnh Đông"], "group": "Thực phẩm"},
    {"year": "2023", "lang": "en"},
    {"year": "2020"},  # a year not offered (SP01's certificate only): the link's year is refused
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("params", FILTER_CASES, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()))
def test_every_page_renders_for_every_filter_combination(clean_app_env, page, params):
    at = open_page(page, **params)
    shown = texts(at)
    assert "lỗi không mong muốn" not in shown and "unexpected error" not in shown
    assert "Traceback" not in shown


def test_khom_filter_narrows_the_overview(clean_app_env):
    whole = metrics(open_page(PAGES[0], year="2023"))
    one = metrics(open_page(PAGES[0], year="2023", khom="Vĩnh Phú"))
    assert whole["Số khóm được tuyên truyền"].startswith("4 / ")
    assert one["Số khóm được tuyên truyền"].startswith("1 / ")
    assert one["Số buổi, lượt tuyên truyền"] != whole["Số buổi, lượt tuyên truyền"]


def test_link_values_are_matched_tolerantly_and_kept_in_the_link(clean_app_env):
    at = open_page(PAGES[0], year="2023", khom="vinh phu")
    assert at.sidebar.multiselect[0].value == ["Vĩnh Phú"]
    assert at.query_params["khom"] in ("Vĩnh Phú", ["Vĩnh Phú"])


def test_unknown_link_values_are_a_notice_and_ignored(clean_app_env):
    plain = metrics(open_page(PAGES[0], year="2023"))
    at = open_page(PAGES[0], year="1999", khom="Không Có Khóm")
    shown = texts(at)
    assert "“Không Có Khóm”" in shown and "“1999”" in shown
    assert metrics(at) != {}  # the page still renders, on the default year
    at2 = open_page(PAGES[0], year="2023", khom="Không Có Khóm")
    assert metrics(at2) == plain


def test_group_filter_narrows_the_product_table(clean_app_env):
    everything = open_page(PAGES[1], year="2023").dataframe[0].value
    food = open_page(PAGES[1], year="2023", group="Thực phẩm").dataframe[0].value
    assert 0 < len(food) < len(everything)
    assert set(food["Nhóm"]) == {"Thực phẩm"}


def test_products_page_warns_about_certificates_and_shows_stars_as_text(clean_app_env):
    at = open_page(PAGES[1], year="2023")
    shown = texts(at)
    assert "đã hết hạn" in shown  # SP01, certified 2020
    table = at.dataframe[0].value
    assert any("3 sao" in str(v) for v in table["Sao chính thức"])


def test_outreach_heat_map_follows_the_khom_filter(clean_app_env):
    all_khom = plotly(open_page(PAGES[2], year="2023"))[0]
    one = plotly(open_page(PAGES[2], year="2023", khom="Vĩnh Phú"))[0]
    assert len(all_khom["data"][0]["x"]) > len(one["data"][0]["x"])  # khóm across, months down
    assert any("Vĩnh<br>Phú" in label for label in one["data"][0]["x"])


def test_outreach_lists_quiet_khom_and_never_reached_producers(clean_app_env):
    at = open_page(PAGES[2], year="2023")
    assert "quý 4/2023" in texts(at) and "Vĩnh Đông" in texts(at)
    never = at.dataframe[0].value
    assert set(never["Mã chủ thể"]) >= {"CT09", "CT15", "CT17", "CT22", "CT25"}


def test_training_page_flags_untrained_units_and_overdue_tasks(clean_app_env):
    at = open_page(PAGES[3], year="2023")
    assert "Trạm Y tế" in texts(at)
    tasks = next(d.value for d in at.dataframe if "Hạn hoàn thành" in d.value.columns)
    assert list(tasks.columns[:4]) == ["Nhiệm vụ", "Hạn hoàn thành", "Quá hạn", "Tình trạng"]
    assert "Quá hạn" in set(tasks["Quá hạn"])
    assert tasks["Hạn hoàn thành"].str.fullmatch(r"\d\d/\d\d/\d{4}|—").all()


def test_english_everywhere(clean_app_env):
    for page in PAGES:
        at = open_page(page, year="2023", lang="en")
        titles = [t.value for t in at.title]
        assert not any("Tổng quan" in t or "Chất lượng" in t for t in titles), titles
    at = open_page(PAGES[0], year="2023", lang="en")
    assert "Products rated 3 stars or more" in metrics(at)


def test_empty_year_shows_explanations_not_empty_charts(clean_app_env, monkeypatch, tmp_path):
    import openpyxl

    from tests.conftest import DEMO

    book = openpyxl.load_workbook(DEMO)  # one training row in 2022: a year with data but no targets
    book["Tập huấn"].append([datetime(2022, 5, 4), "Lớp OCOP", "Phòng Kinh tế", "Nguyễn Văn A", "Cán bộ", "UBND"])
    book.save(tmp_path / "ward.xlsx")
    monkeypatch.setenv("OCOP_DATA", str(tmp_path / "ward.xlsx"))
    at = open_page(PAGES[2], year="2022")
    assert "Chưa có hoạt động tuyên truyền nào trong năm 2022" in texts(at)
    assert plotly(at) == []
    at = open_page(PAGES[0], year="2022")
    assert "Chưa có chỉ tiêu nào cho năm 2022" in texts(at)


def test_a_year_without_targets_or_data_is_not_offered(clean_app_env):
    at = open_page(PAGES[0], year="2020")  # the demo's 2020 holds only SP01's certificate (history)
    assert at.sidebar.selectbox[0].options == ["2024", "2023"]
    assert at.query_params["year"] not in ("2020", ["2020"])


def test_filters_survive_moving_between_pages(clean_app_env):
    at = open_page(PAGES[0], year="2023", khom="Vĩnh Phú")
    at.switch_page(PAGES[2]).run()
    assert at.sidebar.selectbox[0].value == 2023
    assert at.sidebar.multiselect[0].value == ["Vĩnh Phú"]
    assert at.query_params["khom"] in ("Vĩnh Phú", ["Vĩnh Phú"])
