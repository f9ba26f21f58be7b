"""The neighbour search's C and Python forms give the same candidates, cosines and graph."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.events import candidates, features, kernels, neighbours, rescore
from index.events.features import Matrix
from index.events.neighbours import Graph, nearest_neighbours, symmetric
from index.events.rescore import dots
from tests.helpers import python_kernels, require_c_kernels


def _matrix(rng: random.Random, n: int, vocabulary: int, length: int) -> Matrix:
    """Random rows whose weights come from a few (count, kind) codes, idf and norms, as the
    builder's do: a weight is made from its code, never stored, when the matrix is large.
    A few rows copy another's, so partial scores and cosines tie."""
    counts = np.array([1.0, 2.0, 3.0, 5.0, 1.0, 2.0])
    kinds = np.array([1.0, 1.0, 1.0, 1.0, 2.5, 2.5])
    ptr: list[int] = [0]
    terms: list[int] = []
    codes: list[int] = []
    for _ in range(n):
        if terms and rng.random() < 0.15:  # a copy: its scores with any row tie the original's
            start = rng.randrange(len(ptr) - 1)
            mine = terms[ptr[start] : ptr[start + 1]]
            codes += codes[ptr[start] : ptr[start + 1]]
        else:
            mine = sorted(rng.sample(range(vocabulary), rng.randint(0, min(length, vocabulary))))
            codes += [rng.randrange(len(counts)) for _ in mine]
        terms += mine
        ptr.append(len(terms))
    matrix = Matrix(
        [f"t{t:04d}" for t in range(vocabulary)],
        np.array(ptr, dtype=np.int64),
        np.array(terms, dtype=np.int32),
        np.array(codes, dtype=np.uint8),
        counts,
        kinds,
        np.array([rng.uniform(0.5, 4.0) for _ in range(vocabulary)]),
        np.zeros(vocabulary, dtype=np.int64),
    )
    matrix.norms = features.norms(matrix)
    return matrix


@pytest.fixture(autouse=True)
def _c_form() -> None:
    require_c_kernels()


def _graph_arrays(graph: Graph) -> list[tuple[str, list[float]]]:
    return [(str(a.dtype), a.tolist()) for a in (graph.ptr, graph.cols, graph.sims)]


@pytest.mark.parametrize("seed", range(8))
def test_the_search_finds_the_same_graph_in_both_forms(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    # small blocks and runs, so rows cross many boundaries; weights kept or made from codes
    rng = random.Random(seed)
    monkeypatch.setattr(candidates, "BLOCK", rng.choice([3, 16, 256]))
    monkeypatch.setattr(neighbours, "RUN_ROWS", rng.choice([10, 40, 8192]))
    monkeypatch.setattr(rescore, "SHARES", rng.choice([1, 3, 8]))
    monkeypatch.setattr(features, "KEEP_WEIGHTS", rng.choice([0, 8_000_000]))
    matrix = _matrix(rng, rng.randint(30, 200), rng.randint(20, 120), rng.randint(3, 60))
    k, floor = rng.randint(1, 12), rng.choice([0.0, 0.05, 0.2])
    compiled = nearest_neighbours(matrix, k, floor)
    with python_kernels():
        plain = nearest_neighbours(matrix, k, floor)
    assert _graph_arrays(compiled) == _graph_arrays(plain)
    assert len(compiled.cols) > matrix.n  # most rows found neighbours


@pytest.mark.parametrize("keep", [True, False])
def test_candidates_are_the_products_best_in_both_forms(
    monkeypatch: pytest.MonkeyPatch, keep: bool
) -> None:
    # any rows (the incremental regrouping asks for scattered ones), each row's 2k best by
    # partial score, ties to the lower row, the row itself left out
    if not keep:
        monkeypatch.setattr(features, "KEEP_WEIGHTS", 0)
    matrix = _matrix(random.Random(3), 150, 60, 30)
    for rows in (np.arange(150), np.arange(30, 61), np.array([3, 17, 18, 64, 149])):
        for k in (1, 4, 40):
            probe, postings = candidates.probes(matrix)
            i, j = candidates.candidates(probe, postings, rows, k)
            with python_kernels():
                probe, postings = candidates.probes(matrix)
                pi, pj = candidates.candidates(probe, postings, rows, k)
            assert (i.tolist(), j.tolist()) == (pi.tolist(), pj.tolist())
            assert set(i.tolist()) <= set(rows.tolist()) and not (i == j).any()


@pytest.mark.parametrize("keep", [True, False])
def test_cosines_are_the_same_floats_in_both_forms(
    monkeypatch: pytest.MonkeyPatch, keep: bool
) -> None:
    # a much longer row's terms are searched, a shorter's walked: the same sum either way
    if not keep:
        monkeypatch.setattr(features, "KEEP_WEIGHTS", 0)
    rng = random.Random(11)
    matrix = _matrix(rng, 80, 400, 300)
    pairs = sorted((rng.randrange(80), rng.randrange(80)) for _ in range(2000))
    i = np.array([p[0] for p in pairs], dtype=np.int64)
    j = np.array([p[1] for p in pairs], dtype=np.int64)
    compiled = dots(matrix, i, j)
    with python_kernels():
        assert dots(matrix, i, j).tolist() == compiled.tolist()
    assert dots(matrix, j, i).tolist() == compiled.tolist()  # the same float both ways
    for p in range(0, 2000, 97):  # a cosine by the definition, to rounding
        a, b = matrix.row(int(i[p])), matrix.row(int(j[p]))
        assert math.isclose(compiled[p], sum(w * b.get(t, 0.0) for t, w in a.items()))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 30).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=80),
        )
    )
)
def test_the_symmetric_graph_is_the_same_in_both_forms(
    edges: tuple[int, list[tuple[int, int]]],
) -> None:
    # edges found once, from both ends, or twice from one end (a cosine is the same both ways)
    n, pairs = edges
    pairs = [(a, b) for a, b in pairs if a != b]
    i = np.array([a for a, _ in pairs], dtype=np.int32)
    j = np.array([b for _, b in pairs], dtype=np.int32)
    sims = np.array([1.0 / (1 + min(a, b) + 7 * max(a, b)) for a, b in pairs])
    compiled = symmetric(n, i, j, sims)
    with python_kernels():
        assert _graph_arrays(symmetric(n, i, j, sims)) == _graph_arrays(compiled)


def test_bad_input_raises_instead_of_crashing() -> None:
    native = kernels.native
    assert native is not None
    empty, ints = np.zeros(0), np.zeros(0, dtype=np.int64)
    out = np.zeros(2, dtype=np.int64)
    with pytest.raises(ValueError, match="i"):  # a row past the graph
        symmetric(2, np.array([0]), np.array([5]), np.array([0.5]))
    with pytest.raises(ValueError, match="rows"):
        native.candidates(
            np.array([0, 0]), ints, empty, np.array([0]), ints, ints, empty, empty, np.zeros(1),
            np.array([3]), 2, out, out,
        )  # fmt: skip
    with pytest.raises(ValueError, match="term or a posting"):  # a head's term past the postings
        native.candidates(
            np.array([0, 1]), np.array([4]), np.ones(1), np.array([0]), ints, ints, np.ones(1),
            np.ones(1), np.ones(1), np.array([0]), 2, out, out,
        )  # fmt: skip
    with pytest.raises(TypeError, match="writable"):
        frozen = np.zeros(2, dtype=np.int64)
        frozen.flags.writeable = False
        native.candidates(
            np.array([0, 0]), ints, empty, np.array([0]), ints, ints, empty, empty, np.zeros(1),
            np.array([0]), 2, frozen, out,
        )  # fmt: skip
    matrix = _matrix(random.Random(1), 5, 10, 4)
    with pytest.raises(ValueError, match="pair 1"):
        dots(matrix, np.array([0, 9]), np.array([1, 2]))


def test_a_build_older_than_its_sources_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # an editable install is not rebuilt when a C source changes: a module without the newer
    # entry points fails at import with what to do, not deep in a grouping
    import importlib
    import types

    import index.events

    stale = types.ModuleType("index.events._kernels")
    stale.__file__ = "/venv/index/events/_kernels.so"
    stale.average_link = stale.two_means = stale.spreads = stale.fsum = print  # type: ignore[attr-defined]
    monkeypatch.setattr(index.events, "_kernels", stale, raising=False)
    try:
        with pytest.raises(ImportError, match=r"no candidates, cosines, symmetric.*pip install -e"):
            importlib.reload(kernels)
    finally:
        monkeypatch.undo()
        importlib.reload(kernels)
    assert kernels.native is not None and hasattr(kernels.native, "candidates")
