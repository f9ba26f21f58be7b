"""The bench tasks' registry and the measures they share (peak RSS, CPU, disk, latencies)."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def cpu_seconds() -> float:
    """CPU seconds of this process and its finished children (tokenizing workers)."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def whoosh(work: Path) -> Any:
    """The product's own index of the work folder's corpus."""
    from index import CorpusIndex

    return CorpusIndex(work / "corpus", work / "wix")
