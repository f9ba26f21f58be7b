"""The full build's own segment writer and worker processes give the index Whoosh would write."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from index.engine.block_writer import BLOCK_PROTOCOL
from index.engine.schema import build_schema
from index.engine.segment_builder import SegmentBuilder
from index.engine.stores import commit_segments
from index.store import parallel_build
from index.store.corpus_index import CorpusIndex
from index.store.manifest import read_manifest, read_meta
from tests.helpers import REPO

# Made-up words plus real stop words, accents and numbers, so stemming, stop-word positions,
# accent folding and character offsets all occur.
SYLLABLES = ["ka", "lo", "mer", "tis", "van", "dru", "sé", "ön", "pri", "ing", "ed", "s"]
EXTRA = ["the", "of", "a", "and", "not", "Priština", "5", "1,300", "U.N.", "3.5%", "it's", "ran"]


def words(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        if rng.random() < 0.25:
            out.append(rng.choice(EXTRA))
        else:
            out.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))))
    return out


def documents(count: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        body = " ".join(words(rng, rng.choice([0, 5, 40, 300, 1200])))
        doc = {
            "id": f"d{n}",
            "path": f"f{n // 3}.txt",
            "title": " ".join(words(rng, 4)),
            "body": body,
        }
        if n % 3:
            doc["source"] = "The " + rng.choice(["Daily", "Herald", "Wire"])
        if n % 4 == 0:
            doc["url"] = f"https://example.org/{n}"
        if n % 5 == 0:
            doc["published"] = "2024-05-0" + str(n % 9 + 1)
        if n % 11 == 0:
            doc["title"] = ""
        docs.append(doc)
    # One word in 260 documents: its postings span three blocks of 128.
    for doc in docs[:260]:
        doc["body"] += " harbourmaster"
    return docs


def segment_files(folder: Path) -> dict[str, bytes]:
    """The segment's files by name without the random segment id, with their bytes."""
    out = {}
    for path in folder.iterdir():
        if path.is_file() and path.name.startswith("MAIN_") and "." in path.name:
            out[path.name.split(".", 1)[1]] = path.read_bytes()
    return out


def whoosh_written(folder: Path, docs: list[dict[str, str]]) -> dict[str, bytes]:
    folder.mkdir()
    ix = FileStorage(str(folder), supports_mmap=False).create_index(build_schema())
    writer = ix.writer(compound=False)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    return segment_files(folder)


def builder_written(
    folder: Path, docs: list[dict[str, str]], limit_mb: int, protocol: int = BLOCK_PROTOCOL
) -> dict[str, bytes]:
    folder.mkdir()
    storage = FileStorage(str(folder), supports_mmap=False)
    storage.create_index(build_schema())
    builder = SegmentBuilder(storage, build_schema(), limit_mb=limit_mb, block_protocol=protocol)
    for doc in docs:
        builder.add(doc)
    segment = builder.finish()
    assert segment is not None
    assert not list(folder.glob("*.run"))  # spilled runs are removed
    writer = FileIndex(storage, build_schema(), "MAIN").writer()
    commit_segments(writer, [segment])
    return segment_files(folder)


@pytest.mark.parametrize("limit_mb", [96, 0])  # 0: a run spilled after every document
def test_segment_files_with_whooshs_pickles_are_byte_for_byte_whooshs(
    tmp_path: Path, limit_mb: int
) -> None:
    docs = documents(260)
    expected = whoosh_written(tmp_path / "whoosh", docs)
    assert set(expected) >= {"pst", "trm", "_stored.col", "_body_len.col", "_title_len.col"}
    assert builder_written(tmp_path / "built", docs, limit_mb, protocol=2) == expected


def every_posting(folder: Path) -> list[tuple]:
    """Each term's statistics and postings (ids, weights, values, block length bounds)."""
    ix = FileStorage(str(folder), supports_mmap=False).open_index()
    out: list[tuple] = []
    with ix.reader() as reader:
        for fieldname, term in reader.all_terms():
            info = reader.term_info(fieldname, term)
            stats = (
                info.weight(),
                info.doc_frequency(),
                info.min_length(),
                info.max_length(),
                info.max_weight(),
                info.min_id(),
                info.max_id(),
            )
            matcher = reader.postings(fieldname, term)
            items = []
            while matcher.is_active():
                items.append(
                    (
                        matcher.id(),
                        matcher.weight(),
                        matcher.value(),
                        matcher.block_min_length(),
                        matcher.block_max_length(),
                        matcher.block_max_weight(),
                    )
                )
                matcher.next()
            out.append((fieldname, term, stats, items))
    return out


def test_default_segment_has_whooshs_postings_in_smaller_blocks(tmp_path: Path) -> None:
    docs = documents(260)
    expected = whoosh_written(tmp_path / "whoosh", docs)
    built = builder_written(tmp_path / "built", docs, 96)
    assert {k: v for k, v in built.items() if k not in ("pst", "trm")} == {
        k: v for k, v in expected.items() if k not in ("pst", "trm")
    }
    assert len(built["pst"]) < 0.8 * len(expected["pst"])
    assert every_posting(tmp_path / "built") == every_posting(tmp_path / "whoosh")


def test_builder_with_no_document_gives_no_segment(tmp_path: Path) -> None:
    storage = FileStorage(str(tmp_path), supports_mmap=False)
    storage.create_index(build_schema())
    assert SegmentBuilder(storage, build_schema()).finish() is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(EXTRA + ["Ωmega", "café-bar", "under_score", "--", "Runs"])
        | st.text(max_size=6),
        max_size=30,
    )
)
def test_fast_postings_are_the_fields_own(tokens: list[str]) -> None:
    """FastNewsAnalyzer.postings gives what field.index gives, for title and body formats."""
    schema = build_schema()
    text = " ".join(tokens)
    for name, chars in (("title", False), ("body", True)):
        field = schema[name]
        expected = sorted((t, f, v) for t, f, _w, v in field.index(text))
        postings, length = field.analyzer.postings(text, chars)
        assert sorted(postings) == expected
        assert length == sum(f for _, f, _ in expected)


def write_corpus(folder: Path, count: int) -> None:
    rng = random.Random(3)
    old = time.time() - 3600
    for n in range(count):
        path = folder / f"part{n % 4}" / f"story{n:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = " ".join(words(rng, 4)) + "\n\n" + " ".join(words(rng, 120)) + " quayside\n"
        path.write_text(text, encoding="utf-8")
        os.utime(path, (old, old))


def test_split_by_size_gives_contiguous_shares_of_about_equal_bytes(tmp_path: Path) -> None:
    files = []
    for n, size in enumerate([9000, 10, 10, 10, 3000, 3000, 3000, 10]):
        path = tmp_path / f"f{n}.txt"
        path.write_bytes(b"x" * size)
        files.append((path.name, path))
    files.append(("gone.txt", tmp_path / "gone.txt"))  # vanished: counts as empty
    halves = parallel_build.split_by_size(files, 2)
    assert halves[0] + halves[1] == files
    # Each share ends at the first file that brings it to its part of the bytes (each file
    # counts one more byte, so empty ones weigh something): 9,034 of 18,049.
    assert [rel for rel, _ in halves[0]] == ["f0.txt", "f1.txt", "f2.txt", "f3.txt"]
    thirds = parallel_build.split_by_size(files, 3)
    assert [len(share) for share in thirds] == [1, 4, 4]
    assert parallel_build.split_by_size(files[:1], 3) == [files[:1], [], []]
    assert parallel_build.split_by_size([], 2) == [[], []]


def postings_bytes(index_dir: Path) -> list[bytes]:
    meta = read_meta(index_dir)
    assert meta is not None
    files = sorted((index_dir / meta.store).glob("*.pst"))
    return sorted(path.read_bytes() for path in files)


def test_worker_processes_build_the_same_index_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 90)
    calls: list[tuple[int, int, str]] = []
    one = CorpusIndex(corpus, tmp_path / "one")
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "1")
    assert one.update().added == 90
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "2")
    two = CorpusIndex(corpus, tmp_path / "two")
    assert two.update(progress=lambda *a: calls.append(a)).added == 90
    assert sorted(c[2] for c in calls) == sorted(
        str(p.relative_to(corpus)) for p in corpus.rglob("*.txt")
    )
    assert [c[0] for c in calls] == list(range(1, 91)) and {c[1] for c in calls} == {90}
    manifest_one, manifest_two = read_manifest(tmp_path / "one"), read_manifest(tmp_path / "two")
    assert manifest_one is not None and manifest_two is not None
    assert manifest_two.files == manifest_one.files
    assert len(list((tmp_path / "two" / manifest_two.store).glob("*.pst"))) == 2
    # The articles, in the walk's order, and the matches are those of the one-process build.
    assert [a.id for a in two.articles()] == [a.id for a in one.articles()]
    for query in ("quayside", '"the quayside"', "harbourmaster", "Pristina"):
        hits_one, hits_two = one.search(query, limit=100), two.search(query, limit=100)
        assert hits_two.total == hits_one.total
        assert {(h.id, h.matches) for h in hits_two.hits} == {
            (h.id, h.matches) for h in hits_one.hits
        }
    again = CorpusIndex(corpus, tmp_path / "again")
    again.update()
    assert postings_bytes(tmp_path / "again") == postings_bytes(tmp_path / "two")


def _children(pid: int) -> list[int]:
    """The build's worker processes among ``pid``'s children."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    workers = []
    for child in found:
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"index.store.build_worker" in command:
            workers.append(child)
    return workers


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's reaping is left


@pytest.mark.slow  # a crash test (SIGKILL): CI runs it, `pytest -m "not slow"` skips it
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_workers_of_a_killed_build_stop_instead_of_writing_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 600)
    script = (
        "import sys; from pathlib import Path; from index.store.corpus_index import CorpusIndex; "
        "CorpusIndex(Path(sys.argv[1]), Path(sys.argv[2])).update()"
    )
    env = {**os.environ, "NEWSREADER_INDEX_PROCS": "2"}
    parent = subprocess.Popen(
        [sys.executable, "-c", script, str(corpus), str(tmp_path / "index")],
        env=env,
        cwd=REPO,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
        workers = _children(parent.pid)
        time.sleep(0.02)
    assert len(workers) == 2, "the build ended before its workers were seen"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(w) for w in workers)
