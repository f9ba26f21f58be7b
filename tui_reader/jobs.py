"""Provides the App's thread workers: indexing, events, comparison, search; results as messages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message_pump import MessagePump
from textual.worker import get_current_worker

from index import Article, Event, QueryError

from .messages import (
    ComparisonReady,
    EventsReady,
    IndexProgress,
    IndexReady,
    SearchFailed,
    SearchFinished,
)

if TYPE_CHECKING:
    from textual.app import App

    from index import Comparison, CorpusIndex

    _Base = App[None]
else:
    _Base = object


class Jobs(_Base):
    """Mixin for NewsReaderApp: every blocking core call runs here, in a named thread worker.

    Workers never touch widgets; they post messages (thread-safe). Errors surface through the
    App's single ``on_worker_state_changed`` handler because every worker's node is the App.
    """

    corpus: Path
    index_dir: Path | None
    rebuild: bool
    index: CorpusIndex | None
    comparisons: dict[str, Comparison]

    @work(thread=True, exclusive=True, group="index", exit_on_error=False, name="index")
    def load_index(self) -> None:
        """Open (or create) the index, bring it up to date, then post every article."""
        from index import CorpusIndex

        index = CorpusIndex(self.corpus, self.index_dir)
        self.index = index
        report = index.update(
            rebuild=self.rebuild,
            progress=lambda done, total, path: self.post_message(IndexProgress(done, total, path)),
        )
        self.post_message(IndexReady(index.articles(), report))

    @work(thread=True, exclusive=True, group="events", exit_on_error=False, name="events")
    def load_events(self, articles: list[Article]) -> None:
        """Group the articles into events (read from the cache when the corpus is unchanged)."""
        from index import cached_group_events

        self.post_message(EventsReady(cached_group_events(articles)))

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False, name="compare")
    def load_comparison(self, key: str, articles: Sequence[Article], event: Event | None) -> None:
        """Compare the given reports (the user is waiting for this one)."""
        from index import compare

        self.post_message(ComparisonReady(key, compare(list(articles), event)))

    @work(thread=True, exclusive=True, group="prefetch", exit_on_error=False, name="prefetch")
    def prefetch_comparisons(self, jobs: list[tuple[Event, list[Article]]]) -> None:
        """Compare every multi-report event in the background, for the link counts."""
        from index import compare

        worker = get_current_worker()
        for event, articles in jobs:
            if worker.is_cancelled:
                return
            if event.id not in self.comparisons:
                self.post_message(ComparisonReady(event.id, compare(articles, event)))

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, name="search")
    def run_search(self, query: str, target: MessagePump, limit: int = 50) -> None:
        """Search the index; a malformed query becomes a SearchFailed message, not an error."""
        if self.index is None:
            target.post_message(SearchFailed(query, "the index is not ready yet"))
            return
        try:
            results = self.index.search(query, limit=limit)
        except QueryError as error:
            target.post_message(SearchFailed(query, str(error)))
            return
        if not get_current_worker().is_cancelled:
            target.post_message(SearchFinished(query, results))
