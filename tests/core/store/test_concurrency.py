"""Two processes on one index: indexers take turns or say another is busy; readers never fail."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from whoosh.util.filelock import FileLock

from index.store import live_store
from index.store.corpus_index import CorpusIndex
from tests.helpers import REPO

pytestmark = pytest.mark.e2e

ARTICLES = 300


def _command() -> list[str]:
    found = shutil.which("newsreader", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "tui_reader"]


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for n in range(ARTICLES):
        (corpus / f"a{n:03d}.txt").write_text(
            f"Report {n}\n\nThe ferry {n} left the harbour at dawn.\n\nCrews counted {n} cars.\n",
            encoding="utf-8",
        )
    return corpus


def _env(root: Path) -> dict[str, str]:
    return dict(os.environ, NEWSREADER_INDEX_DIR=str(root / "index"), XDG_CACHE_HOME=str(root))


def test_two_indexers_at_once_take_turns(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    env = _env(tmp_path)
    runs = [
        subprocess.Popen(
            [*_command(), "index", str(corpus), *extra],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for extra in (["--rebuild"], ["--rebuild"], [])
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert "Traceback" not in out + err
        # each run either indexed (after waiting its turn) or said clearly that another was
        assert run.returncode == 0 or "another newsreader is indexing" in err, err
        if run.returncode == 0:
            assert out.startswith("added ")
    assert sum(run.returncode == 0 for run in runs) >= 2  # a 0.5 s build fits in the 5 s wait
    with CorpusIndex(corpus, tmp_path / "index") as index:
        assert len(index.articles()) == ARTICLES
        assert not index.needs_update() or index.update().added == 0
    assert len(list((tmp_path / "index").glob("ix-*"))) == 1


def test_indexer_blocked_by_another_says_so(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    env = _env(tmp_path)
    (tmp_path / "index").mkdir()
    held = FileLock(str(tmp_path / "index" / "update.lock"))
    assert held.acquire()
    try:
        started = time.monotonic()
        done = subprocess.run(
            [*_command(), "index", str(corpus)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        waited = time.monotonic() - started
    finally:
        held.release()
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        f"newsreader: error: another newsreader is indexing {corpus.resolve()}; try again"
    )
    assert waited >= 4  # it waited for the lock before giving up
    assert not (tmp_path / "index" / "meta.json").exists()  # and wrote nothing


def test_readers_never_fail_while_another_process_rebuilds(tmp_path: Path) -> None:
    """A reader, fresh or long-lived, gets the right answer while another process rebuilds the
    index again and again (switching stores and deleting the old ones under it)."""
    corpus = _corpus(tmp_path)
    env = _env(tmp_path)
    index_dir = tmp_path / "index"
    reader = CorpusIndex(corpus, index_dir)
    reader.update()
    script = (
        "import sys\nfrom index.store.corpus_index import CorpusIndex\n"
        "ix = CorpusIndex(sys.argv[1], sys.argv[2])\n"
        "for _ in range(8):\n    ix.update(rebuild=True)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", script, str(corpus), str(index_dir)],
        env=env,
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    reads = 0
    try:
        while writer.poll() is None:
            for index in (reader, CorpusIndex(corpus, index_dir)):
                assert index.search("ferry", limit=3).total == ARTICLES
                assert len(index.articles()) == ARTICLES
                assert index.article("a007.txt") is not None
                reads += 1
    finally:
        _, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert reads > 5
    assert reader.update().added == 0  # no store was wrongly marked damaged


class _Handover:
    """The reader's pause between two looks at the index, replaced: on its first pause the
    other "process" (a thread) finishes its update, and the reader looks again only once that
    is done. The order is fixed by events, not by time, so no load can reorder it."""

    def __init__(self, path: Path, data: bytes, lock: FileLock) -> None:
        self.pauses = 0
        self._waiting = threading.Event()
        self._done = threading.Event()
        self._writer = threading.Thread(target=self._finish, args=(path, data, lock))
        self._writer.start()

    def _finish(self, path: Path, data: bytes, lock: FileLock) -> None:
        """A writer finishing its update once the reader waits: its last write, the lock
        released."""
        if self._waiting.wait(timeout=600):
            path.write_bytes(data)
        lock.release()
        self._done.set()

    def sleep(self, _seconds: float) -> None:
        self.pauses += 1
        self._waiting.set()
        assert self._done.wait(timeout=600), "the writer thread never finished"

    def join(self) -> None:
        self._waiting.set()  # the reader never paused: let the writer end (the test fails)
        self._writer.join()


@pytest.mark.parametrize("rebuild", [True, False])
def test_reader_opening_mid_switch_waits_for_the_writer(
    tmp_path: Path, rebuild: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replay the moment another process is between its two writes: a rebuild has written the
    new manifest but not yet the meta; an update has committed but not yet written the
    manifest. A reader opening then must look again, not call the index damaged."""
    corpus = _corpus(tmp_path)
    index_dir = tmp_path / "index"
    CorpusIndex(corpus, index_dir).update()
    name = "meta.json" if rebuild else "manifest.json"
    before = (index_dir / name).read_bytes()
    (corpus / "late.txt").write_text("Late ferry\n\nThe late ferry docked.\n", encoding="utf-8")
    CorpusIndex(corpus, index_dir).update(rebuild=rebuild)
    after = (index_dir / name).read_bytes()
    (index_dir / name).write_bytes(before)  # as the other process left it, mid-way
    lock = FileLock(str(index_dir / "update.lock"))
    assert lock.acquire()
    handover = _Handover(index_dir / name, after, lock)
    monkeypatch.setattr(live_store, "time", SimpleNamespace(sleep=handover.sleep))
    try:
        with CorpusIndex(corpus, index_dir) as reader:
            assert reader.search("late").total == 1
    finally:
        handover.join()
    assert handover.pauses == 1  # it found the update half-done, waited, then looked again
