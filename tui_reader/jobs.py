"""Provides Jobs: the app's named thread workers (index, events, compare, prefetch, search, fetch).

Every blocking core call runs here, never on the UI thread. Workers never touch widgets or the
state: they post messages (thread-safe), and the App updates the state on the UI thread. Their
failures reach the App's ``on_worker_state_changed`` because every worker's node is the App.

To add a worker: a method that calls ``self._run(function, name)`` with a function that ends by
posting a result message (messages.py), and a handler for that message on the App.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.worker import get_current_worker

from index import Article, Comparison, Event, IndexUnavailable, QueryError

from .messages import (
    ArticlesLoaded,
    ComparisonReady,
    EventsFirst,
    EventsReady,
    FeedsFetched,
    FeedsProgress,
    FiguresReady,
    IndexOpened,
    IndexProgress,
    IndexReady,
    SearchFailed,
    SearchFinished,
    SearchProgress,
    SearchWaiting,
)
from .state import AppState

if TYPE_CHECKING:
    from index import CorpusIndex


# From this many articles a first start shows the events of a first part (a 20th, 200-1,000
# articles: 0.3-1 s of CPU) before those of all (10,000: ~10 s); below, all group in a few.
FIRST_FROM = 2000
FIRST_SHARE = 20
FIRST_LEAST, FIRST_MOST = 200, 1000
# Seconds between two progress messages of a stage. One a file (10,000 on a first start) woke
# the event loop and redrew the status line 10,000 times: ~1 s of the UI thread's CPU taken
# from the two reading processes on a 2-core machine; 20 redraws a second move the bar as well.
PROGRESS_EVERY = 0.05


class _Superseded(Exception):
    """A search's worker was cancelled by a newer query while it compared events."""


class Jobs:
    """Starts the workers on ``node`` (the App), reading ``state``; results come as messages."""

    def __init__(self, node: DOMNode, state: AppState) -> None:
        self.node = node
        self.state = state

    def _run(self, work: Callable[[], None], name: str) -> None:
        # One group per name, exclusive: a newer request cancels the older one of its kind.
        self.node.run_worker(
            work, name=name, group=name, exclusive=True, thread=True, exit_on_error=False
        )

    def load_index(self, rebuild: bool | None = None) -> None:
        """Open (or create) the index, bring it up to date, then post every article. Once the
        index is open (a re-index after fetching feeds) the same one is updated, incrementally.

        A full build (a first start) reads every file first: the articles are posted and
        grouped here, before the build indexes them (its worker processes wait meanwhile), so
        the events are listed while the index is written; search says it is indexing."""
        settings, post = self.state.settings, self.node.post_message
        opened = self.state.index
        rebuild = settings.rebuild if rebuild is None else rebuild

        def work() -> None:
            from index import Cancelled, CorpusIndex, Early

            worker = get_current_worker()
            shown_at, shown_what = 0.0, ""  # when the last progress was posted, of which stage

            def progress(done: int, total: int, path: str, what: str = "Indexing") -> None:
                # Quitting cancels this worker; a build gives way at its next file (it leaves
                # the index as it was: the next start builds again), so q or ctrl+c answer now
                # instead of after the whole build.
                nonlocal shown_at, shown_what
                if worker.is_cancelled:
                    raise Cancelled
                now = time.monotonic()
                if what == shown_what and done < total and now - shown_at < PROGRESS_EVERY:
                    return  # a stage's first and last files are always told
                shown_at, shown_what = now, what
                post(IndexProgress(done, total, path, what))

            handed: list[list[Article]] = []
            grouped: list[bool] = []

            def loaded(articles: list[Article]) -> None:
                handed.append(articles)
                post(ArticlesLoaded(articles))  # the App groups a first part meanwhile
                try:
                    self._group(articles)
                    grouped.append(True)
                except Exception:  # noqa: BLE001 - the index must still be built; the events
                    pass  # worker groups again after it and reports the failure as its own
                if worker.is_cancelled:
                    raise Cancelled  # quit while grouping: the build stops before indexing

            early = Early(lambda d, t, p: progress(d, t, p, "Reading"), loaded)
            index: CorpusIndex = opened or CorpusIndex(settings.corpus, settings.index_dir)
            post(IndexOpened(index))
            try:
                report = index.update(rebuild=rebuild, progress=progress, early=early)
            except Cancelled:
                return
            articles = handed[0] if handed else index.articles()
            post(IndexReady(articles, report, grouped=bool(grouped)))

        self._run(work, "index")

    def refresh_feeds(self) -> None:
        """Ask every feed fetched into the corpus before for a newer copy (index/fetch); the
        App re-indexes when this worker's FeedsFetched arrives."""
        corpus, post = self.state.settings.corpus, self.node.post_message

        def work() -> None:
            from index import corpus_feeds, fetch_urls

            urls = corpus_feeds(corpus)
            results = fetch_urls(
                urls, corpus, progress=lambda d, t, u: post(FeedsProgress(d, t, u))
            )
            post(FeedsFetched(results))

        self._run(work, "fetch")

    def load_events(self, articles: list[Article]) -> None:
        """Group the articles into events (read from the cache when the corpus is unchanged)."""
        self._run(lambda: self._group(articles), "events")

    def _group(self, articles: list[Article]) -> None:
        from index import cached_group_events

        self.node.post_message(EventsReady(cached_group_events(articles)))

    def group_first(self, articles: list[Article]) -> None:
        """The events of a first part of a big corpus, shown while the whole is grouped. A
        worker of its own: the whole grouping starts at once, and its tokenizing process takes
        the core this part would otherwise leave idle (the part came first: 0.5 s of 10k's)."""
        if len(articles) < FIRST_FROM:
            return
        part = articles[: min(FIRST_MOST, max(FIRST_LEAST, len(articles) // FIRST_SHARE))]

        def work() -> None:
            from index import group_events

            self.node.post_message(EventsFirst(group_events(part), len(part), len(articles)))

        self._run(work, "first")

    def load_comparison(self, key: str, articles: Sequence[Article], event: Event | None) -> None:
        """Compare the given reports (the user is waiting for this one). Cancelling the worker
        (a newer comparison, or ``workers.cancel_group(app, "compare")``) stops the analysis
        at its next checkpoint: nothing is posted."""

        def work() -> None:
            from index import Cancelled, compare

            worker = get_current_worker()
            try:
                result = compare(list(articles), event, cancel=lambda: worker.is_cancelled)
            except Cancelled:
                return
            self.node.post_message(ComparisonReady(key, result))

        self._run(work, "compare")

    def prefetch_comparisons(self, jobs: list[tuple[Event, list[Article]]]) -> None:
        """Compare every multi-report event in the background, for the events' link counts."""
        done = self.state.comparisons  # read only: a dict lookup is safe from a thread

        def work() -> None:
            from index import Cancelled, compare

            worker = get_current_worker()
            for event, articles in jobs:
                if worker.is_cancelled:
                    return
                if event.id not in done:
                    try:
                        result = compare(articles, event, cancel=lambda: worker.is_cancelled)
                    except Cancelled:
                        return
                    self.node.post_message(ComparisonReady(event.id, result))

        self._run(work, "prefetch")

    def figures(self, key: str, comparison: Comparison, reply_to: MessagePump) -> None:
        """Read a comparison's fact table into figures (values, sources, outlets)."""

        def work() -> None:
            from index import figures_of

            figures = figures_of(comparison)
            if not get_current_worker().is_cancelled:
                reply_to.post_message(FiguresReady(key, figures))

        self._run(work, "figures")

    def search(self, query: str, reply_to: MessagePump, limit: int = 50) -> None:
        """Search the index; a malformed query becomes a SearchFailed message, not an error.
        Filter fields (conflict:, only:, shared:, event:) are answered by the events'
        comparisons: those not yet made are made here, with SearchProgress, and kept."""
        index, state = self.state.index, self.state
        events, by_id = state.events, state.by_id
        done = state.comparisons  # read only: a dict lookup is safe from a thread
        post = self.node.post_message
        # a name finds the spellings the compared events list as its variants (the detail
        # panel's), whatever their letters: taken here, on the UI thread that owns the dict
        variants = [v.forms for c in list(done.values()) for v in c.variants]
        # conflict: keeps what the panes show: not the conflicts dismissed as false (read here,
        # on the UI thread, which owns the marks store's connection)
        store = state.marks.get() if "conflict:" in query.lower() else None
        dismissed = store.dismissed(state.corpus) if store is not None else set()

        def comparison_of(event: Event, members: list[Article]) -> Comparison:
            from index import compare, without_dismissed

            found = done.get(event.id)
            if found is None:
                if get_current_worker().is_cancelled:
                    raise _Superseded  # a newer query runs: stop comparing for this one
                found = compare(members, event)
                post(ComparisonReady(event.id, found))
            return without_dismissed(found, dismissed)

        def progress(done: int, total: int) -> None:
            reply_to.post_message(SearchProgress(query, done, total))

        def work() -> None:
            from index import sift_search, split_query

            worker = get_current_worker()
            if index is None:
                reply_to.post_message(SearchFailed(query, "the index is not ready yet"))
                return
            try:
                sieve = split_query(query)
                if not sieve.filters:
                    results = index.search(query, limit=limit, variants=variants)
                elif events is None:
                    why = "the events are still being grouped; the filters need them"
                    reply_to.post_message(SearchFailed(query, why))
                    return
                else:
                    results = sift_search(
                        sieve,
                        lambda words, n: index.search(words, limit=n, variants=variants),
                        events,
                        by_id,
                        comparison_of,
                        limit,
                        progress,
                    )
            except QueryError as error:
                reply_to.post_message(SearchFailed(query, str(error)))
                return
            except IndexUnavailable as error:
                if state.indexing is not None:  # the first index is being built: not yet
                    reply_to.post_message(SearchWaiting(query))
                else:
                    reply_to.post_message(SearchFailed(query, str(error)))
                return
            except _Superseded:
                return
            if not worker.is_cancelled:
                reply_to.post_message(SearchFinished(query, results))

        self._run(work, "search")
