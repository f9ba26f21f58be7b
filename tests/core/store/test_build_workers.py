"""The full build's workers: safe to start from a thread, retried once, then replaced by this
process; the build succeeds and its report says what happened."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from index.store import parallel_build
from index.store.corpus_index import CorpusIndex
from index.store.manifest import read_meta
from index.store.parallel_build import BuildFailed
from tests.helpers import write_numbered_corpus

FAILING = "story045.txt"


def flaky(root: Path, path: Path) -> object:
    """The build's loader, but FAILING fails as ``root/../fail`` says ("raises|dies once|always",
    or "raises everywhere": in this process too). Handed to the workers by reference."""
    control = root.parent / "fail"
    if path.name == FAILING and control.exists():
        how, when = control.read_text().split()
        main = sys.modules["__main__"].__spec__
        in_worker = main is not None and main.name == "index.store.build_worker"
        marker = root.parent / "failed-once"
        if when == "everywhere" or (in_worker and (when == "always" or not marker.exists())):
            marker.touch()
            if how == "dies":
                os._exit(3)  # as if the out-of-memory killer took the worker
            raise MemoryError("simulated")
    return parallel_build.load_file(root, path)


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "2")
    monkeypatch.setattr(parallel_build, "LOADER", flaky)


@pytest.mark.parametrize("how", ["raises", "dies"])
@pytest.mark.parametrize("when", ["once", "always"])
def test_a_failing_worker_is_retried_then_replaced_and_the_build_succeeds(
    tmp_path: Path, two_workers: None, how: str, when: str
) -> None:
    corpus = write_numbered_corpus(tmp_path / "corpus", 60)
    (tmp_path / "fail").write_text(f"{how} {when}")
    seen: list[int] = []
    report = CorpusIndex(corpus, tmp_path / "index").update(
        progress=lambda done, total, path: seen.append(done)
    )
    assert report.added == 60 and report.note is not None and "\n" not in report.note
    reason = "MemoryError: simulated" if how == "raises" else "died (exit code 3)"
    assert reason in report.note
    if when == "once":
        assert "indexed again by a new process" in report.note
    else:
        assert "indexed part of the corpus in one process" in report.note
    assert seen == list(range(1, 61))  # each file counted once, retried or not
    index = CorpusIndex(corpus, tmp_path / "index")
    assert index.search("quayside").total == 60
    assert index.search('"crane number 45"').total == 1


def test_a_share_failing_here_too_abandons_the_build_and_keeps_the_old_index(
    tmp_path: Path, two_workers: None
) -> None:
    corpus = write_numbered_corpus(tmp_path / "corpus", 60)
    index = CorpusIndex(corpus, tmp_path / "index")
    index.update()
    live = read_meta(tmp_path / "index")
    (tmp_path / "fail").write_text("raises everywhere")
    with pytest.raises(BuildFailed) as failed:
        CorpusIndex(corpus, tmp_path / "index").update(rebuild=True)
    message = str(failed.value)
    assert "\n" not in message and str(corpus) in message and "MemoryError" in message
    assert read_meta(tmp_path / "index") == live
    stores = [p.name for p in (tmp_path / "index").iterdir() if p.name.startswith("ix-")]
    assert live is not None and stores == [live.store]
    assert index.search("quayside").total == 60
