"""Puts the compare panes on one stated figure (from the Figures screen) with its words marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .pane_row import PaneRow

if TYPE_CHECKING:
    from index import FactSpan

    from ..widgets import ArticlePane

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
    """Mark the words of ``span`` in the block that shows them (and no other block).

    Only two blocks a pane are visited, the one marked before (``row.fact_blocks``) and the one
    stating ``span``: a pane of a 5 MB report has 14,700 blocks, 20 ms to visit them all on the
    UI thread as the panes come, for a figure that is rarely there."""
    model = row.model
    if model is None:
        return
    for pane in row.panes:
        article_id = pane.article.id
        before = row.fact_blocks.pop(article_id, -1)
        target = _block_of(row, pane, span) if span is not None else None
        if 0 <= before < len(pane.blocks) and (target is None or target[0] != before):
            block = pane.blocks[before]
            pane.set_spans(before, [s for s in block.spans if s[2] != FACT_CLASS])
        if target is not None:
            index, start, end = target
            kept = [s for s in pane.blocks[index].spans if s[2] != FACT_CLASS]
            pane.set_spans(index, [*kept, (start, end, FACT_CLASS)])
            row.fact_blocks[article_id] = index


def _block_of(row: PaneRow, pane: ArticlePane, span: FactSpan) -> tuple[int, int, int] | None:
    """(block, start, end in its text) of the words of ``span`` in ``pane``, if it shows them."""
    assert row.model is not None
    if span.article_id != pane.article.id:
        return None
    for view in row.model.views.get(span.article_id, []):
        passage = view.passage
        if (
            passage.in_title == span.in_title  # a headline's offsets index the title
            and passage.start <= span.start < passage.end
        ):
            block = pane.block_for(passage.id)
            if block is None:
                return None
            end = min(span.end, passage.end) - passage.start
            return block.index, span.start - passage.start, end
    return None
