"""Walking the corpus never raises: every path that cannot be used is one reason (issue 16)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from index.ingest import folder as folder_module
from index.ingest.folder import walk
from index.ingest.loader import load_corpus
from index.store.corpus_index import CorpusIndex

BODY = "The council approved the new ferry timetable on Monday.\n"
NOBODY = 65534


def _write(path: Path, title: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{BODY}", encoding="utf-8")


def _deep_file(root: Path, levels: int = 90, width: int = 60) -> str:
    """A file under ``levels`` nested folders of ``width``-character names (a path far longer
    than PATH_MAX), made one folder at a time through descriptors; its relative id."""
    names = [f"{i:02d}".ljust(width, "x") for i in range(levels)]
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root, os.O_RDONLY)
    for name in names:
        os.mkdir(name, dir_fd=fd)
        inner = os.open(name, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    handle = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(handle, f"Wetland report\n\nThe wetland board met on Tuesday. {BODY}".encode())
    os.close(handle)
    os.close(fd)
    return "/".join(names + ["deep.txt"])


def test_a_path_longer_than_path_max_is_found_loaded_and_indexed(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    deep = _deep_file(corpus)
    assert len(str(corpus / deep)) > os.pathconf("/", "PC_PATH_MAX")
    _write(corpus / "top.txt", "Top report")
    articles, skipped = load_corpus(corpus)
    assert sorted(a.id for a in articles) == sorted([deep, "top.txt"]) and not skipped
    index = CorpusIndex(corpus, tmp_path / "ix")
    report = index.update()
    assert report.added == 2 and not report.skipped
    assert index.search("wetland").total == 1
    assert index.update().unchanged == 2  # stat and hash of the deep file work too


def test_a_folder_that_vanishes_during_the_walk_is_one_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "gone" / "a.txt", "Gone")
    _write(tmp_path / "stays.txt", "Stays")
    listed = folder_module.list_folder

    def vanishing(path: Path) -> Any:
        if path.name == "gone":
            shutil.rmtree(path)  # removed between its parent's listing and its own
        return listed(path)

    monkeypatch.setattr(folder_module, "list_folder", vanishing)
    found, errors = walk(tmp_path)
    assert [p.name for p in found] == ["stays.txt"]
    assert [(p.name, r) for p, r in errors] == [
        ("gone", "cannot read folder: No such file or directory")
    ]


def test_links_inside_the_corpus_are_read_links_outside_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, outside = tmp_path / "c", tmp_path / "outside"
    _write(corpus / "real.txt", "Real report")
    _write(outside / "secret.txt", "Secret report")
    os.symlink(corpus / "real.txt", corpus / "alias.txt")
    os.symlink(outside / "secret.txt", corpus / "secret.txt")
    os.symlink(outside, corpus / "elsewhere")
    monkeypatch.delenv("NEWSREADER_FOLLOW_LINKS", raising=False)
    articles, skipped = load_corpus(corpus)
    assert sorted(a.id for a in articles) == ["alias.txt", "real.txt"]
    assert {(s.path, s.reason) for s in skipped} == {
        ("secret.txt", "symbolic link to outside the corpus, not followed"),
        ("elsewhere", "symbolic link to a folder, not followed"),
    }
    monkeypatch.setenv("NEWSREADER_FOLLOW_LINKS", "1")  # what --follow-links sets
    articles, skipped = load_corpus(corpus)
    assert sorted(a.id for a in articles) == [
        "alias.txt",
        "elsewhere/secret.txt",
        "real.txt",
        "secret.txt",
    ]
    assert not skipped


def test_following_links_never_loops(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "one.txt", "One")
    os.symlink(tmp_path, tmp_path / "a" / "up")  # a loop back to the corpus
    os.symlink(tmp_path / "a", tmp_path / "again")  # the same folder twice
    found, errors = walk(tmp_path, follow=True)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/one.txt"]
    assert sorted((p.relative_to(tmp_path).as_posix(), r) for p, r in errors) == [
        ("a/up", "symbolic link to a folder already read, not followed"),
        ("again", "symbolic link to a folder already read, not followed"),
    ]


# -- as a user without the right to enter a folder ----------------------------------------------


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can reach (pytest's own tmp_path is private to its user)."""
    path = Path(tempfile.mkdtemp(prefix="newsreader-walk-", dir="/tmp"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        for folder, _dirs, _files in os.walk(path):
            os.chmod(folder, 0o755)
        shutil.rmtree(path)


def _as_another_user(work: Callable[[], Any]) -> Any:
    """``work()`` run without root's right to enter any folder: in a child process as user
    nobody when this runs as root (modules it needs are imported before), else here."""
    if os.geteuid() != 0:
        return work()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read)
        code = 0
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            out = json.dumps({"result": work()})
        except BaseException:  # noqa: BLE001 - carried to the parent as the failure
            out, code = json.dumps({"error": traceback.format_exc()}), 1
        with os.fdopen(write, "w") as pipe:
            pipe.write(out)
        os._exit(code)
    os.close(write)
    with os.fdopen(read) as pipe:
        answer = json.loads(pipe.read())
    os.waitpid(pid, 0)
    assert "error" not in answer, answer.get("error")
    return answer["result"]


def test_a_folder_that_can_be_listed_but_not_entered(shared_tmp: Path) -> None:
    corpus, ix = shared_tmp / "c", shared_tmp / "ix"
    _write(corpus / "good.txt", "Good report")
    _write(corpus / "locked" / "inside.txt", "Locked report")
    _write(corpus / "locked" / "sub" / "deeper.txt", "Deeper report")
    _write(corpus / "files-only" / "alone.txt", "Alone report")
    ix.mkdir(mode=0o777)
    ix.chmod(0o777)
    warm = CorpusIndex(corpus, shared_tmp / "warm")  # imports every module the child needs
    warm.update()
    warm.search("ferry")
    for folder in (corpus / "locked", corpus / "files-only"):
        folder.chmod(0o644)  # readable (listable), not executable (not enterable)

    def index_it() -> dict[str, Any]:
        index = CorpusIndex(corpus, ix)
        report = index.update()
        return {
            "added": report.added,
            "skipped": sorted([s.path, s.reason] for s in report.skipped),
            "found": index.search("ferry").total,
        }

    result = _as_another_user(index_it)
    assert result["added"] == 1 and result["found"] == 1
    assert result["skipped"] == [
        ["files-only/alone.txt", "cannot read file: Permission denied"],
        ["locked/inside.txt", "cannot read file: Permission denied"],
        ["locked/sub", "cannot read folder: Permission denied"],
    ]
    assert _as_another_user(index_it)["skipped"] == result["skipped"]  # and the next update
