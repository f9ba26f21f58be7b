"""The nearest-neighbour graph of the articles: candidates found, rescored exactly, in threads."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

from index.events import kernels
from index.events.candidates import Probe, blocks, candidates, probes
from index.events.features import Floats, Ints, Matrix
from index.events.memory import release
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
    Rows are searched a run of RUN_ROWS at a time: only each row's k best stay past its run.
    """
    n = matrix.n
    # each run's (row, neighbour, cosine) triples: rows and neighbours in 4 bytes when they fit
    kept: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
    narrow = np.int32 if n < 2**31 else np.int64
    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        probe, postings = probes(matrix, pool.map)
        release()  # the heads as picked, before the probe held them (100k: ~100 MB)
        parts = blocks(probe)
        for run in _runs(parts):
            found = list(pool.map(partial(candidates, probe, postings, k=k), run))
            i = np.concatenate([f[0] for f in found])
            j = np.concatenate([f[1] for f in found])
            del found
            rows, neighbours, cosines = _best(matrix, run, i, j, k, floor, pool.map)
            del i, j
            kept[0].append(rows.astype(narrow))
            kept[1].append(neighbours.astype(narrow))
            kept[2].append(cosines)
            del rows, neighbours, cosines
            # the run's freed arrays given back: left in the heap, the runs' leftovers added up
            # (100k: ~35 MB over the runs, the search's peak)
            release()
        del probe, postings
    release()
    # each list joined and dropped before the next (100k: the parts and the joined arrays
    # were held together through the graph's sort)
    graph = symmetric(n, _joined(kept[0], narrow), _joined(kept[1], narrow), _joined(kept[2]))
    release()  # the search's freed arrays, before the linkage (30k: ~50 MB)
    return graph


def _joined(parts: list[Any], dtype: type[np.generic] = np.float64) -> Any:
    """The arrays of ``parts`` as one, ``parts`` emptied."""
    joined = np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)
    parts.clear()
    return joined


def _best(
    matrix: Matrix,
    run: list[Ints],
    i: Ints,
    j: Ints,
    k: int,
    floor: float,
    threads: Callable[..., Iterable[Any]],
) -> tuple[Ints, Ints, Floats]:
    """Of the candidate pairs (i, j) of a run of blocks (``i`` grouped, blocks in order), each
    row's k best by cosine, above ``floor``: (row, neighbour, cosine) triples."""
    end = int(run[-1][-1]) + 1
    sims = rescored(matrix, i, j, threads)
    cuts = np.searchsorted(i, [b[0] for b in run] + [end])
    spans = [slice(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:], strict=True)]
    best = np.concatenate(list(threads(lambda s: s.start + top(i[s], j[s], sims[s], k), spans)))
    keep = best[sims[best] > floor]
    return i[keep], j[keep], sims[keep]


# Rows whose candidates are found, rescored and cut to their k best together (100k: 2k
# candidate pairs each of 100,000 rows, rescored all at once, held ~150 MB)
RUN_ROWS = 8192


def _runs(parts: list[Ints]) -> list[list[Ints]]:
    """The blocks in consecutive runs of about RUN_ROWS rows."""
    runs: list[list[Ints]] = []
    rows = RUN_ROWS
    for part in parts:
        if rows >= RUN_ROWS:
            runs.append([])
            rows = 0
        runs[-1].append(part)
        rows += len(part)
    return runs


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
    matrix: Matrix, probe: Probe, postings: sparse.csr_matrix, rows: Ints, k: int
) -> tuple[Ints, Ints, Floats]:
    """The k best rescored candidates of ``rows``: (row, neighbour, cosine) triples."""
    i, j = candidates(probe, postings, rows, k)
    sims = dots(matrix, i, j)
    best = top(i, j, sims, k)
    return i[best], j[best], sims[best]


def symmetric(
    n: int, i: npt.NDArray[np.integer[Any]], j: npt.NDArray[np.integer[Any]], sims: Floats
) -> Graph:
    """The graph holding each edge both ways (an edge found from both ends is held once)."""
    if kernels.native is not None:  # bucketed by row, each row sorted alone: no 2m keys sorted
        ptr = np.empty(n + 1, dtype=np.int64)
        cols, values = np.empty(2 * len(i), dtype=np.int64), np.empty(2 * len(i))
        kept = kernels.native.symmetric(i, j, sims, ptr, cols, values)
        # shrunk where they lie (the repeats dropped): no copy beside them
        cols.resize(kept, refcheck=False)
        values.resize(kept, refcheck=False)
        return Graph(ptr, cols, values)
    # each edge both ways as one key, row * n + neighbour: a stable sort of the keys orders the
    # edges as a lexsort of (row, neighbour) would, in half the memory (100k: 2M edges); the
    # keys made in place, each edge's cosine read from ``sims`` by its position modulo m (the
    # keys' two halves joined, then the cosines', held 48 MB more)
    m = len(i)
    keys = np.empty(2 * m, dtype=np.int64)
    for half, (a, b) in ((keys[:m], (i, j)), (keys[m:], (j, i))):
        half[:] = a
        half *= n
        half += b
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    first = np.r_[True, keys[1:] != keys[:-1]][: len(keys)]
    order = order[first]
    order[order >= m] -= m
    values = sims[order]
    del order
    keys = keys[first]
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // n, minlength=n), out=ptr[1:])
    return Graph(ptr, keys % n, values)
