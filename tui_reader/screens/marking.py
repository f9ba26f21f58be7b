"""Provides Marking: the compare screen's side of marks (conflict dismissal, panes, export)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from index import (
    DISMISSED,
    Anchored,
    AnnotationStore,
    Article,
    Comparison,
    Event,
    NewsreaderError,
    Passage,
    conflict_key,
    without_dismissed,
)

from ..marks import CompareModel
from ..marks_store import store_for
from .compare_nav import CompareNav
from .export_dialog import ExportDialog
from .mark_actions import STAR, MarkActions, Spans, default_export_path, star_block

if TYPE_CHECKING:
    from ..app import NewsReaderApp

__all__ = ["STAR", "Marking"]

MARK_ACTIONS = {"mark", "note", "dismiss_conflict", "export", "toggle_marks"}


class Marking(MarkActions, CompareNav):
    """Base of CompareScreen: the shared mark keys (mark_actions.py) applied to its panes.

    MarkActions comes first: Textual inherits DEFAULT_CSS along the first base only, and the
    marked-passage styles live there.
    """

    BINDINGS = [
        Binding("x", "dismiss_conflict", "Dismiss conflict", show=False, id="dismiss-conflict"),
    ]

    app: NewsReaderApp  # type: ignore[assignment]
    key: str
    event: Event | None
    full_comparison: Comparison | None = None  # before dismissed conflicts were taken off
    no_passage_hint = "Go to a passage first (n, c or u)"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in MARK_ACTIONS and self.model is None:
            return None
        return super().check_action(action, parameters)

    def undismissed(self, comparison: Comparison) -> Comparison:
        """What the panes show: ``comparison`` without the conflicts the user dismissed."""
        self.full_comparison = comparison
        store = store_for(self.app)
        return (
            comparison
            if store is None
            else without_dismissed(comparison, store.dismissed(self.app.corpus))
        )

    # ---- the hooks of MarkActions ----

    def current_passage(self) -> Passage | None:
        view = self.current_view()
        return None if view is None else view.passage

    def marks_scope(self) -> tuple[Mapping[str, Article], str | None] | None:
        if self.model is None:
            return None
        return self.model.articles, self.new_mark_event()

    def new_mark_event(self) -> str | None:
        return self.event.id if self.event else None

    def paint_marks(self, spans: Spans) -> None:
        assert self.model is not None
        for pane in self.panes:
            for block in pane.blocks:
                passage = self.model.passages.get(block.key)
                star_block(
                    block,
                    passage is not None
                    and any(
                        s < passage.end and passage.start < e
                        for s, e in spans.get(passage.article_id, [])
                    ),
                )
        self.show_detail()  # the panel's line for the current passage's own mark

    def _mark_line(self, passage: Passage) -> str | None:
        # compare.py's name for it
        return self.mark_line(passage)

    def mark_removed(self, mark: Anchored) -> None:
        if mark.annotation.conflict is not None:
            self._rebuild()  # a dismissed conflict is flagged again
        else:
            self.show_marks()

    def focus_text(self) -> None:
        self._activate(self.active)

    def jump_to_mark(self, mark: Anchored) -> None:
        if mark.start is None or self.model is None:
            return
        article_id = mark.annotation.article_id
        target = next(
            (
                p
                for p in self.model.views.get(article_id, [])
                if p.passage.start <= mark.start < p.passage.end
            ),
            None,
        )
        if target is None:
            return
        if article_id not in self.shown:
            self.shown[self.active] = article_id
            self.pending_align = target.passage.id
            self._remount()
            return
        index = self.shown.index(article_id)
        pane = self.panes[index]
        block = pane.block_for(target.passage.id)
        if block is not None:
            pane.set_current(block.index)
            self._activate(index)

    def export_dialog(self) -> ExportDialog:
        name = f"newsreader-{self.event.id if self.event else 'chosen-reports'}.md"
        return ExportDialog(default_export_path(name))

    def export_document(self, store: AnnotationStore | None) -> dict[str, Any] | None:
        from index import event_document

        if self.full_comparison is None:
            return None
        return event_document(self.app.corpus, self.full_comparison, store)

    # ---- compare only ----

    def action_dismiss_conflict(self) -> None:
        """Label the current passage's conflicts false; they stop being flagged, here and later."""
        view, store = self.current_view(), store_for(self.app)
        if view is None or store is None or self.model is None:
            return
        conflicts = view.conflicts()
        if not conflicts:
            self.notify("No conflict on this passage", timeout=2)
            return
        passages = self.model.passages
        p = view.passage
        try:
            for link, conflict, _is_a in conflicts:
                key = conflict_key(conflict, passages[link.a], passages[link.b])
                store.add(
                    self.app.corpus,
                    p.article_id,
                    p.start,
                    p.end,
                    p.text,
                    label=DISMISSED,
                    note=f"{conflict.type}: {conflict.explanation}",
                    conflict=key,
                    event_id=self.new_mark_event(),
                )
        except NewsreaderError as error:  # the conflicts saved so far are dismissed; say so
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            self._rebuild()
            return
        self.notify(
            f"Dismissed {len(conflicts)} conflict(s); delete the mark to restore", timeout=3
        )
        self.pending_align = p.id
        self._rebuild()

    def _rebuild(self) -> None:
        if self.full_comparison is not None:
            self.model = CompareModel(self.undismissed(self.full_comparison))
            self.update_title()
            self._remount()
