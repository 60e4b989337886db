"""Reading the workbook: the contract, declared once, and every reading rule.

In the order data flows through them:

- contract: the tabs, columns, cell kinds, lists and indicator codes, as data (docs/WORKBOOK.md);
- values, text, clock: what "blank" means, how names are compared, the ward's (Vietnam) clock;
- cells: one parser per cell kind (dates day-first, 1.234,5, yes/no words, stars, ids…);
- headers, columns, tab_reader, info, cross_check, schema, issues: the steps of reading one
  tab, the Thông tin tab and the checks between tabs, each refusal recorded as an issue;
- normalise: raw tabs -> Dataset, with rows read = accepted + rejected for every tab;
- dataset: the Dataset and its typed SourceInfo (where and when it was read) and RowCount.

Imports nothing else of analysis/: every other sub-package builds on this one.
"""
from analysis.workbook import clock, contract
from analysis.workbook.dataset import ERROR, NOTICE, ROW, WARNING, Dataset, RowCount, SourceInfo
from analysis.workbook.normalise import normalise_workbook
from analysis.workbook.text import Matcher, fold, fold_ascii
from analysis.workbook.values import is_blank, is_missing

__all__ = ["ERROR", "NOTICE", "ROW", "WARNING", "Dataset", "Matcher", "RowCount", "SourceInfo", "clock", "contract",
           "fold", "fold_ascii", "is_blank", "is_missing", "normalise_workbook"]
