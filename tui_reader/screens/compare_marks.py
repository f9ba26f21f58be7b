"""Provides CompareMarks: the compare screen's side of marking (the MarkSite its MarkController
asks: marking/site.py) and x, dismissing the current passage's conflicts as false."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from index import Comparison, Event, NewsreaderError, Passage

from ..compare.dismissal import dismiss_conflicts
from ..marking import ExportPlan, MarkController, MarkScope, Spans, default_export_path
from ..state import AppState
from .compare_moves import ComparePage

if TYPE_CHECKING:
    from index import Anchored


class MarkPage(ComparePage, Protocol):
    """What marking needs of the compare screen besides its panes."""

    state: AppState
    event: Event | None
    full_comparison: Comparison | None  # before dismissed conflicts were taken off
    marking: MarkController

    def rebuild(self) -> None: ...


class CompareMarks:
    """The passages of the panes as the mark controller sees them."""

    no_passage_hint = "Go to a passage first (n, c or u)"

    def __init__(self, page: MarkPage) -> None:
        self.page = page

    def current_passage(self) -> Passage | None:
        view = self.page.current_view()
        return None if view is None else view.passage

    def marks_scope(self) -> MarkScope | None:
        page = self.page
        if page.model is None:
            return None
        event_id = page.event.id if page.event else None
        return MarkScope(page.model.articles, event_id, event_id)

    def paint_marks(self, spans: Spans) -> None:
        model = self.page.model
        assert model is not None
        for pane in self.page.panes:
            marks = sorted(spans.get(pane.article.id, []))
            # A report without marks (most are) visits none of its blocks: a 5 MB report's
            # 14,700 took 18 ms on the UI thread as its pane came.
            marked = set()
            for block in pane.blocks if marks else []:
                p = model.passages.get(block.key)
                if p is not None and any(s < p.end and p.start < e for s, e in marks):
                    marked.add(block.index)
            pane.mark_blocks(marked)
        self.page.show_detail()  # the panel's line for the current passage's own mark

    def reveal(self, passage: Passage) -> None:
        """The passage under the cursor is on screen already."""

    def jump_to_mark(self, mark: Anchored) -> None:
        if mark.start is not None:
            self.page.row.go_to(mark.annotation.article_id, mark.start)
            self.page.show_detail()

    def focus_text(self) -> None:
        self.page.row.activate(self.page.row.active)
        self.page.show_detail()

    def mark_removed(self, mark: Anchored) -> None:
        if mark.annotation.conflict is not None:
            self.page.rebuild()  # a dismissed conflict is flagged again
        else:
            self.page.marking.refresh()

    def export_plan(self) -> ExportPlan | None:
        from index import event_document

        page = self.page
        comparison = page.full_comparison
        if comparison is None:
            return None
        name = f"newsreader-{page.event.id if page.event else 'chosen-reports'}.md"
        corrected = page.event is not None and page.event.id in page.state.corrected
        return ExportPlan(
            "Export this comparison with your marks",
            default_export_path(name),
            lambda store: event_document(page.state.corpus, comparison, store, corrected),
        )

    def dismiss_conflict(self) -> None:
        """Label the current passage's conflicts false; they stop being flagged, here and later."""
        page = self.page
        view, store = page.current_view(), page.state.marks.get()
        if view is None or store is None or page.model is None:
            return
        if not view.conflicts():
            page.notify("No conflict on this passage", timeout=2)
            return
        event_id = page.event.id if page.event else None
        try:
            count = dismiss_conflicts(store, page.state.corpus, page.model, view, event_id)
        except NewsreaderError as error:  # the conflicts saved so far are dismissed; say so
            page.notify(str(error), title="Not saved", severity="error", markup=False)
            page.rebuild()
            return
        page.notify(f"Dismissed {count} conflict(s); delete the mark to restore", timeout=3)
        page.row.pending_align = view.passage.id
        page.rebuild()
