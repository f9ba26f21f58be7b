"""Puts the compare panes on one stated figure (from the Figures screen) with its words marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .pane_row import PaneRow

if TYPE_CHECKING:
    from index import FactSpan

FACT_CLASS = "pane--match-current"  # the figure the reader asked for: like the current hit


def go_to_fact(row: PaneRow, span: FactSpan) -> str | None:
    """Move the cursor to the passage stating ``span`` (bringing its report into the active pane
    when it is not shown); for a headline its pane goes to the top, where the headline is.
    Returns a line to tell the reader where the words are when they are in the headline."""
    if row.model is None:
        return None
    article_id = span.article_id
    if span.in_title:
        if article_id not in row.shown:
            row.shown[row.active] = article_id
            row.remount()
            return f"In the headline: “{span.text}”"
        index = row.shown.index(article_id)
        row.activate(index)
        row.panes[index].scroll_home(animate=False)
        return f"In the headline: “{span.text}”"
    row.go_to(article_id, span.start)
    return None


def paint_fact(row: PaneRow, span: FactSpan | None) -> None:
    """Mark the words of ``span`` in the block that shows them (and no other block)."""
    if row.model is None:
        return
    for pane in row.panes:
        for block in pane.blocks:
            passage = row.model.passages.get(block.key)
            kept = [s for s in block.spans if s[2] != FACT_CLASS]
            if (
                span is not None
                and passage is not None
                and passage.in_title == span.in_title  # a headline's offsets index the title
                and passage.article_id == span.article_id
                and passage.start <= span.start < passage.end
            ):
                start, end = span.start - passage.start, min(span.end, passage.end) - passage.start
                kept.append((start, end, FACT_CLASS))
            if kept != block.spans:
                pane.set_spans(block.index, kept)
