"""Grouping that counts a copied report once: copies follow their family's representative."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from index.base.models import Article, Event
from index.events.copies import Family, content_key, representative, source_families
from index.events.group import event_id
from index.events.group import group_events as group_distinct


def group_events(articles: Sequence[Article]) -> list[Event]:
    """Partition the articles into events; a copy always joins its original's event.

    The seam around the grouping: copies are found first (index/events/copies.py), one report
    per source family is grouped (index/events/group.py, which never sees a copy), and each
    event then takes back the copies of its members. Deterministic, independent of input order
    and of the ids: a folder with a copy of every report groups as the folder without them.
    """
    return group_with_families(articles, source_families(articles))


def group_with_families(articles: Sequence[Article], families: Sequence[Family]) -> list[Event]:
    """``group_events`` with the families already found."""
    by_id = {a.id: a for a in articles}
    # Each family is grouped under a name made of its representative's text, never of its ids:
    # the grouping's tie-breaks read ids, and a folder with a copy of every report must group
    # exactly as the folder without them.
    stand_in: dict[str, tuple[str, ...]] = {}
    chosen = []
    for family in families:
        rep = representative(family, by_id)
        key = content_key(rep)
        while key in stand_in:  # two families with one text (copies the detector missed)
            key += "+"
        stand_in[key] = family.articles
        # the title falls back to the id: the real one, not the stand-in name
        chosen.append(replace(rep, id=key, path=key, title=rep.title or rep.id))
    events = []
    for event in group_distinct(chosen):
        ids = tuple(sorted(x for key in event.article_ids for x in stand_in[key]))
        events.append(Event(event_id(ids), event.title, ids))
    events.sort(key=lambda e: (-len(e.article_ids), e.id))
    return events
