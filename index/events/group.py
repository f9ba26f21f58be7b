"""Group the articles that report the same real-world event, with stable ids and short titles."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from index.base.models import Article, Event
from index.events.collect import collect
from index.events.divide import MIN_HALF, Terms, Vector, split_events
from index.events.features import Matrix
from index.events.linkage import relative_average_link
from index.events.memory import release
from index.events.neighbours import nearest_neighbours
from index.events.store import StoreReader, StoreWriter
from index.text.controls import strip_controls

# Clusters are compared only when some member of one is among the nearest neighbours of some
# member of the other. This is for speed: the grouping is the same for any k from 5 to 20 on ECB+.
NEIGHBOURS = 10
# Below this cosine two reports share only incidental vocabulary (a few common words); such pairs
# are never edges, so unrelated reports stay alone instead of pairing up with their least-bad match.
RELATED = 0.1
TITLE_CHARS = 70  # a default for displays that shorten; an event's own title is never cut
# Closeness to the event's sum closer than this is a tie (sums of ~1,000 products of unit
# vectors' weights are exact to ~1e-14; a real difference between members is far larger)
TIE = 1e-9
# Clusters whose central members are found together (a dense sum each: 64 raised the 10k peak
# by ~10 MB, for no time)
BLOCK = 16


def event_id(article_ids: Sequence[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()
    return "ev-" + digest[:10]


def clean_title(title: str) -> str:
    """A title on one line without control characters (terminal escapes), never shortened:
    exports and JSON carry it whole, and each display cuts it to its own width."""
    return " ".join(strip_controls(title).split())


def shorten(title: str, limit: int = TITLE_CHARS) -> str:
    """A title cut at a word boundary to at most ``limit`` characters, with an ellipsis if cut."""
    title = clean_title(title)
    if len(title) <= limit:
        return title
    head = title[: limit - 1].rsplit(" ", 1)[0] if " " in title[: limit - 1] else title[: limit - 1]
    return head.rstrip(" ,;:-") + "\u2026"


def _heads(matrix: Matrix, clusters: list[list[int]]) -> list[int]:
    """Each cluster's (members sorted) member closest to the others: the highest cosine with
    their sum, and of members within rounding of it (TIE) the first. Two members are always
    equally close to their sum: the first one's title names a pair whatever the last bits of
    the floats say (and one names itself)."""
    heads = [members[0] for members in clusters]
    big = [c for c, members in enumerate(clusters) if len(members) > 2]
    for lo in range(0, len(big), BLOCK):
        part = big[lo : lo + BLOCK]
        sizes = [len(clusters[c]) for c in part]
        rows = np.array([m for c in part for m in clusters[c]], dtype=np.int64)
        entries = matrix.entries(rows)
        lengths = matrix.ptr[rows + 1] - matrix.ptr[rows]
        member = np.repeat(np.arange(len(rows)), lengths)
        terms = matrix.terms[entries]
        weights = matrix.weights(entries, rows[member])
        # each cluster's sum over the block's own terms, a cluster's members added one after
        # the other in order (bincount adds in array order): the floats of a sum made member
        # after member in a dense vector of the vocabulary
        present = np.zeros(len(matrix.vocabulary), dtype=np.bool_)
        present[terms] = True
        column = np.zeros(len(matrix.vocabulary), dtype=np.int64)
        width = int(present.sum())
        column[present] = np.arange(width)
        cluster = np.repeat(np.repeat(np.arange(len(part)), sizes), lengths)
        slot = cluster * width + column[terms]
        sums = np.bincount(slot, weights=weights, minlength=len(part) * width)
        # a member's cosine with its cluster's sum: its products in term order
        closeness = np.bincount(member, weights=sums[slot] * weights, minlength=len(rows))
        starts = np.r_[0, np.cumsum(sizes)[:-1]]
        bar = np.repeat(np.maximum.reduceat(closeness, starts) - TIE, sizes)
        first = np.minimum.reduceat(np.where(closeness >= bar, rows, matrix.n), starts)
        for c, head in zip(part, first.tolist(), strict=True):
            heads[c] = head
    return heads


def _divided(matrix: Matrix, ids: list[str], merged: list[int]) -> list[list[int]]:
    """``merged`` (sorted) as one or more events: agglomeration joins look-alike events that
    share most names; the divisive check looks inside at the names specific to part of it."""
    if len(merged) < 2 * MIN_HALF:
        return [merged]
    terms: list[Terms] = []
    for row in merged:
        entries = np.arange(matrix.ptr[row], matrix.ptr[row + 1])
        codes = matrix.codes[entries]
        mine = matrix.specific[matrix.terms[entries]] >= 2
        kept = matrix.terms[entries[mine]].tolist()
        terms.append(
            (
                dict(zip(kept, matrix.counts[codes[mine]].tolist(), strict=True)),
                dict(zip(kept, matrix.kinds[codes[mine]].tolist(), strict=True)),
            )
        )

    def whole() -> list[Vector]:
        """The members' full vectors, keyed by term id (only a cluster that is cut needs them)."""
        vectors = []
        for row in merged:
            entries = np.arange(matrix.ptr[row], matrix.ptr[row + 1])
            weights = matrix.weights(entries).tolist()
            vectors.append(dict(zip(matrix.terms[entries].tolist(), weights, strict=True)))
        return vectors

    # the check seeds its shuffles with the member ids: the same cut whatever the row numbers
    parts = split_events([ids[r] for r in merged], terms, whole)
    return [[merged[i] for i in part] for part in parts]


def group_events(
    articles: Iterable[Article],
    workers: int | None = None,
    contents: Mapping[str, bytes] | None = None,
    known: StoreReader | None = None,
    sink: StoreWriter | None = None,
) -> list[Event]:
    """Partition the articles into events; every article is in exactly one (singletons allowed).

    Deterministic and independent of input order; events sorted by size (largest first), then id.
    ``articles`` may be a stream (read once). The other arguments are ``collect``'s: worker
    processes, and the terms of the last grouping to reuse (``index/events/cache.py``).
    """
    ids, titles, matrix = collect(articles, workers, contents, known, sink)
    return group_matrix(ids, titles, matrix)


def group_matrix(ids: list[str], titles: list[str], matrix: Matrix) -> list[Event]:
    """``group_events`` from the articles' rows (``ids`` in id order, ``titles`` alike)."""
    if not ids:
        return []
    graph = nearest_neighbours(matrix, NEIGHBOURS, RELATED)
    linked = relative_average_link(matrix, graph)
    del graph  # not needed past the linkage (100k: ~25 MB through the divisive check, titles)
    release()
    clusters = []
    for merged in linked:
        merged.sort()
        clusters += _divided(matrix, ids, merged)
    for members in clusters:
        members.sort()
    events = []
    for members, head in zip(clusters, _heads(matrix, clusters), strict=True):
        title = clean_title(titles[head] or ids[head])
        member_ids = tuple(ids[m] for m in members)
        events.append(Event(id=event_id(member_ids), title=title, article_ids=member_ids))
    events.sort(key=lambda e: (-len(e.article_ids), e.id))
    return events
