"""A build that runs out of disk space removes its partial store and says so in one line."""

from __future__ import annotations

import errno
import gc
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from index.base.errors import IndexUnavailable
from index.engine.segment_builder import SegmentBuilder
from index.store.corpus_index import CorpusIndex


def _corpus(root: Path, files: int) -> Path:
    """``files`` articles of about 6 KB, each with words of its own (our own text)."""
    root.mkdir()
    for n in range(files):
        words = " ".join(f"w{n}x{k}" for k in range(700))
        body = f"Council report {n}\n\nThe ferry council met on day {n}. {words}.\n"
        (root / f"a{n:04d}.txt").write_text(body, encoding="utf-8")
    return root


def _stores(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.glob("ix-*")) if index_dir.is_dir() else []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs, when this process may mount one (root); skipped otherwise."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (the injected test still runs)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _check_failure(index: CorpusIndex, caught: pytest.ExceptionInfo[IndexUnavailable]) -> None:
    message = str(caught.value)
    assert "\n" not in message and message.startswith("not enough disk space"), message
    assert _stores(index.index_dir) == []  # the partial store is gone


@pytest.mark.parametrize("procs", ["1", "2"])
def test_a_full_disk_leaves_no_partial_store(
    tmp_path: Path, small_disk: Path, monkeypatch: pytest.MonkeyPatch, procs: str
) -> None:
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", procs)
    index = CorpusIndex(_corpus(tmp_path / "c", 400), small_disk / "ix")
    for _ in range(3):  # each retry fails the same way and piles nothing up
        with pytest.raises(IndexUnavailable) as caught:
            index.update()
        _check_failure(index, caught)
        # The failed writer's files are closed once its objects go (the traceback held them).
        del caught
        gc.collect()
        free = os.statvfs(small_disk)
        assert free.f_bfree * free.f_frsize > 900_000  # the space is given back


def test_an_injected_no_space_error_leaves_no_partial_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "1")
    corpus = _corpus(tmp_path / "c", 30)
    index = CorpusIndex(corpus, tmp_path / "ix")
    add = SegmentBuilder.add
    calls = [0]

    def failing(self: Any, fields: Any) -> None:
        calls[0] += 1
        if calls[0] > 10:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        add(self, fields)

    monkeypatch.setattr(SegmentBuilder, "add", failing)
    for _ in range(2):
        calls[0] = 0
        with pytest.raises(IndexUnavailable) as caught:
            index.update()
        _check_failure(index, caught)
    monkeypatch.setattr(SegmentBuilder, "add", add)  # space again
    assert index.update().added == 30 and len(_stores(index.index_dir)) == 1
    assert index.search("ferry").total == 30
