"""Filter fields of a search (conflict:, only:, shared:, event:) on a real index and comparisons."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import (
    Article,
    Comparison,
    CorpusIndex,
    Event,
    QueryError,
    SearchResults,
    compare,
    group_events,
    sift_search,
    split_query,
)
from tests.helpers import GAZETTE, write_corpus

HERALD, ISLAND, SHOW = "harbour/coast-herald.md", "harbour/island-post.md", "garden/show.md"


class World:
    """The shared corpus indexed, grouped, and a count of the comparisons asked for."""

    def __init__(self, root: Path) -> None:
        self.index = CorpusIndex(write_corpus(root), root / "ix")
        self.index.update()
        self.articles = {a.id: a for a in self.index.articles()}
        self.events = group_events(list(self.articles.values()))
        self.compared: list[str] = []

    def compare(self, event: Event, members: list[Article]) -> Comparison:
        self.compared.append(event.id)
        return compare(members, event)

    def search(self, query: str, limit: int = 10) -> SearchResults:
        return sift_search(
            split_query(query),
            lambda words, n: self.index.search(words, limit=n),
            self.events,
            self.articles,
            self.compare,
            limit,
        )

    def text_of(self, hit_id: str, span: tuple[int, int]) -> str:
        return self.articles[hit_id].body[span[0] : span[1]]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return World(tmp_path_factory.mktemp("sift"))


def test_split_query_takes_the_filters_out() -> None:
    sieve = split_query('strike AND conflict:number only:"Coast Herald" shared:>=2 event:ev-1')
    assert sieve.words == "strike"
    assert (sieve.conflict, sieve.only, sieve.shared, sieve.event) == (
        "number",
        "Coast Herald",
        (">=", 2),
        "ev-1",
    )
    assert split_query('"only:x" ferry').words == '"only:x" ferry'  # inside quotes: words
    assert not split_query("title:ferry").filters


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("conflict:rumour", "no conflict type"),
        ("shared:many", "number of sources"),
        ("only:", "needs a value"),
        ("-conflict:number", "cannot be negated"),
        ("ferry OR conflict:date", "ORed"),
        ("(ferry conflict:date)", "bracketed"),
        ("conflict:date conflict:number", "twice"),
    ],
)
def test_bad_filters_are_one_clear_error(query: str, says: str) -> None:
    with pytest.raises(QueryError, match=says):
        split_query(query)


def test_conflict_keeps_the_passages_in_a_number_conflict(world: World) -> None:
    results = world.search("conflict:number")
    assert {h.id for h in results.hits} == {GAZETTE, HERALD} and results.total == 2
    for hit in results.hits:
        [span] = hit.matches  # the one passage with the count of workers, whole
        assert "workers joined the strike" in world.text_of(hit.id, span)
    # with words: only the words inside such a passage count
    assert {h.id for h in world.search("conflict:number union").hits} == {GAZETTE, HERALD}
    assert world.search("conflict:number ferry").hits == ()  # "ferry" is in no such passage
    assert world.search("conflict:date").hits == ()


def test_only_an_outlet_has(world: World) -> None:
    results = world.search('only:"island post"')
    [hit] = results.hits
    assert hit.id == ISLAND
    said = [world.text_of(ISLAND, span) for span in hit.matches]
    assert any("protest sign" in text for text in said)
    assert not any("Elin Sato" in text for text in said)  # the others say it too
    assert world.search("only:herald schools").hits[0].id == HERALD
    assert world.search("only:herald sato").hits == ()


def test_only_names_a_report_without_outlet_by_its_file(tmp_path: Path) -> None:
    world = World(tmp_path)
    garden = world.articles[SHOW]
    world.articles[SHOW] = Article(garden.id, garden.path, garden.title, garden.body)  # no outlet
    assert [h.id for h in world.search("only:show.md orchid").hits] == [SHOW]
    assert world.search("only:valley orchid").hits == ()


def test_shared_by_at_least_n_sources(world: World) -> None:
    assert {h.id for h in world.search("shared:>=3 sato").hits} == {GAZETTE, HERALD, ISLAND}
    assert world.search("shared:>=3 orchid").hits == ()
    assert world.search("shared:>=4").hits == ()
    assert [h.id for h in world.search("shared:1 orchid").hits] == [SHOW]


def test_event_narrows_to_its_reports_and_compares_nothing(world: World) -> None:
    garden = next(e for e in world.events if SHOW in e.article_ids)
    world.compared.clear()
    assert [h.id for h in world.search(f"event:{garden.id}").hits] == [SHOW]
    assert world.search(f"event:{garden.id} sato").hits == ()
    assert world.compared == []  # no passage filter: the event's member list is enough
    with pytest.raises(QueryError, match="no event"):
        world.search("event:ev-nothere")


def test_a_page_of_filtered_hits_is_full_and_the_total_counts_them(world: World) -> None:
    every = world.search("conflict:any", limit=50)
    assert every.total == len(every.hits) >= 2
    one = world.search("conflict:any", limit=1)
    assert len(one.hits) == 1 and one.total == every.total
    assert {h.id for h in world.search("workers conflict:number", limit=2).hits} == {
        GAZETTE,
        HERALD,
    }


def test_filters_dropping_the_page_ask_the_index_for_every_match(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.sift.run

    monkeypatch.setattr(index.sift.run, "WIDEN", 1)
    asked: list[int] = []

    def search(words: str, n: int) -> SearchResults:
        asked.append(n)
        return world.index.search(words, limit=n)

    sieve = split_query("sato conflict:number")  # the three reports, no passage passes
    results = sift_search(sieve, search, world.events, world.articles, world.compare, 1)
    assert asked == [1, 3] and results.hits == () and results.total == 0 and results.total_exact


def test_the_hits_looked_at_are_bounded_and_the_total_then_says_so(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.sift.run

    monkeypatch.setattr(index.sift.run, "WIDEN", 1)
    monkeypatch.setattr(index.sift.run, "SCAN", 2)
    asked: list[int] = []

    def search(words: str, n: int) -> SearchResults:
        asked.append(n)
        return world.index.search(words, limit=n)

    sieve = split_query("sato conflict:number")  # three reports match the word
    results = sift_search(sieve, search, world.events, world.articles, world.compare, 1)
    assert asked == [1, 2] and results.hits == ()
    assert (results.total, results.total_exact) == (0, False)  # "0+": the third was not read


def test_progress_counts_the_events_compared(world: World) -> None:
    seen: list[tuple[int, int]] = []
    sieve = split_query("conflict:any")
    sift_search(
        sieve,
        lambda words, n: world.index.search(words, limit=n),
        world.events,
        world.articles,
        world.compare,
        10,
        lambda done, total: seen.append((done, total)),
    )
    multi = sum(1 for e in world.events if len(e.article_ids) > 1)  # one report: no conflict
    assert seen == [(k, multi) for k in range(1, multi + 1)] and multi >= 1
