"""SearcherPool: idle Whoosh searchers of the live store kept for reuse across searches."""

from __future__ import annotations

import threading
from typing import TypeAlias

from whoosh.index import FileIndex
from whoosh.searching import Searcher as _WhooshSearcher

# A searcher of one store, held by the layers above without looking inside.
Searcher: TypeAlias = _WhooshSearcher

# Idle searchers kept for reuse: opening one reads every segment's TOC and length columns.
SEARCHER_POOL = 4


class SearcherPool:
    """Searchers handed out one per search (so worker threads may search at once) and taken
    back when idle, each labelled with the store it reads; thread-safe."""

    def __init__(self, size: int = SEARCHER_POOL) -> None:
        self.size = size
        self._guard = threading.Lock()
        self._idle: list[tuple[str, Searcher]] = []  # (store name, searcher) ready for reuse

    def take(self, store: str, ix: FileIndex) -> Searcher:
        """An idle searcher of ``store`` that no other writer has committed past (a cheap
        generation check, so results are never stale), else a new one of ``ix``."""
        with self._guard:
            while self._idle:
                name, searcher = self._idle.pop()
                if name == store and not searcher.is_closed and _up_to_date(searcher):
                    return searcher
                _close(searcher)
        return ix.searcher()

    def give(self, store: str, searcher: Searcher, live: bool) -> None:
        """Take ``searcher`` back for reuse if it reads the ``live`` store and there is room."""
        with self._guard:
            if live and len(self._idle) < self.size:
                self._idle.append((store, searcher))
                return
        searcher.close()

    def drop(self) -> None:
        """Close every idle searcher (the store was switched, updated or found damaged)."""
        with self._guard:
            idle, self._idle = self._idle, []
        for _, searcher in idle:
            _close(searcher)


def _up_to_date(searcher: Searcher) -> bool:
    """Has no other writer committed since this searcher opened? False when the check fails (a
    store being switched or removed): the caller then opens a fresh searcher the usual way."""
    try:
        return bool(searcher.up_to_date())
    except Exception:  # noqa: BLE001 - the store's files changed under us
        return False


def _close(searcher: Searcher) -> None:
    try:
        searcher.close()
    except Exception:  # noqa: BLE001, S110 - closing a broken searcher may fail too
        pass
