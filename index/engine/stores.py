"""Opening, checking, creating and locking the Whoosh store folders inside an index folder."""

from __future__ import annotations

import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeAlias

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex, LockError
from whoosh.util.filelock import FileLock

from index.base.errors import IndexUnavailable
from index.engine.checksums import FileSum, file_sums, sums_problem
from index.engine.schema import build_schema
from index.engine.segment_builder import Segment

STORE_PREFIX = "ix-"
UPDATE_LOCK = "update.lock"

# An opened store (a Whoosh index folder), held by the layers above without looking inside.
Store: TypeAlias = FileIndex


class Commit(Protocol):
    """What a store's last commit was recorded as (the manifest's store fields)."""

    @property
    def store_files(self) -> dict[str, int]: ...
    @property
    def generation(self) -> int: ...
    @property
    def doc_count(self) -> int: ...
    @property
    def store_sums(self) -> dict[str, FileSum]: ...


def new_store_name() -> str:
    """A fresh store folder name; a rebuild writes a new store and switches to it when done."""
    return f"{STORE_PREFIX}{time.time_ns():x}"


@dataclass(frozen=True)
class StoreCommit:
    """A store's latest commit as a manifest records it (and ``Commit`` reads it back)."""

    generation: int
    doc_count: int
    store_files: dict[str, int]
    store_sums: dict[str, FileSum]


def create_store(path: Path) -> Store:
    path.mkdir(parents=True, exist_ok=False)
    return FileStorage(str(path), supports_mmap=False).create_index(build_schema())


def open_store(path: Path) -> Store:
    """Open a store for reading or writing; supports_mmap=False keeps memory small (notes)."""
    return FileStorage(str(path), supports_mmap=False).open_index()


def commit_state(ix: Store, previous: Commit | None = None) -> StoreCommit:
    """What the store's latest commit is: its generation, documents, files and their sums
    (files of ``previous``, the commit before, unchanged since are not read again)."""
    files = committed_files(ix)
    folder = Path(ix.storage.folder)
    known = previous.store_sums if previous is not None else {}
    return StoreCommit(
        ix.latest_generation(), ix.doc_count(), files, file_sums(folder, list(files), known)
    )


def committed_files(ix: Store) -> dict[str, int]:
    """Name -> size of the files the latest commit consists of (its TOC and segment files)."""
    storage = ix.storage
    toc = ix._read_toc()
    names = [f"_{ix.indexname}_{toc.generation}.toc"]
    for segment in toc.segments:
        names.extend(segment.list_files(storage))
    return {name: storage.file_length(name) for name in sorted(set(names))}


def store_problem(path: Path, manifest: Commit, verify: bool = False) -> str | None:
    """Why the store at ``path`` does not match what the manifest recorded, or None if it does.

    Checks file sizes (catches truncation, missing TOC, appended garbage), checksums of files
    whose mtime moved (all with ``verify``: bytes changed in place), then opens the index and
    reads its first and last stored documents (catches garbage inside the files).
    """
    return check_store(path, manifest, verify)[1]


def check_store(
    path: Path, manifest: Commit, verify: bool = False
) -> tuple[Store | None, str | None]:
    """(the opened index, None) when the store matches the manifest, else (None, the reason):
    a reader keeps the index it checked instead of opening it twice. Each file's checksum is
    compared when its mtime moved since the commit, or with ``verify`` always."""
    if not path.is_dir():
        return None, "its store folder is missing"
    for name, size in manifest.store_files.items():
        try:
            actual = (path / name).stat().st_size
        except OSError:
            return None, f"{name} is missing"
        if actual != size:
            return None, f"{name} has {actual} bytes, expected {size}"
    problem = sums_problem(path, manifest.store_sums, verify)
    if problem:
        return None, problem
    try:
        ix = open_store(path)
        if ix.latest_generation() != manifest.generation:
            return None, "it was changed after its manifest was written"
        with ix.reader() as reader:
            if reader.doc_count() != manifest.doc_count:
                return None, "it holds a different number of articles than its manifest"
            _probe(reader)
    except Exception as error:  # noqa: BLE001 - any failure to read means "damaged"
        return None, f"it cannot be read ({type(error).__name__})"
    return ix, None


def _probe(reader: Any) -> None:
    """Read a few stored documents, a term list and a postings list, so garbage in the files
    raises here."""
    last = reader.doc_count_all() - 1
    for docnum in {0, last // 2, last} if last >= 0 else ():
        if not reader.is_deleted(docnum):
            reader.stored_fields(docnum)
    terms = [term for _, term in zip(range(3), reader.lexicon("body"), strict=False)]
    for term in terms[:1]:
        reader.postings("body", term).all_ids()


def remove_stores(index_dir: Path, keep: str | None) -> None:
    """Delete every store folder but ``keep`` (readers with open files keep them on POSIX)."""
    for child in index_dir.glob(f"{STORE_PREFIX}*"):
        if child.name != keep and child.is_dir():
            shutil.rmtree(child, ignore_errors=True)


class UpdateLock:
    """An exclusive lock on an index folder for the whole of one update (flock, cross-process).

    Waits up to ``timeout`` seconds, then raises IndexUnavailable naming the corpus.
    """

    def __init__(self, index_dir: Path, corpus: Path, timeout: float) -> None:
        self._lock = FileLock(str(index_dir / UPDATE_LOCK))
        self._corpus = corpus
        self._timeout = timeout

    def __enter__(self) -> UpdateLock:
        deadline = time.monotonic() + self._timeout
        while True:
            try:
                if self._lock.acquire(blocking=False):
                    return self
            except OSError as error:
                raise IndexUnavailable(
                    f"cannot lock the index of {self._corpus}: {error}"
                ) from error
            if time.monotonic() >= deadline:
                raise IndexUnavailable(f"another newsreader is indexing {self._corpus}; try again")
            time.sleep(0.1)

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def update_lock_held(index_dir: Path) -> bool:
    """Does an update (of this or another process) hold the index folder's lock right now?"""
    lock = FileLock(str(index_dir / UPDATE_LOCK))
    try:
        if lock.acquire(blocking=False):
            lock.release()
            return False
    except OSError:  # a read-only index folder: nobody can be writing it
        return False
    return True


class StoreWriter:
    """One update's writer of a store, with Whoosh's own write lock: documents deleted by path
    and added, then one commit (or cancel, which leaves the store as it was)."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def delete_path(self, path: str) -> None:
        """Delete every document of the corpus file ``path`` (all its ``path#n`` articles)."""
        self._writer.delete_by_term("path", path)

    def add(self, fields: Mapping[str, str]) -> None:
        """Add one document (``article_fields`` of an article)."""
        self._writer.add_document(**fields)

    def commit(self) -> None:
        self._writer.commit()

    def commit_segments(self, segments: list[Segment]) -> None:
        """Commit segments built beside the store (``SegmentBuilder``) as its new content."""
        commit_segments(self._writer, segments)

    def cancel(self) -> None:
        self._writer.cancel()


def open_writer(ix: Store, corpus: Path, timeout: float) -> StoreWriter:
    """Whoosh's own write lock, held by us under UpdateLock; a clash still gets a clear error.
    Incremental updates write through it; a full build only commits its workers' segments
    with it (``commit_segments``)."""
    try:
        # compound=False: each segment's parts stay separate files, read directly; a compound
        # file opened without mmap goes through a seek-per-read sub-file layer (slower queries).
        return StoreWriter(ix.writer(timeout=timeout, delay=0.1, limitmb=128, compound=False))
    except LockError as error:
        raise IndexUnavailable(f"another newsreader is indexing {corpus}; try again") from error


def commit_segments(writer: Any, segments: list[Segment]) -> None:
    """Commit segments written into the writer's store (index/engine/segment_builder.py) as its new
    content, beside the ones it has, the way Whoosh's multi-segment writer commits its workers':
    the writer's own segment is empty and dropped, the TOC lists the others."""
    writer._close_segment()
    writer._commit_toc(list(writer.segments) + segments)
    writer._finish()
