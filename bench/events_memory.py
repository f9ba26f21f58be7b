"""Peak memory, wall and CPU time of event grouping in a fresh process that loads a corpus, then
groups it.

Usage: python bench/events_memory.py CORPUS [--stream] [--dump OUT.json] [--profile N] [--stages]
Prints the peak RSS (``ru_maxrss``) after loading and after grouping, the grouping's wall time,
its CPU time (this process and its tokenizing worker processes: on a shared machine the wall time
moves with the load, printed beside it) and the number of events, with the issue 14 targets.
``--dump`` writes the events (id, title, members, in order) as JSON, to diff two versions of the
grouping; ``--profile N`` prints the N costliest functions by cumulative time (cProfile).
``--stream`` loads nothing first: ``group_stream`` reads the corpus's files one at a time while
it groups (the wall and CPU then include reading the files), as a caller that does not hold the
articles would. ``--stages`` prints each stage's CPU (with the workers'), wall, peak RSS (Linux:
``VmHWM``, reset at each stage's start) and, at its end, the resident set and glibc's heap (bytes
in use, and free bytes the heap holds): the grouping's own functions are wrapped, a stage ends
when its function returns.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib
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
    """The corpus's articles, read a file at a time. The walk's paths wait as one string (a
    path holds no NUL): a list of 92,000 Path objects (100k) held through the reading was freed
    at its end among the reading's objects that live on, and its ~9 MB of pymalloc pages stayed
    with the process through the grouping."""
    listed = "\0".join(map(str, discover(root)))
    start = 0
    while start < len(listed):
        end = listed.find("\0", start)
        end = len(listed) if end < 0 else end
        yield from load_file(root, Path(listed[start:end]))[0]
        start = end + 1


def reader(root: Path) -> Callable[[Article], str]:
    """Reads an article's body again from its file (``group_stream`` needs a few)."""

    def body(article: Article) -> str:
        found = load_file(root, root / article.path)[0]
        return next(a.body for a in found if a.id == article.id)

    return body


class _Mallinfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()
        )
    ]


def _status(key: str) -> float:
    """A field of /proc/self/status, in MB (0 where there is none)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _heap() -> str:
    """glibc's heap (every arena): MB in use (mmapped blocks included), MB free in the heap."""
    try:
        info = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return ""
    info.restype = _Mallinfo2
    got = info()
    used, free = (got.uordblks + got.hblkhd) / 2**20, got.fordblks / 2**20
    return f"  heap in use {used:5.0f}  free {free:5.0f}"


# The grouping's stages, each ended by the return of a function: (module, name, stage)
_STAGES = [
    ("index.events.stream", "gather", "reading, tokenizing"),
    ("index.events.collapse", "gather", "reading, tokenizing"),
    ("index.events.stream", "source_families", "copies' families"),
    ("index.events.stream", "copy_families", "copies' families"),
    ("index.events.collapse", "source_families", "copies' families"),
    ("index.events.builder", "Builder.matrix", "matrix"),
    ("index.events.group", "nearest_neighbours", "neighbour search"),
    ("index.events.group", "relative_average_link", "linkage"),
    ("index.events.group", "_heads", "divisive check, heads"),
]


class Stages:
    """Prints a line per stage of the grouping (``--stages``); ``wrap`` wraps its functions."""

    def __init__(self) -> None:
        self.cpu, self.wall = cpu_seconds(), time.perf_counter()
        # resetting VmHWM resets ru_maxrss too: the whole run's peak is the stages' highest
        self.peak = peak_mb()

    def wrap(self) -> None:
        for module_name, name, stage in _STAGES:
            owner: object = importlib.import_module(module_name)
            *path, attribute = name.split(".")
            for part in path:
                owner = getattr(owner, part)
            if hasattr(owner, attribute):  # a stage another version names otherwise is not shown
                setattr(owner, attribute, self._timed(getattr(owner, attribute), stage))
        self.start()

    def _timed(self, function: Callable[..., object], stage: str) -> Callable[..., object]:
        def timed(*args: object, **kwargs: object) -> object:
            result = function(*args, **kwargs)
            self.end(stage)
            return result

        return timed

    def start(self) -> None:
        try:  # 5: reset the peak resident set (VmHWM) to the current one
            with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
                clear.write("5")
        except OSError:
            pass
        self.cpu, self.wall = cpu_seconds(), time.perf_counter()

    def end(self, stage: str) -> None:
        cpu, wall = cpu_seconds() - self.cpu, time.perf_counter() - self.wall
        self.peak = max(self.peak, peak_mb())
        print(
            f"  {stage:22s} CPU {cpu:6.1f} s  wall {wall:6.1f} s  peak {_status('VmHWM'):5.0f} MB"
            f"  after {_status('VmRSS'):5.0f} MB{_heap()}",
            flush=True,
        )
        self.start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--dump", type=Path, help="write the events here as JSON")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--stream", action="store_true", help="read the files while grouping")
    parser.add_argument("--stages", action="store_true", help="print each stage's time, peak")
    args = parser.parse_args()
    stages = Stages() if args.stages else None
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
    if stages is not None:
        stages.wrap()
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
    if stages is not None:
        stages.end("titles, events")
    print(
        f"articles {stream.seen}  events {len(events)}  wall {wall:.1f} s  CPU {cpu:.1f} s "
        f"(load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)  "
        f"peak RSS {loaded:.0f} MB {'before reading' if args.stream else 'after loading'}, "
        f"{max(peak_mb(), stages.peak if stages else 0.0):.0f} MB after grouping"
    )
    print("targets (issue 14): 10,000 articles <= 5 s wall; 100,000 <= 90 s wall, 400 MB peak")
    if args.dump:
        rows = [[e.id, e.title, list(e.article_ids)] for e in events]
        args.dump.write_text(json.dumps(rows, indent=0, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
