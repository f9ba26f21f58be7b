"""The linkage's C and Python forms give the same clusters, to the last float's choice."""

from __future__ import annotations

import math
import os
import random
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.events import features, kernels
from index.events.features import Matrix
from index.events.linkage import relative_average_link
from index.events.neighbours import Graph
from tests.helpers import KERNEL_FORMS, kernel_form, python_kernels, require_c_kernels


def _unit(raw: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(math.fsum(w * w for w in raw.values()))
    return {t: w / norm for t, w in raw.items()}


def _rows(rng: random.Random, n: int, vocabulary: int, length: int) -> list[dict[str, float]]:
    """Random unit rows; a few repeated exactly, so that links tie."""
    rows = []
    for _ in range(n):
        if rows and rng.random() < 0.1:
            rows.append(dict(rng.choice(rows)))
            continue
        terms = rng.sample(range(vocabulary), rng.randint(1, length))
        rows.append(_unit({f"t{t:03d}": rng.random() + 0.01 for t in terms}))
    return rows


def _knn(rows: list[dict[str, float]], k: int, floor: float) -> Graph:
    """Each row's k most similar others (cosine above ``floor``), each edge both ways."""
    n = len(rows)
    graph: list[dict[int, float]] = [{} for _ in range(n)]
    for i in range(n):
        sims = {j: sum(w * rows[j].get(t, 0.0) for t, w in rows[i].items()) for j in range(n)}
        for j in sorted((j for j in sims if j != i), key=lambda j: (-sims[j], j))[:k]:
            if sims[j] > floor:
                graph[i][j] = graph[j][i] = sims[j]
    return Graph.from_rows(graph)


def _both(matrix: Matrix, graph: Graph, ratio: float = 0.5) -> list[list[int]]:
    """The C form's clusters, checked equal to the Python form's (members in the same order)."""
    require_c_kernels()
    compiled = relative_average_link(matrix, graph, ratio)
    with python_kernels():
        assert relative_average_link(matrix, graph, ratio) == compiled
    return compiled


@pytest.fixture(params=KERNEL_FORMS)
def form(request: pytest.FixtureRequest) -> Iterator[str]:
    with kernel_form(request.param):
        yield request.param


def test_ci_builds_the_c_kernels() -> None:
    if not os.environ.get("NEWSREADER_CI_COMPILED"):
        pytest.skip("CI (.ci/run) requires the C kernels; an install without a compiler may not")
    assert kernels.native is not None


@pytest.mark.parametrize("seed", range(12))
def test_random_neighbour_graphs_give_the_same_clusters_in_both_forms(seed: int) -> None:
    rng = random.Random(seed)
    rows = _rows(rng, rng.randint(20, 160), rng.randint(8, 60), rng.randint(2, 8))
    graph = _knn(rows, rng.randint(2, 10), rng.choice([0.0, 0.1, 0.2]))
    clusters = _both(Matrix.from_weights(rows), graph, rng.choice([0.3, 0.5, 0.7]))
    assert sorted(m for c in clusters for m in c) == list(range(len(rows)))
    assert any(len(c) > 2 for c in clusters)  # merges of merged clusters were made


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32), st.integers(0, 40), st.floats(0.2, 0.8))
def test_random_graphs_with_one_sided_cosines(seed: int, n: int, ratio: float) -> None:
    # any symmetric graph, its two directions' floats slightly apart (the neighbour search may
    # rescore a pair from each end): each side's own float must be used where the Python form
    # uses it; no rows and a single row too
    rng = random.Random(seed)
    rows = _rows(rng, n, 12, 4)
    ptr, cols, sims = [0], [], []
    edges = {(i, j) for i in range(n) for j in range(i + 1, n) if rng.random() < 0.3}
    link = {e: rng.uniform(0.05, 1.0) for e in edges}
    for i in range(n):
        for j in range(n):
            if (min(i, j), max(i, j)) in edges:
                cols.append(j)
                sims.append(link[(min(i, j), max(i, j))] * (1.0 if i < j else 1.0 + 1e-16 * j))
        ptr.append(len(cols))
    graph = Graph(np.array(ptr), np.array(cols, dtype=np.int64), np.array(sims, dtype=np.float64))
    _both(Matrix.from_weights(rows), graph, ratio)


def test_weights_made_from_codes_give_the_same_clusters(
    monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    # above KEEP_WEIGHTS entries the weights are made from the codes each time (100k)
    rows = _rows(random.Random(5), 150, 30, 6)
    matrix = Matrix.from_weights(rows)
    graph = _knn(rows, 8, 0.1)
    kept = relative_average_link(matrix, graph)
    monkeypatch.setattr(features, "KEEP_WEIGHTS", 0)
    matrix.codes = matrix.codes.astype(np.uint16)  # as the builder makes them
    matrix.terms = matrix.terms.astype(np.uint16)
    assert relative_average_link(matrix, graph) == kept
    assert any(len(c) > 2 for c in kept)


def test_a_tie_goes_to_the_lower_pair_of_rows(form: str) -> None:
    # 0-1 and 1-2 have the very same cosine: 0-1 merges first, and the pair refuses 2
    half = math.sqrt(0.5)
    rows = [{"a": 1.0}, {"a": half, "b": half}, {"b": 1.0}]
    graph = Graph.from_rows([{1: half}, {0: half, 2: half}, {1: half}])
    assert relative_average_link(Matrix.from_weights(rows), graph, ratio=0.6) == [[0, 1], [2]]


def test_a_refused_pair_is_merged_once_a_merge_lowers_the_bar(form: str) -> None:
    # 0 and 2 are refused at first (0's strongest similarity sets a high bar); once 0 has merged
    # with looser members its cohesion falls and 0-2 is compared again and merged
    raw = [
        {"a": 4.0, "c": 4.0},
        {"d": 2.0, "c": 2.0},
        {"b": 3.0, "a": 2.0},
        {"a": 3.0, "e": 4.0},
        {"a": 3.0, "c": 2.0, "b": 4.0},
        {"e": 1.0, "c": 1.0},
        {"d": 1.0},
    ]
    rows = [_unit(r) for r in raw]
    graph = _knn(rows, 6, 0.1)
    cohesion = [max(graph.row(i).values()) for i in range(len(rows))]
    assert graph.row(0)[2] < 0.5 * (cohesion[0] + cohesion[2]) / 2  # refused at first
    assert relative_average_link(Matrix.from_weights(rows), graph) == [[0, 2, 4, 3, 5], [1, 6]]


def test_isolated_rows_and_no_edges_stay_alone(form: str) -> None:
    rows = [{"a": 1.0}, {"b": 1.0}, {"a": 0.6, "c": 0.8}, {"d": 1.0}]
    assert relative_average_link(Matrix.from_weights(rows), _knn(rows, 3, 0.9)) == [
        [0],
        [1],
        [2],
        [3],
    ]
    graph = _knn(rows, 3, 0.1)  # 0-2 related, 1 and 3 isolated
    assert relative_average_link(Matrix.from_weights(rows), graph) == [[0, 2], [1], [3]]


def _arrays() -> list[object]:
    """average_link's arguments for two rows that are each other's neighbour."""
    matrix = Matrix.from_weights([{"a": 1.0}, {"a": 1.0}])
    graph = Graph.from_rows([{1: 1.0}, {0: 1.0}])
    weights = matrix.weights()
    return [
        *(matrix.ptr, matrix.terms, weights, matrix.codes, matrix.factors(), matrix.idf),
        *(matrix.norms, 1, graph.ptr, graph.cols, graph.sims, 0.5),
    ]


@pytest.mark.parametrize(
    ("at", "value", "error"),
    [
        (0, np.array([0, 1, 5]), ValueError),  # rows past the entries
        (0, np.array([0, 1.0, 2]), TypeError),  # offsets as floats
        (1, np.array([0, 3], dtype=np.int32), ValueError),  # a term past the vocabulary
        (2, np.ones(1), ValueError),  # fewer weights than entries
        (2, np.ones(4)[::2], TypeError),  # not contiguous
        (8, np.array([0, 1]), ValueError),  # graph offsets: one row missing
        (9, np.array([1, 1]), ValueError),  # row 1 its own neighbour
        (9, np.array([1, 2]), ValueError),  # a neighbour out of range
        (10, np.ones(3), ValueError),  # more cosines than neighbours
        (7, -1, ValueError),  # a negative width
        (9, "ab", TypeError),  # no buffer
    ],
)
def test_the_c_form_refuses_bad_arrays(at: int, value: object, error: type[Exception]) -> None:
    require_c_kernels()
    args = _arrays()
    assert kernels.native.average_link(*args) == [[0, 1]]  # type: ignore[arg-type]
    args[at] = value
    with pytest.raises(error):
        kernels.native.average_link(*args)  # type: ignore[arg-type]


def test_the_c_form_refuses_a_one_sided_graph() -> None:
    require_c_kernels()
    args = _arrays()
    args[8:11] = np.array([0, 1, 1]), np.array([1]), np.array([1.0])  # 0 -> 1 but not 1 -> 0
    with pytest.raises(ValueError, match="one-sided"):
        kernels.native.average_link(*args)  # type: ignore[arg-type]
    # weights made from the codes: a code past the factors
    args = _arrays()
    args[2], args[3] = np.zeros(0), np.array([0, 7], dtype=np.uint8)
    with pytest.raises(ValueError, match="codes"):
        kernels.native.average_link(*args)  # type: ignore[arg-type]
