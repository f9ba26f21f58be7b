"""The builder of the TF-IDF ``Matrix``: rows collected batch by batch from the tokenizers."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from index.events.features import (
    Codes,
    Floats,
    Ints,
    Matrix,
    Shingles,
    TermIds,
    code_type,
    norms,
    term_type,
)
from index.events.memory import Place, Spill, release
from index.events.sampled import Sampled
from index.events.store import StoreWriter
from index.events.terms import Rows

# Counts below this are coded through a table (one slot per kind and count) instead of a sort
SMALL_COUNTS = 1 << 16
# Batches placed in the matrix between two releases of their memory (100k: ~400 batches)
RELEASE_BATCHES = 32
# Entries held in memory: past these every batch waits in a temporary file until the matrix is
# made (100k: 28M entries, 140 MB, while the copies' shingles are compared; 10k: 2.8M, held)
HELD_ENTRIES = 8_000_000


@dataclass
class _Batch:
    rows: list[str]  # article ids
    titles: list[str]
    ptr: Ints
    features: npt.NDArray[np.int32] | Place  # builder ids (or their place in the spill file)
    codes: Codes | Place  # an entry's kind is its code's: whether it is specific is not kept apart


class Builder:
    """Collects ``Rows`` batch by batch, from one or more tokenizers, and makes the ``Matrix``."""

    def __init__(self, sink: StoreWriter | None = None) -> None:
        self.sink = sink  # where the rows go too, by content, for the next grouping
        self._ids: dict[str, int] = {}
        self._names: list[str] = []
        self._pairs: dict[tuple[float, float], int] = {}
        self._batches: list[_Batch] = []
        self._held = 0  # entries of the batches in memory
        self._spilling = False
        self._spill = Spill()
        self._code = code_type(0)  # the type of the codes (spilled ones may be narrower)
        self._df = np.zeros(1024, dtype=np.int64)
        self._specific = np.zeros(1024, dtype=np.int64)
        self.sampled = Sampled.default()  # each article's shingles (copies.py)

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
        shingles: Sequence[Shingles] | None = None,
    ) -> None:
        """The terms of ``articles`` (their ids and titles), named by a tokenizer's feature ids,
        which ``mapping`` maps to the builder's; ``hashes``: their contents (for the sink);
        ``shingles``: their sampled shingles."""
        features = mapping[rows.features]
        if self.sink is not None and hashes is not None:
            self.sink.write(hashes, rows, features)
        if shingles is not None:
            if self.sink is not None and hashes is not None:
                self.sink.shingles(hashes, shingles)
            self.sampled.add(articles, shingles)
        codes = self._codes(rows.counts, rows.kinds)
        size = len(self._names)
        if size > len(self._df):
            grow = max(size, 2 * len(self._df)) - len(self._df)
            self._df = np.r_[self._df, np.zeros(grow, dtype=np.int64)]
            self._specific = np.r_[self._specific, np.zeros(grow, dtype=np.int64)]
        self._df[:size] += np.bincount(features, minlength=size)
        specific = rows.kinds > 1.0
        self._specific[:size] += np.bincount(features[specific], minlength=size)
        batch = _Batch(articles, titles, rows.ptr, features, codes)
        self._held += len(features)
        self._batches.append(batch)
        if len(self._batches) % RELEASE_BATCHES == 0:
            # the workers' messages, unpickled and freed once gathered, left free pages in the
            # heap (100k streamed: the reading's peak 319 -> 261 MB; ~12 calls, ms each)
            release()
        if self._spilling:
            self._set_aside(batch)
        elif self._held > HELD_ENTRIES:  # from now on every batch waits in the file
            self._spilling = True
            for held in self._batches:
                self._set_aside(held)

    def _set_aside(self, batch: _Batch) -> None:
        """Move ``batch``'s entries to the spill file (unless there is none)."""
        assert isinstance(batch.features, np.ndarray) and isinstance(batch.codes, np.ndarray)
        features, codes = self._spill.put(batch.features), self._spill.put(batch.codes)
        if features is not None and codes is not None:
            self._held -= len(batch.features)
            batch.features, batch.codes = features, codes

    def _entries(self, batch: _Batch) -> tuple[npt.NDArray[np.int32], Codes]:
        """A batch's (features, codes), read back if set aside."""
        features, codes = batch.features, batch.codes
        if not isinstance(features, np.ndarray):
            features = self._spill.get(features)
        if not isinstance(codes, np.ndarray):
            codes = self._spill.get(codes).astype(self._code, copy=False)
        return features, codes

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
        self._code = kind = code_type(len(known))
        for batch in self._batches:  # the table outgrew the type of the codes held (spilled
            # codes are widened when read back)
            held = batch.codes
            if isinstance(held, np.ndarray) and held.itemsize < np.dtype(kind).itemsize:
                batch.codes = held.astype(kind)
        return codes.astype(kind)

    def _only(self, keep: Collection[str]) -> None:
        """Drop the rows of articles not in ``keep`` (their terms no longer count)."""
        size = len(self._names)
        kinds = np.zeros(len(self._pairs))  # by code
        for (_, kind), code in self._pairs.items():
            kinds[code] = kind
        for at, batch in enumerate(self._batches):
            mine = np.array([a in keep for a in batch.rows], dtype=np.bool_)
            if mine.all():
                continue
            lengths = np.diff(batch.ptr)
            entries = np.repeat(mine, lengths)
            features, codes = self._entries(batch)
            gone = features[~entries]
            self._df[:size] -= np.bincount(gone, minlength=size)
            specific = kinds[codes[~entries]] > 1.0
            self._specific[:size] -= np.bincount(gone[specific], minlength=size)
            ptr = np.zeros(int(mine.sum()) + 1, dtype=np.int64)
            np.cumsum(lengths[mine], out=ptr[1:])
            spilled = not isinstance(batch.features, np.ndarray)
            self._batches[at] = batch = _Batch(
                [a for a, m in zip(batch.rows, mine.tolist(), strict=True) if m],
                [t for t, m in zip(batch.titles, mine.tolist(), strict=True) if m],
                ptr,
                features[entries],
                codes[entries],
            )
            if spilled:
                self._set_aside(batch)

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
        self._ids, self._names, self._pairs = {}, [], {}
        # nor the terms' document counts (100k: ~8 MB through the neighbour search that follows)
        self._df = self._specific = np.zeros(0, dtype=np.int64)
        self.sampled.close()
        matrix = _assemble(
            self._batches, self._entries, position, vocabulary, counts, kinds, idf, specific, rank
        )
        self._spill.close()
        release()
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


def _ranked(
    batch: _Batch, features: npt.NDArray[np.int32], codes: Codes, rank: Ints, position: Ints
) -> tuple[Ints, Ints, Codes]:
    """A batch's entries as (final row, term, code), terms ranked and ascending in each row."""
    rows = np.repeat(position, np.diff(batch.ptr))
    terms = rank[features]
    keep = terms >= 0
    rows, terms, codes = rows[keep], terms[keep], codes[keep]
    # a (row, term) pair is unique: one sort of packed keys orders them as a lexsort would
    order = np.argsort((rows << 32) | terms)
    return rows[order], terms[order], codes[order]


def _assemble(
    batches: list[_Batch],
    entries: Callable[[_Batch], tuple[npt.NDArray[np.int32], Codes]],
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
    twice only for the batch being placed (100k: ~28M entries, 3 bytes each in the matrix)."""
    n = len(position)
    lengths = np.zeros(n, dtype=np.int64)
    first = 0
    for batch in batches:
        rows = np.repeat(position[first : first + len(batch.rows)], np.diff(batch.ptr))
        lengths += np.bincount(rows[rank[entries(batch)[0]] >= 0], minlength=n)
        first += len(batch.rows)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=ptr[1:])
    terms: TermIds = np.empty(ptr[-1], dtype=term_type(len(vocabulary)))
    codes: Codes = np.empty(ptr[-1], dtype=code_type(len(counts)))
    first = 0
    batches.reverse()  # popped from the end, in the order added
    while batches:
        batch = batches.pop()
        rows, part_terms, part_codes = _ranked(
            batch, *entries(batch), rank, position[first : first + len(batch.rows)]
        )
        first += len(batch.rows)
        # entries of one row are contiguous and in order within a batch: each goes to its row's
        # start plus its rank inside the row
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        inside = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
        at = ptr[rows] + inside
        terms[at] = part_terms
        codes[at] = part_codes
        if len(batches) % RELEASE_BATCHES == 0:
            release()  # the placed batches' pages, while the matrix's fill (100k: ~170 MB)
    matrix = Matrix(vocabulary, ptr, terms, codes, counts, kinds, idf, specific)
    matrix.norms = norms(matrix)
    return matrix
