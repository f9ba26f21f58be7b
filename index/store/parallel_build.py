"""A full build's files loaded, hashed and indexed into a segment, here or in a worker process.

Each worker (index/store/build_workers.py) loads and hashes its share of the files and adds their
articles to a segment of its own (index/engine/segment_builder.py), so loading overlaps with
indexing and no article is pickled between processes.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from index.base.errors import IndexUnavailable
from index.base.models import Article, Notice, Skipped
from index.engine import Segment, SegmentBuilder, article_fields, segment_builder
from index.ingest.decode import open_problem
from index.ingest.folder import printable
from index.ingest.loader import load_file_noticed as load_file
from index.ingest.longpath import stat_path
from index.store.manifest import FileRecord, is_racy

# ``load_file`` here is the loader that also names the files loaded damaged. LOADER is the one
# the builds use, handed to the worker processes by reference: the worker-failure tests put a
# failing loader of their own there (tests/core/store/test_build_workers.py).
Loader = Callable[[Path, Path], tuple[list[Article], list[Skipped], list[Notice]]]
LOADER: Loader = load_file

# Files a worker indexes between two progress reports.
BATCH = 20

Digest = Callable[[Path], str]
# Called with each file's relative path once it is indexed.
Done = Callable[[str], object]
# ``progress(done, total, path)``; the return value is ignored (a UI may pass post_message).
Progress = Callable[[int, int, str], object]
# What the files of a batch gave: (relative path, its articles), in the walk's order.
Read = list[tuple[str, list[Article]]]


@dataclass(frozen=True)
class Early:
    """A full build's first look at the corpus, for a caller that needs the articles, not the
    index (grouping events needs their text only).

    ``reading(done, total, path)`` as files are read; then ``loaded(articles)`` once, with every
    article the build will index (sorted by id, as ``CorpusIndex.articles()`` gives them),
    before any is indexed. The build indexes once ``loaded`` returns: what the caller does
    there has the cores to itself (the worker processes wait, holding what they read).
    """

    reading: Progress
    loaded: Callable[[list[Article]], object]


def by_id(read: Iterable[list[Article]]) -> list[Article]:
    """Every article of the files read, in ``CorpusIndex.articles()``'s order (by id)."""
    return sorted((a for found in read for a in found), key=lambda a: a.id)


class BuildFailed(IndexUnavailable):
    """A build cannot go on (a share failed in two workers and here too, or the disk is full);
    it is abandoned and the old index kept. ``details``: a worker's traceback, if any."""

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


def read_files(
    corpus: Path,
    files: list[tuple[str, Path]],
    digest: Digest,
    records: dict[str, FileRecord],
    load: Loader,
) -> Read:
    """Load and hash ``files``, recording each in ``records``: what each one gave."""
    read: Read = []
    for rel, path in files:
        st = stat_or_lstat(path)
        if st is None:
            read.append((rel, []))
            continue  # vanished since the walk: not recorded, like a removed file
        if isinstance(st, str):
            records[rel] = problem_record(rel, st)
            read.append((rel, []))
            continue
        file_hash = digest(path)
        articles, skipped, notices = load(corpus, path)
        records[rel] = file_record(st, file_hash, articles, skipped, notices)
        read.append((rel, articles))
    return read


def add_read(builder: SegmentBuilder, read: Read) -> None:
    """Add the articles of files read to ``builder``, in order."""
    for _rel, articles in read:
        for article in articles:
            builder.add(article_fields(article))


def index_files(
    builder: SegmentBuilder,
    corpus: Path,
    files: list[tuple[str, Path]],
    digest: Digest,
    records: dict[str, FileRecord],
    load: Loader,
) -> None:
    """Load, hash and add ``files`` to ``builder``, recording each in ``records``."""
    add_read(builder, read_files(corpus, files, digest, records, load))


def build_here(
    corpus: Path,
    store: Path,
    files: list[tuple[str, Path]],
    digest: Digest,
    done: Done,
    load: Loader | None = None,
    early: Early | None = None,
) -> tuple[list[Segment], dict[str, FileRecord]]:
    """Index ``files`` in this process: ([the segment] or [], records by relative path). With
    ``early``, every file is read first and handed to it, then indexed."""
    builder = segment_builder(store)
    records: dict[str, FileRecord] = {}
    load = load or LOADER
    try:
        if early is None:
            for item in files:
                index_files(builder, corpus, [item], digest, records, load)
                done(item[0])
        else:
            read: Read = []
            for count, item in enumerate(files, start=1):
                read += read_files(corpus, [item], digest, records, load)
                early.reading(count, len(files), item[0])
            early.loaded(by_id(articles for _rel, articles in read))
            for rel, articles in read:
                add_read(builder, [(rel, articles)])
                done(rel)
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
