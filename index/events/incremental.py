"""Regrouping after a few articles changed: only the events the changes reach are grouped again.

The last grouping (its events and each article's content) is the base. An added or changed
article is placed by its nearest neighbours among all the articles (the same search as a full
grouping, over the whole corpus's TF-IDF, so with today's IDF); the events those neighbours
belong to, the events that lost a member, and the events of any source family that changed are
*touched*. Their members and the new articles are grouped again by the full grouping's steps
(neighbours, average link, divisive check) inside that set; every other event is kept as it was,
same id and title. What this gives up: an untouched event is not re-weighed with the new IDF, and
a new article never makes an untouched event join another. The drift is bounded: after
DRIFT_SHARE of the corpus changed since the last full grouping, the next one is full again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from index.base.models import Article, Event
from index.events.collapse import representative
from index.events.copies import Family
from index.events.features import Matrix
from index.events.group import NEIGHBOURS, RELATED, event_id, group_matrix
from index.events.neighbours import neighbours_of

# Below this many articles a full grouping takes about a second: it is always done
INCREMENTAL_MIN = 2000
# A regrouping is incremental while the articles changed since the last full grouping (added,
# changed or removed, summed over the incremental ones) are at most this share of the corpus
DRIFT_SHARE = 0.05


@dataclass(frozen=True)
class Base:
    """The last grouping: its events, the content hash of each article it grouped, and how many
    articles changed since the last full grouping (``drift``)."""

    events: tuple[Event, ...]
    contents: Mapping[str, str]
    drift: int


@dataclass(frozen=True)
class Delta:
    fresh: frozenset[str]  # ids added or whose content changed
    gone: frozenset[str]  # ids removed or whose content changed

    @property
    def size(self) -> int:
        return len(self.fresh | self.gone)


def delta(base: Base, contents: Mapping[str, str]) -> Delta:
    fresh = frozenset(i for i, h in contents.items() if base.contents.get(i) != h)
    gone = frozenset(i for i, h in base.contents.items() if contents.get(i) != h)
    return Delta(fresh, gone)


def worth(base: Base, change: Delta) -> bool:
    """True when ``change`` to ``base`` is regrouped incrementally."""
    n = len(base.contents)
    return n >= INCREMENTAL_MIN and base.drift + change.size <= DRIFT_SHARE * n


def regroup_near(
    base: Base,
    articles: Sequence[Article],
    families: Sequence[Family],
    change: Delta,
    collected: tuple[list[str], list[str], Matrix],
) -> list[Event] | None:
    """The events of ``articles`` after ``change`` to ``base``; ``collected`` is the matrix of
    the families' representatives (``collect``). None when the result would not be a partition
    of the articles (the caller then groups in full)."""
    ids, titles, matrix = collected
    by_id = {a.id: a for a in articles}
    row_of = {i: r for r, i in enumerate(ids)}
    rep_of: dict[str, str] = {}
    for family in families:
        rep = representative(family, by_id).id
        for member in family.articles:
            rep_of[member] = rep
    event_of = {a: e for e, event in enumerate(base.events) for a in event.article_ids}
    touched = {event_of[g] for g in change.gone if g in event_of}
    # the new articles' nearest neighbours, searched among all the rows
    new_rows = sorted({row_of[rep_of[f]] for f in change.fresh})
    _, near = neighbours_of(matrix, np.asarray(new_rows, dtype=np.int64), NEIGHBOURS, RELATED)
    for j in set(near.tolist()):
        e = event_of.get(ids[j])
        if e is not None and ids[j] not in change.fresh:
            touched.add(e)
    _touch_families(families, change, event_of, touched)
    local = {row_of[rep_of[f]] for f in change.fresh}
    for e in touched:
        local.update(row_of[rep_of[m]] for m in base.events[e].article_ids if m in rep_of)
    rows = sorted(local)
    sub = matrix.subset(rows)
    regrouped = group_matrix([ids[r] for r in rows], [titles[r] for r in rows], sub)
    members: dict[str, list[str]] = {}
    for member, rep in rep_of.items():
        members.setdefault(rep, []).append(member)
    events = [e for n, e in enumerate(base.events) if n not in touched]
    for event in regrouped:
        if all(len(members[i]) == 1 for i in event.article_ids):
            events.append(event)
            continue
        full = tuple(sorted(x for rep in event.article_ids for x in members[rep]))
        events.append(Event(event_id(full), event.title, full))
    placed = [a for e in events for a in e.article_ids]
    if len(placed) != len(by_id) or set(placed) != by_id.keys():
        return None
    events.sort(key=lambda e: (-len(e.article_ids), e.id))
    return events


def _touch_families(
    families: Sequence[Family], change: Delta, event_of: Mapping[str, int], touched: set[int]
) -> None:
    """Add to ``touched`` the events of every family that gained an article or now spans more
    than one event of the base, and of every family spanning a touched event, until none is
    left (a family's members always end in one event)."""
    spans = []
    for family in families:
        if len(family.articles) < 2:
            continue
        events = {event_of[m] for m in family.articles if m in event_of and m not in change.fresh}
        if any(m in change.fresh for m in family.articles) or len(events) > 1:
            touched.update(events)
        spans.append(events)
    grew = True
    while grew:
        grew = False
        for events in spans:
            if events & touched and not events <= touched:
                touched.update(events)
                grew = True
