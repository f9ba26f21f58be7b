"""Each article's sampled shingles (shingles.py), held a batch at a time for the copies' families
(copies.py). Past HELD_SHINGLES every batch waits in a temporary file (memory.Spill), its
shingles ordered by hash bucket, so the families read them back a slice of hash values at a
time and never hold them all (100k reports: ~14M shingles, 113 MB as arrays)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from index.events.memory import Place, Spill
from index.events.shingles import Samples, Shingles

# Shingles held in memory: past these every batch's wait in the file until the families are
# found (100k: ~14M; 10k: ~1.4M, held, the file never written)
HELD_SHINGLES = 4_000_000
# A batch set aside is ordered by the top bits of its shingles' hash values: a slice of hash
# values (a power of two of them, copies.py) is then one read of the batch's file part
BUCKET_BITS = 6
BUCKETS = 1 << BUCKET_BITS
_DIGEST = 16  # bytes of a text's key (blake2b of its sorted shingles' bytes)

Ints = npt.NDArray[np.int64]
Owners = npt.NDArray[np.int32] | npt.NDArray[np.int64]


@dataclass
class _Part:
    ids: Sequence[str]  # one batch's articles
    bounds: Ints  # text t holds bounds[t + 1] - bounds[t] shingles
    digests: bytes  # text t's key: digests[16t:16t + 16] (zeros for a text with no shingle)
    values: Shingles | None  # the shingles, text after text (None once set aside)
    # set aside: (the shingles, each one's text in the batch, both in bucket order; where each
    # bucket starts)
    aside: tuple[Place, Place, Ints] | None = None


@dataclass(frozen=True)
class Nodes:
    """Texts chosen of a Sampled, those with shingles, as nodes: texts with the same shingles
    are one (exact copies; a shingle's count is of different texts)."""

    ids: list[str]  # each text's article, in the order of the parts and their texts
    node: Ints  # each text's node, nodes numbered in the order of their first text
    first: Ints  # each node's first text
    lengths: Ints  # each node's shingles
    owners: list[Owners]  # of each part's texts: its node if it is the node's first, else -1

    def members(self) -> dict[int, list[str]]:
        """The articles of each node of two texts or more."""
        many = np.flatnonzero(np.bincount(self.node, minlength=len(self.first)) > 1)
        texts = np.flatnonzero(np.isin(self.node, many))
        out: dict[int, list[str]] = {}
        for t, n in zip(texts.tolist(), self.node[texts].tolist(), strict=True):
            out.setdefault(n, []).append(self.ids[t])
        return out


def _samples(shingles: Sequence[Shingles]) -> Samples:
    """``shingles`` as one Samples (a copy: a store's arrays are views of all of its own)."""
    if isinstance(shingles, Samples):
        return shingles
    lengths = np.array([len(s) for s in shingles], dtype=np.int64)
    values = np.zeros(int(lengths.sum()), dtype=np.uint64)
    if len(shingles):
        np.concatenate([np.asarray(s, dtype=np.uint64) for s in shingles], out=values)
    return Samples(values, np.r_[0, np.cumsum(lengths)])


class Sampled:
    """The sampled shingles of the articles added, by batch; ``held``: shingles held in memory
    before every batch goes to the temporary file (None: never)."""

    def __init__(self, held: int | None) -> None:
        self.parts: list[_Part] = []
        self._limit = held
        self._held = 0
        self._spilling = False
        self._spill = Spill()

    def add(self, ids: Sequence[str], shingles: Sequence[Shingles]) -> None:
        """The shingles of the articles ``ids`` (a later article of the same id replaces)."""
        samples = _samples(shingles)
        bounds = samples.bounds.astype(np.int64, copy=False)
        ends = bounds.tolist()
        values = samples.values
        digests = b"".join(
            hashlib.blake2b(values[a:b].tobytes(), digest_size=_DIGEST).digest()
            if b > a
            else bytes(_DIGEST)
            for a, b in zip(ends[:-1], ends[1:], strict=True)
        )
        part = _Part(ids, bounds, digests, values)
        self.parts.append(part)
        self._held += len(values)
        if self._spilling:
            self._set_aside(part)
        elif self._limit is not None and self._held > self._limit:
            self._spilling = True  # from now on every batch waits in the file
            for held in self.parts:
                self._set_aside(held)

    def _set_aside(self, part: _Part) -> None:
        values = part.values
        if values is None or not len(values):
            return
        count = len(part.bounds) - 1
        text = np.repeat(
            np.arange(count, dtype=np.uint16 if count <= 1 << 16 else np.uint32),
            np.diff(part.bounds),
        )
        bucket = (values >> np.uint64(64 - BUCKET_BITS)).astype(np.uint8)
        order = np.argsort(bucket, kind="stable")  # texts stay in order within a bucket
        starts = np.zeros(BUCKETS + 1, dtype=np.int64)
        np.cumsum(np.bincount(bucket, minlength=BUCKETS), out=starts[1:])
        at = self._spill.put(values[order])
        if at is None:
            return  # no file to write to: it stays in memory
        texts = self._spill.put(text[order])
        if texts is None:
            return
        part.values, part.aside = None, (at, texts, starts)
        self._held -= len(values)

    def plus(self, more: Sampled) -> Sampled:
        """These parts, then ``more``'s held in memory (the same file)."""
        assert all(part.aside is None for part in more.parts)
        joined = Sampled(None)
        joined.parts, joined._spill = self.parts + more.parts, self._spill
        return joined

    @classmethod
    def default(cls) -> Sampled:
        """Holding HELD_SHINGLES in memory, the rest in the file."""
        return cls(HELD_SHINGLES)

    @property
    def spilled(self) -> bool:
        """True when some batch waits in the file."""
        return any(p.aside is not None for p in self.parts)

    def choose(self, wanted: Iterable[str]) -> tuple[list[Ints], set[str]]:
        """For each part, its texts (ascending) of articles in ``wanted`` (of an id added twice,
        the last); and the ids of ``wanted`` not found."""
        left = set(wanted)
        chosen: list[Ints] = []
        for part in reversed(self.parts):
            ids, mine = part.ids, []
            for t in range(len(ids) - 1, -1, -1):
                if ids[t] in left:
                    left.discard(ids[t])
                    mine.append(t)
            chosen.append(np.array(mine[::-1], dtype=np.int64))
        chosen.reverse()
        return chosen, left

    def nodes(self, chosen: Sequence[Ints]) -> Nodes:
        """The ``chosen`` texts (``choose``) that hold shingles, as nodes: texts with the same
        shingles (the same digest) are one node, numbered in the order of their first text."""
        ids: list[str] = []
        keys, texts, sizes = [], [], []
        for part, mine in zip(self.parts, chosen, strict=True):
            size = np.diff(part.bounds)[mine]
            mine = mine[size > 0]  # a text without words copies nothing
            ids += [part.ids[t] for t in mine.tolist()]
            keys.append(np.frombuffer(part.digests, dtype=f"V{_DIGEST}")[mine])
            texts.append(mine)
            sizes.append(size[size > 0])
        digests = np.concatenate(keys or [np.zeros(0, dtype=f"V{_DIGEST}")])
        _, first, inverse = np.unique(digests, return_index=True, return_inverse=True)
        rank = np.empty(len(first), dtype=np.int64)
        rank[np.argsort(first)] = np.arange(len(first))
        node = rank[inverse.reshape(-1)]
        first = np.sort(first)  # each node's first text, the nodes in order
        lengths = np.concatenate(sizes or [np.zeros(0, dtype=np.int64)])[first]
        owners: list[Owners] = []
        start = 0
        for part, mine in zip(self.parts, texts, strict=True):
            owner = np.full(len(part.ids), -1, dtype=np.int64)
            nodes = node[start : start + len(mine)]
            lead = first[nodes] == np.arange(start, start + len(mine))
            owner[mine[lead]] = nodes[lead]
            # 4 bytes while the slices are counted (the pairs' keys widen them again)
            owners.append(owner.astype(np.int32) if len(first) < 2**31 else owner)
            start += len(mine)
        return Nodes(ids, node, first, lengths, owners)

    def slice(self, owners: Sequence[Owners], s: int, slices: int) -> tuple[Shingles, Owners]:
        """Slice ``s`` of ``slices`` of the hash values (a power of two): the shingles of the
        texts whose owner is not negative (``owners``: one array a part, an owner a text) and
        their owners, part after part and text after text within a part."""
        shift = np.uint64(64 - slices.bit_length() + 1)
        span = BUCKETS // slices if slices <= BUCKETS else 0
        size = 0  # at most this many: every part's shingles in the slice
        for part in self.parts:
            if part.aside is not None and span:
                size += int(part.aside[2][(s + 1) * span] - part.aside[2][s * span])
            elif part.values is not None and slices > 1:
                size += int(np.count_nonzero((part.values >> shift) == s))
            else:
                size += int(part.bounds[-1])
        flat = np.empty(size, dtype=np.uint64)
        kind = owners[0].dtype if owners else np.int32
        owner_of = np.empty(size, dtype=kind)
        at = 0
        for part, owner in zip(self.parts, owners, strict=True):
            if part.aside is not None and span:
                place, texts, starts = part.aside
                first, end = int(starts[s * span]), int(starts[(s + 1) * span])
                if end == first:
                    continue
                values = self._spill.get(place, first, end)
                mine = owner[self._spill.get(texts, first, end)]
            else:
                values = self._values(part)
                mine = np.repeat(owner, np.diff(part.bounds))
                if slices > 1:
                    inside = (values >> shift) == s
                    values, mine = values[inside], mine[inside]
            keep = mine >= 0
            if not keep.all():
                values, mine = values[keep], mine[keep]
            flat[at : at + len(values)] = values
            owner_of[at : at + len(values)] = mine
            at += len(values)
        return flat[:at], owner_of[:at]

    def _values(self, part: _Part) -> Shingles:
        """A part's shingles, text after text (read back whole if set aside: beyond BUCKETS
        slices)."""
        if part.values is not None:
            return part.values
        assert part.aside is not None
        at, texts, _ = part.aside
        values, text = self._spill.get(at), self._spill.get(texts)
        order = np.argsort(text, kind="stable")
        return values[order]

    def close(self) -> None:
        """Forget every part and the file."""
        self.parts = []
        self._spill.close()
