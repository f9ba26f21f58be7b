"""The events memory bench reads a corpus's files as the loader does, one file at a time."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.helpers import BENCH, write_corpus

sys.path.insert(0, str(BENCH))

from events_memory import files  # noqa: E402


def test_the_bench_streams_every_article_of_the_corpus_in_order(tmp_path: Path) -> None:
    from index.ingest.loader import load_corpus

    corpus = write_corpus(tmp_path / "corpus", with_copy=True)
    (corpus / "odd name, with spaces.txt").write_text("A title\n\nA body line here.\n", "utf-8")
    (corpus / "deep" / "er").mkdir(parents=True)
    (corpus / "deep" / "er" / "x.txt").write_text("Deep title\n\nDeep body text.\n", "utf-8")
    articles, _ = load_corpus(corpus)
    assert len(articles) > 3
    assert list(files(corpus)) == articles


def test_an_empty_folder_streams_nothing(tmp_path: Path) -> None:
    assert list(files(tmp_path)) == []
