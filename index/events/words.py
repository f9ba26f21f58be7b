"""What one token, date or publication month of an article counts as for event grouping."""

from __future__ import annotations

import re
from functools import lru_cache

# Topic words say what kind of event it is; names, numbers and years say which one. The weights
# are round multipliers, not fitted: a distinguishing token counts as much as two topic words.
NAME_WEIGHT = 2.0
NUMBER_WEIGHT = 2.0
TITLE_WEIGHT = 2.0

_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_PUBLISHED = re.compile(r"(?:1[89]|20)\d\d-[01]\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are around as at be because been
    before being below between both but by can could did do does doing down during each even ever
    every few for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just last like made make many may me might more most much must my
    myself near new no nor not now of off on once one only or other our ours ourselves out over own
    per said same say says she should since so some still such than that the their theirs them
    themselves then there these they this those through to too two under until up upon us very
    was we were what when where which while who whom whose why will with within without would yet
    you your yours yourself according told tell tells news report reported reports reporting
    reuters ap afp cnn bbc via et al mr mrs ms dr monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow week year years time times people first
    don't didn't doesn't isn't wasn't can't won't it's he's she's that's""".split()
)


def _stem(word: str) -> str:
    """A light plural/possessive stripper: 'quakes' and 'quake' are one feature, 'news' stays."""
    for suffix in ("'s", "\u2019s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=100_000)
def word_feature(lower: str) -> str:
    """The feature of a lowercased word, or "" for stopwords and one-letter words (cached)."""
    if lower in STOPWORDS:
        return ""
    word = _stem(lower)
    return "" if len(word) < 2 or word in STOPWORDS else word


def number_feature(token: str) -> tuple[str, float]:
    """The feature of a number and its kind weight: '1,500' and '1500' are one number, a year
    weighs as a name, and a lone digit (3 dead, 2 ships) is too common to tell events apart."""
    if _THOUSANDS.fullmatch(token):
        token = token.replace(",", "")
    feature = "#" + token
    if _YEAR.fullmatch(token):
        return feature, NAME_WEIGHT
    return feature, NUMBER_WEIGHT if len(feature) > 2 else 1.0


_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES.split())}
_MONTHS.update({name[:3]: n for name, n in _MONTHS.items()})
_MONTHS["sept"] = 9
# Every month name a date can use starts with one of these (capitalised) three letters: a text
# holding none of them holds no date, and skips the date scan
_MONTH_STARTS = tuple(name[:3].capitalize() for name in _MONTH_NAMES.split())
# one scan for any of them (a token is classified once, but a corpus has ~100,000 distinct ones)
_MONTH_START = re.compile("|".join(_MONTH_STARTS))
_DATE = re.compile(
    r"\b(?:(?P<m1>[A-Z][a-z]{2,8})\.? (?P<d1>[0-3]?\d)(?!\d)"
    r"|(?P<d2>[0-3]?\d) (?P<m2>[A-Z][a-z]{2,8})\b)"
)


def may_hold_month(token: str) -> bool:
    """False when no date can use ``token``'s letters: a text none of whose tokens may hold a
    month holds no date (a month's first three letters are always inside one token)."""
    return _MONTH_START.search(token) is not None


def dates(text: str) -> list[str]:
    """'March 3' / '3 March' / 'Mar. 3' as one feature: the day of an event tells events apart."""
    if not any(start in text for start in _MONTH_STARTS):
        return []
    found = []
    for m in _DATE.finditer(text):
        month = _MONTHS.get((m.group("m1") or m.group("m2")).lower())
        day = int(m.group("d1") or m.group("d2"))
        if month and 1 <= day <= 31:
            found.append(f"@{month}-{day}")
    return found


def published_month(published: str | None) -> str:
    """Reports of one event appear within days of each other: the month of publication is a date
    the reports share even when the text never states the year ("" when it is not known)."""
    match = _PUBLISHED.match(published or "")
    return "@pub-" + match.group() if match else ""
