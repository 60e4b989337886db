"""Who may see or write what.

- access: signed-in officers and viewers, from the `[ocop.access]` settings;
- privacy: phone numbers and contact names masked for everyone but officers;
- entry: what the quick-entry forms may add (outreach and training rows), checked by the same
  reading rules as the sheet, and laid out under the sheet's own headers.

Builds on analysis/workbook.
"""
from analysis.policy.access import OFFICER, VIEWER, AccessSettings, access_settings
from analysis.policy.entry import check_entry, choices, sheet_row
from analysis.policy.privacy import mask_personal

__all__ = ["OFFICER", "VIEWER", "AccessSettings", "access_settings", "check_entry", "choices", "mask_personal",
           "sheet_row"]
