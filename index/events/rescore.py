"""Exact cosines of candidate pairs, and each row's best of them."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from index.events.features import Floats, Ints, Matrix

# Rows whose pairs are rescored as one task (a thread's share of the work at a time)
CHUNK = 256
# Distinct rows whose dense arrays of their own terms are made at once when rescoring (a few MB)
SPREAD = 32


class Known:
    """Cosines of pairs made in an earlier run of rows whose higher row comes in a later run,
    where it may find the pair again (at 10k ~40% of the candidate pairs are found from both
    ends): keyed by higher row * n + lower row, ascending."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.keys = np.zeros(0, dtype=np.int64)
        self.sims = np.zeros(0)

    def forget(self, start: int) -> None:
        """Drop the pairs whose higher row is below ``start`` (no later run finds them)."""
        cut = int(np.searchsorted(self.keys, start * self.n))
        self.keys, self.sims = self.keys[cut:], self.sims[cut:]

    def find(self, lo: Ints, hi: Ints) -> tuple[npt.NDArray[np.bool_], Floats]:
        """Which pairs (lo, hi) are known, and the cosines of those."""
        keys = hi * self.n + lo
        at = np.minimum(np.searchsorted(self.keys, keys), max(0, len(self.keys) - 1))
        have = self.keys[at] == keys if len(self.keys) else np.zeros(len(keys), dtype=np.bool_)
        return have, self.sims[at[have]]

    def add(self, lo: Ints, hi: Ints, sims: Floats, end: int) -> None:
        """Keep the pairs (lo, hi) whose higher row is ``end`` or above (in a later run)."""
        later = hi >= end
        keys = hi[later] * self.n + lo[later]
        order = np.argsort(keys)
        keys, sims = keys[order], sims[later][order]
        # merged into the held ones, not sorted with them (100k: ~450,000 held mid-search, a
        # sort of all held ~25 MB more); no key is held twice (a known pair is not added)
        at = np.searchsorted(self.keys, keys)
        self.keys, self.sims = np.insert(self.keys, at, keys), np.insert(self.sims, at, sims)


def rescored(
    matrix: Matrix, i: Ints, j: Ints, run: Any, known: Known | None = None, end: int = 0
) -> Floats:
    """The exact cosines of the pairs (i, j); a pair found from both ends is computed once (a
    cosine is the same float both ways), in chunks that ``run`` (a map) may run in threads.
    ``known``: the cosines of an earlier run of rows, taken from it; those of pairs reaching a
    row from ``end`` on are added to it."""
    n = matrix.n
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    pairs, inverse = np.unique(lo * n + hi, return_inverse=True)
    lo, hi = pairs // n, pairs % n
    sims = np.zeros(len(pairs))
    if known is not None:
        have, cosines = known.find(lo, hi)
        sims[have] = cosines
        todo = np.flatnonzero(~have)
        sims[todo] = _cosines(matrix, lo[todo], hi[todo], run)
        known.add(lo[todo], hi[todo], sims[todo], end)
    else:
        sims = _cosines(matrix, lo, hi, run)
    return sims[inverse.reshape(-1)]


def _cosines(matrix: Matrix, lo: Ints, hi: Ints, run: Any) -> Floats:
    """The cosines of the distinct pairs (lo, hi), in chunks run by ``run``."""
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
    firsts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]])
    bounds = np.r_[firsts, len(i)]
    sums = np.zeros(len(i))
    for lo in range(0, len(firsts), SPREAD):
        hi = min(len(firsts), lo + SPREAD)
        span = slice(int(bounds[lo]), int(bounds[hi]))
        sums[span] = _spread_dots(matrix, i[span], j[span], bounds[lo : hi + 1] - bounds[lo])
    return sums


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
