"""Copies between reports (wire copy, syndication): source families and their origins."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from index.base.models import Article
from index.events.memory import release
from index.events.sampled import Owners, Sampled
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


@dataclass(frozen=True, slots=True)  # 100k reports: 100k families, most of one (no dict each)
class Family:
    """Reports that are copies of one another, with the origin when it can be told."""

    articles: tuple[str, ...]  # ids, sorted
    origin: str | None  # the earliest published, or the one whose outlet the others name


def copy_pairs(
    articles: Sequence[Article], known: Mapping[str, Shingles] | Sampled | None = None
) -> list[tuple[str, str]]:
    """Pairs of ids (sorted) of reports that are copies, wholly or in a long run. ``known``:
    articles' sampled shingles already made (``Sampled``, or by id); the others are sampled
    here."""
    by_id = {a.id: a for a in articles}
    return _pairs([a.id for a in articles], known, lambda wanted: {i: by_id[i] for i in wanted})


# The articles of some ids (only their ids, dates, outlets and paths are read, and the body of
# the ones the copies' shingles are missing for): a caller that no longer holds its articles
# makes these few again
Lookup = Callable[[Collection[str]], Mapping[str, Article]]


def _pairs(
    ids: Sequence[str], known: Mapping[str, Shingles] | Sampled | None, lookup: Lookup
) -> list[tuple[str, str]]:
    """``copy_pairs`` of the articles ``ids`` (``lookup`` gives those ``known`` has not)."""
    held = known if isinstance(known, Sampled) else Sampled(None)
    chosen, left = held.choose(ids)
    missing_ids = [i for i in ids if i in left]
    if missing_ids:
        found = lookup(set(missing_ids))
        missing = [found[i] for i in missing_ids]
        sampler = Sampler()
        by_id = None if isinstance(known, Sampled) else known
        made = [by_id.get(a.id) if by_id is not None else None for a in missing]
        more = Sampled(None)
        more.add(
            [a.id for a in missing],
            [sampler(a) if m is None else m for a, m in zip(missing, made, strict=True)],
        )
        held = held.plus(more)
        chosen.append(np.arange(len(missing)))
    # Reports with the same sampled shingles are one node: exact copies are copies at once, and
    # a shingle's count (for COMMON) is of different texts, however many times each is copied
    nodes = held.nodes(chosen)
    many = nodes.members()
    out = {tuple(sorted((a, b))) for ids in many.values() for a in ids for b in ids if a < b}
    counted = _shared(held, nodes.owners, len(nodes.first), int(nodes.lengths.sum()))
    release()  # the slices' sorts, freed, left their pages (100k: families end at 243 MB, not 318)
    if counted:
        lengths, first = nodes.lengths.tolist(), nodes.first.tolist()

        def members(node: int) -> list[str]:
            return many.get(node) or [nodes.ids[first[node]]]

        for i, j, shared in counted:
            smaller = min(lengths[i], lengths[j])
            if shared >= LONG_RUN or (shared >= MIN_SHARED and shared >= COPY_SHARE * smaller):
                out.update(tuple(sorted((a, b))) for a in members(i) for b in members(j))
    return sorted((a, b) for a, b in out)


# At most about this many shingles are counted at once (8 bytes each, several times over while
# sorted): more are counted a slice of hash values at a time, a power of two of them (all at
# once, 100k reports' arrays and sorts held ~750 MB; 100k in 16 slices: the families' traced
# peak 40 MB, 67 MB in 8, for 0.07 s more CPU; 10k: 1.4M, 2 slices, the CPU of one); fewer in
# one pass
SLICE_SHINGLES = 1_000_000


def _shared(
    held: Sampled, owners: Sequence[Owners], count: int, total: int
) -> list[tuple[int, int, int]]:
    """(i, j, how many shingles nodes i < j share), counting only shingles of 2..COMMON nodes
    (``owners``: each part's texts' nodes, -1 for a text not counted; ``count`` nodes holding
    ``total`` shingles)."""
    if not count:
        return []
    slices = 1 << (-(-total // SLICE_SHINGLES) - 1).bit_length()
    keys = []
    for s in range(slices):
        # the slice's arrays are _pair_keys' alone (it drops them once sorted)
        keys += _pair_keys(*held.slice(owners, s, slices), count)
    if not keys:
        return []
    pairs, shared = np.unique(np.concatenate(keys), return_counts=True)
    return list(
        zip((pairs // count).tolist(), (pairs % count).tolist(), shared.tolist(), strict=True)
    )


def _pair_keys(flat: Shingles, owner: Owners, count: int) -> list[npt.NDArray[np.int64]]:
    """For each shingle in 2..COMMON of the nodes (``flat``: the shingles of one slice,
    ``owner``: each one's node, ascending among equal shingles), the pairs i < j of nodes
    holding it, as i * count + j."""
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
    known: Mapping[str, Shingles] | Sampled | None = None,
    body: Callable[[Article], str] = _own_body,
) -> list[Family]:
    """Every article in exactly one family (a report copied by nobody is a family of one).
    ``known``: sampled shingles already made, by article id (``copy_pairs``); ``body``: an
    article's body, read again when ``articles`` no longer hold theirs."""
    by_id = {a.id: a for a in articles}
    families = copy_families(list(by_id), lambda wanted: {i: by_id[i] for i in wanted}, known, body)
    copied = {i for family in families for i in family.articles}
    families += [Family((i,), i) for i in by_id if i not in copied]
    families.sort(key=lambda f: f.articles)
    return families


def copy_families(
    ids: Sequence[str],
    lookup: Lookup,
    known: Mapping[str, Shingles] | Sampled | None = None,
    body: Callable[[Article], str] = _own_body,
) -> list[Family]:
    """``source_families`` of the articles ``ids`` (distinct), its families of two reports or
    more alone, sorted (the rest are families of one: 100k reports made 100k Family objects
    and their tuples, ~10 MB, for a few thousand copies). ``lookup`` gives the articles of
    some ids (index/events/stream.py: only the members of families are made again);
    ``body``: an article's body, read only for a family whose dates do not tell its origin."""
    parent: dict[str, str] = {}  # of the reports in a pair only (most are copied by nobody)

    def find(x: str) -> str:
        while (up := parent.get(x, x)) != x:
            parent[x] = parent.get(up, up)
            x = up
        return x

    for a, b in _pairs(ids, known, lookup):
        ra, rb = find(a), find(b)
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in parent:
        groups[find(i)].append(i)
    by_id = lookup(parent.keys()) if parent else {}
    families = []
    for members in groups.values():
        members.sort()
        families.append(Family(tuple(members), _origin([by_id[m] for m in members], body)))
    families.sort(key=lambda f: f.articles)
    return families
