"""Files that load with undecodable bytes are indexed AND named as damaged, never silently."""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.base.models import Notice
from index.ingest.decode import _replacing, _utf8_replacing, decode, decode_counted
from index.ingest.loader import load_file, load_file_noticed
from index.store import indexer
from index.store.corpus_index import CorpusIndex
from index.store.manifest import MANIFEST_NAME, FileRecord, read_manifest
from tests.helpers import write_corpus
from tests.pilot import settle
from tui_reader.cli import main

# Our own sentences. Several good accents keep the file "mostly UTF-8", so the three bad bytes
# (\xff \xfe \x81, none of them valid UTF-8) are replaced rather than the file read as cp1252.
GOOD = "Café owners in Zürich met the naïve mayor on Tuesday about the façade."
DAMAGED = (
    b"Harbour council vote\n\n" + GOOD.encode("utf-8") + b" The vote was 7 \xff\xfe\x81 to 2.\n"
)
FIXED = b"Harbour council vote\n\n" + GOOD.encode("utf-8") + b" The vote was 7 to 2.\n"
MESSAGE = "3 undecodable bytes shown as U+FFFD"


def _counting(data: bytes, encoding: str) -> tuple[str, int]:
    """What Python's own "replace" gives, and the bytes its error handler was handed."""
    seen = [0]

    def handler(error: UnicodeError) -> tuple[str, int]:
        assert isinstance(error, UnicodeDecodeError)
        seen[0] += error.end - error.start
        return "\ufffd", error.end

    codecs.register_error("test.damaged.count", handler)
    return data.decode(encoding, errors="test.damaged.count"), seen[0]


# -- the decoder ---------------------------------------------------------------------------------


def test_damaged_utf8_counts_its_bad_bytes() -> None:
    text, bad = decode_counted(DAMAGED)
    assert bad == 3
    assert text == DAMAGED.decode("utf-8", errors="replace")
    assert "Zürich" in text and text.count("\ufffd") == 3


def test_clean_decodes_count_nothing() -> None:
    literal = ("Le maire a dit \ufffd à la presse, café compris.\n").encode()
    assert decode_counted(literal) == (literal.decode("utf-8"), 0)
    cp1252 = "Der Bürgermeister sagte, die Straße sei gesperrt.\n".encode("cp1252")
    text, bad = decode_counted(cp1252)
    assert bad == 0 and "Bürgermeister" in text and "Straße" in text
    assert decode_counted(b"plain ascii\n") == ("plain ascii\n", 0)


def test_a_truncated_sequence_counts_every_byte_it_lost() -> None:
    # "€" is E2 82 AC; E2 82 alone is one U+FFFD standing for two bytes.
    data = ("Prix: 5 € et 6 € pour les crêpes, " * 2).encode() + b"7 \xe2\x82"
    text, bad = decode_counted(data)
    assert text.endswith("7 \ufffd") and bad == 2


def test_bom_files_count_their_damage() -> None:
    assert decode_counted(codecs.BOM_UTF8 + b"ok \xff ok") == ("ok \ufffd ok", 1)
    # A lone high surrogate (two bytes) in UTF-16 LE and BE.
    le = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8" + "c".encode("utf-16-le")
    assert decode_counted(le) == ("ab\ufffdc", 2)
    be = codecs.BOM_UTF16_BE + "ab".encode("utf-16-be") + b"\xd8\x00" + "c".encode("utf-16-be")
    assert decode_counted(be) == ("ab\ufffdc", 2)
    clean = codecs.BOM_UTF16_LE + "naïve \ufffd".encode("utf-16-le")
    assert decode_counted(clean) == ("naïve \ufffd", 0)
    assert decode(le) == le.decode("utf-16", errors="replace")


_PIECES = st.sampled_from(
    [
        b"a",
        b" ",
        b"\xef\xbf\xbd",
        b"\xef",
        b"\xbf",
        b"\xe2\x82",
        b"\xe2\x82\xac",
        b"\xf0\x9f",
        b"\xf0\x9f\x98\x80",
        b"\xff",
        b"\xc3",
        b"\xa9",
        b"\xed\xa0\x80",
        b"\x00\xd8",
        b"\xfd\xff",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=64), st.lists(_PIECES, max_size=24).map(b"".join)))
def test_counts_equal_what_the_replace_handler_replaced(data: bytes) -> None:
    assert _utf8_replacing(data) == _counting(data, "utf-8")
    for encoding in ("utf-16-le", "utf-16-be"):
        assert _replacing(data, encoding) == _counting(data, encoding)


@pytest.mark.parametrize(
    ("bad", "count"),
    [
        (b"\xc0\xaf", 2),  # an overlong "/"
        (b"\xc1\xa9", 2),  # an overlong "i"
        (b"\xe0\x80\xaf", 3),  # an overlong "/" in three bytes
        (b"\xed\xa0\x80", 3),  # a surrogate written alone (CESU-8)
        (b"\xed\xa0\xbd\xed\xb8\x80", 6),  # an emoji as a CESU-8 surrogate pair
        (b"\xf4\x90\x80\x80", 4),  # above U+10FFFF
    ],
)
def test_invalid_utf8_forms_are_damage_not_windows_1252(bad: bytes, count: int) -> None:
    """Windows-1252 has a character for each of these bytes, so they used to decode "cleanly"
    as mojibake ("Ã©", "í€"); a file of plain ASCII around them is still damaged UTF-8."""
    text, found = decode_counted(b"The vote was " + bad + b" seven to two.\n")
    assert found == count
    assert text == "The vote was " + "\ufffd" * count + " seven to two.\n"


def test_windows_1252_text_stays_clean() -> None:
    """Accents in Windows-1252 are not UTF-8 forms at all: still a clean decode."""
    data = "Caf\u00e9 na\u00efve \u00bfQu\u00e9? 5\u00a0\u20ac \u201cquoted\u201d".encode("cp1252")
    assert decode_counted(data) == (data.decode("cp1252"), 0)


# -- the loader ----------------------------------------------------------------------------------


def test_loader_gives_a_notice_for_a_damaged_file(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "old.txt").write_bytes(DAMAGED)
    articles, skipped, notices = load_file_noticed(tmp_path, tmp_path / "notes" / "old.txt")
    assert [a.id for a in articles] == ["notes/old.txt"] and not skipped
    assert notices == [Notice("notes/old.txt", MESSAGE)]
    # load_file keeps its two-part answer for every other caller
    assert load_file(tmp_path, tmp_path / "notes" / "old.txt") == (articles, skipped)


def test_one_notice_for_a_damaged_json_lines_file(tmp_path: Path) -> None:
    line = json.dumps({"title": "Zürich façade", "body": GOOD}, ensure_ascii=False).encode()
    bad = line.replace(b"mayor", b"may\xff")
    path = tmp_path / "feed.jsonl"
    path.write_bytes(line + b"\n" + bad + b"\n")
    articles, _, notices = load_file_noticed(tmp_path, path)
    assert len(articles) == 2
    assert notices == [Notice("feed.jsonl", "1 undecodable byte shown as U+FFFD")]


def test_a_damaged_file_that_is_skipped_is_only_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"title": "Z\xc3\xbcrich na\xc3\xafve", "body": \xff')
    articles, skipped, notices = load_file_noticed(tmp_path, path)
    assert not articles and len(skipped) == 1 and not notices


# -- the index -----------------------------------------------------------------------------------


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "notes").mkdir(parents=True)
    (corpus / "notes" / "old.txt").write_bytes(DAMAGED)
    (corpus / "clean.txt").write_text(f"Clean report\n\n{GOOD}\n", encoding="utf-8")
    literal = f"Literal mark\n\nThe sign read \ufffd beside {GOOD}\n"
    (corpus / "literal.txt").write_text(literal, encoding="utf-8")
    legacy = "Legacy report\n\nDer Bürgermeister sagte, die Straße sei gesperrt.\n"
    (corpus / "legacy.txt").write_bytes(legacy.encode("cp1252"))
    return corpus


def _spy(real: Callable[..., Any], name: str, used: list[str]) -> Callable[..., Any]:
    def spy(*args: Any, **kwargs: Any) -> Any:
        used.append(name)
        return real(*args, **kwargs)

    return spy


@pytest.mark.parametrize("procs", ["1", "2"])
def test_full_build_indexes_and_lists_the_damaged_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, procs: str
) -> None:
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", procs)  # both build paths: here and workers
    used: list[str] = []
    for name in ("build_here", "build_parallel"):
        real = getattr(indexer, name)
        monkeypatch.setattr(indexer, name, _spy(real, name, used))
    index = CorpusIndex(_corpus(tmp_path), tmp_path / "ix")
    report = index.update()
    assert used == ["build_here" if procs == "1" else "build_parallel"]
    assert report.added == 4 and not report.skipped
    assert report.notices == (Notice("notes/old.txt", MESSAGE),)
    assert ", skipped 0, damaged 1 in " in report.summary_line()
    assert [h.id for h in index.search("vote").hits] == ["notes/old.txt"]
    # an unchanged corpus still says so: the notice lives in the manifest
    again = CorpusIndex(tmp_path / "corpus", tmp_path / "ix").update()
    assert again.unchanged == 4 and again.notices == report.notices


def test_incremental_update_adds_replaces_and_drops_notices(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    damaged = corpus / "notes" / "old.txt"
    damaged.unlink()
    index = CorpusIndex(corpus, tmp_path / "ix")
    assert index.update().notices == ()
    damaged.write_bytes(DAMAGED)
    report = index.update()
    assert report.added == 1 and report.notices == (Notice("notes/old.txt", MESSAGE),)
    # Same bytes, new mtime: kept as indexed, notice and all.
    os.utime(damaged, ns=(1_000_000_000, 1_000_000_000))
    touched = index.update()
    assert touched.unchanged == 4 and touched.notices == report.notices
    damaged.write_bytes(FIXED)
    fixed = index.update()
    assert fixed.updated == 1 and fixed.notices == () and "damaged" not in fixed.summary_line()
    damaged.write_bytes(DAMAGED)
    assert index.update().notices == report.notices
    damaged.unlink()
    gone = index.update()
    assert gone.removed == 1 and gone.notices == ()


def _as_written_before_notices(index_dir: Path) -> None:
    """Rewrite the manifest as the code before damage notices wrote it (same format 1)."""
    path = index_dir / MANIFEST_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["damage_checked"]
    files = data.pop("files")  # "files" stays the last key, as the head-only reader expects
    data["files"] = {
        rel: {k: v for k, v in rec.items() if k != "notices"} for rel, rec in files.items()
    }
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def test_old_manifest_loads_without_a_rebuild_and_names_damage_once(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "notes" / "touched.txt").write_bytes(DAMAGED)
    for path in corpus.rglob("*.txt"):  # old enough for their stat to be trusted (not racy)
        os.utime(path, ns=(2_000_000_000, 2_000_000_000))
    index_dir = tmp_path / "ix"
    first = CorpusIndex(corpus, index_dir).update()
    assert len(first.notices) == 2
    _as_written_before_notices(index_dir)
    manifest = read_manifest(index_dir)
    assert manifest is not None and manifest.notices() == () and not manifest.damage_checked
    old_record = {"size": 1, "mtime_ns": 2, "hash": "h", "ids": ["a"], "skipped": []}
    assert FileRecord.from_json(old_record).notices == ()
    # one file's stat changed but not its bytes: kept through the hash check, rechecked too
    os.utime(corpus / "notes" / "touched.txt", ns=(1_000_000_000, 1_000_000_000))
    index = CorpusIndex(corpus, index_dir)
    assert index.needs_update()  # the one-time read of an old manifest's files
    report = index.update()
    assert report.note is None and report.added == report.updated == 0 and report.unchanged == 5
    assert report.notices == first.notices
    assert not CorpusIndex(corpus, index_dir).needs_update()  # and never again
    manifest = read_manifest(index_dir)
    assert manifest is not None and manifest.damage_checked and manifest.notices() == first.notices


# -- the command line and the app ----------------------------------------------------------------


def test_cli_index_lists_the_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "bad.json").write_text("{ not json", encoding="utf-8")
    code = main(["index", str(corpus), "--index-dir", str(tmp_path / "ix")])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert ", skipped 1, damaged 1 in " in out[0]
    assert out[1].startswith("skipped bad.json: ")
    assert out[2:] == [f"damaged notes/old.txt: {MESSAGE}"]


def test_cli_says_so_when_a_search_indexes_a_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path)
    argv = ["search", "Tuesday", "--corpus", str(corpus), "--index-dir", str(tmp_path / "ix")]
    assert main([*argv, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["total"] == 3  # every file with GOOD, the damaged one too
    assert f"damaged notes/old.txt: {MESSAGE}" in err.splitlines()


async def test_app_shows_the_damaged_file(tmp_path: Path) -> None:
    from tui_reader.app import NewsReaderApp

    corpus = write_corpus(tmp_path)
    (corpus / "old [x].txt").write_bytes(DAMAGED)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert len(app.state.articles) == 5
        damaged = [n for n in app._notifications if n.title == "Damaged 1 file(s)"]
        assert damaged and damaged[0].severity == "warning" and not damaged[0].markup
        assert damaged[0].message == f"old [x].txt: {MESSAGE}"
        assert any("damaged 1" in n.message for n in app._notifications if n.title == "Index")
