"""A full build hands its caller every article before writing the index (``Early``): once, all
of them, as ``articles()`` gives them after; in one process or in held worker processes,
whose failures lose nothing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from index import Article, Cancelled, Early
from index.store import parallel_build
from index.store.corpus_index import CorpusIndex
from index.store.manifest import read_meta
from tests.helpers import write_numbered_corpus

FAILING = "story045.txt"


def dying(root: Path, path: Path) -> object:
    """The build's loader, but a worker process that reads FAILING dies (``root/../fail``:
    "once" or "always"); handed to the workers by reference."""
    control = root.parent / "fail"
    main = sys.modules["__main__"].__spec__
    in_worker = main is not None and main.name == "index.store.build_worker"
    if path.name == FAILING and in_worker and control.exists():
        marker = root.parent / "failed-once"
        if control.read_text() == "always" or not marker.exists():
            marker.touch()
            os._exit(3)
    return parallel_build.load_file(root, path)


class Watch:
    """An Early that records what the build did before handing the articles over."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self.read: list[tuple[int, int]] = []
        self.indexed: list[int] = []
        self.handed: list[list[Article]] = []
        self.live_then: list[object] = []
        self.indexed_then: list[int] = []

    def early(self) -> Early:
        return Early(lambda done, total, _path: self.read.append((done, total)), self.loaded)

    def loaded(self, articles: list[Article]) -> None:
        self.handed.append(articles)
        self.live_then.append(read_meta(self.index_dir))
        self.indexed_then.append(len(self.indexed))

    def progress(self, done: int, total: int, path: str) -> None:
        self.indexed.append(done)


@pytest.mark.parametrize("procs", ["1", "2"])
def test_every_article_is_handed_over_once_before_any_is_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, procs: str
) -> None:
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", procs)
    corpus = write_numbered_corpus(tmp_path / "corpus", 60, bundle=True)
    watch = Watch(tmp_path / "index")
    index = CorpusIndex(corpus, tmp_path / "index")
    report = index.update(progress=watch.progress, early=watch.early())
    assert report.added == 62
    assert len(watch.handed) == 1
    assert watch.handed[0] == index.articles()  # the same articles, the same order
    assert watch.live_then == [None] and watch.indexed_then == [0]  # nothing written yet
    assert watch.read == [(n, 61) for n in range(1, 62)]  # each file read once
    assert watch.indexed == list(range(1, 62))
    assert index.search("quayside").total == 60


def test_an_update_that_is_not_a_full_build_does_not_call_it(tmp_path: Path) -> None:
    corpus = write_numbered_corpus(tmp_path / "corpus", 10, bundle=True)
    CorpusIndex(corpus, tmp_path / "index").update()
    (corpus / "late.txt").write_text("Late story\n\nA tugboat arrived.\n")
    watch = Watch(tmp_path / "index")
    report = CorpusIndex(corpus, tmp_path / "index").update(early=watch.early())
    assert report.added == 1 and watch.handed == [] and watch.read == []


@pytest.mark.parametrize("when", ["once", "always"])
def test_a_held_worker_dying_while_reading_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "2")
    monkeypatch.setattr(parallel_build, "LOADER", dying)
    corpus = write_numbered_corpus(tmp_path / "corpus", 60, bundle=True)
    (tmp_path / "fail").write_text(when)
    watch = Watch(tmp_path / "index")
    index = CorpusIndex(corpus, tmp_path / "index")
    report = index.update(progress=watch.progress, early=watch.early())
    assert (tmp_path / "failed-once").exists()  # a worker did die
    assert report.added == 62 and report.note is not None and "exit code 3" in report.note
    assert len(watch.handed) == 1 and watch.handed[0] == index.articles()
    assert [done for done, _total in watch.read] == list(range(1, 62))
    assert watch.indexed == list(range(1, 62))


@pytest.mark.parametrize("procs", ["1", "2"])
def test_a_caller_that_gives_up_in_loaded_leaves_no_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, procs: str
) -> None:
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", procs)
    corpus = write_numbered_corpus(tmp_path / "corpus", 30, bundle=True)

    def quit_now(_articles: list[Article]) -> None:
        raise Cancelled  # the app quit while it grouped

    with pytest.raises(Cancelled):
        CorpusIndex(corpus, tmp_path / "index").update(early=Early(lambda *_: None, quit_now))
    assert read_meta(tmp_path / "index") is None
    assert not [p for p in (tmp_path / "index").iterdir() if p.name.startswith("ix-")]
    index = CorpusIndex(corpus, tmp_path / "index")
    assert index.update().added == 32  # the next start builds it


def test_a_held_worker_killed_before_indexing_is_started_again_and_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.base.processes import Child
    from index.store import build_workers

    started: list[Child] = []

    class Recorded(Child):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            started.append(self)

    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "2")
    monkeypatch.setattr(build_workers, "Child", Recorded)
    corpus = write_numbered_corpus(tmp_path / "corpus", 60, bundle=True)
    watch = Watch(tmp_path / "index")

    def kill_one(articles: list[Article]) -> None:
        watch.loaded(articles)
        started[0].proc.kill()  # as if killed while it held what it read
        started[0].proc.wait()

    index = CorpusIndex(corpus, tmp_path / "index")
    report = index.update(progress=watch.progress, early=Early(lambda *_: None, kill_one))
    assert len(started) == 3  # the killed worker's share went to a new one, told to index
    assert report.added == 62 and report.note is not None and "died" in report.note
    assert len(watch.handed) == 1 and watch.handed[0] == index.articles()
    assert watch.indexed == list(range(1, 62))
    assert index.search('"crane number 7"').total == 1
