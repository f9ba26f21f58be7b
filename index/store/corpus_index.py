"""CorpusIndex: the on-disk Whoosh index of a corpus folder, kept in step with it, searched."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from index.base.errors import CorpusNotFound, IndexUnavailable, NewsreaderError
from index.base.locations import index_dir_for
from index.base.models import Article
from index.engine import (
    Searcher,
    SearcherPool,
    Store,
    UpdateLock,
    stored_article,
    stored_articles,
    update_lock_held,
)
from index.search.run import SearchResults, run_search
from index.store.links import links_rule
from index.store.live_store import FolderState, inspect_folder, open_live
from index.store.manifest import (
    Manifest,
    mark_damaged,
    read_meta,
)
from index.store.report import IndexReport, report

if TYPE_CHECKING:
    # The indexer pulls in the loader (YAML, Markdown): imported only to update, so a process
    # that opens an index to search starts faster.
    from index.store.indexer import BuildResult, Early, Progress
    from index.store.plan import Plan

DEFAULT_LOCK_TIMEOUT = 5.0
VERIFIED = "verified: every index file matches the checksum recorded when it was written"
# Reads of a store that another process switched or committed under them are tried again.
READ_ATTEMPTS = 3
_T = TypeVar("_T")


class CorpusIndex:
    """The index of one corpus. Thread-safe for searching; updates lock the index folder.

    The index lives in ``index_dir`` (never inside the corpus): ``meta.json`` names the corpus,
    ``manifest.json`` maps each corpus file to its stat, hash and article ids, and ``ix-*``
    folders hold the Whoosh store that the meta names.
    """

    def __init__(
        self,
        corpus: Path | str,
        index_dir: Path | str | None = None,
        *,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    ) -> None:
        folder = Path(corpus).expanduser()
        if not folder.is_dir():
            what = "corpus is not a folder" if folder.exists() else "corpus folder not found"
            raise CorpusNotFound(f"{what}: {folder}")
        self.corpus: Path = folder.resolve()
        self.index_dir: Path = index_dir_for(self.corpus, index_dir).expanduser().absolute()
        if self.index_dir.resolve().is_relative_to(self.corpus):
            raise IndexUnavailable(
                f"the index folder {self.index_dir} must be outside the corpus {self.corpus}"
            )
        self.lock_timeout = lock_timeout
        self._guard = threading.Lock()
        self._cached: tuple[str, Store] | None = None
        self._pool = SearcherPool()

    # -- state -------------------------------------------------------------------------------

    def needs_update(self) -> bool:
        """True when the corpus files differ (by size or mtime) from what was indexed, or the
        index is missing, damaged or belongs to another corpus."""
        from index.store.plan import plan_changes

        state = self._inspect()
        if state.manifest is None:
            return True
        with links_rule(self.index_dir):
            return not plan_changes(self.corpus, state.manifest, hash_changed=False).is_empty()

    # -- updating ----------------------------------------------------------------------------

    def update(
        self,
        rebuild: bool = False,
        progress: Progress | None = None,
        verify: bool = False,
        early: Early | None = None,
    ) -> IndexReport:
        """Bring the index in step with the corpus: only new, changed and deleted files are
        (re)indexed; an unchanged corpus opens no writer. ``rebuild`` forces a full build;
        ``verify`` reads every store file against its checksum (a damaged one is rebuilt).
        Symbolic links out of the corpus are followed as this run says, else as the index
        remembers (index/store/links.py). ``early``: a full build (a first start, a rebuild)
        hands it every article before writing the index (``Early``); other updates do not call
        it (``articles()`` after the update has them)."""
        with links_rule(self.index_dir, record=True):
            return self._update(rebuild, progress, verify, early)

    def _update(
        self, rebuild: bool, progress: Progress | None, verify: bool, early: Early | None
    ) -> IndexReport:
        from index.ingest.decode import max_file_bytes
        from index.store.plan import plan_changes

        max_file_bytes()  # a bad NEWSREADER_MAX_FILE_MB is one line here, before any worker
        try:
            self.index_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise IndexUnavailable(
                f"cannot create the index folder {self.index_dir}: {error.strerror or error}"
            ) from error
        started = time.monotonic()
        planned: tuple[Manifest, Plan] | None = None
        if not rebuild:
            # Fast path without the lock: an unchanged corpus does no work at all.
            state = self._inspect(verify)
            if state.manifest is not None:
                plan = plan_changes(self.corpus, state.manifest, hash_changed=False)
                if plan.is_empty():
                    seconds = time.monotonic() - started
                    note = VERIFIED if verify else None
                    return report(plan.unchanged_ids, state.manifest, 0, 0, 0, seconds, note)
                planned = (state.manifest, plan)
        with UpdateLock(self.index_dir, self.corpus, self.lock_timeout):
            try:
                result, note = self._update_locked(rebuild, progress, planned, verify, early)
            except NewsreaderError:
                raise
            except OSError as error:
                raise IndexUnavailable(
                    f"cannot write the index in {self.index_dir}: {error.strerror or error}"
                ) from error
        self._drop_searchers()
        with self._guard:
            self._cached = None
        return report(
            result.unchanged,
            result.manifest,
            result.added,
            result.updated,
            result.removed,
            time.monotonic() - started,
            "; ".join(n for n in (note or (VERIFIED if verify else None), result.note) if n)
            or None,
        )

    def _update_locked(
        self,
        rebuild: bool,
        progress: Progress | None,
        planned: tuple[Manifest, Plan] | None,
        verify: bool = False,
        early: Early | None = None,
    ) -> tuple[BuildResult, str | None]:
        from index.store.indexer import build_full, build_incremental

        # Again: another process may have updated meanwhile (a verified store needs no second
        # reading of every file).
        state = self._inspect(verify and planned is None)
        if rebuild or state.manifest is None:
            built = build_full(self.corpus, self.index_dir, progress, self.lock_timeout, early)
            return built, state.reason
        # The plan made before taking the lock holds if nobody changed the manifest meanwhile.
        cheap_plan = planned[1] if planned is not None and planned[0] == state.manifest else None
        try:
            result = build_incremental(
                self.corpus,
                self.index_dir,
                state.manifest,
                progress,
                self.lock_timeout,
                cheap_plan,
            )
        except (NewsreaderError, OSError):
            raise
        except Exception as error:  # noqa: BLE001 - damage the open-time checks did not see
            note = f"repaired a damaged index ({type(error).__name__} while updating it)"
            return build_full(self.corpus, self.index_dir, progress, self.lock_timeout), note
        return result, None

    def _inspect(self, verify: bool = False) -> FolderState:
        return inspect_folder(self.index_dir, self.corpus, verify)

    # -- reading -----------------------------------------------------------------------------

    def _open(self) -> Store:
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

    def _searcher(self) -> tuple[str, Searcher]:
        """A searcher of the live store (pooled) and the store's name."""
        ix = self._open()
        with self._guard:
            store = self._cached[0] if self._cached is not None else ""
        return store, self._pool.take(store, ix)

    def _release(self, store: str, searcher: Searcher) -> None:
        with self._guard:
            live = self._cached is not None and self._cached[0] == store
        self._pool.give(store, searcher, live)

    def _drop_searchers(self) -> None:
        self._pool.drop()

    def _damaged(self, error: Exception) -> IndexUnavailable:
        """Forget the open store and mark it damaged, so the next update rebuilds it."""
        self._drop_searchers()
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

    def _read(self, action: Callable[[], _T]) -> _T:
        """Run a read of the store; a store switched or changed under it by another process is
        read again (up to READ_ATTEMPTS), a damaged one is marked for repair."""
        for attempt in range(1, READ_ATTEMPTS + 1):
            try:
                return action()
            except NewsreaderError:
                raise
            except Exception as error:  # noqa: BLE001 - a damaged store fails in many ways
                if attempt < READ_ATTEMPTS and self._moved_on():
                    self.close()  # forget the old store without marking it damaged
                    time.sleep(0.05)
                    continue
                raise self._damaged(error) from error
        raise AssertionError("unreachable")

    def articles(self) -> list[Article]:
        """Every indexed article, rebuilt from its stored fields, sorted by id."""

        return sorted(self._read(lambda: stored_articles(self._open())), key=lambda a: a.id)

    def article(self, article_id: str) -> Article | None:
        def read() -> Article | None:
            store, searcher = self._searcher()
            found = stored_article(searcher, article_id)
            self._release(store, searcher)
            return found

        return self._read(read)

    def search(
        self, query: str, limit: int = 10, variants: Iterable[Sequence[str]] = ()
    ) -> SearchResults:
        """Search titles and bodies; raises QueryError for a malformed query. Each call has a
        searcher of its own (pooled), so worker threads may search concurrently. ``variants``:
        groups of a name's spellings known from comparisons (a name word finds them all)."""

        def read() -> SearchResults:
            store, searcher = self._searcher()
            try:
                results = run_search(searcher, query, limit, variants)
            except NewsreaderError:  # a QueryError leaves the searcher as good as it was
                self._release(store, searcher)
                raise
            self._release(store, searcher)
            return results

        return self._read(read)

    def close(self) -> None:
        self._drop_searchers()
        with self._guard:
            self._cached = None

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


__all__ = ["CorpusIndex", "IndexReport"]
