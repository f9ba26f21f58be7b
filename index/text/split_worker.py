"""Sentence splitting in a worker process (``python -m index.text.split_worker``): an article in,
its passages out. Splitting a long report takes seconds of pure Python; in a thread of the app
it shares the interpreter lock with the UI, which then answers keys several times slower."""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import Any

from index.base.models import Article, Passage
from index.base.processes import END, Child, Parent
from index.text.sentences import split_passages

POLL = 0.05  # seconds between two looks at ``cancel`` while the worker splits


def split_apart(article: Article, cancel: Callable[[], bool]) -> list[Passage] | None:
    """``split_passages(article)``, computed in a worker process; None when ``cancel()`` became
    true first (the worker is then stopped, killed if it does not end at once)."""
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
            passages: list[Passage] = message
            return passages
    finally:
        child.stop(wait=0.2)


def main() -> None:
    parent = Parent()
    article = parent.receive()
    if article is not None:
        parent.send(split_passages(article))


if __name__ == "__main__":
    main()
