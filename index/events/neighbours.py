"""Nearest neighbours of sparse unit vectors, found through an inverted index of their terms."""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Sequence
from itertools import compress, repeat
from operator import add, itemgetter, mul, neg
from typing import Any

from index.events.features import Compact, Vector

Graph = list[dict[int, float]]  # graph[i][j] = similarity of i and j (symmetric, no self loops)

# How many of a document's heaviest terms look up candidates. Light terms add little to a cosine
# and their long posting lists would make the search quadratic.
PROBE_TERMS = 40


def dot(a: dict[Any, float], b: dict[Any, float]) -> float:
    # The key intersection runs in C; only the few shared terms are multiplied in Python.
    # fsum is exact whatever the order of the set, so the grouping cannot depend on the
    # process's string hash seed (a plain sum did: 2,547 or 2,548 events at 10k).
    return math.fsum(a[t] * b[t] for t in a.keys() & b.keys())


class Dense:
    """One vector at a time as a dense list of weights by term id (0.0 elsewhere), to take its
    dot product with many compact vectors: each is gathered from the list in C."""

    def __init__(self, size: int) -> None:
        self.weights = [0.0] * size
        self.ids: Sequence[int] = ()

    # the scatters below run in C: any() drives map() to the end, as __setitem__ returns None

    def load(self, vec: Compact) -> None:
        """Hold ``vec`` (replacing the vector held before)."""
        self.clear()
        any(map(self.weights.__setitem__, *vec))
        self.ids = vec[0]

    def add(self, vec: Compact) -> Compact:
        """Add ``vec`` to the vector held (held + vec, term by term) and return the sum."""
        weights = self.weights
        ids, extra = vec
        any(map(weights.__setitem__, ids, map(add, _gather(weights, ids), extra)))
        ids = array("i", sorted({*self.ids, *ids}))
        self.ids = ids
        return ids, array("d", _gather(weights, ids))

    def clear(self) -> None:
        any(map(self.weights.__setitem__, self.ids, repeat(0.0)))
        self.ids = ()

    def dot(self, vec: Compact) -> float:
        """The same float as ``dot`` on the two vectors as dicts: the same products of the shared
        terms, summed exactly (fsum) whatever their order."""
        ids, weights = vec
        found = _gather(self.weights, ids)
        return math.fsum(map(mul, filter(None, found), compress(weights, found)))


def _gather(dense: list[float], ids: Sequence[int]) -> tuple[float, ...]:
    if len(ids) > 1:
        return itemgetter(*ids)(dense)  # type: ignore[no-any-return]
    return tuple(dense[t] for t in ids)


def vocabulary_size(vectors: Sequence[Compact]) -> int:
    return max((max(ids) for ids, _ in vectors if ids), default=-1) + 1


def compact(vectors: Sequence[Vector | Compact]) -> list[Compact]:
    """The vectors as compact vectors: compact ones as they are, dicts with their keys numbered
    in sorted order (so that ids order the terms as the keys compare)."""
    if all(isinstance(v, tuple) for v in vectors):
        return [v for v in vectors if isinstance(v, tuple)]
    dicts = [v for v in vectors if isinstance(v, dict)]
    if len(dicts) != len(vectors):
        raise TypeError("vectors must be all dicts or all compact")
    number = {t: i for i, t in enumerate(sorted({t for v in dicts for t in v}))}
    out = []
    for vec in dicts:
        ids = sorted(number[t] for t in vec)
        by_id = {number[t]: w for t, w in vec.items()}
        out.append((array("i", ids), array("d", (by_id[i] for i in ids))))
    return out


def nearest_neighbours(vectors: Sequence[Vector | Compact], k: int, floor: float = 0.0) -> Graph:
    """The ``k`` most similar other vectors of each vector, with exact cosines (sparse, symmetric).

    Candidates are found by the dot product of the vectors' heaviest terms only (an inverted
    index of ``PROBE_TERMS`` terms per vector), then rescored exactly. A term among the heaviest
    of more than ``max(100, 10 * sqrt(n))`` vectors is too common to say which event a report is
    about and finds no candidates. Similarities not above ``floor`` are not edges.
    """
    vecs = compact(vectors)
    n = len(vecs)
    common = max(100, int(10 * math.sqrt(n)))
    # each head as two arrays, heaviest first (ties: the larger term id, i.e. the later term),
    # and each posting as two arrays: no tuple or float object per entry
    heads: list[Compact] = []
    postings: dict[int, Compact] = {}
    for i, (ids, weights) in enumerate(vecs):
        top = heapq.nlargest(PROBE_TERMS, zip(weights, ids, strict=True))
        heads.append((array("i", (t for _, t in top)), array("d", (w for w, _ in top))))
        for weight, term in top:
            entry = postings.get(term)
            if entry is None:
                entry = postings[term] = (array("i"), array("d"))
            entry[0].append(i)
            entry[1].append(weight)
    graph: Graph = [{} for _ in range(n)]
    dense = Dense(vocabulary_size(vecs))
    for i, (head, head_weights) in enumerate(heads):
        partial: dict[int, float] = {}
        get = partial.get
        for term, weight in zip(head, head_weights, strict=True):
            docs, others = postings[term]
            if len(docs) <= common:
                for j, other in zip(docs, others, strict=True):
                    partial[j] = get(j, 0.0) + weight * other
        partial.pop(i, None)
        # rescore the best partial matches exactly; keep the k best (ties by index: deterministic)
        best = heapq.nlargest(2 * k, zip(partial.values(), map(neg, partial), strict=True))
        # a pair an earlier vector kept as an edge has its cosine in the graph already (a
        # quarter of the pairs at 10k): the same float, as fsum is exact in either direction
        known = graph[i]
        dense.load(vecs[i])
        exact = [(known.get(-j) or dense.dot(vecs[-j]), -j) for _, j in best]
        for sim, j in heapq.nlargest(k, exact, key=lambda sj: (sj[0], -sj[1])):
            if sim > floor:
                graph[i][j] = graph[j][i] = sim
    return graph
