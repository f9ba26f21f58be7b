"""Size limits come from stat before any byte is read; a bad limit is one line (issue 16)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.base.errors import ConfigError
from index.ingest.decode import max_file_bytes
from index.store.corpus_index import CorpusIndex

BODY = "Ferry timetable approved\n\nThe council approved the new ferry timetable on Monday.\n"


def _bytes_read() -> int:
    """Bytes this process has read through read() calls so far (Linux /proc/self/io)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="needs Linux /proc/self/io")
def test_a_huge_sparse_file_is_skipped_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", "1")
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "1")  # all reading in this process
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text(BODY, encoding="utf-8")
    huge = corpus / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(4 << 30)  # 4 GiB of holes: the old hash read every one of them
    index = CorpusIndex(corpus, tmp_path / "ix")
    for attempt in ("first build", "after touch", "unchanged"):
        before = _bytes_read()
        report = index.update()
        read = _bytes_read() - before
        assert read < 32 << 20, (attempt, read)
        assert [(s.path, s.reason) for s in report.skipped] == [
            ("huge.txt", "file is larger than 1 MB")
        ]
        assert index.search("ferry").total == 1
        if attempt == "first build":
            os.utime(huge)  # a new mtime, same size: hashed again, never read


@pytest.mark.parametrize(
    "value", ["inf", "1e309", "-Infinity", "nan", "0", "-3", "abc", "1e7", "1e-300"]
)
def test_a_limit_that_is_not_a_size_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", value)
    with pytest.raises(ConfigError) as caught:
        max_file_bytes()
    message = str(caught.value)
    assert "\n" not in message and "NEWSREADER_MAX_FILE_MB" in message and value in message
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(ConfigError):
        CorpusIndex(corpus, tmp_path / "ix").update()


@pytest.mark.parametrize(
    ("value", "expected"), [("", 20 << 20), ("0.5", 1 << 19), (" 2 ", 2 << 20)]
)
def test_good_limits(monkeypatch: pytest.MonkeyPatch, value: str, expected: int) -> None:
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", value)
    assert max_file_bytes() == expected


def test_the_links_rule_names_the_walks_variable() -> None:
    from index.ingest.folder import FOLLOW_ENV
    from index.store import links

    assert links.FOLLOW_ENV == FOLLOW_ENV
