"""The province pages through the frame (AppTest): Toàn tỉnh and the data quality across units, on the demo
province and on a small hostile registry; and ?unit=CODE opening one unit's dashboard."""
from __future__ import annotations

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from analysis.cli.province import load_province
from analysis.i18n import formatting
from analysis.metrics import province as pm
from analysis.outputs.province_tables import PACE_MARKS
from tests.conftest import ROOT
from tests.province_hostile import BAD_CODE, BAD_EMAIL, HOSTILE_NAME, OFFICER_EMAIL, make_hostile_province
from tests.province_support import make_demo_province

QUALITY = "pages/province_quality.py"


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return make_demo_province(tmp_path_factory.mktemp("province"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return make_hostile_province(tmp_path_factory.mktemp("hostile"))


def open_app(where, monkeypatch, page: str | None = None, **params: str) -> AppTest:
    for name, value in where.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("OCOP_CACHE_TTL", "86400")  # the store is fresh: no background sync during the test
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception
    return at


def grids(at: AppTest) -> list[tuple]:
    """Each st.dataframe as (values, text shown): a styled table shows its Styler's display values."""
    out = []
    for frame in at.dataframe:
        styler = frame.proto.arrow_data.styler
        shown = pa.ipc.open_stream(styler.display_values).read_all().to_pandas() if styler.display_values else None
        out.append((frame.value, frame.value if shown is None else shown))
    return out


def everything(at: AppTest) -> str:
    """Every word a viewer can read on the page: elements, metrics, and every cell of every table."""
    parts = [e.value for e in (*at.markdown, *at.error, *at.info, *at.warning, *at.title, *at.caption,
                               *at.subheader, *at.success)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    for values, shown in grids(at):
        parts += [values.to_csv(), shown.to_csv()]
    return "\n".join(str(p) for p in parts)


def test_the_landing_page_shows_every_unit_with_a_link_to_its_dashboard(clean_app_env, monkeypatch, province):
    at = open_app(province, monkeypatch)
    data = load_province(province.store)
    year = data.years()[0]
    values, shown = grids(at)[0]
    assert list(shown["Đơn vị"]) == list(data.units.sort_values("position")["name"])
    assert list(values["Đơn vị"]) == [f"./?unit={code}&year={year}&lang=vi"
                                      for code in data.units.sort_values("position")["code"]]
    assert at.title[0].value == f"Toàn tỉnh năm {year}"
    status = dict(zip(shown["Đơn vị"], shown["Tình trạng"]))
    assert status[data.unit(province.stale)["name"]] == "⚠ Dữ liệu cũ"
    assert status[data.unit(province.unreadable)["name"]] == "✕ Không đọc được"
    cells = shown.drop(columns=["Đơn vị", "Tình trạng"]).to_numpy().ravel()
    assert all(c == "—" or c.endswith("%") or c[-1] in PACE_MARKS.values() for c in cells)


def test_the_stale_and_unreadable_units_say_why_and_since_when(clean_app_env, monkeypatch, province):
    at = open_app(province, monkeypatch)
    data = load_province(province.store)
    stale, unreadable = data.unit(province.stale), data.unit(province.unreadable)
    warning = next(w.value for w in at.warning if "dữ liệu cũ" in w.value).replace("\\", "")
    assert stale["name"] in warning and "không phải bảng tính Excel" in warning
    since = formatting.day(stale["failing_since"].tz_convert("Asia/Ho_Chi_Minh"))
    assert f"từ {since}" in warning
    error = next(e.value for e in at.error).replace("\\", "")
    assert unreadable["name"] in error and "Không tìm thấy tệp" in error
    assert f"?unit={province.unreadable}&" in error


def test_the_totals_are_the_sums_of_the_units(clean_app_env, monkeypatch, province):
    at = open_app(province, monkeypatch)
    data = load_province(province.store)
    totals = pm.province_totals(data.indicators, data.units, data.years()[0])
    cards = {m.label: m.value for m in at.metric}
    shown = totals[totals["target"] > 0]
    assert len(cards) == len(shown)
    for row in shown.itertuples():
        assert cards[row.label] == f"{formatting.number(row.actual, 1)} / {formatting.number(row.target, 1)}"
    # and the sums are of the units with data: the unreadable unit counts nowhere
    mine = data.indicators[(data.indicators["year"] == data.years()[0]) & (data.indicators["code"] == "SP_OCOP")
                           & (data.indicators["unit_code"] != province.unreadable)]
    assert totals.set_index("code").loc["SP_OCOP", "target"] == mine["target"].sum()


def test_the_ranking_behind_and_trend_are_on_the_page(clean_app_env, monkeypatch, province):
    at = open_app(province, monkeypatch)
    data = load_province(province.store)
    ranked = pm.ranking(pm.unit_indicators(data.indicators, data.units, data.years()[0]), data.units)
    _, shown = grids(at)[1]
    assert list(shown["Đơn vị"]) == list(ranked["name"])
    assert list(shown["Hạng"]) == [str(r) for r in ranked["rank"]]
    behind = next(m.value for m in at.markdown if m.value.startswith("- "))
    lagging = len(pm.behind_units(pm.unit_indicators(data.indicators, data.units, data.years()[0]), data.units))
    assert behind.count("\n") + 1 == min(lagging, 12)  # the first twelve, then "and N more"
    more = [c.value for c in at.caption if "đơn vị khác" in c.value]
    assert more == ([f"… và {lagging - 12} đơn vị khác (xem bảng từng đơn vị ở trên; bấm tiêu đề cột để sắp xếp)."]
                    if lagging > 12 else [])
    assert len(at.get("plotly_chart")) == 1
    assert any("Mới có dữ liệu của một ngày" in c.value for c in at.caption)  # the demo's syncs are one day


def test_the_landing_page_in_english(clean_app_env, monkeypatch, province):
    at = open_app(province, monkeypatch, lang="en")
    assert at.title[0].value.startswith("The province in ")
    _, shown = grids(at)[0]
    assert "Unit" in shown.columns and "⚠ Old data" in set(shown["Status"])


def test_the_quality_page_counts_issues_per_unit_and_links_to_its_data_page(clean_app_env, monkeypatch, province):
    at = open_app(province, monkeypatch, QUALITY)
    data = load_province(province.store)
    values, shown = grids(at)[0]
    year = data.years()[0]
    assert list(shown["Đơn vị"]) == list(data.units.sort_values("position")["name"])
    assert values["Đơn vị"].iloc[0] == f"./data_quality?unit={data.units.iloc[0]['code']}&year={year}&lang=vi"
    counts = data.issue_counts[data.issue_counts["severity"] == "error"].groupby("unit_code")["issues"].sum()
    errors = dict(zip(data.units.sort_values("position")["code"], values["Lỗi"]))
    assert {code: n for code, n in errors.items() if n} == counts.to_dict()
    assert any("Mọi dòng của sổ đơn vị đều đọc được" in s.value for s in at.success)


def test_the_registry_issues_and_hostile_names_on_both_pages(clean_app_env, monkeypatch, hostile):
    at = open_app(hostile, monkeypatch, QUALITY)
    _, issues = grids(at)[1]
    assert list(issues["Mức độ"]) == ["Lỗi", "Cảnh báo", "Cảnh báo"]  # errors first
    assert BAD_CODE in set(issues["Giá trị đã ghi"])
    assert any("Mã đơn vị chỉ gồm chữ cái" in r for r in issues["Lý do"])
    _, by_unit = grids(at)[0]
    assert HOSTILE_NAME in set(by_unit["Đơn vị"])  # plain cell text, as written
    landing = open_app(hostile, monkeypatch)
    _, matrix = grids(landing)[0]
    assert HOSTILE_NAME in set(matrix["Đơn vị"])
    for markdown in (*landing.markdown, *landing.warning, *landing.error):  # escaped wherever it is Markdown
        assert "<b>" not in markdown.value and "[link](http" not in markdown.value


def test_a_viewer_never_sees_an_officer_email(clean_app_env, monkeypatch, hostile, province):
    for where, page in ((hostile, None), (hostile, QUALITY), (province, None), (province, QUALITY)):
        shown = everything(open_app(where, monkeypatch, page))
        assert "@example" not in shown and OFFICER_EMAIL not in shown and BAD_EMAIL not in shown


def test_a_unit_link_opens_its_dashboard_with_the_way_back(clean_app_env, monkeypatch, province):
    data = load_province(province.store)
    code = data.units.iloc[0]["code"]
    year = data.years()[0]
    at = open_app(province, monkeypatch, unit=code, year=str(year))
    assert not at.exception
    text = "\n".join(str(m.value) for m in (*at.markdown, *at.sidebar.markdown)).replace("\\", "")
    assert data.unit(code)["name"] in text
    assert f"[← Về trang toàn tỉnh](./?year={year}&lang=vi)" in text
    assert at.title[0].value.startswith("Tổng quan")
