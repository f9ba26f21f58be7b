"""Sorting and filtering a list of events: the facts of each, a typed filter, sort keys."""

from __future__ import annotations

import re
import shlex
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import get_args

from index.base import Article, Comparison, ConflictType, Event, NewsreaderError

CONFLICT_TYPES: tuple[str, ...] = get_args(ConflictType)  # one list: the model's
SORTS = ("conflicts", "reports", "date", "title")
"""Sort keys: most conflicts, most reports, newest first; titles A to Z."""


class FilterError(NewsreaderError):
    """An events filter (typed, or a CLI option) cannot be read; names the term."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"bad filter {text!r}: {reason}")
        self.text = text
        self.reason = reason


_RELATIVE = re.compile(r"^(?:last|past)\s+(\d+)\s+(day|week|month)s?$")
_SPANS = {"day": 1, "week": 7, "month": 30}


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What the filter and the sort look at: outlets, report dates, and the conflicts by type
    (None until the event's reports were compared; {} for a single report)."""

    event: Event
    outlets: tuple[str, ...]
    dates: tuple[str, ...]  # the reports' ISO dates (YYYY-MM-DD), known ones only
    conflicts: dict[str, int] | None = None

    @property
    def reports(self) -> int:
        """How many reports the event has."""
        return len(self.event.article_ids)

    @property
    def conflict_count(self) -> int:
        """Conflicts of every type (0 while not compared)."""
        return sum((self.conflicts or {}).values())


def event_facts(
    event: Event, articles: Sequence[Article], comparison: Comparison | None = None
) -> EventFacts:
    """The facts of ``event`` from its ``articles`` and, once compared, its ``comparison``."""
    outlets = tuple(sorted({a.source for a in articles if a.source}))
    dates = tuple(sorted(a.published[:10] for a in articles if a.published))
    conflicts: dict[str, int] | None = None
    if comparison is not None:
        conflicts = dict(Counter(c.type for link in comparison.links for c in link.conflicts))
    elif len(event.article_ids) < 2:
        conflicts = {}  # nothing to compare: no conflict, known without a comparison
    return EventFacts(event, outlets, dates, conflicts)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to keep; every given condition must hold. ``conflicts`` names conflict
    types ("any" for at least one of any type); ``words`` must all be in the title."""

    outlets: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    conflicts: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    sort: str | None = None  # a sort asked for inside the typed filter (sort:reports)
    text: str = field(default="", compare=False)  # as typed, to show it back

    @property
    def needs_comparisons(self) -> bool:
        """Whether deciding needs every event's conflicts (so its comparison)."""
        return bool(self.conflicts) or self.sort == "conflicts"

    def keeps(self, facts: EventFacts) -> bool | None:
        """True or False; None when only the conflicts, not yet counted, would decide."""
        title = facts.event.title.casefold()
        if any(word not in title for word in self.words):
            return False
        if self.outlets and not any(
            wanted in outlet.casefold() for wanted in self.outlets for outlet in facts.outlets
        ):
            return False
        if self.since or self.until:
            lo, hi = self.since or date.min, self.until or date.max
            if not any(lo <= d <= hi for d in _dates(facts.dates)):
                return False
        if self.conflicts:
            if facts.conflicts is None:
                return None
            found = facts.conflicts
            return any(
                (kind == "any" and sum(found.values()) > 0) or found.get(kind, 0) > 0
                for kind in self.conflicts
            )
        return True


def _dates(values: Iterable[str]) -> list[date]:
    out = []
    for value in values:
        try:
            out.append(date.fromisoformat(value))
        except ValueError:
            continue  # a malformed date of a report is unknown, not an error
    return out


def parse_date(text: str, today: date) -> date:
    """An ISO date (2024-10-01, 2024-10, 2024) or today / yesterday; FilterError otherwise."""
    value = text.strip().casefold()
    if value == "today":
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    for pattern, fill in (
        (r"\d{4}-\d{2}-\d{2}", ""),
        (r"\d{4}-\d{2}", "-01"),
        (r"\d{4}", "-01-01"),
    ):
        if re.fullmatch(pattern, value):
            try:
                return date.fromisoformat(value + fill)
            except ValueError:
                break
    raise FilterError(text, "not a date (use YYYY-MM-DD, YYYY-MM, today or yesterday)")


def parse_filter(text: str, today: date) -> EventFilter:
    """The typed filter: ``outlet:NAME``, ``since:DATE``, ``until:DATE``, ``conflict:TYPE``
    (or ``conflict:any``), ``sort:KEY``, ``last week`` / ``last N days`` / ``last month`` /
    ``today``, and plain words the title must contain. FilterError names a bad term."""
    relative = _relative_phrase(text, today)
    try:
        tokens = shlex.split(relative[0])
    except ValueError as error:  # an unclosed quote
        raise FilterError(text, str(error).lower()) from None
    result = EventFilter(since=relative[1], text=text.strip())
    for token in tokens:
        try:
            result = _apply(result, token, today)
        except FilterError as error:
            where = "" if token == text.strip() else f"{token}: "
            raise FilterError(text, where + error.reason) from None
    return result


def _relative_phrase(text: str, today: date) -> tuple[str, date | None]:
    """Take 'last week', 'last 3 days', 'last month', 'today' out of the text, as a since-date."""
    phrases = {"last week": 7, "this week": today.weekday(), "last month": 30, "today": 0}
    lowered = text.casefold()
    for phrase, days in phrases.items():
        if re.search(rf"\b{phrase}\b", lowered):
            rest = re.sub(rf"\b{phrase}\b", " ", lowered)
            return rest, today - timedelta(days=days)
    found = re.search(r"\b(?:last|past)\s+\d+\s+(?:day|week|month)s?\b", lowered)
    if found:
        match = _RELATIVE.match(found.group(0))
        assert match is not None
        days = int(match.group(1)) * _SPANS[match.group(2)]
        return lowered[: found.start()] + " " + lowered[found.end() :], today - timedelta(days)
    return text, None


def _apply(result: EventFilter, token: str, today: date) -> EventFilter:
    name, sep, value = token.partition(":")
    if not sep:
        return replace(result, words=(*result.words, token.casefold()))
    name, value = name.casefold(), value.strip()
    if not value:
        raise FilterError(token, "has no value")
    if name in ("outlet", "source"):
        return replace(result, outlets=(*result.outlets, value.casefold()))
    if name in ("since", "after", "from"):
        return replace(result, since=parse_date(value, today))
    if name in ("until", "before", "to"):
        return replace(result, until=parse_date(value, today))
    if name in ("conflict", "has"):
        kind = value.casefold()
        if kind in ("conflict", "conflicts"):
            kind = "any"
        if kind not in (*CONFLICT_TYPES, "any"):
            known = ", ".join((*CONFLICT_TYPES, "any"))
            raise FilterError(token, f"no conflict type {value!r} (one of {known})")
        return replace(result, conflicts=(*result.conflicts, kind))
    if name == "sort":
        if value.casefold() not in SORTS:
            raise FilterError(token, f"cannot sort by {value!r} (one of {', '.join(SORTS)})")
        return replace(result, sort=value.casefold())
    raise FilterError(
        token, f"unknown field {name!r} (outlet:, since:, until:, conflict:, sort:, or words)"
    )


def sort_facts(facts: Sequence[EventFacts], key: str | None) -> list[EventFacts]:
    """``facts`` sorted by ``key`` (SORTS; None keeps the given order). Ties keep the given
    order; an event whose conflicts are not counted yet sorts after the counted ones."""
    if key is None:
        return list(facts)
    if key == "conflicts":
        return sorted(facts, key=lambda f: (f.conflicts is None, -f.conflict_count))
    if key == "reports":
        return sorted(facts, key=lambda f: -f.reports)
    if key == "date":
        # newest first; events without a known date last
        dated = sorted((f for f in facts if f.dates), key=lambda f: f.dates[-1], reverse=True)
        return dated + [f for f in facts if not f.dates]
    if key == "title":
        return sorted(facts, key=lambda f: f.event.title.casefold())
    raise FilterError(key, f"cannot sort by {key!r} (one of {', '.join(SORTS)})")
