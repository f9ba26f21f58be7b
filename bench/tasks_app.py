"""Bench tasks of the analysis and the reader: grouping, regrouping, a comparison, first paint."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from task_kit import cpu_seconds, peak_mb, task, whoosh


@task
def events(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    from index import group_events

    t = time.perf_counter()
    articles = whoosh(work).articles()
    loaded = time.perf_counter() - t
    loaded_peak = peak_mb()
    t, cpu = time.perf_counter(), cpu_seconds()
    found = group_events(articles)
    return {
        "load_s": loaded,
        "seconds": time.perf_counter() - t,
        "cpu_s": cpu_seconds() - cpu,  # with the tokenizing workers'
        "load_peak_mb": loaded_peak,
        "events": len(found),
        "peak_mb": peak_mb(),
    }


@task
def events_regroup(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    """The app's grouping (cached_group_events) on an empty cache, then again with 100 new
    reports (the run's extra files, held in memory): the regrouping the app does after an
    update that added them."""
    import shutil

    from gen_corpus import extra_files

    from index import Article, cached_group_events

    articles = whoosh(work).articles()
    cache = work / "regroup-cache"
    shutil.rmtree(cache, ignore_errors=True)
    t, cpu = time.perf_counter(), cpu_seconds()
    first = cached_group_events(articles, cache)
    first_s, first_cpu = time.perf_counter() - t, cpu_seconds() - cpu
    extra = []
    for rel, text in extra_files(100, facts["seed"]).items():
        title, _, body = text.partition("\n\n")
        extra.append(Article(id=f"extra/{rel}", path=f"extra/{rel}", title=title, body=body))
    t, cpu = time.perf_counter(), cpu_seconds()
    again = cached_group_events(articles + extra, cache)
    regroup_s, regroup_cpu = time.perf_counter() - t, cpu_seconds() - cpu
    peak = peak_mb()
    # the incremental regrouping against a full grouping of the same 10,100 (B-cubed, the full
    # grouping as the gold): how much the events kept as they were drift from a full one
    from events_bcubed import bcubed

    from index import group_events

    full = group_events(articles + extra)
    gold = {a: e.id for e in full for a in e.article_ids}
    precision, recall, f1 = bcubed(again, gold)
    return {
        "articles": len(articles),
        "first_s": first_s,
        "first_cpu_s": first_cpu,
        "first_events": len(first),
        "regroup_s": regroup_s,
        "regroup_cpu_s": regroup_cpu,
        "regroup_events": len(again),
        "full_events": len(full),
        "same_events": len({e.article_ids for e in again} & {e.article_ids for e in full}),
        "bcubed_vs_full": [round(precision, 4), round(recall, 4), round(f1, 4)],
        "peak_mb": peak,
    }


@task
def compare_event(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    from index import AnalysisCache, compare

    ix = whoosh(work)
    articles = [a for a in (ix.article(i) for i in facts["compare_ids"]) if a is not None]
    cache = AnalysisCache()
    t = time.perf_counter()
    result = compare(articles, cache=cache)
    cold = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    compare(articles, cache=cache)
    warm = (time.perf_counter() - t) * 1000
    return {
        "articles": len(articles),
        "links": len(result.links),
        "cold_ms": cold,
        "warm_ms": warm,
        "peak_mb": peak_mb(),
    }


@task
def reader(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    import asyncio

    from reader_paint import first_paint

    figures = asyncio.run(first_paint(work / "corpus", work / "wix"))
    return {**figures, "peak_mb": peak_mb()}


@task
def reader_first_open(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    """The reader on the folder as a new user opens it: no index, no cache (both emptied); until
    the index is written (search ready), after the events are listed."""
    import asyncio
    import os
    import shutil

    from reader_paint import first_paint

    for folder in (work / "wix-first", work / "cache-first"):
        shutil.rmtree(folder, ignore_errors=True)
    os.environ["NEWSREADER_CACHE_DIR"] = str(work / "cache-first")
    t = cpu_seconds()
    figures = asyncio.run(first_paint(work / "corpus", work / "wix-first", until_indexed=True))
    return {**figures, "cpu_s": cpu_seconds() - t, "peak_mb": peak_mb()}
