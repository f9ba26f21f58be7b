"""Compare an event's reports: passages, links, claims, conflicts, the cache and the JSON."""

from __future__ import annotations

from index.comparison.alignment import align
from index.comparison.build import (
    analysis_cache,
    compare,
    dispute_type,
    fact_disputes,
    passages_of,
    relate,
    unique_passages,
)
from index.comparison.cache import AnalysisCache
from index.comparison.json_form import (
    comparison_from_json,
    comparison_to_json,
    conflict_to_json,
    relation_to_json,
)
from index.comparison.listing import (
    SORTS,
    EventFacts,
    EventFilter,
    FilterError,
    event_facts,
    parse_date,
    parse_filter,
    sort_facts,
)
from index.comparison.passage_terms import clear_caches
from index.comparison.report import comparison_to_markdown, comparison_to_text
from index.comparison.variants import spelled_in, variant_reports

__all__ = [
    "SORTS",
    "EventFacts",
    "EventFilter",
    "FilterError",
    "event_facts",
    "parse_date",
    "parse_filter",
    "sort_facts",
    "align",
    "clear_caches",
    "AnalysisCache",
    "analysis_cache",
    "compare",
    "dispute_type",
    "fact_disputes",
    "comparison_from_json",
    "comparison_to_json",
    "comparison_to_markdown",
    "comparison_to_text",
    "conflict_to_json",
    "passages_of",
    "relate",
    "relation_to_json",
    "spelled_in",
    "unique_passages",
    "variant_reports",
]
