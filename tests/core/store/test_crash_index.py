"""Crashes: SIGKILL while indexing or annotating, and damaged index files; nothing is lost."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from index.base.errors import IndexUnavailable
from index.marks.store import AnnotationStore
from index.store.corpus_index import CorpusIndex
from index.store.manifest import read_meta
from tests.helpers import REPO

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

    # How long each kind of run takes here, so kills land anywhere from start-up to the last
    # write: a full rebuild, and an update after a typical round of changes.
    durations = {}
    for kind, args in (("rebuild", [*command, "--rebuild"]), ("update", command)):
        _mutate(rng, corpus, expected, 0)
        started = time.monotonic()
        assert _run(args, env).returncode == 0
        durations[kind] = time.monotonic() - started

    notes: list[str] = []
    killed_running = 0
    for step in range(1, KILLS + 1):
        _mutate(rng, corpus, expected, step)
        kind = "rebuild" if step % 3 == 0 else "update"
        args = [*command, "--rebuild"] if kind == "rebuild" else command
        victim = subprocess.Popen(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.05, durations[kind]))
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
    # Most kills must land while the indexer was still running, or the test proves little.
    assert killed_running >= KILLS // 2, (killed_running, durations)
    leftovers = [p.name for p in index_dir.glob("ix-*")]
    assert len(leftovers) == 1, leftovers  # stores of killed rebuilds are cleaned up


# --- every index file damaged in every way ---------------------------------------------------


def _damages() -> dict[str, Callable[[Path], None]]:
    def truncate(path: Path) -> None:
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

    def garbage(path: Path) -> None:
        path.write_bytes(bytes((i * 131 + 7) % 256 for i in range(max(64, path.stat().st_size))))

    def empty(path: Path) -> None:
        path.write_bytes(b"")

    return {"truncate": truncate, "garbage": garbage, "empty": empty, "delete": Path.unlink}


def test_every_index_file_damaged_is_detected_and_rebuilt(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rng = random.Random(3)
    names = {f"a{n:02d}.md" for n in range(12)}
    for name in names:
        (corpus / name).write_text(_article(rng, int(name[1:3]), 0), encoding="utf-8")
    old = time.time() - 3600  # aged files: their stat is trusted, no re-hashing noise
    for path in corpus.iterdir():
        os.utime(path, (old, old))
    index_dir = tmp_path / "index"
    CorpusIndex(corpus, index_dir).update()

    def live_files() -> list[Path]:
        meta = read_meta(index_dir)
        assert meta is not None
        return sorted(p for p in (index_dir / meta.store).iterdir() if p.is_file())

    store_files = len(live_files())
    assert store_files >= 2  # a TOC and at least one segment file
    # Each target: a bookkeeping file, or the k-th file of whatever store is live right now.
    targets: list[str | int] = ["meta.json", "manifest.json", "update.lock", *range(store_files)]
    checked = 0
    for target in targets:
        for how, damage in _damages().items():
            live = live_files()
            if isinstance(target, int) and target >= len(live):
                continue
            path = index_dir / target if isinstance(target, str) else live[target]
            damage(path)
            with CorpusIndex(corpus, index_dir) as index:
                try:
                    index.search("ferry")  # reading a damaged index: a clear error at worst
                except IndexUnavailable:
                    pass
                report = index.update()
                assert {a.id for a in index.articles()} == names, (target, how, report.note)
                assert index.search("ferry").total > 0
                if report.added:  # it had to rebuild: it says why
                    assert report.note and report.note.startswith(("repaired", "rebuilt")), (
                        target,
                        how,
                        report.note,
                    )
            checked += 1
    assert checked >= 4 * (len(targets) - 1)


# --- annotations: a kill never loses a confirmed write -----------------------------------------

_ANNOTATOR = """
import sys
from index.marks.store import AnnotationStore
store = AnnotationStore(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    n += 1
    mark = store.add("/corpus", f"a{n % 50}.md", 0, 5, "Ferry", note=f"first {n}")
    store.set_note(mark.id, f"note {n}")
    print(mark.id, n, flush=True)
"""


def test_sigkill_during_annotation_writes_loses_no_confirmed_annotation(tmp_path: Path) -> None:
    rng = random.Random(11)
    db = tmp_path / "data" / "annotations.sqlite3"
    root = REPO
    confirmed: dict[int, int] = {}
    for _ in range(20):
        child = subprocess.Popen(
            [sys.executable, "-c", _ANNOTATOR, str(db)],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        # Timed from the store's opening, not the process start: importing the core takes
        # longer than the whole window on a loaded machine (no write was ever made then).
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.15, 0.45))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        # A line printed in full was written after add and set_note returned: confirmed.
        lines = out.split("\n")[:-1]
        confirmed.update((int(a), int(b)) for a, b in (line.split() for line in lines))
        with AnnotationStore(db) as store:
            assert store.schema_version() >= 1
            for mark_id, n in confirmed.items():
                mark = store.get(mark_id)
                assert mark is not None and mark.note == f"note {n}", (mark_id, mark)
    assert len(confirmed) >= 20  # the writer did real work between kills
