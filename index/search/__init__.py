"""Query text to results: syntax checks, all-words-first ranking, hits with snippets."""

from __future__ import annotations

from index.search.run import SearchHit, SearchResults, run_search, validate_query

__all__ = ["SearchHit", "SearchResults", "run_search", "validate_query"]
