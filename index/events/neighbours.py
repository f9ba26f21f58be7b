"""The nearest-neighbour graph of the articles: candidates found, rescored exactly, in threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

import numpy as np
from scipy import sparse

from index.events.builder import release
from index.events.candidates import blocks, candidates, probes
from index.events.features import Floats, Ints, Matrix
from index.events.rescore import dots, rescored, top


@dataclass(frozen=True)
class Graph:
    """A symmetric similarity graph: the neighbours of i are ``cols[ptr[i]:ptr[i + 1]]``
    (ascending), with their cosines in ``sims``."""

    ptr: Ints
    cols: Ints
    sims: Floats

    @classmethod
    def from_rows(cls, rows: list[dict[int, float]]) -> Graph:
        """The graph whose row i is ``rows[i]`` (give each edge both ways)."""
        ptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(row) for row in rows], out=ptr[1:])
        cols = np.array([j for row in rows for j in sorted(row)], dtype=np.int64)
        sims = np.array([row[j] for row in rows for j in sorted(row)], dtype=np.float64)
        return cls(ptr, cols, sims)

    def row(self, i: int) -> dict[int, float]:
        span = slice(self.ptr[i], self.ptr[i + 1])
        return dict(zip(self.cols[span].tolist(), self.sims[span].tolist(), strict=True))


def nearest_neighbours(matrix: Matrix, k: int, floor: float = 0.0, threads: int = 2) -> Graph:
    """The ``k`` most similar other rows of each row, with their cosines (sparse, symmetric).

    Candidates are found by the dot product of the rows' heaviest terms only (``heads``): the
    2k best partial scores of each row (ties: the lower row), then rescored exactly. A term among
    the heaviest of more than ``max(100, 10 * sqrt(n))`` rows is too common to say which event a
    report is about and finds no candidates. Similarities not above ``floor`` are not edges.
    """
    n = matrix.n
    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        probe, postings = probes(matrix, pool.map)
        parts = blocks(probe, postings)
        found = list(pool.map(partial(candidates, probe, postings, k=k), parts))
        del probe, postings  # not read past the candidates (100k: ~100 MB)
        i = np.concatenate([f[0] for f in found]) if found else np.zeros(0, dtype=np.int64)
        j = np.concatenate([f[1] for f in found]) if found else np.zeros(0, dtype=np.int64)
        del found  # the blocks' pairs, now in i and j
        sims = rescored(matrix, i, j, pool.map)
        # i is grouped (blocks in order): each block's k best, a block at a time
        cuts = np.searchsorted(i, [b[0] for b in parts] + [n])
        spans = [slice(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:], strict=True)]
        best = list(pool.map(lambda s: s.start + top(i[s], j[s], sims[s], k), spans))
    kept = np.concatenate(best) if best else np.zeros(0, dtype=np.int64)
    i, j, sims = i[kept], j[kept], sims[kept]
    keep = sims > floor
    graph = symmetric(n, i[keep], j[keep], sims[keep])
    release()  # the search's freed arrays, before the linkage (30k: ~50 MB)
    return graph


def neighbours_of(matrix: Matrix, rows: Ints, k: int, floor: float = 0.0) -> tuple[Ints, Ints]:
    """(row, neighbour) pairs: the ``k`` most similar other rows of each of ``rows``, found as
    ``nearest_neighbours`` finds them, with a cosine above ``floor``."""
    if not len(rows):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    probe, postings = probes(matrix)
    i, j, sims = _block(matrix, probe, postings, np.sort(np.asarray(rows, dtype=np.int64)), k)
    keep = sims > floor
    return i[keep], j[keep]


def _block(
    matrix: Matrix, probe: sparse.csr_matrix, postings: sparse.csr_matrix, rows: Ints, k: int
) -> tuple[Ints, Ints, Floats]:
    """The k best rescored candidates of ``rows``: (row, neighbour, cosine) triples."""
    i, j = candidates(probe, postings, rows, k)
    sims = dots(matrix, i, j)
    best = top(i, j, sims, k)
    return i[best], j[best], sims[best]


def symmetric(n: int, i: Ints, j: Ints, sims: Floats) -> Graph:
    """The graph holding each edge both ways (an edge found from both ends is held once)."""
    a, b, v = np.r_[i, j], np.r_[j, i], np.r_[sims, sims]
    order = np.lexsort((b, a))
    a, b, v = a[order], b[order], v[order]
    first = np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1])][: len(a)]
    a, b, v = a[first], b[first], v[first]
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(a, minlength=n), out=ptr[1:])
    return Graph(ptr, b, v)
