"""A full build's files loaded, hashed and indexed into segments, in worker processes or here.

Each worker loads and hashes its share of the files and adds their articles to a segment of
its own (index/engine/segment_builder.py); the parent only relays progress and collects the segments
and file records, so loading overlaps with indexing and no article is pickled between
processes.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import queue
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.base.errors import IndexUnavailable
from index.base.models import Article, Notice, Skipped
from index.engine import Segment, SegmentBuilder, article_fields, segment_builder
from index.ingest.decode import open_problem
from index.ingest.folder import printable
from index.ingest.loader import load_file_noticed as load_file
from index.ingest.longpath import stat_path
from index.store.manifest import FileRecord, is_racy

# ``load_file`` here is the loader that also names the files loaded damaged, kept under the name
# the worker-failure tests patch (tests/test_indexer_segments.py).

# Files a worker indexes between two progress reports.
BATCH = 20

Digest = Callable[[Path], str]
# Called with each file's relative path once it is indexed.
Done = Callable[[str], object]


class BuildFailed(IndexUnavailable):
    """A worker process failed or died; the build is abandoned. ``details``: its traceback."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def quietly(cleanup: Callable[[], object]) -> None:
    """Run a clean-up after a failure; its own failure (a full disk again) must not hide the
    first one, nor print a traceback from a worker process."""
    try:
        cleanup()
    except Exception:  # noqa: BLE001 - the failure being cleaned up after is what gets told
        pass


def stat_or_lstat(path: Path) -> os.stat_result | str | None:
    """The file's stat; a broken or looping symlink's own, so it is recorded with its reason;
    None when it vanished; the one-line reason when it cannot be looked at (a folder that can
    be listed but not entered)."""
    try:
        return stat_path(path)
    except OSError:
        pass
    try:
        return stat_path(path, follow_symlinks=False)
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            return None
        return open_problem(path, error)


def problem_record(rel: str, reason: str) -> FileRecord:
    """The record of a corpus entry that gave no article, only ``reason``."""
    return FileRecord(0, 0, "not-indexed", (), (Skipped(printable(rel), reason),))


def file_record(
    st: os.stat_result,
    file_hash: str,
    articles: list[Article],
    skipped: list[Skipped],
    notices: list[Notice] | None = None,
) -> FileRecord:
    """What the manifest records of a file read with ``st``."""
    return FileRecord(
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
        digest=file_hash,
        ids=tuple(a.id for a in articles),
        skipped=tuple(skipped),
        racy=is_racy(st.st_mtime_ns),
        notices=tuple(notices or ()),
    )


def _index_files(
    builder: SegmentBuilder,
    corpus: Path,
    files: list[tuple[str, Path]],
    digest: Digest,
    records: dict[str, FileRecord],
) -> None:
    for rel, path in files:
        st = stat_or_lstat(path)
        if st is None:
            continue  # vanished since the walk: not recorded, like a removed file
        if isinstance(st, str):
            records[rel] = problem_record(rel, st)
            continue
        file_hash = digest(path)
        articles, skipped, notices = load_file(corpus, path)
        for article in articles:
            builder.add(article_fields(article))
        records[rel] = file_record(st, file_hash, articles, skipped, notices)


def build_here(
    corpus: Path, store: Path, files: list[tuple[str, Path]], digest: Digest, done: Done
) -> tuple[list[Segment], dict[str, FileRecord]]:
    """Index ``files`` in this process: ([the segment] or [], records by relative path)."""
    builder = segment_builder(store)
    records: dict[str, FileRecord] = {}
    try:
        for item in files:
            _index_files(builder, corpus, [item], digest, records)
            done(item[0])
        segment = builder.finish()
    except BaseException:
        quietly(builder.cancel)  # the first error is the one to tell
        raise
    return ([] if segment is None else [segment]), records


def split_by_size(files: list[tuple[str, Path]], parts: int) -> list[list[tuple[str, Path]]]:
    """``files`` cut into ``parts`` contiguous shares of about the same number of bytes (a
    folder of long articles would otherwise keep one worker busy after the other is done)."""
    sizes = []
    for _rel, path in files:
        st = stat_or_lstat(path)
        sizes.append(1 + (st.st_size if isinstance(st, os.stat_result) else 0))
    total = sum(sizes)
    shares: list[list[tuple[str, Path]]] = []
    start = running = 0
    for index, size in enumerate(sizes):
        running += size
        if len(shares) < parts - 1 and running * parts >= total * (len(shares) + 1):
            shares.append(files[start : index + 1])
            start = index + 1
    shares.append(files[start:])
    return shares + [[] for _ in range(parts - len(shares))]


def _worker(
    corpus: Path,
    store: Path,
    digest: Digest,
    files: list[tuple[str, Path]],
    number: int,
    results: Any,
    parent: int,
) -> None:
    """A worker process: index ``files`` batch by batch, reporting each, then send its segment."""
    builder = segment_builder(store)
    try:
        for at in range(0, len(files), BATCH):
            if os.getppid() != parent:  # the parent was killed: nobody will read the results
                results.cancel_join_thread()
                builder.cancel()
                return
            batch = files[at : at + BATCH]
            records: dict[str, FileRecord] = {}
            _index_files(builder, corpus, batch, digest, records)
            results.put(("files", [rel for rel, _ in batch], records))
        results.put(("segment", number, builder.finish()))
    except BaseException:  # noqa: B036 - reported to the parent, which abandons the build
        report = traceback.format_exc()
        quietly(builder.cancel)  # on a full disk, closing its files fails again
        results.put(("error", report))


def build_parallel(
    corpus: Path,
    store: Path,
    files: list[tuple[str, Path]],
    digest: Digest,
    done: Done,
    procs: int,
) -> tuple[list[Segment], dict[str, FileRecord]]:
    """Index ``files`` in ``procs`` worker processes: (their segments, records by path).

    Each worker takes a contiguous share of the files (``split_by_size``), so documents keep
    the walk's order across the segments and a rebuild of the same corpus gives the same index
    (Whoosh's own multi-process writer deals batches to whichever worker is free; the
    some-words ranking, whose coordination factor counts the query's terms present in each
    segment, then varied from one build to the next)."""
    results: Any = multiprocessing.Queue()
    shares = split_by_size(files, procs)
    workers = [
        multiprocessing.Process(
            target=_worker,
            args=(corpus, store, digest, share, number, results, os.getpid()),
            daemon=True,
        )
        for number, share in enumerate(shares)
    ]
    for worker in workers:
        worker.start()
    segments: dict[int, Segment] = {}
    records: dict[str, FileRecord] = {}
    finished = 0
    try:
        while finished < len(workers):
            try:
                message = results.get(timeout=0.5)
            except queue.Empty:
                codes = [w.exitcode for w in workers]
                if any(code not in (None, 0) for code in codes):
                    raise BuildFailed(f"cannot index {corpus}: an indexing process died") from None
                if None not in codes and results.empty():
                    raise BuildFailed(
                        f"cannot index {corpus}: an indexing process ended without its segment"
                    ) from None
                continue
            if message[0] == "files":
                records.update(message[2])
                for rel in message[1]:
                    done(rel)
            elif message[0] == "segment":
                finished += 1
                if message[2] is not None:
                    segments[message[1]] = message[2]
            else:
                last = message[1].strip().splitlines()[-1]
                raise BuildFailed(
                    f"cannot index {corpus}: an indexing process failed ({last})", message[1]
                )
        for worker in workers:
            worker.join()
    except BaseException:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
        for worker in workers:
            worker.join()
        raise
    return [segments[k] for k in sorted(segments)], records
