"""The loader API: discovery, ids, .txt/.md/.json/.jsonl parsing, encodings and bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.errors import CorpusNotFound
from index.loader import discover, load_corpus, load_file, relative_id


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def load_one(root: Path, name: str, data: str | bytes):  # type: ignore[no-untyped-def]
    return load_file(root, write(root / name, data))


# --- discovery -------------------------------------------------------------------------------


def test_discover_sorted_recursive_skips_hidden_and_other_types(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/y.JSON", "c.jsonl", "d.markdown", "e.html", ".h.txt",
                 ".git/x.txt", "a/.cache/q.md", "f.txt.bak"]:
        write(tmp_path / name, "x")
    got = [relative_id(tmp_path, p) for p in discover(tmp_path)]
    assert got == ["a/y.JSON", "a/z.md", "b.txt", "c.jsonl", "d.markdown"]


def test_discover_survives_symlink_loop(tmp_path: Path) -> None:
    write(tmp_path / "sub" / "a.txt", "Title\nBody.")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    assert [relative_id(tmp_path, p) for p in discover(tmp_path)] == ["sub/a.txt"]


def test_load_corpus_missing_or_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFound):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusNotFound):
        load_corpus(write(tmp_path / "file.txt", "x"))


def test_load_corpus_collects_articles_and_skips(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Title A\n\nBody A.")
    write(tmp_path / "b.txt", "")
    write(tmp_path / "c.json", "{bad")
    articles, skipped = load_corpus(tmp_path)
    assert [a.id for a in articles] == ["a.txt"]
    assert [s.path for s in skipped] == ["b.txt", "c.json"]


# --- .txt -------------------------------------------------------------------------------------


def test_txt_title_and_body(tmp_path: Path) -> None:
    raw = "\n\n  Bridge opens  \n\nIt opened.\nIt rained.\n"
    (art,), skipped = load_one(tmp_path, "n/one.txt", raw)
    assert skipped == []
    assert (art.id, art.path, art.title) == ("n/one.txt", "n/one.txt", "Bridge opens")
    assert art.body == "It opened.\n\nIt rained."
    assert art.source is None and art.published is None


@pytest.mark.parametrize("data", ["", "   \n\n", "Only a title\n", "Advertisement\nShare\n"])
def test_txt_without_text_is_skipped(tmp_path: Path, data: str) -> None:
    articles, (skip,) = load_one(tmp_path, "e.txt", data)
    assert articles == [] and skip == skip.__class__("e.txt", "no article text")


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffTitl\u00e9\nBody \u00e9t\u00e9.".encode("utf-8"),
        "\ufeffTitl\u00e9\nBody \u00e9t\u00e9.".encode("utf-16-le"),
        "\ufeffTitl\u00e9\nBody \u00e9t\u00e9.".encode("utf-16-be"),
        "Titl\u00e9\nBody \u00e9t\u00e9.".encode("cp1252"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes) -> None:
    (art,), _ = load_one(tmp_path, "enc.txt", data)
    assert (art.title, art.body) == ("Titl\u00e9", "Body \u00e9t\u00e9.")


def test_undecodable_bytes_replaced_not_skipped(tmp_path: Path) -> None:
    (art,), _ = load_one(tmp_path, "bad.txt", b"Title\nBody \x81\x8d ok \xff\xfe.")
    assert art.body.startswith("Body") and "ok" in art.body


def test_binary_file_skipped(tmp_path: Path) -> None:
    _, (skip,) = load_one(tmp_path, "bin.txt", b"PK\x03\x04\x00\x00binary\x00stuff")
    assert skip.reason == "binary file"


def test_size_limit_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", "0.001")
    _, (skip,) = load_one(tmp_path, "big.txt", "Title\n" + "word " * 400)
    assert "larger than" in skip.reason
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", "1")
    (art,), _ = load_file(tmp_path, tmp_path / "big.txt")
    assert art.title == "Title"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", "Title\nBody.")
    path.chmod(0)
    try:
        _, (skip,) = load_file(tmp_path, path)
    finally:
        path.chmod(0o644)
    assert skip.path == "locked.txt" and "cannot read" in skip.reason


def test_terminal_escapes_never_reach_title_or_body(tmp_path: Path) -> None:
    raw = "\x1b[2JTi\x1b[31mtle\x07\nBo\x1b]52;c;eA==\x07dy.\r\n"
    (art,), _ = load_one(tmp_path, "esc.txt", raw)
    assert (art.title, art.body) == ("Title", "Body.")
