"""Query text parsed by Whoosh's parser: the all-words query and the some-words fallback."""

from __future__ import annotations

from typing import Any, NamedTuple, TypeAlias

from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser, OrGroup
from whoosh.qparser.syntax import GroupNode

from index.base.errors import QueryError
from index.engine.prefixes import TypedPrefixPlugin
from index.engine.schema import DEFAULT_FIELDS, FIELD_BOOSTS, Schema
from index.engine.searcher_pool import Searcher

# A parsed Whoosh query, held by the search layer without looking inside.
Query: TypeAlias = wq.Query

# Within the some-words fallback, an article with more of the words still ranks higher.
_SOME_WORDS = OrGroup.factory(0.9)


class ParsedQuery(NamedTuple):
    """The all-words query and, for plain words, the some-words fallback (None if the same)."""

    all_words: Query
    some_words: Query | None


def schema_of(searcher: Searcher) -> Schema:
    """The schema of the store ``searcher`` reads."""
    return searcher.schema


def indexed_fields(schema: Schema) -> frozenset[str]:
    """The fields a query may name (``title:``, ``source:``...): the indexed ones."""
    return frozenset(name for name, ftype in schema.items() if getattr(ftype, "indexed", False))


def _parser(schema: Schema, group: type[GroupNode] | None = None) -> MultifieldParser:
    kwargs: dict[str, Any] = {"fieldboosts": FIELD_BOOSTS}
    if group is not None:
        kwargs["group"] = group
    parser = MultifieldParser(list(DEFAULT_FIELDS), schema, **kwargs)
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(TypedPrefixPlugin())
    return parser


def _check_tree(text: str, q: Query) -> None:
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
        if node.is_leaf() and getattr(node, "fieldname", "") is None:
            # e.g. "0(^0)": a boost with no word before it, read as a word of no field (which
            # the search then looked up as a field named None: a KeyError, not this line)
            raise QueryError(text, "it cannot be parsed (a part of it is no word of any field)")
        if not node.is_leaf():
            stack.extend(node.children())


def _fuzzy_prefixes(q: Query) -> None:
    """ "ferry~/10": a fuzzy word's prefix longer than the word made Whoosh's automaton index
    past its end (IndexError, not a bad-query line); the whole word is the longest prefix."""
    stack = [q]
    while stack:
        node = stack.pop()
        if isinstance(node, wq.FuzzyTerm) and node.prefixlength > len(node.text):
            node.prefixlength = len(node.text)
        if not node.is_leaf():
            stack.extend(node.children())


def parse_words(schema: Schema, text: str, written: str, explicit: bool) -> ParsedQuery:
    """Parse ``written`` (``text`` already checked and rewritten in the form Whoosh reads);
    ``explicit``: it uses operators, so no some-words fallback. QueryError names ``text``."""
    try:
        all_words = _parser(schema).parse(written)
        some_words = _parser(schema, _SOME_WORDS).parse(written)
    except Exception as error:  # noqa: BLE001 - whoosh raises assorted errors on odd input
        raise QueryError(text, f"it cannot be parsed ({error})") from error
    _check_tree(text, all_words)
    _fuzzy_prefixes(all_words)
    _fuzzy_prefixes(some_words)
    if (
        explicit
        or isinstance(some_words, wq.qcore._NullQuery)
        or repr(some_words) == repr(all_words)
    ):
        return ParsedQuery(all_words, None)
    return ParsedQuery(all_words, some_words)
