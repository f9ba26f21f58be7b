"""Bench tasks of search: the product's Whoosh index and SQLite FTS5 beside it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from task_kit import disk_mb, latencies, peak_mb, task, whoosh


@task
def whoosh_build(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    t = time.perf_counter()
    report = whoosh(work).update(rebuild=True)
    seconds = time.perf_counter() - t
    docs = report.added
    return {
        "seconds": seconds,
        "docs": docs,
        "docs_per_s": docs / seconds,
        "disk_mb": disk_mb(work / "wix"),
        "peak_mb": peak_mb(),
    }


@task
def whoosh_queries(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    ix = whoosh(work)
    out = latencies(lambda q, phrase: ix.search(f'"{q}"' if phrase else q, limit=10), facts)
    return {**out, "peak_mb": peak_mb()}


@task
def whoosh_cold(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    """A fresh process: import the modules (timed apart), open the index, answer one query."""
    t = time.perf_counter()
    from index import CorpusIndex

    imported = time.perf_counter()
    ix = CorpusIndex(work / "corpus", work / "wix")
    hits = ix.search(facts["queries"][0], limit=10)
    done = time.perf_counter()
    return {
        "ms": (done - imported) * 1000,
        "import_ms": (imported - t) * 1000,
        "hits": len(hits.hits),
        "peak_mb": peak_mb(),
    }


@task
def whoosh_update(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    t = time.perf_counter()
    report = whoosh(work).update()
    return {
        "seconds": time.perf_counter() - t,
        "summary": report.summary_line(),
        "peak_mb": peak_mb(),
    }


# -- SQLite FTS5 ------------------------------------------------------------------------------


@task
def fts_build(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    import fts_engine

    t = time.perf_counter()
    docs = fts_engine.build(work / "corpus", work / "fts.sqlite")
    seconds = time.perf_counter() - t
    return {
        "seconds": seconds,
        "docs": docs,
        "docs_per_s": docs / seconds,
        "disk_mb": disk_mb(work / "fts.sqlite"),
        "peak_mb": peak_mb(),
    }


@task
def fts_queries(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    import fts_engine

    con = fts_engine.connect(work / "fts.sqlite")
    out = latencies(lambda q, phrase: fts_engine.search(con, q, phrase), facts)
    return {**out, "peak_mb": peak_mb()}


@task
def fts_cold(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    t = time.perf_counter()
    import fts_engine

    imported = time.perf_counter()
    con = fts_engine.connect(work / "fts.sqlite")
    hits = fts_engine.search(con, facts["queries"][0])
    done = time.perf_counter()
    return {
        "ms": (done - imported) * 1000,
        "import_ms": (imported - t) * 1000,
        "hits": len(hits),
        "peak_mb": peak_mb(),
    }


@task
def fts_update(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    import fts_engine

    t = time.perf_counter()
    touched = fts_engine.update(work / "corpus", work / "fts.sqlite")
    return {"seconds": time.perf_counter() - t, "summary": f"{touched} files", "peak_mb": peak_mb()}
