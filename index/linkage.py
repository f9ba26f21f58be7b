"""Average-link agglomerative clustering over a sparse similarity graph (missing edges are 0)."""

from __future__ import annotations

import heapq

from index.neighbours import Graph

Merge = tuple[float, int, int]  # (average similarity, cluster kept, cluster absorbed)


def average_link(graph: Graph) -> list[Merge]:
    """Every merge of average-link clustering, in order, down to the last positive similarity.

    Cluster ids are the smallest member index, so the sequence is deterministic for a given graph.
    Average link is reducible, so the merge similarities never increase along the sequence.
    """
    n = len(graph)
    size = [1] * n
    alive = [True] * n
    sums: list[dict[int, float]] = [dict(row) for row in graph]
    heap: list[tuple[float, int, int]] = []
    for i, row in enumerate(sums):
        for j, s in row.items():
            if i < j:
                heap.append((-s, i, j))
    heapq.heapify(heap)
    merges: list[Merge] = []
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or b not in sums[a]:
            continue
        current = sums[a][b] / (size[a] * size[b])
        if abs(current + neg) > 1e-12:
            continue  # stale entry: a newer one for this pair is in the heap
        keep, gone = (a, b) if a < b else (b, a)
        merges.append((current, keep, gone))
        alive[gone] = False
        del sums[keep][gone]
        del sums[gone][keep]
        for c, s in sums[gone].items():
            sums[keep][c] = sums[keep].get(c, 0.0) + s
            del sums[c][gone]
            sums[c][keep] = sums[keep][c]
        sums[gone] = {}
        size[keep] += size[gone]
        for c, s in sums[keep].items():
            lo, hi = (keep, c) if keep < c else (c, keep)
            heapq.heappush(heap, (-s / (size[keep] * size[c]), lo, hi))
    return merges


def cut(n: int, merges: list[Merge], threshold: float) -> list[list[int]]:
    """The clusters left after replaying the merges whose similarity is at least ``threshold``."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for sim, keep, gone in merges:
        if sim < threshold:
            break
        parent[find(gone)] = find(keep)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())
