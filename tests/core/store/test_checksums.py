"""Store files carry a checksum from their commit: bytes changed in place are found and rebuilt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.base.errors import IndexUnavailable
from index.store.corpus_index import VERIFIED, CorpusIndex
from index.store.manifest import read_manifest

WORDS = ["wetland", "ferry", "harbour", "council", "tram", "bridge", "budget", "school"]


def _index(tmp_path: Path) -> CorpusIndex:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for n in range(400):  # a .trm file of several blocks of 4 KB
        words = " ".join(f"{WORDS[(n + k) % 8]}{n % 50}x{k}" for k in range(60))
        body = f"Report {n}\n\nThe {WORDS[n % 8]} board met on day {n}. {words}.\n"
        (corpus / f"a{n:03d}.txt").write_text(body, encoding="utf-8")
    index = CorpusIndex(corpus, tmp_path / "ix")
    index.update()
    return index


def _zero_4k(index: CorpusIndex, keep_mtime: bool) -> Path:
    """4 KB of zeros written over the middle of the store's largest .trm file, same size."""
    manifest = read_manifest(index.index_dir)
    assert manifest is not None and manifest.store_sums
    folder = index.index_dir / manifest.store
    trm = max(folder.glob("*.trm"), key=lambda p: p.stat().st_size)
    st = trm.stat()
    assert st.st_size > 12 << 10
    with trm.open("r+b") as handle:
        handle.seek(st.st_size // 2)
        handle.write(b"\0" * 4096)
    if keep_mtime:  # damage the mtime does not show (a disk fault, a careful hand)
        os.utime(trm, ns=(st.st_atime_ns, st.st_mtime_ns))
    return trm


def test_zeroed_bytes_in_a_term_file_are_found_and_rebuilt(tmp_path: Path) -> None:
    index = _index(tmp_path)
    answer = index.search("wetland OR ferry").total
    _zero_4k(index, keep_mtime=False)
    with pytest.raises(IndexUnavailable, match="checksum"):
        CorpusIndex(index.corpus, index.index_dir).search("wetland OR ferry")
    report = index.update()
    assert report.note is not None and "checksum" in report.note
    assert index.search("wetland OR ferry").total == answer
    assert index.update().note is None


def test_verify_reads_every_file(tmp_path: Path) -> None:
    index = _index(tmp_path)
    answer = index.search("wetland OR ferry").total
    _zero_4k(index, keep_mtime=True)
    assert index.update().note is None  # a stat alone cannot see it
    report = index.update(verify=True)
    assert report.note is not None and "checksum" in report.note and report.added == 400
    assert index.search("wetland OR ferry").total == answer


def test_a_touched_store_file_is_read_once_then_trusted(tmp_path: Path) -> None:
    index = _index(tmp_path)
    manifest = read_manifest(index.index_dir)
    assert manifest is not None
    folder = index.index_dir / manifest.store
    for name in manifest.store_sums:
        os.utime(folder / name)  # as a copy that does not keep times
    assert index.update().note is None  # same bytes: nothing to repair
    for name, (mtime, _) in manifest.store_sums.items():
        assert (folder / name).stat().st_mtime_ns == mtime  # its committed mtime is back


def test_an_update_records_sums_of_its_new_files_only(tmp_path: Path) -> None:
    index = _index(tmp_path)
    before = read_manifest(index.index_dir)
    (index.corpus / "new.txt").write_text("New report\n\nThe tram board met.\n", encoding="utf-8")
    assert index.update().added == 1
    after = read_manifest(index.index_dir)
    assert before is not None and after is not None
    assert set(after.store_sums) == set(after.store_files)
    kept = set(before.store_sums) & set(after.store_sums)
    assert kept and all(before.store_sums[n] == after.store_sums[n] for n in kept)


def test_newsreader_index_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui_reader.cli import main

    index = _index(tmp_path)
    argv = ["index", str(index.corpus), "--index-dir", str(index.index_dir)]
    assert main([*argv, "--verify"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("added 0, updated 0, removed 0, unchanged 400")
    assert out[1] == f"note: {VERIFIED}"
    _zero_4k(index, keep_mtime=True)
    assert main(argv) == 0
    assert "note:" not in capsys.readouterr().out  # only a reading of every file finds it
    assert main([*argv, "--verify"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("added 400, updated 0, removed 0, unchanged 0")
    assert out[1].startswith("note: repaired a damaged index (") and "(checksum)" in out[1]


def test_a_search_that_repairs_the_index_says_so_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui_reader.cli import main

    index = _index(tmp_path)
    _zero_4k(index, keep_mtime=False)
    argv = ["search", "wetland", "--corpus", str(index.corpus), "--index-dir", str(index.index_dir)]
    assert main(argv) == 0  # stderr is not a terminal here, as in a pipe
    out, err = capsys.readouterr()
    assert out.startswith("50 articles match 'wetland'")
    assert err.splitlines()[1].startswith("note: repaired a damaged index (")
