"""Copies between reports (wire copy, syndication): source families and their origins."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from index.base.models import Article
from index.events.shingles import Sampler, Shingles

# Reports are compared by their sampled word 8-grams (shingles.py). Two reports are copies when
# the sampled shingles they share are at least COPY_SHARE of the shorter one's (near-verbatim
# whole), or at least LONG_RUN of them (a long run of one agency text inside a longer report:
# ~LONG_RUN * SAMPLE words in common). Either way they share at least MIN_SHARED (~MIN_SHARED *
# SAMPLE words, two or three sentences): a brief that quotes one sentence of another report is
# not its copy.
COPY_SHARE = 0.5
LONG_RUN = 40
MIN_SHARED = 10
# A shingle found in more reports than this is boilerplate (a newsletter footer, a disclaimer):
# it pairs nobody, which also keeps the pairs counted near linear in the corpus size.
COMMON = 30


@dataclass(frozen=True)
class Family:
    """Reports that are copies of one another, with the origin when it can be told."""

    articles: tuple[str, ...]  # ids, sorted
    origin: str | None  # the earliest published, or the one whose outlet the others name


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
    # each set is sorted: one searchsorted per set cuts it at the slices' bounds, kept in one
    # array (a list of Python ints per set held ~33 MB at 100k)
    cuts = np.empty((len(sets), slices + 1), dtype=np.int64)
    cuts[:, 0] = 0
    for at, s in enumerate(sets):
        cuts[at, 1:slices] = np.searchsorted(s, bounds)
        cuts[at, slices] = len(s)
    keys = []
    for part in range(slices):
        starts, ends = cuts[:, part].tolist(), cuts[:, part + 1].tolist()
        pieces = [s[a:b] for s, a, b in zip(sets, starts, ends, strict=True)]
        del starts, ends
        keys += _pair_keys(pieces, len(sets))
    return keys


def _pair_keys(pieces: list[Shingles], count: int) -> list[npt.NDArray[np.int64]]:
    """For each shingle in 2..COMMON of the sets (``pieces``: each set's shingles of one
    slice), the pairs i < j of sets holding it, as i * count + j."""
    flat = np.concatenate(pieces)
    owner = np.repeat(
        np.arange(len(pieces), dtype=np.int32 if count < 2**31 else np.int64),
        [len(p) for p in pieces],
    )
    order = np.argsort(flat, kind="stable")  # owners stay ascending within a shingle
    flat, owner = flat[order], owner[order]
    del order
    # the runs of a shingle held by two sets or more, found from the places where a shingle
    # equals the next (few: an array over every distinct shingle held ~40 MB at 100k)
    same = np.flatnonzero(flat[1:] == flat[:-1])
    del flat
    starts = np.r_[True, np.diff(same) != 1] if len(same) else np.zeros(0, dtype=np.bool_)
    firsts = same[starts]
    counts = np.diff(np.r_[np.flatnonzero(starts), len(same)]) + 1
    keys = []
    for size in range(2, COMMON + 1):
        groups = firsts[counts == size]
        if not len(groups):
            continue
        # one row of owners per shingle (widened: i * count + j overflows 4 bytes)
        members = owner[groups[:, None] + np.arange(size)].astype(np.int64)
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
