"""Provides Marking: the compare screen's marks, notes, labels, conflict dismissal and export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from index.annotations import DISMISSED
from index.annotations_anchor import Anchored, conflict_key, without_dismissed
from index.errors import NewsreaderError
from index.models import Article, Comparison, Event, Passage

from ..marks import CompareModel
from ..marks_store import store_for
from ..widgets.marks_panel import MarksPanel
from .compare_nav import CompareNav
from .export_dialog import ExportDialog, ExportRequest
from .note_dialog import NoteDialog, NoteResult

if TYPE_CHECKING:
    from ..app import NewsReaderApp

MARK_ACTIONS = {"mark", "note", "dismiss_conflict", "export", "toggle_marks"}
STAR = "★"  # under the gutter label of a marked passage: visible without colour


class Marking(CompareNav):
    """Base of CompareScreen: everything the user saves about the passages on screen."""

    DEFAULT_CSS = """
    PassageBlock.-marked > .gutter { color: $success; text-style: bold; }
    PassageBlock.-marked > .passage-text { background: $success 12%; }
    """
    BINDINGS = [
        Binding("m,space", "mark", "Mark", id="mark"),
        Binding("a", "note", "Note", id="note"),
        Binding("x", "dismiss_conflict", "Dismiss conflict", show=False, id="dismiss-conflict"),
        Binding("e", "export", "Export", id="export"),
        Binding("M", "toggle_marks", "Marks panel", show=False, id="toggle-marks"),
    ]

    app: NewsReaderApp  # type: ignore[assignment]
    key: str
    event: Event | None
    full_comparison: Comparison | None = None  # before dismissed conflicts were taken off
    marks_hidden: bool = False
    current_marks: list[Anchored]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in MARK_ACTIONS and self.model is None:
            return None
        return super().check_action(action, parameters)

    def undismissed(self, comparison: Comparison) -> Comparison:
        """What the panes show: ``comparison`` without the conflicts the user dismissed."""
        self.full_comparison = comparison
        store = store_for(self.app)
        return comparison if store is None else without_dismissed(
            comparison, store.dismissed(self.app.corpus))

    def show_marks(self) -> None:
        """Re-read this comparison's marks; star their passages and refill the side panel."""
        store = store_for(self.app)
        if store is None or self.model is None:
            return
        articles = self.model.articles
        event_id = self.event.id if self.event else None
        self.current_marks = store.anchored(self.app.corpus, articles, articles, event_id)
        spans: dict[str, list[tuple[int, int]]] = {}
        for mark in self.current_marks:
            if mark.start is not None and mark.end is not None and \
                    mark.annotation.label != DISMISSED:
                spans.setdefault(mark.annotation.article_id, []).append((mark.start, mark.end))
        for pane in self.panes:
            for block in pane.blocks:
                passage = self.model.passages.get(block.key)
                marked = passage is not None and any(
                    s < passage.end and passage.start < e
                    for s, e in spans.get(passage.article_id, []))
                if marked != block.has_class("-marked"):
                    block.set_class(marked, "-marked")
                    gutter = block.query_one(".gutter", Static)
                    # on a line of its own: the gutter is only as wide as "!4/5"
                    star = "\n".join(x for x in (block.label, STAR) if x)
                    gutter.update(Content(star if marked else block.label))
        self._show_panel(articles)
        self.show_detail()  # the panel's line for the current passage's own mark

    def _show_panel(self, articles: dict[str, Article]) -> None:
        panel = self.query_one_optional(MarksPanel)
        if panel is None:
            if not self.current_marks or self.marks_hidden:
                return
            panel = MarksPanel(id="marks-panel")
            self.mount(panel)
            self.call_after_refresh(panel.show, self.current_marks, articles)
            return
        panel.show(self.current_marks, articles)
        panel.display = not self.marks_hidden

    def _passage_mark(self, passage: Passage) -> Anchored | None:
        """The user's plain mark (not a dismissal) on exactly this passage, if any."""
        for mark in getattr(self, "current_marks", []):
            a = mark.annotation
            if a.article_id == passage.article_id and a.conflict is None and \
                    (mark.start, mark.end) == (passage.start, passage.end):
                return mark
        return None

    def _mark_line(self, passage: Passage) -> str | None:
        """The detail panel's line for the user's mark on ``passage``: label and note."""
        mark = self._passage_mark(passage)
        if mark is None:
            return None
        a = mark.annotation
        parts = ["marked", a.label or "", a.note]
        return " · ".join(part for part in parts if part)

    def action_mark(self) -> None:
        """Mark the current passage, or remove the mark if it has one."""
        view = self.current_view()
        if view is None:
            self.notify("Go to a passage first (n, c or u)", timeout=2)
            return
        store = store_for(self.app)
        if store is None:
            return
        p = view.passage
        existing = self._passage_mark(p)
        try:
            if existing is not None:
                store.delete(existing.annotation.id)
                self.notify("Mark removed", timeout=2)
            else:
                store.add(self.app.corpus, p.article_id, p.start, p.end, p.text,
                          event_id=self.event.id if self.event else None)
                self.notify("Marked and saved · a adds a note or label", timeout=2)
        except NewsreaderError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
        self.show_marks()

    def action_note(self) -> None:
        """Attach a note and a label to the current passage (marking it if needed)."""
        view = self.current_view()
        if view is None:
            self.notify("Go to a passage first (n, c or u)", timeout=2)
            return
        existing = self._passage_mark(view.passage)
        label = existing.annotation.label if existing else None
        note = existing.annotation.note if existing else ""

        def saved(result: NoteResult | None) -> None:
            if result is not None:
                self._save_note(view.passage, existing, result)

        self.app.push_screen(NoteDialog(view.passage.text, label, note), saved)

    def _save_note(self, p: Passage, existing: Anchored | None, result: NoteResult) -> None:
        store = store_for(self.app)
        if store is None:
            return
        try:
            if existing is None:
                store.add(self.app.corpus, p.article_id, p.start, p.end, p.text,
                          label=result.label, note=result.note,
                          event_id=self.event.id if self.event else None)
            else:
                store.set_label(existing.annotation.id, result.label)
                store.set_note(existing.annotation.id, result.note)
            self.notify("Note saved", timeout=2)
        except NewsreaderError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
        self.show_marks()

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
        for link, conflict, _is_a in conflicts:
            key = conflict_key(conflict, passages[link.a], passages[link.b])
            store.add(self.app.corpus, p.article_id, p.start, p.end, p.text, label=DISMISSED,
                      note=f"{conflict.type}: {conflict.explanation}", conflict=key,
                      event_id=self.event.id if self.event else None)
        self.notify(f"Dismissed {len(conflicts)} conflict(s); delete the mark to restore",
                    timeout=3)
        self.pending_align = p.id
        self._rebuild()

    def _rebuild(self) -> None:
        if self.full_comparison is not None:
            self.model = CompareModel(self.undismissed(self.full_comparison))
            self.update_title()
            self._remount()

    def action_toggle_marks(self) -> None:
        self.marks_hidden = not self.marks_hidden
        self.show_marks()

    def on_marks_panel_remove(self, message: MarksPanel.Remove) -> None:
        store = store_for(self.app)
        if store is None:
            return
        store.delete(message.mark.annotation.id)
        self.notify("Mark deleted", timeout=2)
        if message.mark.annotation.conflict is not None:
            self._rebuild()  # a dismissed conflict is flagged again
        else:
            self.show_marks()

    def on_marks_panel_jump(self, message: MarksPanel.Jump) -> None:
        mark = message.mark
        if mark.start is None or self.model is None:
            self.notify("This mark's text is no longer in the report", timeout=3)
            return
        article_id = mark.annotation.article_id
        target = next((p for p in self.model.views.get(article_id, [])
                       if p.passage.start <= mark.start < p.passage.end), None)
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

    def action_export(self) -> None:
        """Export this comparison with the marks (format and file chosen in a dialog)."""
        name = f"newsreader-{self.event.id if self.event else 'chosen-reports'}.md"
        self.app.push_screen(ExportDialog(Path.cwd() / name), self._export)

    def _export(self, request: ExportRequest | None) -> None:
        from index.export import event_document, render, write_atomic

        if request is None or self.full_comparison is None:
            return
        try:
            doc = event_document(self.app.corpus, self.full_comparison, store_for(self.app))
            path = write_atomic(request.path, render(doc, request.format), force=request.force)
        except NewsreaderError as error:
            self.notify(str(error), title="Not exported", severity="error", markup=False)
            return
        except OSError as error:
            self.notify(f"{error.strerror or error}: {request.path}", title="Not exported",
                        severity="error", markup=False)
            return
        self.notify(f"Wrote {path}", title="Exported", markup=False)
