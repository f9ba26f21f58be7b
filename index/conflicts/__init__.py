"""Typed conflicts between two passages: numbers, dates, roles, actors, certainty, quotes."""

from __future__ import annotations

from index.conflicts.detect import detect_conflicts, detect_text_conflicts, quote_diff

__all__ = ["detect_conflicts", "detect_text_conflicts", "quote_diff"]
