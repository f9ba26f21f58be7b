"""Sampled shingles set aside in a temporary file find the same copies, families and events as
shingles held in memory; without a file to write they stay in memory."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index.base.models import Article
from index.events import collect, copies, memory, sampled
from index.events.cache import content_hash, regroup
from index.events.collapse import group_events
from index.events.collect import gather
from index.events.copies import source_families
from index.events.shingles import Sampler
from index.events.store import read_store
from tests.helpers import WIRE_BODY as WIRE

_OPEN = tempfile.TemporaryFile  # the real one, before a test replaces it

COURT = (
    "A court in Vellmar ruled on Friday that the regional council must stop draining the "
    "Osterbruch wetland, where a rare species of orchid grows. The judge said the council had "
    "not studied the effect on the groundwater before it approved the drainage for a new road."
)
FERRY = (
    "Ice stopped the Hallby ferry on Monday morning, Baltic Lines said, and forty passengers "
    "who had waited at the quay since dawn were taken across the sound by bus instead. The "
    "company said the ferry would sail again once the ice breaker had opened the channel."
)


def _articles() -> list[Article]:
    """Reports with copies: verbatim, with a line added, inside a longer report; and others."""
    bodies = [
        ("wire", WIRE, "Nordic Wire", "2024-03-05T08:00:00"),
        ("paper", WIRE + " Copyright Daily Paper.", "Daily Paper", "2024-03-05T11:00:00"),
        ("radio", "TROMVIK (Nordic Wire) - " + WIRE, "Coast Radio", None),
        ("again", WIRE, "Reprints", None),
        ("court", COURT, "Court News", "2024-03-06T09:00:00"),
        ("court2", COURT + " " + FERRY, "Weekly", "2024-03-07T09:00:00"),
        ("ferry", FERRY, "Baltic Post", None),
        ("short", "Storm closes pier.", "Brief", None),
        ("empty", "", "Nobody", None),
    ]
    return [
        Article(f"{name}.txt", f"{name}.txt", body.split(".")[0], body, source, published)
        for name, body, source, published in bodies
    ]


def _spilled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every batch of two articles set aside in the file."""
    monkeypatch.setattr(sampled, "HELD_SHINGLES", 0)
    monkeypatch.setattr(collect, "BATCH", 2)


@pytest.mark.parametrize("slice_shingles", [10**9, 40, 1])
def test_shingles_set_aside_give_the_same_families_and_events(
    monkeypatch: pytest.MonkeyPatch, slice_shingles: int
) -> None:
    articles = _articles()
    expected = source_families(articles)  # sampled here, held in memory
    assert any(len(f.articles) > 2 for f in expected)
    events = group_events(articles)
    _spilled(monkeypatch)
    # one slice, a few, more slices than the file's buckets (each batch read back whole)
    monkeypatch.setattr(copies, "SLICE_SHINGLES", slice_shingles)
    builder = gather(articles, workers=0)
    assert builder.sampled.spilled
    assert all(p.values is None for p in builder.sampled.parts if p.bounds[-1])
    assert source_families(articles, builder.sampled) == expected
    assert group_events(articles) == events


def test_an_article_added_twice_keeps_its_last_shingles(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles()
    changed = [*articles[:-1], Article("ferry.txt", "ferry.txt", "Ferry", COURT, "Weekly")]
    _spilled(monkeypatch)
    builder = gather(articles + changed[-1:], workers=0)  # ferry.txt read twice, now COURT
    expected = source_families(changed)
    assert source_families(changed, builder.sampled) == expected
    assert ("court.txt", "ferry.txt") in copies.copy_pairs(changed, builder.sampled)


class _Full:
    """A temporary file that takes ``room`` bytes, then fails as a full disk does."""

    def __init__(self, room: int) -> None:
        self.file = _OPEN()
        self.room = room

    def write(self, data: Any) -> int:
        size = memoryview(data).nbytes
        if size > self.room:
            raise OSError(28, "No space left on device")
        self.room -= size
        return self.file.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.file, name)


@pytest.mark.parametrize("room", [None, 0, 600])
def test_without_room_in_a_temporary_file_the_shingles_stay_in_memory(
    monkeypatch: pytest.MonkeyPatch, room: int | None
) -> None:
    articles = _articles()
    expected = source_families(articles)
    _spilled(monkeypatch)
    monkeypatch.setattr(copies, "SLICE_SHINGLES", 40)

    def opened(*args: object, **kwargs: object) -> _Full:
        if room is None:
            raise OSError("no writable temporary directory")
        return _Full(room)

    monkeypatch.setattr(memory.tempfile, "TemporaryFile", opened)
    builder = gather(articles, workers=0)
    held = [p.values is not None for p in builder.sampled.parts if p.bounds[-1]]
    assert all(held) if room in (None, 0) else (any(held) and not all(held))
    assert source_families(articles, builder.sampled) == expected


def test_the_store_keeps_each_contents_shingles_as_sampled(tmp_path: Path) -> None:
    articles = _articles()
    articles.append(Article("copy.txt", "copy.txt", articles[0].title, WIRE, "Nordic Wire"))
    contents = {a.id: content_hash(a) for a in articles}
    contents["copy.txt"] = contents["wire.txt"]  # the same content twice in one batch
    regroup(articles, contents, tmp_path / "terms")
    store = read_store(tmp_path / "terms")
    assert store is not None
    sampler = Sampler()
    for article in articles:
        found = store.shingles(bytes.fromhex(contents[article.id]))
        assert found is not None and np.array_equal(found, sampler(article))
    assert len(store.sampled) == len(articles) - 1
