"""The chunked neighbour search and linkage against plain computations on small random corpora."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from index.events import candidates, neighbours, rescore
from index.events.features import Matrix
from index.events.neighbours import nearest_neighbours
from index.events.rescore import dots


def _rows(seed: int, n: int, vocabulary: int, length: int) -> list[dict[str, float]]:
    """Random sparse unit rows over a small vocabulary (at most PROBE_TERMS terms each, so the
    candidate search sees every term and finds the exact neighbours)."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        terms = rng.sample(range(vocabulary), rng.randint(1, length))
        raw = {f"t{t:03d}": rng.random() + 0.01 for t in terms}
        norm = math.sqrt(math.fsum(w * w for w in raw.values()))
        rows.append({t: w / norm for t, w in raw.items()})
    return rows


def _plain(rows: list[dict[str, float]], k: int, floor: float) -> list[dict[int, float]]:
    """Every pair's cosine, each row's k best (ties to the lower row), each edge both ways."""
    n = len(rows)
    sims = [
        [math.fsum(w * rows[j].get(t, 0.0) for t, w in rows[i].items()) for j in range(n)]
        for i in range(n)
    ]
    graph: list[dict[int, float]] = [{} for _ in range(n)]
    for i in range(n):
        others = sorted(
            (j for j in range(n) if j != i and sims[i][j] > 0), key=lambda j: (-sims[i][j], j)
        )
        for j in others[:k]:
            if sims[i][j] > floor:
                graph[i][j] = graph[j][i] = sims[i][j]
    return graph


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_chunked_search_finds_the_plain_neighbours(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    # small blocks and spreads, so the 150 rows cross many chunk boundaries
    monkeypatch.setattr(candidates, "BLOCK", 16)
    monkeypatch.setattr(rescore, "CHUNK", 16)
    monkeypatch.setattr(rescore, "SPREAD", 3)
    # rows of more than 33 partial scores (11 runs of 3) are selected from the runs' maxima
    monkeypatch.setattr(candidates, "LONG_ROW", 12)
    monkeypatch.setattr(candidates, "SPAN", 3)
    # heads weighed 20 rows at a time, the ranges shared by the search's two threads
    monkeypatch.setattr(candidates, "CHUNK_ROWS", 40)
    # runs of 2-3 blocks: a pair found from both ends in two runs is rescored in the first,
    # its cosine taken from it in the second
    monkeypatch.setattr(neighbours, "RUN_ROWS", 40)
    rows = _rows(seed, 150, 60, 12)
    graph = nearest_neighbours(Matrix.from_weights(rows), 5, floor=0.05)
    expected = _plain(rows, 5, 0.05)
    for i in range(len(rows)):
        got = graph.row(i)
        assert got.keys() == expected[i].keys()
        assert all(math.isclose(got[j], expected[i][j], abs_tol=1e-12) for j in got)


def test_chunked_dots_equal_one_pair_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rescore, "SPREAD", 2)
    rows = _rows(7, 40, 30, 10)
    matrix = Matrix.from_weights(rows)
    rng = random.Random(7)
    pairs = sorted((rng.randrange(40), rng.randrange(40)) for _ in range(300))
    i = np.array([p[0] for p in pairs])
    j = np.array([p[1] for p in pairs])
    together = dots(matrix, i, j).tolist()
    alone = [float(dots(matrix, i[p : p + 1], j[p : p + 1])[0]) for p in range(len(pairs))]
    assert together == alone  # the same floats, whatever the chunks


@pytest.mark.parametrize("kernel", [True, False])
def test_the_block_product_is_scipys_product(monkeypatch: pytest.MonkeyPatch, kernel: bool) -> None:
    # the candidates' product calls scipy's kernel with a bound of its own: the same entries in
    # the same order as `@`, for any rows (the incremental regrouping asks for scattered ones)
    if not kernel:
        monkeypatch.setattr(candidates, "_matmat", None)
    matrix = Matrix.from_weights(_rows(4, 120, 50, 14))
    probe, postings = candidates.probes(matrix)
    for rows in (np.arange(120), np.arange(30, 61), np.array([3, 17, 18, 64, 119])):
        ptr, columns, score = candidates._product(probe, postings, rows)
        expected = probe.part(rows) @ postings
        assert ptr.tolist() == expected.indptr.tolist()
        assert columns.tolist() == expected.indices.tolist()
        assert score.tolist() == expected.data.tolist()
        assert len(score) > 3 * len(rows)


def _plain_bars(score: np.ndarray, lengths: np.ndarray, m: int) -> list[float]:
    """Each row's bar as ``_bars`` defines it, one row and one run at a time."""
    bars, start = [], 0
    longest = max(candidates.LONG_ROW, candidates.SPAN * m)
    for length in lengths.tolist():
        mine = score[start : start + length].tolist()
        start += length
        if length > longest:  # the maxima of runs of SPAN
            span = candidates.SPAN
            mine = [max(mine[a : a + span]) for a in range(0, length, span)]
        bars.append(sorted(mine)[-m] if length > m else -math.inf)
    return bars


@pytest.mark.parametrize("last", [0, 5, 40])
def test_bars_and_passing_scores_row_by_row(monkeypatch: pytest.MonkeyPatch, last: int) -> None:
    # long rows (runs' maxima) among short and empty ones; the last row long, short or empty,
    # so the last run ends at the end of the scores or before it; a few rows per piece
    monkeypatch.setattr(candidates, "LONG_ROW", 12)
    monkeypatch.setattr(candidates, "SPAN", 3)
    monkeypatch.setattr(candidates, "PIECE", 30)
    rng = np.random.default_rng(last)
    lengths = np.r_[rng.choice([0, 2, 7, 13, 40, 61], 40), 13, last]
    ptr = np.r_[0, np.cumsum(lengths)].astype(np.int64)
    score = rng.integers(0, 500, int(ptr[-1])).astype(np.float64)  # a few ties
    score[ptr[-2] :] += 1000  # the last row's scores are no part of the long row's last run
    bar = candidates._bars(score, lengths, 4)
    assert bar.tolist() == _plain_bars(score, lengths, 4)
    passing = [
        p for r in range(len(lengths)) for p in range(ptr[r], ptr[r + 1]) if score[p] >= bar[r]
    ]
    assert candidates._passing(score, ptr, bar).tolist() == passing


def test_known_cosines_merged_in_batches_are_found_again() -> None:
    # pairs added run after run are merged into the held ones in key order: each one's cosine
    # is found again, a pair whose higher row comes before a run's end is not kept, and a
    # forgotten row's pairs are gone
    n, rng = 50, np.random.default_rng(5)
    known = rescore.Known(n)
    held: dict[tuple[int, int], float] = {}
    for end in (10, 20, 30):
        pairs = {(int(a), int(b)) for a, b in rng.integers(0, n, (40, 2)) if a < b}
        pairs -= held.keys()
        lo = np.array([p[0] for p in pairs], dtype=np.int64)
        hi = np.array([p[1] for p in pairs], dtype=np.int64)
        sims = rng.random(len(lo))
        known.add(lo, hi, sims, end)
        held |= {p: s for p, s in zip(pairs, sims.tolist(), strict=True) if p[1] >= end}
        assert known.keys.tolist() == sorted(b * n + a for a, b in held)
    ask = list(held) + [(0, 1), (2, 3)]
    have, cosines = known.find(np.array([p[0] for p in ask]), np.array([p[1] for p in ask]))
    assert have.tolist() == [p in held for p in ask]
    assert cosines.tolist() == [held[p] for p in ask if p in held]
    known.forget(35)
    assert all(key // n >= 35 for key in known.keys.tolist())


@pytest.mark.parametrize("keep", [True, False])
def test_postings_are_the_heads_weights_transposed(
    monkeypatch: pytest.MonkeyPatch, keep: bool
) -> None:
    # the postings are transposed as entry indices, then weighed a few at a time: the same
    # arrays as the heads' weights transposed, weights kept or made from the codes each time
    from scipy import sparse

    from index.events import features

    if not keep:
        monkeypatch.setattr(features, "KEEP_WEIGHTS", 0)
    monkeypatch.setattr(candidates, "WEIGH", 7)
    matrix = Matrix.from_weights(_rows(9, 90, 40, 14))
    matrix.norms = np.linspace(0.5, 2.0, matrix.n)  # a weight depends on its row
    probe, postings = candidates.probes(matrix)
    entries = probe.entries.astype(np.int64)
    weights = matrix.weights(entries, matrix.rows_of(entries))
    shape = (matrix.n, len(matrix.vocabulary))
    plain = sparse.csr_matrix((weights, matrix.terms[entries], probe.ptr), shape=shape).T.tocsr()
    assert postings.indptr.tolist() == plain.indptr.tolist()
    assert postings.indices.tolist() == plain.indices.tolist()
    assert postings.data.tolist() == plain.data.tolist()
    assert postings.shape == plain.shape and len(postings.data) > 100
