"""Sentence splitting in a worker process (``python -m index.text.split_worker``): an article in,
its sentences' offsets out. Splitting a long report takes seconds of pure Python; in a thread of
the app it shares the interpreter lock with the UI, which then answers keys several times slower.

The offsets come back as one flat array, not as Passage objects: unpickling 57,000 passages of a
5 MB report held the interpreter lock in one call, and kept 57,000 more objects for every full
garbage collection of the app to visit (docs/performance.md)."""

from __future__ import annotations

import queue
from array import array
from collections.abc import Callable
from typing import Any

from index.base.models import Article
from index.base.processes import END, Child, Parent
from index.text.sentences import split_sentences

POLL = 0.05  # seconds between two looks at ``cancel`` while the worker splits


def split_apart(article: Article, cancel: Callable[[], bool]) -> array[int] | None:
    """The offsets of ``split_sentences(article.body)``, computed in a worker process, flat:
    start, end, start, end, ... (``split_passages`` makes the same passages of them); None when
    ``cancel()`` became true first (the worker is then stopped, killed if it does not end at
    once)."""
    inbox: queue.Queue[tuple[Any, Any]] = queue.Queue()
    child = Child("index.text.split_worker", inbox, 0)
    try:
        if not child.send(article):
            raise RuntimeError("the sentence worker could not be started")
        while True:
            try:
                _tag, message = inbox.get(timeout=POLL)
            except queue.Empty:
                if cancel():
                    return None
                continue
            if message is END:
                raise RuntimeError("the sentence worker ended without an answer")
            offsets: array[int] = message
            return offsets
    finally:
        child.stop(wait=0.2)


def main() -> None:
    parent = Parent()
    article = parent.receive()
    if article is not None:
        parent.send(array("q", [x for span in split_sentences(article.body) for x in span]))


if __name__ == "__main__":
    main()
