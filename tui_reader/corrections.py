"""Provides Corrections: the reader's merges, moves and splits of events, kept with the marks.

The machine's grouping stays in ``state.grouped``; what the screens show (``state.events``) is
that grouping with every saved correction applied (index.apply_corrections), again after each
correction, undo, reload or regrouping. Corrections name reports, not events, so they follow a
report through regroupings and edits of its file (index/marks/corrections.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index import Event, NewsreaderError

from .notices import Notice, Notifier, show
from .state import AppState
from .text import one_line

if TYPE_CHECKING:
    from index import Correction

UNDO_HINT = "U undoes"


class Corrections:
    """Applies the saved corrections to the grouping, saves new ones and undoes the latest.
    Runs on the UI thread (the App's): a few small SQLite reads and a pass over the events."""

    def __init__(self, node: Notifier, state: AppState) -> None:
        self.node = node
        self.state = state
        self._stale_told = 0  # how many stale corrections the user was told about

    def apply(self) -> None:
        """``state.events`` = the machine's grouping with the saved corrections applied."""
        state = self.state
        if state.grouped is None:
            return
        store = state.marks.get()
        if store is None:  # no marks store: the machine's grouping (the store said why)
            state.events, state.corrected = list(state.grouped), frozenset()
            return
        from index import apply_corrections

        titles = {a.id: a.title for a in state.articles}  # a split-off event's title
        result = apply_corrections(state.grouped, store.corrections(state.corpus), titles)
        state.events, state.corrected = list(result.events), result.corrected
        if result.stale and len(result.stale) != self._stale_told:
            self._stale_told = len(result.stale)
            n = len(result.stale)
            text = f"{n} correction(s) skipped: a report named in them is no longer in the corpus"
            show(self.node, Notice(text, "Corrections", "warning", 8))

    def save(self, correction: Correction) -> str | None:
        """Save ``correction`` and apply it; returns the id of the event it made (None when
        it could not be saved, which the user is told)."""
        store = self.state.marks.get()
        if store is None:
            show(self.node, Notice("The marks store is unavailable", "Not corrected", "error"))
            return None
        before = self._describe(correction)
        try:
            store.add_correction(self.state.corpus, correction)
        except NewsreaderError as error:
            show(self.node, Notice(one_line(str(error)), "Not corrected", "error", 10))
            return None
        self.apply()
        show(self.node, Notice(f"{before} · {UNDO_HINT}", "Corrected and saved", timeout=5))
        return self._event_id(correction.articles[0])

    def undo(self) -> str | None:
        """Forget the latest correction of this corpus; returns the id of the event that holds
        its first report now (None when there was nothing to undo)."""
        store = self.state.marks.get()
        if store is None:
            return None
        try:
            undone = store.undo_correction(self.state.corpus)
        except NewsreaderError as error:
            show(self.node, Notice(one_line(str(error)), "Not undone", "error", 10))
            return None
        if undone is None:
            show(self.node, Notice("No correction of this corpus to undo", "Undo", timeout=4))
            return None
        self.apply()
        what = {"merge": "merge", "move": "move", "split": "split"}[undone.kind]
        show(self.node, Notice(f"The last {what} is undone", "Undone", timeout=5))
        return self._event_id(undone.articles[0])

    def _event_id(self, article_id: str) -> str | None:
        event = self.state.event_of(article_id)
        return event.id if event is not None else None

    def _describe(self, correction: Correction) -> str:
        """What the correction does, in the words of the events list (before it is applied)."""
        state = self.state
        first = state.event_of(correction.articles[0])
        target = state.event_of(correction.target) if correction.target else None
        if correction.kind == "merge":
            return f"Merged “{_title(first)}” with “{_title(target)}”"
        if correction.kind == "move":
            article = state.by_id.get(correction.articles[0])
            name = one_line(article.title, 50) if article is not None else correction.articles[0]
            return f"Moved “{name}” to “{_title(target)}”"
        n = len(correction.articles)
        return f"Split {n} report{'s' * (n != 1)} off “{_title(first)}” into a new event"


def _title(event: Event | None) -> str:
    return one_line(event.title, 50) if event is not None else "?"
