"""Searching the article index: query checks, all-words-first ranking, hits with snippets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from index.base.models import article_ref
from index.engine import (
    MatchedDoc,
    ParsedQuery,
    Schema,
    Searcher,
    build_schema,
    find_matches,
    indexed_fields,
    indexed_terms,
    parse_words,
    schema_of,
    widen_names,
)
from index.facts.names import exonym_spellings, same_name
from index.search.snippet import snippet
from index.search.syntax import check_syntax, minus_as_not


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
    is_summary: bool = False  # a feed entry loaded from its summary only

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


def parse_query(schema: Schema, text: str) -> ParsedQuery:
    """The all-words query and, for plain words, the some-words fallback (None if the same).

    Raises QueryError for malformed input: empty, unbalanced quotes or parentheses, dangling
    operators, a field with no word, an unknown field, a wildcard with no letters.
    """
    explicit = check_syntax(text, indexed_fields(schema))
    return parse_words(schema, text, minus_as_not(text), explicit)


def validate_query(text: str) -> None:
    """Raise QueryError if ``text`` is malformed, without an index (a CLI can check first)."""
    parse_query(build_schema(), text)


def run_search(
    searcher: Searcher, text: str, limit: int = 10, variants: Iterable[Sequence[str]] = ()
) -> SearchResults:
    """Search with BM25F over title (boosted) and body.

    Ranking choice: articles containing ALL the words come first, in BM25F order; when fewer
    than ``limit`` do, articles containing SOME of the words follow, more words before fewer,
    then by BM25F (for a phrase with slop among the words, Whoosh's OR query with its
    coordination bonus ranks them). A prefix, wildcard or fuzzy word counts as one word
    matched by any term it expands to; an exact phrase as one word matched where it occurs.
    ``total`` counts every article with at least one of the words, so it agrees with what
    paging through all results would show; past COUNT_BOUND it may be a lower bound
    (``total_exact`` False). Explicit operators (AND, OR, NOT, -word, phrases on their own)
    are taken as written. The matching itself is the engine's (``find_matches``).

    A name word also finds its other spellings: those of the index's terms the name rules take
    for it, the exonym table's (Peking: Beijing), and the forms of ``variants`` (groups of one
    name's spellings, as comparisons list them: the app passes those of the events it compared)
    that spell the same name.
    """
    limit = max(1, int(limit))
    parsed = parse_query(schema_of(searcher), text)
    parsed = widen_names(searcher, parsed, _names(text), same_name, _known(text, variants))
    found = find_matches(searcher, parsed, limit)
    hits = tuple(_make_hit(doc) for doc in found.docs)
    return SearchResults(query=text, total=found.total, hits=hits, total_exact=found.exact)


# A capitalised word outside quotes (after a field name too): "Zelensky", "title:Kyiv".
_NAME = re.compile(r'"[^"]*"|(?<![\w\-])([A-Z][\w\'’]*)')
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})


def _name_words(text: str) -> list[str]:
    words = [m.group(1) for m in _NAME.finditer(text) if m.group(1)]
    return [w for w in words if w not in _OPERATORS]


def _names(text: str) -> set[str]:
    """The indexed terms of the words written as names (capitalised): a search for one
    spelling of a name finds the others the index holds (Zelensky: Zelenskiy, Zelenskyy)."""
    return {t for w in _name_words(text) for t in indexed_terms(w)}


def _known(text: str, variants: Iterable[Sequence[str]]) -> dict[str, set[str]]:
    """Each name term of the query -> the terms of its other spellings known without the
    lexicon: the exonym table's and those of a ``variants`` group spelling the same name.
    A form of several words is left out (one word of it would find every Kim). Cost: the
    query's names times the groups given."""
    words = _name_words(text)
    if not words:
        return {}
    groups = list(dict.fromkeys(tuple(g) for g in variants))  # many events list one name
    out: dict[str, set[str]] = {}
    for word in words:
        forms = set(exonym_spellings(word))
        for group in groups:
            if any(f == word or same_name(word, f) for f in group):
                forms.update(group)
        terms = {t for f in forms if len(indexed_terms(f)) == 1 for t in indexed_terms(f)}
        for own in indexed_terms(word):
            out.setdefault(own, set()).update(terms - {own})
    return out


def _make_hit(doc: MatchedDoc) -> SearchHit:
    fields = doc.fields
    body = str(fields.get("body", ""))
    excerpt, excerpt_matches = snippet(body, doc.matches)
    return SearchHit(
        id=str(fields["id"]),
        path=str(fields["path"]),
        title=str(fields.get("title", "")),
        source=fields.get("source"),
        published=fields.get("published"),
        score=round(float(doc.score), 4),
        snippet=excerpt,
        snippet_matches=excerpt_matches,
        matches=doc.matches,
        is_summary=bool(fields.get("is_summary")),
    )
