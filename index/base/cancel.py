"""Cancelling long analysis from another thread: a callback checked between chunks of work.

A caller (the app's compare worker) passes ``cancel``, a function returning True once the result
is no longer wanted (the user left the screen); the analysis calls ``checkpoint()`` between
chunks (a paragraph split, a batch of pairs scored, a report's facts) and stops there with
``Cancelled``. The callback travels in a context variable, so the passes between the caller
and the loops need no extra parameter, and each thread sees only its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from index.base.errors import NewsreaderError

Cancel = Callable[[], bool]

_CANCEL: ContextVar[Cancel | None] = ContextVar("newsreader_cancel", default=None)


class Cancelled(NewsreaderError):
    """The analysis was stopped at a checkpoint because its caller no longer wants it."""

    def __init__(self) -> None:
        super().__init__("cancelled")


@contextmanager
def cancellable(cancel: Cancel | None) -> Iterator[None]:
    """Within this block, ``checkpoint()`` raises Cancelled once ``cancel()`` returns True
    (an enclosing block's callback still counts)."""
    if cancel is None:
        yield
        return
    outer = _CANCEL.get()
    both: Cancel = cancel if outer is None else (lambda: outer() or cancel())
    token = _CANCEL.set(both)
    try:
        yield
    finally:
        _CANCEL.reset(token)


def checkpoint() -> None:
    """Raise Cancelled if the current caller asked to stop; costs a context lookup otherwise."""
    cancel = _CANCEL.get()
    if cancel is not None and cancel():
        raise Cancelled
