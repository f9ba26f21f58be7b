"""The builder's matrix of some of the articles it was given is the matrix of those alone."""

from __future__ import annotations

import numpy as np
import pytest

from index.base.models import Article
from index.events import builder, collect, memory
from index.events.collect import gather
from index.events.features import Matrix

REPORTS = [
    ("Hawks fire coach Lena Marsh", "The Hawks fired Lena Marsh on Monday after a 4-13 start."),
    ("Marsh out at Hawks", "Lena Marsh was fired by the Hawks, owner Rafael Ostby said in 2023."),
    ("Ostby speaks", "Rafael Ostby said Dana Kroll takes over the Hawks for now."),
    ("Ferry cancelled", "Ice stopped the Hallby ferry on Monday, Baltic Lines said in 2023."),
    ("Ice in the sound", "Baltic Lines cancelled the Hallby ferry: 40 passengers took a bus."),
    ("Court halts drainage", "A court in Vellmar stopped the Osterbruch drainage on Friday."),
]


def _articles() -> list[Article]:
    return [Article(f"r{n}.txt", f"r{n}.txt", t, b) for n, (t, b) in enumerate(REPORTS)]


def test_the_matrix_of_kept_articles_is_theirs_alone() -> None:
    articles = _articles()
    kept = {"r0.txt", "r1.txt", "r3.txt", "r5.txt"}
    some = gather(articles, workers=0).matrix(keep=kept)
    alone = gather([a for a in articles if a.id in kept], workers=0).matrix()
    assert some[0] == alone[0] and some[1] == alone[1]
    a, b = some[2], alone[2]
    assert a.vocabulary == b.vocabulary
    # names and numbers of dropped reports no longer count as specific (the divisive check's)
    assert np.array_equal(a.specific, b.specific) and a.specific.any()
    assert np.array_equal(a.idf, b.idf) and np.array_equal(a.ptr, b.ptr)
    assert np.array_equal(a.terms, b.terms)
    assert [a.row(r) for r in range(a.n)] == [b.row(r) for r in range(b.n)]


Collected = tuple[list[str], list[str], Matrix]


def _matrices_equal(a: Collected, b: Collected) -> None:
    assert a[0] == b[0] and a[1] == b[1]
    x, y = a[2], b[2]
    assert x.vocabulary == y.vocabulary
    for name in ("ptr", "terms", "codes", "counts", "kinds", "idf", "specific", "norms"):
        assert np.array_equal(getattr(x, name), getattr(y, name)), name
        assert getattr(x, name).dtype == getattr(y, name).dtype, name


def _counted() -> list[Article]:
    """Reports whose words come 1 to 299 times: more (count, kind) pairs than a byte codes."""
    words = [f"{a}{b}{c}ward" for a in "bdfgklmnprstvz" for b in "aeiou" for c in "lmnrs"][:299]
    body = " ".join(" ".join([w] * (n + 1)) for n, w in enumerate(words))
    return _articles() + [Article(f"c{n}.txt", f"c{n}.txt", "Counts", body) for n in range(2)]


@pytest.mark.parametrize("kept", [None, {"r0.txt", "r1.txt", "r3.txt", "c0.txt", "c1.txt"}])
def test_batches_set_aside_in_a_file_give_the_same_matrix(
    monkeypatch: pytest.MonkeyPatch, kept: set[str] | None
) -> None:
    articles = _counted()
    # batches of two articles (a code is a (count, kind) pair's place in the order first met)
    monkeypatch.setattr(collect, "BATCH", 2)
    held = gather(articles, workers=0)
    assert len(held._pairs) > 256  # the codes outgrow a byte: spilled ones are widened
    expected = held.matrix(keep=kept)
    assert expected[2].codes.dtype == np.uint16
    # every batch past the first few entries goes to the file
    monkeypatch.setattr(builder, "HELD_ENTRIES", 10)
    spilled = gather(articles, workers=0)
    assert len(spilled._batches) > 2
    assert not any(isinstance(b.features, np.ndarray) for b in spilled._batches)
    _matrices_equal(spilled.matrix(keep=kept), expected)


def test_without_a_temporary_file_the_batches_stay_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("read-only")

    monkeypatch.setattr(collect, "BATCH", 2)
    expected = gather(_articles(), workers=0).matrix()
    monkeypatch.setattr(builder, "HELD_ENTRIES", 0)
    monkeypatch.setattr(memory.tempfile, "TemporaryFile", refuse)
    kept = gather(_articles(), workers=0)
    assert len(kept._batches) > 2
    assert all(isinstance(b.features, np.ndarray) for b in kept._batches)
    _matrices_equal(kept.matrix(), expected)
