"""Text folding for tolerant matching of tab names, headers and vocabulary cells."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# Control characters other than tab/newline never carry meaning in a sheet cell.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value: str) -> str:
    """NFC, control characters removed, trimmed, inner white space collapsed."""
    text = unicodedata.normalize("NFC", _CONTROL.sub("", value))
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def fold(value: str) -> str:
    """Casefolded NFC form: `Khóm` and `KHÓM ` fold alike."""
    return clean(value).casefold()


@lru_cache(maxsize=65536)
def fold_ascii(value: str) -> str:
    """`fold` without diacritics (đ -> d too): `Khom` matches `Khóm`."""
    decomposed = unicodedata.normalize("NFD", fold(value).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Matcher:
    """Finds the canonical name for a typed one: exact fold first, then without
    diacritics when that is unambiguous."""

    def __init__(self, canonical: dict[str, str]) -> None:
        # canonical: any accepted spelling -> canonical value
        self._exact: dict[str, str] = {}
        ascii_candidates: dict[str, set[str]] = {}
        for spelling, value in canonical.items():
            self._exact.setdefault(fold(spelling), value)
            ascii_candidates.setdefault(fold_ascii(spelling), set()).add(value)
        self._ascii = {k: next(iter(v)) for k, v in ascii_candidates.items() if len(v) == 1}

    def match(self, typed: str) -> str | None:
        return self._exact.get(fold(typed)) or self._ascii.get(fold_ascii(typed))
