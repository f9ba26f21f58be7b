"""Find date expressions in news text and resolve them against the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# Case-sensitive on purpose: "may" the modal is lower case; "May 5" the month is not.
_DATE_RE = re.compile(
    rf"\b(?P<md>{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)(?!\d|:\d)"
    rf"|\b(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE}(?:,?\s+\d{{4}})?)\b"
    r"|\b(?P<iso>\d{4}-\d{2}-\d{2})\b"
    r"|\b(?P<wd>(?:(?:[Ll]ast|[Tt]his|[Nn]ext)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)" + _PART + r")\b"
    r"|\b(?P<rel>[Yy]esterday" + _PART + r"|[Tt]oday|[Tt]onight|[Tt]his\s+(?:morning|afternoon"
    r"|evening)|[Ll]ast\s+night"
    r"|(?:[Ee]arlier\s+|[Ll]ater\s+|[Ll]ate\s+|[Ee]arly\s+)?(?:[Ll]ast|[Tt]his)\s+(?:week|month"
    r"|year)|(?:\d+|two|three|four|five|six|seven|ten)\s+(?:days|weeks|months)\s+ago)\b"
    rf"|\b(?:in\s+)(?P<mo>{_MONTH_RE}(?:\s+\d{{4}})?)\b(?!\s+\d)",
)


@dataclass(frozen=True)
class DateMention:
    """A date expression; ``text == source[start:end]``. Resolved range when the base is known."""

    start: int
    end: int
    text: str
    start_date: date | None  # first day the expression can mean
    end_date: date | None  # last day it can mean
    weekday: int | None = None  # 0 = Monday, when the expression names or implies one
    month: int | None = None  # month and day when written without a year and no base
    day: int | None = None


def _base(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
    except ValueError:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published.strip())
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
        except ValueError:
            return None  # "2024-13-45": no usable base, so relative dates stay unresolved


@lru_cache(maxsize=4096)
def _parse(span: str, base: date | None) -> tuple[date, str] | None:
    """dateparser on a span we found, never a sentence: (date, period) or None."""
    from dateparser.date import DateDataParser  # imported lazily: it is slow to import

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(span)
    except Exception:  # noqa: BLE001 - a third-party parser on untrusted text must not crash us
        return None
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _period_range(d: date, period: str) -> tuple[date, date]:
    if period == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    if period == "month":
        first = d.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first, nxt - timedelta(days=1)
    if period == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    return d, d


def _weekday_range(name: str, base: date) -> tuple[date, date]:
    """The last such weekday up to the publication day; the day itself stays possible."""
    low = name.lower()
    target = next(i for i, w in enumerate(_WEEKDAYS) if w in low)
    back = (base.weekday() - target) % 7
    if low.startswith("next"):
        ahead = (target - base.weekday()) % 7 or 7
        d = base + timedelta(days=ahead)
        return d, d
    if low.startswith("last") and back == 0:
        back = 7
    # "on Monday" in a Monday article means today: news says "last Monday" for a week ago.
    d = base - timedelta(days=back)
    return d, d


def _relative_range(low: str, base: date) -> tuple[date, date] | None:
    low = " ".join(low.split())
    monday = base - timedelta(days=base.weekday())
    if low.startswith(("earlier this", "this", "early this", "late this")):
        if low.endswith("week"):
            return monday, base
        if low.endswith("month"):
            return base.replace(day=1), base
        if low.endswith("year"):
            return date(base.year, 1, 1), base
        return base, base  # this morning / afternoon / evening
    if low in ("today", "tonight"):
        return base, base
    if low == "last night":
        return base - timedelta(days=1), base
    parsed = _parse(re.sub(r"^(?:earlier|later|late|early)\s+", "", low), base)
    if parsed is None:
        return None
    return _period_range(*parsed)


@lru_cache(maxsize=2048)
def _extract(text: str, published: str | None) -> tuple[DateMention, ...]:
    base = _base(published)
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        kind = m.lastgroup
        start, end = (m.start("mo"), m.end("mo")) if kind == "mo" else (m.start(), m.end())
        try:
            out.append(_mention(kind, text[start:end], start, end, base))
        except (OverflowError, ValueError):  # a base in year 1 or 9999: keep the words only
            out.append(DateMention(start, end, text[start:end], None, None))
    return tuple(out)


def _mention(kind: str | None, span: str, start: int, end: int, base: date | None) -> DateMention:
    """One found expression, resolved to a day range when the base (or its year) allows."""
    rng: tuple[date, date] | None = None
    weekday = month = day = None
    if kind == "wd":
        weekday = next(i for i, w in enumerate(_WEEKDAYS) if w in span.lower())
        if base is not None:
            rng = _weekday_range(span, base)
    elif kind == "rel":
        if base is not None:
            rng = _relative_range(span.lower(), base)
    else:
        clean = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", span)
        if (exact := _exact_day(clean)) is not None:
            rng = (exact, exact)  # "December 9, 2008", "2008-12-09": no parser needed
        elif base is not None and kind in ("md", "dm") and (near := _nearest_day(clean, base)):
            rng = (near, near)
        elif base is not None or re.search(r"\d{4}", clean):
            parsed = _parse(clean, base)
            rng = _period_range(*parsed) if parsed is not None else None
        month_name = re.search(r"[A-Za-z]{3}", clean)
        day_number = re.search(r"\b(\d{1,2})\b", clean)
        if rng is None and kind in ("md", "dm") and month_name and day_number:
            month, day = _MONTHS[month_name.group().lower()], int(day_number.group(1))
        elif rng is None and kind == "mo" and month_name:
            month = _MONTHS[month_name.group().lower()]  # "in December": the month, no day
    if rng is not None and rng[0] == rng[1] and not re.search(r"week|month|year", span, re.I):
        weekday = rng[0].weekday()  # a single named or implied day
    return DateMention(
        start, end, span, rng[0] if rng else None, rng[1] if rng else None, weekday, month, day
    )


def _nearest_day(span: str, base: date) -> date | None:
    """A month and day without a year: the one nearest the publication date, before or after
    it ("scheduled for December 15" in a September report is this December, "on December 30"
    in a January report the last one)."""
    month_name = re.search(r"[A-Za-z]{3}", span)
    day_number = re.search(r"\b(\d{1,2})\b", span)
    if month_name is None or day_number is None or month_name.group().lower() not in _MONTHS:
        return None
    month, day = _MONTHS[month_name.group().lower()], int(day_number.group(1))
    days = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            days.append(date(year, month, day))
        except ValueError:  # February 29 of another year, "June 31"
            continue
    return min(days, key=lambda d: abs((d - base).days), default=None)


_FULL = re.compile(
    r"(?:(?P<m1>[A-Za-z]{3})[a-z]*\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3})[a-z]*\.?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))"
)


def _exact_day(span: str) -> date | None:
    """A day written in full (month, day and year): read directly, dateparser is slow."""
    m = _FULL.fullmatch(span.strip())
    if m is None:
        return None
    try:
        if m.group("y3"):
            return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        month = _MONTHS.get((m.group("m1") or m.group("m2")).lower())
        day = int(m.group("d1") or m.group("d2"))
        return date(int(m.group("y1") or m.group("y2")), month, day) if month else None
    except ValueError:
        return None


def extract_dates(text: str, published: str | None) -> list[DateMention]:
    """Date expressions in ``text``, resolved to day ranges against ``published`` when possible."""
    return list(_extract(text, published))


def compatible(x: DateMention, y: DateMention) -> bool | None:
    """True if the two can mean the same day, False if they cannot, None if no evidence."""
    if x.start_date and x.end_date and y.start_date and y.end_date:
        return x.start_date <= y.end_date and y.start_date <= x.end_date
    if x.month is not None and y.month is not None:
        if x.day is None or y.day is None:
            return x.month == y.month  # "in December" holds any day of December
        return (x.month, x.day) == (y.month, y.day)
    for p, q in ((x, y), (y, x)):
        if p.month is not None and q.start_date and q.start_date == q.end_date:
            if p.day is None:  # "in September" holds September 15
                return p.month == q.start_date.month
            return (p.month, p.day) == (q.start_date.month, q.start_date.day)
    if x.weekday is not None and y.weekday is not None:
        x_day = x.start_date is None or x.start_date == x.end_date
        y_day = y.start_date is None or y.start_date == y.end_date
        if x_day and y_day:
            return x.weekday == y.weekday
    return None
