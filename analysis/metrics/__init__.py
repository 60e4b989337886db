"""What the dashboard measures, from a Dataset.

- scope: the sidebar's filters (year, khóm, product group) and the rules every metric shares,
  each defined once: the day progress is measured at (as_of), khóm and producers reached,
  effective stars, share;
- indicators: target, actual and percent for every indicator code of the contract;
- pace: on track or behind for the share of the year elapsed, and the most urgent gap;
- products: readiness of dossiers, the OCOP cycle, certificate expiry;
- outreach: activities by khóm and month, channel, topic; coverage; who was never reached;
- training: attendance, units without training, tasks and what is overdue;
- summary: the JSON the command line prints.

Builds on analysis/workbook and analysis/i18n (indicator names).
"""
from analysis.metrics.indicators import actuals, year_choices, years
from analysis.metrics.pace import most_urgent, with_pace
from analysis.metrics.scope import Filters, all_areas, as_of, filtered_outreach, filtered_products
from analysis.metrics.summary import issues_table

# A function named like its module (indicators, summary, normalise…) is not re-exported: the package
# attribute must stay the module.
__all__ = ["Filters", "actuals", "all_areas", "as_of", "filtered_outreach", "filtered_products", "issues_table",
           "most_urgent", "with_pace", "year_choices", "years"]
