"""A full build's worker processes (index/store/build_worker.py, fresh interpreters: safe to
start from the app's threads, index/base/processes.py), each failure retried once in a new
worker, and a share that fails twice indexed in this process; the build goes on, and its note
says what happened (the app shows it, the CLI prints it). With ``Early``, the workers send what
they read and index it only once the caller's ``loaded`` has returned."""

from __future__ import annotations

import errno
import queue
from pathlib import Path
from typing import Any

from index.base.models import Article
from index.base.processes import END, Child
from index.engine import Segment
from index.store import parallel_build
from index.store.build_worker import GO
from index.store.manifest import FileRecord
from index.store.parallel_build import BuildFailed, Digest, Done, Early, Read, by_id

# A worker that failed is started again once; a second failure of its share indexes it here.
ATTEMPTS = 2
WAIT = 5.0  # seconds a worker has to exit once done, or once stopped, before it is killed


class _Build:
    """The state of one parallel build: its shares, their attempts, what came back."""

    def __init__(
        self,
        corpus: Path,
        store: Path,
        digest: Digest,
        done: Done,
        shares: list[list[Any]],
        early: Early | None,
    ) -> None:
        self.corpus, self.store, self.digest, self.done = corpus, store, digest, done
        self.shares = shares
        self.early = early
        # Held builds: what each file gave, until ``early.loaded`` has them all (then the
        # workers are told GO and this is emptied: the caller holds the articles).
        self.read: dict[str, list[Article]] = {}
        self.total = sum(len(share) for share in shares)
        self.released = early is None
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
        hold = self.early is not None
        worker.send((self.corpus, self.store, self.digest, self.shares[share], self.load, hold))
        if hold and self.released:
            worker.send(GO)  # a share started again after the articles were handed over
        self.running[share] = worker

    def took_read(self, read: Read) -> None:
        """A held worker read these files; once every file is read, hand the articles over."""
        if self.early is None or self.released:
            return  # handed over already: a share started again reads its files again
        for rel, articles in read:
            first = rel not in self.read
            self.read[rel] = articles  # replaces what a failed attempt sent
            if first:
                self.early.reading(len(self.read), self.total, rel)
        self.release_if_read()

    def release_if_read(self) -> None:
        if self.early is None or self.released or len(self.read) < self.total:
            return
        self.released = True
        articles = by_id(self.read.values())
        self.read.clear()
        self.early.loaded(articles)  # the caller's work (grouping) has the cores meanwhile
        for worker in self.running.values():
            worker.send(GO)

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
        found: list[Article] = []
        early = None if self.early is None else Early(lambda *_: None, found.extend)
        try:
            segments, records = parallel_build.build_here(
                self.corpus, self.store, self.shares[share], self.digest,
                lambda rel: self.report([rel]), self.load, early,
            )  # fmt: skip
        except OSError:
            raise  # the build's own handling (a full disk: the partial store removed, one line)
        except Exception as error:  # noqa: BLE001 - one line, as a worker's failure was
            message = f"{type(error).__name__}: {error}".strip().splitlines()[0]
            raise BuildFailed(f"cannot index {self.corpus}: {message}") from error
        self.records.update(records)
        if segments:
            self.segments[share] = segments[0]
        # read here: its articles replace any a failed worker sent (all under its first file)
        rels = [rel for rel, _path in self.shares[share]]
        self.took_read([(rel, []) for rel in rels[1:]] + [(rels[0], found)] if rels else [])

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
        elif message[0] == "read":
            self.records.update(message[2])
            self.took_read(message[1])
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
    early: Early | None = None,
) -> tuple[list[Segment], dict[str, FileRecord], str | None]:
    """Index ``files`` in ``procs`` worker processes: (their segments, records by path, a note
    when a worker failed).

    Each worker takes a contiguous share of the files (``split_by_size``), so documents keep
    the walk's order across the segments and a rebuild of the same corpus gives the same index
    (Whoosh's own multi-process writer deals batches to whichever worker is free; the
    some-words ranking, whose coordination factor counts the query's terms present in each
    segment, then varied from one build to the next). A share indexed again (a new worker, or
    here) keeps its place in that order.

    ``early``: the workers send what they read; once every file is read, ``early.loaded`` has
    the articles, and when it returns they index them (Early's docstring)."""
    shares = parallel_build.split_by_size(files, procs)
    build = _Build(corpus, store, digest, done, shares, early)
    try:
        for share in range(len(build.shares)):
            build.start(share)
        build.release_if_read()  # no file at all: nothing to wait for
        while build.running:
            build.take(*build.inbox.get())
    except BaseException:
        for share in list(build.running):
            build.stop(share)
        raise
    segments = [build.segments[k] for k in sorted(build.segments)]
    return segments, build.records, build.note()
