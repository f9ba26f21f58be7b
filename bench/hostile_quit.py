"""Quitting the app during a first build (issue 16): the real ``newsreader`` in a pseudo-terminal,
a corpus of thousands of files, ``q`` or ctrl+c pressed while the index is being built.

Per key: seconds from the key to the process's exit, its exit code, whether the build was still
running when the key went in (the screen said "Indexing"), and the next start: ``newsreader
index`` on the same index (exit code, seconds, what it says) and a search finding every file::

    nice -n 10 python bench/hostile_quit.py [--files 3000] [--timeout 60]
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NEWSREADER = [sys.executable, "-m", "tui_reader"]
KEYS = {"q": b"q", "ctrl+c": b"\x03"}
WORD = "kittiwake"


def write_corpus(corpus: Path, files: int) -> None:
    corpus.mkdir(parents=True)
    for n in range(files):
        (corpus / f"r{n:05d}.txt").write_text(
            f"Harbour report {n}\n\nA {WORD} colony of {n} pairs nested by pier {n % 97} this "
            f"spring, the council said on Monday. Wardens counted them twice in {n % 12 + 1} "
            "weeks and the ferry timetable was changed to keep the boats away from the cliffs.\n",
            encoding="utf-8",
        )


def _read(fd: int, seconds: float) -> bytes:
    """What the terminal shows within ``seconds`` (until the process closes it)."""
    got = b""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], min(left, 0.05))
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        got += chunk
    return got


def interrupt_first_build(
    corpus: Path, index_dir: Path, env: dict[str, str], key: str, timeout: float
) -> dict[str, object]:
    """Start the app on ``corpus`` in a 120x36 pseudo-terminal, press ``key`` once it shows
    "Indexing", and time the exit."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app, on the terminal
        os.environ.clear()
        os.environ.update(env, COLUMNS="120", LINES="36", TERM="xterm-256color")
        os.execvp(NEWSREADER[0], [*NEWSREADER, str(corpus), "--index-dir", str(index_dir)])
    shown = b""
    deadline = time.monotonic() + timeout
    while b"Indexing" not in shown and time.monotonic() < deadline:
        shown += _read(fd, 0.1)
    indexing = b"Indexing" in shown
    pressed = time.monotonic()
    os.write(fd, KEYS[key])
    code: int | None = None
    while time.monotonic() - pressed < timeout:
        _read(fd, 0.05)  # keep the terminal drained, or the app blocks writing to it
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            break
    seconds = time.monotonic() - pressed
    if code is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return {"indexing when pressed": indexing, "exit after s": round(seconds, 2), "exit": code}


def next_start(corpus: Path, index_dir: Path, env: dict[str, str], files: int) -> dict[str, object]:
    """The next start on the interrupted index: an update, then a search for every file."""
    started = time.monotonic()
    argv = [*NEWSREADER, "index", str(corpus), "--index-dir", str(index_dir)]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=600)
    seconds = time.monotonic() - started
    search = [*NEWSREADER, "search", WORD, "--corpus", str(corpus), "--index-dir", str(index_dir)]
    found = subprocess.run(
        [*search, "--format", "json", "--limit", "1"], capture_output=True, text=True, env=env
    )
    try:
        total = json.loads(found.stdout)["total"]
    except (ValueError, KeyError):
        total = None
    return {
        "next index: exit": done.returncode,
        "next index s": round(seconds, 2),
        "says": (done.stdout.splitlines() or done.stderr.splitlines() or [""])[0][:70],
        "found": f"{total}/{files}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="newsreader-quit-", dir="/tmp"))
    try:
        corpus = root / "corpus"
        write_corpus(corpus, args.files)
        print(
            "| key | indexing when pressed | exit after s | exit | next index: exit | "
            "next index s | says | found |"
        )
        print("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: |")
        for key in KEYS:
            home = root / key
            env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache")}
            env["XDG_DATA_HOME"] = str(home / "data")
            row = interrupt_first_build(corpus, home / "ix", env, key, args.timeout)
            row.update(next_start(corpus, home / "ix", env, args.files))
            print(f"| {key} | " + " | ".join(str(v) for v in row.values()) + " |")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
