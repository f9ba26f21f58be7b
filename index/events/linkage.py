"""Average-link clustering of unit vectors that stops where each cluster's own cohesion says so."""

from __future__ import annotations

import heapq

import numpy as np

from index.events import kernels
from index.events.features import Floats, Ints, Matrix
from index.events.neighbours import Graph


def relative_average_link(matrix: Matrix, graph: Graph, ratio: float = 0.5) -> list[list[int]]:
    """Average-link clustering that merges two clusters only while the link between them is at
    least ``ratio`` times their own cohesion (the mean of the two clusters' cohesions).

    The link of two clusters is the mean cosine over all their cross pairs and a cluster's
    cohesion the mean cosine of its own pairs; a single report's cohesion is its strongest
    similarity in ``graph``. The bar is thus set by each report's own similarity profile, not by
    one global threshold: a tight event refuses a look-alike that a loose one would accept.
    ``graph`` (a nearest-neighbour graph of the rows, with their cosines) says which clusters are
    worth comparing and gives the first links.

    The clusters' cross sums (the sum of the cosines of every cross pair) are what is kept: the
    cross sum of a merged cluster with a third is the sum of its two parts' cross sums (average
    link's Lance-Williams update), and a part that was no neighbour of the third gets its cross
    sum as sum(part) . sum(third), made from the members' rows. A cluster's cohesion is likewise
    its pairs' sum of cosines over its number of pairs. Pairs are merged strongest link first
    (ties: the lower pair of rows); a pair below the bar is refused until one of the two merges.

    The loop runs compiled when the extension was built (``kernels.py``), else in Python (the
    same clusters, slower); clusters come in the order of their lowest row, each one's members
    in the order they joined.
    """
    if kernels.native is None:
        return _python_average_link(matrix, graph, ratio)
    return kernels.native.average_link(
        *matrix.kernel_arrays(),
        len(matrix.vocabulary),
        np.ascontiguousarray(graph.ptr),
        np.ascontiguousarray(graph.cols),
        np.ascontiguousarray(graph.sims, dtype=np.float64),
        float(ratio),
    )


class Sums:
    """Sums of clusters' vectors, made when needed from their members' rows (the Python form's,
    and the tests' oracle of the heads' sums)."""

    def __init__(self, matrix: Matrix) -> None:
        self.matrix = matrix
        self.dense = np.zeros(len(matrix.vocabulary))
        self.ptr: list[int] = matrix.ptr.tolist()
        self.all = matrix.kept()

    def _rows(self, members: list[int]) -> tuple[Ints, Floats]:
        """The terms and weights of ``members``' entries, member after member."""
        ptr, matrix = self.ptr, self.matrix
        spans = [(ptr[m], ptr[m + 1]) for m in members]
        terms = np.concatenate([matrix.terms[a:b] for a, b in spans])
        if self.all is not None:
            return terms, np.concatenate([self.all[a:b] for a, b in spans])
        codes = np.concatenate([matrix.codes[a:b] for a, b in spans])
        rows = np.repeat(np.asarray(members), [b - a for a, b in spans])
        return terms, matrix.factors()[codes] * matrix.idf[terms] / matrix.norms[rows]

    def dots(self, held: list[int], groups: list[list[int]]) -> Floats:
        """The dot product of the sum of ``held`` (added member after member) with the sum of
        each group of members."""
        if not groups:
            return np.zeros(0)
        ptr = self.ptr
        sizes = [sum(ptr[m + 1] - ptr[m] for m in group) for group in groups]
        own = sum(ptr[m + 1] - ptr[m] for m in held)
        terms, weights = self._rows(held + [m for group in groups for m in group])
        if len(held) == 1:  # most merges: a row's terms are distinct, 0.0 + w is w
            self.dense[terms[:own]] = weights[:own]
        else:
            # one member at a time, in order: the same sums as adding entry after entry, without
            # np.add.at (a quarter of the linkage's time)
            at = 0
            for m in held:
                size = ptr[m + 1] - ptr[m]
                self.dense[terms[at : at + size]] += weights[at : at + size]
                at += size
        products = self.dense[terms[own:]] * weights[own:]
        self.dense[terms[:own]] = 0.0
        label = np.repeat(np.arange(len(groups)), sizes)
        sums: Floats = np.bincount(label, products, len(groups)).astype(np.float64, copy=False)
        return sums


def _python_average_link(matrix: Matrix, graph: Graph, ratio: float) -> list[list[int]]:
    """The loop in Python: a heap of tuples, a dict of cross sums per cluster."""
    n = matrix.n
    sums = Sums(matrix)
    members = [[i] for i in range(n)]
    # each cluster's cross sums with its neighbouring clusters, and its pairs' sum of cosines,
    # updated when it merges: a popped heap entry is checked against these, never recomputed
    near: list[dict[int, float]] = [graph.row(i) for i in range(n)]
    cohesion = [max(row.values(), default=0.0) for row in near]
    inside = [0.0] * n
    # A pair whose link is below the bar now is refused for as long as the entry stays valid:
    # its link and both cohesions change only when one of the two merges, and that merge pushes
    # the pair again. Such pairs are never pushed (at 10k, 80% of the first pairs).
    heap = [
        (-link, i, j)
        for i in range(n)
        for j, link in near[i].items()
        if i < j and link >= ratio * (cohesion[i] + cohesion[j]) / 2
    ]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        cross = near[a].get(b)
        if cross is None or cross / (len(members[a]) * len(members[b])) != -neg:
            continue  # a merged away, no longer neighbours, or a newer entry is in the heap
        if -neg < ratio * (cohesion[a] + cohesion[b]) / 2:
            continue  # refused for now; a later merge of a or b compares the pair again
        keep, gone = (a, b) if a < b else (b, a)
        mine, theirs = near[keep], near[gone]
        del mine[gone], theirs[keep]
        for c in mine:
            del near[c][keep]
        for c in theirs:
            del near[c][gone]
        # a neighbour of one part only: its cross sum with the other part, from the rows
        only_mine = [c for c in sorted(mine) if c not in theirs]
        only_theirs = [c for c in sorted(theirs) if c not in mine]
        with_gone = sums.dots(members[gone], [members[c] for c in only_mine])
        with_keep = sums.dots(members[keep], [members[c] for c in only_theirs])
        mine.update(zip(only_theirs, with_keep.tolist(), strict=True))
        theirs.update(zip(only_mine, with_gone.tolist(), strict=True))
        inside[keep] += inside[gone] + cross
        members[keep] += members[gone]
        members[gone] = []
        s = len(members[keep])
        cohesion[keep] = 2 * inside[keep] / (s * (s - 1))
        near[keep], near[gone] = {}, {}
        for c in sorted(mine):
            total = mine[c] + theirs[c]
            near[keep][c] = near[c][keep] = total
            link = total / (s * len(members[c]))
            if link >= ratio * (cohesion[keep] + cohesion[c]) / 2:
                lo, hi = (keep, c) if keep < c else (c, keep)
                heapq.heappush(heap, (-link, lo, hi))
    return [m for m in members if m]
