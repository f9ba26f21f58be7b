"""Group the articles that report the same real-world event, with stable ids and short titles."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from index.features import tfidf_vectors
from index.linkage import relative_average_link
from index.models import Article, Event
from index.neighbours import Graph, nearest_neighbours

NEIGHBOURS = 10  # a report's neighbourhood: about the size of a well-covered event
# Below this cosine two reports share only incidental vocabulary (a few common words); such pairs
# are never edges, so unrelated reports stay alone instead of pairing up with their least-bad match.
RELATED = 0.1
TITLE_CHARS = 70


def similarity_graph(articles: Sequence[Article]) -> Graph:
    """Each article linked to its nearest neighbours by the cosine of their weighted TF-IDF."""
    return nearest_neighbours(tfidf_vectors(articles), NEIGHBOURS, RELATED)


def event_id(article_ids: Sequence[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()
    return "ev-" + digest[:10]


def shorten(title: str, limit: int = TITLE_CHARS) -> str:
    """A title cut at a word boundary to at most ``limit`` characters, with an ellipsis if cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    head = title[: limit - 1].rsplit(" ", 1)[0] if " " in title[: limit - 1] else title[: limit - 1]
    return head.rstrip(" ,;:-") + "\u2026"


def _central(members: list[int], graph: Graph) -> int:
    """The member most similar to the others (the first by id on ties)."""
    return max(members, key=lambda i: (sum(graph[i].get(j, 0.0) for j in members if j != i), -i))


def group_events(articles: Sequence[Article]) -> list[Event]:
    """Partition the articles into events; every article is in exactly one (singletons allowed).

    Deterministic and independent of input order; events sorted by size (largest first), then id.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    if not ordered:
        return []
    graph = similarity_graph(ordered)
    clusters = relative_average_link(graph)
    events = []
    for members in clusters:
        members.sort()
        ids = tuple(ordered[i].id for i in members)
        head = ordered[_central(members, graph)]
        title = shorten(head.title or head.id)
        events.append(Event(id=event_id(ids), title=title, article_ids=ids))
    events.sort(key=lambda e: (-len(e.article_ids), e.id))
    return events
