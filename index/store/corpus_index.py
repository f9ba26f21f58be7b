"""CorpusIndex: the on-disk Whoosh index of a corpus folder, kept in step with it, searched."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from index.base.errors import CorpusNotFound, IndexUnavailable, NewsreaderError
from index.base.locations import index_dir_for
from index.base.models import Article
from index.engine import Store, UpdateLock, stored_article, stored_articles
from index.search.run import SearchResults, run_search
from index.store.links import links_rule
from index.store.live_store import FolderState, inspect_folder
from index.store.manifest import Manifest
from index.store.reading import LiveReader
from index.store.report import IndexReport, report

if TYPE_CHECKING:
    # The indexer pulls in the loader (YAML, Markdown): imported only to update, so a process
    # that opens an index to search starts faster.
    from index.store.indexer import BuildResult, Early, Progress
    from index.store.plan import Plan

DEFAULT_LOCK_TIMEOUT = 5.0
VERIFIED = "verified: every index file matches the checksum recorded when it was written"


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
        self._reader = LiveReader(self.index_dir, self.corpus)

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
        self._reader.forget()
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
        """The live store's index object (``LiveReader.open``)."""
        return self._reader.open()

    def articles(self) -> list[Article]:
        """Every indexed article, rebuilt from its stored fields, sorted by id."""

        return sorted(
            self._reader.read(lambda: stored_articles(self._reader.open())), key=lambda a: a.id
        )

    def article(self, article_id: str) -> Article | None:
        def read() -> Article | None:
            store, searcher = self._reader.searcher()
            found = stored_article(searcher, article_id)
            self._reader.release(store, searcher)
            return found

        return self._reader.read(read)

    def search(
        self, query: str, limit: int = 10, variants: Iterable[Sequence[str]] = ()
    ) -> SearchResults:
        """Search titles and bodies; raises QueryError for a malformed query. Each call has a
        searcher of its own (pooled), so worker threads may search concurrently. ``variants``:
        groups of a name's spellings known from comparisons (a name word finds them all)."""

        def read() -> SearchResults:
            store, searcher = self._reader.searcher()
            try:
                results = run_search(searcher, query, limit, variants)
            except NewsreaderError:  # a QueryError leaves the searcher as good as it was
                self._reader.release(store, searcher)
                raise
            self._reader.release(store, searcher)
            return results

        return self._reader.read(read)

    def close(self) -> None:
        self._reader.forget()

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
