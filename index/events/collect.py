"""The terms of a stream of articles gathered into the TF-IDF matrix, here and in worker processes.

Articles are read once, a batch at a time; of each only its id, its title and its terms are
kept, so a caller streaming 100,000 articles from the index never holds their bodies at once.
With more than one core, worker processes tokenize the batches while this process reads the
next ones and gathers their rows; it tokenizes only while they start, and a dead one's. Which
process tokenized a batch changes nothing: terms are named by strings, rows sorted by id.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice
from typing import Any

import numpy as np

from index.base.env import env_number
from index.base.models import Article
from index.base.processes import END, Child
from index.events.builder import Builder
from index.events.features import Matrix
from index.events.shingles import Shingles
from index.events.store import StoreReader, StoreWriter
from index.events.terms import Rows, Text, Tokenizer

# Articles tokenized together (one numpy pass sums their counts)
BATCH = 256
# Below this many articles worker processes cost more than they save (start-up ~0.3 s)
PARALLEL_MIN = 3000
# Batches a worker holds at a time: one it tokenizes, one waiting in its pipe
AHEAD = 2
WAIT = 5.0  # seconds a stopped worker has to exit before it is killed
# Batches this process tokenizes itself while its workers start (~0.3 s: a batch takes ~0.2 s)
START = 2
# The last batches of a known number of articles are smaller: a process's last queued batches
# are then short and the processes end close together (10k, one worker and this process: this
# one waited 0.35-0.64 s for the worker's last two batches, one core idle; 0.24-0.29 s after)
TAIL = 3


def batches(articles: Iterable[Article], size: int | None = None) -> Iterator[list[Article]]:
    """``articles`` ``size`` (BATCH) at a time; of a list, the last TAIL batches' worth in
    quarters."""
    size = BATCH if size is None else size
    total = len(articles) if isinstance(articles, (list, tuple)) else None
    it = iter(articles)
    done = 0
    while True:
        step = size if total is None or total - done > TAIL * size else max(1, size // 4)
        if not (chunk := list(islice(it, step))):
            return
        done += len(chunk)
        yield chunk


def _texts(chunk: list[Article]) -> list[Text]:
    return [(a.title, a.body, a.published) for a in chunk]


class _Source:
    """A tokenizer's feature ids mapped to the builder's, extended as it names new features."""

    def __init__(self, builder: Builder, contents: Mapping[str, bytes] | None) -> None:
        self.builder = builder
        self.contents = contents
        self.mapping = np.zeros(0, dtype=np.int32)

    def add(
        self, chunk: list[Article], rows: Rows, names: list[str], shingles: Sequence[Shingles]
    ) -> None:
        """``chunk``'s rows and shingles, and the names its tokenizer gave features since the
        last batch."""
        if names:
            self.mapping = np.r_[self.mapping, self.builder.mapping(names)]
        hashes = None if self.contents is None else [self.contents[a.id] for a in chunk]
        ids, titles = [a.id for a in chunk], [a.title for a in chunk]
        self.builder.add(ids, titles, rows, self.mapping, hashes, shingles)


class _Here(_Source):
    """Tokenizes in this process."""

    def __init__(self, builder: Builder, contents: Mapping[str, bytes] | None) -> None:
        super().__init__(builder, contents)
        self.tokenizer = Tokenizer()

    def tokenize(self, chunk: list[Article]) -> None:
        known = len(self.tokenizer.vocabulary)
        rows, shingles = self.tokenizer.terms(_texts(chunk))
        self.add(chunk, rows, self.tokenizer.vocabulary[known:], shingles)


def workers_for(count: int | None) -> int:
    """Worker processes for ``count`` articles (None: not known yet): one per core, up to 4,
    with two cores or more; none for small corpora. ``NEWSREADER_EVENT_PROCS`` overrides."""
    env = env_number("NEWSREADER_EVENT_PROCS")
    if env is not None:
        return min(int(env), 8)
    cores = os.cpu_count() or 1
    if (count is not None and count < PARALLEL_MIN) or cores < 2:
        return 0
    return min(4, cores)


def collect(
    articles: Iterable[Article],
    workers: int | None = None,
    contents: Mapping[str, bytes] | None = None,
    known: StoreReader | None = None,
    sink: StoreWriter | None = None,
) -> tuple[list[str], list[str], Matrix]:
    """(article ids in id order, their titles, their rows in that order). ``workers``: worker
    processes (None: ``workers_for`` the number of articles tokenized). With ``contents`` (each
    article's content digest by id): the rows ``known`` holds are taken from it, not tokenized,
    and every row is written to ``sink``."""
    return gather(articles, workers, contents, known, sink).matrix()


def gather(
    articles: Iterable[Article],
    workers: int | None = None,
    contents: Mapping[str, bytes] | None = None,
    known: StoreReader | None = None,
    sink: StoreWriter | None = None,
) -> Builder:
    """``collect``'s terms, and each article's sampled shingles (``Builder.sampled``, for
    copies.py), made in the same pass by the same processes; ``Builder.matrix`` makes the
    matrix, of all or of some of the articles."""
    builder = Builder(sink)
    if contents is not None and known is not None:
        articles = _take_known(articles, builder, contents, known)
    stream = batches(articles)
    size = len(articles) if isinstance(articles, (list, tuple)) else None
    # of a stream of unknown length, the first batches say whether workers are worth starting
    head = list(islice(stream, PARALLEL_MIN // BATCH)) if size is None else []
    if size is None and len(head) < PARALLEL_MIN // BATCH:
        size = sum(map(len, head))
    count = workers_for(size) if workers is None else workers
    chunks = chain(_handed(head), stream)
    here = _Here(builder, contents)
    if count:
        _parallel(chunks, here, count)
    else:
        for chunk in chunks:
            here.tokenize(chunk)
    # this process's tokenizer let go now (100k streamed: its tables and arrays, ~9 MB, were held
    # through the neighbour search); it holds no reference cycle, so no collection is needed
    del here, chunks
    return builder


def _handed(held: list[list[Article]]) -> Iterator[list[Article]]:
    """The batches ``held``, each let go as it is handed out: the first batches, read to count
    the articles, were held with their texts until the reading ended (100k: ~2,800 articles)."""
    held.reverse()
    while held:
        yield held.pop()


def _take_known(
    articles: Iterable[Article],
    builder: Builder,
    contents: Mapping[str, bytes],
    known: StoreReader,
) -> list[Article]:
    """Add the rows ``known`` holds to ``builder``; the articles left to tokenize."""
    found: list[tuple[Article, int]] = []
    fresh: list[Article] = []
    for article in articles:
        row = known.rows.get(contents[article.id])
        if row is None or known.shingles(contents[article.id]) is None:
            fresh.append(article)
        else:
            found.append((article, row))
    if found:
        mapping = builder.mapping(known.vocabulary)
        for at in range(0, len(found), 16 * BATCH):
            part = found[at : at + 16 * BATCH]
            chunk = [a for a, _ in part]
            rows = known.take([r for _, r in part])
            hashes = [contents[a.id] for a in chunk]
            shingles = [known.sampled[h] for h in hashes]
            ids, titles = [a.id for a in chunk], [a.title for a in chunk]
            builder.add(ids, titles, rows, mapping, hashes, shingles)
    return fresh


def _parallel(chunks: Iterable[list[Article]], here: _Here, count: int) -> None:
    """Tokenize ``chunks`` in ``count`` worker processes (index/events/worker.py) and here. A
    worker that fails or dies is given nothing more; the batches it held are tokenized here."""
    inbox: queue.Queue[tuple[Any, Any]] = queue.Queue()
    workers = [Child("index.events.worker", inbox, w) for w in range(count)]
    senders = [_Sender(child, inbox, w) for w, child in enumerate(workers)]
    sources = [_Source(here.builder, here.contents) for _ in range(count)]
    held: list[dict[int, list[Article]]] = [{} for _ in range(count)]
    alive = set(range(count))
    answered: set[int] = set()  # workers that sent rows back: started and tokenizing
    early = 0  # batches tokenized here while no worker had answered

    def lost(w: int) -> None:
        alive.discard(w)
        for chunk in held[w].values():
            here.tokenize(chunk)
        held[w].clear()

    def take(w: int, message: Any) -> None:
        if message is END:
            if w in alive:
                lost(w)
            return
        answered.add(w)
        number, rows, names, shingles = message
        chunk = held[w].pop(number, None)
        if chunk is not None and w in alive:
            sources[w].add(chunk, rows, names, shingles)

    try:
        for number, chunk in enumerate(chunks):
            while True:
                try:
                    take(*inbox.get_nowait())
                except queue.Empty:
                    break
            free = [w for w in sorted(alive) if len(held[w]) < AHEAD]
            while alive and not free and (answered or early >= START):
                # wait for a worker rather than tokenize here: this process's tokenizer tables
                # and their garbage stayed in its heap (100k: ~150 MB at the grouping's peak)
                take(*inbox.get())
                free = [w for w in sorted(alive) if len(held[w]) < AHEAD]
            w = min(free, key=lambda w: len(held[w])) if free else None
            if w is None:  # the workers are starting, or every one died: this one stays here
                early += 1
                here.tokenize(chunk)
                continue
            held[w][number] = chunk
            senders[w].post((number, _texts(chunk)))
        for w in alive:
            senders[w].post(None)
        while any(held[w] for w in alive):
            take(*inbox.get())
    finally:
        for sender in senders:
            sender.close(WAIT)
        for worker in workers:
            worker.stop(WAIT)


class _Sender:
    """Writes a worker's batches from a thread of its own. A pipe holds 64 KB and a batch is
    about 1 MB, so a direct write waits until the worker has read it, i.e. finished the batch
    before: this process then waited instead of tokenizing (4.2 s of a 10k grouping's 6.5 s
    of collecting were spent blocked in writes, one core idle)."""

    def __init__(self, child: Child, inbox: queue.Queue[tuple[Any, Any]], tag: int) -> None:
        self.child, self.inbox, self.tag = child, inbox, tag
        self.queue: queue.Queue[Any] = queue.Queue()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def post(self, message: Any) -> None:
        self.queue.put(message)

    def _run(self) -> None:
        while (message := self.queue.get()) is not _STOP:
            if not self.child.send(message):
                self.inbox.put((self.tag, END))  # it can no longer read: its batches come back
                return
            if message is None:
                return

    def close(self, wait: float) -> None:
        self.queue.put(_STOP)
        self.thread.join(wait)


_STOP = object()
