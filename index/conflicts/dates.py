"""Date conflicts: two aligned passages put the same action on days that cannot coincide."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from index.base.models import Conflict
from index.conflicts.clauses import clause_around, conflict, in_quote, similar_context, stem
from index.facts.dates import DateMention, compatible, extract_dates
from index.text.lexicon import SPEECH_VERBS, act_class, is_past

_WORDS = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=8192)
def _speech(text: str, d: DateMention) -> bool:
    """Is the date when something was said (not when it happened)? "said on Friday" vs
    "Reports emerged": the day of a statement and the day of an event are other facts."""
    before = _WORDS.findall(text[max(0, d.start - 40) : d.start])[-3:]
    after = _WORDS.findall(text[d.end : d.end + 40])[:3]
    if re.match(r"\s*[:,]", text[d.end :]) and re.fullmatch(r"\s*(?:[Oo]n\s+)?", text[: d.start]):
        # A label or opener ("Oct. 17: ... said", "On Sunday, X said"): the sentence's verb.
        sentence = re.split(r"\bthat\b|[.;]\s", text[d.end :], maxsplit=1)[0]
        after = _WORDS.findall(sentence)
    return any(w.lower() in SPEECH_VERBS for w in before + after)


_MAX_DATES = 12


@lru_cache(maxsize=8192)
def _clause_verb(text: str, d: DateMention) -> str | None:
    """Stem of the past-tense verb the date belongs to: the nearest one before it in its own
    clause ("the toll from the quake that hit the town rose to 11 on Thursday": rose), else the
    first after it, else the first of its sentence."""
    start = max(text.rfind(p, 0, d.start) for p in (". ", ", ", "; ")) + 1
    stops = [i for i in (text.find(p, d.end) for p in (". ", ", ", "; ")) if i >= 0]
    end = min(stops) if stops else len(text)
    before = [w for w in _WORDS.findall(text[start : d.start]) if is_past(w)]
    if before:
        return stem(before[-1].lower())
    for lo, hi in ((d.end, end), (max(text.rfind(". ", 0, d.start), 0), len(text))):
        for w in _WORDS.findall(text[lo:hi]):
            if is_past(w):
                return stem(w.lower())
    return None


_POSSESSIVE = re.compile(r"['\u2019]s\s+(?:[a-z-]+\s+)?([A-Za-z]+)")


def _possessed(text: str, d: DateMention) -> str | None:
    """Stem of the noun a possessive date owns ("Tuesday's vote": vote), else None. Such a date
    is the day of that thing, not of the clause's action ("hit a day before Tuesday's vote")."""
    m = _POSSESSIVE.match(text, d.end)
    return stem(m.group(1).lower()) if m else None


def _action(verb_stem: str) -> str:
    """ "struck", "hit" and "shook" the town are one quake (the shared act groups)."""
    return act_class(verb_stem)


def _other_action(a: str, x: DateMention, b: str, y: DateMention) -> bool:
    """ "She left on Thursday and has checked in" vs "checked in on Friday": the date on one
    side belongs to an action the other side also names, without that date."""
    va, vb = _clause_verb(a, x), _clause_verb(b, y)
    if va is None or vb is None or _action(va) == _action(vb):
        return False
    return _action(va) in _actions(b) or _action(vb) in _actions(a)


@lru_cache(maxsize=4096)
def _actions(text: str) -> frozenset[str]:
    return frozenset(_action(s) for s in _stems(text))


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w.lower()) for w in _WORDS.findall(text))


def _same_action(a: str, x: DateMention, b: str, y: DateMention) -> bool:
    va, vb = _clause_verb(a, x), _clause_verb(b, y)
    return va is not None and vb is not None and _action(va) == _action(vb)


def _attested(x: DateMention, others: Sequence[DateMention]) -> bool:
    """Does the other passage name x's day as well (for whatever action)?"""
    return any(compatible(x, y) for y in others)


_NEAR = 7  # days: two verbs for one act put it on days this close, not further


def _apart(x: DateMention, y: DateMention) -> int:
    """Days between two resolved dates or periods (0 when either is not resolved)."""
    if x.start_date is None or x.end_date is None or y.start_date is None or y.end_date is None:
        return 0
    return max((y.start_date - x.end_date).days, (x.start_date - y.end_date).days, 0)


def _describe(d: DateMention) -> str:
    text = " ".join(d.text.split())
    if d.start_date is None or d.end_date is None or d.start_date.isoformat() in text:
        return text
    if d.start_date == d.end_date:
        return f"{text} ({_day(d.start_date)})"
    return f"{text} ({_day(d.start_date)} to {_day(d.end_date)})"


def _day(d: date) -> str:
    return f"{d:%a} {d.isoformat()}"


def _day_level(text: str, d: DateMention) -> bool:
    return not in_quote(text, d.start) and not (d.month is not None and d.day is None)


# The small hours are told as either day: "on Thursday night" and "early Friday, around 1:30
# a.m." can be one night. Only a clock hour says so ("before dawn on Tuesday" against "late on
# Monday" stays two days: nothing says the hour).
_SMALL_HOURS = re.compile(r"\b[1-4](?::\d\d)?\s*a\.?m\b", re.I)
_NIGHT = re.compile(r"\b(?:night|late|evening)\b", re.I)


def _later_by_a_day(x: DateMention, y: DateMention) -> bool:
    if x.start_date and y.start_date and x.start_date == x.end_date and y.start_date == y.end_date:
        return (y.start_date - x.start_date).days == 1
    return x.weekday is not None and y.weekday is not None and (y.weekday - x.weekday) % 7 == 1


def _same_night(a: str, x: DateMention, b: str, y: DateMention) -> bool:
    """Is one the night of a day and the other the small hours of the next?"""
    for (ta, p), (tb, q) in (((a, x), (b, y)), ((b, y), (a, x))):
        if _later_by_a_day(p, q):
            night = ta[max(0, p.start - 12) : p.end + 12]
            small = tb[max(0, q.start - 20) : q.end + 40]
            return bool(_NIGHT.search(night) and _SMALL_HOURS.search(small))
    return False


@lru_cache(maxsize=8192)
def _day_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    """The day-level dates of a passage, once per text (a passage is on many links)."""
    return tuple(d for d in extract_dates(text, published) if _day_level(text, d))[:_MAX_DATES]


def date_conflicts(
    a: str, b: str, published_a: str | None, published_b: str | None
) -> list[Conflict]:
    """The first pair of dates about the same action that cannot mean the same day."""
    # "tonight" inside a quote is the speaker's night, not the publication day's.
    # Passages are sentences; a pathological wall of text is capped, not compared pairwise.
    # A bare month ("in August") dates too many acts to hold one sentence pair against; the
    # event's fact table compares months by the act they date.
    da, db = _day_dates(a, published_a), _day_dates(b, published_b)
    if not da or not db:
        return []
    context = {id(d): clause_around(a, d.start, d.end) for d in da}
    context.update({id(d): clause_around(b, d.start, d.end) for d in db})
    clashes: list[tuple[DateMention, DateMention]] = []
    agreed_a: set[int] = set()
    agreed_b: set[int] = set()
    for x in da:
        for y in db:
            verdict = compatible(x, y)
            if verdict is None or not similar_context(context[id(x)], context[id(y)]):
                continue
            if _speech(a, x) != _speech(b, y) or _other_action(a, x, b, y):
                continue
            if not verdict and _apart(x, y) > _NEAR and not _same_action(a, x, b, y):
                # "ruled on Tuesday" / "voted on Monday" may be one act told two ways; "passed
                # last week" / "signed on March 11", weeks apart, are two acts of a story.
                continue
            if _possessed(a, x) != _possessed(b, y):
                continue  # "Tuesday's vote" dates the vote; "hit on Monday" dates the storm
            if verdict or _same_night(a, x, b, y):
                agreed_a.add(id(x))
                agreed_b.add(id(y))
            else:
                clashes.append((x, y))
    for x, y in clashes:
        # A date that matches a date on the other side is about that action, not this one.
        if id(x) in agreed_a or id(y) in agreed_b:
            continue
        if not _same_action(a, x, b, y) and (_attested(x, db) or _attested(y, da)):
            # "fell on Tuesday" vs "opened an inquiry on Wednesday into the fall on Tuesday":
            # the other report names this day too, so the two days are two acts, not a clash.
            continue
        return [
            conflict(
                "date",
                a,
                (x.start, x.end),
                b,
                (y.start, y.end),
                f"Dates differ: {_describe(x)} vs {_describe(y)}",
            )
        ]
    return []
