"""One measurement per fresh process (run by run_bench.py): prints one JSON line of figures.

Usage: python bench/bench_tasks.py TASK WORKDIR   (WORKDIR holds corpus/ and queries.json)
Peak RSS is this process's (and its children's, for the writer processes) ru_maxrss.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

Task = Callable[[Path, dict[str, Any]], dict[str, Any]]
TASKS: dict[str, Task] = {}


def task(fn: Task) -> Task:
    TASKS[fn.__name__] = fn
    return fn


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024  # Linux reports KiB


def disk_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def latencies(run: Callable[[str, bool], object], facts: dict[str, Any]) -> dict[str, Any]:
    for q in facts["queries"][:10]:  # warm the caches a reader would have warm
        run(q, False)
    words, phrases, cpu_words, cpu_phrases = [], [], [], []
    for text, phrase, wall, cpu in [(q, False, words, cpu_words) for q in facts["queries"]] + [
        (p, True, phrases, cpu_phrases) for p in facts["phrases"]
    ]:
        t, c = time.perf_counter(), time.process_time()
        run(text, phrase)
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)  # steadier on a shared machine
    both = words + phrases
    return {
        "words_p50": statistics.median(words),
        "words_p95": pct(words, 0.95),
        "phrase_p50": statistics.median(phrases),
        "phrase_p95": pct(phrases, 0.95),
        "all_p50": statistics.median(both),
        "all_p95": pct(both, 0.95),
        "cpu_words_p50": statistics.median(cpu_words),
        "cpu_words_p95": pct(cpu_words, 0.95),
        "cpu_phrase_p50": statistics.median(cpu_phrases),
        "cpu_phrase_p95": pct(cpu_phrases, 0.95),
    }


# -- Whoosh (the product's own CorpusIndex) --------------------------------------------------


def _whoosh(work: Path) -> Any:
    from index import CorpusIndex

    return CorpusIndex(work / "corpus", work / "wix")


@task
def whoosh_build(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    t = time.perf_counter()
    report = _whoosh(work).update(rebuild=True)
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
    ix = _whoosh(work)
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
    report = _whoosh(work).update()
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


# -- analysis and the reader ------------------------------------------------------------------


@task
def events(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    from index import group_events

    t = time.perf_counter()
    articles = _whoosh(work).articles()
    loaded = time.perf_counter() - t
    loaded_peak = peak_mb()
    t, cpu = time.perf_counter(), _cpu()
    found = group_events(articles)
    return {
        "load_s": loaded,
        "seconds": time.perf_counter() - t,
        "cpu_s": _cpu() - cpu,  # with the tokenizing workers'
        "load_peak_mb": loaded_peak,
        "events": len(found),
        "peak_mb": peak_mb(),
    }


def _cpu() -> float:
    """CPU seconds of this process and its finished children (tokenizing workers)."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@task
def events_regroup(work: Path, facts: dict[str, Any]) -> dict[str, Any]:
    """The app's grouping (cached_group_events) on an empty cache, then again with 100 new
    reports (the run's extra files, held in memory): the regrouping the app does after an
    update that added them."""
    import shutil

    from gen_corpus import extra_files

    from index import Article, cached_group_events

    articles = _whoosh(work).articles()
    cache = work / "regroup-cache"
    shutil.rmtree(cache, ignore_errors=True)
    t, cpu = time.perf_counter(), _cpu()
    first = cached_group_events(articles, cache)
    first_s, first_cpu = time.perf_counter() - t, _cpu() - cpu
    extra = []
    for rel, text in extra_files(100, facts["seed"]).items():
        title, _, body = text.partition("\n\n")
        extra.append(Article(id=f"extra/{rel}", path=f"extra/{rel}", title=title, body=body))
    t, cpu = time.perf_counter(), _cpu()
    again = cached_group_events(articles + extra, cache)
    regroup_s, regroup_cpu = time.perf_counter() - t, _cpu() - cpu
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

    ix = _whoosh(work)
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
    t = _cpu()
    figures = asyncio.run(first_paint(work / "corpus", work / "wix-first", until_indexed=True))
    return {**figures, "cpu_s": _cpu() - t, "peak_mb": peak_mb()}


def main(argv: list[str]) -> int:
    name, work = argv[0], Path(argv[1])
    facts = json.loads((work / "queries.json").read_text(encoding="utf-8"))
    print(json.dumps(TASKS[name](work, facts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
