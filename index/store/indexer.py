"""Building and incrementally updating a corpus's Whoosh store, with one writer per update."""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from index.base.env import env_number
from index.base.errors import IndexUnavailable
from index.base.models import Article
from index.engine import (
    SCHEMA_VERSION,
    Store,
    StoreWriter,
    article_fields,
    commit_state,
    create_store,
    new_store_name,
    open_store,
    open_writer,
    remove_stores,
)
from index.ingest.folder import walk
from index.ingest.loader import load_file_noticed, relative_id
from index.store.build_workers import build_parallel
from index.store.manifest import (
    FileRecord,
    Manifest,
    Meta,
    clear_damaged,
    read_meta,
    write_manifest,
    write_meta,
)
from index.store.parallel_build import (
    BuildFailed,
    Early,
    Progress,
    build_here,
    file_record,
    quietly,
)
from index.store.plan import Plan, file_digest, hash_checked, plan_changes, problems

# Below this many files a second worker process costs more than it saves (1k generated
# articles, 920 files: 2.95 s CPU in two workers vs 2.45 s in one process, no faster).
PARALLEL_MIN_FILES = 1000


@dataclass(frozen=True)
class BuildResult:
    manifest: Manifest
    added: int
    updated: int
    removed: int
    unchanged: int
    seconds: float
    note: str | None = None  # what went wrong on the way and was overcome (a worker failed)


def writer_procs(files: int) -> int:
    """Worker processes for a full build: 2 for large corpora on 2+ cores (more would make
    more segments for every query to visit); ``NEWSREADER_INDEX_PROCS`` overrides (1: none,
    the build runs in this process)."""
    env = env_number("NEWSREADER_INDEX_PROCS")
    if env is not None:
        return min(int(env), 8)
    return 2 if files >= PARALLEL_MIN_FILES and (os.cpu_count() or 1) >= 2 else 1


def _load(corpus: Path, path: Path, st: os.stat_result) -> tuple[FileRecord, list[Article]]:
    digest = file_digest(path)
    articles, skipped, notices = load_file_noticed(corpus, path)
    return file_record(st, digest, articles, skipped, notices), articles


def _finish(
    ix: Store,
    corpus: Path,
    store: str,
    files: dict[str, FileRecord],
    previous: Manifest | None = None,
) -> Manifest:
    commit = commit_state(ix, previous)  # sums of the files this commit wrote
    return Manifest(
        corpus=str(corpus),
        schema_version=SCHEMA_VERSION,
        store=store,
        generation=commit.generation,
        doc_count=commit.doc_count,
        store_files=commit.store_files,
        store_sums=commit.store_sums,
        files=files,
    )


def build_full(
    corpus: Path,
    index_dir: Path,
    progress: Progress | None,
    lock_timeout: float,
    early: Early | None = None,
) -> BuildResult:
    """Index every file into a fresh store, then switch the meta to it and drop the old ones.

    Files are loaded and indexed by ``writer_procs`` worker processes (or here, for small
    corpora), each writing a segment of its own; one commit makes them the store's content.
    ``early`` has every article once read, before any is indexed (parallel_build.Early)."""
    started = time.monotonic()
    # Stores of builds that were killed or failed: never more than one partial store on disk.
    remove_stores(index_dir, keep=_live_store(index_dir))
    store = new_store_name()
    writer: StoreWriter | None = None
    try:
        ix = create_store(index_dir / store)
        paths, errors = walk(corpus)
        files = problems(corpus, errors)
        work = [(relative_id(corpus, path), path) for path in paths]
        done = _counter(progress, len(work))
        writer = open_writer(ix, corpus, lock_timeout)  # Whoosh's lock, and the TOC's commit
        procs = writer_procs(len(paths))
        note = None
        if procs > 1:
            built = build_parallel(corpus, index_dir / store, work, file_digest, done, procs, early)
            segments, records, note = built
        else:
            segments, records = build_here(
                corpus, index_dir / store, work, file_digest, done, early=early
            )
        files.update((rel, records[rel]) for rel, _ in work if rel in records)
        writer.commit_segments(segments)
        manifest = _finish(ix, corpus, store, files)
        write_manifest(index_dir, manifest)
        write_meta(index_dir, Meta(str(corpus), SCHEMA_VERSION, store))
    except BaseException as error:
        if writer is not None:
            quietly(writer.cancel)
        if _live_store(index_dir) != store:  # the new store never went live: it goes
            remove_stores(index_dir, keep=_live_store(index_dir))
        if _out_of_space(error):
            raise IndexUnavailable(
                f"not enough disk space for the index in {index_dir}: the partial index was"
                " removed; free some space and run again"
            ) from error
        raise
    clear_damaged(index_dir)
    remove_stores(index_dir, keep=store)
    added = sum(len(rec.ids) for rec in files.values())
    return BuildResult(manifest, added, 0, 0, 0, time.monotonic() - started, note)


def _out_of_space(error: BaseException) -> bool:
    """Did a build fail for lack of disk space (here, or in a worker process)?"""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(error, BuildFailed):
        return any(f"[Errno {n}]" in error.details for n in (errno.ENOSPC, errno.EDQUOT))
    return False


def _counter(progress: Progress | None, total: int) -> Callable[[str], object]:
    """``progress(done, total, path)`` called once per file, in the order files finish."""
    count = 0

    def done(rel: str) -> None:
        nonlocal count
        count += 1
        if progress is not None:
            progress(count, total, rel)

    return done


def _live_store(index_dir: Path) -> str | None:
    meta = read_meta(index_dir)
    return None if meta is None else meta.store


def build_incremental(
    corpus: Path,
    index_dir: Path,
    manifest: Manifest,
    progress: Progress | None,
    lock_timeout: float,
    cheap_plan: Plan | None = None,
) -> BuildResult:
    """Apply new, changed and removed files to the live store with one writer and one commit;
    a changed file's old articles (all its ``path#n``) are deleted before its new ones go in.

    ``cheap_plan``: a ``plan_changes(hash_changed=False)`` just made against this same
    manifest, so the corpus is not walked and stat'ed a second time."""
    started = time.monotonic()
    plan = (
        plan_changes(corpus, manifest, hash_changed=True)
        if cheap_plan is None
        else hash_checked(cheap_plan, manifest)
    )
    files = dict(plan.kept)
    if not (plan.new or plan.changed or plan.removed or plan.dropped):
        new_manifest = replace(manifest, files=files, damage_checked=True)
        if plan.touched:
            write_manifest(index_dir, new_manifest)
        return BuildResult(new_manifest, 0, 0, 0, plan.unchanged_ids, time.monotonic() - started)

    old_ids = {i for rel, _, _ in plan.changed for i in manifest.files[rel].ids}
    old_ids |= {i for rel in plan.removed + plan.dropped for i in manifest.files[rel].ids}
    new_ids: set[str] = set()
    ix = open_store(index_dir / manifest.store)
    writer = open_writer(ix, corpus, lock_timeout)
    work = plan.changed + plan.new
    try:
        for rel in plan.removed + plan.dropped:
            writer.delete_path(rel)
        for done, (rel, path, st) in enumerate(work, start=1):
            if rel in manifest.files:
                writer.delete_path(rel)
            record, articles = _load(corpus, path, st)
            for article in articles:
                writer.add(article_fields(article))
            new_ids.update(record.ids)
            files[rel] = record
            if progress is not None:
                progress(done, len(work), rel)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    new_manifest = _finish(ix, corpus, manifest.store, files, manifest)
    write_manifest(index_dir, new_manifest)
    # Stores of rebuilds killed half-way are never live: drop them (we hold the update lock).
    remove_stores(index_dir, keep=manifest.store)
    return BuildResult(
        new_manifest,
        added=len(new_ids - old_ids),
        updated=len(new_ids & old_ids),
        removed=len(old_ids - new_ids),
        unchanged=plan.unchanged_ids,
        seconds=time.monotonic() - started,
    )


__all__ = ["BuildResult", "Early", "Progress", "build_full", "build_incremental", "writer_procs"]
