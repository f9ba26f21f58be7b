"""The Textual-free core of newsreader: the API the app, the command line and bench/ use.

Everything here is re-exported from the packages of index/, loaded on first use so that
importing one name (say, the search for a CLI query) does not import the comparison engine.
docs/architecture.md maps the packages, their layers (pyproject's import-linter contracts) and
where each kind of change goes.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.base import (
        Article,
        Cancelled,
        Claim,
        Comparison,
        Conflict,
        CorpusNotFound,
        Dispute,
        Event,
        Fact,
        FactRow,
        FactSpan,
        FactTable,
        IndexUnavailable,
        Link,
        NewsreaderError,
        NotCompared,
        Passage,
        QueryError,
        Relation,
        Skipped,
        Span,
        bundled_corpus,
    )
    from index.comparison import (
        AnalysisCache,
        align,
        analysis_cache,
        clear_caches,
        compare,
        comparison_to_json,
        comparison_to_markdown,
        comparison_to_text,
        dispute_type,
        fact_disputes,
        passages_of,
        relate,
        relation_to_json,
        spelled_in,
        unique_passages,
        variant_reports,
    )
    from index.conflicts import build_fact_table, quote_diff
    from index.events import Family, cached_group_events, copy_pairs, group_events, source_families
    from index.export import (
        FORMATS,
        ExportError,
        FigureRow,
        Figures,
        FigureValue,
        document,
        event_document,
        figures_markdown,
        figures_of,
        figures_page,
        figures_to_json,
        marked_document,
        marks_section,
        render,
        write_atomic,
    )
    from index.fetch import (
        FetchError,
        FetchLimits,
        FetchResult,
        corpus_feeds,
        fetch_urls,
        read_opml,
        read_url_list,
    )
    from index.ingest import discover, load_corpus, load_file, relative_id
    from index.marks import (
        DISMISSED,
        Anchored,
        AnnotationStore,
        Correction,
        apply_corrections,
        conflict_key,
        without_dismissed,
    )
    from index.search import SearchHit, SearchResults, validate_query
    from index.sift import CONFLICT_TYPES, Sieve, sift_search, split_query
    from index.store import CorpusIndex, IndexReport
    from index.text import neutralize_controls, split_apart, split_passages, strip_controls

# name -> the package that exports it
_EXPORTS = {
    **dict.fromkeys(
        [
            "Article",
            "Cancelled",
            "Claim",
            "Comparison",
            "Conflict",
            "CorpusNotFound",
            "Dispute",
            "Fact",
            "FactRow",
            "FactSpan",
            "FactTable",
            "Event",
            "IndexUnavailable",
            "Link",
            "NewsreaderError",
            "NotCompared",
            "Passage",
            "QueryError",
            "Relation",
            "Skipped",
            "Span",
            "bundled_corpus",
        ],
        "index.base",
    ),
    **dict.fromkeys(
        [
            "AnalysisCache",
            "align",
            "analysis_cache",
            "clear_caches",
            "compare",
            "comparison_to_json",
            "dispute_type",
            "fact_disputes",
            "comparison_to_markdown",
            "comparison_to_text",
            "passages_of",
            "relate",
            "relation_to_json",
            "spelled_in",
            "unique_passages",
            "variant_reports",
        ],
        "index.comparison",
    ),
    **dict.fromkeys(["build_fact_table", "quote_diff"], "index.conflicts"),
    **dict.fromkeys(
        ["Family", "cached_group_events", "copy_pairs", "group_events", "source_families"],
        "index.events",
    ),
    **dict.fromkeys(
        [
            "FORMATS",
            "ExportError",
            "FigureRow",
            "FigureValue",
            "Figures",
            "document",
            "event_document",
            "figures_markdown",
            "figures_of",
            "figures_page",
            "figures_to_json",
            "marked_document",
            "marks_section",
            "render",
            "write_atomic",
        ],
        "index.export",
    ),
    **dict.fromkeys(
        [
            "FetchError",
            "FetchLimits",
            "FetchResult",
            "corpus_feeds",
            "fetch_urls",
            "read_opml",
            "read_url_list",
        ],
        "index.fetch",
    ),
    **dict.fromkeys(["discover", "load_corpus", "load_file", "relative_id"], "index.ingest"),
    **dict.fromkeys(
        [
            "DISMISSED",
            "Anchored",
            "AnnotationStore",
            "Correction",
            "apply_corrections",
            "conflict_key",
            "without_dismissed",
        ],
        "index.marks",
    ),
    **dict.fromkeys(["SearchHit", "SearchResults", "validate_query"], "index.search"),
    **dict.fromkeys(["CONFLICT_TYPES", "Sieve", "sift_search", "split_query"], "index.sift"),
    **dict.fromkeys(["CorpusIndex", "IndexReport"], "index.store"),
    **dict.fromkeys(
        ["neutralize_controls", "split_apart", "split_passages", "strip_controls"],
        "index.text",
    ),
}

__all__ = [
    "Correction",
    "apply_corrections",
    "AnalysisCache",
    "Anchored",
    "AnnotationStore",
    "Article",
    "Cancelled",
    "Claim",
    "Comparison",
    "Conflict",
    "CorpusIndex",
    "CorpusNotFound",
    "DISMISSED",
    "Dispute",
    "Event",
    "ExportError",
    "FORMATS",
    "FetchError",
    "FetchLimits",
    "FetchResult",
    "Fact",
    "FactRow",
    "FactSpan",
    "FactTable",
    "FigureRow",
    "FigureValue",
    "Figures",
    "IndexReport",
    "IndexUnavailable",
    "Link",
    "NewsreaderError",
    "NotCompared",
    "Passage",
    "QueryError",
    "Relation",
    "SearchHit",
    "Sieve",
    "CONFLICT_TYPES",
    "sift_search",
    "split_query",
    "SearchResults",
    "Skipped",
    "Span",
    "align",
    "analysis_cache",
    "build_fact_table",
    "bundled_corpus",
    "cached_group_events",
    "copy_pairs",
    "Family",
    "source_families",
    "clear_caches",
    "compare",
    "comparison_to_json",
    "comparison_to_markdown",
    "comparison_to_text",
    "conflict_key",
    "corpus_feeds",
    "discover",
    "document",
    "event_document",
    "fetch_urls",
    "dispute_type",
    "fact_disputes",
    "figures_markdown",
    "figures_of",
    "figures_page",
    "figures_to_json",
    "group_events",
    "load_corpus",
    "load_file",
    "marked_document",
    "marks_section",
    "neutralize_controls",
    "passages_of",
    "quote_diff",
    "read_opml",
    "read_url_list",
    "relate",
    "relation_to_json",
    "relative_id",
    "render",
    "split_apart",
    "split_passages",
    "strip_controls",
    "spelled_in",
    "unique_passages",
    "variant_reports",
    "validate_query",
    "without_dismissed",
    "write_atomic",
]


def __getattr__(name: str) -> Any:
    """Load a public name from its package on first use (PEP 562), then keep it here."""
    package = _EXPORTS.get(name)
    if package is None:
        raise AttributeError(f"module 'index' has no attribute {name!r}")
    value = getattr(importlib.import_module(package), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
