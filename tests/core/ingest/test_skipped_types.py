"""Every file that is not loaded is named with its reason, unsupported types included."""

from __future__ import annotations

from pathlib import Path

from index import load_corpus
from index.store.corpus_index import CorpusIndex


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "story.txt").write_text("Title\n\nA report of one line.\n", encoding="utf-8")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    (root / "photo.JPG").write_bytes(b"\xff\xd8\xff")
    (root / "Makefile").write_text("all:\n", encoding="utf-8")
    (root / "backup.tar.gz").write_bytes(b"\x1f\x8b\x08\x00")
    (root / "README.md").write_text("# About this folder\n", encoding="utf-8")  # docs: silent
    (root / ".hidden.pdf").write_bytes(b"x")  # hidden: silent
    return root


REASONS = {
    "Makefile": "unsupported type (no extension)",
    "backup.tar.gz": "unsupported type .gz",
    "photo.JPG": "unsupported type .jpg",
    "scan.pdf": "unsupported type .pdf",
}


def test_loader_names_every_unsupported_file(tmp_path: Path) -> None:
    articles, skipped = load_corpus(_corpus(tmp_path / "c"))
    assert [a.id for a in articles] == ["story.txt"]
    assert {s.path: s.reason for s in skipped} == REASONS


def test_index_summary_counts_and_names_them(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c")
    report = CorpusIndex(corpus, tmp_path / "ix").update()
    assert {s.path: s.reason for s in report.skipped} == REASONS
    assert "skipped 4" in report.summary_line()
    # An unchanged corpus still names them, without reading them again.
    again = CorpusIndex(corpus, tmp_path / "ix").update()
    assert {s.path: s.reason for s in again.skipped} == REASONS


def test_saved_page_assets_folder_is_one_line(tmp_path: Path) -> None:
    page = tmp_path / "Ferry aground.html"
    page.write_text(
        "<html><head><title>Ferry aground</title></head><body><article><h1>Ferry aground</h1>"
        "<p>The ferry ran aground off the island on Saturday evening, and every passenger was "
        "brought ashore by lifeboats and fishing boats before midnight.</p></article></body>"
        "</html>",
        encoding="utf-8",
    )
    assets = tmp_path / "Ferry aground_files"
    assets.mkdir()
    for name in ("app.js", "style.css", "photo.jpg", "tracker.html"):
        (assets / name).write_text("x", encoding="utf-8")
    (tmp_path / "other_files").mkdir()  # no page beside it: read as usual
    (tmp_path / "other_files" / "note.pdf").write_bytes(b"%PDF")
    articles, skipped = load_corpus(tmp_path)
    assert [a.id for a in articles] == ["Ferry aground.html"]
    assert {s.path: s.reason for s in skipped} == {
        "Ferry aground_files": "files of a saved web page (scripts, images), not read",
        "other_files/note.pdf": "unsupported type .pdf",
    }
