"""Errors a user can cause from the environment or the data dir: one line on stderr, exit 2."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from index.marks.schema import SCHEMA_VERSION
from index.marks.store import DB_NAME
from tui_reader.cli import main


@pytest.mark.parametrize("value", ["inf", "1e309", "nan", "-1"])
def test_a_size_limit_that_is_no_size_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Ferry\n\nThe ferry left at noon.\n")
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", value)  # inf: an OverflowError traceback before
    for argv in (["index", str(corpus)], ["search", "ferry", "--corpus", str(corpus)]):
        code = main([*argv, "--index-dir", str(tmp_path / "ix")])
        out, err = capsys.readouterr()
        assert (code, out) == (2, "")
        assert err.splitlines() == [
            "newsreader: error: NEWSREADER_MAX_FILE_MB must be a number of megabytes above 0 and"
            f" at most 1,000,000, not {value!r}"
        ]


def test_the_command_line_says_it_in_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / DB_NAME
    db = sqlite3.connect(path)  # another program's table, at our version
    db.execute("CREATE TABLE annotations (name TEXT)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.commit()
    db.close()
    code = main(
        ["export", "--marked", "--data-dir", str(tmp_path), "--index-dir", str(tmp_path / "ix")]
    )
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"newsreader: error: {path} is not a newsreader annotations database (its annotations"
        " table has no column article_id, conflict, corpus); move it away or choose another"
        " --data-dir"
    ]
