"""compare() stays near linear on huge articles, and the document-frequency cut behind that
leaves ordinary events exactly as they were."""

from __future__ import annotations

import math
import random
import time
from pathlib import Path

import pytest

from index.base.models import Article, Comparison
from index.comparison import bounds, pair_scores
from index.comparison.build import compare
from index.comparison.cache import AnalysisCache
from index.comparison.passage_terms import clear_caches, features
from index.ingest.loader import load_corpus

_WORDS = (
    "council budget harbour ferry storm police minister rescue village bridge court ruling "
    "election ballot turnout mayor governor hospital patient doctor strike union wage railway "
    "station airport flight border crossing refugee camp convoy river flood levee farmer crop "
    "price market loan debt inflation school teacher pupil exam brigade forest drought quake "
    "tremor building collapse engineer survey audit inquiry witness suspect trial judge appeal "
    "prison guard cargo crane container tanker spill coast beach tourist hotel festival stadium"
).split()
_NAMES = "Alvarez Brennan Chen Dubois Eriksen Fischer Garcia Haddad Ivanova Jensen".split()
_VERBS = "said confirmed denied announced warned reported estimated insisted".split()
_DAYS = ("on Monday", "on Friday", "late on Sunday", "last week")


def _sentence(rng: random.Random) -> str:
    words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 18)))
    return (
        f"{rng.choice(_NAMES)} {rng.choice(_VERBS)} that the {words} affected "
        f"{rng.randint(2, 9000)} people {rng.choice(_DAYS)}."
    )


def _huge_pair(n: int, seed: int = 3) -> list[Article]:
    """Two reports of ``n`` sentences: a third boilerplate repeated over and over, a third
    shared between them, a third their own."""
    rng = random.Random(seed)
    boilerplate = [_sentence(rng) for _ in range(15)]
    shared = [_sentence(rng) for _ in range(n)]
    articles = []
    for k in range(2):
        lines = []
        for i in range(n):
            roll = rng.random()
            if roll < 0.33:
                lines.append(rng.choice(boilerplate))
            elif roll < 0.66:
                lines.append(shared[i])
            else:
                lines.append(_sentence(rng))
        articles.append(
            Article(
                id=f"huge/{k}.txt", path=f"huge/{k}.txt", title=f"Huge {k}", body="\n\n".join(lines)
            )
        )
    return articles


def _cpu_compare(articles: list[Article]) -> tuple[float, Comparison]:
    clear_caches()
    start = time.process_time()
    result = compare(articles, cache=AnalysisCache())
    return time.process_time() - start, result


def test_ten_times_the_sentences_costs_far_less_than_a_hundred_times_the_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The analysis itself, whole: above the bound on what one comparison analyses (bounds.py)
    monkeypatch.setattr(bounds, "REPORT_CHARS", 10**9)
    monkeypatch.setattr(bounds, "TOTAL_CHARS", 10**9)
    small_time, small = _cpu_compare(_huge_pair(300))
    big_time, big = _cpu_compare(_huge_pair(3000))
    # Linear work is ~10x; the quadratic pairing this guards against was ~100x.
    assert big_time < 20 * max(small_time, 0.05), (small_time, big_time)
    # Shared sentences are still found: most of the 1,000 shared ones are linked.
    assert len(small.links) > 50
    assert len(big.links) > 800


def _events(corpus_dir: Path) -> list[list[Article]]:
    articles, _skipped = load_corpus(corpus_dir)
    folders = sorted({Path(a.id).parts[0] for a in articles if len(Path(a.id).parts) > 1})
    return [[a for a in articles if Path(a.id).parts[0] == f] for f in folders]


def _facts(event: list[Article]) -> tuple[object, ...]:
    clear_caches()
    result = compare(event, cache=AnalysisCache())
    return (result.passages, result.links, result.claims, result.variants)


@pytest.mark.parametrize("floor", [pair_scores.DF_FLOOR, 15])
def test_bundled_events_are_the_same_with_and_without_the_cut(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, floor: int
) -> None:
    """At the real floor the cut never acts on an event this small; at 15 it drops the terms of
    a quarter to a half of an event's passages, which must still decide no link. (At 10 it drops
    the words every headline uses, and two headlines share little else.)"""
    events = _events(corpus_dir)
    assert events
    for event in events:
        monkeypatch.setattr(pair_scores, "DF_FLOOR", 10**9)
        without = _facts(event)
        monkeypatch.setattr(pair_scores, "DF_FLOOR", floor)
        assert _facts(event) == without, event[0].id
    assert any(_facts(event)[1] for event in events)  # links were compared, not just nothing
    # At 10 the cut does act: some concept is in more than 10 passages of some event.
    if floor == 15:
        assert any(_concept_df(event) > 15 for event in events)


def _concept_df(event: list[Article]) -> int:
    result = compare(event, cache=AnalysisCache())
    counts: dict[str, int] = {}
    for passage in result.passages:
        for concept in features(passage).concepts:
            counts[concept] = counts.get(concept, 0) + 1
    return max(counts.values())


def _brute_cosines(
    vectors: list[dict[str, float]], groups: list[int]
) -> dict[tuple[int, int], float]:
    out = {}
    for i in range(len(vectors)):
        for j in range(i + 1, len(vectors)):
            shared = vectors[i].keys() & vectors[j].keys()
            if groups[i] != groups[j] and shared:
                out[(i, j)] = sum(vectors[i][t] * vectors[j][t] for t in shared)
    return out


def test_cut_terms_pair_nothing_but_still_count_in_the_cosine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(11)
    docs = [dict.fromkeys({"common", *rng.sample(_WORDS, 5)}, 1.0) for _ in range(40)]
    groups = [k % 3 for k in range(40)]
    vectors = pair_scores._tfidf(docs)
    monkeypatch.setattr(pair_scores, "DF_FLOOR", 10)
    monkeypatch.setattr(pair_scores, "DF_SHARE", 0.0)
    first, second, cosine = pair_scores._cosines(vectors, groups)
    pairs = zip(first.tolist(), second.tolist(), strict=True)
    found = dict(zip(pairs, cosine.tolist(), strict=True))
    brute = _brute_cosines(vectors, groups)
    postings: dict[str, int] = {}
    for doc in docs:
        for term in doc:
            postings[term] = postings.get(term, 0) + 1
    rare = {t for t, df in postings.items() if df <= 10}
    assert "common" not in rare
    reachable = {}
    for pair, cosine in brute.items():
        i, j = pair
        if rare & docs[i].keys() & docs[j].keys():
            reachable[pair] = cosine
            if pair in found:  # "common" still counts in the cosine
                assert math.isclose(found[pair], cosine, abs_tol=1e-12), pair
        else:
            assert pair not in found  # only "common" (a cut term) in common
    assert found
    # Exactly the pairs among the CANDIDATES best of either passage against the other's group.
    assert sorted(found) == _chosen(reachable, groups)


def _chosen(cosines: dict[tuple[int, int], float], groups: list[int]) -> list[tuple[int, int]]:
    """The CANDIDATES pairs of highest cosine (then earlier) of each (passage, other group)."""
    ranked: dict[tuple[int, int], list[tuple[float, int, int]]] = {}
    for (i, j), cosine in cosines.items():
        if cosine >= pair_scores.CANDIDATE_COSINE:
            ranked.setdefault((i, groups[j]), []).append((-cosine, i, j))
            ranked.setdefault((j, groups[i]), []).append((-cosine, i, j))
    keep = {(i, j) for options in ranked.values() for _c, i, j in sorted(options)[:3]}
    return sorted(keep)
