"""Provides CorpusWatcher: a thread that notices corpus files changing while the app runs.

A plain daemon thread, not a Textual worker: it runs as long as the app, and a worker that
never completes would hold every ``workers.wait_for_complete()`` (tests, benches) forever.

watchfiles reports batches of changes; a batch counts only when a file is newer than the last
index update's start or an indexed file vanished, so the files ``F`` (fetch) writes before it
re-indexes, and the index's own writes, never ask for a reload.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from textual.dom import DOMNode

from .messages import CorpusChanged, WatchFailed
from .state import AppState

SHOWN = 3  # paths named in the notification
TICK_MS = 500  # how often the watcher looks up from waiting (to stop with the app)


def changed_since(
    corpus: Path,
    paths: Iterable[str],
    since: float,
    indexed: set[str],
    skip: Path | None = None,
) -> list[str]:
    """The corpus-relative paths among ``paths`` that changed after ``since`` (a file newer
    than it) or were indexed and are gone; paths under ``skip`` (the index) and outside the
    corpus are left out."""
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if skip is not None and path.is_relative_to(skip):
            continue
        try:
            relative = path.relative_to(corpus).as_posix()
        except ValueError:
            continue
        try:
            newer = path.is_file() and path.stat().st_mtime > since
        except OSError:
            newer = False
        if newer or (relative in indexed and not path.exists()):
            found.append(relative)
    return sorted(set(found))


class CorpusWatcher:
    """Watches in a thread that posts to ``node`` (the App); ``stop()`` ends it."""

    def __init__(self, node: DOMNode, state: AppState) -> None:
        self.node = node
        self.state = state
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Watch the corpus folder until ``stop()`` (nothing when the folder does not exist)."""
        corpus = self.state.settings.corpus.resolve()
        if not corpus.is_dir():
            return
        skip = self.state.settings.index_dir
        skip = skip.resolve() if skip is not None else None
        self._thread = threading.Thread(
            target=self._work(corpus, skip), name="newsreader-watch", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """End the watcher (the app is closing); waits a moment for the thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2 * TICK_MS / 1000)

    def _work(self, corpus: Path, skip: Path | None) -> Callable[[], None]:
        state, post, stop = self.state, self.node.post_message, self._stop

        def work() -> None:
            from watchfiles import watch

            try:
                batches = watch(
                    corpus,
                    stop_event=stop,
                    rust_timeout=TICK_MS,
                    yield_on_timeout=True,
                    raise_interrupt=False,
                )
                for batch in batches:
                    if not batch:
                        continue
                    indexed = {a.path for a in state.articles}  # reading a list: thread-safe
                    changed = (p for _change, p in batch)
                    paths = changed_since(corpus, changed, state.indexed_at, indexed, skip)
                    if paths:
                        post(CorpusChanged(tuple(paths[:SHOWN]), len(paths)))
            except Exception as error:  # the app goes on without watching; R still reloads
                post(WatchFailed(f"{type(error).__name__}: {error}"))

        return work
