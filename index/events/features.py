"""Weighted TF-IDF rows of the articles being grouped, held compactly and weighed on demand.

Each article is a unit vector over the corpus's terms: sublinear term frequency times the term's
kind weight (``terms``) times its IDF, divided by the row's norm. A row is kept as its term ids
(ascending; ids rank the terms as their strings compare, so ties broken by id are broken as by
term) and a small code per entry naming its (count, kind) pair: 6 bytes per entry instead of the
12 of an id and a float, which is what lets 100,000 articles be grouped in 400 MB. Weights are
computed from the codes when needed, the same floats every time.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from index.events.store import StoreWriter
from index.events.terms import Rows

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Codes = npt.NDArray[np.uint16] | npt.NDArray[np.uint32]
Shingles = npt.NDArray[np.uint64]
# Up to this many entries the weights are computed once and kept (8 bytes each)
KEEP_WEIGHTS = 8_000_000
# Counts below this are coded through a table (one slot per kind and count) instead of a sort
SMALL_COUNTS = 1 << 16


@dataclass
class Matrix:
    """The unit TF-IDF rows of ``n`` articles over ``vocabulary`` (sorted)."""

    vocabulary: list[str]
    ptr: Ints  # row r is entries ptr[r]:ptr[r + 1]
    terms: npt.NDArray[np.int32]
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

    def _weigh(self, entries: Ints | None, rows: Ints | None) -> Floats:
        if entries is None:
            codes, terms = self.codes, self.terms
            rows = np.repeat(np.arange(self.n, dtype=np.int64), np.diff(self.ptr))
        else:
            codes, terms = self.codes[entries], self.terms[entries]
            rows = self.rows_of(entries) if rows is None else rows
        return self.factors()[codes] * self.idf[terms] / self.norms[rows]


@dataclass
class _Batch:
    rows: list[str]  # article ids
    titles: list[str]
    ptr: Ints
    features: npt.NDArray[np.int32]  # builder ids
    codes: Codes
    specific: npt.NDArray[np.bool_]  # by entry: weighed as a name, number or date (kind > 1)


class Builder:
    """Collects ``Rows`` batch by batch, from one or more tokenizers, and makes the ``Matrix``."""

    def __init__(self, sink: StoreWriter | None = None) -> None:
        self.sink = sink  # where the rows go too, by content, for the next grouping
        self._ids: dict[str, int] = {}
        self._names: list[str] = []
        self._pairs: dict[tuple[float, float], int] = {}
        self._batches: list[_Batch] = []
        self._df = np.zeros(1024, dtype=np.int64)
        self._specific = np.zeros(1024, dtype=np.int64)
        self.sampled: dict[str, Shingles] = {}  # each article's shingles (copies.py), by id

    def mapping(self, names: Sequence[str]) -> npt.NDArray[np.int32]:
        """The builder's ids of ``names`` (a tokenizer's vocabulary, or the part of it added
        since the last call: the caller concatenates)."""
        ids, known = self._ids, self._names
        out = np.empty(len(names), dtype=np.int32)
        for i, name in enumerate(names):
            found = ids.get(name)
            if found is None:
                found = ids[name] = len(known)
                known.append(name)
            out[i] = found
        return out

    def add(
        self,
        articles: list[str],
        titles: list[str],
        rows: Rows,
        mapping: npt.NDArray[np.int32],
        hashes: list[bytes] | None = None,
        shingles: list[Shingles] | None = None,
    ) -> None:
        """The terms of ``articles`` (their ids and titles), named by a tokenizer's feature ids,
        which ``mapping`` maps to the builder's; ``hashes``: their contents (for the sink);
        ``shingles``: their sampled shingles."""
        features = mapping[rows.features]
        if self.sink is not None and hashes is not None:
            self.sink.write(hashes, rows, features)
        if shingles is not None:
            self.sampled.update(zip(articles, shingles, strict=True))
            if self.sink is not None and hashes is not None:
                for content, sampled in zip(hashes, shingles, strict=True):
                    self.sink.shingles(content, sampled)
        codes = self._codes(rows.counts, rows.kinds)
        size = len(self._names)
        if size > len(self._df):
            grow = max(size, 2 * len(self._df)) - len(self._df)
            self._df = np.r_[self._df, np.zeros(grow, dtype=np.int64)]
            self._specific = np.r_[self._specific, np.zeros(grow, dtype=np.int64)]
        self._df[:size] += np.bincount(features, minlength=size)
        specific = rows.kinds > 1.0
        self._specific[:size] += np.bincount(features[specific], minlength=size)
        self._batches.append(_Batch(articles, titles, rows.ptr, features, codes, specific))

    def _codes(self, counts: npt.NDArray[np.float64], kinds: npt.NDArray[np.float64]) -> Codes:
        """The code of each (count, kind) pair: its place in the builder's table of pairs."""
        known = self._pairs
        codes = np.empty(len(counts), dtype=np.int64)
        kind_values = _few_distinct(kinds)
        kind_of = np.searchsorted(kind_values, kinds)
        whole = counts.astype(np.int64)
        top = int(whole.max()) + 1 if len(whole) else 0
        if np.array_equal(whole, counts) and whole.min(initial=0) >= 0 and top <= SMALL_COUNTS:
            # counts are small integers (always, from a tokenizer): each (kind, count) pair is
            # a slot of a table, found without sorting the entries
            slot = kind_of * top + whole
            present = np.flatnonzero(np.bincount(slot, minlength=len(kind_values) * top))
            table = np.empty(len(kind_values) * top, dtype=np.int64)
            kinds_list = kind_values.tolist()
            table[present] = [
                known.setdefault((float(s % top), kinds_list[s // top]), len(known))
                for s in present.tolist()
            ]
            codes[:] = table[slot]
        else:
            for k, kind in enumerate(kind_values.tolist()):
                mine = kind_of == k
                values, inverse = np.unique(counts[mine], return_inverse=True)
                table_list = [known.setdefault((c, kind), len(known)) for c in values.tolist()]
                codes[mine] = np.array(table_list, dtype=np.int64)[inverse.reshape(-1)]
        if len(known) > 0xFFFF:
            for batch in self._batches:
                batch.codes = batch.codes.astype(np.uint32)
            return codes.astype(np.uint32)
        return codes.astype(np.uint16)

    def _only(self, keep: Collection[str]) -> None:
        """Drop the rows of articles not in ``keep`` (their terms no longer count)."""
        size = len(self._names)
        for at, batch in enumerate(self._batches):
            mine = np.array([a in keep for a in batch.rows], dtype=np.bool_)
            if mine.all():
                continue
            lengths = np.diff(batch.ptr)
            entries = np.repeat(mine, lengths)
            gone = batch.features[~entries]
            self._df[:size] -= np.bincount(gone, minlength=size)
            self._specific[:size] -= np.bincount(gone[batch.specific[~entries]], minlength=size)
            ptr = np.zeros(int(mine.sum()) + 1, dtype=np.int64)
            np.cumsum(lengths[mine], out=ptr[1:])
            self._batches[at] = _Batch(
                [a for a, m in zip(batch.rows, mine.tolist(), strict=True) if m],
                [t for t, m in zip(batch.titles, mine.tolist(), strict=True) if m],
                ptr,
                batch.features[entries],
                batch.codes[entries],
                batch.specific[entries],
            )

    def matrix(self, keep: Collection[str] | None = None) -> tuple[list[str], list[str], Matrix]:
        """(the article ids in id order, their titles, their rows in that order), of the
        articles in ``keep`` (all when None), as if only those had been added. Once only. The
        sink, if any, is finished: it holds every row added."""
        if self.sink is not None:
            self.sink.finish(self._names)
            self.sink = None
        if keep is not None:
            self._only(keep)
        ids = [a for batch in self._batches for a in batch.rows]
        titles = [t for batch in self._batches for t in batch.titles]
        n = len(ids)
        df = self._df[: len(self._names)]
        # a term no other article has cannot link two articles; idf > 0 holds for every other
        kept = np.flatnonzero(df >= 2)
        names = [self._names[i] for i in kept.tolist()]
        order = sorted(range(len(names)), key=names.__getitem__)
        vocabulary = [names[i] for i in order]
        rank = np.full(len(self._names), -1, dtype=np.int64)
        rank[kept[order]] = np.arange(len(order))
        kept_df = df[kept[order]]
        logs = {d: math.log((n + 1) / d) for d in set(kept_df.tolist())}
        idf = np.array([logs[d] for d in kept_df.tolist()], dtype=np.float64)
        specific = self._specific[kept[order]]
        pairs = sorted(self._pairs, key=self._pairs.__getitem__)
        counts = np.array([c for c, _ in pairs], dtype=np.float64)
        kinds = np.array([k for _, k in pairs], dtype=np.float64)
        by_id = sorted(range(n), key=ids.__getitem__)
        position = np.empty(n, dtype=np.int64)
        position[by_id] = np.arange(n)
        # the builder's tables of every feature name and the shingles are not needed past this
        # point, and a caller may hold the builder while it groups (10k: ~50 MB)
        self._ids, self._names, self._pairs, self.sampled = {}, [], {}, {}
        matrix = _assemble(self._batches, position, vocabulary, counts, kinds, idf, specific, rank)
        return [ids[i] for i in by_id], [titles[i] for i in by_id], matrix


def _few_distinct(values: Floats) -> Floats:
    """The distinct values, ascending, of an array that holds a handful of them (kind weights):
    one pass per distinct value instead of a sort of every entry."""
    found: list[float] = []
    rest = values
    while len(rest):
        if len(found) == 16:  # not a handful after all (or a NaN, which never leaves)
            return np.unique(values)
        found.append(rest[0])
        rest = rest[rest != rest[0]]
    return np.sort(np.array(found, dtype=np.float64))


def _ranked(batch: _Batch, rank: Ints, position: Ints) -> tuple[Ints, npt.NDArray[np.int32], Codes]:
    """A batch's entries as (final row, term, code), terms ranked and ascending in each row."""
    rows = np.repeat(position, np.diff(batch.ptr))
    terms = rank[batch.features]
    keep = terms >= 0
    rows, terms, codes = rows[keep], terms[keep], batch.codes[keep]
    # a (row, term) pair is unique: one sort of packed keys orders them as a lexsort would
    order = np.argsort((rows << 32) | terms)
    return rows[order], terms[order].astype(np.int32), codes[order]


def _assemble(
    batches: list[_Batch],
    position: Ints,
    vocabulary: list[str],
    counts: Floats,
    kinds: Floats,
    idf: Floats,
    specific: Ints,
    rank: Ints,
) -> Matrix:
    """The matrix of the batches' rows (``position``: each added row's final row, in the order
    added), emptying ``batches``: each is placed and dropped in turn, so the entries are held
    twice only for the batch being placed (100k: ~28M entries, 6 bytes each in the matrix)."""
    n = len(position)
    lengths = np.zeros(n, dtype=np.int64)
    first = 0
    for batch in batches:
        rows = np.repeat(position[first : first + len(batch.rows)], np.diff(batch.ptr))
        lengths += np.bincount(rows[rank[batch.features] >= 0], minlength=n)
        first += len(batch.rows)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=ptr[1:])
    dtype = np.uint32 if any(b.codes.dtype == np.uint32 for b in batches) else np.uint16
    terms = np.empty(ptr[-1], dtype=np.int32)
    codes = np.empty(ptr[-1], dtype=dtype)
    first = 0
    batches.reverse()  # popped from the end, in the order added
    while batches:
        batch = batches.pop()
        rows, part_terms, part_codes = _ranked(
            batch, rank, position[first : first + len(batch.rows)]
        )
        first += len(batch.rows)
        # entries of one row are contiguous and in order within a batch: each goes to its row's
        # start plus its rank inside the row
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        inside = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
        at = ptr[rows] + inside
        terms[at] = part_terms
        codes[at] = part_codes
    matrix = Matrix(vocabulary, ptr, terms, codes, counts, kinds, idf, specific)
    matrix.norms = _norms(matrix)
    return matrix


# Rows whose entries are weighed at once where every row is (bounds the floats held at 100k)
CHUNK_ROWS = 4096


def row_chunks(ptr: Ints) -> list[tuple[int, int]]:
    """Consecutive row ranges of about CHUNK_ROWS rows each."""
    n = len(ptr) - 1
    return [(lo, min(n, lo + CHUNK_ROWS)) for lo in range(0, n, CHUNK_ROWS)]


def _norms(matrix: Matrix) -> Floats:
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
