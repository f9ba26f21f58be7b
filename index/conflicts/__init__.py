"""Typed conflicts between two passages: numbers, dates, roles, actors, certainty, quotes."""

from __future__ import annotations

from index.conflicts.detect import detect_conflicts, detect_text_conflicts, quote_diff
from index.conflicts.table import build_fact_table

__all__ = ["build_fact_table", "detect_conflicts", "detect_text_conflicts", "quote_diff"]
