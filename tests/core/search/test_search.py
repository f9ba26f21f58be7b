"""Search: query language, all-words-first ranking, malformed queries, and exact match offsets."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.base.errors import QueryError
from index.engine.schema import text_analyzer
from index.search.run import validate_query
from index.store.corpus_index import CorpusIndex

ARTICLES = {
    "quake.md": (
        "Earthquake strikes coastal city",
        "Reuters",
        "A strong earthquake struck the coastal city of Tarvik on Sunday. Rescue teams "
        "evacuated two hospitals. Officials said 40 people were injured and the old wall "
        "of the harbour collapsed.\n\nThe mayor asked residents to stay away from the wall.",
    ),
    "flood.md": (
        "River floods farmland",
        "Associated Press",
        "The river burst its banks after heavy rain, flooding farmland. Farmers evacuated "
        "their cattle. A wall of water reached the village, but the old bridge held.",
    ),
    "rescue.md": (
        "Rescue teams praised",
        "The Harbour Gazette",
        "Volunteers joined rescue teams overnight. The withdrawal of the army units was "
        "delayed by 2 days. Hospitals reported no new patients.",
    ),
    "zurich.md": (
        "Bankers meet in Zürich",
        None,
        "Bankers met in Zürich on Thursday to discuss the Priština office.",
    ),
    "market.md": (
        "Markets calm",
        None,
        "Shares rose slightly on Monday as traders waited for the central bank.",
    ),
}


def write_md(folder: Path, name: str, title: str, source: str | None, body: str) -> None:
    front = f"title: {title}\n" + (f"source: {source}\n" if source else "")
    (folder / name).write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    root = tmp_path_factory.mktemp("search")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, (title, source, body) in ARTICLES.items():
        write_md(corpus, name, title, source, body)
    ix = CorpusIndex(corpus, root / "idx")
    ix.update()
    return ix


def ids(index: CorpusIndex, query: str, limit: int = 10) -> list[str]:
    return [hit.id for hit in index.search(query, limit=limit).hits]


def stems(text: str) -> list[str]:
    return [token.text for token in text_analyzer()(text)]


def test_all_words_rank_first_then_some_words(index: CorpusIndex) -> None:
    results = index.search("earthquake hospitals evacuated")
    assert results.hits[0].id == "quake.md"  # the only article with all three words
    assert set(ids(index, "earthquake hospitals evacuated")) == {
        "quake.md",
        "flood.md",
        "rescue.md",
    }
    assert results.total == 3


def test_all_words_fill_the_page_and_total_counts_some_words(index: CorpusIndex) -> None:
    results = index.search("rescue teams", limit=1)
    assert len(results.hits) == 1 and results.hits[0].id in {"quake.md", "rescue.md"}
    assert results.total == 2
    some = index.search("rescue cattle", limit=1)
    assert some.total == 3 and len(some.hits) == 1


def test_explicit_operators_are_taken_as_written(index: CorpusIndex) -> None:
    assert ids(index, "earthquake AND cattle") == []
    assert set(ids(index, "earthquake OR cattle")) == {"quake.md", "flood.md"}
    assert set(ids(index, "evacuated NOT cattle")) == {"quake.md"}
    assert index.search("evacuated NOT cattle").total == 1


def test_phrase_matches_words_in_order_only(index: CorpusIndex) -> None:
    assert ids(index, '"old wall"') == ["quake.md"]  # flood.md has "wall" and "old" apart
    hit = index.search('"old wall"').hits[0]
    article = index.article(hit.id)
    assert article is not None
    words = [article.body[s:e] for s, e in hit.matches]
    assert words == ["old", "wall"]  # the later lone "wall" is not highlighted


def test_field_queries(index: CorpusIndex) -> None:
    assert ids(index, "title:floods") == ["flood.md"]
    assert ids(index, "title:wall") == []
    assert ids(index, "source:reuters") == ["quake.md"]
    assert ids(index, "source:REUTERS") == ["quake.md"]
    assert ids(index, 'source:"associated press"') == ["flood.md"]


def test_title_matches_are_boosted(index: CorpusIndex) -> None:
    # "rescue" is in quake.md's body and in rescue.md's title and body.
    assert ids(index, "rescue")[0] == "rescue.md"


def test_fuzzy_and_wildcard(index: CorpusIndex) -> None:
    assert ids(index, "withdrawl~") == ["rescue.md"]
    assert ids(index, "withdrawl") == []
    assert set(ids(index, "evacu*")) == {"quake.md", "flood.md"}
    # A prefix of an unstemmed word still finds it although the index holds stems.
    assert set(ids(index, "hospital*")) == {"quake.md", "rescue.md"}
    assert set(ids(index, "Hospitals*")) == {"quake.md", "rescue.md"}
    assert set(ids(index, "far?land")) == {"flood.md"}


def test_accents_are_folded_and_matches_keep_the_original_text(index: CorpusIndex) -> None:
    assert ids(index, "zurich") == ids(index, "Zürich") == ["zurich.md"]
    hit = index.search("pristina").hits[0]
    article = index.article(hit.id)
    assert article is not None
    assert [article.body[s:e] for s, e in hit.matches] == ["Priština"]


def test_single_digits_and_letters_are_searchable(index: CorpusIndex) -> None:
    # rescue.md says "2 days": a lone digit must be indexed and must not vanish from queries.
    assert ids(index, "2") == ["rescue.md"]
    assert ids(index, '"2 days"') == ["rescue.md"]
    assert index.search("3").total == 0


def test_stemming_finds_other_forms(index: CorpusIndex) -> None:
    assert set(ids(index, "flood")) == {"flood.md"}
    assert "flood.md" in ids(index, "flooded")


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ('"old wall', "quotes"),
        ("(earthquake OR flood", "never closed"),
        ("earthquake)", "unexpected"),
        ("title:", "needs a word"),
        ("AND", "each side"),
        ("earthquake AND", "each side"),
        ("OR flood", "each side"),
        ("earthquake AND OR flood", "each side"),
        ("NOT", "after it"),
        ("earthquake NOT", "after it"),
        ("*", "wildcard"),
        ("title:*", "wildcard"),
        ("??", "wildcard"),
        ("()", "empty parentheses"),
        ("colour:red", "unknown field"),
        ("the of", "common words"),
        ("$ ~ ^", "only punctuation"),
    ],
)
def test_malformed_queries_raise_query_error(index: CorpusIndex, query: str, reason: str) -> None:
    with pytest.raises(QueryError) as caught:
        index.search(query)
    assert reason in caught.value.reason
    assert caught.value.query == query


def test_validate_query_needs_no_index() -> None:
    validate_query("earthquake OR flood")
    with pytest.raises(QueryError, match="quotes"):
        validate_query('"open')


@pytest.mark.parametrize(
    "query",
    ["troops", "evacuated hospitals", "WALL", "earthquake strikes", "injured people", "wall"],
)
def test_every_match_slices_back_to_a_matching_word(index: CorpusIndex, query: str) -> None:
    wanted = set(stems(query))
    for hit in index.search(query).hits:
        article = index.article(hit.id)
        assert article is not None
        for start, end in hit.matches:
            word = article.body[start:end]
            assert stems(word) and stems(word)[0] in wanted, (hit.id, word)


def test_matches_cover_every_occurrence(index: CorpusIndex) -> None:
    hit = index.search("wall").hits[0]
    article = index.article(hit.id)
    assert article is not None
    expected = article.body.lower().count("wall")
    assert len(hit.matches) == expected >= 2
    assert list(hit.matches) == sorted(hit.matches)


def test_stemmed_query_matches_other_forms_in_body(index: CorpusIndex) -> None:
    hit = index.search("hospital").hits[0]
    article = index.article(hit.id)
    assert article is not None
    assert {article.body[s:e].lower() for s, e in hit.matches} == {"hospitals"}


def test_wildcard_and_fuzzy_matches_slice_back(index: CorpusIndex) -> None:
    for hit in index.search("evacu*").hits:
        article = index.article(hit.id)
        assert article is not None
        assert hit.matches and all(article.body[s:e].startswith("evacu") for s, e in hit.matches)
    hit = index.search("withdrawl~").hits[0]
    article = index.article(hit.id)
    assert article is not None
    assert [article.body[s:e] for s, e in hit.matches] == ["withdrawal"]


def test_snippet_is_an_excerpt_with_its_own_offsets(index: CorpusIndex) -> None:
    hit = index.search("mayor").hits[0]
    assert "mayor" in hit.snippet and len(hit.snippet) <= 210
    assert "\n" not in hit.snippet and hit.snippet.startswith("…")
    assert [hit.snippet[s:e] for s, e in hit.snippet_matches] == ["mayor"]
    title_only = index.search("title:markets").hits[0]
    assert title_only.matches == () and title_only.snippet.startswith("Shares rose")


def test_json_shape_is_exact(index: CorpusIndex) -> None:
    data = index.search("earthquake").to_json()
    assert set(data) == {"query", "total", "hits"}  # "total_exact": false only for a bound
    assert data["query"] == "earthquake" and data["total"] == 1
    hit = data["hits"][0]
    assert set(hit) == {
        "id",
        "path",
        "title",
        "source",
        "published",
        "score",
        "snippet",
        "matches",
    }
    assert hit["source"] == "Reuters" and hit["published"] is None
    assert isinstance(hit["score"], float)
    assert all(isinstance(m, list) and len(m) == 2 for m in hit["matches"])


def test_search_from_threads(index: CorpusIndex) -> None:
    expected = ids(index, "rescue teams")
    failures: list[object] = []

    def worker() -> None:
        try:
            for _ in range(10):
                assert ids(index, "rescue teams") == expected
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_search_sees_updates_without_reopening(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    write_md(corpus, "a.md", "Storm", None, "A storm hit the islands.")
    ix = CorpusIndex(corpus, tmp_path / "idx")
    ix.update()
    assert ix.search("ferry").total == 0
    write_md(corpus, "b.md", "Ferry", None, "The ferry sailed late.")
    ix.update()
    assert ids(ix, "ferry") == ["b.md"]
    ix.update(rebuild=True)
    assert ids(ix, "ferry") == ["b.md"]


@pytest.mark.parametrize("which", ["corpus_dir", "seeds_dir"])
def test_real_articles_are_found_by_their_title_words(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    folder: Path = request.getfixturevalue(which)
    ix = CorpusIndex(folder, tmp_path / "idx")
    ix.update()
    articles = ix.articles()
    assert articles
    for article in articles:
        words = sorted(set(re.findall(r"[A-Za-z]{4,}", article.title)), key=len)[-2:]
        wanted = {s for w in words for s in stems(w)}
        if not wanted:
            continue
        query = " ".join(words)
        results = ix.search(query, limit=len(articles))
        assert article.id in [h.id for h in results.hits], (article.id, query)
        for hit in results.hits:
            body = (ix.article(hit.id) or article).body
            for start, end in hit.matches:
                assert stems(body[start:end])[0] in wanted, (hit.id, body[start:end], query)


QUERY_PIECES = st.sampled_from(
    [
        "wall",
        "old",
        "flood*",
        "evacuat*",
        "-wall",
        '-"old wall"',
        "-(",
        '"old wall"',
        '"rescue teams"',
        "rescu~",
        "title:",
        "source:",
        "body:",
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        '"',
        "*",
        "?",
        "~",
        "^2",
        "[",
        "]",
        " TO ",
        "{",
        "}",
        ":",
        "-",
        "+",
        "\\",
        "the",
        "Zürich",
        "'",
        "/",
        "!",
        "&&",
        "||",
        " ",
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(QUERY_PIECES, min_size=1, max_size=8).map(" ".join))
def test_any_query_gives_results_or_a_query_error(index: CorpusIndex, query: str) -> None:
    try:
        results = index.search(query, limit=3)
    except QueryError as error:
        assert error.reason and "\n" not in error.reason
        return
    assert results.total >= len(results.hits)
    for hit in results.hits:
        article = index.article(hit.id)
        assert article is not None
        assert all(0 <= s < e <= len(article.body) for s, e in hit.matches)
