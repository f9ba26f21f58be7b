"""A tiny hand-written corpus for the Pilot tests of the app, and a check that it loads."""

from __future__ import annotations

from pathlib import Path

from index.ingest.loader import load_corpus
from tests.helpers import write_corpus


def test_corpus_loads_with_brackets_kept(tmp_path: Path) -> None:
    articles, skipped = load_corpus(write_corpus(tmp_path))
    assert not skipped
    assert len(articles) == 4
    sources = {a.source for a in articles}
    assert "[Reuters]" in sources
