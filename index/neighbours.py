"""Nearest neighbours of sparse unit vectors, found through an inverted index of their terms."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from index.features import Vector

Graph = list[dict[int, float]]  # graph[i][j] = similarity of i and j (symmetric, no self loops)

# How many of a document's heaviest terms look up candidates. Light terms add little to a cosine
# and their long posting lists would make the search quadratic.
PROBE_TERMS = 40


def dot(a: dict[Any, float], b: dict[Any, float]) -> float:
    # The key intersection runs in C; only the few shared terms are multiplied in Python.
    # fsum is exact whatever the order of the set, so the grouping cannot depend on the
    # process's string hash seed (a plain sum did: 2,547 or 2,548 events at 10k).
    return math.fsum(a[t] * b[t] for t in a.keys() & b.keys())


def nearest_neighbours(vectors: Sequence[Vector], k: int, floor: float = 0.0) -> Graph:
    """The ``k`` most similar other vectors of each vector, with exact cosines (sparse, symmetric).

    Candidates are found by the dot product of the vectors' heaviest terms only (an inverted
    index of ``PROBE_TERMS`` terms per vector), then rescored exactly. A term among the heaviest
    of more than ``max(100, 10 * sqrt(n))`` vectors is too common to say which event a report is
    about and finds no candidates. Similarities not above ``floor`` are not edges.
    """
    n = len(vectors)
    common = max(100, int(10 * math.sqrt(n)))
    # only the terms of each head and two flat lists per posting (no tuple per entry): at 10k
    # reports the (term, weight) and (doc, weight) pairs cost ~60 MB at the peak of the grouping
    heads = [
        tuple(t for t, _ in heapq.nlargest(PROBE_TERMS, vec.items(), key=lambda tw: (tw[1], tw[0])))
        for vec in vectors
    ]
    postings: dict[str, tuple[list[int], list[float]]] = {}
    for i, head in enumerate(heads):
        vec = vectors[i]
        for term in head:
            entry = postings.get(term)
            if entry is None:
                entry = postings[term] = ([], [])
            entry[0].append(i)
            entry[1].append(vec[term])
    graph: Graph = [{} for _ in range(n)]
    for i, head in enumerate(heads):
        vec = vectors[i]
        partial: dict[int, float] = defaultdict(float)
        for term in head:
            docs, weights = postings[term]
            if len(docs) <= common:
                weight = vec[term]
                for j, other in zip(docs, weights, strict=True):
                    partial[j] += weight * other
        partial.pop(i, None)
        # rescore the best partial matches exactly; keep the k best (ties by index: deterministic)
        shortlist = heapq.nlargest(2 * k, partial, key=lambda j: (partial[j], -j))
        exact = [(dot(vectors[i], vectors[j]), j) for j in shortlist]
        for sim, j in heapq.nlargest(k, exact, key=lambda sj: (sj[0], -sj[1])):
            if sim > floor:
                graph[i][j] = graph[j][i] = sim
    return graph
