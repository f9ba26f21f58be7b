"""SIGKILL `newsreader index` at random moments: the next run always opens, repairs or rebuilds."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.store import CorpusIndex

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

KILLS = 30
ARTICLES = 300
WORDS = "ferry harbour council vote strike dam bridge flood storm rescue minister police".split()
SUMMARY = re.compile(r"added \d+, updated \d+, removed \d+, unchanged \d+, skipped \d+ in ")


def _command() -> list[str]:
    found = shutil.which("newsreader", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "tui_reader"]


def _article(rng: random.Random, n: int, version: int) -> str:
    paragraphs = [
        " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(4)
    ]
    body = "\n\n".join(paragraphs)
    return f"---\ntitle: Report {n} v{version}\nsource: Outlet {n % 7}\n---\n\n{body}\n"


def _mutate(rng: random.Random, corpus: Path, expected: dict[str, int], step: int) -> None:
    """Change, add and delete a few files, so the killed run has real incremental work."""
    names = sorted(expected)
    for name in rng.sample(names, 8):
        (corpus / name).write_text(_article(rng, int(name[1:4]), step), encoding="utf-8")
        expected[name] = step
    for name in rng.sample(names, 3):
        (corpus / name).unlink()
        del expected[name]
    for extra in range(4):
        name = f"a{ARTICLES + step * 4 + extra:03d}.md"
        (corpus / name).write_text(_article(rng, ARTICLES + step * 4 + extra, step), "utf-8")
        expected[name] = step


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)


def test_sigkill_at_random_points_never_leaves_an_unusable_index(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("NEWSREADER_CRASH_SEED", "7")))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = {}
    for n in range(ARTICLES):
        name = f"a{n:03d}.md"
        (corpus / name).write_text(_article(rng, n, 0), encoding="utf-8")
        expected[name] = 0
    index_dir = tmp_path / "index"
    env = dict(os.environ, NEWSREADER_INDEX_DIR=str(index_dir), XDG_CACHE_HOME=str(tmp_path))
    command = [*_command(), "index", str(corpus)]

    # How long a full run takes here, so kills land anywhere from start-up to the last write.
    started = time.monotonic()
    assert _run([*command, "--rebuild"], env).returncode == 0
    full = time.monotonic() - started

    notes: list[str] = []
    killed_running = 0
    for step in range(1, KILLS + 1):
        _mutate(rng, corpus, expected, step)
        args = [*command, "--rebuild"] if step % 3 == 0 else command
        victim = subprocess.Popen(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.05, full))
        if victim.poll() is None:
            killed_running += 1
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)

        # The next run: exit 0, a summary line, no traceback; a repair says so in a note.
        done = _run(command, env)
        assert done.returncode == 0, (step, done.stderr)
        assert "Traceback" not in done.stderr + done.stdout, step
        lines = done.stdout.splitlines()
        assert lines and SUMMARY.match(lines[0]), (step, done.stdout)
        notes += [line for line in lines[1:] if line.startswith("note: ")]
        assert all(re.match(r"note: (repaired|rebuilt)", n) for n in notes), notes

        # ...and the index it leaves holds exactly the corpus, every article at its last version.
        with CorpusIndex(corpus, index_dir) as index:
            articles = index.articles()
            assert {a.id for a in articles} == set(expected), step
            assert all(a.title.endswith(f" v{expected[a.id]}") for a in articles), step
            assert index.search("ferry").total > 0
    print(f"{killed_running} kills while running; notes: {notes}")
    # Most kills must land while the indexer was still running, or the test proves little.
    assert killed_running >= KILLS // 2, killed_running
    leftovers = [p.name for p in index_dir.glob("ix-*")]
    assert len(leftovers) == 1, leftovers  # stores of killed rebuilds are cleaned up
