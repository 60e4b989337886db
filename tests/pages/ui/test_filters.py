"""pages/ui/filters.py, the matching of a link's values to the options (no running page)."""
from __future__ import annotations

from pages.ui.filters import _match


def test_link_values_match_options_whatever_the_case_and_diacritics() -> None:
    known, unknown = _match(["khom 1", "Khom 9", "VINH PHU"], ["Khóm 1", "Khóm 2", "Vĩnh Phú"])
    assert (known, unknown) == (["Khóm 1", "Vĩnh Phú"], ["Khom 9"])


def test_a_year_in_the_link_is_the_year_option_itself() -> None:
    assert _match(["2023"], [2024, 2023]) == ([2023], [])
