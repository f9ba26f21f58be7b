"""Exact cosines of candidate pairs, and each row's best of them."""

from __future__ import annotations

from typing import Any

import numpy as np

from index.events import kernels
from index.events.features import Floats, Ints, Matrix

# Rows whose pairs are rescored as one task (a thread's share of the work at a time)
CHUNK = 256
# Parts of a run's pairs the C form rescores as tasks (a few per thread: their lengths vary)
SHARES = 8
# Distinct rows whose dense arrays of their own terms are made at once when rescoring (a few MB)
SPREAD = 32


def rescored(matrix: Matrix, i: Ints, j: Ints, run: Any) -> Floats:
    """The exact cosines of the pairs (i, j); a pair found from both ends is computed once (a
    cosine is the same float both ways), in chunks that ``run`` (a map) may run in threads."""
    n = matrix.n
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    pairs, inverse = np.unique(lo * n + hi, return_inverse=True)
    sims = _cosines(matrix, pairs // n, pairs % n, run)
    return sims[inverse.reshape(-1)]


def _cosines(matrix: Matrix, lo: Ints, hi: Ints, run: Any) -> Floats:
    """The cosines of the distinct pairs (lo, hi), in chunks run by ``run``."""
    if kernels.native is not None:  # pair by pair, in the threads' shares of the pairs
        sims = np.empty(len(lo))
        share = max(1, -(-len(lo) // SHARES))
        spans = [slice(a, a + share) for a in range(0, len(lo), share)]
        for _ in run(lambda s: _native(matrix, lo[s], hi[s], sims[s]), spans):
            pass
        return sims
    n = matrix.n
    # of each pair the longer row is spread and the shorter one's terms gathered (the same
    # shared terms in the same order either way): fewer entries read, ~25% less time
    lengths = np.diff(matrix.ptr)
    swap = lengths[hi] > lengths[lo]
    spread, gathered = np.where(swap, hi, lo), np.where(swap, lo, hi)
    order = np.argsort(spread * n + gathered)  # spread grouped, as dots wants
    spread, gathered = spread[order], gathered[order]
    cuts = np.searchsorted(spread, np.arange(0, n, CHUNK).tolist() + [n])
    spans = [slice(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:], strict=True) if b > a]
    parts = list(run(lambda s: dots(matrix, spread[s], gathered[s]), spans))
    sims = np.zeros(len(lo))
    if parts:
        sims[order] = np.concatenate(parts)
    return sims


def top(i: Ints, j: Ints, score: Floats, m: int) -> Ints:
    """Positions of the ``m`` best entries of each row (``i`` grouped): the highest ``score``,
    ties to the lower ``j``."""
    if not len(i):
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]])
    sizes = np.diff(np.r_[starts, len(i)])
    bar = np.full(len(starts), -np.inf)
    for g in np.flatnonzero(sizes > m).tolist():
        group = score[starts[g] : starts[g] + sizes[g]]
        bar[g] = np.partition(group, len(group) - m)[len(group) - m]
    kept = np.flatnonzero(score >= np.repeat(bar, sizes))
    kept = kept[np.lexsort((j[kept], -score[kept], i[kept]))]
    rows = i[kept]
    firsts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    rank = np.arange(len(kept)) - np.repeat(firsts, np.diff(np.r_[firsts, len(kept)]))
    return kept[rank < m]


def dots(matrix: Matrix, i: Ints, j: Ints) -> Floats:
    """The cosine of each pair (i[p], j[p]), ``i`` grouped: the products of their shared terms
    summed in term order, one after the other (the same float for (i, j) and (j, i), on every
    machine). A few i at a time are spread over a dense array of their own terms, from which
    all their partners' terms gather in one step (a Python loop per i cost 0.9 s at 10k)."""
    if not len(i):
        return np.zeros(0)
    if kernels.native is not None:
        return _native(matrix, i, j, np.empty(len(i)))
    firsts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]])
    bounds = np.r_[firsts, len(i)]
    sums = np.zeros(len(i))
    for lo in range(0, len(firsts), SPREAD):
        hi = min(len(firsts), lo + SPREAD)
        span = slice(int(bounds[lo]), int(bounds[hi]))
        sums[span] = _spread_dots(matrix, i[span], j[span], bounds[lo : hi + 1] - bounds[lo])
    return sums


def _native(matrix: Matrix, i: Ints, j: Ints, out: Floats) -> Floats:
    """``dots`` in C, into ``out``: each pair's shared terms merged in term order, the same
    products added in the same order (a pair need not be grouped)."""
    kernels.native.cosines(
        *matrix.kernel_arrays(),
        np.ascontiguousarray(i, dtype=np.int64),
        np.ascontiguousarray(j, dtype=np.int64),
        out,
    )
    return out


def _spread_dots(matrix: Matrix, i: Ints, j: Ints, bounds: Ints) -> Floats:
    """``dots`` of pairs whose distinct i start at ``bounds`` (and end at its last value)."""
    own_rows = i[bounds[:-1]]
    own = matrix.entries(own_rows)
    own_lengths = matrix.ptr[own_rows + 1] - matrix.ptr[own_rows]
    own_terms = matrix.terms[own]
    present = np.zeros(len(matrix.vocabulary), dtype=np.bool_)  # a sort-free np.unique
    present[own_terms] = True
    columns = np.flatnonzero(present)
    # a term none of these i has reads the last column, which stays 0
    column = np.full(len(matrix.vocabulary), len(columns), dtype=np.int32)
    column[columns] = np.arange(len(columns))
    width = len(columns) + 1
    dense = np.zeros(len(own_rows) * width)
    local = np.repeat(np.arange(len(own_rows), dtype=np.int64), own_lengths)
    dense[local * width + column[own_terms]] = matrix.weights(own, np.repeat(own_rows, own_lengths))
    entries = matrix.entries(j)
    lengths = matrix.ptr[j + 1] - matrix.ptr[j]
    pair = np.repeat(np.arange(len(j)), lengths)
    terms = matrix.terms[entries]
    products = matrix.weights(entries, j[pair])
    slot = np.repeat(np.arange(len(own_rows), dtype=np.int64), np.diff(bounds))
    products *= dense[slot[pair] * width + column[terms]]
    sums: Floats = np.bincount(pair, weights=products, minlength=len(i)).astype(
        np.float64, copy=False
    )
    return sums
