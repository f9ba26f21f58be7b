"""The vocabulary every layer speaks: frozen dataclasses, one-line errors, where files live."""

from __future__ import annotations

from index.base.cancel import Cancel, Cancelled, cancellable, checkpoint
from index.base.code_hash import code_version
from index.base.env import check_environment
from index.base.errors import CorpusNotFound, IndexUnavailable, NewsreaderError, QueryError
from index.base.fact_table import Dispute, Fact, FactRow, FactSpan, FactTable
from index.base.locations import bundled_corpus, cache_dir, corpus_key, data_dir, index_dir_for
from index.base.models import (
    Article,
    Claim,
    Comparison,
    Conflict,
    ConflictType,
    Event,
    Link,
    NotCompared,
    Notice,
    Passage,
    Relation,
    Skipped,
    Span,
    Variant,
    article_ref,
)

__all__ = [
    "Article",
    "Cancel",
    "Cancelled",
    "cancellable",
    "check_environment",
    "checkpoint",
    "Dispute",
    "Fact",
    "FactRow",
    "FactSpan",
    "FactTable",
    "Claim",
    "Comparison",
    "Conflict",
    "ConflictType",
    "CorpusNotFound",
    "Event",
    "IndexUnavailable",
    "Link",
    "NewsreaderError",
    "NotCompared",
    "Notice",
    "Passage",
    "QueryError",
    "Relation",
    "Skipped",
    "Span",
    "Variant",
    "article_ref",
    "bundled_corpus",
    "cache_dir",
    "code_version",
    "corpus_key",
    "data_dir",
    "index_dir_for",
]
