"""The report upward as a Word document in the format of Decree 30/2020/NĐ-CP, for a unit (from its dataset);
report_docx_province.py makes the province's from the same frame and these helpers.

Pure: no Streamlit, no I/O; bytes out. `today` is the day the report is made (its date line, and the day
pace, overdue tasks and certificates are judged at, as in the .xlsx report). Parts I and II are written
from the same metrics as the pages and the .xlsx report (analysis/metrics/), figures in the reader's
format (1.234,5 · 72,5% · 15/03/2026); part III is left for the officer. The frame (page, fonts, heading,
signature, sample mark) is report_docx_parts.py. Vietnamese by default; lang="en" is a plain translation.
"""
from __future__ import annotations

import io
import re
import unicodedata
from datetime import date
from typing import Any

import pandas as pd

from analysis.i18n import formatting, strings
from analysis.metrics.indicators import indicators
from analysis.metrics.outreach import counts_by, coverage
from analysis.metrics.pace import BEHIND, with_pace, year_elapsed
from analysis.metrics.products import certificates_due, product_table
from analysis.metrics.scope import Filters, day_in_year, filtered_outreach
from analysis.metrics.training import DONE, attendance_by, tasks_status, training_in_year, units_without_training
from analysis.outputs.report_docx_parts import (
    BLANK,
    Frame,
    body,
    bordered_table,
    closing_block,
    dotted_lines,
    field_text,
    figure,
    headers_and_footers,
    heading,
    heading_block,
    new_document,
)
from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, WARNING, Dataset
from analysis.workbook.values import is_missing

LIST_CAP = 12  # items listed under a shortcoming; the rest are counted
INDICATOR_WIDTHS = [10, 50, 21, 17, 18, 19, 30]  # mm, 165 in all: the text width
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_LOCALITY = re.compile(r"\b(tỉnh|thành phố|thị xã|huyện|quận)\s+\S.*$", re.IGNORECASE)
_KIND = re.compile(r"^(phường|xã|thị trấn|đặc khu)\s+", re.IGNORECASE)
_COMMITTEE = re.compile(r"^\s*(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\b", re.IGNORECASE)


def _t(key: str, lang: str, **params: Any) -> str:
    return strings.t(key, lang, **params)


def _unit_word(unit: Any) -> str:
    return "" if is_missing(unit) or not str(unit).strip() else " " + str(unit).strip()


def listed(doc, lines: list[str], lang: str) -> None:
    """Each line a paragraph, the first LIST_CAP of them; then how many more."""
    for line in lines[:LIST_CAP]:
        body(doc, line)
    if len(lines) > LIST_CAP:
        body(doc, _t("docx.more", lang, n=len(lines) - LIST_CAP))


def pace_word(row: Any, elapsed: float, lang: str) -> str:
    """The pace in words; behind at the end of the year is a target missed."""
    key = "docx.pace.missed" if row.pace == BEHIND and elapsed >= 1 else f"docx.pace.{row.pace}"
    return _t(key, lang, expected=formatting.percent(elapsed, lang))


def plans(doc, lang: str) -> None:
    heading(doc, _t("docx.section.plans", lang))
    for key in ("docx.plans.tasks", "docx.plans.solutions", "docx.plans.proposals"):
        heading(doc, _t(key, lang))
        dotted_lines(doc)


def docx_bytes(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- the unit's heading


def committee(name: str, lang: str) -> str:
    """"UBND Phường X" (a name that already names the committee is kept as it is)."""
    return name if _COMMITTEE.match(name) else _t("docx.committee", lang, name=name)


def parent_authority(report_to: Any, lang: str) -> str | None:
    """The governing authority line from Thông tin's report_to: its locality's committee ("Phòng Kinh tế thành
    phố Châu Đốc" -> "UBND THÀNH PHỐ CHÂU ĐỐC"), report_to itself when it is a committee, else None (left out:
    an office the ward reports to is not its governing authority)."""
    text = unicodedata.normalize("NFC", field_text(report_to))
    if _COMMITTEE.match(text):
        return text.upper()
    found = _LOCALITY.search(text)
    return committee(found.group(0), lang).upper() if found else None


def place_name(ward: str) -> str:
    """The place on the date line (Decree 30): the ward's or commune's name without its kind and any note in
    brackets, "Phường Vĩnh Hòa Đông (dữ liệu mẫu)" -> "Vĩnh Hòa Đông"; a numbered ward keeps it ("Phường 1")."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", ward).strip()
    bare = _KIND.sub("", name).strip()
    return (name if not bare or bare.isdigit() else bare) or BLANK


def unit_frame(ds: Dataset, year: int, today: date, lang: str) -> Frame:
    ward = unicodedata.normalize("NFC", field_text(ds.info.get("ward_name")))
    place = place_name(ward)
    subject = _t("docx.subject", lang, plan=field_text(ds.info.get("plan_number")), year=year)
    return Frame(parent_authority(ds.info.get("report_to"), lang), committee(ward, lang).upper(), "BC-UBND", place,
                 today, subject, field_text(ds.info.get("report_to")), _t("docx.sign.on_behalf", lang),
                 _t("docx.sign.title", lang), ds.source.is_sample, lang)


# --------------------------------------------------------------------------- the unit's body


def _indicators(doc, ds: Dataset, year: int, today: date, lang: str) -> pd.DataFrame:
    table = with_pace(indicators(ds, Filters(year), lang), year, today)
    elapsed = year_elapsed(year, today)
    heading(doc, _t("docx.results.indicators", lang))
    rows = []
    for n, row in enumerate(table.itertuples(), start=1):
        values = dict(label=row.label, unit=_unit_word(row.unit), target=figure(row.target, lang),
                      actual=figure(row.actual, lang), percent=formatting.percent(row.percent, lang))
        if not row.computed:
            body(doc, _t("docx.indicator.not_computed", lang, **values))
            pace = _t("indicator.not_computed", lang)
        elif is_missing(row.pace):
            body(doc, _t("docx.indicator.no_target", lang, **values))
            pace = _t("indicator.no_target", lang)
        else:
            body(doc, _t("docx.indicator.target", lang, pace=pace_word(row, elapsed, lang), **values))
            pace = _t(f"pace.{row.pace}", lang)
        rows.append([str(n), row.label, field_text(row.unit) if not is_missing(row.unit) else "", values["target"],
                     values["actual"], values["percent"], pace])
    header = [_t("docx.col.number", lang), _t("report.col.indicator", lang), _t("report.col.unit", lang),
              _t("report.col.target", lang), _t("report.col.actual", lang), _t("report.col.percent", lang),
              _t("col.pace", lang)]
    bordered_table(doc, _t("docx.table.indicators", lang, year=year), header, rows, INDICATOR_WIDTHS, {0, 3, 4, 5})
    return table


def _stage_name(stage: Any, lang: str) -> str:
    code = c.STAGE_CODES.get(stage)
    return _t(f"stage.{code}", lang) if code and lang != "vi" else str(stage)


def _products(doc, ds: Dataset, year: int, today: date, figures: dict[str, Any], lang: str) -> pd.DataFrame:
    table = product_table(ds, Filters(year), today)
    heading(doc, _t("docx.results.products", lang))
    if table.empty:
        body(doc, _t("docx.products.none", lang))
        return table
    counts = table["stage"].value_counts()
    stages = ", ".join(f"{figure(counts[s], lang)} {_stage_name(s, lang).lower()}" for s in c.STAGES if s in counts)
    body(doc, _t("docx.products.pipeline", lang, total=figure(len(table), lang), stages=stages))
    active = table[table["stage"] != c.DROPPED_OUT]
    body(doc, _t("docx.products.year", lang, year=year, certified=figure(figures.get("SP_OCOP"), lang),
                 submitted=figure(figures.get("HO_SO_NOP"), lang), ready=figure((active["gate"] == 1).sum(), lang),
                 total=figure(len(active), lang)))
    status = table["expiry_status"].value_counts()
    body(doc, _t("docx.products.certificates", lang, day=formatting.day(today),
                 **{k: figure(status.get(k, 0), lang) for k in ("valid", "expiring", "expired")}))
    return table


def _outreach(doc, ds: Dataset, year: int, lang: str) -> None:
    rows = filtered_outreach(ds, Filters(year))
    heading(doc, _t("docx.results.outreach", lang))
    if rows.empty:
        body(doc, _t("docx.outreach.none", lang))
        return
    reach = coverage(ds, Filters(year))
    body(doc, _t("docx.outreach.total", lang, sessions=figure(len(rows), lang),
                 people=figure(rows["attendees"].fillna(0).sum(), lang),
                 areas=f"{reach['areas_reached']}/{reach['areas_total']}",
                 area_share=formatting.percent(reach["area_share"], lang),
                 producers=f"{reach['producers_reached']}/{reach['producers_total']}",
                 producer_share=formatting.percent(reach["producer_share"], lang)))
    channels = counts_by(rows, "channel")
    if len(channels):
        body(doc, _t("docx.outreach.channels", lang, channels="; ".join(
            f"{r.value} {figure(r.activities, lang)}" for r in channels.itertuples())))


def _training_and_tasks(doc, ds: Dataset, year: int, today: date, lang: str) -> pd.DataFrame:
    heading(doc, _t("docx.results.training", lang))
    training = training_in_year(ds, year)
    body(doc, _t("docx.training.total", lang, count=figure(len(training), lang),
                 courses=figure(len(attendance_by(training, "course")), lang)))
    untrained = units_without_training(ds, year)
    body(doc, _t("docx.training.untrained", lang, n=len(untrained), units="; ".join(untrained)) if untrained
         else _t("docx.training.all_trained", lang))
    tasks = tasks_status(ds, year, today)
    if tasks.empty:
        body(doc, _t("docx.tasks.none", lang))
        return tasks
    status = tasks["status"].value_counts()
    body(doc, _t("docx.tasks.total", lang, total=len(tasks), done=int(status.get(DONE, 0)),
                 doing=int(status.get(c.TASK_STATUSES[1], 0)),
                 todo=len(tasks) - int(status.get(DONE, 0)) - int(status.get(c.TASK_STATUSES[1], 0)),
                 overdue=int(tasks["overdue"].sum())))
    return tasks


def _problems(doc, ds: Dataset, year: int, today: date, table: pd.DataFrame, products: pd.DataFrame,
              tasks: pd.DataFrame, lang: str) -> None:
    heading(doc, _t("docx.section.problems", lang))
    behind = table[table["pace"] == BEHIND]
    if behind.empty:
        body(doc, _t("docx.problems.none_behind", lang))
    else:
        body(doc, _t("docx.problems.behind", lang, n=len(behind), day=formatting.day(day_in_year(today, year)),
                     expected=formatting.percent(year_elapsed(year, today), lang)))
        listed(doc, [_t("docx.problems.behind_item", lang, label=r.label, percent=formatting.percent(r.percent, lang))
                      for r in behind.itertuples()], lang)
    overdue = tasks[tasks["overdue"]] if len(tasks) else tasks
    if overdue.empty:
        body(doc, _t("docx.problems.no_overdue", lang))
    else:
        body(doc, _t("docx.problems.overdue", lang, n=len(overdue)))
        listed(doc, [_t("docx.problems.overdue_item", lang, task=field_text(r.task), unit=field_text(r.unit),
                         due=formatting.day(r.due_on)) for r in overdue.itertuples()], lang)
    due = certificates_due(products) if len(products) else products
    if due.empty:
        body(doc, _t("docx.problems.no_certificates", lang))
    else:
        body(doc, _t("docx.problems.certificates", lang, n=len(due)))
        listed(doc, [_t(f"docx.problems.{r.expiry_status}_item", lang, product=field_text(r.name),
                         producer=field_text(r.producer_name), day=formatting.day(r.expires_on))
                      for r in due.itertuples()], lang)
    issues = ds.issues[ds.issues["severity"].isin((ERROR, WARNING))]
    if issues.empty:
        body(doc, _t("docx.problems.no_data", lang))
        return
    body(doc, _t("docx.problems.data", lang, errors=int((issues["severity"] == ERROR).sum()),
                 warnings=int((issues["severity"] == WARNING).sum())))
    by_tab = issues.groupby(issues["tab"].fillna(BLANK), sort=False)["severity"]
    listed(doc, [_t("docx.problems.data_item", lang, tab=tab, errors=int((s == ERROR).sum()),
                     warnings=int((s == WARNING).sum())) for tab, s in by_tab], lang)


def build_report_docx(ds: Dataset, year: int, today: date, lang: str = strings.DEFAULT_LANG):
    """The unit's report as a python-docx Document."""
    frame = unit_frame(ds, year, today, lang)
    doc = new_document(frame.subject, lang)
    headers_and_footers(doc, frame)
    heading_block(doc, frame)
    issuer = committee(unicodedata.normalize("NFC", field_text(ds.info.get("ward_name"))), lang)
    plan = field_text(ds.info.get("plan_number"))
    body(doc, _t("docx.intro", lang, plan=plan, year=year, issuer=issuer, day=formatting.day(today)))
    heading(doc, _t("docx.section.results", lang))
    table = _indicators(doc, ds, year, today, lang)
    figures = dict(zip(table["code"], table["actual"]))
    products = _products(doc, ds, year, today, figures, lang)
    _outreach(doc, ds, year, lang)
    tasks = _training_and_tasks(doc, ds, year, today, lang)
    _problems(doc, ds, year, today, table, products, tasks, lang)
    plans(doc, lang)
    body(doc, _t("docx.closing", lang, plan=plan, year=year, issuer=issuer))
    closing_block(doc, frame)
    return doc


def report_docx_bytes(ds: Dataset, year: int, today: date, lang: str = strings.DEFAULT_LANG) -> bytes:
    """build_report_docx() saved as .docx bytes (for a download button or a file)."""
    return docx_bytes(build_report_docx(ds, year, today, lang))


def report_docx_filename(year: int) -> str:
    return f"bao-cao-ocop-{year}.docx"


__all__ = ["DOCX_MIME", "build_report_docx", "committee", "docx_bytes", "listed", "pace_word", "parent_authority",
           "plans", "report_docx_bytes", "report_docx_filename"]
