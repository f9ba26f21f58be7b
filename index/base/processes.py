"""How newsreader starts worker processes: never by a bare fork of a process that has threads."""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.context import BaseContext


def process_context() -> BaseContext:
    """A start method safe in a process with threads (the app's workers are threads).

    A fork copies the one thread that forks, with every lock another thread held at that moment;
    a child forked from the app's worker thread died at exit with 'cannot join current thread'
    (issue 14: 4 of 7 first opens of a 5,000-article folder). ``forkserver`` forks children
    from a server process started once, single-threaded, from a fresh interpreter; ``spawn``
    starts a fresh interpreter per child (slower) where there is no forkserver.
    ``NEWSREADER_START_METHOD`` overrides (tests, or a platform where one of them misbehaves).
    """
    wanted = os.environ.get("NEWSREADER_START_METHOD", "").strip()
    methods = multiprocessing.get_all_start_methods()
    if wanted in methods:
        return multiprocessing.get_context(wanted)
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
