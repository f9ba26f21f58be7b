"""Candidate neighbours of the articles: the best partial scores of a product of their heads."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

try:  # the kernel of scipy's sparse product (private: looked up once, the public `@` else)
    from scipy.sparse._sparsetools import csr_matmat as _matmat
except ImportError:  # pragma: no cover - an older or newer scipy
    _matmat = None

from index.events import kernels
from index.events.features import CHUNK_ROWS, Floats, Ints, Matrix, row_chunks
from index.events.memory import release

# How many of a document's heaviest terms look up candidates. Light terms add little to a cosine
# and their long posting lists would make the search quadratic.
PROBE_TERMS = 40
# Articles whose candidates are found and rescored together (bounds the memory of a block)
BLOCK = 256
# At most this many partial products in a block (about 40 bytes each while a block is scored):
# at 100k a row's heads meet ~20,000 others, so a block is then far fewer rows than BLOCK
PRODUCTS = 1_000_000
# A row with more partial scores than this is selected from the maxima of runs of SPAN of them
LONG_ROW = 2048
SPAN = 8


@dataclass(frozen=True)
class Probe:
    """Each row's heads without their too common terms, heaviest first, held as the indices of
    their entries in ``matrix`` (4 bytes each instead of a term and a weight's 12: 100k, 4M
    heads) and weighed when a block of rows reads them: the same floats as when they were picked."""

    matrix: Matrix
    ptr: Ints  # row r's heads are entries[ptr[r]:ptr[r + 1]]
    entries: npt.NDArray[np.integer[Any]]
    work: Floats  # by row: its partial products (the lengths of its terms' postings, summed)

    def part(self, rows: Ints) -> sparse.csr_matrix:
        """The heads of ``rows`` as the rows of a sparse matrix over the vocabulary."""
        starts = self.ptr[rows]
        lengths = self.ptr[rows + 1] - starts
        shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        entries = self.entries[shift + np.arange(int(lengths.sum()), dtype=np.int64)].astype(
            np.int64
        )
        ptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=ptr[1:])
        weights = self.matrix.weights(entries, np.repeat(rows, lengths))
        shape = (len(rows), len(self.matrix.vocabulary))
        return sparse.csr_matrix((weights, self.matrix.terms[entries], ptr), shape=shape)


def heads(
    matrix: Matrix, run: Callable[..., Iterable[Any]] = map
) -> tuple[Ints, npt.NDArray[np.integer[Any]]]:
    """Each row's PROBE_TERMS heaviest terms, heaviest first (ties: the larger term id first),
    as (ptr, their entries), weighed a range of rows at a time (all the weights at once held
    ~1 GB at 100k), the ranges run by ``run`` (a map: the search's threads)."""
    n = matrix.n
    lengths = np.diff(matrix.ptr)
    # half ranges: two threads hold what one range held (10k: +40 MB at the peak with whole ones)
    chunks = row_chunks(matrix.ptr, CHUNK_ROWS // 2)
    # a small matrix keeps its weights once made: made here, not by each thread at once
    matrix.weights(np.zeros(0, dtype=np.int64))
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.minimum(lengths, PROBE_TERMS), out=ptr[1:])
    # each range writes its rows' heads in place (the ranges' arrays joined held them twice)
    kept: npt.NDArray[np.integer[Any]] = np.empty(
        int(ptr[-1]), dtype=np.int32 if len(matrix.terms) < 2**31 else np.int64
    )

    def pick(lo: int, hi: int) -> None:
        kept[int(ptr[lo]) : int(ptr[hi])] = _heads_of(matrix, lo, hi)

    for _ in run(lambda chunk: pick(*chunk), chunks):
        pass
    return ptr, kept


def _heads_of(matrix: Matrix, lo: int, hi: int) -> Ints:
    """The entries of rows lo:hi in their heads, row after row."""
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
    return first + kept[rank < PROBE_TERMS]


def probes(
    matrix: Matrix, run: Callable[..., Iterable[Any]] = map
) -> tuple[Probe, sparse.csr_matrix]:
    """The rows' heads without their too common terms, and the same by term (postings: their
    data the weights, or in the C form the codes that make them)."""
    n, size = matrix.n, len(matrix.vocabulary)
    ptr, kept = heads(matrix, run)
    release()  # the threads' weights of every entry, freed (100k: ~100 MB)
    # each array dropped once its rare part is made (100k, 4M heads)
    terms = matrix.terms[kept]
    common = max(100, int(10 * math.sqrt(n)))
    rare = (np.bincount(terms, minlength=size) <= common)[terms]
    passed = np.zeros(len(rare) + 1, dtype=np.int64 if len(rare) >= 2**31 else np.int32)
    np.cumsum(rare, out=passed[1:])
    ptr = passed[ptr].astype(np.int64)  # each row's heads that are rare, counted
    del passed
    kept = kept[rare]
    terms = terms[rare].astype(np.int32)
    del rare
    # products per row: the lengths of its terms' postings, summed (a range of rows at a time)
    posting_lengths = np.bincount(terms, minlength=size)
    work = np.zeros(n)
    for lo, hi in row_chunks(ptr):
        products = np.r_[0, np.cumsum(posting_lengths[terms[ptr[lo] : ptr[hi]]])]
        work[lo:hi] = products[ptr[lo + 1 : hi + 1] - ptr[lo]] - products[ptr[lo:hi] - ptr[lo]]
    # the postings: the heads by term (rows ascending), transposed as their entries (4 bytes
    # each), then weighed a range at a time, the same floats as when picked (transposing the
    # weights held them twice: 100k, the search's first peak ~110 -> ~75 MB over the matrix).
    # The C form weighs them as it reads them: their codes are kept (2 bytes each at 100k).
    by_term = sparse.csr_matrix((kept, terms, ptr), shape=(n, size)).T.tocsr()
    del terms
    entries, rows = by_term.data, by_term.indices
    if kernels.native is not None:
        values: npt.NDArray[Any] = matrix.codes[entries]
    else:
        values = np.empty(len(entries))
        for lo in range(0, len(entries), WEIGH):
            span = slice(lo, lo + WEIGH)
            values[span] = matrix.weights(entries[span].astype(np.int64), rows[span])
    del entries
    postings = sparse.csr_matrix((values, rows, by_term.indptr), shape=(size, n))
    return Probe(matrix, ptr, kept, work), postings


# Heads weighed at once when the postings are made (a few float temporaries of 8 bytes each)
WEIGH = 1 << 18


def blocks(probe: Probe) -> list[Ints]:
    """Consecutive rows in blocks of at most BLOCK rows and, in the Python form, about PRODUCTS
    partial products (a row's candidates do not depend on the rows scored with it). The C form
    holds one row's partial scores at a time: its blocks are BLOCK rows."""
    n, work = len(probe.work), probe.work
    if kernels.native is not None:
        return [np.arange(lo, min(n, lo + BLOCK)) for lo in range(0, n, BLOCK)]
    total = np.cumsum(work)
    blocks, lo = [], 0
    while lo < n:
        hi = int(np.searchsorted(total, total[lo] - work[lo] + PRODUCTS, side="right"))
        hi = min(n, lo + BLOCK, max(hi, lo + 1))
        blocks.append(np.arange(lo, hi))
        lo = hi
    return blocks


def candidates(probe: Probe, postings: sparse.csr_matrix, rows: Ints, k: int) -> tuple[Ints, Ints]:
    """The 2k best candidates of ``rows`` by partial score: (row, candidate) pairs, row grouped
    (ties: the lower candidate). Each row's 2k + 1 best are found first, its own score among
    them, on the product's arrays as they come: the few passes over the (at 100k, ~20,000 a
    row) partial scores are most of the search's time. The C form (``kernels.py``) makes the
    same pairs row by row, without holding a block's partial scores."""
    if kernels.native is not None:
        return _native(probe, postings, rows, 2 * k)
    ptr, columns, score = _product(probe, postings, rows)
    kept = _passing(score, ptr, _bars(score, np.diff(ptr), 2 * k + 1))
    i = rows[np.searchsorted(ptr, kept, side="right") - 1]
    j = columns[kept].astype(np.int64)
    other = i != j
    i, j, kept = i[other], j[other], kept[other]
    order = np.lexsort((j, -score[kept], i))
    i, j = i[order], j[order]
    firsts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]]) if len(i) else i
    rank = np.arange(len(i)) - np.repeat(firsts, np.diff(np.r_[firsts, len(i)]))
    return i[rank < 2 * k], j[rank < 2 * k]


def _native(probe: Probe, postings: sparse.csr_matrix, rows: Ints, m: int) -> tuple[Ints, Ints]:
    """``candidates`` in C: each row's ``m`` best other rows by partial score, summed as
    scipy's product sums them (the part's heads in order, each head's postings in order, each
    posting weighed from its code as ``Matrix.weights`` weighs it)."""
    part = probe.part(rows)
    i, j = np.empty(len(rows) * m, dtype=np.int64), np.empty(len(rows) * m, dtype=np.int64)
    matrix = probe.matrix
    found = kernels.native.candidates(
        part.indptr,
        part.indices,
        part.data,
        postings.indptr,
        postings.indices,
        postings.data,
        matrix.factors(),
        matrix.idf,
        matrix.norms,
        np.ascontiguousarray(rows, dtype=np.int64),
        m,
        i,
        j,
    )
    return i[:found], j[:found]


def _product(
    probe: Probe, postings: sparse.csr_matrix, rows: Ints
) -> tuple[Ints, npt.NDArray[np.integer[Any]], Floats]:
    """``probe[rows] @ postings`` as (indptr, indices, data): scipy's own sparse product, called
    with the number of products as the size of its output (a bound of its nonzeros: a block
    holds at most PRODUCTS of them) instead of letting ``@`` count the nonzeros first in a pass
    of its own (a fifth of the search's time). The same routine on the same arrays: the same
    entries in the same order as ``@``."""
    part = probe.part(rows)
    if _matmat is None:  # scipy moved its sparse kernels: the public product, same entries
        partial = part @ postings
        return partial.indptr.astype(np.int64), partial.indices, partial.data
    bound = int(np.diff(postings.indptr)[part.indices].sum())
    index = np.int64 if max(bound, postings.shape[1]) >= 2**31 - 1 else np.int32
    indptr = np.empty(len(rows) + 1, dtype=index)
    indices: npt.NDArray[np.integer[Any]] = np.empty(bound, dtype=index)
    data = np.empty(bound, dtype=np.float64)
    _matmat(
        len(rows),
        postings.shape[1],
        part.indptr.astype(index, copy=False),
        part.indices.astype(index, copy=False),
        part.data,
        postings.indptr.astype(index, copy=False),
        postings.indices.astype(index, copy=False),
        postings.data,
        indptr,
        indices,
        data,
    )
    nnz = int(indptr[-1])
    return indptr.astype(np.int64), indices[:nnz], data[:nnz]


# Partial scores compared with their rows' bars at once (a bar per score: 8 bytes each)
PIECE = 1 << 18


def _passing(score: Floats, ptr: Ints, bar: Floats) -> Ints:
    """Positions of the scores that reach their row's ``bar`` (row r's scores are
    ``score[ptr[r]:ptr[r + 1]]``), a few rows of about PIECE scores at a time: a bar beside
    each of a block's ~1M scores held 8 MB more in each thread."""
    n, parts, lo = len(bar), [], 0
    while lo < n:
        hi = int(np.searchsorted(ptr, ptr[lo] + PIECE, side="right")) - 1
        hi = min(n, max(hi, lo + 1))
        first = int(ptr[lo])
        mine = score[first : int(ptr[hi])] >= np.repeat(bar[lo:hi], np.diff(ptr[lo : hi + 1]))
        parts.append(np.flatnonzero(mine) + first)
        lo = hi
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


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
    # (a last run may end at the end of the scores, where reduceat reads no index: without
    # that end it reduces the last run to the end, the same; a copy of the scores held 8 MB)
    bounds = np.ravel(np.column_stack((run_starts, ends)))
    if bounds[-1] == len(score):
        bounds = bounds[:-1]
    maxima = np.maximum.reduceat(score, bounds)[::2]
    spans = firsts.tolist()
    for at, r in enumerate(long.tolist()):
        mine = maxima[spans[at] : spans[at + 1]]
        bar[r] = np.partition(mine, len(mine) - m)[len(mine) - m]
    return bar
