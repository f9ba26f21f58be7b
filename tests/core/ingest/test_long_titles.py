"""A "title" longer than 300 characters is text: cut for display, kept whole in the body."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from index.base.models import Article
from index.ingest.clean import MAX_TITLE_CHARS, cut_at_word
from index.ingest.loader import load_file

WORDS = "ferry harbour council storm bridge tram budget school river mayor".split()
REST = "The ferry sank near the harbour on Tuesday, officials said."


def _words(n: int) -> str:
    rng = random.Random(n)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _load(tmp_path: Path, name: str, text: str) -> Article:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (article,), skipped = load_file(tmp_path, tmp_path / name)
    assert skipped == []
    return article


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("a.txt", lambda line: f"{line}\n\n{REST}\n"),
        ("a.md", lambda line: f"# {line}\n\n{REST}\n"),
        ("b.md", lambda line: f"---\ntitle: {line}\n---\n\n{REST}\n"),
        ("a.json", lambda line: json.dumps({"title": line, "body": REST})),
    ],
)
def test_a_200000_character_title_is_cut_and_its_text_kept(
    tmp_path: Path, name: str, make: Callable[[str], str]
) -> None:
    line = _words(33_000)  # ~200,000 characters on one line
    assert len(line) > 190_000
    article = _load(tmp_path, name, make(line))
    assert len(article.title) <= MAX_TITLE_CHARS and article.title.endswith("\u2026")
    assert line.startswith(article.title[:-1])  # cut at a word, nothing made up
    assert article.body.startswith(line)  # searchable and readable, as written
    assert article.body.endswith(REST)


@pytest.mark.parametrize("length", [MAX_TITLE_CHARS - 1, MAX_TITLE_CHARS])
def test_a_title_up_to_the_limit_stays_whole_and_out_of_the_body(
    tmp_path: Path, length: int
) -> None:
    line = ("Harbour " * 60)[:length].strip()
    line = line + "x" * (length - len(line))
    article = _load(tmp_path, "a.txt", f"{line}\n\n{REST}\n")
    assert article.title == line and article.body == REST


def test_a_one_line_report_longer_than_a_title_keeps_one_copy(tmp_path: Path) -> None:
    line = _words(2000)
    article = _load(tmp_path, "a.txt", line + "\n")
    assert article.body == line  # its own body, not twice
    assert len(article.title) <= MAX_TITLE_CHARS


def test_cut_at_word() -> None:
    assert cut_at_word("short", 10) == "short"
    assert cut_at_word("one two three four", 12) == "one two\u2026"
    assert cut_at_word("x" * 50, 10) == "x" * 9 + "\u2026"
    assert cut_at_word("one, two three", 9) == "one\u2026"
