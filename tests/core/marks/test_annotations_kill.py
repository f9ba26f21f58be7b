"""Killing a process that is writing marks loses none of those it had reported as saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from index.marks.store import DB_NAME, AnnotationStore
from tests.helpers import REPO

pytestmark = pytest.mark.slow  # a crash test: CI runs it, `pytest -m "not slow"` skips it

WRITER = """
import sys
from index.marks.store import AnnotationStore
store = AnnotationStore.open(sys.argv[1])
n = 0
while True:
    n += 1
    mark = store.add("kill-corpus", f"a{n % 7}.md", n, n + 5, f"text {n}", note="x" * (n % 50))
    print(mark.id, flush=True)  # printed only after add() returned: the app's "saved"
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("after", [1, 40])
def test_sigkill_loses_no_confirmed_mark(tmp_path: Path, after: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)], env=env, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    confirmed = [int(proc.stdout.readline()) for _ in range(after)]
    proc.send_signal(signal.SIGKILL)  # mid-write: the writer never stops between marks
    proc.wait(timeout=10)
    # whatever was still buffered in the pipe was also confirmed before the kill
    confirmed += [int(line) for line in proc.stdout.read().split()]
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    with AnnotationStore(tmp_path / DB_NAME) as store:
        saved = {m.id: m for m in store.marks("kill-corpus")}
        assert set(confirmed) <= set(saved)
        for mark_id in confirmed:
            assert saved[mark_id].text == f"text {mark_id}"
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
