"""Errors a user can cause from the environment or the data dir: one line on stderr, exit 2."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from index.marks.schema import SCHEMA_VERSION
from index.marks.store import DB_NAME
from tui_reader.cli import main


@pytest.mark.parametrize("value", ["inf", "1e309", "nan", "-1", "1e-300"])
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
            "newsreader: error: NEWSREADER_MAX_FILE_MB must be a number of megabytes from 0.001"
            f" to 1,000,000, not {value!r}"
        ]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NEWSREADER_INDEX_PROCS", "0"),
        ("NEWSREADER_INDEX_PROCS", "1e9"),
        ("NEWSREADER_INDEX_PROCS", "two"),
        ("NEWSREADER_EVENT_PROCS", "-1"),
        ("NEWSREADER_EVENT_PROCS", "100000"),
        ("NEWSREADER_MAX_FILE_MB", "1e-300"),
    ],
)
def test_a_bad_number_in_the_environment_stops_every_command_and_the_app_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    value: str,
) -> None:
    """Checked at start, before any work: a slip was ignored ("two"), taken ("1e-300" made every
    file too large) or met later inside a worker."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    monkeypatch.setenv(name, value)
    for argv in (["index", str(corpus)], ["events", "--corpus", str(corpus)], [str(corpus)]):
        code = main([*argv, "--index-dir", str(tmp_path / "ix")])
        out, err = capsys.readouterr()
        assert (code, out) == (2, "")
        assert len(err.splitlines()) == 1
        assert err.startswith(f"newsreader: error: {name} must be a whole number") or (
            err.startswith(f"newsreader: error: {name} must be a number")
        )
        assert repr(value) in err
    assert not (tmp_path / "ix").exists()


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


def _linked_corpus(tmp_path: Path, name: str, text: str) -> Path:
    """A corpus of one report and a symbolic link ``name`` to a report outside it."""
    corpus, outside = tmp_path / "c", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (corpus / "a.txt").write_text("Ferry\n\nThe ferry left at noon.\n")
    (outside / name).write_text(text)
    (corpus / name).symlink_to(outside / name)
    return corpus


def test_links_outside_the_corpus_are_read_only_with_follow_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _linked_corpus(tmp_path, "passwd.txt", "Accounts\n\nroot:x:0:0:root:/root:/bin/bash\n")
    monkeypatch.setenv("NEWSREADER_FOLLOW_LINKS", "0")  # restored after the test (main sets it)
    argv = ["index", str(corpus), "--index-dir", str(tmp_path / "ix")]
    assert main(argv) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "skipped passwd.txt: symbolic link to outside the corpus, not followed"
    ]
    assert main([*argv, "--follow-links"]) == 0
    assert capsys.readouterr().out.startswith(
        "added 1, updated 0, removed 0, unchanged 1, skipped 0"
    )


def test_following_links_is_remembered_by_the_index_until_told_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run without --follow-links after one with it dropped every linked file; now the index
    keeps following until --no-follow-links."""
    corpus = _linked_corpus(
        tmp_path, "gull.txt", "Gulls\n\nA kittiwake colony nested on the pier.\n"
    )
    argv = ["index", str(corpus), "--index-dir", str(tmp_path / "ix")]
    search = ["search", "kittiwake", "--corpus", str(corpus), "--index-dir", str(tmp_path / "ix")]
    search += ["--format", "json"]

    # recorded as unset now, so the "1" main() sets for --follow-links goes at teardown
    monkeypatch.setenv("NEWSREADER_FOLLOW_LINKS", "")

    def run(*extra: str) -> list[str]:
        monkeypatch.delenv("NEWSREADER_FOLLOW_LINKS", raising=False)  # each run a new process
        assert main([*argv, *extra]) == 0
        return capsys.readouterr().out.splitlines()

    def found() -> bool:
        monkeypatch.delenv("NEWSREADER_FOLLOW_LINKS", raising=False)
        assert main(search) == 0
        return bool(json.loads(capsys.readouterr().out)["hits"])

    assert run("--follow-links")[0].startswith("added 2,")
    assert run()[0].startswith("added 0, updated 0, removed 0, unchanged 2, skipped 0")
    assert found()
    out = run("--no-follow-links")
    assert out[0].startswith("added 0, updated 0, removed 1, unchanged 1, skipped 1")
    assert out[1:] == ["skipped gull.txt: symbolic link to outside the corpus, not followed"]
    assert not found()
    assert run()[0].startswith("added 0, updated 0, removed 0, unchanged 1, skipped 1")


def test_text_output_lines_fit_the_terminal_whatever_the_titles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    flood = " ".join(["harbour ferry strike"] * 10_000)  # 200,000 characters on the first line
    (corpus / "flood.txt").write_text(f"{flood}\n\nThe ferry strike went on at the harbour.\n")
    (corpus / "outlet.json").write_text(
        json.dumps(
            {
                "title": "Ferry strike at the harbour " * 12,
                "source": "Harbour Gazette " * 400,
                "body": "The ferry strike at the harbour went on for a week.",
            }
        )
    )
    (corpus / "ok.txt").write_text("Ferry strike\n\nThe ferry strike at the harbour ended.\n")
    monkeypatch.setenv("COLUMNS", "80")
    common = ["--corpus", str(corpus), "--index-dir", str(tmp_path / "ix")]
    for argv in (["events", *common], ["search", "ferry", *common]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert 3 < len(out.splitlines()) < 40, out[:2000]  # no title flooding the terminal
        assert max(len(line) for line in out.splitlines()) <= 80
    assert main(["show", "flood.txt", *common]) == 0
    body = capsys.readouterr().out.split("\n\n", 2)[2]
    assert body.startswith(flood)  # the article keeps its text
