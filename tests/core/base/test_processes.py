"""Worker processes run below their parent's priority: the cores go first to what a user awaits."""

from __future__ import annotations

import os
import queue
from typing import Any

import pytest

from index.base.processes import END, WORKER_NICE, Child


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")
def test_a_worker_runs_below_its_parents_priority() -> None:
    inbox: queue.Queue[tuple[Any, Any]] = queue.Queue()
    child = Child("tests.core.base.nice_worker", inbox, "w")
    try:
        tag, niceness = inbox.get(timeout=60)
        assert tag == "w" and niceness != END
        # os.nice caps at 19: a parent already at 15 or more gets a worker at 19
        assert niceness == min(19, os.nice(0) + WORKER_NICE)
    finally:
        child.stop()
