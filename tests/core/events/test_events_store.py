"""Regrouping after a change reads the unchanged articles' terms back; the events are a full
grouping's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import index.events.cache as events_cache
from index.base.models import Article
from index.events.cache import cached_group_events
from index.events.collapse import group_events
from index.events.terms import Tokenizer
from index.ingest.loader import load_corpus


@pytest.fixture
def tokenized(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of every article tokenized from now on."""
    seen: list[str] = []
    scan = Tokenizer._scan  # under both rows() and terms()

    def counting(self: Tokenizer, texts: list, words: object) -> object:
        seen.extend(title for title, _, _ in texts)
        return scan(self, texts, words)  # type: ignore[arg-type]

    monkeypatch.setattr(Tokenizer, "_scan", counting)
    return seen


def _split(articles: list[Article]) -> tuple[list[Article], list[Article]]:
    return articles[: len(articles) - 4], articles[len(articles) - 4 :]


def test_added_articles_alone_are_tokenized(
    tmp_path: Path, corpus_dir: Path, tokenized: list[str]
) -> None:
    articles, _ = load_corpus(corpus_dir)
    first, added = _split(articles)
    assert cached_group_events(first, tmp_path) == group_events(first)
    tokenized.clear()
    grown = cached_group_events(first + added, tmp_path)
    assert sorted(tokenized) == sorted(a.title for a in added)
    assert grown == group_events(first + added)  # the same events as a grouping from scratch


def test_changed_article_is_tokenized_again(
    tmp_path: Path, corpus_dir: Path, tokenized: list[str]
) -> None:
    import dataclasses

    articles, _ = load_corpus(corpus_dir)
    cached_group_events(articles, tmp_path)
    edited = dataclasses.replace(articles[0], body=articles[0].body + " A late correction.")
    changed = [edited, *articles[1:]]
    tokenized.clear()
    events = cached_group_events(changed, tmp_path)
    assert tokenized == [edited.title]
    assert events == group_events(changed)


@pytest.mark.parametrize(
    "damage",
    [
        lambda terms: (terms / "features").write_bytes(b"\x00" * 7),
        lambda terms: (terms / "meta.json").write_text("{", encoding="utf-8"),
        lambda terms: (terms / "meta.json").write_text(
            json.dumps({"format": 1, "code": "other code", "rows": 1}), encoding="utf-8"
        ),
        lambda terms: (terms / "vocabulary.txt").write_text("one\ntwo", encoding="utf-8"),
        lambda terms: (terms / "hashes").unlink(),
    ],
)
def test_damaged_store_is_tokenized_again_and_replaced(
    tmp_path: Path, corpus_dir: Path, tokenized: list[str], damage: object
) -> None:
    articles, _ = load_corpus(corpus_dir)
    first, added = _split(articles)
    cached_group_events(first, tmp_path)
    damage(tmp_path / "terms")  # type: ignore[operator]
    tokenized.clear()
    events = cached_group_events(first + added, tmp_path)
    assert len(tokenized) == len(articles)  # nothing trusted from the damaged store
    assert events == group_events(first + added)
    tokenized.clear()
    cached_group_events(first, tmp_path)  # the store was replaced: read back again
    assert tokenized == []


def test_failed_grouping_leaves_the_old_store(
    tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, _ = load_corpus(corpus_dir)
    first, added = _split(articles)
    cached_group_events(first, tmp_path)
    before = sorted(p.name for p in (tmp_path / "terms").iterdir())

    def broken(*_args: object) -> list:
        raise RuntimeError("grouping failed")

    monkeypatch.setattr(events_cache, "group_with_families", broken)
    with pytest.raises(RuntimeError):
        cached_group_events(first + added, tmp_path)
    assert sorted(p.name for p in (tmp_path / "terms").iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["terms"]  # no temp
