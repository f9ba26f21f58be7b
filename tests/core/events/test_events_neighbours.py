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
from tests.helpers import KERNEL_FORMS, kernel_form, python_kernels


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


@pytest.mark.parametrize("form", KERNEL_FORMS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_chunked_search_finds_the_plain_neighbours(
    monkeypatch: pytest.MonkeyPatch, seed: int, form: str
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
    # runs of 2-3 blocks: a pair found from both ends in two runs is rescored in each
    monkeypatch.setattr(neighbours, "RUN_ROWS", 40)
    rows = _rows(seed, 150, 60, 12)
    with kernel_form(form):
        graph = nearest_neighbours(Matrix.from_weights(rows), 5, floor=0.05)
    expected = _plain(rows, 5, 0.05)
    for i in range(len(rows)):
        got = graph.row(i)
        assert got.keys() == expected[i].keys()
        assert all(math.isclose(got[j], expected[i][j], abs_tol=1e-12) for j in got)


@pytest.mark.parametrize("form", KERNEL_FORMS)
def test_chunked_dots_equal_one_pair_at_a_time(monkeypatch: pytest.MonkeyPatch, form: str) -> None:
    monkeypatch.setattr(rescore, "SPREAD", 2)
    rows = _rows(7, 40, 30, 10)
    matrix = Matrix.from_weights(rows)
    rng = random.Random(7)
    pairs = sorted((rng.randrange(40), rng.randrange(40)) for _ in range(300))
    i = np.array([p[0] for p in pairs])
    j = np.array([p[1] for p in pairs])
    with kernel_form(form):
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
    with python_kernels():  # the Python form's postings: weights (the C form's are codes)
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


@pytest.mark.parametrize(("keep", "form"), [(True, "python"), (False, "python"), (True, "c")])
def test_postings_are_the_heads_weights_transposed(
    monkeypatch: pytest.MonkeyPatch, keep: bool, form: str
) -> None:
    # the postings are transposed as entry indices, then weighed a few at a time: the same
    # arrays as the heads' weights transposed, weights kept or made from the codes each time;
    # the C form keeps the codes (it weighs them as it reads them)
    from scipy import sparse

    from index.events import features

    if not keep:
        monkeypatch.setattr(features, "KEEP_WEIGHTS", 0)
    monkeypatch.setattr(candidates, "WEIGH", 7)
    matrix = Matrix.from_weights(_rows(9, 90, 40, 14))
    matrix.norms = np.linspace(0.5, 2.0, matrix.n)  # a weight depends on its row
    with kernel_form(form):
        probe, postings = candidates.probes(matrix)
    entries = probe.entries.astype(np.int64)
    values = matrix.weights(entries, matrix.rows_of(entries))
    if form == "c":
        values = matrix.codes[entries]
    shape = (matrix.n, len(matrix.vocabulary))
    plain = sparse.csr_matrix((values, matrix.terms[entries], probe.ptr), shape=shape).T.tocsr()
    assert postings.indptr.tolist() == plain.indptr.tolist()
    assert postings.indices.tolist() == plain.indices.tolist()
    assert postings.data.tolist() == plain.data.tolist()
    assert postings.shape == plain.shape and len(postings.data) > 100
