"""The speed paths of the index give the same answers as the plain ones."""

from __future__ import annotations

import os
import time
from pathlib import Path

from index.store.corpus_index import CorpusIndex
from index.store.manifest import read_manifest, read_store_record
from index.store.plan import hash_checked, plan_changes


def _write(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    old = time.time() - 3600  # aged: the stat is trusted, not re-hashed as too recent
    os.utime(path, (old, old))
    return path


def test_hash_checked_cheap_plan_equals_the_hashed_plan(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for n in range(6):
        _write(corpus, f"sub/a{n}.txt", f"Ferry {n}", f"The ferry number {n} docked late.")
    index_dir = tmp_path / "index"
    CorpusIndex(corpus, index_dir).update()
    manifest = read_manifest(index_dir)
    assert manifest is not None
    touched = corpus / "sub/a0.txt"
    os.utime(touched, (time.time() - 60, time.time() - 60))  # same bytes, new mtime
    _write(corpus, "sub/a1.txt", "Ferry 1", "The ferry number 1 sank.")  # new bytes
    (corpus / "sub/a2.txt").unlink()
    _write(corpus, "new.txt", "Bridge", "A bridge opened.")
    cheap = plan_changes(corpus, manifest, hash_changed=False)
    assert {rel for rel, _, _ in cheap.changed} == {"sub/a0.txt", "sub/a1.txt"}
    hashed = plan_changes(corpus, manifest, hash_changed=True)
    checked = hash_checked(cheap, manifest)
    for plan in (hashed, checked):
        assert [rel for rel, _, _ in plan.changed] == ["sub/a1.txt"]
        assert [rel for rel, _, _ in plan.new] == ["new.txt"]
        assert plan.removed == ["sub/a2.txt"]
        assert plan.touched
    assert checked.kept == hashed.kept


def test_update_after_changes_matches_a_rebuild(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for n in range(5):
        _write(corpus, f"a{n}.txt", f"Harbour {n}", f"Cranes at the harbour moved {n} ships.")
    index = CorpusIndex(corpus, tmp_path / "index")
    index.update()
    _write(corpus, "a3.txt", "Harbour 3", "Dredgers replaced the cranes.")
    _write(corpus, "b.txt", "Canal", "A canal lock failed.")
    report = index.update()
    assert (report.added, report.updated, report.unchanged) == (1, 1, 4)
    assert index.search("dredgers").total == 1 and index.search("cranes").total == 5
    assert index.search("canal lock").hits[0].id == "b.txt"
    fresh = CorpusIndex(corpus, tmp_path / "fresh")
    fresh.update()
    for query in ("harbour", "ships", "cranes OR canal"):
        assert [h.id for h in index.search(query).hits] == [h.id for h in fresh.search(query).hits]


def test_store_record_is_the_manifest_head(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write(corpus, "a.txt", "Dam", "The dam held.")
    index_dir = tmp_path / "index"
    CorpusIndex(corpus, index_dir).update()
    manifest = read_manifest(index_dir)
    record = read_store_record(index_dir)
    assert manifest is not None and record is not None
    assert (record.store, record.generation, record.doc_count, record.store_files) == (
        manifest.store,
        manifest.generation,
        manifest.doc_count,
        manifest.store_files,
    )
    (index_dir / "manifest.json").write_text('{"format": 1, "files": ', encoding="utf-8")
    assert read_store_record(index_dir) is None
