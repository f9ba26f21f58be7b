"""Search fields for what the comparisons know: conflict:, only:, shared:, event: filters."""

from __future__ import annotations

from index.sift.fields import CONFLICT_TYPES, Sieve, split_query
from index.sift.run import sift_search

__all__ = ["CONFLICT_TYPES", "Sieve", "sift_search", "split_query"]
