"""Provides LoopMeter: the UI thread's CPU time, per event-loop callback and per key press.

Wall-clock key latency on this shared 2-core machine follows the other processes' load; the CPU
the UI thread itself spends does not (much). A key waits behind whatever the loop runs first, so
the longest callback in thread CPU time, and the UI thread's CPU between a key reaching the app
and its answer, are the load-independent figures printed beside the wall ones.
"""

from __future__ import annotations

import asyncio.events
import gc
import threading
import time
from collections.abc import Callable
from typing import Any


class LoopMeter:
    """Times, in the loop thread's CPU (``time.thread_time``), every callback the event loop runs
    on that thread while ``on`` is true: the longest few are kept with their callback's name."""

    def __init__(self, keep: int = 5) -> None:
        self.on = False
        self.keep = keep
        self.longest: list[tuple[float, str]] = []  # (cpu ms, callback), longest first
        self._thread = threading.get_ident()
        original: Callable[[Any], None] = asyncio.events.Handle._run
        meter = self

        def run(handle: Any) -> None:
            # Handle._run runs every callback and task step of the loop (TimerHandle too).
            if not meter.on or threading.get_ident() != meter._thread:
                original(handle)
                return
            start = time.thread_time()
            original(handle)
            meter._note((time.thread_time() - start) * 1000, handle)

        asyncio.events.Handle._run = run  # type: ignore[method-assign]
        self._original = original
        self.collections: list[tuple[float, str]] = []  # full collections: (ms, thread)
        self._collecting = 0.0
        gc.callbacks.append(self._collected)

    def _collected(self, phase: str, info: dict[str, Any]) -> None:
        # A full collection holds the GIL: the loop waits for it whichever thread started it.
        if not self.on or info["generation"] != 2:
            return
        if phase == "start":
            self._collecting = time.perf_counter()
        else:
            ms = (time.perf_counter() - self._collecting) * 1000
            self.collections.append((ms, threading.current_thread().name))

    def _note(self, ms: float, handle: Any) -> None:
        if len(self.longest) >= self.keep and ms <= self.longest[-1][0]:
            return
        self.longest = sorted([*self.longest, (ms, name_of(handle))], reverse=True)[: self.keep]

    def start(self) -> None:
        """Forget what was measured and measure from now."""
        self.longest, self.collections = [], []
        self.on = True

    def close(self) -> None:
        """Stop measuring and put the loop's callbacks back as they were."""
        self.on = False
        asyncio.events.Handle._run = self._original  # type: ignore[method-assign]
        gc.callbacks.remove(self._collected)

    def worst_ms(self) -> float:
        """The longest callback's CPU so far, in ms."""
        return self.longest[0][0] if self.longest else 0.0


def name_of(handle: Any) -> str:
    """What a loop callback runs: a task's coroutine (and the widget whose messages it handles)."""
    callback = getattr(handle, "_callback", None)
    owner = getattr(callback, "__self__", None)  # a task step: name the coroutine
    coro = getattr(owner, "get_coro", lambda: None)()
    name = getattr(coro, "__qualname__", None) or getattr(callback, "__qualname__", "?")
    frame = getattr(coro, "cr_frame", None)  # a message pump's loop: name the widget
    pump = None if frame is None else frame.f_locals.get("self")
    if pump is not None:
        name = f"{name} of {type(pump).__name__}"
    return str(name)


def cpu_now() -> float:
    """This thread's CPU time in seconds (the loop thread's, called from a coroutine)."""
    return time.thread_time()
