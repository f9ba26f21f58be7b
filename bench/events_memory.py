"""Peak memory, wall and CPU time of event grouping in a fresh process that loads a corpus, then
groups it.

Usage: python bench/events_memory.py CORPUS [--stream] [--dump OUT.json] [--profile N]
Prints the peak RSS (``ru_maxrss``) after loading and after grouping, the grouping's wall time,
its CPU time (this process and its tokenizing worker processes: on a shared machine the wall time
moves with the load, printed beside it) and the number of events, with the issue 14 targets.
``--dump`` writes the events (id, title, members, in order) as JSON, to diff two versions of the
grouping; ``--profile N`` prints the N costliest functions by cumulative time (cProfile).
``--stream`` loads nothing first: ``group_stream`` reads the corpus's files one at a time while
it groups (the wall and CPU then include reading the files), as a caller that does not hold the
articles would.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index import (  # noqa: E402
    Article,
    Event,
    discover,
    group_events,
    group_stream,
    load_corpus,
    load_file,
)


def cpu_seconds() -> float:
    """CPU of this process and its finished children (the tokenizing workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


class Counted:
    """The articles, counted as they are read (a stream has no length)."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles, self.seen = articles, 0

    def __iter__(self) -> Iterator[Article]:
        for article in self.articles:
            self.seen += 1
            yield article


def files(root: Path) -> Iterator[Article]:
    """The corpus's articles, read a file at a time."""
    for path in discover(root):
        yield from load_file(root, path)[0]


def reader(root: Path) -> Callable[[Article], str]:
    """Reads an article's body again from its file (``group_stream`` needs a few)."""

    def body(article: Article) -> str:
        found = load_file(root, root / article.path)[0]
        return next(a.body for a in found if a.id == article.id)

    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--dump", type=Path, help="write the events here as JSON")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--stream", action="store_true", help="read the files while grouping")
    args = parser.parse_args()
    stream = Counted(files(args.corpus))
    if args.stream:

        def run() -> list[Event]:
            return group_stream(stream, reader(args.corpus))

    else:
        articles, _ = load_corpus(args.corpus)
        stream.seen = len(articles)

        def run() -> list[Event]:
            return group_events(articles)

    loaded = peak_mb()
    load = os.getloadavg()[0]
    start, wall = cpu_seconds(), time.perf_counter()
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        events = profiler.runcall(run)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    else:
        events = run()
    wall = time.perf_counter() - wall
    cpu = cpu_seconds() - start
    print(
        f"articles {stream.seen}  events {len(events)}  wall {wall:.1f} s  CPU {cpu:.1f} s "
        f"(load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)  "
        f"peak RSS {loaded:.0f} MB {'before reading' if args.stream else 'after loading'}, "
        f"{peak_mb():.0f} MB after grouping"
    )
    print("targets (issue 14): 10,000 articles <= 5 s wall; 100,000 <= 90 s wall, 400 MB peak")
    if args.dump:
        rows = [[e.id, e.title, list(e.article_ids)] for e in events]
        args.dump.write_text(json.dumps(rows, indent=0, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
