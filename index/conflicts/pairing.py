"""Pairs of mentions from different reports of an event, within groups of one key."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

from index.base.models import Article, Passage

T = TypeVar("T")
U = TypeVar("U")


def body_passages(
    articles: Sequence[Article], by_article: Mapping[str, Sequence[Passage]]
) -> tuple[dict[str, str], list[Passage]]:
    """Each report's body by id (the checks' spans are body offsets) and the event's passages
    of body text, headlines left out, report by report."""
    body = {a.id: a.body for a in articles}
    return body, [p for a in articles for p in by_article.get(a.id, ()) if not p.in_title]


def across_reports(
    groups: Mapping[str, Sequence[T]], report: Callable[[T], str], most: int
) -> Iterator[tuple[str, T, T]]:
    """(key, x, y) for every two mentions of one group that come from different reports. A
    group larger than ``most`` is a list or a generated text, not a thing the reports tell
    differently: skipped, so the work stays near linear whatever the event."""
    for key, found in groups.items():
        if len(found) > most:
            continue
        for i, x in enumerate(found):
            for y in found[i + 1 :]:
                if report(x) != report(y):
                    yield key, x, y


def opposed(
    passages: Sequence[Passage],
    one: Callable[[str], Sequence[T]],
    other: Callable[[str], Sequence[U]],
    most: int,
) -> Iterator[tuple[Passage, T, Passage, U]]:
    """(p, x, q, y): every mention ``one`` finds in a passage against every mention ``other``
    finds in a passage of another report ("played no role" against "was the last straw"). More
    mentions than ``most`` in the event are a list, not one story: none, so the work stays
    linear."""
    xs = [(p, x) for p in passages for x in one(p.text)]
    ys = [(q, y) for q in passages for y in other(q.text)]
    if len(xs) + len(ys) > most:
        return
    for p, x in xs:
        for q, y in ys:
            if q.article_id != p.article_id:
                yield p, x, q, y
