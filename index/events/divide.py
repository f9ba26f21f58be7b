"""Divisive check: split a cluster in two when its specific names say it holds two events."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import mul
from typing import Any

from index.events.cuts import Dense, spreads, two_means

# Keyed by term (an id ranked like the term strings, or the string itself): sorting keys sorts
# terms the same way either way
Vector = dict[Any, float]
Terms = tuple[dict[Any, float], dict[Any, float]]  # (counts, kind weights) of an article

# Two look-alike events share their topic words and their common names (team, country, agency);
# inside the cluster only the specific names, numbers and dates (the fired coach, the year, the
# minister in office) still differ. A split is accepted when cutting the cluster in two reduces
# the spread of those features at least SPLIT_FACTOR times as much as the same cut does on
# shuffled copies of the cluster (each term's occurrences dealt at random to the members, its
# document frequency kept). 2 mirrors the merge rule's ratio 0.5 (index/events/linkage.py); it is a
# round factor, not found by a search, but chosen while looking at the ECB+ dev figures
# (bench/README.md reports how the result moves with it).
SPLIT_FACTOR = 2.0
NULL_SAMPLES = 20
# Each half must hold at least three reports: with fewer members a number or name shared by two
# reports passes the shuffle test by chance (with 2, 20 of 2,500 synthetic 4-report events were
# split), and a lone outlier was already judged by the merge rule.
MIN_HALF = 3
# 2-means starts from the SEEDS most atypical members (each paired with its farthest member)
SEEDS = 6
_ITERATIONS = 20
_EPS = 1e-9


def dot(a: Vector, b: Vector) -> float:
    # The smaller vector's terms are looked up in the larger (a key intersection builds a set
    # of both: a member against its cluster's sum, hundreds of terms, cost the sum's size).
    # fsum is exact whatever the order of the terms, so the result cannot depend on the
    # process's string hash seed (a plain sum did: 2,547 or 2,548 events at 10k).
    if len(a) > len(b):
        a, b = b, a
    return math.fsum([w * b[t] for t, w in a.items() if t in b])


def _rows(terms: Sequence[Terms]) -> list[Vector]:
    """Sublinear, kind-weighted counts of the specific terms found in 2..n-1 of the members."""
    n = len(terms)
    df: Counter[str] = Counter()
    for counts, kinds in terms:
        df.update(t for t in counts if kinds[t] > 1.0)
    return [
        {t: (1.0 + math.log(c)) * kinds[t] for t, c in counts.items() if 2 <= df.get(t, 0) < n}
        for counts, kinds in terms
    ]


def _unit(rows: Sequence[Vector]) -> list[Dense]:
    """Unit vectors with the IDF computed inside the cluster (terms of every member weigh 0),
    dense over the terms some but not all members have (a cluster's vectors are a few terms
    each: a list and ``map`` cost a third of a dict's lookups)."""
    n = len(rows)
    df: Counter[str] = Counter()
    for row in rows:
        df.update(row.keys())
    idf = [(t, math.log(n / d)) for t, d in df.items() if d < n]
    out = []
    for row in rows:
        vec = [row[t] * f if t in row else 0.0 for t, f in idf]
        norm = math.sqrt(math.fsum(map(mul, vec, vec)))  # exact: zeros add nothing
        out.append([w / norm for w in vec] if norm else vec)
    return out


def _two_means(vectors: Sequence[Dense]) -> list[int] | None:
    """The best spherical 2-means labelling over a few deterministic starts (None if none):
    the SEEDS members least like the centre, each paired with the member least like it; from
    each, members go to the half whose mean direction is nearer until none moves (at most
    _ITERATIONS steps); the labelling whose halves' sums are longest wins (ties: the first
    start). A dot is the exact ``fsum`` of its products (``cuts.py``, compiled when built)."""
    return two_means(vectors, SEEDS, _ITERATIONS, _EPS)


def _reduction(vectors: Sequence[Dense]) -> tuple[float, list[int] | None]:
    """How much the best 2-means cut lowers the spread (log ratio), and its labels. The spread
    of a group is the sum over its members of 1 - cosine to the group's mean direction
    (k-means dispersion), made by ``cuts.spreads``."""
    labels = _two_means(vectors)
    if labels is None:
        return 0.0, None
    whole, halves = spreads(vectors, labels)
    return math.log((whole + _EPS) / (halves + _EPS)), labels


def _shuffled(rows: Sequence[Vector], rng: random.Random) -> list[Vector]:
    """The rows with each term's occurrences dealt to random members (same document frequency)."""
    out: list[Vector] = [{} for _ in rows]
    placed: dict[str, list[float]] = {}
    for row in rows:
        for t, w in row.items():
            placed.setdefault(t, []).append(w)
    for t in sorted(placed):
        for member, w in zip(rng.sample(range(len(rows)), len(placed[t])), placed[t], strict=True):
            out[member][t] = w
    return out


def _beats_shuffles(real: float, rows: Sequence[Vector], rng: random.Random) -> bool:
    """True when ``real`` is at least SPLIT_FACTOR times the mean reduction over NULL_SAMPLES
    shuffled copies and above every one of them (a permutation test at 1/21)."""
    budget = real * NULL_SAMPLES / SPLIT_FACTOR  # the most the shuffles may add up to
    spent = 0.0
    for _ in range(NULL_SAMPLES):
        null = _reduction(_unit(_shuffled(rows, rng)))[0]
        spent += null
        if null >= real or spent > budget:
            return False  # decided early: the remaining shuffles cannot change the answer
    return True


def _total(vectors: Sequence[Vector], idx: Iterable[int]) -> Vector:
    """The sum of full vectors, member after member."""
    total: Vector = {}
    for i in idx:
        for t, w in vectors[i].items():
            total[t] = total.get(t, 0.0) + w
    return total


def _place_silent(labels: list[int], unit: Sequence[Dense], whole: Sequence[Vector]) -> None:
    """Members with none of the specific terms say nothing to the cut: each goes to the half
    whose members its full vector (``whole``) resembles more on average."""
    speaking = [[i for i, g in enumerate(labels) if g == h and any(unit[i])] for h in (0, 1)]
    if not (speaking[0] and speaking[1]):
        return
    sums = [_total(whole, idx) for idx in speaking]
    for i, vec in enumerate(unit):
        if not any(vec):
            near = [dot(whole[i], sums[h]) / len(speaking[h]) for h in (0, 1)]
            labels[i] = 0 if near[0] >= near[1] else 1


def refine_halves(labels: list[int], whole: Sequence[Vector]) -> bool:
    """Each member ends in the half its full vector links to more (average link, as in step 1).

    The specific terms say *whether* a group holds two events; which event one report belongs
    to is judged on all its words, by its mean cosine to the other members of each half. The
    member that prefers the other half most moves first, one at a time, until none prefers the
    other half (ties by position; each half keeps MIN_HALF members). True at that fixed point;
    False when the moves went round in a cycle (stopped where the cycle closes)."""
    n = len(labels)
    sums = [_total(whole, [i for i in range(n) if labels[i] == h]) for h in (0, 1)]
    size = [labels.count(0), labels.count(1)]
    own = [dot(vec, vec) for vec in whole]  # 1, or 0 for a report with no shared term
    # average link has no objective that every move raises, so moves can cycle (two borderline
    # members trading places): a state seen before stops the moves, and at most 2n are made (n
    # dots each). In 341 cuts on ECB+ and synthetic look-alikes (groups of up to 24) every one
    # reached its fixed point, with at most 4 members (0.2n) changing sides. A kernel k-means
    # objective (which no move can cycle) sorted ECB+ worse: F1 0.903 against 0.930.
    seen = {tuple(labels)}
    for _ in range(2 * n):
        best: tuple[float, int] | None = None
        for i in range(n):
            h = labels[i]
            if size[h] <= MIN_HALF:
                continue
            stay = (dot(whole[i], sums[h]) - own[i]) / (size[h] - 1)
            move = dot(whole[i], sums[1 - h]) / size[1 - h]
            if move > stay + _EPS and (best is None or move - stay > best[0]):
                best = (move - stay, i)
        if best is None:
            return True
        i = best[1]
        h = labels[i]
        for t, w in whole[i].items():
            sums[h][t] -= w
            sums[1 - h][t] = sums[1 - h].get(t, 0.0) + w
        size[h] -= 1
        size[1 - h] += 1
        labels[i] = 1 - h
        state = tuple(labels)
        if state in seen:
            return False
        seen.add(state)
    return False


def split_events(
    ids: Sequence[str],
    terms: Sequence[Terms],
    whole: Sequence[Vector] | Callable[[], Sequence[Vector]],
) -> list[list[int]]:
    """Positions of ``ids`` grouped into one or more events: the cluster is cut in two (and each
    half again) while the cut passes the test described at SPLIT_FACTOR. ``terms`` are the
    members' ``article_terms`` and ``whole`` their full TF-IDF vectors (or a function making
    them). Deterministic: the shuffles are seeded by the member ids."""
    members = list(range(len(ids)))
    if len(members) < 2 * MIN_HALF:
        return [members]
    rows = _rows(terms)
    unit = _unit(rows)
    real, labels = _reduction(unit)
    if labels is None or min(labels.count(0), labels.count(1)) < MIN_HALF or real <= 0:
        return [members]
    if not _beats_shuffles(real, rows, random.Random("\n".join(sorted(ids)))):
        return [members]
    if callable(whole):
        whole = whole()  # made only now: most clusters are never cut
    _place_silent(labels, unit, whole)
    refine_halves(labels, whole)
    out = []
    for half in ([i for i in members if labels[i] == 0], [i for i in members if labels[i] == 1]):
        sub = [ids[i] for i in half], [terms[i] for i in half], [whole[i] for i in half]
        for part in split_events(*sub):
            out.append([half[i] for i in part])
    return out
