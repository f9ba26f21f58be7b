"""Reads of an index folder's live store: opened once, searchers pooled, damage marked."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from index.base.errors import IndexUnavailable, NewsreaderError
from index.engine import Searcher, SearcherPool, Store, update_lock_held
from index.store.live_store import open_live
from index.store.manifest import mark_damaged, read_meta

# Reads of a store that another process switched or committed under them are tried again.
READ_ATTEMPTS = 3
_T = TypeVar("_T")


class LiveReader:
    """The live store of ``index_dir`` (of ``corpus``) for reading, thread-safe: the open store
    is cached until a rebuild switches stores, and each read gets a pooled searcher."""

    def __init__(self, index_dir: Path, corpus: Path) -> None:
        self.index_dir = index_dir
        self.corpus = corpus
        self._guard = threading.Lock()
        self._cached: tuple[str, Store] | None = None
        self._pool = SearcherPool()

    def open(self) -> Store:
        """The live store's index object, cached; reopened when a rebuild switched stores."""

        def cached(store: str) -> Store | None:
            with self._guard:
                if self._cached is not None and self._cached[0] == store:
                    return self._cached[1]
            return None

        store, ix, fresh = open_live(self.index_dir, self.corpus, cached)
        if fresh:
            with self._guard:
                self._cached = (store, ix)
        return ix

    def searcher(self) -> tuple[str, Searcher]:
        """A searcher of the live store (pooled) and the store's name."""
        ix = self.open()
        with self._guard:
            store = self._cached[0] if self._cached is not None else ""
        return store, self._pool.take(store, ix)

    def release(self, store: str, searcher: Searcher) -> None:
        with self._guard:
            live = self._cached is not None and self._cached[0] == store
        self._pool.give(store, searcher, live)

    def forget(self) -> None:
        """Drop the pooled searchers and the open store (the next read opens the live one)."""
        self._pool.drop()
        with self._guard:
            self._cached = None

    def _damaged(self, error: Exception) -> IndexUnavailable:
        """Forget the open store and mark it damaged, so the next update rebuilds it."""
        self._pool.drop()
        with self._guard:
            cached, self._cached = self._cached, None
        if cached is not None:
            mark_damaged(self.index_dir, cached[0], f"reading it failed: {type(error).__name__}")
        return IndexUnavailable(
            f"the index of {self.corpus} cannot be read ({type(error).__name__}); "
            "run `newsreader index` to repair it"
        )

    def _moved_on(self) -> bool:
        """After a failed read: did another process switch stores or commit meanwhile? Then
        reading again from the live store is the answer, not a repair."""
        meta = read_meta(self.index_dir)
        with self._guard:
            used = self._cached[0] if self._cached is not None else None
        return (meta is not None and meta.store != used) or update_lock_held(self.index_dir)

    def read(self, action: Callable[[], _T]) -> _T:
        """Run a read of the store; a store switched or changed under it by another process is
        read again (up to READ_ATTEMPTS), a damaged one is marked for repair."""
        for attempt in range(1, READ_ATTEMPTS + 1):
            try:
                return action()
            except NewsreaderError:
                raise
            except Exception as error:  # noqa: BLE001 - a damaged store fails in many ways
                if attempt < READ_ATTEMPTS and self._moved_on():
                    self.forget()  # forget the old store without marking it damaged
                    time.sleep(0.05)
                    continue
                raise self._damaged(error) from error
        raise AssertionError("unreachable")
