"""Event grouping: same-kind events stay apart, determinism, stable ids, singletons, ECB+ runs."""

from __future__ import annotations

import gc
import math
import random
import subprocess
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.base.models import Article
from index.events.collect import batches, collect
from index.events.divide import dot, split_events
from index.events.features import Matrix
from index.events.group import _divided, event_id, group_events, shorten
from index.events.linkage import relative_average_link
from index.events.neighbours import Graph, nearest_neighbours
from index.events.rescore import dots
from index.events.terms import article_terms as terms_of
from tests.helpers import REPO


def article_terms(article: Article) -> tuple[dict[str, float], dict[str, float]]:
    return terms_of(article.title, article.body, article.published)


def art(aid: str, title: str, body: str) -> Article:
    return Article(id=aid, path=aid, title=title, body=body)


QUAKE_A1 = art(
    "qa1.md",
    "Magnitude 6.4 earthquake shakes Velmora province",
    "A magnitude 6.4 earthquake struck near the town of Ostrava Nueva in Velmora province on "
    "Tuesday, 3 March 2009, killing 41 people. Governor Lina Petrak said rescuers were searching "
    "collapsed houses in Ostrava Nueva and the village of Kelmet. The quake was felt in the "
    "capital. Aftershocks continued through the night, the Velmora seismic institute said.",
)
QUAKE_A2 = art(
    "qa2.md",
    "Death toll rises to 41 after Velmora quake",
    "Rescuers in Velmora province pulled survivors from the rubble in Ostrava Nueva after "
    "Tuesday's magnitude 6.4 earthquake. Governor Lina Petrak put the death toll at 41. "
    "Kelmet, a village of farmers, lost its school and church. The seismic institute recorded "
    "more than 30 aftershocks in 2009's strongest earthquake in the province.",
)
QUAKE_B1 = art(
    "qb1.md",
    "Magnitude 5.1 earthquake hits Velmora province",
    "A magnitude 5.1 earthquake hit the town of Dravik in Velmora province on Sunday, 14 June "
    "2015, injuring 12 people. Mayor Tomas Aurel said three bridges near Dravik and the harbour "
    "town of Sennet were closed. The quake was felt in the capital. The seismic institute said "
    "aftershocks were likely in the coming days.",
)
QUAKE_B2 = art(
    "qb2.md",
    "Dravik counts damage after 5.1 quake",
    "Residents of Dravik in Velmora province cleared debris on Monday after Sunday's magnitude "
    "5.1 earthquake injured 12 people. Mayor Tomas Aurel said the bridges to Sennet would "
    "reopen after inspection. It was the strongest earthquake in the province since 2009, the "
    "seismic institute said.",
)
FESTIVAL = art(
    "fest.md",
    "Jazz festival opens in Port Alric",
    "The Port Alric jazz festival opened on Friday with 60 concerts over ten days. Organiser "
    "Mira Solen said ticket sales had doubled. Pianist Karel Voss will close the festival with "
    "a tribute to the harbour's old dance halls.",
)
MATCH = art(
    "match.md",
    "Rovers beat Harlow 3-1 in cup replay",
    "Rovers came from behind to beat Harlow in Friday's cup replay at the Westfield ground. "
    "Striker Ivo Brandt scored twice after the break and coach Elsa Moor praised her defence. "
    "Rovers meet Dunmore in the quarter-final next month.",
)
CORPUS = [QUAKE_A1, QUAKE_A2, QUAKE_B1, QUAKE_B2, FESTIVAL]


def groups(events: list) -> set[frozenset[str]]:
    return {frozenset(e.article_ids) for e in events}


def test_two_quakes_in_one_region_stay_apart() -> None:
    events = group_events(CORPUS)
    assert groups(events) == {
        frozenset({"qa1.md", "qa2.md"}),
        frozenset({"qb1.md", "qb2.md"}),
        frozenset({"fest.md"}),
    }


def test_two_unrelated_reports_do_not_pair_up() -> None:
    events = group_events([*CORPUS, MATCH])
    assert frozenset({"fest.md", "match.md"}) not in groups(events)
    assert {frozenset({"fest.md"}), frozenset({"match.md"})} <= groups(events)


def test_features_names_dates_phrases_and_numbers() -> None:
    article = Article(
        id="x",
        path="x",
        title="Port Alric Talks",
        body="Talks resumed in Port Alric on Oct. 17, 2024. Then 3 delegates and 41 aides left. "
        "The talks were held by Mira Solen.",
        published="2024-10-18T09:00:00Z",
    )
    counts, kinds = article_terms(article)
    assert kinds["mira"] == 2.0 and kinds["solen"] == 2.0  # capitalised mid-sentence: names
    assert kinds["talk"] == 1.0  # capitalised only at a sentence start and in the title
    assert counts["talk"] == 2.0 + 2.0  # two body mentions, one title mention counted double
    assert "port_alric" in counts and "mira_solen" in counts
    assert counts["@10-17"] == 1.0 and kinds["#2024"] == 2.0 and kinds["#41"] == 2.0
    assert kinds["#3"] == 1.0  # a lone digit says little about which event
    assert "@pub-2024-10" in counts
    assert "then" not in counts and "the" not in counts


def test_matrix_rows_are_unit_tfidf_vectors() -> None:
    # the weight of a term: (1 + log count) x kind x log((n + 1) / df), the row scaled to length 1;
    # a term only one article has is dropped (it cannot link two articles)
    terms = [article_terms(a) for a in CORPUS]
    ids, _, matrix = collect(CORPUS, workers=0)
    assert ids == sorted(a.id for a in CORPUS)
    assert matrix.vocabulary == sorted(matrix.vocabulary)
    by_id = dict(zip([a.id for a in CORPUS], terms, strict=True))
    df: dict[str, int] = {}
    for counts, _ in terms:
        for t in counts:
            df[t] = df.get(t, 0) + 1
    n = len(CORPUS)
    for row, aid in enumerate(ids):
        counts, kinds = by_id[aid]
        raw = {
            t: (1 + math.log(c)) * kinds[t] * math.log((n + 1) / df[t])
            for t, c in counts.items()
            if df[t] >= 2
        }
        norm = math.sqrt(math.fsum(w * w for w in raw.values()))
        expected = {t: w / norm for t, w in raw.items()}
        got = matrix.row(row)
        assert got.keys() == expected.keys()
        assert all(math.isclose(got[t], expected[t], rel_tol=1e-12) for t in got)
        assert math.isclose(math.fsum(w * w for w in got.values()), 1.0, rel_tol=1e-12)


def test_dot_products_are_symmetric_and_exact_to_rounding() -> None:
    _, _, matrix = collect(CORPUS, workers=0)
    pairs = [(i, j) for i in range(matrix.n) for j in range(matrix.n)]
    i = np.array([p[0] for p in pairs])
    j = np.array([p[1] for p in pairs])
    sims = dict(zip(pairs, dots(matrix, i, j).tolist(), strict=True))
    for a, b in pairs:
        assert sims[a, b] == sims[b, a]  # the same float both ways: ties break the same
        assert math.isclose(sims[a, b], dot(matrix.row(a), matrix.row(b)), abs_tol=1e-14)


def test_batches_and_workers_do_not_change_the_matrix(corpus_dir: Path) -> None:
    from index.ingest.loader import load_corpus

    articles, _ = load_corpus(corpus_dir)
    ids, titles, here = collect(articles, workers=0)
    for workers in (1, 2):
        # the stream, not the list, in another order: the same matrix
        again = collect(iter(articles[::-1]), workers=workers)
        assert again[:2] == (ids, titles)
        other = again[2]
        assert other.vocabulary == here.vocabulary
        assert np.array_equal(other.ptr, here.ptr) and np.array_equal(other.terms, here.terms)
        assert np.array_equal(other.weights(), here.weights())


def test_the_last_batches_of_a_list_are_smaller() -> None:
    articles = [Article(id=f"a{i:04d}", title="", body="", path="") for i in range(1000)]
    sizes = [len(chunk) for chunk in batches(articles, 100)]
    assert sizes == [100] * 7 + [25] * 12
    assert [a for chunk in batches(articles, 100) for a in chunk] == articles
    assert [len(chunk) for chunk in batches(iter(articles), 100)] == [100] * 10


def test_workers_tokenize_the_batches_this_process_only_while_they_start(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # this process only gathers (its own tokenizer tables stayed in its heap at the peak),
    # but for the few batches it tokenizes while the workers start
    from index.events import collect as collecting
    from index.ingest.loader import load_corpus

    articles, _ = load_corpus(corpus_dir)
    _, _, alone = collect(articles, workers=0)
    small = collecting.batches
    monkeypatch.setattr(collecting, "batches", lambda stream: small(stream, 2))
    tokenized_here: list[int] = []
    tokenize = collecting._Here.tokenize

    def counted(self: collecting._Here, chunk: list[Article]) -> None:
        tokenized_here.append(len(chunk))
        tokenize(self, chunk)

    monkeypatch.setattr(collecting._Here, "tokenize", counted)
    _, _, matrix = collect(articles, workers=2)
    assert len(articles) > 4 * collecting.START and len(tokenized_here) <= collecting.START
    assert np.array_equal(matrix.terms, alone.terms)
    assert np.array_equal(matrix.weights(), alone.weights())


def _graph(rows: list[dict[int, float]]) -> list[dict[int, float]]:
    return [Graph.from_rows(rows).row(i) for i in range(len(rows))]


def test_weak_similarities_are_not_edges() -> None:
    matrix = Matrix.from_weights([{"a": 1.0}, {"a": 0.05, "b": (1 - 0.05**2) ** 0.5}, {"c": 1.0}])
    graph = nearest_neighbours(matrix, 5, floor=0.1)
    assert [graph.row(i) for i in range(3)] == [{}, {}, {}]
    assert nearest_neighbours(matrix, 5).row(0) == {1: 0.05}


def test_neighbours_keep_the_k_most_similar_from_either_end() -> None:
    # a hub close to four reports: each keeps the hub (its best), the hub keeps its two best,
    # and the graph holds every edge either end kept, with one cosine for both ends
    rows = [{"hub": 1.0}] + [
        {"hub": s, f"own{i}": (1 - s * s) ** 0.5} for i, s in enumerate((0.9, 0.8, 0.7, 0.6))
    ]
    graph = nearest_neighbours(Matrix.from_weights(rows), 2)
    assert set(graph.row(0)) == {1, 2, 3, 4}
    assert graph.row(0)[1] == graph.row(1)[0] and math.isclose(graph.row(0)[1], 0.9)


def _two_pairs(inside: float, across: float) -> tuple[Matrix, Graph]:
    """Unit vectors: 0-1 and 2-3 are pairs with cosine ``inside``; every cross pair ``across``."""
    shared, pair, own = across**0.5, (inside - across) ** 0.5, (1 - inside) ** 0.5
    vectors = [{"x": shared, f"pair{i // 2}": pair, f"own{i}": own} for i in range(4)]
    graph = [{j: dot(vectors[i], vectors[j]) for j in range(4) if j != i} for i in range(4)]
    return Matrix.from_weights(vectors), Graph.from_rows(graph)


def test_relative_link_bar_follows_cluster_cohesion() -> None:
    # tight pairs refuse a link far below their own cohesion
    assert sorted(relative_average_link(*_two_pairs(0.9, 0.15))) == [[0, 1], [2, 3]]
    # loose pairs accept the same link: it is more than half their cohesion
    assert sorted(relative_average_link(*_two_pairs(0.2, 0.15))) == [[0, 1, 2, 3]]


def test_every_article_in_exactly_one_event_sorted_by_size() -> None:
    events = group_events(CORPUS)
    ids = [a for e in events for a in e.article_ids]
    assert sorted(ids) == sorted(a.id for a in CORPUS)
    sizes = [len(e.article_ids) for e in events]
    assert sizes == sorted(sizes, reverse=True)


def test_order_does_not_change_ids_or_groups() -> None:
    first = group_events(CORPUS)
    shuffled = CORPUS[:]
    random.Random(7).shuffle(shuffled)
    second = group_events(shuffled)
    assert first == second
    assert [e.id for e in first] == [event_id(e.article_ids) for e in first]
    assert all(e.id.startswith("ev-") for e in first)


def test_event_title_comes_from_a_member() -> None:
    for event in group_events(CORPUS):
        titles = {a.title for a in CORPUS if a.id in event.article_ids}
        assert event.title in titles


def test_single_article_and_empty_input() -> None:
    events = group_events([FESTIVAL])
    assert len(events) == 1 and events[0].article_ids == ("fest.md",)
    assert group_events([]) == []


def test_empty_bodies_are_singletons() -> None:
    events = group_events([art("a", "", ""), art("b", "", "")])
    assert groups(events) == {frozenset({"a"}), frozenset({"b"})}


def test_event_title_is_whole() -> None:
    """An event's title is its report's title whole (exports, JSON); displays shorten it."""
    title = "Harbour authority closes the northern pier " + "after a long night " * 8 + "end"
    body = "The harbour authority closed the northern pier on Tuesday after a crane collapsed."
    [event] = group_events([art("a", title, body)])
    assert event.title == title and "\u2026" not in event.title


def test_shorten_cuts_at_a_word() -> None:
    long = "word " * 30
    short = shorten(long, 20)
    assert len(short) <= 20 and short.endswith("\u2026") and "  " not in short
    assert shorten("Short title") == "Short title"
    assert shorten("Red\x1b[31m alert\x07 now") == "Red alert now"  # the whole sequence goes


def test_bundled_corpus_groups_into_its_five_events(corpus_dir: Path) -> None:
    from index.ingest.loader import load_corpus

    articles, _ = load_corpus(corpus_dir)
    # docs/corpus-guide.md: folders are events; the wire feed holds one report of three of them
    wire = {
        "wire/agency-feed.jsonl#0": "serani-quake-2024",
        "wire/agency-feed.jsonl#1": "hestnes-ferry-grounding",
        "wire/agency-feed.jsonl#2": "marlow-wetland-ruling",
    }
    planted: dict[str, set[str]] = {}
    for a in articles:
        if "/" in a.id:
            planted.setdefault(wire.get(a.id, a.id.split("/")[0]), set()).add(a.id)
    assert len(planted) == 5
    found = {frozenset(e.article_ids) - {"README.md"} for e in group_events(articles)}
    assert {frozenset(ids) for ids in planted.values()} <= found


_WORDS = st.sampled_from(
    "Quake Velmora Dravik 2009 6.4 rescuers town festival jazz Rovers cup 41 Mayor Aurel".split()
)
_ARTICLES = st.lists(
    st.tuples(st.lists(_WORDS, max_size=6), st.lists(_WORDS, max_size=40)), max_size=12
)


@settings(max_examples=40, deadline=None)
@given(_ARTICLES, st.randoms(use_true_random=False))
def test_partition_is_complete_and_order_free(texts: list, rnd: random.Random) -> None:
    articles = [art(f"a{i}", " ".join(t), ". ".join(b)) for i, (t, b) in enumerate(texts)]
    events = group_events(articles)
    assert sorted(a for e in events for a in e.article_ids) == sorted(a.id for a in articles)
    assert len({e.id for e in events}) == len(events)
    shuffled = articles[:]
    rnd.shuffle(shuffled)
    assert group_events(shuffled) == events


def test_ecbplus_bench_computes_scores(ecbplus_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "events_bcubed.py"), "--data", str(ecbplus_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "B-cubed P=" in result.stdout and "F1=" in result.stdout


# Two look-alike events: the same club fires its coach twice, years apart. The club, its city, its
# owner and the league are in every report; the coach, the year, the record and the interim
# replacement tell the two firings apart.
_FIRING_2019 = [
    (
        "Harbour City Hawks fire coach Lena Marsh",
        "The Harbour City Hawks fired coach Lena Marsh on Monday after a 4-13 start to the 2019 "
        "season. Owner Rafael Ostby said assistant Dana Kroll will coach the Hawks for the rest of "
        "the season. Marsh had led Harbour City since 2016 and reached the playoffs once.",
    ),
    (
        "Hawks dismiss Marsh after 4-13 start",
        "Lena Marsh is out as coach of the Harbour City Hawks. The club announced the dismissal "
        "after the 4-13 start, its worst since 2009. Dana Kroll, an assistant under Marsh, takes "
        "over on an interim basis, owner Rafael Ostby said in a statement.",
    ),
    (
        "Kroll named interim coach as Hawks part ways with Marsh",
        "Dana Kroll will lead the Harbour City Hawks after the club fired Lena Marsh. Ostby told "
        "reporters the 4-13 record in 2019 left him no choice. Marsh, hired in 2016, finished with "
        "a losing record in Harbour City.",
    ),
]
_FIRING_2023 = [
    (
        "Harbour City Hawks fire coach Piet Varga",
        "The Harbour City Hawks fired coach Piet Varga on Thursday after a 7-19 start to the 2023 "
        "season. Owner Rafael Ostby said scout Ivo Stein will coach the Hawks until a permanent "
        "hire. Varga had coached Harbour City since 2021.",
    ),
    (
        "Hawks let Varga go after 7-19 start",
        "Piet Varga is out as coach of the Harbour City Hawks, who began the 2023 season 7-19. "
        "Ivo Stein, the club's chief scout, takes over for now, owner Rafael Ostby said. Varga "
        "arrived in 2021 with two years left on his contract.",
    ),
    (
        "Stein to coach Hawks after Varga firing",
        "Ivo Stein was named interim coach of the Harbour City Hawks after Piet Varga was fired. "
        "Ostby said the 7-19 record was not good enough. Varga, hired in 2021, never had a winning "
        "month in Harbour City.",
    ),
]
FIRINGS = [
    art(f"{year}-{n}.md", title, body)
    for year, reports in (("y2019", _FIRING_2019), ("y2023", _FIRING_2023))
    for n, (title, body) in enumerate(reports)
]


def _split(articles: list[Article]) -> set[frozenset[str]]:
    ids, _, matrix = collect(articles, workers=0)
    parts = _divided(matrix, ids, list(range(matrix.n)))
    return {frozenset(ids[i] for i in part) for part in parts}


def test_divisive_check_reads_only_the_specific_terms() -> None:
    # the matrix keeps, for the check, only terms two or more articles weigh as specific
    ids, _, matrix = collect(FIRINGS, workers=0)
    by_id = {a.id: article_terms(a) for a in FIRINGS}
    terms = [by_id[i] for i in ids]
    whole = [matrix.row(i) for i in range(matrix.n)]
    parts = split_events(ids, terms, whole)
    assert len(parts) == 2 and _divided(matrix, ids, list(range(matrix.n))) == parts


def test_divisive_check_splits_two_look_alike_firings() -> None:
    assert _split(FIRINGS) == {
        frozenset(a.id for a in FIRINGS if a.id.startswith("y2019")),
        frozenset(a.id for a in FIRINGS if a.id.startswith("y2023")),
    }
    assert groups(group_events(FIRINGS)) == _split(FIRINGS)


_ONE_FIRING = [
    "The Hawks fired Lena Marsh on Monday.",
    "Rafael Ostby, the owner, spoke to reporters.",
    "Dana Kroll takes over for now.",
    "The team began the season 4-13.",
    "It was the worst start since 2009.",
    "Marsh arrived from the Lakeside Otters.",
    "Bruno Tamm, a former coach, was not surprised.",
    "The next game is against the Port Wardens.",
    "Guard Mika Sorel said the players were told at practice.",
    "The arena at Brandt Square was half empty on Sunday.",
]


def test_divisive_check_keeps_one_event_whole() -> None:
    # ten reports of one firing; report n leaves out facts n and n + 3 (mod 10), so every report
    # shares most names with every other and the best cut is no better than on shuffled copies
    reports = [
        art(
            f"r{n}.md",
            "Hawks fire coach",
            " ".join(fact for k, fact in enumerate(_ONE_FIRING) if k not in (n, (n + 3) % 10)),
        )
        for n in range(10)
    ]
    assert _split(reports) == {frozenset(a.id for a in reports)}


def test_divisive_check_needs_two_halves_of_three() -> None:
    # five reports cannot hold two halves of three: never split, whatever their names
    five = FIRINGS[:5]
    assert _split(five) == {frozenset(a.id for a in five)}


def test_gathering_leaves_no_tokenizer_behind(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # this process's tokenizer is a reference cycle: it was held (~9 MB at 100k) until some
    # later full collection, through the whole grouping
    from index.events.collect import gather
    from index.events.terms import Tokenizer
    from index.ingest.loader import load_corpus

    articles, _ = load_corpus(corpus_dir)
    gc.disable()  # no automatic collection frees it by chance
    try:
        gc.collect()
        # nor a full collection inside: in the app it runs in the grouping's thread and holds
        # the keys (a tokenizer freed by its count of references needs none)
        monkeypatch.setattr(gc, "collect", lambda *_: pytest.fail("a full collection"))
        gather(articles, workers=0)
        assert not any(isinstance(o, Tokenizer) for o in gc.get_objects())
    finally:
        gc.enable()


def test_the_first_batches_are_let_go_once_tokenized(monkeypatch: pytest.MonkeyPatch) -> None:
    # a stream's first batches are read ahead to count its articles: each is let go once
    # tokenized, not held with its texts until the stream ends
    from index.events import collect as collecting

    monkeypatch.setattr(collecting, "BATCH", 4)
    made: list[weakref.ref[Article]] = []

    def stream() -> Iterator[Article]:
        for n in range(40):
            article = art(f"a{n:02d}.txt", f"Title {n}", f"Report {n} about the harbour works.")
            made.append(weakref.ref(article))
            yield article

    alive: list[int] = []
    tokenize = collecting._Here.tokenize

    def counted(self: collecting._Here, chunk: list[Article]) -> None:
        alive.append(sum(ref() is not None for ref in made))
        tokenize(self, chunk)

    monkeypatch.setattr(collecting._Here, "tokenize", counted)
    collecting.gather(stream(), workers=0)
    assert len(alive) == 10 and alive[-1] <= 2 * 4  # the batch tokenized, and the one before
