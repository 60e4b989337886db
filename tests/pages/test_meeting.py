"""The meeting view as slides: one topic per slide, the slide in the link, the link's filters kept,
target-based and coverage-based figures labelled apart, no empty-cell words on any slide."""
from __future__ import annotations

import json
from datetime import datetime

from streamlit.testing.v1 import AppTest

from analysis.i18n import strings
from tests.conftest import ROOT


def open_meeting(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["view"] = "meeting"
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def heading(at: AppTest) -> str:
    return at.main.title[0].value.replace("\\", "")


def chart_titles(at: AppTest) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


def slide_count(at: AppTest) -> int:
    text = next(m.value for m in at.markdown if m.value.startswith("Trang "))
    return int(text.split("/")[1])


def every_slide(**params: str) -> list[AppTest]:
    first = open_meeting(**params)
    return [first] + [open_meeting(slide=str(n), **params) for n in range(2, slide_count(first) + 1)]


def test_first_slide_is_the_cards_and_the_urgent_gap(clean_app_env):
    at = open_meeting(year="2023")
    assert heading(at) == "Chỉ tiêu năm 2023 (1/2)"
    assert len(at.metric) == 6  # two rows of three; the other three on the next slide
    assert not at.get("plotly_chart")
    assert "Cần ưu tiên" in at.warning[-1].value
    assert "Phường Vĩnh Hòa Đông" in at.caption[0].value.replace("\\", "")
    assert at.query_params["slide"] in ("1", ["1"])
    assert not any(p.url_path == "products" for p in at.get("navigation") if hasattr(p, "url_path"))


def test_each_topic_has_its_slides_in_order(clean_app_env):
    slides = every_slide(year="2023")
    headings = [heading(at) for at in slides]
    assert headings[:2] == ["Chỉ tiêu năm 2023 (1/2)", "Chỉ tiêu năm 2023 (2/2)"]
    topics = [h.split(" (")[0] for h in headings]
    order = ["Chỉ tiêu năm 2023", "Tiến độ so với chỉ tiêu năm 2023", "Sản phẩm theo chu trình OCOP",
             "Hồ sơ sản phẩm: mức độ sẵn sàng", "Tuyên truyền năm 2023: độ bao phủ", "Tập huấn năm 2023",
             "Nhiệm vụ năm 2023"]
    assert list(dict.fromkeys(topics)) == order
    assert sum(len(at.metric) for at in slides) == 9  # every card, once
    assert all(len(chart_titles(at)) <= 2 for at in slides)
    outreach = slides[topics.index("Tuyên truyền năm 2023: độ bao phủ")]
    assert len(chart_titles(outreach)) == 2  # heat map and coverage


def test_target_and_coverage_figures_say_which_they_are(clean_app_env):
    slides = every_slide(year="2024")
    cards = slides[1]  # the second cards slide
    reached = {m.label: m for m in cards.metric}["Chủ thể sản xuất được tiếp cận"]
    assert "chỉ tiêu" in reached.proto.delta  # "… chỉ tiêu · pace": against the target
    assert any(strings.t("meeting.against_target", "vi", year=2024) == c.value for c in cards.caption)
    outreach = next(at for at in slides if heading(at).startswith("Tuyên truyền"))
    gauges = json.loads(outreach.get("plotly_chart")[1].proto.spec)["data"]
    titles = [g["title"]["text"] for g in gauges]
    assert titles[1].startswith("Chủ thể đã tiếp cận / tổng số chủ thể: ")
    assert any(strings.t("meeting.against_all", "vi") == c.value for c in outreach.caption)


def test_the_link_filters_and_slide_are_kept(clean_app_env):
    whole = {m.label: m.value for m in open_meeting(year="2023", slide="2").metric}
    one = {m.label: m.value for m in open_meeting(year="2023", khom="Vĩnh Phú", slide="2").metric}
    assert whole["Số khóm được tuyên truyền"] == "4 / 4"
    assert one["Số khóm được tuyên truyền"] == "1 / 4"
    at = open_meeting(year="2024", slide="1")
    assert {m.label: m.value for m in at.metric}["Sản phẩm OCOP đạt từ 3 sao trở lên"] == "2 / 2"
    assert at.query_params["view"] in ("meeting", ["meeting"])


def test_buttons_move_between_slides_and_wrap_around(clean_app_env):
    at = open_meeting(year="2023", khom="Vĩnh Phú")
    count = slide_count(at)
    at.button(key="slide_next").click().run()
    assert heading(at) == "Chỉ tiêu năm 2023 (2/2)" and at.query_params["slide"] in ("2", ["2"])
    at.button(key="slide_prev").click().run()
    at.button(key="slide_prev").click().run()
    assert at.query_params["slide"] in (str(count), [str(count)])
    assert heading(at).startswith("Nhiệm vụ năm 2023")
    assert at.query_params["khom"] in ("Vĩnh Phú", ["Vĩnh Phú"])


def test_a_slide_out_of_range_or_not_a_number_opens_a_real_slide(clean_app_env):
    assert heading(open_meeting(year="2023", slide="99")).startswith("Nhiệm vụ năm 2023")
    assert heading(open_meeting(year="2023", slide="abc")) == "Chỉ tiêu năm 2023 (1/2)"


def test_no_empty_cell_words_on_any_slide(clean_app_env):
    for at in every_slide(year="2023"):
        shown = " ".join([*(m.value for m in at.markdown), *(c.value for c in at.caption),
                          *(m.label + m.value for m in at.metric), *chart_titles(at)])
        for word in ("None", "nan", "NaT", "00:00:00"):
            assert word not in shown.split() and f"{word} " not in shown, (heading(at), word)


def test_meeting_view_for_a_year_without_targets_explains(clean_app_env, monkeypatch, tmp_path):
    import openpyxl

    from tests.conftest import DEMO

    book = openpyxl.load_workbook(DEMO)  # one training row in 2022: a year with data but no targets
    book["Tập huấn"].append([datetime(2022, 5, 4), "Lớp OCOP", "Phòng Kinh tế", "Nguyễn Văn A", "Cán bộ", "UBND"])
    book.save(tmp_path / "ward.xlsx")
    monkeypatch.setenv("OCOP_DATA", str(tmp_path / "ward.xlsx"))
    at = open_meeting(year="2022")
    assert heading(at) == "Chỉ tiêu năm 2022" and not at.metric
    assert any("Chưa có chỉ tiêu nào cho năm 2022" in i.value for i in at.info)
    assert slide_count(at) >= 4  # products, outreach, training and tasks still have their slides
