"""Read a plain-text report's publication date from a dateline near its top.

Saved reports often carry their date on a line of its own under the headline ("December 15th,
2008, 7:35 am", "Thursday, December 11, 2008", "Published on: Fri, 11 Nov 2011 at 09:56 IST",
"16 December 2008 13:45"). Relative days in the text ("on Thursday", "last Friday") are
resolved against it. Only a line that is a date and nothing else counts, so a sentence that
mentions a date never becomes the report's own date; numeric dates (12/11/08) are left alone,
their order of day and month cannot be told.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["dateline_date"]

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        )
    )
    for m in names.split()
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r",?\s+(?P<year>(?:19|20)\d\d)"
_PREFIX = r"(?:(?:published|posted|updated|last\s+updated|first\s+published)(?:\s+on)?\s*:?\s*)?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
    r"(?:\s*\|.*)?"  # "| 3 min read" and the like after the date
)
_LINES_FORMS = tuple(
    re.compile(rf"^\s*(?:on\s+)?{_PREFIX}{_WEEKDAY}{form}{_YEAR}{_TIME}\s*[.:]?\s*$", re.IGNORECASE)
    for form in (rf"{_MONTH}\s+{_DAY}", rf"{_DAY}\s+{_MONTH}")  # December 15th / 16 December
)
_ISO = re.compile(r"^\s*" + _PREFIX + r"(?P<iso>(?:19|20)\d\d-\d\d-\d\d)(?:[T ][\d:.+Z-]*)?\s*$")
_LONGEST = 80  # a dateline is short; anything longer is a sentence
_LINES = 5  # it stands under the headline, among the first few lines


def dateline_date(text: str) -> str | None:
    """The ISO date of the first dateline among a report's first lines, or None."""
    seen = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        seen += 1
        if seen > _LINES:
            break
        if len(line) <= _LONGEST and (found := _date_of(line)) is not None:
            return found
    return None


def _date_of(line: str) -> str | None:
    iso = _ISO.match(line)
    if iso is not None:
        try:
            return dt.date.fromisoformat(iso.group("iso")).isoformat()
        except ValueError:
            return None
    m = next((m for form in _LINES_FORMS if (m := form.match(line)) is not None), None)
    if m is None:
        return None
    month = _MONTHS.get(m.group("month").lower().rstrip("."))
    if month is None:
        return None
    try:
        return dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
    except ValueError:  # "February 30, 2008"
        return None
