"""One small parser per cell kind (see analysis/workbook/contract.py).

Every parser takes one cell as a source gave it and returns the typed value,
None for a blank cell, or `Invalid(reason)` where reason is a key of the
strings catalogue (`reason.<reason>`), so an officer is told why.
"""
from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from analysis.workbook import contract as c
from analysis.workbook.text import clean, fold, fold_ascii
from analysis.workbook.values import is_blank


class Invalid(NamedTuple):
    reason: str


SERIAL_EPOCH = date(1899, 12, 30)  # the spreadsheet day 0 (Excel and Google Sheets)
# Serial numbers outside these years are more likely a typo than a date.
MIN_YEAR, MAX_YEAR = 1990, 2100
# Spreadsheets store numbers as doubles: whole numbers are exact up to 2^53, no further.
MAX_EXACT_INTEGER = 2**53


def as_text(value: Any) -> str | None:
    if type(value) is str:  # the usual cell: clean once (blank when nothing is left)
        return clean(value) or None
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return clean(str(value))


def parse_text(value: Any) -> str | None:
    return as_text(value)


def parse_id(value: Any) -> str | Invalid | None:
    """Ids compare case-insensitively: `ct01` in a list is CT01."""
    text = as_text(value)
    return text.upper() if text is not None else None


_ID_SEPARATORS = re.compile(r"[,;\r\n]")


def parse_ids(value: Any) -> tuple[str, ...] | None:
    """A list cell: `CT01, CT02; CT03`, or one id per line (Alt+Enter). Split before cleaning,
    since clean() turns a line break into a space."""
    text = value if isinstance(value, str) else as_text(value)
    if text is None:
        return None
    items = tuple(dict.fromkeys(p.upper() for p in map(clean, _ID_SEPARATORS.split(text)) if p))
    return items or None


def _from_serial(serial: float) -> date | Invalid:
    try:
        serial = float(serial)
    except OverflowError:  # an int too large for a float (a crafted .xlsx can hold one)
        return Invalid("date_out_of_range")
    if not math.isfinite(serial):
        return Invalid("date")
    try:
        day = SERIAL_EPOCH + timedelta(days=int(serial))
    except OverflowError:
        return Invalid("date")
    return day if MIN_YEAR <= day.year <= MAX_YEAR else Invalid("date_out_of_range")


_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_SERIAL_TEXT = re.compile(r"^\d{4,6}(?:[.,]\d+)?$")


def parse_date(value: Any) -> date | Invalid | None:
    """Day-first, as written in Vietnam: `03/04/2023` is 3 April."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):  # a real date cell: the same year range as typed ones
        return value if MIN_YEAR <= value.year <= MAX_YEAR else Invalid("date_out_of_range")
    if isinstance(value, bool):
        return Invalid("date")
    if isinstance(value, (int, float)):
        return _from_serial(value)
    text = clean(str(value))
    if _SERIAL_TEXT.match(text):
        return _from_serial(float(text.replace(",", ".")))
    if m := _DAY_FIRST.match(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := _ISO.match(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        return Invalid("date")
    try:
        parsed = date(year, month, day)
    except ValueError:
        return Invalid("date_impossible")
    return parsed if MIN_YEAR <= parsed.year <= MAX_YEAR else Invalid("date_out_of_range")


_PLAIN = re.compile(r"^[+-]?\d+$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$")  # 1.200 and 1.234.567
_THOUSANDS_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+,\d+$")  # 1.234,5
_DECIMAL_COMMA = re.compile(r"^[+-]?\d*,\d+$")  # 72,5
_DECIMAL_DOT = re.compile(r"^[+-]?\d*\.\d+$")  # 72.5 (not followed by exactly three digits)


def parse_number(value: Any) -> float | Invalid | None:
    """`1200`, `1.200` (thousands), `72,5` and `72.5`; `khoảng 50` is not a guess."""
    if is_blank(value):
        return None
    if isinstance(value, bool) or isinstance(value, (date, datetime)):
        return Invalid("number")
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an int beyond any float
            return Invalid("number_too_large")
        return number if math.isfinite(number) else Invalid("number")
    text = clean(str(value)).replace(" ", "")  # clean() made every space (no-break ones too) " "
    if _PLAIN.match(text):
        return float(text)
    if _THOUSANDS.match(text):
        return float(text.replace(".", ""))
    if _THOUSANDS_DECIMAL.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _DECIMAL_COMMA.match(text):
        return float(text.replace(",", "."))
    if _DECIMAL_DOT.match(text):
        return float(text)
    return Invalid("number")


def parse_integer(value: Any) -> int | Invalid | None:
    number = parse_number(value)
    if number is None or isinstance(number, Invalid):
        return number
    if not float(number).is_integer():
        return Invalid("integer")
    if abs(number) > MAX_EXACT_INTEGER:  # would overflow the Int64 column
        return Invalid("number_too_large")
    return int(number)


def parse_year(value: Any) -> int | Invalid | None:
    if isinstance(value, (date, datetime)):
        return value.year
    number = parse_integer(value)
    if isinstance(number, int) and not MIN_YEAR <= number <= MAX_YEAR:
        return Invalid("year")
    return Invalid("year") if isinstance(number, Invalid) else number


_YES = {"co", "x", "✓", "✔", "yes", "y", "1", "true", "dung", "da dang ky", "roi"}
_NO = {"khong", "0", "no", "n", "false", "chua", "chua dang ky", "sai"}


def parse_yesno(value: Any) -> bool | Invalid:
    """Blank is no. A registration number (any text with a digit) is yes."""
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        # 0 is no; 1, and any other number (a registration number typed as a number), is yes
        if value == 0:
            return False
        finite = isinstance(value, int) or math.isfinite(value)  # a huge int is finite (and no float)
        return True if finite else Invalid("yesno")
    key = fold_ascii(str(value))
    if key in _YES:
        return True
    if key in _NO:
        return False
    return True if re.search(r"\d", key) else Invalid("yesno")


_DOC_WORDS = {
    c.DOC_DONE: ("đã có", "có", "x", "✓", "✔", "rồi", "xong", "ok", "đủ", "hoàn thành"),
    c.DOC_IN_PROGRESS: ("đang làm", "đang", "đang chuẩn bị", "đang thực hiện", "đang bổ sung"),
    c.DOC_MISSING: ("chưa có", "chưa", "không", "thiếu"),
    c.DOC_NA: ("không áp dụng", "kad", "n/a", "na", "-", "—", "không cần"),
}
_DOC_LOOKUP = {fold_ascii(word): status for status, words in _DOC_WORDS.items() for word in words}


def parse_doc_status(value: Any) -> str | Invalid:
    """Đã có / Đang làm / Chưa có (also blank) / Không áp dụng."""
    if is_blank(value):
        return c.DOC_MISSING
    if value is True:
        return c.DOC_DONE
    if value is False:
        return c.DOC_MISSING
    return _DOC_LOOKUP.get(fold_ascii(str(value))) or Invalid("doc_status")


_STARS_TEXT = re.compile(r"^([1-5])\s*(?:sao|\*|★|stars?)?$")


def parse_stars(value: Any) -> int | Invalid | None:
    """`3`, `3 sao`, `★★★` all read as 3."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return Invalid("stars")
    if isinstance(value, (int, float)):
        return int(value) if 1 <= value <= 5 and float(value).is_integer() else Invalid("stars")
    text = fold(str(value)).replace(" ", "")
    if text and set(text) <= {"★", "⭐", "*"} and len(text) <= 5:
        return len(text)
    if m := _STARS_TEXT.match(fold_ascii(str(value))):
        return int(m[1])
    return Invalid("stars")


def parse_code(value: Any) -> str | None:
    text = as_text(value)
    return text.upper().replace(" ", "_") if text else None


def stars_from_score(score: float | None) -> int | None:
    """The star band of a 100-point score."""
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return None
    return next(stars for low, stars in c.STAR_BANDS if score >= low)


PARSERS = {
    c.TEXT: parse_text, c.ID: parse_id, c.IDS: parse_ids, c.DATE: parse_date,
    c.NUMBER: parse_number, c.INTEGER: parse_integer, c.YEAR: parse_year,
    c.YESNO: parse_yesno, c.DOC_STATUS: parse_doc_status, c.STARS: parse_stars,
    c.CODE: parse_code,
}
