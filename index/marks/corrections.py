"""Corrections the reader makes to the grouping (merge, move, split), applied to fresh events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from index.base.models import Event
from index.events.group import clean_title, event_id

Kind = Literal["merge", "move", "split"]
KINDS: tuple[Kind, ...] = ("merge", "move", "split")


@dataclass(frozen=True)
class Correction:
    """One correction, named by article ids (event ids change whenever membership does):

    - ``merge``: the events holding ``articles[0]`` and ``target`` become one;
    - ``move``: ``articles`` leave their events for the event holding ``target``;
    - ``split``: ``articles`` leave their events and form a new one (``target`` is None).
    """

    kind: Kind
    articles: tuple[str, ...]
    target: str | None = None
    id: int = 0  # the store's row id; corrections apply in id order


@dataclass(frozen=True)
class Corrected:
    """Events after corrections, which events they touched, and corrections that no longer
    apply (an article they name is gone from the corpus): skipped, never an error."""

    events: tuple[Event, ...]
    corrected: frozenset[str]  # ids of events a correction made or changed
    stale: tuple[Correction, ...]


def apply_corrections(
    events: Sequence[Event],
    corrections: Iterable[Correction],
    report_titles: Mapping[str, str] | None = None,
) -> Corrected:
    """The grouping ``events`` with ``corrections`` applied in order (by id).

    ``report_titles`` (the reports' titles by id) names an event split off by its first report,
    so it does not read as the event it left; without them it keeps that event's title.

    Article ids are the anchor, so a correction follows a report whose file was edited (its id
    is its path) and survives a regrouping that changes event ids. A correction naming an
    article that is no longer in any event is stale and skipped whole. An event left empty
    disappears; a changed event gets the id of its new members (as the grouping would name it)
    and keeps the title of its largest original part.
    """
    members: dict[int, list[str]] = {}
    titles: dict[int, str] = {}
    where: dict[str, int] = {}
    for k, event in enumerate(events):
        members[k] = list(event.article_ids)
        titles[k] = event.title
        for aid in event.article_ids:
            where[aid] = k
    touched: set[int] = set()
    stale: list[Correction] = []
    fresh = len(events)
    for c in sorted(corrections, key=lambda c: c.id):
        named = [*c.articles, *([c.target] if c.target is not None else [])]
        if not c.articles or any(a not in where for a in named):
            stale.append(c)
            continue
        if c.kind == "merge":
            into, other = where[c.target or c.articles[0]], where[c.articles[0]]
            if into == other:
                continue
            if len(members[other]) > len(members[into]):
                titles[into] = titles[other]  # the larger part names the merged event
            for aid in members.pop(other):
                members[into].append(aid)
                where[aid] = into
            touched.add(into)
            continue
        if c.kind == "move":
            into = where[c.target or ""]
        else:  # split
            into, fresh = fresh, fresh + 1
            members[into] = []
            own = (report_titles or {}).get(c.articles[0])
            titles[into] = clean_title(own) if own else titles[where[c.articles[0]]]
        for aid in dict.fromkeys(c.articles):
            source = where[aid]
            if source == into:
                continue
            members[source].remove(aid)
            touched.add(source)
            if not members[source]:
                del members[source]
            members[into].append(aid)
            where[aid] = into
        touched.add(into)
    out = []
    corrected = set()
    for k, ids in members.items():
        if k not in touched:
            out.append(events[k])
            continue
        ordered = tuple(sorted(ids))
        event = Event(event_id(ordered), titles[k], ordered)
        if k < len(events) and events[k].article_ids == ordered:
            event = events[k]  # moved away and back: unchanged
        else:
            corrected.add(event.id)
        out.append(event)
    out.sort(key=lambda e: (-len(e.article_ids), e.id))
    return Corrected(tuple(out), frozenset(corrected), tuple(stale))
