"""The meeting view: cards and key charts, no sidebar widgets shown, the link's filters kept."""
from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def open_meeting(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["view"] = "meeting"
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def test_meeting_view_shows_cards_and_one_chart_per_page(clean_app_env):
    at = open_meeting(year="2023")
    assert len(at.metric) == 9
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert len(titles) == 5  # progress, funnel, heat map, coverage, training
    assert "Phường Vĩnh Hòa Đông" in at.title[0].value.replace("\\", "")
    assert not any(p.url_path == "products" for p in at.get("navigation") if hasattr(p, "url_path"))


def test_meeting_view_keeps_the_link_filters(clean_app_env):
    whole = {m.label: m.value for m in open_meeting(year="2023").metric}
    one = {m.label: m.value for m in open_meeting(year="2023", khom="Vĩnh Phú").metric}
    assert whole["Số khóm được tuyên truyền"] == "4 / 4"
    assert one["Số khóm được tuyên truyền"] == "1 / 4"
    at = open_meeting(year="2024")
    assert {m.label: m.value for m in at.metric}["Sản phẩm OCOP đạt từ 3 sao trở lên"] == "2 / 2"
    assert at.query_params["view"] in ("meeting", ["meeting"])


def test_meeting_view_for_a_year_without_targets_explains(clean_app_env):
    at = open_meeting(year="2020")
    assert not at.metric
    assert any("Chưa có chỉ tiêu" in i.value for i in at.info)
