"""The analysis layer: pure pandas, no streamlit, no I/O of sources.

Sub-packages, bottom up; each imports only those before it (tests/test_layers.py):

- workbook: the contract declared once, cell parsers, normalise (raw tabs -> Dataset with row
  accounting and issues), the Dataset and its typed SourceInfo;
- i18n: the one catalogue (Vietnamese and English) and number/date formatting;
- metrics: filters and shared rules (scope), indicators, products, outreach, training, pace, summary;
- policy: who may see or write what (access), masking (privacy), quick-entry rules;
- outputs: figures, exports, the report, the template and the Google Sheet plan.

analysis/cli/ is the command line (`python -m analysis`): with pages/ and app.py, the only
place that combines data_sources with analysis.
"""
