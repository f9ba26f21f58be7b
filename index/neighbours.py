"""Nearest neighbours of sparse vectors through an inverted index, and second-order similarity."""

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
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def nearest_neighbours(vectors: Sequence[Vector], k: int) -> Graph:
    """The ``k`` most similar other vectors of each vector, with exact cosines (sparse, symmetric).

    Candidates come from the posting lists of each vector's heaviest terms; terms found in more
    than ``max(100, 10 * sqrt(n))`` vectors are too common to say which event a report is about.
    """
    n = len(vectors)
    common = max(100, int(10 * math.sqrt(n)))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for term in vec:
            postings[term].append(i)
    graph: Graph = [{} for _ in range(n)]
    for i, vec in enumerate(vectors):
        partial: dict[int, float] = defaultdict(float)
        heaviest = heapq.nlargest(PROBE_TERMS, vec.items(), key=lambda tw: (tw[1], tw[0]))
        for term, weight in heaviest:
            docs = postings[term]
            if len(docs) > common:
                continue
            for j in docs:
                if j != i:
                    partial[j] += weight * vectors[j][term]
        # rescore the best partial matches exactly; keep the k best (ties by index: deterministic)
        shortlist = heapq.nlargest(3 * k, partial.items(), key=lambda js: (js[1], -js[0]))
        exact = [(dot(vec, vectors[j]), j) for j, _ in shortlist]
        for sim, j in heapq.nlargest(k, exact, key=lambda sj: (sj[0], -sj[1])):
            if sim > 0:
                graph[i][j] = max(graph[i].get(j, 0.0), sim)
                graph[j][i] = graph[i][j]
    return graph


def second_order(graph: Graph) -> Graph:
    """Cosine of neighbourhood profiles: two reports are close when the same reports are close to
    both. This smooths over short reports that share few words with each other directly."""
    n = len(graph)
    profiles: list[dict[int, float]] = []
    for i, row in enumerate(graph):
        profile = dict(row)
        profile[i] = 1.0  # a report is its own nearest neighbour
        norm = math.sqrt(sum(w * w for w in profile.values()))
        profiles.append({j: w / norm for j, w in profile.items()})
    result: Graph = [{} for _ in range(n)]
    for i in range(n):
        # two profiles overlap only if i and j are within two hops
        candidates = {c for j in graph[i] for c in graph[j]} | set(graph[i])
        for j in candidates:
            if j > i:
                sim = dot(profiles[i], profiles[j])
                if sim > 0:
                    result[i][j] = sim
                    result[j][i] = sim
    return result
