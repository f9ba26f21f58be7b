"""Annotation storage: schema and migrations, re-attachment of marks, orphans, dismissals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from index.base.locations import corpus_key
from index.base.models import Article, Conflict, Passage, Span
from index.marks.anchoring import anchor, conflict_key, locate, text_hash
from index.marks.model import DISMISSED
from index.marks.schema import MIGRATIONS, SCHEMA_VERSION
from index.marks.store import DB_NAME, AnnotationError, AnnotationStore
from tests.helpers import REPO

BODY = (
    "The council met on Tuesday to discuss the harbour.\n\n"
    "Mayor Ilse Varga said the new pier would cost 4.2 million euros.\n\n"
    "Fishermen protested outside the town hall."
)
PIER = "Mayor Ilse Varga said the new pier would cost 4.2 million euros."


def _article(body: str = BODY) -> Article:
    return Article(id="a.md", path="a.md", title="Harbour", body=body, source="Coast Daily")


@pytest.fixture
def store(tmp_path: Path) -> AnnotationStore:
    with AnnotationStore(tmp_path / DB_NAME) as s:
        yield s


def test_fresh_store_is_wal_and_current(store: AnnotationStore) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    mode = store._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_open_uses_data_dir_flag_then_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "env"))
    with AnnotationStore.open() as s:
        assert s.path == tmp_path / "env" / DB_NAME
    with AnnotationStore.open(tmp_path / "flag") as s:
        assert s.path == tmp_path / "flag" / DB_NAME
    assert (tmp_path / "flag" / DB_NAME).is_file()


def test_version_1_database_is_migrated_keeping_rows(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute(
        'INSERT INTO annotations (corpus, article_id, start, "end", text, text_hash, '
        "label, note, created, updated) VALUES (?, 'a.md', 52, 116, ?, ?, 'confirmed', "
        "'old note', 't', 't')",
        (corpus_key(Path("c")), PIER, text_hash(PIER)),
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with AnnotationStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        (mark,) = s.marks("c")
        assert (mark.label, mark.note, mark.event_id, mark.conflict) == (
            "confirmed",
            "old note",
            None,
            None,
        )


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(AnnotationError, match="upgrade newsreader"):
        AnnotationStore(path)


def test_marks_labels_notes_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    start = BODY.index(PIER)
    with AnnotationStore(path) as s:
        mark = s.add("corpus-1", "a.md", start, start + len(PIER), PIER, event_id="ev-1")
        s.set_label(mark.id, "disputed")
        s.set_note(mark.id, "Check the figure\nwith the council.")
        other = s.add("corpus-1", "b.md", 0, 3, "The")
        assert s.delete(other.id)
        s.add("corpus-2", "a.md", 0, 3, "The")
    with AnnotationStore(path) as s:
        (again,) = s.marks("corpus-1")
        assert again.id == mark.id
        assert (again.label, again.note) == ("disputed", "Check the figure\nwith the council.")
        assert (again.start, again.text, again.event_id) == (start, PIER, "ev-1")
        assert s.marks("corpus-1", ["b.md"]) == []
        assert len(s.marks("corpus-2")) == 1


def test_mark_in_place_is_attached() -> None:
    start = BODY.index(PIER)
    assert locate(PIER, start, BODY) == ("attached", start, start + len(PIER))


def test_mark_moved_by_an_edit_above_is_found_by_its_text(store: AnnotationStore) -> None:
    start = BODY.index(PIER)
    mark = store.add("c", "a.md", start, start + len(PIER), PIER)
    edited = "UPDATE: a correction was added at the top of this report.\n\n" + BODY
    (found,) = store.anchored("c", {"a.md": _article(edited)})
    assert found.status == "moved"
    assert edited[found.start : found.end] == PIER  # type: ignore[misc]
    saved = store.get(mark.id)
    assert saved is not None and saved.start == edited.index(PIER)  # the new place is saved
    (again,) = store.anchored("c", {"a.md": _article(edited)})
    assert again.status == "attached"


def test_edited_passage_is_reattached_fuzzily() -> None:
    start = BODY.index(PIER)
    edited = BODY.replace("4.2 million", "4.5 million").replace("Tuesday", "Monday, 3 March,")
    status, s, e = locate(PIER, start, edited)
    assert status == "changed"
    assert edited[s:e] == PIER.replace("4.2", "4.5")  # type: ignore[index]


def test_mark_whose_text_is_gone_is_orphaned_not_dropped(store: AnnotationStore) -> None:
    start = BODY.index(PIER)
    store.add("c", "a.md", start, start + len(PIER), PIER, label="confirmed")
    store.add("c", "gone.md", 0, 3, "The", event_id="ev-9")
    rewritten = "The council met to discuss tourism.\n\nNothing was decided."
    found = store.anchored("c", {"a.md": _article(rewritten)}, ["a.md"], event_id="ev-9")
    assert [f.status for f in found] == ["orphaned", "orphaned"]
    assert found[0].text is None and found[0].annotation.text == PIER
    assert len(store.marks("c")) == 2  # still saved: the text may come back


def test_short_mark_inside_a_sentence_is_found_again() -> None:
    body = BODY.replace("the new pier", "the new  pier")  # re-spaced, shifted by one
    status, s, e = locate("4.2 million euros", BODY.index("4.2"), body)
    assert status == "moved" and body[s:e] == "4.2 million euros"  # type: ignore[index]


def test_anchor_without_article_is_orphaned(store: AnnotationStore) -> None:
    mark = store.add("c", "a.md", 0, 3, "The")
    assert anchor(mark, None).orphaned


def test_conflict_key_ignores_side_order_and_offsets(store: AnnotationStore) -> None:
    pa = Passage("a.md:1", "a.md", 10, 20, "It cost 4.2 million.")
    pb = Passage("b.md:4", "b.md", 90, 110, "It cost 4.5 million.")
    x = Conflict("number", Span(18, 21, "4.2"), Span(98, 101, "4.5"), "4.2 vs 4.5")
    swapped = Conflict("number", Span(98, 101, "4.5"), Span(18, 21, "4.2"), "4.5 vs 4.2")
    moved = Passage("a.md:7", "a.md", 300, 310, pa.text)
    assert conflict_key(x, pa, pb) == conflict_key(swapped, pb, pa) == conflict_key(x, moved, pb)
    other = Conflict("number", Span(18, 21, "4.2"), Span(98, 101, "4.6"), "4.2 vs 4.6")
    assert conflict_key(other, pa, pb) != conflict_key(x, pa, pb)
    store.add("c", "a.md", 10, 20, pa.text, label=DISMISSED, conflict=conflict_key(x, pa, pb))
    store.add("c", "a.md", 10, 20, pa.text, label="confirmed", conflict=conflict_key(other, pa, pb))
    assert store.dismissed("c") == {conflict_key(x, pa, pb)}


def test_two_processes_opening_a_new_database_at_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    repo = REPO
    code = (
        "import sys; from index.marks.store import AnnotationStore; "
        "s = AnnotationStore.open(sys.argv[1]); s.add('c', 'a.md', 0, 1, 'x'); print('ok')"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path)],
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [p.communicate(timeout=60) for p in procs]
    assert [out for out, _err in results] == ["ok\n"] * 4, results
    with AnnotationStore(tmp_path / DB_NAME) as s:
        assert s.schema_version() == SCHEMA_VERSION and len(s.marks("c")) == 4


def test_opening_waits_while_another_process_writes_a_new_database(tmp_path: Path) -> None:
    # SQLite answers "PRAGMA journal_mode=WAL" with "database is locked" at once, without the
    # busy timeout, while another connection is writing a database still in rollback mode (two
    # processes creating the store at the same moment): the store must wait, not fail.
    import sqlite3
    import threading
    import time

    path = tmp_path / DB_NAME
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE scratch(x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO scratch VALUES (1)")
    done = threading.Timer(0.4, lambda: other.execute("COMMIT"))
    done.start()
    started = time.monotonic()
    try:
        with AnnotationStore(path) as store:
            store.add("c", "a.md", 0, 1, "x")
            assert store.schema_version() == SCHEMA_VERSION and len(store.marks("c")) == 1
        assert time.monotonic() - started >= 0.3  # it waited for the other writer
    finally:
        done.join()
        other.close()
