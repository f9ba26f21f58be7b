"""Group the articles that report the same real-world event, with stable ids and short titles."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from index.base.models import Article, Event
from index.events.divide import specific_cut, split_events
from index.events.features import Compact, article_terms, pack_terms, unpack_terms, weigher
from index.events.linkage import relative_average_link
from index.events.neighbours import Dense, nearest_neighbours, vocabulary_size

# Clusters are compared only when some member of one is among the nearest neighbours of some
# member of the other. This is for speed: the grouping is the same for any k from 5 to 20 on ECB+.
NEIGHBOURS = 10
# Below this cosine two reports share only incidental vocabulary (a few common words); such pairs
# are never edges, so unrelated reports stay alone instead of pairing up with their least-bad match.
RELATED = 0.1
TITLE_CHARS = 70
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def event_id(article_ids: Sequence[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()
    return "ev-" + digest[:10]


def shorten(title: str, limit: int = TITLE_CHARS) -> str:
    """A title cut at a word boundary to at most ``limit`` characters, with an ellipsis if cut."""
    # titles are untrusted text: no control characters (terminal escapes) survive into a title
    title = " ".join(_CONTROL.sub("", title).split())
    if len(title) <= limit:
        return title
    head = title[: limit - 1].rsplit(" ", 1)[0] if " " in title[: limit - 1] else title[: limit - 1]
    return head.rstrip(" ,;:-") + "\u2026"


def _central(members: list[int], vectors: Sequence[Compact], total: Dense) -> int:
    """The member closest to the others (highest cosine with their sum; the first id on ties).
    ``total`` is scratch space for the sum."""
    total.load(vectors[members[0]])
    for i in members[1:]:
        total.add(vectors[i])
    return max(members, key=lambda i: (total.dot(vectors[i]), -i))


def group_events(articles: Sequence[Article]) -> list[Event]:
    """Partition the articles into events; every article is in exactly one (singletons allowed).

    Deterministic and independent of input order; events sorted by size (largest first), then id.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    if not ordered:
        return []
    # packed: the terms of every article stay alive until the divisive check, next to the vectors
    canon: dict[str, str] = {}
    terms = [pack_terms(article_terms(a), canon) for a in ordered]
    del canon
    vocabulary, weigh = weigher(terms)
    cut = specific_cut(terms)
    # each row gives its vector and is replaced by its specific terms at once: the full rows
    # are freed as the vectors are made, not all held next to all of the vectors
    vectors = []
    for i, row in enumerate(terms):
        vectors.append(weigh(row))
        terms[i] = cut(row)
    del weigh, cut
    graph = nearest_neighbours(vectors, NEIGHBOURS, RELATED)
    clusters = []
    for merged in relative_average_link(vectors, graph):
        # agglomeration joins look-alike events that share most names; the divisive check
        # looks inside each group at the names that are specific to part of it
        merged.sort()
        member_ids = [ordered[i].id for i in merged]
        whole = [{vocabulary[t]: w for t, w in zip(*vectors[i], strict=True)} for i in merged]
        own = [unpack_terms(terms[i]) for i in merged], whole
        for part in split_events(member_ids, *own):
            clusters.append([merged[i] for i in part])
    events = []
    scratch = Dense(vocabulary_size(vectors))
    for members in clusters:
        members.sort()
        ids = tuple(ordered[i].id for i in members)
        head = ordered[_central(members, vectors, scratch)]
        title = shorten(head.title or head.id)
        events.append(Event(id=event_id(ids), title=title, article_ids=ids))
    events.sort(key=lambda e: (-len(e.article_ids), e.id))
    return events
