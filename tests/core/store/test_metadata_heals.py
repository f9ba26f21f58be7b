"""Every metadata file of the index is read defensively and rebuilt when newsreader did not
write it: deep nesting, numbers out of range, wrong types, a folder in its place (issue 16)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index.base.errors import NewsreaderError
from index.store import manifest
from index.store.corpus_index import CorpusIndex
from index.store.manifest import DAMAGED_NAME, MANIFEST_NAME, META_NAME, read_store_record

BODY = "The council approved the new ferry timetable on Monday.\n"


def _index(tmp_path: Path) -> CorpusIndex:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"a{n}.txt").write_text(f"Report {n}\n\n{BODY}", encoding="utf-8")
    index = CorpusIndex(corpus, tmp_path / "ix")
    assert index.update().added == 3
    return index


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _folder(path: Path) -> None:
    path.unlink(missing_ok=True)
    (path / "inside").mkdir(parents=True)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "deep nesting": lambda p: p.write_text("[" * 100_000),
    "deep nesting inside": lambda p: p.write_text('{"format": 1, "corpus": ' + "[" * 50_000),
    "1e999": lambda p: _edit(p, lambda d: d.update(doc_count=1e999, schema_version=1e999)),
    "huge int": lambda p: _edit(p, lambda d: d.update(generation=10**400, schema_version=-1)),
    "bool for int": lambda p: _edit(p, lambda d: d.update(generation=True, schema_version=True)),
    "string for int": lambda p: _edit(p, lambda d: d.update(doc_count="3", schema_version="3")),
    "list for object": lambda p: _edit(p, lambda d: d.update(store_files=[1], store=[1])),
    "bad file record": lambda p: _edit(
        p, lambda d: d.update(files={"a0.txt": {"size": 1e999}}, corpus=None)
    ),
    "bad skips": lambda p: _edit(
        p, lambda d: d.update(files={"a0.txt": {"skipped": [[1, 2, 3]]}}, store=7)
    ),
    "a folder in its place": _folder,
    "too large": lambda p: p.write_text('{"pad": "' + "x" * (2 << 20) + '"}'),
}


@pytest.mark.parametrize("name", [MANIFEST_NAME, META_NAME])
@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_metadata_is_rebuilt_by_the_next_update(
    tmp_path: Path, name: str, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manifest, "MANIFEST_LIMIT", 1 << 20)  # 512 MB in use: same code path
    index = _index(tmp_path)
    DAMAGE[damage](index.index_dir / name)
    reader = CorpusIndex(index.corpus, index.index_dir)
    try:
        reader.search("ferry")  # a reader: the right answer, or one clear error
    except NewsreaderError as error:
        assert "\n" not in str(error)
    assert read_store_record(index.index_dir) is None or name == META_NAME
    report = index.update()
    assert report.note is not None and report.note.startswith("repaired"), report.note
    assert report.added == 3 and index.search("ferry").total == 3
    again = index.update()  # healed: nothing left to repair
    assert again.note is None and again.unchanged == 3
    assert (index.index_dir / name).is_file()


@pytest.mark.parametrize(
    "damage", ["deep nesting", "a folder in its place", "bool for int", "too large"]
)
def test_a_damaged_damage_mark_is_ignored_and_cleared(tmp_path: Path, damage: str) -> None:
    """damaged.json (64 KB at most) is a mark a reader leaves: garbage there marks nothing."""
    index = _index(tmp_path)
    mark = index.index_dir / DAMAGED_NAME
    mark.write_text(json.dumps({"store": "ix-0", "reason": "x"}), encoding="utf-8")
    DAMAGE[damage](mark)
    report = index.update()
    assert report.note is None and report.unchanged == 3
    assert index.search("ferry").total == 3
    assert index.update(rebuild=True).added == 3
    assert not mark.exists()  # a rebuild clears it, even a folder


def test_a_foreign_damage_reason_is_never_printed_as_is(tmp_path: Path) -> None:
    index = _index(tmp_path)
    store = json.loads((index.index_dir / META_NAME).read_text())["store"]
    mark = index.index_dir / DAMAGED_NAME
    mark.write_text(json.dumps({"store": store, "reason": ["\x1b[2J"] * 9}), encoding="utf-8")
    report = index.update()
    assert report.note == "repaired a damaged index (reading it failed)"
