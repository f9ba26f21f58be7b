"""Average-link clustering of unit vectors that stops where each cluster's own cohesion says so."""

from __future__ import annotations

import numpy as np

from index.events.features import KEEP_WEIGHTS, Matrix
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

    The loop runs compiled (``kernels.py``); clusters come in the order of their lowest row,
    each one's members in the order they joined.
    """
    # numba is imported here, when a grouping runs: not with the app (~0.2 s, ~60 MB)
    from index.events.kernels import average_link

    # weights kept once made, or made from the codes each time (100k: the kept floats would
    # take ~200 MB); an empty array says which. The unused codes keep their type, so a corpus
    # whose codes and term ids are typed alike uses one compiled form either way (numba
    # compiles one per set of argument types: a first one costs ~4.5 s CPU)
    kept = len(matrix.codes) <= KEEP_WEIGHTS
    weights = matrix.weights() if kept else np.zeros(0)
    codes = matrix.codes[:0] if kept else matrix.codes
    weighing = (weights, codes, matrix.factors(), matrix.idf, matrix.norms)
    members, sizes = average_link(
        np.ascontiguousarray(matrix.ptr, dtype=np.int64),
        np.ascontiguousarray(matrix.terms),
        tuple(np.ascontiguousarray(a) for a in weighing),
        len(matrix.vocabulary),
        np.ascontiguousarray(graph.ptr, dtype=np.int64),
        np.ascontiguousarray(graph.cols, dtype=np.int64),
        np.ascontiguousarray(graph.sims, dtype=np.float64),
        float(ratio),
    )
    flat: list[int] = members.tolist()
    ends: list[int] = np.cumsum(sizes).tolist()
    return [flat[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]
