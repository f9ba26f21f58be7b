"""A parsed query run on a searcher: the best documents, where their words are, and the total."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from index.engine.counts import union_count
from index.engine.phrases import PhraseHit, plain_phrases, search_phrases
from index.engine.query import ParsedQuery, Query
from index.engine.searcher_pool import Searcher
from index.engine.snippets import BODY, Postings, body_matches, query_shape
from index.engine.word_query import word_query
from index.engine.words import WordHit, search_any_words


@dataclass(frozen=True)
class MatchedDoc:
    """One matching document: its stored fields, its score, and the sorted character offsets
    of every body word it matched (into the stored body)."""

    fields: dict[str, Any]
    score: float
    matches: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Matches:
    """The documents of one page, best first; ``total`` counts every match when ``exact``,
    else it is a sure lower bound."""

    docs: tuple[MatchedDoc, ...]
    total: int
    exact: bool = True


def find_matches(searcher: Searcher, parsed: ParsedQuery, limit: int) -> Matches:
    """The best ``limit`` documents for ``parsed``, ranked with BM25F over title and body.

    Documents with ALL the words come first, in BM25F order; when fewer than ``limit`` do,
    documents with SOME of the words follow, more words before fewer, then by BM25F (for a
    phrase with slop among the words, Whoosh's OR query with its coordination bonus ranks
    them). A prefix, wildcard or fuzzy word counts as one word matched by any term it expands
    to; an exact phrase as one word matched where it occurs. ``total`` counts every document
    with at least one of the words; past COUNT_BOUND it may be a lower bound.
    """
    all_words, some_words = parsed
    phrases = plain_phrases(all_words) if some_words is None else None
    found = None if phrases is None else search_phrases(searcher, phrases, limit)
    if found is not None:
        return _phrase_matches(searcher, *found, all_words)
    # Words, prefixes, ORs and exclusions: every posting of every term read once, which ranks
    # all-words documents first and counts exactly (plain words up to POSTINGS_BUDGET postings).
    words = word_query(all_words, searcher.reader())
    if words is not None:
        # Without operators, several words rank some-words documents after all-words ones;
        # with them (AND, NOT, -word), only documents with every word qualify.
        require_all = some_words is None and len(words.groups) > 1
        found_words = search_any_words(searcher, words, limit, require_all)
        if found_words is not None:
            return _word_matches(searcher, *found_words, all_words)
    # Whoosh's own path (phrases with slop, ranges, very common plain words): its collectors
    # undercount (block skipping, matchers dropped once the page is full), so count apart.
    first = searcher.search(all_words, limit=limit, terms=True)
    picked: list[tuple[Any, Query]] = [(hit, all_words) for hit in first]
    if some_words is None:
        total, exact = _count(searcher, all_words)
    else:
        if len(picked) < limit:  # the some-words hits are needed
            seen = {hit.docnum for hit, _ in picked}
            for hit in searcher.search(some_words, limit=limit + len(picked), terms=True):
                if len(picked) >= limit:
                    break
                if hit.docnum not in seen:
                    picked.append((hit, some_words))
        total, exact = _count(searcher, some_words)
    picked = picked[:limit]
    postings = Postings(searcher, (hit.docnum for hit, _ in picked))
    docs = tuple(
        _matched(postings, hit.fields(), hit.docnum, hit.score, _body_words(hit), q)
        for hit, q in picked
    )
    return Matches(docs, total, exact)


def _count(searcher: Searcher, q: Query) -> tuple[int, bool]:
    """(count, exact) of the documents matching ``q``: bounded for an OR of words, else every
    match walked without scoring."""
    counted = union_count(searcher, q)
    if counted is not None:
        return counted
    return sum(1 for _ in searcher.docs_for_query(q)), True


def _phrase_matches(searcher: Searcher, ranked: list[PhraseHit], total: int, q: Query) -> Matches:
    postings = Postings(searcher, (hit.docnum for hit in ranked))
    for hit in ranked:
        for word, value in hit.body_values.items():
            postings.prefill(hit.docnum, word, value)
    docs = tuple(
        _matched(postings, searcher.stored_fields(hit.docnum), hit.docnum, hit.score, (), q)
        for hit in ranked
    )
    return Matches(docs, total)


def _word_matches(searcher: Searcher, ranked: list[WordHit], total: int, q: Query) -> Matches:
    postings = Postings(searcher, (hit.docnum for hit in ranked))
    docs = tuple(
        _matched(
            postings, searcher.stored_fields(hit.docnum), hit.docnum, hit.score, hit.body_words, q
        )
        for hit in ranked
    )
    return Matches(docs, total)


def _body_words(hit: Any) -> list[str]:
    return [term.decode("utf-8") for field, term in hit.matched_terms() if field == BODY]


def _matched(
    postings: Postings,
    fields: dict[str, Any],
    docnum: int,
    score: float,
    words: Iterable[str],
    q: Query,
) -> MatchedDoc:
    phrases, plain = query_shape(q)
    return MatchedDoc(fields, score, body_matches(postings, docnum, words, phrases, plain))
