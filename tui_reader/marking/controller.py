"""Provides MarkController: the mark, note, marks-panel and export keys of a screen, composed in.

Every write goes through the app's AnnotationStore, which commits before it returns: a mark is on
disk when the screen says "saved". A screen composes one controller, implements MarkSite
(site.py) and hands its mark keys (keymap.MARK_BINDINGS) and MarksPanel messages to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from index import NewsreaderError, Passage

from ..dialogs.export import ExportDialog, ExportRequest
from ..dialogs.note import NoteDialog, NoteResult
from ..messages import ExportWritten
from ..state import AppState
from .panel import PanelDock
from .site import MarkSite, Spans

if TYPE_CHECKING:
    from index import Anchored, AnnotationStore


class MarkController:
    """Reads and writes the marks of what ``site`` shows; ``screen`` is where it notifies."""

    def __init__(self, screen: Screen[Any], site: MarkSite, state: AppState) -> None:
        self.screen = screen
        self.site = site
        self.state = state
        self.dock = PanelDock(screen)
        self.marks: list[Anchored] | None = None  # None until first read

    # ---- reading ----

    def refresh(self) -> None:
        """Re-read the marks of what is on screen; star their passages and refill the panel."""
        from index import DISMISSED

        store = self.state.marks.get()
        scope = self.site.marks_scope()
        if store is None or scope is None:
            return
        articles = scope.articles
        self.marks = store.anchored(self.state.corpus, articles, articles, scope.shown_event)
        spans: Spans = {}
        for mark in self.marks:
            if mark.start is not None and mark.end is not None:
                if mark.annotation.label != DISMISSED:
                    spans.setdefault(mark.annotation.article_id, []).append((mark.start, mark.end))
        self.site.paint_marks(spans)
        self.dock.fill(self.marks, articles)

    def refresh_if_read(self) -> None:
        """Refresh when shown before (marks may have changed on another screen meanwhile)."""
        if self.marks is not None:
            self.refresh()

    def passage_mark(self, passage: Passage) -> Anchored | None:
        """The user's plain mark (not a dismissal) on exactly this passage, if any."""
        for mark in self.marks or []:
            a = mark.annotation
            if (
                a.article_id == passage.article_id
                and a.conflict is None
                and (mark.start, mark.end) == (passage.start, passage.end)
            ):
                return mark
        return None

    def mark_line(self, passage: Passage) -> str | None:
        """What the user saved about ``passage``: 'marked · label · note', or None."""
        mark = self.passage_mark(passage)
        if mark is None:
            return None
        a = mark.annotation
        return " · ".join(part for part in ("marked", a.label or "", a.note) if part)

    # ---- writing ----

    def writable_store(self) -> AnnotationStore | None:
        """The store, or None after telling the user that nothing can be saved."""
        store = self.state.marks.get()
        if store is None:
            self.screen.notify(
                "Marks cannot be saved: the marks database did not open (see --data-dir)",
                severity="warning",
                timeout=4,
            )
        return store

    def _target(self) -> Passage | None:
        p = self.site.current_passage()
        if p is None:
            self.screen.notify(self.site.no_passage_hint, timeout=2)
        return p

    def _add(self, store: AnnotationStore, p: Passage, **fields: Any) -> None:
        scope = self.site.marks_scope()
        event = scope.saved_event if scope is not None else None
        store.add(self.state.corpus, p.article_id, p.start, p.end, p.text, event_id=event, **fields)

    def mark(self) -> None:
        """Mark the current passage, or remove the mark if it has one."""
        p = self._target()
        store = self.writable_store() if p is not None else None
        if p is None or store is None:
            return
        self.site.reveal(p)
        existing = self.passage_mark(p)
        try:
            if existing is not None:
                store.delete(existing.annotation.id)
                self.screen.notify("Mark removed", timeout=2)
            else:
                self._add(store, p)
                self.screen.notify("Marked and saved · a adds a note or label", timeout=2)
        except NewsreaderError as error:
            self.screen.notify(str(error), title="Not saved", severity="error", markup=False)
        self.refresh()

    def note(self) -> None:
        """Attach a note and a label to the current passage (marking it if needed)."""
        p = self._target()
        if p is None or self.writable_store() is None:
            return  # never take a note that cannot be kept
        self.site.reveal(p)
        existing = self.passage_mark(p)
        if existing is None:
            self._ask_note(p, None, "")
        else:
            self._ask_note(p, existing.annotation.label, existing.annotation.note)

    def _ask_note(self, p: Passage, label: str | None, note: str) -> None:
        def saved(result: NoteResult | None) -> None:
            if result is not None:
                self._save_note(p, result)

        self.screen.app.push_screen(NoteDialog(p.text, label, note), saved)

    def _save_note(self, p: Passage, result: NoteResult) -> None:
        store = self.state.marks.get()
        if store is None:
            return
        existing = self.passage_mark(p)
        try:
            kept = None
            if existing is not None:
                store.set_label(existing.annotation.id, result.label)
                kept = store.set_note(existing.annotation.id, result.note)
            if kept is None:  # no mark yet, or deleted meanwhile (another screen or process)
                self._add(store, p, label=result.label, note=result.note)
            self.screen.notify("Note saved", timeout=2)
        except NewsreaderError as error:
            self.screen.notify(
                f"{error}\nYour note is still in the dialog: try again or copy it.",
                title="Not saved",
                severity="error",
                markup=False,
            )
            self._ask_note(p, result.label, result.note)  # never lose what was typed
        self.refresh()

    # ---- the marks panel ----

    def toggle_panel(self) -> None:
        """Show the marks panel with the keys in its list (Enter jumps, Delete removes); from the
        list, hide it and give the keys back to the text."""
        shown = self.dock.toggle()
        if shown is None:
            return
        self.refresh()
        if shown:
            self.screen.call_after_refresh(self.dock.focus_list)
        else:
            self.site.focus_text()

    def remove(self, mark: Anchored) -> None:
        """Delete a mark chosen in the panel."""
        store = self.state.marks.get()
        if store is None:
            return
        try:
            store.delete(mark.annotation.id)
        except NewsreaderError as error:
            self.screen.notify(str(error), title="Not deleted", severity="error", markup=False)
            return
        self.screen.notify("Mark deleted", timeout=2)
        self.site.mark_removed(mark)

    def jump(self, mark: Anchored) -> None:
        """Go to a mark chosen in the panel."""
        if mark.start is None:
            self.screen.notify("This mark's text is no longer in the report", timeout=3)
            return
        self.site.jump_to_mark(mark)

    # ---- export ----

    def export(self) -> None:
        """Export what is on screen with the marks (format and file chosen in a dialog)."""
        plan = self.site.export_plan()
        if plan is None:
            return
        # the folder last exported to, this session; else the plan's (the working folder)
        folder = self.state.export_dir
        default = folder / plan.default.name if folder is not None else plan.default
        fmt = self.state.export_format or default.suffix.lstrip(".") or "md"
        dialog = ExportDialog(default, plan.title, fmt)
        self.screen.app.push_screen(dialog, lambda request: self._write(plan.document, request))

    def _write(self, document: Any, request: ExportRequest | None) -> None:
        from index import render, write_atomic

        if request is None:
            return
        try:
            doc = document(self.state.marks.get())
            if doc is None:
                return
            path = write_atomic(request.path, render(doc, request.format), force=request.force)
        except NewsreaderError as error:
            self.screen.notify(str(error), title="Not exported", severity="error", markup=False)
            return
        except OSError as error:
            self.screen.notify(
                f"{error.strerror or error}: {request.path}",
                title="Not exported",
                severity="error",
                markup=False,
            )
            return
        self.screen.notify(f"Wrote {path}", title="Exported", markup=False)
        self.screen.post_message(ExportWritten(path))


def default_export_path(name: str) -> Path:
    """Where the export dialog proposes to write: the working folder."""
    return Path.cwd() / name
