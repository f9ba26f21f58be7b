"""Provides AppState: what the app knows (corpus, index, articles, events, comparisons, marks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from index import Article, Comparison, Event, NewsreaderError

if TYPE_CHECKING:  # Whoosh and SQLite load on first use, after the first paint
    from index import AnnotationStore, CorpusIndex, IndexReport


@dataclass(frozen=True, slots=True)
class Settings:
    """What the command line asked for: the corpus, where its index lives, a full rebuild."""

    corpus: Path
    index_dir: Path | None = None
    rebuild: bool = False


class MarksStore:
    """The annotation store (``--data-dir`` / ``NEWSREADER_DATA_DIR`` / XDG), opened on first use.

    A failure is reported once through ``on_error`` and remembered: the reader keeps working
    without marks, and the user sees one message, not one per keypress.
    """

    def __init__(self, on_error: Callable[[str], None]) -> None:
        self._on_error = on_error
        self._store: AnnotationStore | None = None
        self._tried = False

    def get(self) -> AnnotationStore | None:
        """The open store, or None when it cannot be opened."""
        if not self._tried:
            self._tried = True
            from index import AnnotationStore

            try:
                self._store = AnnotationStore.open()
            except NewsreaderError as error:
                self._on_error(str(error))
        return self._store

    def close(self) -> None:
        """Close the store (every write is already committed; this only frees the file)."""
        if self._store is not None:
            self._store.close()
        self._store, self._tried = None, False


@dataclass(slots=True, eq=False)
class AppState:
    """The app's shared state. The App alone writes it, on the UI thread, then tells the screens
    with a message (messages.py); screens and dialogs only read it."""

    settings: Settings
    marks: MarksStore
    index: CorpusIndex | None = None
    report: IndexReport | None = None
    failure: str | None = None  # why indexing failed, in one line
    articles: list[Article] = field(default_factory=list)
    by_id: dict[str, Article] = field(default_factory=dict)
    grouped: list[Event] | None = None  # the machine's grouping; None until it is done
    events: list[Event] | None = None  # the grouping with the reader's corrections applied
    # (part, total) while ``events`` are those of a first part of the articles (grouped is None)
    first_part: tuple[int, int] | None = None
    corrected: frozenset[str] = frozenset()  # ids of events a correction made or changed
    comparisons: dict[str, Comparison] = field(default_factory=dict)  # by event id or article ids
    # (done, total) files of the index update running (None: none runs); search waits for it
    indexing: tuple[int, int] | None = None
    counts_wanted: bool = False  # the list's counts asked for while a first build indexed
    comparing: str | None = None  # the comparison the user is waiting for (a compare screen's)
    indexed_at: float = 0.0  # time.time() when the last index update started (the watcher's line)
    change_told: bool = False  # the user was told the corpus changed since then
    export_dir: Path | None = None  # the folder of the last export: the next one starts there
    export_format: str | None = None  # the export dialog's first format (config: export.format)

    @property
    def corpus(self) -> Path:
        """The corpus folder."""
        return self.settings.corpus

    def articles_of(self, event: Event) -> list[Article]:
        """The event's articles that are in the index, in the event's order."""
        return [self.by_id[i] for i in event.article_ids if i in self.by_id]

    def event(self, event_id: str | None) -> Event | None:
        """The event with this id (None before grouping or when there is none)."""
        return next((e for e in self.events or [] if e.id == event_id), None)

    def event_of(self, article_id: str) -> Event | None:
        """The event an article belongs to (None until events are grouped)."""
        return next((e for e in self.events or [] if article_id in e.article_ids), None)

    def undismissed(self, comparison: Comparison) -> Comparison:
        """``comparison`` without the conflicts the user dismissed as false (as the panes show)."""
        from index import without_dismissed

        store = self.marks.get()
        if store is None:
            return comparison
        return without_dismissed(comparison, store.dismissed(self.corpus))


@runtime_checkable
class HasState(Protocol):
    """The App as seen from the command palette, which cannot import the app module."""

    state: AppState
