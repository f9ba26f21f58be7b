"""The builder's matrix of some of the articles it was given is the matrix of those alone."""

from __future__ import annotations

import numpy as np

from index.base.models import Article
from index.events.collect import gather

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
