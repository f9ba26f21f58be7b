"""Incremental regrouping: only the events the changed articles reach are grouped again, the
others are kept; it falls back to a full grouping for small corpora and after enough drift."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import index.events.cache as events_cache
import index.events.incremental as incremental
from index.base.models import Article, Event
from index.events.cache import cached_group_events
from index.events.collapse import group_events
from index.ingest.loader import load_corpus


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Incremental regrouping for any corpus size and any drift; the sizes of the local
    groupings it made, in order."""
    monkeypatch.setattr(incremental, "INCREMENTAL_MIN", 1)
    monkeypatch.setattr(events_cache, "INCREMENTAL_MIN", 1)
    monkeypatch.setattr(incremental, "DRIFT_SHARE", 1.0)
    made: list[int] = []
    group = incremental.group_matrix

    def counting(ids: list[str], titles: list[str], matrix: object) -> list[Event]:
        made.append(len(ids))
        return group(ids, titles, matrix)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "group_matrix", counting)
    return made


def _event_of(events: list[Event], article_id: str) -> Event:
    return next(e for e in events if article_id in e.article_ids)


def _partition(events: list[Event], articles: list[Article]) -> bool:
    ids = [a for e in events for a in e.article_ids]
    return len(ids) == len(articles) and set(ids) == {a.id for a in articles}


def test_added_reports_join_their_events_and_the_rest_is_kept(
    tmp_path: Path, corpus_dir: Path, forced: list[int]
) -> None:
    articles, _ = load_corpus(corpus_dir)
    full = group_events(articles)
    # one report of each of the two largest events held back, then added
    held = [full[0].article_ids[-1], full[1].article_ids[-1]]
    first = [a for a in articles if a.id not in held]
    before = cached_group_events(first, tmp_path)
    assert forced == []  # no base yet: a full grouping
    after = cached_group_events(articles, tmp_path)
    assert forced and forced[0] < len(articles)  # grouped again: only part of the corpus
    assert _partition(after, articles)
    for added, event in zip(held, full[:2], strict=True):
        assert _event_of(after, added).article_ids == event.article_ids
    # the events no added report reached are the old ones, ids and titles too
    reached = {_event_of(before, a).id for e in full[:2] for a in e.article_ids if a not in held}
    assert [e for e in before if e.id not in reached] == [
        e for e in after if e.id not in {_event_of(after, a).id for a in held}
    ]
    assert after == full  # on this corpus, the same events as a full grouping


def test_removed_and_changed_reports(tmp_path: Path, corpus_dir: Path, forced: list[int]) -> None:
    articles, _ = load_corpus(corpus_dir)
    cached_group_events(articles, tmp_path)
    gone = articles[0]
    edited = dataclasses.replace(articles[1], body=articles[1].body + " A late correction.")
    changed = [edited, *articles[2:]]
    events = cached_group_events(changed, tmp_path)
    assert forced  # regrouped incrementally
    assert _partition(events, changed)
    assert all(gone.id not in e.article_ids for e in events)
    assert events == group_events(changed)


def test_a_new_copy_joins_its_originals_event(
    tmp_path: Path, corpus_dir: Path, forced: list[int]
) -> None:
    articles, _ = load_corpus(corpus_dir)
    before = cached_group_events(articles, tmp_path)
    original = articles[3]
    copy = dataclasses.replace(original, id="reprint/copy.md", path="reprint/copy.md")
    grown = [*articles, copy]
    after = cached_group_events(grown, tmp_path)
    assert forced
    assert _partition(after, grown)
    event = _event_of(after, copy.id)
    assert set(event.article_ids) == {*_event_of(before, original.id).article_ids, copy.id}


def test_small_corpora_and_drift_group_in_full(
    tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object) -> list[Event]:
        raise AssertionError("regrouped incrementally")

    monkeypatch.setattr(events_cache, "regroup_near", refused)
    articles, _ = load_corpus(corpus_dir)
    cached_group_events(articles[:-1], tmp_path)
    # below INCREMENTAL_MIN articles: in full
    assert cached_group_events(articles, tmp_path) == group_events(articles)
    # at any size, once the changes since the last full grouping pass DRIFT_SHARE: in full
    monkeypatch.setattr(incremental, "INCREMENTAL_MIN", 1)
    monkeypatch.setattr(events_cache, "INCREMENTAL_MIN", 1)
    monkeypatch.setattr(incremental, "DRIFT_SHARE", 1 / len(articles))
    assert cached_group_events(articles[:-3], tmp_path) == group_events(articles[:-3])


def test_drift_adds_up_until_a_full_grouping(
    tmp_path: Path, corpus_dir: Path, forced: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, _ = load_corpus(corpus_dir)
    monkeypatch.setattr(incremental, "DRIFT_SHARE", 2.5 / (len(articles) - 2))
    cached_group_events(articles[:-2], tmp_path)
    cached_group_events(articles[:-1], tmp_path)  # one change: incremental
    assert len(forced) == 1
    drifts = [json.loads(p.read_text(encoding="utf-8"))["drift"] for p in tmp_path.glob("*.json")]
    assert sorted(drifts) == [0, 1]
    cached_group_events(articles, tmp_path)  # two since the full one: still within 2.5
    assert len(forced) == 2
    cached_group_events(articles[1:], tmp_path)  # 1 + 2 more would pass it: in full
    assert len(forced) == 2


def test_a_base_of_other_code_is_not_used(
    tmp_path: Path, corpus_dir: Path, forced: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, _ = load_corpus(corpus_dir)
    cached_group_events(articles[:-1], tmp_path)
    for path in tmp_path.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["code"] = "other code"
        path.write_text(json.dumps(data), encoding="utf-8")
    assert cached_group_events(articles, tmp_path) == group_events(articles)
    assert forced == []
