"""Provides MarkActions: mark, note, marks panel and export keys shared by compare and reader."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from index import DISMISSED, Anchored, AnnotationStore, Article, NewsreaderError, Passage

from ..marks_store import store_for
from ..widgets.article_pane import ArticlePane
from ..widgets.marks_panel import MarksPanel
from ..widgets.passage_block import PassageBlock
from .export_dialog import ExportDialog, ExportRequest
from .note_dialog import NoteDialog, NoteResult

if TYPE_CHECKING:
    from ..app import NewsReaderApp

STAR = "★"  # under the gutter label of a marked passage: visible without colour
Spans = dict[str, list[tuple[int, int]]]  # article id -> marked (start, end) body offsets


def star_block(block: PassageBlock, marked: bool) -> None:
    """Give ``block`` the ``-marked`` class and a star under its gutter label (or take them off)."""
    if marked == block.has_class("-marked"):
        return
    block.set_class(marked, "-marked")
    # on a line of its own: the compare gutter is only as wide as "!4/5"
    star = "\n".join(x for x in (block.label, STAR) if x)
    block.query_one(".gutter", Static).update(Content(star if marked else block.label))


NARROW_MARKS = 100  # below this many columns the panel opens only when asked for (M)


class MarkActions(Screen[None]):
    """Base of the screens where passages can be marked; subclasses say what is on screen.

    Every write goes through the app's AnnotationStore, which commits before it returns: a mark
    is on disk when the screen says "saved".
    """

    DEFAULT_CSS = """
    PassageBlock.-marked > .gutter { color: $success; text-style: bold; }
    PassageBlock.-marked > .passage-text { background: $success 12%; }
    """
    BINDINGS = [
        Binding("m,space", "mark", "Mark", id="mark"),
        Binding("a", "note", "Note", id="note"),
        Binding("e", "export", "Export", id="export"),
        Binding("M", "toggle_marks", "Marks panel", show=False, id="toggle-marks"),
    ]

    app: NewsReaderApp  # type: ignore[assignment]
    marks_hidden: bool = False
    marks_asked = False  # M pressed: the user, not the width, decides whether the panel shows
    current_marks: list[Anchored]
    no_passage_hint = "Go to a passage first"

    # ---- what a subclass provides ----

    def current_passage(self) -> Passage | None:
        """The passage the cursor is on (what m and a act on)."""
        raise NotImplementedError

    def marks_scope(self) -> tuple[Mapping[str, Article], str | None] | None:
        """(articles on screen, event id whose marks show too); None while nothing is shown."""
        raise NotImplementedError

    def new_mark_event(self) -> str | None:
        """The event id saved with a new mark (so the event's screens find it)."""
        return None

    def paint_marks(self, spans: Spans) -> None:
        """Show which passages are marked (``spans``: marked offsets per article)."""
        raise NotImplementedError

    def jump_to_mark(self, mark: Anchored) -> None:
        """Move the cursor to a mark chosen in the panel (its text is still in the report)."""
        raise NotImplementedError

    def export_document(self, store: AnnotationStore | None) -> dict[str, Any] | None:
        """The export of what is on screen, with its marks; None if there is nothing yet."""
        raise NotImplementedError

    def export_dialog(self) -> ExportDialog:
        raise NotImplementedError

    def reveal(self, passage: Passage) -> None:
        """Bring ``passage`` into view before it is marked (the user may have scrolled away)."""

    def mark_removed(self, mark: Anchored) -> None:
        """After a mark was deleted from the panel."""
        self.show_marks()

    # ---- shared behaviour ----

    def on_screen_resume(self) -> None:
        # Marks may have been made or deleted on another screen (reader <-> compare) meanwhile.
        if getattr(self, "current_marks", None) is not None:
            self.show_marks()

    def show_marks(self) -> None:
        """Re-read the marks of what is on screen; star their passages and refill the panel."""
        store = store_for(self.app)
        scope = self.marks_scope()
        if store is None or scope is None:
            return
        articles, event_id = scope
        self.current_marks = store.anchored(self.app.corpus, articles, articles, event_id)
        spans: Spans = {}
        for mark in self.current_marks:
            if (
                mark.start is not None
                and mark.end is not None
                and mark.annotation.label != DISMISSED
            ):
                spans.setdefault(mark.annotation.article_id, []).append((mark.start, mark.end))
        self.paint_marks(spans)
        self._show_panel(articles)

    def _show_panel(self, articles: Mapping[str, Article]) -> None:
        panel = self.query_one_optional(MarksPanel)
        if panel is None:
            if not self.current_marks or self.marks_hidden:
                return
            if not self.marks_asked and self.app.size.width < NARROW_MARKS:
                return  # the gutter stars show the marks; the text keeps the narrow width
            panel = MarksPanel(id="marks-panel")
            # Before the footer: docked widgets later in the DOM are drawn over earlier ones,
            # so the key bar stays whole instead of losing its right end under the panel.
            footer = self.query_one_optional(Footer)
            self.mount(panel, before=footer) if footer is not None else self.mount(panel)
            self.call_after_refresh(panel.show, self.current_marks, articles)
            return
        if panel.is_mounted:
            panel.show(self.current_marks, articles)
        else:  # mounted by a call just before this one: its list is not composed yet
            self.call_after_refresh(panel.show, self.current_marks, articles)
        panel.display = not self.marks_hidden

    def passage_mark(self, passage: Passage) -> Anchored | None:
        """The user's plain mark (not a dismissal) on exactly this passage, if any."""
        for mark in getattr(self, "current_marks", []):
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

    def _writable_store(self) -> AnnotationStore | None:
        """The store, or None after telling the user that nothing can be saved."""
        store = store_for(self.app)
        if store is None:
            self.notify(
                "Marks cannot be saved: the marks database did not open (see --data-dir)",
                severity="warning",
                timeout=4,
            )
        return store

    def action_mark(self) -> None:
        """Mark the current passage, or remove the mark if it has one."""
        p = self.current_passage()
        if p is None:
            self.notify(self.no_passage_hint, timeout=2)
            return
        store = self._writable_store()
        if store is None:
            return
        self.reveal(p)
        existing = self.passage_mark(p)
        try:
            if existing is not None:
                store.delete(existing.annotation.id)
                self.notify("Mark removed", timeout=2)
            else:
                store.add(
                    self.app.corpus,
                    p.article_id,
                    p.start,
                    p.end,
                    p.text,
                    event_id=self.new_mark_event(),
                )
                self.notify("Marked and saved · a adds a note or label", timeout=2)
        except NewsreaderError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
        self.show_marks()

    def action_note(self) -> None:
        """Attach a note and a label to the current passage (marking it if needed)."""
        p = self.current_passage()
        if p is None:
            self.notify(self.no_passage_hint, timeout=2)
            return
        if self._writable_store() is None:
            return  # never take a note that cannot be kept
        self.reveal(p)
        existing = self.passage_mark(p)
        if existing is None:
            self._ask_note(p, None, "")
        else:
            self._ask_note(p, existing.annotation.label, existing.annotation.note)

    def _ask_note(self, p: Passage, label: str | None, note: str) -> None:
        def saved(result: NoteResult | None) -> None:
            if result is not None:
                self._save_note(p, result)

        self.app.push_screen(NoteDialog(p.text, label, note), saved)

    def _save_note(self, p: Passage, result: NoteResult) -> None:
        store = store_for(self.app)
        if store is None:
            return
        existing = self.passage_mark(p)
        try:
            kept = None
            if existing is not None:
                store.set_label(existing.annotation.id, result.label)
                kept = store.set_note(existing.annotation.id, result.note)
            if kept is None:  # no mark yet, or deleted meanwhile (another screen or process)
                store.add(
                    self.app.corpus,
                    p.article_id,
                    p.start,
                    p.end,
                    p.text,
                    label=result.label,
                    note=result.note,
                    event_id=self.new_mark_event(),
                )
            self.notify("Note saved", timeout=2)
        except NewsreaderError as error:
            self.notify(
                f"{error}\nYour note is still in the dialog: try again or copy it.",
                title="Not saved",
                severity="error",
                markup=False,
            )
            self._ask_note(p, result.label, result.note)  # never lose what was typed
        self.show_marks()

    def action_toggle_marks(self) -> None:
        """Show the marks panel with the keyboard in its list (Enter jumps, Delete removes);
        from the list, hide it and give the keys back to the text."""
        self.marks_asked = True
        panel = self.query_one_optional(MarksPanel)
        shown = panel is not None and panel.display and not self.marks_hidden
        if shown and panel is not None and not panel.has_focus_within:
            # Tab moves between panes on the compare screen: M is the way into the list.
            panel.query_one(OptionList).focus()
            return
        self.marks_hidden = shown
        self.show_marks()
        if self.marks_hidden:
            self.focus_text()
        else:
            self.call_after_refresh(self._focus_marks)

    def _focus_marks(self) -> None:
        panel = self.query_one_optional(MarksPanel)
        if panel is not None and panel.display:
            panel.query_one(OptionList).focus()

    def focus_text(self) -> None:
        """Give the keys back to the text (the compare screen: its active pane)."""
        for pane in self.query(ArticlePane).results():
            pane.focus()
            return

    def on_marks_panel_remove(self, message: MarksPanel.Remove) -> None:
        store = store_for(self.app)
        if store is None:
            return
        try:
            store.delete(message.mark.annotation.id)
        except NewsreaderError as error:
            self.notify(str(error), title="Not deleted", severity="error", markup=False)
            return
        self.notify("Mark deleted", timeout=2)
        self.mark_removed(message.mark)

    def on_marks_panel_jump(self, message: MarksPanel.Jump) -> None:
        if message.mark.start is None:
            self.notify("This mark's text is no longer in the report", timeout=3)
            return
        self.jump_to_mark(message.mark)

    def action_export(self) -> None:
        """Export what is on screen with the marks (format and file chosen in a dialog)."""
        self.app.push_screen(self.export_dialog(), self._export)

    def _export(self, request: ExportRequest | None) -> None:
        from index import render, write_atomic

        if request is None:
            return
        try:
            doc = self.export_document(store_for(self.app))
            if doc is None:
                return
            path = write_atomic(request.path, render(doc, request.format), force=request.force)
        except NewsreaderError as error:
            self.notify(str(error), title="Not exported", severity="error", markup=False)
            return
        except OSError as error:
            self.notify(
                f"{error.strerror or error}: {request.path}",
                title="Not exported",
                severity="error",
                markup=False,
            )
            return
        self.notify(f"Wrote {path}", title="Exported", markup=False)


def default_export_path(name: str) -> Path:
    """Where the export dialog proposes to write: the working folder."""
    return Path.cwd() / name
