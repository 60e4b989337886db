"""Words and numbers as the reader expects them.

- strings: the one catalogue, Vietnamese (default) and English: `t(key, lang, **params)`. Its
  entries live in catalogue_app (the dashboard and CLI), catalogue_report (the report upward)
  and catalogue_template (the officers' template and its guide); a key defined twice fails at import.
- formatting: 1.234,5 · 72,5% · 15/03/2023 · 09:15 28/11/2026 (Vietnam time).

Builds only on analysis/workbook.
"""
from analysis.i18n import formatting, strings
from analysis.i18n.formatting import DASH, day, number, percent, timestamp
from analysis.i18n.strings import DEFAULT_LANG, LANGS, has, t

__all__ = ["DASH", "DEFAULT_LANG", "LANGS", "day", "formatting", "has", "number", "percent", "strings", "t",
           "timestamp"]
