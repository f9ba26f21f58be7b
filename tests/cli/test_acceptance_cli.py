"""Acceptance: the command line as a fact-checker scripts it, on statements written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.comparison.build import relate
from tui_reader.cli import main


def gull_and_pier(tmp_path: Path) -> Path:
    """A corpus of two short reports without outlets: gulls on a pier, and the pier's repair."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gulls.txt").write_text("Gulls return\n\nGulls nested on the old pier again.\n")
    (corpus / "pier.txt").write_text("Pier repairs\n\nThe old pier will be repaired in May.\n")
    return corpus


def test_two_empty_statements_are_unrelated_not_shared() -> None:
    assert relate("", "").relation == "unrelated"
    assert relate("  ", "\n").relation == "unrelated"
    assert relate("The ferry left at noon.", "The ferry left at noon.").relation == "shared"


def test_pairs_line_without_both_statements_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        {"id": 1, "a": "Gulls nest on the pier."},
        ["a", "b"],
        "just text",
        {"id": 4, "a": "The pier reopened.", "b": "The pier reopened on Friday."},
    ]
    pairs.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    code = main(["compare", "--pairs", str(pairs), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 2
    assert [json.loads(x)["id"] for x in out.splitlines()] == [4]
    errors = err.splitlines()
    assert len(errors) == 3
    for number, message in zip((1, 2, 3), errors, strict=True):
        assert message.startswith(f"newsreader: error: {pairs}:{number}: ")
        assert '"a" and "b"' in message


def test_search_text_counts_one_article_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = gull_and_pier(tmp_path)
    args = ["--corpus", str(corpus), "--index-dir", str(tmp_path / "ix")]
    assert main(["search", "gulls", *args]) == 0
    assert "1 article matches 'gulls' (showing 1)" in capsys.readouterr().out
    assert main(["search", "pier", *args]) == 0
    assert "2 articles match 'pier' (showing 2)" in capsys.readouterr().out


def test_search_query_may_start_with_an_exclusion_and_span_several_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = gull_and_pier(tmp_path)
    args = ["--corpus", str(corpus), "--index-dir", str(tmp_path / "ix"), "--format", "json"]
    # README: "-word" excludes; a shell user types it unquoted, first or after other words
    for argv in (
        ["search", "-gulls", *args],
        ["search", *args, "-gulls"],
        ["search", "pier", "-gulls", *args],
        ["search", *args, "pier", "-gulls"],
    ):
        assert main(argv) == 0, argv
        hits = json.loads(capsys.readouterr().out)["hits"]
        assert [h["id"] for h in hits] == ["pier.txt"], argv
    assert main(["search", *args, "--", "-gulls"]) == 0
    assert [h["id"] for h in json.loads(capsys.readouterr().out)["hits"]] == ["pier.txt"]
    assert main(["search", "old", "pier", *args]) == 0
    assert json.loads(capsys.readouterr().out)["query"] == "old pier"


def test_events_of_a_corpus_without_articles_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("")
    assert main(["events", "--corpus", str(corpus), "--index-dir", str(tmp_path / "ix")]) == 0
    assert capsys.readouterr().out.strip() == "no events: no article was loaded"
    args = [
        "events",
        "--corpus",
        str(corpus),
        "--index-dir",
        str(tmp_path / "ix"),
        "--format",
        "json",
    ]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out) == {"events": []}


def test_a_file_given_as_the_corpus_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "notes.txt"
    note.write_text("Gulls return\n\nGulls nested on the pier.\n")
    assert main(["index", str(note), "--index-dir", str(tmp_path / "ix")]) == 2
    assert capsys.readouterr().err.strip() == f"newsreader: error: corpus is not a folder: {note}"


def test_search_text_labels_a_report_without_outlet_as_the_reader_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = gull_and_pier(tmp_path)
    assert (
        main(["search", "gulls", "--corpus", str(corpus), "--index-dir", str(tmp_path / "ix")]) == 0
    )
    out = capsys.readouterr().out
    assert "(no outlet)" in out and "unknown source" not in out
