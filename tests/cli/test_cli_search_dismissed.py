"""`newsreader search conflict:TYPE` leaves out the conflicts you dismissed as false, as the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index import AnnotationStore, compare, conflict_key, load_corpus
from index.marks.model import DISMISSED
from tests.helpers import GAZETTE, write_corpus
from tui_reader.cli import main


def _hits(capsys: pytest.CaptureFixture[str], *argv: str) -> set[str]:
    assert main(list(argv)) == 0
    return {h["id"] for h in json.loads(capsys.readouterr().out)["hits"]}


def test_search_conflict_filter_skips_dismissed_conflicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path)
    common = ["--corpus", str(corpus), "--index-dir", str(tmp_path / "ix"), "--format", "json"]
    assert _hits(capsys, "search", "conflict:number", *common) == {
        GAZETTE,
        "harbour/coast-herald.md",
    }
    # dismiss every number conflict of the harbour reports, as x does in the app
    articles, _skipped = load_corpus(corpus)
    harbour = [a for a in articles if a.id.startswith("harbour/")]
    comparison = compare(harbour)
    passage = {p.id: p for p in comparison.passages}
    with AnnotationStore.open(None) as store:
        for link in comparison.links:
            for x in link.conflicts:
                if x.type == "number":
                    pa = passage[link.a]
                    key = conflict_key(x, pa, passage[link.b])
                    store.add(
                        corpus, pa.article_id, pa.start, pa.end, pa.text,
                        label=DISMISSED, conflict=key,
                    )  # fmt: skip
    assert _hits(capsys, "search", "conflict:number", *common) == set()
    # the other filters are untouched
    assert _hits(capsys, "search", "union", *common)
