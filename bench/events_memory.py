"""Peak memory, wall and CPU time of event grouping in a fresh process that loads a corpus, then
groups it.

Usage: python bench/events_memory.py CORPUS [--dump OUT.json] [--profile N]
Prints the peak RSS (``ru_maxrss``) after loading and after grouping, the grouping's wall time,
its CPU time (this process and its tokenizing worker processes: on a shared machine the wall time
moves with the load, printed beside it) and the number of events, with the issue 14 targets.
``--dump`` writes the events (id, title, members, in order) as JSON, to diff two versions of the
grouping; ``--profile N`` prints the N costliest functions by cumulative time (cProfile).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index import (
    group_events,  # noqa: E402
    load_corpus,  # noqa: E402
)


def cpu_seconds() -> float:
    """CPU of this process and its finished children (the tokenizing workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--dump", type=Path, help="write the events here as JSON")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    args = parser.parse_args()
    articles, _ = load_corpus(args.corpus)
    loaded = peak_mb()
    load = os.getloadavg()[0]
    start, wall = cpu_seconds(), time.perf_counter()
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        events = profiler.runcall(group_events, articles)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    else:
        events = group_events(articles)
    wall = time.perf_counter() - wall
    cpu = cpu_seconds() - start
    print(
        f"articles {len(articles)}  events {len(events)}  wall {wall:.1f} s  CPU {cpu:.1f} s "
        f"(load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)  "
        f"peak RSS {loaded:.0f} MB after loading, {peak_mb():.0f} MB after grouping"
    )
    print("targets (issue 14): 10,000 articles <= 5 s wall; 100,000 <= 90 s wall, 400 MB peak")
    if args.dump:
        rows = [[e.id, e.title, list(e.article_ids)] for e in events]
        args.dump.write_text(json.dumps(rows, indent=0, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
