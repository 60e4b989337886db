"""What the dashboard hands to people: charts, files and the plan of a Google Sheet.

- figures (chart_style, figures_indicators, figures_products, figures_outreach, figures_counts):
  Plotly figures with one look, readable on a phone and a projector; sheet text is never markup;
- exports: CSV and Excel downloads with spreadsheet formulas made inert (excel_cell);
- report (report_tables, report_layout, report_cover): the formatted .xlsx for the office above,
  its tables apart from their layout;
- province_report (province_report_sheets): a province's units side by side and its totals, as .xlsx
  for the provincial OCOP council, in the same looks (report_layout, report_cover);
- template (template_guide): the officers' .xlsx template built from the contract;
- sheet_plan: the same tabs, headers and dropdowns as requests for a Google Sheet (sent by
  data_sources/sheet_writer.py, which only sends).

Builds on every sub-package below it: workbook, i18n, metrics, policy.
"""
from analysis.outputs import figures, sheet_plan
from analysis.outputs.exports import excel_cell, neutralise, to_csv_bytes, to_xlsx_bytes
from analysis.outputs.report import build_report, report_bytes
from analysis.outputs.template import TEMPLATE_FILENAME, build_template, template_bytes

__all__ = ["TEMPLATE_FILENAME", "build_report", "build_template", "excel_cell", "figures", "neutralise",
           "report_bytes", "sheet_plan", "template_bytes", "to_csv_bytes", "to_xlsx_bytes"]
