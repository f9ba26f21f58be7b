"""A generated hostile corpus: every bad file gets a one-line reason, everything else is indexed."""

from __future__ import annotations

import json
import os
import re
import socket
import sys
from itertools import count
from pathlib import Path

import pytest

from index.base.models import Skipped
from index.ingest.decode import decode
from index.ingest.loader import load_corpus, load_file
from index.store.corpus_index import CorpusIndex
from index.text.sentences import split_sentences

GOOD_BODY = "The council approved the new ferry timetable on Monday.\n"
DEPTH = 60


def _write(root: Path, rel: str, data: bytes | str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def build_hostile(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Write the corpus; return (id -> a word its indexed body must hold, path -> reason part)."""
    good: dict[str, str] = {}
    bad: dict[str, str] = {}
    _write(root, "plain.txt", "Ferry timetable approved\n\n" + GOOD_BODY)
    good["plain.txt"] = "timetable"
    # binary files, and text with a NUL byte in it
    _write(root, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    bad["image.txt"] = "binary file"
    _write(root, "nul.md", b"# Harbour\n\nThe harbour\x00reopened.\n")
    bad["nul.md"] = "binary file"
    # names carrying escape sequences (clear screen, clipboard write): reported harmlessly and
    # never indexed, so no article id anywhere can carry one to a terminal
    _write(root, "esc\x1b[2J\x1b]52;c;ZXZpbA==\x07.txt", "Title\n\n" + GOOD_BODY)
    bad["esc\ufffd[2J\ufffd]52;c;ZXZpbA==\ufffd.txt"] = "file name has control characters"
    _write(root, "dir\x1b[31m/inside.txt", "Title\n\n" + GOOD_BODY)
    bad["dir\ufffd[31m"] = "folder name has control characters"
    # UTF-8 with two damaged bytes: decoded as UTF-8, the damage shown as U+FFFD
    _write(
        root,
        "damaged.txt",
        "Caf\u00e9 reopens\n\nThe caf\u00e9 in Tromsø reopened.".encode()
        + b" Bad \xff\xfe bytes.\n",
    )
    good["damaged.txt"] = "Tromsø"
    _write(root, "utf16.txt", "Zürich vote\n\nVoters in Zürich backed the tram.\n".encode("utf-16"))
    good["utf16.txt"] = "Zürich"
    _write(
        root,
        "legacy.txt",
        "Caf\u00e9 “quoted”\n\nThe caf\u00e9 said “no” — twice.\n".encode("cp1252"),
    )
    good["legacy.txt"] = "café"
    _write(root, "empty.txt", b"")
    bad["empty.txt"] = "no article text"
    _write(root, "furniture.md", "Advertisement\n\nShare this article\n\nRead more\n\n5 min read\n")
    bad["furniture.md"] = "no article text"
    # over the size limit (the test sets NEWSREADER_MAX_FILE_MB=1)
    with (root / "huge.txt").open("w", encoding="utf-8") as handle:
        handle.write("Huge file\n\n")
        for _ in range(3 * 1024):
            handle.write("The tide came in. " * 57 + "\n")
    bad["huge.txt"] = "larger than 1 MB"
    _write(root, "longline.txt", "Long line\n\n" + "The tide came in slowly. " * 20_000)
    good["longline.txt"] = "tide"
    deep = "/".join(f"d{i}" for i in range(DEPTH)) + "/deep.txt"
    _write(root, deep, "Deep report\n\nA deeply filed report about the ferry.\n")
    good[deep] = "deeply"
    (root / "loops").mkdir()
    os.symlink("..", root / "loops" / "up")  # a folder loop
    bad["loops/up"] = "symbolic link to a folder"
    os.symlink("self.txt", root / "self.txt")  # a file loop
    bad["self.txt"] = "symbolic link loop"
    os.symlink("missing.txt", root / "dangling.txt")
    bad["dangling.txt"] = "broken symbolic link"
    with open(os.fsencode(root) + b"/name\xff.txt", "wb") as handle:  # a name not in UTF-8
        handle.write(b"Title\n\nBody.\n")
    bad["name\ufffd.txt"] = "file name is not valid UTF-8"
    os.mkfifo(root / "pipe.md")  # would block a naive open() forever
    bad["pipe.md"] = "not a regular file"
    with socket.socket(socket.AF_UNIX) as sock:
        try:
            sock.bind(str(root / "sock.txt"))
            bad["sock.txt"] = "not a regular file"
        except OSError:  # a socket path over 107 bytes (a deep temporary folder): no socket case
            pass
    os.symlink("/dev/zero", root / "zero.txt")  # endless, and outside: never read
    bad["zero.txt"] = "symbolic link to outside the corpus, not followed"
    os.symlink("/etc/passwd", root / "passwd.txt")  # the corpus is the folder (issue 14)
    bad["passwd.txt"] = "symbolic link to outside the corpus, not followed"
    os.symlink("plain.txt", root / "alias.txt")  # a link inside the corpus is read
    good["alias.txt"] = "timetable"
    _write(root, "badfront.md", "---\ntitle: [unclosed\n: : :\n---\n\nThe dam held overnight.\n")
    good["badfront.md"] = "dam"  # malformed front matter: no metadata, the body still loads
    _write(root, "config.json", json.dumps({"name": "settings", "debug": True, "n": [1, 2]}))
    bad["config.json"] = "has no body text"
    _write(root, "numbers.json", json.dumps([1, 2, 3]))
    for n in range(3):
        bad[f"numbers.json#{n}"] = "not a JSON object"
    _write(root, "broken.json", '{"title": "Cut off", "body": "The text stops')
    bad["broken.json"] = "invalid JSON at line 1"
    # Python refuses to parse integers of 4300+ digits: that line is skipped, not the file
    giant = '{"body": "Line %d: the ferry sailed.", "n": %s}'
    _write(
        root, "giant.jsonl", "\n".join(giant % (n, "7" * (5000 if n == 1 else 1)) for n in range(3))
    )
    good["giant.jsonl#0"] = good["giant.jsonl#2"] = "ferry"
    bad["giant.jsonl#1"] = "a number is too long"
    _write(root, "nan.json", '{"title": NaN, "source": Infinity, "body": "The dam held."}')
    good["nan.json"] = "dam"
    for name in ("same-a.md", "same-b.md"):
        _write(root, name, f"# Same headline\n\nReport {name[-4]} on the same event.\n")
        good[name] = "event"
    return good, bad


def _check_reasons(skipped: list[Skipped] | tuple[Skipped, ...], bad: dict[str, str]) -> None:
    reasons = {s.path: s.reason for s in skipped}
    for path, part in bad.items():
        assert path in reasons, f"{path} has no reason in the summary"
        assert part in reasons[path], (path, reasons[path])
    for path, reason in reasons.items():
        assert reason and "\n" not in reason and len(reason) < 200
        assert not re.search("[\x00-\x1f\x7f-\x9f]", path + reason), (path, reason)


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict, dict]:
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", "1")
    root = tmp_path / "hostile"
    root.mkdir()
    good, bad = build_hostile(root)
    return root, good, bad


def test_loader_reports_every_bad_file_and_loads_the_rest(hostile: tuple[Path, dict, dict]) -> None:
    root, good, bad = hostile
    articles, skipped = load_corpus(root)
    _check_reasons(skipped, bad)
    bodies = {a.id: a.body for a in articles}
    assert set(bodies) == set(good)
    for art_id, word in good.items():
        assert word in bodies[art_id], art_id


def test_index_reports_every_bad_file_and_indexes_the_rest(
    hostile: tuple[Path, dict, dict], tmp_path: Path
) -> None:
    root, good, bad = hostile
    index = CorpusIndex(root, tmp_path / "ix")
    report = index.update()
    _check_reasons(report.skipped, bad)
    assert report.added == len(good)
    assert {a.id for a in index.articles()} == set(good)
    # an unchanged hostile corpus stays unchanged: nothing re-read, the reasons still listed
    again = index.update()
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(good))
    assert {s.path for s in again.skipped} == {s.path for s in report.skipped}
    assert [h.id for h in index.search("Zürich").hits] == ["utf16.txt"]


def test_damaged_utf8_keeps_its_accents_and_shows_the_damage() -> None:
    text = decode("Tromsø café".encode() + b" \xff end")
    assert text == "Tromsø café \ufffd end"
    # a legacy 8-bit file with no valid UTF-8 sequence still decodes as cp1252
    assert decode("café “x”".encode("cp1252")) == "café “x”"


def test_non_finite_numbers_are_not_metadata(hostile: tuple[Path, dict, dict]) -> None:
    root, _, _ = hostile
    articles, _ = load_corpus(root)
    (art,) = [a for a in articles if a.id == "nan.json"]
    assert (art.title, art.source) == ("The dam held.", None)  # never "nan" or "inf"


def test_duplicate_titles_keep_both_articles(hostile: tuple[Path, dict, dict]) -> None:
    root, _, _ = hostile
    articles, _ = load_corpus(root)
    same = [a for a in articles if a.title == "Same headline"]
    assert sorted(a.id for a in same) == ["same-a.md", "same-b.md"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_has_a_reason(tmp_path: Path) -> None:
    _write(tmp_path, "ok.txt", "Title\n\n" + GOOD_BODY)
    locked = _write(tmp_path, "locked.txt", "Title\n\n" + GOOD_BODY)
    locked.chmod(0)
    try:
        report = CorpusIndex(tmp_path, tmp_path.parent / "ix-locked").update()
    finally:
        locked.chmod(0o644)
    assert report.added == 1
    assert [(s.path, s.reason) for s in report.skipped] == [
        ("locked.txt", "cannot read file: Permission denied")
    ]


def _corpus_of(root: Path, n: int) -> list[Path]:
    return [
        _write(root, f"a{i:02d}.txt", f"Report {i}\n\nThe ferry number {i} sailed at dawn.\n")
        for i in range(n)
    ]


def test_file_deleted_while_indexing(tmp_path: Path) -> None:
    root = tmp_path / "c"
    paths = _corpus_of(root, 6)

    def delete_next(done: int, total: int, rel: str) -> None:
        if done < total:
            paths[done].unlink(missing_ok=True)

    index = CorpusIndex(root, tmp_path / "ix")
    report = index.update(progress=delete_next)
    # a00 was indexed, then every later file vanished just before its turn
    assert {a.id for a in index.articles()} == {"a00.txt"}
    assert report.added == 1
    again = index.update()
    assert again.removed == 0 and again.unchanged == 1 and not again.skipped


def test_file_changed_while_indexing(tmp_path: Path) -> None:
    root = tmp_path / "c"
    paths = _corpus_of(root, 4)

    def rewrite(done: int, total: int, rel: str) -> None:
        # rewrite the file just indexed (stale in the index) and the next one (before its read)
        for path in paths[done - 1 : done + 1]:
            path.write_text(f"Rewritten {path.stem}\n\nThe ferry {path.stem} was cancelled.\n")

    index = CorpusIndex(root, tmp_path / "ix")
    index.update(progress=rewrite)
    assert index.needs_update()  # the files indexed before their rewrite are seen as changed
    index.update()
    titles = {a.id: a.title for a in index.articles()}
    assert titles == {p.name: f"Rewritten {p.stem}" for p in paths}
    settled = index.update()  # files written < 2 s ago are re-hashed, and found unchanged
    assert (settled.added, settled.updated, settled.removed) == (0, 0, 0)


PATHOLOGICAL = {
    "lines.txt": ("Title\n\n", "a\n"),  # hard-wrapped one-letter lines
    "initials.txt": ("Title\n\n", "Mr. A. B. C. "),  # abbreviation joins
    "wrapped.md": ("# Title\n\n", "word\n"),
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL), ids=["lines", "initials", "wrapped"])
def test_pathological_text_loads_and_splits_in_linear_time(tmp_path: Path, name: str) -> None:
    # Both once took minutes (quadratic joins): 8 times the text now costs at most 24 times
    # the CPU (absolute figures at the old sizes, 300k lines...: bench/hot_paths.py).
    from tests.strategies import assert_linear

    head, unit = PATHOLOGICAL[name]
    fresh = count()

    def load_and_split(text: str) -> None:
        # a new last line each run: no cache answers for the loader or the splitter
        _write(tmp_path, name, f"{text}\nz{next(fresh)}\n")
        (article,), _ = load_file(tmp_path, tmp_path / name)
        spans = split_sentences(article.body)
        assert spans and all(article.body[s:e].strip() for s, e in spans)

    assert_linear(load_and_split, lambda n: head + unit * n)


async def test_app_opens_a_hostile_corpus_and_lists_the_reasons(
    hostile: tuple[Path, dict, dict], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.notifications import Notification

    from tests.pilot import settle
    from tui_reader.app import NewsReaderApp

    # as tests/app/conftest.py does: on a loaded machine the "Skipped" notification's 2 s
    # timeout passed before the assertion, and Textual had dropped it from app._notifications
    monkeypatch.setattr(Notification, "has_expired", property(lambda _self: False))

    root, good, bad = hostile
    app = NewsReaderApp(root, index_dir=tmp_path / "app-ix")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        assert app.is_running
        assert {a.id for a in app.state.articles} >= set(good)
        warnings = [n for n in app._notifications if n.title.startswith("Skipped")]
        assert len(warnings) == 1
        assert warnings[0].title == f"Skipped {len(bad)} file(s)"
        text = warnings[0].message
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
        for item in app.state.report.skipped[:8]:  # the first eight, each with its reason
            assert f"{item.path}: {item.reason}" in text
        await pilot.press("A")  # the articles list
        await settle(app, pilot)
        assert app.is_running


def test_folders_nested_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    root = tmp_path / "c"
    folder = root
    for _ in range(sys.getrecursionlimit() + 200):  # one mkdir at a time: makedirs recurses
        folder = folder / "a"
        folder.mkdir(parents=folder.parent == root)
    (folder / "deep.txt").write_text("Deep report\n\n" + GOOD_BODY, encoding="utf-8")
    _write(root, "top.txt", "Top report\n\n" + GOOD_BODY)
    try:
        articles, skipped = load_corpus(root)
        assert len(articles) == 2 and not skipped
        index = CorpusIndex(root, tmp_path / "ix")
        assert index.update().added == 2
        assert index.search("timetable").total == 2
    finally:
        # pytest's own clean-up (shutil.rmtree) recurses per level and would fail on this tree
        (folder / "deep.txt").unlink()
        while folder != root:
            folder.rmdir()
            folder = folder.parent
