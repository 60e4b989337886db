"""The province pages' tables as a reader sees them (pure: no streamlit; the pages lay them out).

A table that must sort by its numbers yet show words is a `StyledTable`: the real values (what a
click on a header sorts by), the text shown in each cell ("72,5% ▼", a unit's name over its link)
and each cell's background. `styler()` joins them into a pandas Styler for st.dataframe. Colour is
never the only signal: a pace has its mark (PACE_MARKS) and a status its word.

Unit names, reasons and values come from spreadsheets: they stay plain cell text here; a page that
puts them in Markdown passes them through pages/ui/widgets.md().
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from analysis.i18n import formatting, strings
from analysis.metrics.pace import BEHIND, ON_TRACK, REACHED
from analysis.metrics.province import OK, STALE, UNREADABLE
from analysis.metrics.summary import issue_reason
from analysis.outputs.chart_style import PACE_COLOURS
from analysis.workbook import clock
from analysis.workbook import contract as c
from analysis.workbook.values import is_missing

DASH = formatting.DASH
PACE_MARKS = {REACHED: "✓", ON_TRACK: "→", BEHIND: "▼"}
STATUS_MARKS = {OK: "✓", STALE: "⚠", UNREADABLE: "✕"}
TINT = 0.22  # a cell's background: its pace colour this strong on white, so dark text stays readable
TEXT_COLOUR = "#1F1F1F"
# st.dataframe writes "None" in an empty cell whatever the Styler says: a cell without a figure holds
# this value instead (it sorts below every real one) and shows "—".
NO_VALUE = -1.0
OFFICERS_HEADER = c.REGISTRY_TAB.column("officers").header
_EMAIL_LIKE = re.compile(r"[^\s,;<>]*@[^\s,;<>]*")
Link = Callable[[str], str]


def tint(colour: str, strength: float = TINT) -> str:
    """`colour` (#RRGGBB) mixed with white: `strength` 1 is the colour, 0 is white."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - v) * strength):02X}" for v in rgb)


PACE_BACKGROUNDS = {pace: tint(PACE_COLOURS[pace]) for pace in PACE_MARKS}


@dataclass(frozen=True, eq=False)
class StyledTable:
    """values: what sorts; text: what shows (same shape, strings); colours: CSS background or ""."""

    values: pd.DataFrame
    text: pd.DataFrame
    colours: pd.DataFrame

    def styler(self) -> Styler:
        """The values, showing `text` in every cell and `colours` behind the coloured ones. Each value carries
        its own text (a float or str that knows what to show), so one format call serves every cell: a
        format per cell took 40 s for 3,321 units."""
        carried = pd.DataFrame({column: pd.Series([_carrying(value, shown) for value, shown
                                                   in zip(self.values[column], self.text[column])],
                                                  index=self.values.index, dtype=object)  # object: keep the carriers
                                for column in self.values.columns}, index=self.values.index)
        css = self.colours.map(lambda c: f"background-color: {c}; color: {TEXT_COLOUR}" if c else "")
        return carried.style.format(_shown).apply(lambda _frame: css, axis=None)


class _ShownFloat(float):
    """A number that sorts as itself and shows as its text."""

    shown: str


class _ShownStr(str):
    """A text (a link) that sorts as itself and shows as its text."""

    shown: str


def _carrying(value: Any, shown: str) -> Any:
    carrier = _ShownStr if isinstance(value, str) else _ShownFloat if isinstance(value, (int, float)) else None
    if carrier is None or isinstance(value, bool):
        return value
    carried = carrier(value)
    carried.shown = shown
    return carried


def _shown(value: Any) -> str:
    return getattr(value, "shown", value)


def _blank_colours(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame("", index=frame.index, columns=frame.columns)


def status_text(status: Any, lang: str = strings.DEFAULT_LANG) -> str:
    """`✓ Đã đọc` / `⚠ Dữ liệu cũ` / `✕ Không đọc được`."""
    if status not in STATUS_MARKS:
        return DASH
    return f"{STATUS_MARKS[status]} {strings.t(f'province.status.{status}', lang)}"


def pace_cell(percent: Any, pace: Any, lang: str = strings.DEFAULT_LANG) -> str:
    """`72,5% ▼`: the percent reached and the pace's mark (no mark without a pace)."""
    if is_missing(percent):
        return DASH
    mark = PACE_MARKS.get(pace) if isinstance(pace, str) else None
    return formatting.percent(percent, lang) + (f" {mark}" if mark else "")


def pace_legend(lang: str = strings.DEFAULT_LANG) -> str:
    """`✓ Đạt · → Đúng tiến độ · ▼ Chậm tiến độ`."""
    return " · ".join(f"{mark} {strings.t(f'pace.{pace}', lang)}" for pace, mark in PACE_MARKS.items())


def indicator_header(code: str, lang: str = strings.DEFAULT_LANG) -> str:
    """A short column header for an indicator (the full name goes in the column's help)."""
    key = f"province.short.{code}"
    return strings.t(key, lang) if strings.has(key) else code


def indicator_name(code: str, lang: str = strings.DEFAULT_LANG) -> str:
    key = f"indicator.{code}"
    return strings.t(key, lang) if strings.has(key) else code


def _ordered(units: pd.DataFrame) -> pd.DataFrame:
    return units.sort_values("position", kind="stable").reset_index(drop=True)


def matrix_table(long: pd.DataFrame, units: pd.DataFrame, link: Link, lang: str = strings.DEFAULT_LANG
                 ) -> StyledTable:
    """Every unit of the registry (registry order) × indicator: percent reached (×100, what sorts),
    shown as `72,5% ▼` on its pace's tint; then the unit's name (its link) and status first.
    An unreadable unit has a row of dashes, so no unit goes missing from the table."""
    codes = [code for code in [*c.INDICATOR_CODES, *sorted(set(long["code"]) - set(c.INDICATOR_CODES))]
             if code in set(long["code"])]
    cells = {(r.unit_code, r.code): (r.percent, r.pace) for r in long.itertuples()}
    name_col, status_col = strings.t("col.unit", lang), strings.t("col.status", lang)
    values, text, colours = [], [], []
    for unit in _ordered(units).itertuples():
        value_row = {name_col: link(unit.code), status_col: unit.status}
        text_row = {name_col: str(unit.name), status_col: status_text(unit.status, lang)}
        colour_row = {name_col: "", status_col: ""}
        for code in codes:
            percent, pace = cells.get((unit.code, code), (None, None))
            header = indicator_header(code, lang)
            value_row[header] = NO_VALUE if is_missing(percent) else float(percent) * 100
            text_row[header] = pace_cell(percent, pace, lang)
            colour_row[header] = PACE_BACKGROUNDS.get(pace, "") if isinstance(pace, str) else ""
        values.append(value_row)
        text.append(text_row)
        colours.append(colour_row)
    columns = [name_col, status_col, *(indicator_header(code, lang) for code in codes)]
    frames = [pd.DataFrame(rows, columns=columns) for rows in (values, text, colours)]
    frames[0][columns[2:]] = frames[0][columns[2:]].astype(float)
    return StyledTable(*frames)


def ranking_table(ranked: pd.DataFrame, link: Link, lang: str = strings.DEFAULT_LANG) -> StyledTable:
    """analysis.metrics.province.ranking as shown: rank, unit (its link), targets on track of those set,
    mean percent reached (capped at 100% per target), status."""
    t = strings.t
    cols = [t("province.col.rank", lang), t("col.unit", lang), t("province.col.on_track", lang),
            t("province.col.mean_percent", lang), t("col.status", lang)]
    values = pd.DataFrame({
        cols[0]: ranked["rank"].astype(int).tolist(),
        cols[1]: [link(code) for code in ranked["unit_code"]],
        cols[2]: [float(s) if not is_missing(s) else NO_VALUE for s in ranked["share_on_track"]],
        cols[3]: [float(p) * 100 if not is_missing(p) else NO_VALUE for p in ranked["mean_percent"]],
        cols[4]: ranked["status"].tolist(),
    }, columns=cols)
    text = pd.DataFrame({
        cols[0]: [str(r) for r in ranked["rank"]],
        cols[1]: [str(n) for n in ranked["name"]],
        cols[2]: [f"{o} / {w}" if w else DASH for o, w in zip(ranked["on_track"], ranked["with_target"])],
        cols[3]: [formatting.percent(p, lang) for p in ranked["mean_percent"]],
        cols[4]: [status_text(s, lang) for s in ranked["status"]],
    }, columns=cols)
    return StyledTable(values, text, _blank_colours(values))


def behind_list(behind: pd.DataFrame, lang: str = strings.DEFAULT_LANG) -> list[dict[str, Any]]:
    """The units behind pace: code, name (plain sheet text), how many, and which (names, largest gap first)."""
    return [{"code": row.unit_code, "name": str(row.name), "behind": int(row.behind),
             "indicators": [indicator_name(code, lang) for code in row.codes]}
            for row in behind.itertuples()]


def _when(value: Any, with_time: bool = False) -> str:
    if value is None or pd.isna(value):
        return DASH
    moment = clock.local(pd.Timestamp(value).to_pydatetime())
    return formatting.timestamp(moment) if with_time else formatting.day(moment)


def not_current_list(rows: pd.DataFrame, reason: Callable[[str, Mapping[str, Any]], str],
                     lang: str = strings.DEFAULT_LANG) -> list[dict[str, Any]]:
    """analysis.metrics.province.not_current as sentences' parts: code, name, status (words), the reason
    (`reason(code, params)`, the SourceError's text), since (dd/mm/yyyy) and the last good read."""
    out = []
    for row in rows.itertuples():
        params = row.reason_params if isinstance(row.reason_params, dict) else {}
        out.append({"code": row.code, "name": str(row.name), "status": row.status,
                    "status_text": status_text(row.status, lang),
                    "reason": reason(row.reason_code, params) if isinstance(row.reason_code, str) else DASH,
                    "since": _when(row.failing_since), "last_read": _when(row.read_at, with_time=True)})
    return out


def issues_by_unit(counts: pd.DataFrame, units: pd.DataFrame, link: Link,
                   lang: str = strings.DEFAULT_LANG) -> StyledTable:
    """Per unit (registry order): its name (a link to its Data page), status, errors, warnings, then
    errors and warnings per tab. Notices (advice) are left out; units without issues show 0."""
    shown = counts[counts["severity"].isin(["error", "warning"]) & (counts["unit_code"] != "")]
    tabs = [tab for tab in (t.title for t in c.TABS) if tab in set(shown["tab"])]
    tabs += sorted(set(shown["tab"]) - set(tabs))
    name_col, status_col = strings.t("col.unit", lang), strings.t("col.status", lang)
    errors_col, warnings_col = strings.t("province.col.errors", lang), strings.t("province.col.warnings", lang)
    columns = [name_col, status_col, errors_col, warnings_col, *tabs]
    values, text = [], []
    for unit in _ordered(units).itertuples():
        mine = shown[shown["unit_code"] == unit.code]
        row = {name_col: link(unit.code), status_col: unit.status,
               errors_col: int(mine.loc[mine["severity"] == "error", "issues"].sum()),
               warnings_col: int(mine.loc[mine["severity"] == "warning", "issues"].sum()),
               **{tab: int(mine.loc[mine["tab"] == tab, "issues"].sum()) for tab in tabs}}
        values.append(row)
        text.append({**{k: formatting.number(v, 0, lang) for k, v in row.items() if k not in (name_col, status_col)},
                     name_col: str(unit.name), status_col: status_text(unit.status, lang)})
    values_frame = pd.DataFrame(values, columns=columns)
    text_frame = pd.DataFrame(text, columns=columns)
    colours = _blank_colours(values_frame)
    colours[errors_col] = [PACE_BACKGROUNDS[BEHIND] if n else "" for n in values_frame[errors_col]]
    return StyledTable(values_frame, text_frame, colours)


def hide_emails(text: Any) -> str:
    """Anything shaped like an e-mail address (with an @) replaced by `•••@•••`."""
    return _EMAIL_LIKE.sub("•••@•••", str(text))


def registry_issues_view(issues: pd.DataFrame, lang: str = strings.DEFAULT_LANG,
                         personal: bool = False) -> pd.DataFrame:
    """The registry's own issues (rows of its tab Đơn vị rejected or doubtful) as display strings:
    reason, row, column, value as written, severity; errors first. Without `personal` (a viewer, not an
    officer) the officers' column shows no value and nothing shaped like an e-mail shows anywhere."""
    t = strings.t
    columns = [t("col.reason", lang), t("col.row", lang), t("col.column", lang), t("col.value", lang),
               t("col.severity", lang)]
    if issues.empty:
        return pd.DataFrame(columns=columns)
    order = {"error": 0, "warning": 1, "notice": 2}
    rows = issues.assign(_order=issues["severity"].map(order)).sort_values(
        ["_order", "row"], na_position="first", kind="stable")
    out = []
    for _, issue in rows.iterrows():
        reason, value = issue_reason(issue, lang), "" if is_missing(issue["value"]) else str(issue["value"])
        if not personal:
            reason, value = hide_emails(reason), (DASH if issue["column"] == OFFICERS_HEADER else hide_emails(value))
        out.append([reason, DASH if is_missing(issue["row"]) else str(int(issue["row"])),
                    DASH if is_missing(issue["column"]) else str(issue["column"]), value or DASH,
                    t(f"severity.{issue['severity']}", lang)])
    return pd.DataFrame(out, columns=columns)


__all__ = ["NO_VALUE", "PACE_BACKGROUNDS", "PACE_MARKS", "STATUS_MARKS", "StyledTable", "behind_list", "hide_emails",
           "indicator_header", "indicator_name", "issues_by_unit", "matrix_table", "not_current_list", "pace_cell",
           "pace_legend", "ranking_table", "registry_issues_view", "status_text", "tint"]
