"""Provides WorkerResults: the App's handlers of worker results: stored, then told to screens."""

from __future__ import annotations

import gc

from textual.worker import Worker

from .app_base import AppBase
from .messages import (
    ArticlesChanged,
    ArticlesLoaded,
    ComparisonAdded,
    ComparisonFailed,
    ComparisonReady,
    CorpusChanged,
    EventsChanged,
    EventsFirst,
    EventsReady,
    FeedsFetched,
    FeedsProgress,
    IndexFailed,
    IndexOpened,
    IndexProgress,
    IndexReady,
    ProgressChanged,
    WatchFailed,
)
from .notices import Notice, failure_text, feed_notices, report_failure, report_notices, show
from .text import one_line


class WorkerResults(AppBase):
    """Worker results arrive as messages (jobs.py); these store them in the state, on the UI
    thread, and tell every screen on the stack with a StateChanged message."""

    def on_index_opened(self, message: IndexOpened) -> None:
        self.state.index = message.index  # searchable while it is brought up to date

    def on_index_progress(self, message: IndexProgress) -> None:
        done, total, path, what = message.done, message.total, message.path, message.what
        if what == "Indexing" and self.state.indexing is not None:
            self.state.indexing = (done, total)
        self._tell_screens(lambda: ProgressChanged(done, total, path, what))

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        """A first build read every article: listed now, grouped next, indexed after."""
        self.state.articles = message.articles
        self.state.by_id = {a.id: a for a in message.articles}
        self._tell_screens(ArticlesChanged)
        self.jobs.group_first(message.articles)  # listed until the whole grouping's come
        # The articles and the app live on: out of the collector's sight before the grouping
        # makes its millions of objects (its full collections visited them all: 0.5-0.6 s of
        # a 10k first start's grouping, then 0.3 s; on_events_ready freezes again).
        gc.freeze()

    def on_index_ready(self, message: IndexReady) -> None:
        state = self.state
        state.indexing = None
        state.articles = message.articles
        state.by_id = {a.id: a for a in message.articles}
        if state.report is not None and message.report.added + message.report.updated + (
            message.report.removed
        ):
            state.comparisons.clear()  # reports changed since the last update: compare again
        state.report = message.report
        gc.freeze()  # the articles as indexed live as long as the app (on_articles_loaded's note)
        for notice in report_notices(message.report):
            show(self, notice)
        self._tell_screens(ArticlesChanged)
        if not message.grouped:  # else grouped already, before the build indexed them
            self.jobs.load_events(message.articles)
        elif state.counts_wanted:
            state.counts_wanted = False
            self._prefetch_counts()

    def on_feeds_progress(self, message: FeedsProgress) -> None:
        url = one_line(message.url, 100)
        self._tell_screens(lambda: ProgressChanged(message.done, message.total, url, "Fetching"))

    def on_feeds_fetched(self, message: FeedsFetched) -> None:
        for notice in feed_notices(message.results):
            show(self, notice)
        if any(r.status in ("new", "changed") for r in message.results):
            self.state.comparisons.clear()  # reports may have changed: compare them again
            self._index(rebuild=False)  # incremental: only the changed files

    def on_corpus_changed(self, message: CorpusChanged) -> None:
        """Offer a reload, once until the next one (the watcher may report many batches)."""
        if self.state.change_told:
            return
        self.state.change_told = True
        names = ", ".join(one_line(p, 60) for p in message.paths)
        more = (
            f" and {message.count - len(message.paths)} more"
            if message.count > len(message.paths)
            else ""
        )
        show(self, Notice(f"{names}{more}: press R to reload", "Corpus changed", timeout=15))

    def on_watch_failed(self, message: WatchFailed) -> None:
        text = f"{one_line(message.reason, 200)}; R still reloads"
        show(self, Notice(text, "Not watching the corpus", "warning", 8))

    def on_events_first(self, message: EventsFirst) -> None:
        """Events of a first part of the articles, listed until all are grouped: no
        corrections (they apply to the whole grouping), no comparisons for the counts yet."""
        if self.state.grouped is None:
            self.state.events, self.state.corrected = message.events, frozenset()
            self.state.first_part = (message.part, message.total)
            self._tell_screens(EventsChanged)

    def on_events_ready(self, message: EventsReady) -> None:
        self.state.first_part = None
        self.state.grouped = message.events
        self.corrections.apply()  # the reader's merges, moves and splits (corrections.py)
        self._events_changed()
        # What is loaded now lives as long as the app: out of the garbage collector's sight, a
        # full collection visits only what came later. It visited all 120,000 objects of the
        # app, 50-370 ms on the UI thread, and the first key after opening a screen waited.
        gc.freeze()

    def on_comparison_ready(self, message: ComparisonReady) -> None:
        self.state.comparisons[message.key] = message.comparison
        self._tell_screens(lambda: ComparisonAdded(message.key))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place the App's worker failures become visible: a notification, no crash."""
        if not report_failure(self, event):
            return
        if event.worker.name == "index":
            self.state.indexing = None
            self.state.failure = failure_text(event.worker)
            self._tell_screens(IndexFailed)
        elif event.worker.name == "compare":
            self._tell_screens(ComparisonFailed)
