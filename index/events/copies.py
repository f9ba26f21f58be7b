"""Copies between reports (wire copy, syndication): source families and their origins."""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import overload

import numpy as np
import numpy.typing as npt

from index.base.models import Article

# Word 8-grams (shingles) of the lowercased body; a shingle is sampled when its first word's hash
# is 0 modulo SAMPLE, so every article keeps ~1/SAMPLE of them whatever its neighbours (two
# copies sample the same shingles). Two reports are copies when the sampled shingles they share are
# at least COPY_SHARE of the shorter one's (near-verbatim whole), or at least LONG_RUN of them
# (a long run of one agency text inside a longer report: ~LONG_RUN * SAMPLE words in common).
# Either way they share at least MIN_SHARED (~MIN_SHARED * SAMPLE words, two or three sentences):
# a brief that quotes one sentence of another report is not its copy.
SHINGLE = 8
SAMPLE = 4
COPY_SHARE = 0.5
LONG_RUN = 40
MIN_SHARED = 10
# A shingle found in more reports than this is boilerplate (a newsletter footer, a disclaimer):
# it pairs nobody, which also keeps the pairs counted near linear in the corpus size.
COMMON = 30
_WORD = re.compile(r"\w+")
# the same words in an ASCII text, found with ASCII classes (faster, and \w is [a-zA-Z0-9_] there)
_WORD_ASCII = re.compile(r"\w+", re.ASCII)


@dataclass(frozen=True)
class Family:
    """Reports that are copies of one another, with the origin when it can be told."""

    articles: tuple[str, ...]  # ids, sorted
    origin: str | None  # the earliest published, or the one whose outlet the others name


class _Crc(dict[str, int]):
    """crc32 of each word, computed once (a dict lookup per word after that, in C)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode("utf-8", "replace"))
        return value


# A shingle's hash: its word hashes as the digits of a number in base _BASE, modulo 2**64 (numpy
# unsigned arithmetic wraps); the same in every process, like the tuple hash it replaces
_BASE = np.uint64(1_000_003)


Shingles = npt.NDArray[np.uint64]


def _shingles(words: Shingles, starts: npt.NDArray[np.int64], size: int) -> Shingles:
    value = np.zeros(len(starts), dtype=np.uint64)
    for k in range(size):
        value = value * _BASE + words[starts + k]
    return value


class Sampler:
    """Samples articles' shingles one at a time, sharing the word hashes between them."""

    def __init__(self) -> None:
        self._cache = _Crc()

    def __call__(self, article: Article) -> Shingles:
        return self.text(article.title, article.body)

    def text(self, title: str, body: str) -> Shingles:
        """Hashes of the body's sampled shingles, sorted and distinct: those starting at a word
        whose hash is 0 modulo SAMPLE (word hashes are crc32, so two copies sample the same
        shingles in any process). An array, not a set of ints: 8 bytes a shingle instead of ~70
        (10k reports: the sets held ~130 MB at the grouping's peak)."""
        # a report of one line has it as its title and no body: its title is its text
        text = (body if body.strip() else title).lower()
        words = (_WORD_ASCII if text.isascii() else _WORD).findall(text)
        if not words:
            return np.zeros(0, dtype=np.uint64)
        hashes = np.fromiter(map(self._cache.__getitem__, words), np.uint64, len(words))
        starts = np.flatnonzero(hashes[: max(0, len(hashes) - SHINGLE + 1)] % SAMPLE == 0)
        out = _shingles(hashes, starts, SHINGLE)
        if not len(out):  # a report with no sampled shingle: its whole text is one
            out = _shingles(hashes, np.zeros(1, dtype=np.int64), len(hashes))
        return np.unique(out)

    def texts(self, texts: Sequence[tuple[str, str]]) -> Samples:
        """``text`` of each (title, body), the same arrays, made for the batch at once: one
        hashing pass over all its words and one sort, instead of a dozen small numpy calls per
        text (a third of the sampling's time)."""
        words = []
        for title, body in texts:
            text = (body if body.strip() else title).lower()
            words.append((_WORD_ASCII if text.isascii() else _WORD).findall(text))
        lengths = np.array([len(w) for w in words], dtype=np.int64)
        total = int(lengths.sum())
        hashes = np.fromiter(
            map(self._cache.__getitem__, chain.from_iterable(words)), np.uint64, total
        )
        ends = np.cumsum(lengths)
        owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        # a shingle starts where a word's hash is 0 modulo SAMPLE and its text holds SHINGLE
        # words from there on (windows never cross into the next text)
        at = np.flatnonzero((hashes % SAMPLE == 0) & (np.arange(total) + SHINGLE <= ends[owner]))
        values, own = _shingles(hashes, at, SHINGLE), owner[at]
        order = np.lexsort((values, own))
        values, own = values[order], own[order]
        distinct = np.r_[True, (values[1:] != values[:-1]) | (own[1:] != own[:-1])][: len(own)]
        values, own = values[distinct], own[distinct]
        bounds = np.searchsorted(own, np.arange(len(texts) + 1))
        lonely = np.flatnonzero((np.diff(bounds) == 0) & (lengths > 0))
        if len(lonely):
            # a text with no sampled shingle: its whole text is one, put in its empty place
            firsts = (ends - lengths)[lonely].tolist()
            whole = [
                _shingles(hashes, np.array([first], dtype=np.int64), int(lengths[t]))
                for first, t in zip(firsts, lonely.tolist(), strict=True)
            ]
            values = np.insert(values, bounds[lonely], np.concatenate(whole))
            bounds = bounds + np.searchsorted(lonely, np.arange(len(texts) + 1))
        return Samples(values, bounds.astype(np.int64))


@dataclass(frozen=True)
class Samples(Sequence[Shingles]):
    """The sampled shingles of consecutive texts, text t's ``values[bounds[t]:bounds[t + 1]]``:
    a batch's in one array, pickled and held as one (an array per text was, once unpickled, a
    bytes object and two arrays each, in a heap block of its own)."""

    values: Shingles
    bounds: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.bounds) - 1

    @overload
    def __getitem__(self, t: int) -> Shingles: ...

    @overload
    def __getitem__(self, t: slice) -> Sequence[Shingles]: ...

    def __getitem__(self, t: int | slice) -> Shingles | Sequence[Shingles]:
        if isinstance(t, slice):
            return [self[i] for i in range(len(self))[t]]
        t = range(len(self))[t]  # negative from the end; IndexError past it
        return self.values[self.bounds[t] : self.bounds[t + 1]]

    def __iter__(self) -> Iterator[Shingles]:
        ends = self.bounds.tolist()
        return (self.values[a:b] for a, b in zip(ends[:-1], ends[1:], strict=False))


def copy_pairs(
    articles: Sequence[Article], known: Mapping[str, Shingles] | None = None
) -> list[tuple[str, str]]:
    """Pairs of ids (sorted) of reports that are copies, wholly or in a long run. ``known``:
    articles' sampled shingles already made, by id (the others are sampled here)."""
    sampler = Sampler()
    # Reports with the same sampled shingles are one node: exact copies are copies at once, and
    # a shingle's count (for COMMON) is of different texts, however many times each is copied.
    # keyed by a 128-bit digest of the sorted shingles' bytes, not the bytes (100k: 120 MB more)
    nodes: dict[bytes, list[str]] = defaultdict(list)
    sets: list[Shingles] = []
    for a in articles:
        sampled = known.get(a.id) if known is not None else None
        if sampled is None:
            sampled = sampler(a)
        if len(sampled):  # a report without words copies nothing
            ids = nodes[hashlib.blake2b(sampled.tobytes(), digest_size=16).digest()]
            if not ids:
                sets.append(sampled)
            ids.append(a.id)
    members = list(nodes.values())  # in the order of ``sets``
    out = {tuple(sorted((a, b))) for ids in members for a in ids for b in ids if a < b}
    for i, j, shared in _shared(sets):
        smaller = min(len(sets[i]), len(sets[j]))
        if shared >= LONG_RUN or (shared >= MIN_SHARED and shared >= COPY_SHARE * smaller):
            out.update(tuple(sorted((a, b))) for a in members[i] for b in members[j])
    return sorted((a, b) for a, b in out)


# At most about this many shingles are counted at once (8 bytes each, several times over while
# sorted): more are counted a slice of hash values at a time (all at once, 100k reports' arrays
# and sorts held ~750 MB); fewer in one pass, which slicing would only slow down
SLICE_SHINGLES = 2_000_000


def _shared(sets: list[Shingles]) -> list[tuple[int, int, int]]:
    """(i, j, how many shingles sets i < j share), counting only shingles of 2..COMMON sets."""
    if not sets:
        return []
    slices = max(1, -(-sum(len(s) for s in sets) // SLICE_SHINGLES))
    if slices == 1:
        keys = _pair_keys(sets, len(sets))
    else:
        keys = _sliced_keys(sets, slices)
    if not keys:
        return []
    pairs, shared = np.unique(np.concatenate(keys), return_counts=True)
    return list(
        zip(
            (pairs // len(sets)).tolist(),
            (pairs % len(sets)).tolist(),
            shared.tolist(),
            strict=True,
        )
    )


def _sliced_keys(sets: list[Shingles], slices: int) -> list[npt.NDArray[np.int64]]:
    """``_pair_keys`` of every shingle, a slice of hash values at a time."""
    bounds = np.array([(k << 64) // slices for k in range(1, slices)], dtype=np.uint64)
    # each set is sorted: one searchsorted per set cuts it at the slices' bounds
    cuts = [np.r_[0, np.searchsorted(s, bounds), len(s)].tolist() for s in sets]
    keys = []
    for part in range(slices):
        pieces = [s[c[part] : c[part + 1]] for s, c in zip(sets, cuts, strict=True)]
        keys += _pair_keys(pieces, len(sets))
    return keys


def _pair_keys(pieces: list[Shingles], count: int) -> list[npt.NDArray[np.int64]]:
    """For each shingle in 2..COMMON of the sets (``pieces``: each set's shingles of one
    slice), the pairs i < j of sets holding it, as i * count + j."""
    flat = np.concatenate(pieces)
    owner = np.repeat(np.arange(len(pieces), dtype=np.int64), [len(p) for p in pieces])
    order = np.argsort(flat, kind="stable")  # owners stay ascending within a shingle
    flat, owner = flat[order], owner[order]
    firsts = np.flatnonzero(np.r_[True, flat[1:] != flat[:-1]]) if len(flat) else owner
    counts = np.diff(np.r_[firsts, len(flat)])
    keys = []
    for size in range(2, COMMON + 1):
        groups = firsts[counts == size]
        if not len(groups):
            continue
        members = owner[groups[:, None] + np.arange(size)]  # one row of owners per shingle
        a, b = np.triu_indices(size, 1)
        keys.append(members[:, a].ravel() * count + members[:, b].ravel())
    return keys


def _origin(members: Sequence[Article], body: Callable[[Article], str]) -> str | None:
    """The earliest published member; else the one whose outlet every other member names."""
    dated = sorted((a.published, a.id) for a in members if a.published)
    if len(dated) == len(members) and dated[0][0] != dated[1][0]:
        return dated[0][1]
    texts: dict[str, str] = {}  # each read once (``body`` may read a file)

    def text(b: Article) -> str:
        if b.id not in texts:
            texts[b.id] = body(b)
        return texts[b.id]

    named = [
        a.id
        for a in members
        if a.source and all(_names(text(b), a.source) for b in members if b.id != a.id)
    ]
    return named[0] if len(named) == 1 else None


def _own_body(article: Article) -> str:
    return article.body


def _names(body: str, outlet: str) -> bool:
    """True when ``body`` names ``outlet`` as a whole word ("AP", not the "ap" of "map")."""
    return re.search(rf"(?<!\w){re.escape(outlet)}(?!\w)", body, re.IGNORECASE) is not None


def source_families(
    articles: Sequence[Article],
    known: Mapping[str, Shingles] | None = None,
    body: Callable[[Article], str] = _own_body,
) -> list[Family]:
    """Every article in exactly one family (a report copied by nobody is a family of one).
    ``known``: sampled shingles already made, by article id (``copy_pairs``); ``body``: an
    article's body, read again when ``articles`` no longer hold theirs (index/events/stream.py:
    only members of a family whose dates do not tell its origin are read)."""
    by_id = {a.id: a for a in articles}
    parent = {i: i for i in by_id}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in copy_pairs(list(by_id.values()), known):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in by_id:
        groups[find(i)].append(i)
    families = []
    for members in groups.values():
        members.sort()
        origin = _origin([by_id[m] for m in members], body) if len(members) > 1 else members[0]
        families.append(Family(tuple(members), origin))
    families.sort(key=lambda f: f.articles)
    return families
