"""The divisive check's 2-means and spreads (``divide.py`` calls them): C when built, else Python.

Both forms make the same floats: each dot is ``math.fsum`` of the products (the C form runs
CPython's own algorithm), each sum is added member after member from 0.0. ``kernels.py`` says
which form runs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from operator import add, mul

import numpy as np
import numpy.typing as npt

from index.events import kernels

Dense = list[float]  # a unit vector of the divisive check, over its cluster's specific terms


def two_means(
    vectors: Sequence[Dense], seeds: int, iterations: int, eps: float
) -> list[int] | None:
    """The best spherical 2-means labelling over a few deterministic starts (None if none):
    the ``seeds`` members least like the centre (ties: the lower), each paired with the member
    least like it; from each, members go to the half whose mean direction is nearer until none
    moves (at most ``iterations`` steps); the labelling whose halves' sums are longest by more
    than ``eps`` wins (ties: the first start)."""
    if kernels.native is not None:
        return kernels.native.two_means(_array(vectors), seeds, iterations, eps)
    n = len(vectors)
    gram = [[_dot(v, w) for w in vectors] for v in vectors]
    centre = _sum(vectors, range(n))
    starts = sorted(range(n), key=lambda i: (_dot(vectors[i], centre), i))[: max(seeds, 0)]
    best: tuple[float, list[int]] | None = None
    for a in starts:
        b = min(range(n), key=lambda j: (gram[a][j], j))
        labels = [0 if row[a] >= row[b] else 1 for row in gram]
        for _ in range(iterations):
            new = _step(vectors, labels)[0]
            if new == labels:
                break
            labels = new
        if len(set(labels)) < 2:
            continue  # one half only
        norms = _step(vectors, labels)[1]
        score = norms[0] + norms[1]
        if best is None or score > best[0] + eps:
            best = (score, labels)
    return None if best is None else best[1]


def spreads(vectors: Sequence[Dense], labels: Sequence[int]) -> tuple[float, float]:
    """The spread of the whole cluster and the sum of its two halves' by ``labels`` (0 or 1):
    a group's spread is the sum over its members of 1 - cosine to the group's mean direction
    (k-means dispersion; a member without any term counts 0), at least 0."""
    if kernels.native is not None:
        return kernels.native.spreads(_array(vectors), np.asarray(labels, dtype=np.int64))
    halves = [[i for i, g in enumerate(labels) if g == h] for h in (0, 1)]
    return _spread(vectors, [range(len(vectors))]), _spread(vectors, halves)


def _array(vectors: Sequence[Dense]) -> npt.NDArray[np.float64]:
    width = len(vectors[0]) if vectors else 0
    return np.array(vectors, dtype=np.float64).reshape(len(vectors), width)


def _dot(a: Dense, b: Dense) -> float:
    return math.fsum(map(mul, a, b))


def _sum(vectors: Sequence[Dense], idx: Iterable[int]) -> Dense:
    total: Dense = [0.0] * (len(vectors[0]) if vectors else 0)
    for i in idx:
        total = list(map(add, total, vectors[i]))
    return total


def _step(vectors: Sequence[Dense], labels: list[int]) -> tuple[list[int], tuple[float, float]]:
    """A labelling's next one (each member to the closer half's mean direction) and its halves'
    norms."""
    n = len(vectors)
    sums = [_sum(vectors, [i for i in range(n) if labels[i] == g]) for g in (0, 1)]
    norms = math.sqrt(_dot(sums[0], sums[0])), math.sqrt(_dot(sums[1], sums[1]))
    new = [0 if _dot(v, sums[0]) * norms[1] >= _dot(v, sums[1]) * norms[0] else 1 for v in vectors]
    return new, norms


def _spread(vectors: Sequence[Dense], groups: Sequence[Sequence[int]]) -> float:
    spread = 0.0
    for idx in groups:
        total = _sum(vectors, idx)
        spread += sum(1 for i in idx if any(vectors[i])) - _dot(total, total) / len(idx)
    return max(spread, 0.0)
