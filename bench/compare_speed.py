"""Cold and warm timings of compare() on synthetic events or real articles.

Usage:
  python bench/compare_speed.py                      # synthetic: 10 articles x 40 sentences
  python bench/compare_speed.py --articles 20 --sentences 30
  python bench/compare_speed.py PATH                 # every article of a folder (seeds, corpus)

Cold = fresh cache and every per-text memo of index/ forgotten (split, align, conflicts, claims,
variants); warm = the same call again.
Targets (issue 3 section 7): 10 x 40 cold <= 300 ms, warm <= 50 ms, on one core.
"""

from __future__ import annotations

import argparse
import functools
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import (  # noqa: E402
    AnalysisCache,
    Article,
    align,
    clear_caches,
    compare,
    load_corpus,
    split_passages,
)

_WHO = [
    "The minister",
    "Police",
    "The agency",
    "Officials",
    "A spokesman",
    "The mayor",
    "Rescuers",
    "The governor",
    "Witnesses",
    "The company",
]
_VERB = ["said", "reported", "confirmed", "denied", "announced", "warned"]
_WHAT = [
    "the bridge was closed",
    "{n} people were evacuated",
    "the talks would resume",
    "the fire had spread to {n} homes",
    "the vote was postponed",
    "the port reopened",
    "{n} flights were cancelled",
    "the border crossing stayed shut",
    "aid had arrived",
    "the storm weakened overnight",
    "the suspect was arrested",
    "prices rose {n} percent",
]
_WHEN = ["on Monday", "on Tuesday", "late on Friday", "last week", "this morning", "at noon"]
_WHERE = [
    "in Lisbon",
    "near the harbour",
    "in the northern province",
    "at the airport",
    "in the capital",
    "along the coast",
    "in Kharkiv",
    "in Busan",
]


def synthetic(n_articles: int, n_sentences: int, seed: int = 7) -> list[Article]:
    """Reports sharing about half their facts (some edited), the rest their own."""
    rng = random.Random(seed)

    def fact() -> str:
        return (
            f"{rng.choice(_WHO)} {rng.choice(_VERB)} {rng.choice(_WHEN)} that "
            f"{rng.choice(_WHAT).format(n=rng.randint(2, 5000))} {rng.choice(_WHERE)}."
        )

    shared = [fact() for _ in range(n_sentences)]
    articles = []
    for k in range(n_articles):
        lines = []
        for i in range(n_sentences):
            if rng.random() < 0.5:
                s = shared[i]
                if rng.random() < 0.3:
                    s = s.replace(" said ", " told reporters ").replace("on Monday", "Monday")
                lines.append(s)
            else:
                lines.append(fact())
        articles.append(
            Article(
                id=f"synthetic/{k:02d}.txt",
                path=f"synthetic/{k:02d}.txt",
                title=f"Synthetic report {k}",
                body="\n\n".join(lines),
            )
        )
    return articles


def clear_index_caches() -> None:
    """Forget every per-text memo of the core (features, sentences, conflict checks, names), so
    a cold run pays for all of it, as a fresh process opening the event does."""
    clear_caches()
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(
            obj, "__module__", ""
        ).startswith("index."):
            obj.cache_clear()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): CPU time is what one core spends, and moves
    less than wall time when other jobs share the machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _line(name: str, runs: list[tuple[float, float]]) -> str:
    walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
    return (
        f"  {name:<13} wall median {_ms(statistics.median(walls))} (min {_ms(min(walls))}), "
        f"CPU median {_ms(statistics.median(cpus))} (min {_ms(min(cpus))})"
    )


def time_compare(articles: list[Article], repeats: int = 5) -> None:
    cold, warm, align_only = [], [], []
    result = compare(articles, cache=AnalysisCache())
    for _ in range(repeats):
        cache = AnalysisCache()
        clear_index_caches()
        cold.append(_timed(lambda: compare(articles, cache=cache)))  # noqa: B023
        warm.append(_timed(lambda: compare(articles, cache=cache)))  # noqa: B023
        by_article = {a.id: split_passages(a) for a in articles}
        clear_index_caches()
        align_only.append(_timed(lambda: align(by_article)))  # noqa: B023
    print(
        f"{len(articles)} articles, {len(result.passages)} passages, {len(result.links)} links, "
        f"{sum(bool(lk.conflicts) for lk in result.links)} with conflicts"
    )
    print(_line("cold compare", cold))
    print(_line("warm compare", warm))
    print(_line("align only", align_only))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "path", nargs="?", type=Path, help="a folder of articles (default: synthetic)"
    )
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--sentences", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    if args.path:
        articles, _skipped = load_corpus(args.path)
        print(f"real articles from {args.path}")
    else:
        articles = synthetic(args.articles, args.sentences)
        print(f"synthetic: {args.articles} articles x {args.sentences} sentences")
    time_compare(articles, args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
