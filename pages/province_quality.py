"""Chất lượng dữ liệu (province): how many issues each unit's sheet has, by tab, and the registry's own."""
from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from analysis.outputs import province_tables as pt
from analysis.policy.access import OFFICER
from pages.ui.province_state import UNIT_PARAM, province_context, province_memo
from pages.ui.tables import table as shown_table

ROW_PX, HEADER_PX, MAX_ROWS_SHOWN = 35, 38, 16  # a national list scrolls inside its table

ctx = province_context()
data, year, lang = ctx.data, ctx.year, ctx.lang


def data_page(code: str) -> str:
    """The unit's own Data page (its issues cell by cell), keeping the year and language."""
    return "./data_quality?" + urlencode({UNIT_PARAM: code, "year": year, "lang": lang})


st.title(ctx.t("province_quality.heading"))
st.caption(ctx.t("province_quality.explain"))

st.subheader(ctx.t("province_quality.units_heading"))
by_unit = province_memo(ctx, "issues_by_unit", lambda: pt.issues_by_unit(data.issue_counts, data.units, data_page,
                                                                         lang))
with_issues = int((by_unit.values[ctx.t("province.col.errors")] + by_unit.values[ctx.t("province.col.warnings")]
                   > 0).sum())
st.caption(ctx.t("province_quality.units_summary", n=with_issues, total=len(by_unit.values)))
name = ctx.t("col.unit")
config = {column: st.column_config.Column(width=110) for column in by_unit.values.columns}
config[name] = st.column_config.LinkColumn(name, width=230, pinned=True, help=ctx.t("province_quality.link_help"))
st.dataframe(by_unit.styler(), hide_index=True, column_config=config,
             height=HEADER_PX + ROW_PX * min(max(len(by_unit.values), 1), MAX_ROWS_SHOWN) + 3)

st.subheader(ctx.t("province_quality.registry_heading"))
issues = pt.registry_issues_view(data.registry_issues, lang, personal=ctx.role == OFFICER)
if issues.empty:
    st.success(ctx.t("province_quality.registry_ok"), icon=":material/check_circle:")
else:
    st.caption(ctx.t("province_quality.registry_explain", n=len(issues)))
    shown_table(ctx, issues, "so-don-vi", widths={ctx.t("col.reason"): "large"})
