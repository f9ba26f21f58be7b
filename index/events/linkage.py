"""Average-link clustering of unit vectors that stops where each cluster's own cohesion says so."""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Sequence
from operator import mul

from index.events.features import Compact, Vector
from index.events.neighbours import Dense, Graph, compact, vocabulary_size


def relative_average_link(
    vectors: Sequence[Vector | Compact], graph: Graph, ratio: float = 0.5
) -> list[list[int]]:
    """Average-link clustering that merges two clusters only while the link between them is at
    least ``ratio`` times their own cohesion (the mean of the two clusters' cohesions).

    The link of two clusters is the exact mean cosine over all their cross pairs and a cluster's
    cohesion the mean cosine of its own pairs; a single report's cohesion is its strongest
    similarity in ``graph``. The bar is thus set by each report's own similarity profile, not by
    one global threshold: a tight event refuses a look-alike that a loose one would accept.
    ``graph`` (a nearest-neighbour graph of the vectors, with their exact cosines) says which
    clusters are worth comparing and gives the first links.

    With unit vectors, the mean cross cosine of A and B is sum(A) . sum(B) / (|A| |B|), so each
    cluster keeps the sum of its vectors and no pair is ever recomputed.
    """
    # a cluster's sum is its compact vector until its first merge; a merged sum is compact too
    # (dense only while the cluster merges and its new links are computed)
    total = compact(vectors)
    dense = Dense(vocabulary_size(total))
    n = len(total)
    size = [1] * n
    members = [[i] for i in range(n)]
    # each cluster's cohesion and its current link to each neighbouring cluster, updated when
    # it merges: a popped heap entry is checked against these, never recomputed
    cohesion = [max(row.values(), default=0.0) for row in graph]
    # two reports' link is their cosine, which ``graph`` holds (the same float as a dot product)
    near: list[dict[int, float]] = [dict(row) for row in graph]
    heap = [(-link, i, j) for i in range(n) for j, link in near[i].items() if i < j]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        current = near[a].get(b)
        if current is None or current != -neg:
            continue  # a merged away, no longer neighbours, or a newer entry is in the heap
        if current < ratio * (cohesion[a] + cohesion[b]) / 2:
            continue  # refused for now; a later merge of a or b compares the pair again
        keep, gone = (a, b) if a < b else (b, a)
        dense.load(total[keep])
        total[keep], total[gone] = dense.add(total[gone]), (array("i"), array("d"))
        weights = total[keep][1]
        size[keep] += size[gone]
        members[keep] += members[gone]
        members[gone] = []
        for c in near[gone]:
            del near[c][gone]
        for c in near[keep]:
            del near[c][keep]
        others = (near[keep].keys() | near[gone].keys()) - {keep, gone}
        near[keep], near[gone] = {}, {}
        s = size[keep]
        cohesion[keep] = (math.fsum(map(mul, weights, weights)) - s) / (s * (s - 1))
        for c in others:
            link = dense.dot(total[c]) / (s * size[c])
            near[keep][c] = near[c][keep] = link
            lo, hi = (keep, c) if keep < c else (c, keep)
            heapq.heappush(heap, (-link, lo, hi))
    return [m for m in members if m]
