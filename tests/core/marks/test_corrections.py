"""Corrections (merge, move, split) applied to a fresh grouping, anchored by article ids."""

from __future__ import annotations

from pathlib import Path

from index.base.models import Event
from index.events.group import event_id
from index.marks.corrections import Correction, apply_corrections


def _ev(title: str, *ids: str) -> Event:
    return Event(event_id(ids), title, tuple(sorted(ids)))


EVENTS = [_ev("Pier closed", "a", "b", "c"), _ev("Crane falls", "d", "e"), _ev("Court", "f")]


def _groups(events: tuple[Event, ...]) -> set[tuple[str, ...]]:
    return {e.article_ids for e in events}


def test_merge_move_split_and_the_corrected_flag() -> None:
    merged = apply_corrections(EVENTS, [Correction("merge", ("d",), "a", 1)])
    assert _groups(merged.events) == {("a", "b", "c", "d", "e"), ("f",)}
    (big,) = [e for e in merged.events if len(e.article_ids) == 5]
    assert big.title == "Pier closed" and merged.corrected == {big.id}
    moved = apply_corrections(EVENTS, [Correction("move", ("c",), "f", 1)])
    assert _groups(moved.events) == {("a", "b"), ("d", "e"), ("c", "f")}
    assert len(moved.corrected) == 2  # the event it left and the one it joined
    split = apply_corrections(EVENTS, [Correction("split", ("b", "c"), None, 1)])
    assert _groups(split.events) == {("a",), ("b", "c"), ("d", "e"), ("f",)}
    (part,) = [e for e in split.events if e.article_ids == ("b", "c")]
    assert part.title == "Pier closed"  # no report titles given: the event it left names it
    titled = apply_corrections(
        EVENTS, [Correction("split", ("c", "b"), None, 1)], {"c": "Ferry\x1b[31m  late", "b": "B"}
    )
    (part,) = [e for e in titled.events if e.article_ids == ("b", "c")]
    assert part.title == "Ferry late"  # its first report's title, cleaned
    assert apply_corrections(EVENTS, []).events == tuple(EVENTS)
    assert apply_corrections(EVENTS, []).corrected == frozenset()


def test_corrections_apply_in_order_and_moving_back_is_no_change() -> None:
    there = Correction("move", ("c",), "f", 1)
    back = Correction("move", ("c",), "a", 2)
    out = apply_corrections(EVENTS, [back, there])  # sorted by id, not by list order
    assert out.events == tuple(EVENTS) and out.corrected == frozenset()


def test_a_correction_naming_a_vanished_article_is_stale_and_skipped() -> None:
    gone = Correction("merge", ("zz",), "a", 1)
    kept = Correction("move", ("e",), "f", 2)
    out = apply_corrections(EVENTS, [gone, kept])
    assert out.stale == (gone,)
    assert _groups(out.events) == {("a", "b", "c"), ("d",), ("e", "f")}


def test_corrections_follow_articles_across_a_regrouping_with_new_event_ids() -> None:
    # The machine regroups (another event id for the same members plus a new report "g"):
    # the correction names articles, so it still applies.
    regrouped = [_ev("Pier closed", "a", "b", "c", "g"), _ev("Crane falls", "d", "e")]
    out = apply_corrections(regrouped, [Correction("split", ("g",), None, 1)])
    assert _groups(out.events) == {("a", "b", "c"), ("d", "e"), ("g",)}


def test_corrections_are_stored_per_corpus_survive_a_reopen_and_undo(tmp_path: Path) -> None:
    from index.marks.store import SCHEMA_VERSION, AnnotationStore

    db = tmp_path / "annotations.sqlite3"
    corpus, other = tmp_path / "news", tmp_path / "other"
    with AnnotationStore(db) as store:
        first = store.add_correction(corpus, Correction("merge", ("d",), "a"))
        second = store.add_correction(corpus, Correction("split", ("b", "c")))
        store.add_correction(other, Correction("move", ("x",), "y"))
        assert 0 < first.id < second.id
    with AnnotationStore(db) as store:  # a restart
        assert store.schema_version() == SCHEMA_VERSION
        saved = store.corrections(corpus)
        assert [(c.kind, c.articles, c.target) for c in saved] == [
            ("merge", ("d",), "a"),
            ("split", ("b", "c"), None),
        ]
        out = apply_corrections(EVENTS, saved)
        assert _groups(out.events) == {("a", "d", "e"), ("b", "c"), ("f",)}
        assert store.undo_correction(corpus) == second
        assert store.corrections(corpus) == [first]
        assert len(store.corrections(other)) == 1
