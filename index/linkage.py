"""Average-link agglomerative clustering over a sparse similarity graph (missing edges are 0)."""

from __future__ import annotations

import heapq

from index.neighbours import Graph


def relative_average_link(graph: Graph, ratio: float = 0.5) -> list[list[int]]:
    """Average-link clustering that merges two clusters only while the link between them is at
    least ``ratio`` times their own cohesion (the mean of the two clusters' cohesions).

    A cluster's cohesion is the mean similarity of its pairs; a single report's is its strongest
    similarity. The bar is thus set by each report's own similarity profile, not by one global
    threshold: a tight event refuses a look-alike that a loose one would accept.
    """
    n = len(graph)
    size = [1] * n
    members = [[i] for i in range(n)]
    inner = [0.0] * n  # sum of the similarities of a cluster's pairs
    best = [max(row.values(), default=0.0) for row in graph]
    sums: list[dict[int, float]] = [dict(row) for row in graph]

    def cohesion(c: int) -> float:
        return best[c] if size[c] == 1 else inner[c] / (size[c] * (size[c] - 1) / 2)

    heap = [(-s, i, j) for i, row in enumerate(sums) for j, s in row.items() if i < j]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (members[a] and members[b]) or b not in sums[a]:
            continue
        link = sums[a][b] / (size[a] * size[b])
        if abs(link + neg) > 1e-12:
            continue  # stale entry: a newer one for this pair is in the heap
        if link < ratio * (cohesion(a) + cohesion(b)) / 2:
            continue  # refused for now; a later merge of a or b pushes the pair again
        keep, gone = (a, b) if a < b else (b, a)
        inner[keep] += inner[gone] + sums[keep].pop(gone)
        del sums[gone][keep]
        for c, s in sums[gone].items():
            sums[keep][c] = sums[keep].get(c, 0.0) + s
            del sums[c][gone]
            sums[c][keep] = sums[keep][c]
        sums[gone] = {}
        size[keep] += size[gone]
        members[keep] += members[gone]
        members[gone] = []
        for c, s in sums[keep].items():
            lo, hi = (keep, c) if keep < c else (c, keep)
            heapq.heappush(heap, (-s / (size[keep] * size[c]), lo, hi))
    return [m for m in members if m]
