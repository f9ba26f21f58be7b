"""Searching the article index: query checks, all-words-first ranking, hits with snippets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser, OrGroup
from whoosh.qparser.syntax import GroupNode

from index.base.errors import QueryError
from index.base.models import article_ref
from index.engine.counts import union_count
from index.engine.phrases import PhraseHit, plain_phrases, search_phrases
from index.engine.prefixes import TypedPrefixPlugin
from index.engine.schema import DEFAULT_FIELDS, FIELD_BOOSTS
from index.engine.snippets import BODY, Postings, body_matches, query_shape, snippet
from index.engine.word_query import word_query
from index.engine.words import WordHit, search_any_words
from index.search.syntax import check_syntax, minus_as_not

# Within the some-words fallback, an article with more of the words still ranks higher.
_SOME_WORDS = OrGroup.factory(0.9)


@dataclass(frozen=True)
class SearchHit:
    """One matching article. ``matches`` are offsets into its cleaned body, every matched word;
    ``snippet_matches`` are offsets into ``snippet``."""

    id: str
    path: str
    title: str
    source: str | None
    published: str | None
    score: float
    snippet: str
    snippet_matches: tuple[tuple[int, int], ...]
    matches: tuple[tuple[int, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            **article_ref(self),
            "score": self.score,
            "snippet": self.snippet,
            "matches": [[start, end] for start, end in self.matches],
        }


@dataclass(frozen=True)
class SearchResults:
    """The hits on one page of results. ``total`` counts every matching article when
    ``total_exact``; otherwise it is a sure lower bound (past COUNT_BOUND matches the count
    stops): show it as ``total_label()``, "35,000+"."""

    query: str
    total: int
    hits: tuple[SearchHit, ...]
    total_exact: bool = True

    def total_label(self) -> str:
        """The total as a reader should see it: "12", "1,234" or "35,000+" (at least)."""
        return f"{self.total:,}" + ("" if self.total_exact else "+")

    def to_json(self) -> dict[str, Any]:
        """``total_exact: false`` appears only when ``total`` is a lower bound (the shape of an
        exact answer is unchanged for existing readers)."""
        data: dict[str, Any] = {"query": self.query, "total": self.total}
        if not self.total_exact:
            data["total_exact"] = False
        data["hits"] = [hit.to_json() for hit in self.hits]
        return data


def _parser(schema: Any, group: type[GroupNode] | None = None) -> MultifieldParser:
    kwargs: dict[str, Any] = {"fieldboosts": FIELD_BOOSTS}
    if group is not None:
        kwargs["group"] = group
    parser = MultifieldParser(list(DEFAULT_FIELDS), schema, **kwargs)
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(TypedPrefixPlugin())
    return parser


def _check_tree(text: str, q: wq.Query) -> None:
    """Whoosh turns many errors into null or match-everything queries; refuse those."""
    if isinstance(q, wq.qcore._NullQuery):
        if not any(c.isalnum() for c in text):
            raise QueryError(text, "it has no words to search for, only punctuation")
        raise QueryError(
            text,
            "nothing left to search for: very common words (the, of, a...) are not indexed",
        )
    stack = [q]
    while stack:
        node = stack.pop()
        name = type(node).__name__
        if name == "ErrorQuery":
            raise QueryError(text, "it cannot be parsed")
        if isinstance(node, wq.Every):
            raise QueryError(text, "a wildcard alone matches everything; add some letters")
        if not node.is_leaf():
            stack.extend(node.children())


def parse_query(schema: Any, text: str) -> tuple[wq.Query, wq.Query | None]:
    """The all-words query and, for plain words, the some-words fallback (None if the same).

    Raises QueryError for malformed input: empty, unbalanced quotes or parentheses, dangling
    operators, a field with no word, an unknown field, a wildcard with no letters.
    """
    explicit = check_syntax(text, schema)
    written = minus_as_not(text)
    try:
        all_words = _parser(schema).parse(written)
        some_words = _parser(schema, _SOME_WORDS).parse(written)
    except Exception as error:  # noqa: BLE001 - whoosh raises assorted errors on odd input
        raise QueryError(text, f"it cannot be parsed ({error})") from error
    _check_tree(text, all_words)
    if (
        explicit
        or isinstance(some_words, wq.qcore._NullQuery)
        or repr(some_words) == repr(all_words)
    ):
        return all_words, None
    return all_words, some_words


def validate_query(text: str) -> None:
    """Raise QueryError if ``text`` is malformed, without an index (a CLI can check first)."""
    from index.engine.schema import build_schema

    parse_query(build_schema(), text)


def run_search(searcher: Any, text: str, limit: int = 10) -> SearchResults:
    """Search with BM25F over title (boosted) and body.

    Ranking choice: articles containing ALL the words come first, in BM25F order; when fewer
    than ``limit`` do, articles containing SOME of the words follow, more words before fewer,
    then by BM25F (for a phrase with slop among the words, Whoosh's OR query with its
    coordination bonus ranks them). A prefix, wildcard or fuzzy word counts as one word
    matched by any term it expands to; an exact phrase as one word matched where it occurs.
    ``total`` counts every article with at least one of the words, so it agrees with what
    paging through all results would show; past COUNT_BOUND it may be a lower bound
    (``total_exact`` False). Explicit operators (AND, OR, NOT, -word, phrases on their own)
    are taken as written.
    """
    limit = max(1, int(limit))
    all_words, some_words = parse_query(searcher.schema, text)
    phrases = plain_phrases(all_words) if some_words is None else None
    found = None if phrases is None else search_phrases(searcher, phrases, limit)
    if found is not None:
        return _phrase_results(searcher, text, *found, all_words)
    # Words, prefixes, ORs and exclusions: every posting of every term read once, which ranks
    # all-words articles first and counts exactly (plain words up to POSTINGS_BUDGET postings).
    words = word_query(all_words, searcher.reader())
    if words is not None:
        # Without operators, several words rank some-words articles after all-words ones;
        # with them (AND, NOT, -word), only articles with every word qualify.
        require_all = some_words is None and len(words.groups) > 1
        found_words = search_any_words(searcher, words, limit, require_all)
        if found_words is not None:
            ranked_words, total = found_words
            return _word_results(searcher, text, ranked_words, total, all_words)
    # Whoosh's own path (phrases with slop, ranges, very common plain words): its collectors
    # undercount (block skipping, matchers dropped once the page is full), so count apart.
    first = searcher.search(all_words, limit=limit, terms=True)
    picked: list[tuple[Any, wq.Query]] = [(hit, all_words) for hit in first]
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
    hits = tuple(
        _make_hit(postings, hit.fields(), hit.docnum, hit.score, _body_words(hit), q)
        for hit, q in picked
    )
    return SearchResults(query=text, total=total, hits=hits, total_exact=exact)


def _count(searcher: Any, q: wq.Query) -> tuple[int, bool]:
    """(count, exact) of the articles matching ``q``: bounded for an OR of words, else every
    match walked without scoring."""
    counted = union_count(searcher, q)
    if counted is not None:
        return counted
    return sum(1 for _ in searcher.docs_for_query(q)), True


def _phrase_results(
    searcher: Any, text: str, ranked: list[PhraseHit], total: int, q: wq.Query
) -> SearchResults:
    postings = Postings(searcher, (hit.docnum for hit in ranked))
    for hit in ranked:
        for word, value in hit.body_values.items():
            postings.prefill(hit.docnum, word, value)
    hits = tuple(
        _make_hit(postings, searcher.stored_fields(hit.docnum), hit.docnum, hit.score, (), q)
        for hit in ranked
    )
    return SearchResults(query=text, total=total, hits=hits)


def _word_results(
    searcher: Any, text: str, ranked: list[WordHit], total: int, q: wq.Query
) -> SearchResults:
    postings = Postings(searcher, (hit.docnum for hit in ranked))
    return SearchResults(
        query=text, total=total, hits=tuple(_word_hits(searcher, postings, ranked, q))
    )


def _word_hits(
    searcher: Any, postings: Postings, ranked: list[WordHit], q: wq.Query
) -> list[SearchHit]:
    return [
        _make_hit(
            postings, searcher.stored_fields(hit.docnum), hit.docnum, hit.score, hit.body_words, q
        )
        for hit in ranked
    ]


def _body_words(hit: Any) -> list[str]:
    return [term.decode("utf-8") for field, term in hit.matched_terms() if field == BODY]


def _make_hit(
    postings: Postings,
    fields: dict[str, Any],
    docnum: int,
    score: float,
    words: Iterable[str],
    q: wq.Query,
) -> SearchHit:
    body = str(fields.get("body", ""))
    phrases, plain = query_shape(q)
    matches = body_matches(postings, docnum, words, phrases, plain)
    excerpt, excerpt_matches = snippet(body, matches)
    return SearchHit(
        id=str(fields["id"]),
        path=str(fields["path"]),
        title=str(fields.get("title", "")),
        source=fields.get("source"),
        published=fields.get("published"),
        score=round(float(score), 4),
        snippet=excerpt,
        snippet_matches=excerpt_matches,
        matches=matches,
    )
