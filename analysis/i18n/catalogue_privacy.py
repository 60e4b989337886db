"""Catalogue entries (Vietnamese, English) for privacy: merged by analysis/i18n/strings.py."""
from __future__ import annotations

PRIVACY: dict[str, tuple[str, str]] = {
    # analysis/cli/, on stderr after writing unmasked personal data (the CLI is the operator's)
    "privacy.operator_only": ("Tệp có số điện thoại và tên người: chỉ dành cho người vận hành, không chia sẻ.",
                              "The output holds phone numbers and people's names: for the operator only, "
                              "do not share it."),
}
