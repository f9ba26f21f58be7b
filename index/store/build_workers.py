"""A full build's worker processes (index/store/build_worker.py, fresh interpreters: safe to
start from the app's threads, index/base/processes.py), each failure retried once in a new
worker, and a share that fails twice indexed in this process; the build goes on, and its note
says what happened (the app shows it, the CLI prints it)."""

from __future__ import annotations

import errno
import queue
from pathlib import Path
from typing import Any

from index.base.processes import END, Child
from index.engine import Segment
from index.store import parallel_build
from index.store.manifest import FileRecord
from index.store.parallel_build import BuildFailed, Digest, Done

# A worker that failed is started again once; a second failure of its share indexes it here.
ATTEMPTS = 2
WAIT = 5.0  # seconds a worker has to exit once done, or once stopped, before it is killed


class _Build:
    """The state of one parallel build: its shares, their attempts, what came back."""

    def __init__(
        self, corpus: Path, store: Path, digest: Digest, done: Done, shares: list[list[Any]]
    ) -> None:
        self.corpus, self.store, self.digest, self.done = corpus, store, digest, done
        self.shares = shares
        self.load = parallel_build.LOADER
        self.attempt = [0] * len(shares)
        self.inbox: queue.Queue[tuple[Any, Any]] = queue.Queue()
        self.running: dict[int, Child] = {}
        self.segments: dict[int, Segment] = {}
        self.records: dict[str, FileRecord] = {}
        self.reported: set[str] = set()
        self.failures: list[str] = []
        self.here: list[int] = []

    def report(self, rels: list[str]) -> None:
        for rel in rels:  # a retried share sends its files again: counted once
            if rel not in self.reported:
                self.reported.add(rel)
                self.done(rel)

    def start(self, share: int) -> None:
        self.attempt[share] += 1
        # messages are tagged (share, attempt): a late one of a failed attempt is known
        worker = Child("index.store.build_worker", self.inbox, (share, self.attempt[share]))
        worker.send((self.corpus, self.store, self.digest, self.shares[share], self.load))
        self.running[share] = worker

    def stop(self, share: int) -> None:
        self.running.pop(share).stop(WAIT)

    def failed(self, share: int, reason: str, details: str = "") -> None:
        self.stop(share)
        self.failures.append(reason)
        if _out_of_space(details):  # another process would fill the same disk
            raise BuildFailed(f"cannot index {self.corpus}: {reason}", details)
        if self.attempt[share] < ATTEMPTS:
            self.start(share)
            return
        self.here.append(share)
        try:
            segments, records = parallel_build.build_here(
                self.corpus, self.store, self.shares[share], self.digest,
                lambda rel: self.report([rel]), self.load,
            )  # fmt: skip
        except OSError:
            raise  # the build's own handling (a full disk: the partial store removed, one line)
        except Exception as error:  # noqa: BLE001 - one line, as a worker's failure was
            message = f"{type(error).__name__}: {error}".strip().splitlines()[0]
            raise BuildFailed(f"cannot index {self.corpus}: {message}") from error
        self.records.update(records)
        if segments:
            self.segments[share] = segments[0]

    def take(self, tag: tuple[int, int], message: Any) -> None:
        share, attempt = tag
        if share not in self.running or attempt != self.attempt[share]:
            return  # from an attempt that already failed
        if message is END:  # its output ended before its segment: it died or broke
            code = self.running[share].exitcode(WAIT)
            if code not in (None, 0):
                self.failed(share, f"an indexing process died (exit code {code})")
            else:
                self.failed(share, "an indexing process ended without its segment")
        elif message[0] == "files":
            self.records.update(message[2])
            self.report(message[1])
        elif message[0] == "segment":
            self.stop(share)
            if message[1] is not None:
                self.segments[share] = message[1]
        else:
            last = message[1].strip().splitlines()[-1]
            self.failed(share, f"an indexing process failed ({last})", message[1])

    def note(self) -> str | None:
        if not self.failures:
            return None
        first = self.failures[0]
        if self.here:
            return f"indexed part of the corpus in one process: {first}, twice"
        return f"{first}; indexed again by a new process"


def _out_of_space(details: str) -> bool:
    return any(f"[Errno {n}]" in details for n in (errno.ENOSPC, errno.EDQUOT))


def build_parallel(
    corpus: Path,
    store: Path,
    files: list[tuple[str, Path]],
    digest: Digest,
    done: Done,
    procs: int,
) -> tuple[list[Segment], dict[str, FileRecord], str | None]:
    """Index ``files`` in ``procs`` worker processes: (their segments, records by path, a note
    when a worker failed).

    Each worker takes a contiguous share of the files (``split_by_size``), so documents keep
    the walk's order across the segments and a rebuild of the same corpus gives the same index
    (Whoosh's own multi-process writer deals batches to whichever worker is free; the
    some-words ranking, whose coordination factor counts the query's terms present in each
    segment, then varied from one build to the next). A share indexed again (a new worker, or
    here) keeps its place in that order."""
    build = _Build(corpus, store, digest, done, parallel_build.split_by_size(files, procs))
    try:
        for share in range(len(build.shares)):
            build.start(share)
        while build.running:
            build.take(*build.inbox.get())
    except BaseException:
        for share in list(build.running):
            build.stop(share)
        raise
    segments = [build.segments[k] for k in sorted(build.segments)]
    return segments, build.records, build.note()
