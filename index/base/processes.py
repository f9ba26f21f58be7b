"""Worker processes: fresh interpreters (``python -m MODULE``) that talk in pickles over pipes.

Why not ``multiprocessing``: its ``fork`` copies only the forking thread, with every lock and
thread pool the other threads held; the app builds its index from a thread, and the forked
writers died at exit with 'cannot join current thread' (issue 14: 4 of 7 first opens of a
5,000-article folder failed). Its ``spawn`` and ``forkserver`` run the caller's main script
again in every worker, which in a script without an ``if __name__ == "__main__"`` guard starts
the caller's own work over in each one. A worker here is the caller's own child, imports only
its module (with the caller's import path, so a test's module is found too) and sees its parent
die (``parent_alive``).
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from typing import Any, BinaryIO

END = object()  # put in the inbox when a worker's output ends (it exited or broke its pipe)
# How much lower a worker's priority is than its parent's: workers are background work, and the
# cores go first to the process a user waits on (a first start's UI thread got half a core
# while the tokenizing and index writers ran, and its keys waited twice their CPU time)
WORKER_NICE = 5


def _env() -> dict[str, str]:
    env = dict(os.environ)
    paths = [p for p in sys.path if p and os.path.isdir(p)]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


class Child:
    """One worker process; what it sends arrives in ``inbox`` as (tag, message), then
    (tag, END) when its output ends."""

    def __init__(self, module: str, inbox: queue.Queue[tuple[Any, Any]], tag: Any) -> None:
        self.tag = tag
        self.proc = subprocess.Popen(
            [sys.executable, "-m", module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=_env(),
        )
        self.ended = False
        threading.Thread(target=self._read, args=(inbox,), daemon=True).start()

    def _read(self, inbox: queue.Queue[tuple[Any, Any]]) -> None:
        assert self.proc.stdout is not None
        try:
            while True:
                inbox.put((self.tag, pickle.load(self.proc.stdout)))
        except Exception:  # noqa: BLE001 - the end of its output, or a message cut short
            inbox.put((self.tag, END))

    def send(self, message: Any) -> bool:
        """Send ``message`` (None tells a worker to end); False when it can no longer read."""
        assert self.proc.stdin is not None
        self.ended = self.ended or message is None
        try:
            pickle.dump(message, self.proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.proc.stdin.flush()
        except (OSError, ValueError):
            return False
        return True

    def exitcode(self, wait: float = 0.0) -> int | None:
        try:
            return self.proc.wait(wait) if wait else self.proc.poll()
        except subprocess.TimeoutExpired:
            return None

    def stop(self, wait: float = 5.0) -> None:
        """Tell it to end (if not told yet), close its pipes, wait for it; kill it if stuck."""
        if not self.ended:
            self.send(None)
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass  # it ended without reading the rest of its input
        if self.exitcode(wait) is None:
            self.proc.kill()
            self.proc.wait()


class Parent:
    """The worker's side: messages in from stdin, out on stdout (print() goes to stderr)."""

    def __init__(self) -> None:
        self.input: BinaryIO = sys.stdin.buffer
        self.output: BinaryIO = sys.stdout.buffer
        sys.stdout = sys.stderr  # a stray print must not corrupt the messages
        self.pid = os.getppid()
        if hasattr(os, "nice"):  # not on Windows
            try:
                os.nice(WORKER_NICE)
            except OSError:
                pass  # not allowed here: the same work at the same priority

    def receive(self) -> Any:
        """The next message, or None at the end of input."""
        try:
            return pickle.load(self.input)
        except EOFError:
            return None

    def send(self, message: Any) -> None:
        pickle.dump(message, self.output, protocol=pickle.HIGHEST_PROTOCOL)
        self.output.flush()

    def alive(self) -> bool:
        """False once the parent is gone (killed: this process was handed to another parent)."""
        return os.getppid() == self.pid
