"""The Whoosh schema of the article index, and the conversions between Article and its fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from whoosh.analysis import Analyzer, CharsetFilter, LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, STORED, TEXT
from whoosh.fields import Schema as Schema  # re-exported: what build_schema() makes
from whoosh.support.charset import accent_map

from index.base.models import Article
from index.engine.analyzer import FastNewsAnalyzer

# Bump when the schema or the analyzers change: an index with another version is rebuilt.
SCHEMA_VERSION = 3

# Fields the query parser searches when the user names no field; title matches count double.
DEFAULT_FIELDS = ("title", "body")
FIELD_BOOSTS = {"title": 2.0}
# Fields a user may name in a query (`source:reuters`).
QUERY_FIELDS = ("title", "body", "source", "published", "id", "path")


def text_analyzer() -> Analyzer:
    """English stemming with accents folded, so "Pristina" finds "Priština" and "troops" "troop".

    The terms of ``StemmingAnalyzer(minsize=1) | CharsetFilter(accent_map)`` (minsize=1: single
    letters and digits count in news, "5 dead", "Plan B"), computed in one pass
    (index/engine/analyzer.py; same terms, so indexes made with the chain stay valid)."""
    return FastNewsAnalyzer()


def source_analyzer() -> Analyzer:
    """Outlet names: lower-cased words, no stemming, no stop words (The Guardian: the, guardian)."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> Schema:
    """One Whoosh document per article; ``path`` lets a changed file replace all its articles."""
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True),
        title=TEXT(stored=True, analyzer=text_analyzer(), field_boost=1.0),
        # chars=True stores each token's character offsets in the postings, so snippets and
        # match offsets come from the index instead of re-tokenising every hit's body.
        body=TEXT(stored=True, analyzer=text_analyzer(), chars=True),
        source=TEXT(stored=True, analyzer=source_analyzer()),
        published=ID(stored=True),
        url=STORED(),
        author=STORED(),
        is_summary=STORED(),
    )


def article_fields(article: Article) -> dict[str, str]:
    """The keyword arguments of ``writer.add_document`` for an article (None fields omitted;
    ``is_summary`` stored only when true)."""
    fields: dict[str, str] = {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "body": article.body,
    }
    for name in ("source", "published", "url", "author"):
        value = getattr(article, name)
        if value is not None:
            fields[name] = value
    if article.is_summary:
        fields["is_summary"] = "1"  # stored fields are strings, as the segment builder takes
    return fields


def article_from_fields(stored: Mapping[str, Any]) -> Article:
    """Rebuild the Article from a document's stored fields (the exact cleaned body)."""

    def optional(name: str) -> str | None:
        value = stored.get(name)
        return None if value is None else str(value)

    return Article(
        id=str(stored["id"]),
        path=str(stored["path"]),
        title=str(stored.get("title", "")),
        body=str(stored.get("body", "")),
        source=optional("source"),
        published=optional("published"),
        url=optional("url"),
        author=optional("author"),
        is_summary=bool(stored.get("is_summary")),
    )
