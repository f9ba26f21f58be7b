"""Average-link clustering of unit vectors that stops where each cluster's own cohesion says so."""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from index.features import Vector
from index.neighbours import Graph, dot


def relative_average_link(
    vectors: Sequence[Vector], graph: Graph, ratio: float = 0.5
) -> list[list[int]]:
    """Average-link clustering that merges two clusters only while the link between them is at
    least ``ratio`` times their own cohesion (the mean of the two clusters' cohesions).

    The link of two clusters is the exact mean cosine over all their cross pairs and a cluster's
    cohesion the mean cosine of its own pairs; a single report's cohesion is its strongest
    similarity in ``graph``. The bar is thus set by each report's own similarity profile, not by
    one global threshold: a tight event refuses a look-alike that a loose one would accept.
    ``graph`` (a nearest-neighbour graph) only says which clusters are worth comparing.

    With unit vectors, the mean cross cosine of A and B is sum(A) . sum(B) / (|A| |B|), so each
    cluster keeps the sum of its vectors and no pair is ever recomputed.
    """
    n = len(vectors)
    # a cluster's sum is its vector until its first merge copies it (copying all n vectors up
    # front doubled their memory; most reports are never merged)
    total = list(vectors)
    size = [1] * n
    members = [[i] for i in range(n)]
    best = [max(row.values(), default=0.0) for row in graph]
    near = [set(row) for row in graph]

    def link(a: int, b: int) -> float:
        return dot(total[a], total[b]) / (size[a] * size[b])

    def cohesion(a: int) -> float:
        if size[a] == 1:
            return best[a]
        return (dot(total[a], total[a]) - size[a]) / (size[a] * (size[a] - 1))

    heap = [(-link(i, j), i, j) for i in range(n) for j in near[i] if i < j]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (members[a] and members[b]) or b not in near[a]:
            continue
        current = link(a, b)
        if current != -neg:
            continue  # stale entry: a newer one for this pair is in the heap
        if current < ratio * (cohesion(a) + cohesion(b)) / 2:
            continue  # refused for now; a later merge of a or b compares the pair again
        keep, gone = (a, b) if a < b else (b, a)
        if size[keep] == 1:
            total[keep] = dict(total[keep])  # the same keys in the same order as the copy had
        for term, weight in total[gone].items():
            total[keep][term] = total[keep].get(term, 0.0) + weight
        size[keep] += size[gone]
        members[keep] += members[gone]
        members[gone], total[gone] = [], {}
        for c in near[gone]:
            near[c].discard(gone)
            if c != keep:
                near[c].add(keep)
                near[keep].add(c)
        near[keep].discard(gone)
        near[gone] = set()
        for c in near[keep]:
            lo, hi = (keep, c) if keep < c else (c, keep)
            heapq.heappush(heap, (-link(keep, c), lo, hi))
    return [m for m in members if m]
