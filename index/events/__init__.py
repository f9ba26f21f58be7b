"""Group the articles that report the same real-world event, and cache the grouping."""

from __future__ import annotations

from index.events.cache import cached_group_events
from index.events.collapse import group_events
from index.events.copies import Family, copy_pairs, source_families

__all__ = ["Family", "cached_group_events", "copy_pairs", "group_events", "source_families"]
