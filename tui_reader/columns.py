"""Provides the widths of the events and reports tables' columns for a given table width."""

from __future__ import annotations

from dataclasses import dataclass

PAD = 2  # a DataTable cell's padding, one column each side
SCROLLBAR = 2  # kept free for the vertical scrollbar, so rows arriving never re-wrap the table
MIN_TITLE = 12  # a title narrower than this says nothing: the other columns give way first
OUTLETS_FROM = 50  # the title's width before an Outlets column is worth adding
MAX_OUTLETS = 40


@dataclass(frozen=True, slots=True)
class Widths:
    """Text widths (padding excluded) of the flexible columns; outlets 0 means no column."""

    title: int
    outlets: int = 0


def fit(width: int, fixed: list[int], outlets: int = 0) -> Widths:
    """Share ``width`` columns of a table: each ``fixed`` column keeps its text width, the title
    takes the rest, and an Outlets column (its longest text ``outlets``) is added only when the
    title keeps ``OUTLETS_FROM`` columns beside it."""
    rest = width - SCROLLBAR - sum(w + PAD for w in fixed) - PAD
    room = rest - OUTLETS_FROM - PAD
    if outlets and room >= len("Outlets"):
        shown = min(outlets, room, MAX_OUTLETS)
        return Widths(max(MIN_TITLE, rest - shown - PAD), shown)
    return Widths(max(MIN_TITLE, rest))


def date_range(dates: list[str]) -> str:
    """'2024-10-17', '2024-10-17 – 19', '2024-10-17 – 11-02' or '2024-12-30 – 2025-01-02'
    from the known ISO dates; '' when none. The end drops what it shares with the start."""
    known = sorted(d for d in dates if d)
    if not known:
        return ""
    first, last = known[0], known[-1]
    if first == last:
        return first
    if len(first) == len(last) == 10:
        if first[:8] == last[:8]:
            return f"{first} – {last[8:]}"
        if first[:5] == last[:5]:
            return f"{first} – {last[5:]}"
    return f"{first} – {last}"
