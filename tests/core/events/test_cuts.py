"""The divisive check's compiled 2-means and spreads give the floats and cuts of the Python form."""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from operator import add, mul

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from index.events import divide
from index.events.cuts import _fsum
from index.events.divide import _EPS, _ITERATIONS, SEEDS, Dense


# The Python form the compiled one replaced (the oracle): dense lists, exact dots
def _dot(a: Dense, b: Dense) -> float:
    return math.fsum(map(mul, a, b))


def _sum(vectors: Sequence[Dense], idx: Iterable[int]) -> Dense:
    total: Dense = [0.0] * (len(vectors[0]) if vectors else 0)
    for i in idx:
        total = list(map(add, total, vectors[i]))
    return total


def _spread(vectors: Sequence[Dense], groups: Sequence[Sequence[int]]) -> float:
    spread = 0.0
    for idx in groups:
        total = _sum(vectors, idx)
        spread += sum(1 for i in idx if any(vectors[i])) - _dot(total, total) / len(idx)
    return max(spread, 0.0)


def _norm(vec: Dense) -> float:
    return math.sqrt(_dot(vec, vec))


def plain_two_means(vectors: Sequence[Dense]) -> list[int] | None:
    n = len(vectors)
    gram = [[_dot(v, w) for w in vectors] for v in vectors]
    centre = _sum(vectors, range(n))
    seeds = sorted(range(n), key=lambda i: (_dot(vectors[i], centre), i))[:SEEDS]

    def step(labels: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[float, float]]:
        sums = [_sum(vectors, [i for i in range(n) if labels[i] == g]) for g in (0, 1)]
        norms = _norm(sums[0]), _norm(sums[1])
        new = tuple(
            0 if _dot(v, sums[0]) * norms[1] >= _dot(v, sums[1]) * norms[0] else 1 for v in vectors
        )
        return new, norms

    best: tuple[float, tuple[int, ...]] | None = None
    for a in seeds:
        b = min(range(n), key=lambda j: (gram[a][j], j))
        labels = tuple(0 if row[a] >= row[b] else 1 for row in gram)
        for _ in range(_ITERATIONS):
            new = step(labels)[0]
            if new == labels:
                break
            labels = new
        if len(set(labels)) < 2:
            continue
        norms = step(labels)[1]
        score = norms[0] + norms[1]
        if best is None or score > best[0] + _EPS:
            best = (score, labels)
    return None if best is None else list(best[1])


def plain_reduction(vectors: Sequence[Dense]) -> tuple[float, list[int] | None]:
    labels = plain_two_means(vectors)
    if labels is None:
        return 0.0, None
    whole = _spread(vectors, [range(len(vectors))])
    halves = _spread(vectors, [[i for i, g in enumerate(labels) if g == h] for h in (0, 1)])
    return math.log((whole + _EPS) / (halves + _EPS)), labels


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6, allow_subnormal=True), max_size=40), st.integers(0, 99))
def test_fsum_is_pythons(values: list[float], seed: int) -> None:
    # products that cancel and carry (a large value, its negation, tiny remainders)
    rng = random.Random(seed)
    values = values + [-v for v in rng.sample(values, len(values) // 3)] + [1e-300, 3.0]
    rng.shuffle(values)
    ones = [1.0] * len(values)
    expected = math.fsum(values)
    got = _fsum(np.array(values), np.array(ones), np.empty(len(values) + 2))
    assert got == expected and math.copysign(1, got) == math.copysign(1, expected)


vectors_strategy = st.integers(0, 2**32).flatmap(
    lambda seed: st.tuples(st.just(seed), st.integers(6, 30), st.integers(0, 8))
)


@settings(max_examples=200, deadline=None)
@given(vectors_strategy)
def test_reduction_is_the_python_forms(case: tuple[int, int, int]) -> None:
    seed, n, width = case
    rng = random.Random(seed)
    rows: list[dict[int, float]] = []
    for _ in range(n):
        if rows and rng.random() < 0.2:
            rows.append(dict(rng.choice(rows)))  # exact ties
        elif rng.random() < 0.1:
            rows.append({})  # a member without specific terms
        else:
            terms = rng.sample(range(width), rng.randint(0, width)) if width else []
            rows.append({t: float(rng.randint(1, 3)) * rng.choice([1.0, 1.7]) for t in terms})
    unit = divide._unit(rows)
    assert divide._reduction(unit) == plain_reduction(unit)


def test_two_clear_events_are_cut_as_the_python_form_cuts_them() -> None:
    rows = [{0: 1.0, 1: 2.0}] * 4 + [{2: 1.0, 3: 1.0}] * 4 + [{0: 1.0, 3: 1.0}]
    unit = divide._unit(rows)
    real, labels = divide._reduction(unit)
    assert (real, labels) == plain_reduction(unit)
    assert labels is not None and labels[:4] == [labels[0]] * 4 and labels[4:8] == [labels[4]] * 4
    assert labels[0] != labels[4] and real > 0
