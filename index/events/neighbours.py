"""Nearest neighbours of the articles' unit vectors: candidates from a sparse product of their
heaviest terms, rescored exactly, a block of articles at a time (scipy releases the GIL)."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from index.events.features import Floats, Ints, Matrix, row_chunks

# How many of a document's heaviest terms look up candidates. Light terms add little to a cosine
# and their long posting lists would make the search quadratic.
PROBE_TERMS = 40
# Articles whose candidates are found and rescored together (bounds the memory of a block)
BLOCK = 256
# At most this many partial products in a block (about 40 bytes each while a block is scored):
# at 100k a row's heads meet ~20,000 others, so a block is then far fewer rows than BLOCK
PRODUCTS = 1_000_000
# Distinct rows whose dense arrays of their own terms are made at once when rescoring (a few MB)
SPREAD = 32
# A row with more partial scores than this is selected from the maxima of runs of SPAN of them
LONG_ROW = 2048
SPAN = 8


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


def heads(matrix: Matrix) -> sparse.csr_matrix:
    """Each row's PROBE_TERMS heaviest terms, heaviest first (ties: the larger term id first),
    weighed a range of rows at a time (all the weights at once held ~1 GB at 100k)."""
    n = matrix.n
    lengths = np.diff(matrix.ptr)
    picked = [_heads_of(matrix, lo, hi) for lo, hi in row_chunks(matrix.ptr)]
    kept = np.concatenate([p[0] for p in picked]) if picked else np.zeros(0, dtype=np.int64)
    weights = np.concatenate([p[1] for p in picked]) if picked else np.zeros(0)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.minimum(lengths, PROBE_TERMS), out=ptr[1:])
    shape = (n, len(matrix.vocabulary))
    return sparse.csr_matrix((weights, matrix.terms[kept], ptr), shape=shape)


def _heads_of(matrix: Matrix, lo: int, hi: int) -> tuple[Ints, Floats]:
    """The entries of rows lo:hi in their heads, row after row, and their weights."""
    first = int(matrix.ptr[lo])
    lengths = np.diff(matrix.ptr[lo : hi + 1])
    rows = np.repeat(np.arange(lo, hi, dtype=np.int64), lengths)
    weights = matrix.weights(np.arange(first, int(matrix.ptr[hi]), dtype=np.int64), rows)
    # the PROBE_TERMS-th heaviest weight of each longer row bounds what its head can hold
    bar = np.full(hi - lo, -np.inf)
    starts = (matrix.ptr[lo:hi] - first).tolist()
    for row in np.flatnonzero(lengths > PROBE_TERMS).tolist():
        mine = weights[starts[row] : starts[row] + lengths[row]]
        bar[row] = np.partition(mine, len(mine) - PROBE_TERMS)[len(mine) - PROBE_TERMS]
    kept = np.flatnonzero(weights >= bar[rows - lo])
    terms = matrix.terms[first + kept].astype(np.int64)
    kept = kept[np.lexsort((-terms, -weights[kept], rows[kept]))]
    rows = rows[kept]
    firsts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else rows
    rank = np.arange(len(kept)) - np.repeat(firsts, np.diff(np.r_[firsts, len(kept)]))
    kept = kept[rank < PROBE_TERMS]
    return first + kept, weights[kept]


def nearest_neighbours(matrix: Matrix, k: int, floor: float = 0.0, threads: int = 2) -> Graph:
    """The ``k`` most similar other rows of each row, with their cosines (sparse, symmetric).

    Candidates are found by the dot product of the rows' heaviest terms only (``heads``): the
    2k best partial scores of each row (ties: the lower row), then rescored exactly. A term among
    the heaviest of more than ``max(100, 10 * sqrt(n))`` rows is too common to say which event a
    report is about and finds no candidates. Similarities not above ``floor`` are not edges.
    """
    n = matrix.n
    probe, postings = _probes(matrix)
    blocks = _blocks(probe, postings)
    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        found = list(pool.map(lambda rows: _candidates(probe, postings, rows, k), blocks))
        i = np.concatenate([f[0] for f in found]) if found else np.zeros(0, dtype=np.int64)
        j = np.concatenate([f[1] for f in found]) if found else np.zeros(0, dtype=np.int64)
        sims = _rescored(matrix, i, j, pool.map)
        # i is grouped (blocks in order): each block's k best, a block at a time
        cuts = np.searchsorted(i, [b[0] for b in blocks] + [n])
        spans = [slice(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:], strict=True)]
        best = list(pool.map(lambda s: s.start + _top(i[s], j[s], sims[s], k), spans))
    kept = np.concatenate(best) if best else np.zeros(0, dtype=np.int64)
    i, j, sims = i[kept], j[kept], sims[kept]
    keep = sims > floor
    return _symmetric(n, i[keep], j[keep], sims[keep])


def _blocks(probe: sparse.csr_matrix, postings: sparse.csr_matrix) -> list[Ints]:
    """Consecutive rows in blocks of at most BLOCK rows and about PRODUCTS partial products
    (a row's candidates do not depend on the rows scored with it)."""
    n = probe.shape[0]
    work = probe.sign() @ np.diff(postings.indptr).astype(np.float64)  # products per row
    total = np.cumsum(work)
    blocks, lo = [], 0
    while lo < n:
        hi = int(np.searchsorted(total, total[lo] - work[lo] + PRODUCTS, side="right"))
        hi = min(n, lo + BLOCK, max(hi, lo + 1))
        blocks.append(np.arange(lo, hi))
        lo = hi
    return blocks


def _rescored(matrix: Matrix, i: Ints, j: Ints, run: Any) -> Floats:
    """The exact cosines of the pairs (i, j); a pair found from both ends is computed once (a
    cosine is the same float both ways), in chunks that ``run`` (a map) may run in threads."""
    n = matrix.n
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    pairs, inverse = np.unique(lo * n + hi, return_inverse=True)
    lo, hi = pairs // n, pairs % n
    # of each pair the longer row is spread and the shorter one's terms gathered (the same
    # shared terms in the same order either way): fewer entries read, ~25% less time
    lengths = np.diff(matrix.ptr)
    swap = lengths[hi] > lengths[lo]
    spread, gathered = np.where(swap, hi, lo), np.where(swap, lo, hi)
    order = np.argsort(spread * n + gathered)  # spread grouped, as dots wants
    spread, gathered = spread[order], gathered[order]
    cuts = np.searchsorted(spread, np.arange(0, n, BLOCK).tolist() + [n])
    spans = [slice(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:], strict=True) if b > a]
    parts = list(run(lambda s: dots(matrix, spread[s], gathered[s]), spans))
    sims = np.zeros(len(pairs))
    if parts:
        sims[order] = np.concatenate(parts)
    return sims[inverse.reshape(-1)]


def neighbours_of(matrix: Matrix, rows: Ints, k: int, floor: float = 0.0) -> tuple[Ints, Ints]:
    """(row, neighbour) pairs: the ``k`` most similar other rows of each of ``rows``, found as
    ``nearest_neighbours`` finds them, with a cosine above ``floor``."""
    if not len(rows):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    probe, postings = _probes(matrix)
    i, j, sims = _block(matrix, probe, postings, np.sort(np.asarray(rows, dtype=np.int64)), k)
    keep = sims > floor
    return i[keep], j[keep]


def _probes(matrix: Matrix) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """The rows' heads without their too common terms, and the same by term (postings)."""
    n = matrix.n
    probe = heads(matrix)
    common = max(100, int(10 * math.sqrt(n)))
    posting = np.bincount(probe.indices, minlength=probe.shape[1])
    rare = posting[probe.indices] <= common
    lengths = np.bincount(np.repeat(np.arange(n), np.diff(probe.indptr))[rare], minlength=n)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=ptr[1:])
    probe = sparse.csr_matrix((probe.data[rare], probe.indices[rare], ptr), shape=probe.shape)
    return probe, probe.T.tocsr()


def _candidates(
    probe: sparse.csr_matrix, postings: sparse.csr_matrix, rows: Ints, k: int
) -> tuple[Ints, Ints]:
    """The 2k best candidates of ``rows`` by partial score: (row, candidate) pairs, row grouped
    (ties: the lower candidate). Each row's 2k + 1 best are found first, its own score among
    them, on the product's arrays as they come: the few passes over the (at 100k, ~20,000 a
    row) partial scores are most of the search's time."""
    partial = probe[rows] @ postings
    ptr = partial.indptr.astype(np.int64)
    score = partial.data
    lengths = np.diff(ptr)
    kept = np.flatnonzero(score >= np.repeat(_bars(score, lengths, 2 * k + 1), lengths))
    i = rows[np.searchsorted(ptr, kept, side="right") - 1]
    j = partial.indices[kept].astype(np.int64)
    other = i != j
    i, j, kept = i[other], j[other], kept[other]
    order = np.lexsort((j, -score[kept], i))
    i, j = i[order], j[order]
    firsts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]]) if len(i) else i
    rank = np.arange(len(i)) - np.repeat(firsts, np.diff(np.r_[firsts, len(i)]))
    return i[rank < 2 * k], j[rank < 2 * k]


def _bars(score: Floats, lengths: Ints, m: int) -> Floats:
    """For each row of ``score`` (rows of ``lengths`` entries, one after the other) a value its
    m best entries reach: the m-th best entry of a row of up to LONG_ROW entries, and of a
    longer row the m-th best of the maxima of its runs of SPAN entries (m of those maxima are m
    entries of the row): a selection among 1/SPAN of its entries, at the cost of a few more
    entries passing the bar (at 100k a row has ~20,000 partial scores)."""
    bar = np.full(len(lengths), -np.inf)
    starts = np.r_[0, np.cumsum(lengths)]
    bounds = starts.tolist()
    longest = max(LONG_ROW, SPAN * m)  # a longer row has at least m runs
    for r in np.flatnonzero((lengths > m) & (lengths <= longest)).tolist():
        mine = score[bounds[r] : bounds[r + 1]]
        bar[r] = np.partition(mine, len(mine) - m)[len(mine) - m]
    long = np.flatnonzero(lengths > longest)
    if not len(long):
        return bar
    runs = (lengths[long] + SPAN - 1) // SPAN
    firsts = np.r_[0, np.cumsum(runs)]
    inside = np.arange(int(firsts[-1])) - np.repeat(firsts[:-1], runs)
    run_starts = np.repeat(starts[long], runs) + SPAN * inside
    # a run ends at the next run's start: past a long row's last run, the next row's start
    ends = np.r_[run_starts[1:], 0]
    ends[firsts[1:] - 1] = starts[long + 1]
    # (a last run may end at the end of the scores: reduceat reads a start there, so one more)
    padded = np.r_[score, 0.0]
    maxima = np.maximum.reduceat(padded, np.ravel(np.column_stack((run_starts, ends))))[::2]
    spans = firsts.tolist()
    for at, r in enumerate(long.tolist()):
        mine = maxima[spans[at] : spans[at + 1]]
        bar[r] = np.partition(mine, len(mine) - m)[len(mine) - m]
    return bar


def _block(
    matrix: Matrix, probe: sparse.csr_matrix, postings: sparse.csr_matrix, rows: Ints, k: int
) -> tuple[Ints, Ints, Floats]:
    """The k best rescored candidates of ``rows``: (row, neighbour, cosine) triples."""
    i, j = _candidates(probe, postings, rows, k)
    sims = dots(matrix, i, j)
    best = _top(i, j, sims, k)
    return i[best], j[best], sims[best]


def _top(i: Ints, j: Ints, score: Floats, m: int) -> Ints:
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


def _symmetric(n: int, i: Ints, j: Ints, sims: Floats) -> Graph:
    """The graph holding each edge both ways (an edge found from both ends is held once)."""
    a, b, v = np.r_[i, j], np.r_[j, i], np.r_[sims, sims]
    order = np.lexsort((b, a))
    a, b, v = a[order], b[order], v[order]
    first = np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1])][: len(a)]
    a, b, v = a[first], b[first], v[first]
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(a, minlength=n), out=ptr[1:])
    return Graph(ptr, b, v)
