"""Average-link clustering of unit vectors that stops where each cluster's own cohesion says so."""

from __future__ import annotations

import heapq

import numpy as np

from index.events.features import Floats, Ints, Matrix
from index.events.neighbours import Graph


class _Sums:
    """Sums of clusters' vectors, made when needed from their members' rows (a cluster's sum is
    never stored: at 100,000 articles the stored sums would take 250 MB)."""

    def __init__(self, matrix: Matrix) -> None:
        self.matrix = matrix
        self.dense = np.zeros(len(matrix.vocabulary))

    def rows(self, members: list[int]) -> tuple[Ints, Floats, Ints]:
        """The entries of ``members``: (terms, weights, the member each belongs to)."""
        matrix = self.matrix
        rows = np.asarray(members, dtype=np.int64)
        entries = matrix.entries(rows)
        of = np.repeat(np.arange(len(rows)), matrix.ptr[rows + 1] - matrix.ptr[rows])
        return matrix.terms[entries].astype(np.int64), matrix.weights(entries, rows[of]), of

    def load(self, members: list[int]) -> tuple[Ints, Floats]:
        """Hold the sum of ``members`` (in member order, one after the other) in ``dense``;
        returns the members' entries, for ``clear``."""
        terms, weights, _ = self.rows(members)
        np.add.at(self.dense, terms, weights)
        return terms, weights

    def clear(self, terms: Ints) -> None:
        self.dense[terms] = 0.0

    def dots(self, groups: list[list[int]], held: int = 0) -> Floats:
        """The dot product of a sum of members with the sum of each group of members: the sum
        held in ``dense``, or (``held`` > 0) the sum of the first ``held`` groups, held just for
        this call (their entries are gathered once for both)."""
        members = [m for group in groups for m in group]
        of_group = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
        terms, weights, of = self.rows(members)
        if held:
            mine = int(np.searchsorted(of_group[of], held))
            np.add.at(self.dense, terms[:mine], weights[:mine])
        products = self.dense[terms] * weights
        if held:
            self.dense[terms[:mine]] = 0.0
        sums: Floats = np.bincount(of_group[of], products, len(groups)).astype(
            np.float64, copy=False
        )
        return sums


def relative_average_link(matrix: Matrix, graph: Graph, ratio: float = 0.5) -> list[list[int]]:
    """Average-link clustering that merges two clusters only while the link between them is at
    least ``ratio`` times their own cohesion (the mean of the two clusters' cohesions).

    The link of two clusters is the mean cosine over all their cross pairs and a cluster's
    cohesion the mean cosine of its own pairs; a single report's cohesion is its strongest
    similarity in ``graph``. The bar is thus set by each report's own similarity profile, not by
    one global threshold: a tight event refuses a look-alike that a loose one would accept.
    ``graph`` (a nearest-neighbour graph of the rows, with their cosines) says which clusters are
    worth comparing and gives the first links.

    With unit vectors, the mean cross cosine of A and B is sum(A) . sum(B) / (|A| |B|), and a
    cluster's cohesion (|sum(A)|^2 - |A|) / (|A| (|A| - 1)); both are computed from the members'
    rows when the cluster changes.
    """
    n = matrix.n
    sums = _Sums(matrix)
    members = [[i] for i in range(n)]
    # each cluster's cohesion and its current link to each neighbouring cluster, updated when
    # it merges: a popped heap entry is checked against these, never recomputed
    near: list[dict[int, float]] = [graph.row(i) for i in range(n)]
    cohesion = [max(row.values(), default=0.0) for row in near]
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
        members[keep] += members[gone]
        members[gone] = []
        for c in near[gone]:
            del near[c][gone]
        for c in near[keep]:
            del near[c][keep]
        others = sorted((near[keep].keys() | near[gone].keys()) - {keep, gone})
        near[keep], near[gone] = {}, {}
        s = len(members[keep])
        links = sums.dots([members[keep]] + [members[c] for c in others], held=1)
        cohesion[keep] = (float(links[0]) - s) / (s * (s - 1))
        for c, total in zip(others, links[1:].tolist(), strict=True):
            link = total / (s * len(members[c]))
            near[keep][c] = near[c][keep] = link
            lo, hi = (keep, c) if keep < c else (c, keep)
            heapq.heappush(heap, (-link, lo, hi))
    return [m for m in members if m]
