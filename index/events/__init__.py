"""Group the articles that report the same real-world event, and cache the grouping."""

from __future__ import annotations

from index.events.cache import cached_group_events
from index.events.collapse import group_events
from index.events.copies import Family, copy_pairs, source_families
from index.events.stream import group_stream

__all__ = [
    "Family",
    "cached_group_events",
    "copy_pairs",
    "group_events",
    "group_stream",
    "source_families",
]
