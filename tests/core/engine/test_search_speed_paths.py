"""The search speed paths give Whoosh's own answers: phrases matched rarest word first, totals
bounded past COUNT_BOUND."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import index.engine.counts as search_count
import index.engine.matching as matching
import index.engine.words as word_search
from index.engine.counts import round_down
from index.engine.phrases import plain_phrases, search_phrases
from index.engine.schema import text_analyzer
from index.engine.snippets import Postings
from index.engine.word_query import WordQuery, word_groups
from index.engine.words import search_any_words
from index.search.run import parse_query
from index.store.corpus_index import CorpusIndex

# Few words, so phrases of two or three of them have many candidate articles and some repeat.
WORDS = ["harbor", "crane", "ferry", "storm", "delay", "pier", "tide", "cargo", "dock", "gale"]


def _article(rng: random.Random) -> str:
    title = " ".join(rng.choice(WORDS) for _ in range(3)).capitalize()
    body = " ".join(
        rng.choice(WORDS[: rng.randint(3, len(WORDS))]) for _ in range(rng.randint(5, 60))
    )
    return f"{title}\n\n{body}.\n"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    """Two segments and deleted documents: 80 files, then 40 more and 10 rewritten."""
    rng = random.Random(7)
    root = tmp_path_factory.mktemp("speedpaths")
    corpus = root / "corpus"
    corpus.mkdir()
    for n in range(80):
        (corpus / f"a{n:03}.txt").write_text(_article(rng), encoding="utf-8")
    ix = CorpusIndex(corpus, root / "idx")
    ix.update()
    for n in range(80, 120):
        (corpus / f"a{n:03}.txt").write_text(_article(rng), encoding="utf-8")
    for n in range(0, 80, 8):
        (corpus / f"a{n:03}.txt").write_text(_article(rng) + "Rewritten.\n", encoding="utf-8")
    report = ix.update()
    assert report.added == 40 and report.updated == 10
    return ix


def _compare(ix: CorpusIndex, text: str, limit: int) -> None:
    searcher = ix._open().searcher()
    try:
        assert len(list(searcher.leaf_searchers())) >= 2
        all_words, some_words = parse_query(searcher.schema, text)
        phrases = plain_phrases(all_words)
        assert phrases is not None and some_words is None
        found = search_phrases(searcher, phrases, limit)
        assert found is not None
        # Every match, unlimited: Whoosh's top-N collector, once its page is full, drops
        # sub-matchers that cannot reach the page, and its count misses their documents.
        reference = list(searcher.search(all_words, limit=None))
        assert [(hit.docnum, hit.score) for hit in found[0]] == [
            (hit.docnum, hit.score) for hit in reference[:limit]
        ]
        assert found[1] == len(reference)
    finally:
        searcher.close()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=2, max_size=3),
    field=st.sampled_from(["", "title:", "body:"]),
    limit=st.sampled_from([1, 3, 10, 200]),
)
def test_phrases_match_whoosh_exactly(
    index: CorpusIndex, words: list[str], field: str, limit: int
) -> None:
    _compare(index, f'{field}"{" ".join(words)}"', limit)


def test_phrase_hits_have_highlights_of_the_phrase_only(index: CorpusIndex) -> None:
    results = index.search('"storm delay"', limit=200)
    assert results.total > 0 and results.total_exact
    for hit in results.hits:
        article = index.article(hit.id)
        assert article is not None
        words = [article.body[s:e].lower() for s, e in hit.matches]
        pairs = [article.body[s:].lower().startswith("storm delay") for s, _ in hit.matches[::2]]
        if words:  # a title-only match has none
            assert set(words) == {"storm", "delay"} and any(pairs)


def test_other_queries_are_not_taken_for_plain_phrases(index: CorpusIndex) -> None:
    searcher = index._open().searcher()
    try:
        for text in ('"storm delay"~3', '"storm delay" ferry', 'ferry OR "storm gale"', "storm"):
            all_words, _ = parse_query(searcher.schema, text)
            assert plain_phrases(all_words) is None, text
    finally:
        searcher.close()


def test_totals_past_the_bound_are_sure_lower_bounds(
    index: CorpusIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = index.search("harbor crane")
    assert exact.total_exact and exact.total_label() == f"{exact.total:,}"
    # Bounded counts are for words too common to read every posting of (Whoosh's AND path).
    monkeypatch.setattr(word_search, "POSTINGS_BUDGET", 0)
    assert index.search("harbor crane") == exact
    monkeypatch.setattr(search_count, "COUNT_BOUND", 5)
    bounded = index.search("harbor crane")
    assert not bounded.total_exact
    assert 5 <= bounded.total <= exact.total
    assert bounded.total_label() == f"{bounded.total:,}+"
    assert [hit.id for hit in bounded.hits] == [hit.id for hit in exact.hits]
    assert bounded.to_json()["total_exact"] is False
    # Below the bound, or for queries that are not an OR of words, totals stay exact.
    monkeypatch.setattr(search_count, "COUNT_BOUND", 10_000)
    assert index.search("harbor crane").total == exact.total
    monkeypatch.setattr(search_count, "COUNT_BOUND", 1)
    phrase = index.search('"storm delay"')
    assert phrase.total_exact


def test_lower_bound_discounts_deleted_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(6):
        (corpus / f"{n}.txt").write_text(f"Quay {n}\n\nThe quay flooded.\n", encoding="utf-8")
    ix = CorpusIndex(corpus, tmp_path / "idx")
    ix.update()
    for n in range(4):  # the old documents stay in the segment, deleted
        (corpus / f"{n}.txt").write_text(f"Lock {n}\n\nThe lock held.\n", encoding="utf-8")
    ix.update()
    searcher = ix._open().searcher()
    try:
        all_words, _ = parse_query(searcher.schema, "quay")
        counted = search_count.union_count(searcher, all_words)
        assert counted == (2, True)
    finally:
        searcher.close()
    assert ix.search("quay").total == 2


@pytest.mark.parametrize(
    ("count", "rounded"),
    [(7, 7), (99, 99), (1000, 1000), (1234, 1200), (35284, 35000), (100_999, 100_000)],
)
def test_round_down(count: int, rounded: int) -> None:
    assert round_down(count) == rounded


def test_phrase_total_does_not_depend_on_the_page_size(index: CorpusIndex) -> None:
    # Whoosh's collector undercounted here (40 of 65 with a page of 3) before the phrase path.
    totals = {index.search('"crane crane"', limit=limit).total for limit in (1, 3, 10, 500)}
    assert len(totals) == 1 and totals.pop() == len(index.search('"crane crane"', limit=500).hits)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True),
    field=st.sampled_from(["", "title:"]),
    limit=st.sampled_from([1, 3, 10, 200]),
)
def test_word_queries_rank_like_whoosh(
    index: CorpusIndex, words: list[str], field: str, limit: int
) -> None:
    """One word: Whoosh's exact docnums and scores. Several: the documents with all the words
    first, in Whoosh's AND order (scores equal but for the order of float additions), then
    documents with more words before fewer; the total is every document with any word."""
    searcher = index._open().searcher()
    try:
        text = " ".join(field + word for word in words)
        all_words, some_words = parse_query(searcher.schema, text)
        groups = word_groups(all_words)
        assert groups is not None and len(groups) == len(words)
        found = search_any_words(searcher, WordQuery(groups, [], False), limit)
        assert found is not None
        hits, total = found
        every = searcher.search(some_words or all_words, limit=None)
        assert total == len(every)
        # Unlimited: Whoosh's top-N collector can miss the best document of a later segment
        # (block-quality skipping against a minimum score from earlier segments).
        reference = list(searcher.search(all_words, limit=None))[:limit]
        if len(words) == 1:
            assert [(h.docnum, h.score) for h in hits] == [(h.docnum, h.score) for h in reference]
            return
        # Several words: Whoosh sums the words' scores in an order of its own, so equal scores
        # differ in the last bits and their order is noise; here they are equal and the lower
        # docnum comes first. Same documents, same scores, same order up to that noise.
        tier = [hit for hit in hits if hit.words == len(words)]
        whoosh_scores = {h.docnum: h.score for h in searcher.search(all_words, limit=None)}
        assert len(tier) == min(limit, len(whoosh_scores))
        for hit in tier:
            assert hit.score == pytest.approx(whoosh_scores[hit.docnum], rel=1e-12)
        for before, after in zip(tier, tier[1:], strict=False):
            assert whoosh_scores[before.docnum] >= whoosh_scores[after.docnum] - 1e-9
        left_out = set(whoosh_scores) - {hit.docnum for hit in tier}
        if tier and left_out:
            lowest = min(whoosh_scores[hit.docnum] for hit in tier)
            assert max(whoosh_scores[d] for d in left_out) <= lowest + 1e-9
        assert len(hits) == min(limit, total)
        assert [h.words for h in hits] == sorted((h.words for h in hits), reverse=True)
        for hit in hits:
            stored = searcher.stored_fields(hit.docnum)
            searched = stored["title"] if field else f"{stored['title']} {stored['body']}"
            article = set(re.findall(r"[a-z]+", searched.lower()))
            assert hit.words == sum(word in article for word in words)
    finally:
        searcher.close()


def test_explicit_and_gives_whoosh_and(index: CorpusIndex) -> None:
    results = index.search("harbor AND crane", limit=200)
    searcher = index._open().searcher()
    try:
        all_words, _ = parse_query(searcher.schema, "harbor AND crane")
        assert [h.docnum for h in searcher.search(all_words, limit=200)] == [
            searcher.document_number(id=hit.id) for hit in results.hits
        ]
    finally:
        searcher.close()


@pytest.mark.parametrize(
    "text", ['"storm delay"', '"crane crane"', 'title:"ferry tide"', '"gale dock pier"']
)
def test_phrase_path_gives_the_same_page_as_whoosh(
    index: CorpusIndex, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """Hits, scores, highlights (taken from the phrase search's postings) and snippets."""
    fast = index.search(text, limit=500)
    monkeypatch.setattr(matching, "search_phrases", lambda *_: None)
    slow = index.search(text, limit=500)
    assert fast.hits == slow.hits and fast.total == slow.total


@pytest.mark.parametrize("text", ["harbor", "title:crane", "Gale", "rewritten"])
def test_one_word_path_gives_the_same_page_as_whoosh(
    index: CorpusIndex, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    fast = index.search(text, limit=500)
    monkeypatch.setattr(matching, "search_any_words", lambda *_: None)
    slow = index.search(text, limit=500)
    assert fast.hits and fast.hits == slow.hits and fast.total == slow.total


def _docnums(ix: CorpusIndex, text: str) -> set[int]:
    """Every document Whoosh matches for ``text``'s all-words query, unlimited (no skipping)."""
    searcher = ix._open().searcher()
    try:
        all_words, _ = parse_query(searcher.schema, text)
        return {hit.docnum for hit in searcher.search(all_words, limit=None)}
    finally:
        searcher.close()


def _hit_docnums(ix: CorpusIndex, text: str) -> set[int]:
    searcher = ix._open().searcher()
    try:
        return {searcher.document_number(id=hit.id) for hit in ix.search(text, limit=500).hits}
    finally:
        searcher.close()


@pytest.mark.parametrize(
    ("text", "positive", "negative"),
    [
        ("harbor -crane", "harbor", "crane"),
        ("-gale tide", "tide", "gale"),
        ("pier -title:dock", "pier", "title:dock"),
        ("harbor ferry -(tide OR gale)", "harbor AND ferry", "tide OR gale"),
    ],
)
def test_exclusions_count_and_return_exactly_the_difference(
    index: CorpusIndex, text: str, positive: str, negative: str
) -> None:
    wanted = _docnums(index, positive) - _docnums(index, negative)
    results = index.search(text, limit=500)
    assert results.total == len(wanted) and results.total_exact
    assert _hit_docnums(index, text) == wanted


@pytest.mark.parametrize("text", ["har*", "c*", "title:fe*", "do* -gale", "har* cargo"])
def _every(ix: CorpusIndex, text: str) -> set[int]:
    """Every document the total counts: the some-words query's when there is one."""
    searcher = ix._open().searcher()
    try:
        all_words, some_words = parse_query(searcher.schema, text)
        return {hit.docnum for hit in searcher.search(some_words or all_words, limit=None)}
    finally:
        searcher.close()


@pytest.mark.parametrize(
    "text",
    [
        "har*",
        "c*",
        "title:fe*",
        "do* -gale",
        "har* cargo",
        "harbr~",
        "c?ane -gale",
        '"storm delay" ferry',
        '"storm delay" AND ferry',
        'ferry -"storm delay"',
        '"tide dock" OR "gale pier"',
    ],
)
def test_word_path_queries_count_and_return_every_match(index: CorpusIndex, text: str) -> None:
    every = _every(index, text)
    assert index.search(text, limit=500).total == len(every)
    assert _hit_docnums(index, text) == every


def test_whoosh_path_counts_every_match(index: CorpusIndex) -> None:
    # Phrases with slop keep Whoosh's own path; its collector's count is not trusted (with a
    # page of 1 it undercounts).
    for text in ('"storm delay"~2 -gale', '"storm delay"~2 ferry', '"storm delay"~3'):
        assert index.search(text, limit=1).total == len(_every(index, text)), text


def test_phrase_among_words_highlights_the_phrase_and_the_words(index: CorpusIndex) -> None:
    results = index.search('"storm delay" ferry', limit=50)
    assert results.hits
    for hit in results.hits:
        article = index.article(hit.id)
        assert article is not None
        body = article.body.lower()
        words = [body[s:e] for s, e in hit.matches]
        assert set(words) <= {"storm", "delay", "ferry"}
        # "storm" and "delay" only where they form the phrase
        for start, end in hit.matches:
            if body[start:end] == "storm":
                assert body[end:].startswith(" delay")
        assert ("ferry" in words) == ("ferry" in re.findall(r"[a-z]+", body))


def test_page_offsets_match_whoosh_postings(index: CorpusIndex) -> None:
    """Offsets read from raw blocks, segment by segment, equal Whoosh's own matcher's (two
    segments, deleted documents)."""
    searcher = index._open().searcher()
    try:
        page = sorted(docnum for docnum, _ in searcher.iter_docs())[::3]
        postings = Postings(searcher, page)
        for word in sorted({token.text for token in text_analyzer()(" ".join(WORDS))}):
            expected: dict[int, dict[int, tuple[int, int]]] = {}
            for leaf, offset in searcher.leaf_searchers():
                reader = leaf.reader()
                if ("body", word.encode()) not in reader:
                    continue
                matcher = reader.postings("body", word.encode())  # deletions filtered
                while matcher.is_active():
                    if matcher.id() + offset in page:
                        expected[matcher.id() + offset] = {
                            p: (s, e) for p, s, e in matcher.value_as("characters")
                        }
                    matcher.next()
            assert expected
            for docnum in page:
                assert postings.get(docnum, word) == expected.get(docnum, {}), (word, docnum)
    finally:
        searcher.close()
