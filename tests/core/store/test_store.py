"""The on-disk index: incremental updates, no work when unchanged, rebuilds, repairs, locking."""

from __future__ import annotations

import json
import os
import stat
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from whoosh.filedb.filestore import RamStorage
from whoosh.index import FileIndex
from whoosh.util.filelock import FileLock

from index.base.errors import CorpusNotFound, IndexUnavailable
from index.base.models import Article
from index.engine.schema import article_fields, article_from_fields, build_schema, text_analyzer
from index.store.corpus_index import CorpusIndex, IndexReport
from index.store.manifest import MANIFEST_NAME, read_manifest, read_meta


def write_md(folder: Path, name: str, title: str, body: str, source: str | None = None) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    front = [f"title: {title}"] + ([f"source: {source}"] if source else [])
    path.write_text("---\n" + "\n".join(front) + "\n---\n\n" + body + "\n", encoding="utf-8")
    return path


def write_json(folder: Path, name: str, items: list[dict[str, str]]) -> Path:
    path = folder / name
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_md(folder, "harbour.md", "Harbour reopens", "The harbour reopened to ferries on Monday.")
    write_md(folder, "bridge.md", "Bridge closed", "Engineers closed the old bridge after cracks.")
    write_md(folder, "sub/school.md", "School rebuilt", "A new school opened in the valley town.")
    age(folder)
    return folder


def age(folder: Path, seconds: int = 3600) -> None:
    """Date every file back, as files in a real corpus are (fresh ones are re-hashed: racy)."""
    then = time.time_ns() - seconds * 1_000_000_000
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(then, then))


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "idx"


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and mtime_ns."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def store_dir(index_dir: Path) -> Path:
    meta = read_meta(index_dir)
    assert meta is not None
    return index_dir / meta.store


def test_first_build_indexes_every_file_and_reports_progress(corpus: Path, index_dir: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    with CorpusIndex(corpus, index_dir) as ix:
        assert ix.needs_update()
        report = ix.update(progress=lambda d, t, p: seen.append((d, t, p)))
        assert (report.added, report.updated, report.removed, report.unchanged) == (3, 0, 0, 0)
        assert report.note is None
        assert [a.id for a in ix.articles()] == ["bridge.md", "harbour.md", "sub/school.md"]
        assert not ix.needs_update()
    assert seen[-1] == (3, 3, "sub/school.md")
    assert [d for d, _, _ in seen] == [1, 2, 3]


def test_unchanged_corpus_opens_no_writer_and_touches_no_file(
    corpus: Path, index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    CorpusIndex(corpus, index_dir).update()
    before = snapshot(index_dir)

    def no_writer(*args: object, **kwargs: object) -> None:
        raise AssertionError("a writer was opened on an unchanged corpus")

    monkeypatch.setattr(FileIndex, "writer", no_writer)
    report = CorpusIndex(corpus, index_dir).update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 3)
    assert snapshot(index_dir) == before


def test_touched_file_with_same_bytes_is_not_reindexed(
    corpus: Path, index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ix = CorpusIndex(corpus, index_dir)
    ix.update()
    path = corpus / "bridge.md"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert ix.needs_update()
    monkeypatch.setattr(FileIndex, "writer", lambda *a, **k: pytest.fail("writer opened"))
    report = ix.update()
    assert (report.updated, report.unchanged) == (0, 3)
    assert not ix.needs_update()  # the manifest now has the new mtime


def test_incremental_add_change_delete(corpus: Path, index_dir: Path) -> None:
    ix = CorpusIndex(corpus, index_dir)
    ix.update()

    write_md(corpus, "dam.md", "Dam inspected", "Inspectors visited the dam at dawn.")
    report = ix.update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 0, 0, 3)
    assert ix.search("inspectors").hits[0].id == "dam.md"

    write_md(corpus, "bridge.md", "Bridge reopened", "The repaired bridge carries lorries again.")
    report = ix.update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 1, 0, 3)
    assert ix.search("cracks").total == 0
    assert [h.id for h in ix.search("lorries").hits] == ["bridge.md"]
    article = ix.article("bridge.md")
    assert article is not None and article.title == "Bridge reopened"

    (corpus / "harbour.md").unlink()
    report = ix.update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 1, 3)
    assert ix.article("harbour.md") is None
    assert ix.search("ferries").total == 0
    assert len(ix.articles()) == 3


def test_changed_json_file_replaces_all_its_articles(corpus: Path, index_dir: Path) -> None:
    items = [
        {"title": "Storm nears coast", "body": "A storm moved toward the coast overnight."},
        {"title": "Rail strike ends", "body": "Train drivers returned to work on Friday."},
        {"title": "Museum expands", "body": "The museum added a wing for textiles."},
    ]
    write_json(corpus, "wire.json", items)
    ix = CorpusIndex(corpus, index_dir)
    assert ix.update().added == 6
    write_json(corpus, "wire.json", [items[0], {"title": "Rail talks", "body": "Unions met."}])
    report = ix.update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 2, 1, 3)
    assert ix.article("wire.json#2") is None
    second = ix.article("wire.json#1")
    assert second is not None and second.title == "Rail talks"
    assert ix.search("textiles").total == 0
    assert len(ix.articles()) == 5


def test_broken_file_is_skipped_and_still_reported_when_unchanged(
    corpus: Path, index_dir: Path
) -> None:
    (corpus / "broken.json").write_text("{ not json", encoding="utf-8")
    ix = CorpusIndex(corpus, index_dir)
    report = ix.update()
    assert report.added == 3
    assert [s.path for s in report.skipped] == ["broken.json"]
    again = ix.update()
    assert again.unchanged == 3 and [s.path for s in again.skipped] == ["broken.json"]
    assert again.summary_line().startswith(
        "added 0, updated 0, removed 0, unchanged 3, skipped 1 in "
    )


def test_rebuild_makes_a_fresh_store(corpus: Path, index_dir: Path) -> None:
    ix = CorpusIndex(corpus, index_dir)
    ix.update()
    old_store = store_dir(index_dir)
    report = ix.update(rebuild=True)
    assert (report.added, report.unchanged) == (3, 0)
    assert store_dir(index_dir) != old_store and not old_store.exists()
    assert len(ix.articles()) == 3


def test_other_corpus_rebuilds_and_never_mixes(
    corpus: Path, index_dir: Path, tmp_path: Path
) -> None:
    CorpusIndex(corpus, index_dir).update()
    other = tmp_path / "other"
    write_md(other, "mine.md", "Mine flooded", "Water flooded the copper mine.")
    ix = CorpusIndex(other, index_dir)
    assert ix.needs_update()
    report = ix.update()
    assert report.note is not None and str(corpus.resolve()) in report.note
    assert "belonged to" in report.note
    assert [a.id for a in ix.articles()] == ["mine.md"]
    meta = read_meta(index_dir)
    assert meta is not None and meta.corpus == str(other.resolve())
    # The first corpus's object must not read the other corpus's index.
    with pytest.raises(IndexUnavailable):
        CorpusIndex(corpus, index_dir).search("harbour")


def test_read_only_corpus_is_indexed_without_writing_to_it(corpus: Path, index_dir: Path) -> None:
    before = snapshot(corpus)
    folders = [corpus, *(p for p in corpus.rglob("*") if p.is_dir())]
    files = [p for p in corpus.rglob("*") if p.is_file()]
    for path in files:
        path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    for folder in folders:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        ix = CorpusIndex(corpus, index_dir)
        assert ix.update().added == 3
        assert ix.update().unchanged == 3
        assert ix.search("ferries").total == 1
    finally:
        for folder in folders:
            folder.chmod(stat.S_IRWXU)
    assert snapshot(corpus) == before


def test_default_index_dir_is_outside_the_corpus(corpus: Path) -> None:
    ix = CorpusIndex(corpus)
    ix.update()
    assert not ix.index_dir.resolve().is_relative_to(corpus.resolve())
    assert (ix.index_dir / "meta.json").is_file()


def test_index_dir_inside_corpus_is_refused(corpus: Path) -> None:
    with pytest.raises(IndexUnavailable, match="outside the corpus"):
        CorpusIndex(corpus, corpus / ".index")


def test_missing_corpus_raises(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFound):
        CorpusIndex(tmp_path / "nowhere")


def _segment(index_dir: Path) -> Path:
    """The store's biggest file: a compound .seg, or the postings of a non-compound segment."""
    files = [p for p in store_dir(index_dir).iterdir() if p.is_file() and p.suffix != ".toc"]
    return max(files, key=lambda p: p.stat().st_size)


def _truncate(index_dir: Path) -> None:
    seg = _segment(index_dir)
    seg.write_bytes(seg.read_bytes()[: seg.stat().st_size // 2])


def _garble(index_dir: Path) -> None:
    seg = _segment(index_dir)
    seg.write_bytes(bytes((i * 37) % 251 for i in range(seg.stat().st_size)))


def _drop_toc(index_dir: Path) -> None:
    for toc in store_dir(index_dir).glob("*.toc"):
        toc.unlink()


def _garble_manifest(index_dir: Path) -> None:
    (index_dir / MANIFEST_NAME).write_text('{"format": 1, "files": ', encoding="utf-8")


@pytest.mark.parametrize("damage", [_truncate, _garble, _drop_toc, _garble_manifest])
def test_damaged_index_is_detected_and_repaired(
    corpus: Path, index_dir: Path, damage: Callable[[Path], None]
) -> None:
    CorpusIndex(corpus, index_dir).update()
    damage(index_dir)
    ix = CorpusIndex(corpus, index_dir)
    assert ix.needs_update()
    if damage is not _garble_manifest:
        with pytest.raises(IndexUnavailable, match="damaged|cannot be read"):
            ix.search("harbour")
    report = ix.update()
    assert report.note is not None and report.note.startswith("repaired a damaged index")
    assert report.added == 3
    assert [h.id for h in ix.search("ferries").hits] == ["harbour.md"]
    assert not ix.needs_update()


def test_crash_between_commit_and_manifest_is_repaired(corpus: Path, index_dir: Path) -> None:
    ix = CorpusIndex(corpus, index_dir)
    ix.update()
    stale = (index_dir / MANIFEST_NAME).read_bytes()
    write_md(corpus, "dam.md", "Dam inspected", "Inspectors visited the dam at dawn.")
    ix.update()
    (index_dir / MANIFEST_NAME).write_bytes(stale)  # as if we died right after the commit
    report = ix.update()
    assert report.note is not None and "repaired" in report.note
    assert sorted(a.id for a in ix.articles()) == [
        "bridge.md",
        "dam.md",
        "harbour.md",
        "sub/school.md",
    ]


def test_second_indexer_waits_then_gives_a_clear_error(corpus: Path, index_dir: Path) -> None:
    ix = CorpusIndex(corpus, index_dir, lock_timeout=0.3)
    ix.update()
    write_md(corpus, "dam.md", "Dam inspected", "Inspectors visited the dam.")
    held = FileLock(str(index_dir / "update.lock"))
    assert held.acquire()
    try:
        with pytest.raises(IndexUnavailable, match="another newsreader is indexing"):
            ix.update()
    finally:
        held.release()
    assert ix.update().added == 1


def test_manifest_records_stat_hash_and_ids(corpus: Path, index_dir: Path) -> None:
    CorpusIndex(corpus, index_dir).update()
    manifest = read_manifest(index_dir)
    assert manifest is not None
    record = manifest.files["sub/school.md"]
    assert record.ids == ("sub/school.md",)
    assert record.size == (corpus / "sub/school.md").stat().st_size
    assert record.mtime_ns == (corpus / "sub/school.md").stat().st_mtime_ns
    assert len(record.digest) == 32


def test_report_summary_line() -> None:
    report = IndexReport(3, 1, 0, 12, (), 0.421)
    assert (
        report.summary_line() == "added 3, updated 1, removed 0, unchanged 12, skipped 0 in 0.42 s"
    )


def test_schema_round_trips_an_article_in_ram_storage() -> None:
    article = Article(
        id="a/x.json#1",
        path="a/x.json",
        title="Ceasefire in Priština",
        body="Troops  left.\nThe talks go on.",
        source="The Wire",
        published="2024-05-01",
        url="https://example.org/x",
    )
    ix = RamStorage().create_index(build_schema())
    with ix.writer() as writer:
        writer.add_document(**article_fields(article))
    with ix.searcher() as searcher:
        stored = searcher.document(id="a/x.json#1")
        assert stored is not None and article_from_fields(stored) == article
        assert searcher.document(path="a/x.json") is not None
    words = [t.text for t in text_analyzer()("Troops in Priština")]
    assert words == ["troop", "pristina"]


def test_parallel_writer_builds_a_consistent_index(
    corpus: Path, index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "2")
    ix = CorpusIndex(corpus, index_dir)
    assert ix.update().added == 3
    assert not ix.needs_update()  # the multi-segment store passes the open-time checks
    assert [h.id for h in ix.search("ferries").hits] == ["harbour.md"]
    write_md(corpus, "harbour.md", "Harbour shut", "Storms shut the harbour again.")
    assert ix.update().updated == 1
    assert ix.search("ferries").total == 0 and ix.search("storms").total == 1


def test_read_failure_marks_the_index_for_repair(
    corpus: Path, index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damage the open-time checks miss fails a search; the next update must rebuild it."""
    ix = CorpusIndex(corpus, index_dir)
    ix.update()
    assert not ix.needs_update()

    def broken(*args: object, **kwargs: object) -> None:
        raise struct.error("unpack requires a buffer of 4 bytes")

    with monkeypatch.context() as patch:
        patch.setattr("index.store.corpus_index.run_search", broken)
        with pytest.raises(IndexUnavailable, match="cannot be read"):
            ix.search("ferries")
    assert ix.needs_update()
    report = ix.update()
    assert report.note is not None and "reading it failed: error" in report.note
    assert [h.id for h in ix.search("ferries").hits] == ["harbour.md"]
    assert not ix.needs_update()


def test_update_waits_for_another_process_then_proceeds(corpus: Path, index_dir: Path) -> None:
    ix = CorpusIndex(corpus, index_dir, lock_timeout=10)
    ix.update()
    write_md(corpus, "dam.md", "Dam inspected", "Inspectors visited the dam.")
    holder = (
        "import sys, time\n"
        "from whoosh.util.filelock import FileLock\n"
        "lock = FileLock(sys.argv[1])\n"
        "assert lock.acquire()\n"
        "print('locked', flush=True)\n"
        "time.sleep(1.0)\n"
        "lock.release()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder, str(index_dir / "update.lock")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        started = time.monotonic()
        report = ix.update()
        waited = time.monotonic() - started
    finally:
        proc.wait(timeout=10)
    assert report.added == 1
    assert waited >= 0.5  # it really waited for the other process's lock


def test_same_size_rewrite_in_the_same_clock_tick_is_not_missed(
    corpus: Path, index_dir: Path
) -> None:
    ix = CorpusIndex(corpus, index_dir)
    ix.update()
    path = write_md(corpus, "dam.md", "Dam inspected", "Inspectors visited the dam at dawn.")
    assert ix.update().added == 1
    tick = path.stat().st_mtime_ns
    write_md(corpus, "dam.md", "Dam inspected", "Inspectors visited the dam at dusk.")
    os.utime(path, ns=(tick, tick))  # same size, same mtime: only the bytes differ
    assert ix.needs_update()
    assert ix.update().updated == 1
    assert [h.id for h in ix.search("dusk").hits] == ["dam.md"]
    age(corpus)
    ix.update()
    assert not ix.needs_update()  # once old enough, the stat is trusted again


def test_index_from_another_schema_version_is_rebuilt(corpus: Path, index_dir: Path) -> None:
    ix = CorpusIndex(corpus, index_dir)
    ix.update()
    meta_path = index_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["schema_version"] -= 1
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    assert ix.needs_update()
    report = ix.update()
    assert report.note is not None and "another version" in report.note
    assert report.added == 3 and not ix.needs_update()
