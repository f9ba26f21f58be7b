"""Grouping that counts a copied report once: copies follow their family's representative."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from index.base.models import Article, Event
from index.events.collect import gather
from index.events.copies import Family, source_families
from index.events.group import event_id, group_matrix
from index.events.group import group_events as group_distinct


def group_events(articles: Sequence[Article]) -> list[Event]:
    """Partition the articles into events; a copy always joins its original's event.

    The seam around the grouping: copies are found first (index/events/copies.py), one report
    per source family is grouped (index/events/group.py, which never sees a copy), and each
    event then takes back the copies of its members. Deterministic and independent of input
    order. A family of one is its article, unchanged, so a corpus without copies groups exactly
    as group.py alone; copies added to a corpus group it as without them whenever each family is
    represented by its original (see ``representative``).
    """
    # one pass over the texts makes both the terms and the shingles (in the worker processes
    # too); the matrix is then made of the families' representatives alone
    builder = gather(articles)
    families = source_families(articles, builder.sampled)

    def group(chosen: Sequence[Article]) -> list[Event]:
        return group_matrix(*builder.matrix(keep={a.id for a in chosen}))

    return group_with_families(articles, families, group)


def representative(family: Family, by_id: Mapping[str, Article]) -> Article:
    """The member grouped for its family: the origin, else the member whose id sorts first
    (the copies' text is the same, so only the id can choose; the grouping's shuffles are
    seeded by ids, which is why the representative keeps its own id and is never renamed)."""
    return by_id[representative_id(family)]


def representative_id(family: Family) -> str:
    """The id of ``representative``."""
    return family.origin if family.origin is not None else family.articles[0]


def group_with_families(
    articles: Sequence[Article],
    families: Sequence[Family],
    group: Callable[[Sequence[Article]], list[Event]] = group_distinct,
) -> list[Event]:
    """``group_events`` with the families already found; ``group`` groups the representatives
    (index/events/cache.py passes one that reuses the last grouping's terms)."""
    by_id = {a.id: a for a in articles}
    chosen = [representative(family, by_id) for family in families]
    del by_id  # not needed while ``group`` runs (100k: a dict of 100,000, ~5 MB)
    return with_copies(group(chosen), [f for f in families if len(f.articles) > 1])


def with_copies(grouped: Iterable[Event], copies: Sequence[Family]) -> list[Event]:
    """The events of the representatives ``grouped``, each with the copies of its members
    (``copies``: the families of two reports or more), sorted."""
    members = {representative_id(f): f.articles for f in copies}
    events = []
    for event in grouped:
        if not any(i in members for i in event.article_ids):
            events.append(event)  # no copy in it: exactly the grouping's event
            continue
        ids = tuple(sorted(x for rep in event.article_ids for x in members.get(rep, (rep,))))
        events.append(Event(event_id(ids), event.title, ids))
    events.sort(key=lambda e: (-len(e.article_ids), e.id))
    return events
