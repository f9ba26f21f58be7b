"""Peak memory and CPU of event grouping in a fresh process that loads a corpus, then groups it.

Usage: python bench/events_memory.py CORPUS [--dump OUT.json] [--profile N]
Prints the peak RSS (``ru_maxrss``) after loading and after grouping, the grouping's CPU time
(``time.process_time``, not wall time: the machine is shared) and the number of events.
``--dump`` writes the events (id, title, members, in order) as JSON, to diff two versions of the
grouping; ``--profile N`` prints the N costliest functions by cumulative time (cProfile).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index import (
    group_events,  # noqa: E402
    load_corpus,  # noqa: E402
)


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
    start = time.process_time()
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        events = profiler.runcall(group_events, articles)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    else:
        events = group_events(articles)
    cpu = time.process_time() - start
    print(
        f"articles {len(articles)}  events {len(events)}  CPU {cpu:.1f} s  "
        f"peak RSS {loaded:.0f} MB after loading, {peak_mb():.0f} MB after grouping"
    )
    if args.dump:
        rows = [[e.id, e.title, list(e.article_ids)] for e in events]
        args.dump.write_text(json.dumps(rows, indent=0, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
