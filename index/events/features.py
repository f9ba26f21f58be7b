"""Weighted TF-IDF rows of the articles being grouped, held compactly and weighed on demand.

Each article is a unit vector over the corpus's terms: sublinear term frequency times the term's
kind weight (``terms``) times its IDF, divided by the row's norm. A row is kept as its term ids
(ascending; ids rank the terms as their strings compare, so ties broken by id are broken as by
term) and a small code per entry naming its (count, kind) pair, each in the smallest integer type
that holds them (100k: 3 bytes per entry, 6 with a vocabulary over 65,536 terms) instead of the 12
of an id and a float. Weights are computed from the codes when needed, the same floats every
time. ``builder.py`` makes the matrix.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Codes = npt.NDArray[np.unsignedinteger[Any]]  # uint8, uint16 or uint32: code_type
TermIds = npt.NDArray[np.integer[Any]]  # uint16 or int32: term_type
Shingles = npt.NDArray[np.uint64]
Array = npt.NDArray[Any]
# ptr, terms, kept weights, codes, factors, idf, norms (Matrix.kernel_arrays)
KernelArrays = tuple[Array, Array, Array, Array, Array, Array, Array]
# Up to this many entries the weights are computed once and kept (8 bytes each)
KEEP_WEIGHTS = 8_000_000


@dataclass
class Matrix:
    """The unit TF-IDF rows of ``n`` articles over ``vocabulary`` (sorted)."""

    vocabulary: list[str]
    ptr: Ints  # row r is entries ptr[r]:ptr[r + 1]
    terms: TermIds
    codes: Codes
    counts: Floats  # by code: the count and the kind weight of a (row, term) pair
    kinds: Floats
    idf: Floats  # by term
    specific: Ints  # by term: how many rows weigh it as a name, number or date (kind > 1)
    norms: Floats = field(default_factory=lambda: np.zeros(0))  # by row
    _weights: Floats | None = None
    _factors: Floats | None = None

    @classmethod
    def from_weights(cls, rows: Sequence[dict[str, float]]) -> Matrix:
        """A matrix whose row i holds exactly the weights ``rows[i]`` (for tests and small
        experiments: each weight stands as its own (count 1, kind) pair, idf and norms 1)."""
        vocabulary = sorted({t for row in rows for t in row})
        number = {t: i for i, t in enumerate(vocabulary)}
        terms, kinds = [], []
        for row in rows:
            for term in sorted(row, key=number.__getitem__):
                terms.append(number[term])
                kinds.append(row[term])
        ptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(row) for row in rows], out=ptr[1:])
        size = len(terms)
        return cls(
            vocabulary,
            ptr,
            np.array(terms, dtype=np.int32),
            np.arange(size, dtype=np.uint32),
            np.ones(size),
            np.array(kinds, dtype=np.float64),
            np.ones(len(vocabulary)),
            np.zeros(len(vocabulary), dtype=np.int64),
            np.ones(len(rows)),
        )

    @property
    def n(self) -> int:
        return len(self.ptr) - 1

    def row(self, i: int) -> dict[str, float]:
        """Row ``i`` as {term: weight}."""
        entries = np.arange(self.ptr[i], self.ptr[i + 1])
        names = [self.vocabulary[t] for t in self.terms[entries].tolist()]
        return dict(zip(names, self.weights(entries).tolist(), strict=True))

    def subset(self, rows: Sequence[int] | Ints) -> Matrix:
        """The matrix of ``rows`` alone (ascending), weighed as in this one: same vocabulary,
        IDF and norms, so a row's weights are the same floats here and there."""
        rows = np.asarray(rows, dtype=np.int64)
        entries = self.entries(rows)
        ptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(self.ptr[rows + 1] - self.ptr[rows], out=ptr[1:])
        return Matrix(
            self.vocabulary,
            ptr,
            self.terms[entries],
            self.codes[entries],
            self.counts,
            self.kinds,
            self.idf,
            self.specific,
            self.norms[rows],
        )

    def rows_of(self, entries: Ints) -> Ints:
        return np.searchsorted(self.ptr, entries, side="right") - 1

    def entries(self, rows: Sequence[int] | Ints) -> Ints:
        """The entry indices of ``rows``, row after row."""
        rows = np.asarray(rows, dtype=np.int64)
        starts = self.ptr[rows]
        lengths = self.ptr[rows + 1] - starts
        shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        return shift + np.arange(int(lengths.sum()), dtype=np.int64)

    def factors(self) -> Floats:
        """By code: the sublinear count times the kind weight (math.log: libm's own rounding)."""
        if self._factors is None:
            logs = np.array([math.log(c) for c in self.counts.tolist()], dtype=np.float64)
            self._factors = (1.0 + logs) * self.kinds
        return self._factors

    def weights(self, entries: Ints | None = None, rows: Ints | None = None) -> Floats:
        """The weights of ``entries`` (of every entry when None); ``rows``: their rows if known.
        Kept once computed when the matrix is small, computed each time when it is large."""
        if self._weights is None and len(self.codes) <= KEEP_WEIGHTS:
            self._weights = self._weigh(None, None)
        if self._weights is not None:
            return self._weights if entries is None else self._weights[entries]
        return self._weigh(entries, rows)

    def kept(self) -> Floats | None:
        """Every entry's weight when the matrix keeps them (up to KEEP_WEIGHTS entries), else
        None: they are made from the codes each time (100k: the kept floats would take ~200 MB)."""
        return self.weights() if len(self.codes) <= KEEP_WEIGHTS else None

    def kernel_arrays(self) -> KernelArrays:
        """What the C kernels weigh entries from, C-contiguous: ptr, terms, the kept weights
        (empty when made from the codes), codes, factors, idf, norms."""
        kept = self.kept()
        c = np.ascontiguousarray
        weights = np.zeros(0) if kept is None else kept
        return (
            c(self.ptr), c(self.terms), c(weights), c(self.codes), c(self.factors()), c(self.idf),
            c(self.norms),
        )  # fmt: skip

    def _weigh(self, entries: Ints | None, rows: Ints | None) -> Floats:
        if entries is None:
            codes, terms = self.codes, self.terms
            rows = np.repeat(np.arange(self.n, dtype=np.int64), np.diff(self.ptr))
        else:
            codes, terms = self.codes[entries], self.terms[entries]
            rows = self.rows_of(entries) if rows is None else rows
        return self.factors()[codes] * self.idf[terms] / self.norms[rows]


# Rows whose entries are weighed at once where every row is (bounds the floats held at 100k)
CHUNK_ROWS = 4096


def row_chunks(ptr: Ints, rows: int = CHUNK_ROWS) -> list[tuple[int, int]]:
    """Consecutive row ranges of ``rows`` rows each (the last one shorter)."""
    n = len(ptr) - 1
    return [(lo, min(n, lo + rows)) for lo in range(0, n, rows)]


def norms(matrix: Matrix) -> Floats:
    """Each row's norm, a range of rows at a time. The norm sums the squares of a row's weights
    in term order, one after the other (bincount adds in array order): the same float on every
    machine, unlike a SIMD-ordered sum."""
    norms = np.zeros(matrix.n)
    factors, ptr = matrix.factors(), matrix.ptr
    for lo, hi in row_chunks(ptr):
        span = slice(int(ptr[lo]), int(ptr[hi]))
        pre = factors[matrix.codes[span]] * matrix.idf[matrix.terms[span]]
        rows = np.repeat(np.arange(hi - lo, dtype=np.int64), np.diff(ptr[lo : hi + 1]))
        norms[lo:hi] = np.sqrt(np.bincount(rows, weights=pre * pre, minlength=hi - lo))
    norms[norms == 0.0] = 1.0  # an empty row stays empty
    return norms


def code_type(size: int) -> type[np.unsignedinteger[Any]]:
    """The smallest unsigned type holding the codes below ``size``."""
    return np.uint8 if size <= 1 << 8 else np.uint16 if size <= 1 << 16 else np.uint32


def term_type(size: int) -> type[np.integer[Any]]:
    """The type of the term ids of a vocabulary of ``size`` terms: 2 bytes when they fit (code
    that computes with term ids widens them first: a sum in this type could wrap)."""
    return np.uint16 if size <= 1 << 16 else np.int32
