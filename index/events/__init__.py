"""Group the articles that report the same real-world event, and cache the grouping."""

from __future__ import annotations

from index.events.cache import cached_group_events
from index.events.group import group_events

__all__ = ["cached_group_events", "group_events"]
