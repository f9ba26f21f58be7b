"""The divisive check's 2-means and spreads compiled with numba (``divide.py`` calls them).

Imported only when a cluster is checked (numba is loaded by then: the linkage ran). The floats
are those of the Python form: each dot is ``math.fsum`` of the products, made here by CPython's
own algorithm (exactly rounded partial sums), each sum added member after member.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from index.events.kernels import jit


@jit
def _fsum(a: Any, b: Any, partials: Any) -> float:
    """``math.fsum(map(mul, a, b))`` for finite values: CPython's msum, step for step."""
    n = 0
    for k in range(len(a)):
        x = a[k] * b[k]
        i = 0
        for j in range(n):
            y = partials[j]
            if abs(x) < abs(y):
                x, y = y, x
            hi = x + y
            lo = y - (hi - x)
            if lo != 0.0:
                partials[i] = lo
                i += 1
            x = hi
        n = i
        if x != 0.0:
            partials[n] = x
            n += 1
    hi = 0.0
    lo = 0.0
    if n > 0:
        n -= 1
        hi = partials[n]
        while n > 0:
            x = hi
            n -= 1
            y = partials[n]
            hi = x + y
            lo = y - (hi - x)
            if lo != 0.0:
                break
        # half-even rounding across partials, as CPython does it
        if n > 0 and ((lo < 0.0 and partials[n - 1] < 0.0) or (lo > 0.0 and partials[n - 1] > 0.0)):
            y = lo * 2.0
            x = hi + y
            if y == x - hi:
                hi = x
    return float(hi)


@jit
def _sums(vectors: Any, labels: Any, group: int) -> Any:
    """The sum of the members labelled ``group`` (all when ``group`` < 0), member after member."""
    total = np.zeros(vectors.shape[1])
    for i in range(vectors.shape[0]):
        if group < 0 or labels[i] == group:
            for t in range(vectors.shape[1]):
                total[t] = total[t] + vectors[i, t]
    return total


@jit
def _step(vectors: Any, labels: Any, partials: Any) -> Any:
    """A labelling's next one (each member to the closer half's mean direction) and its halves'
    norms."""
    s0, s1 = _sums(vectors, labels, 0), _sums(vectors, labels, 1)
    n0, n1 = math.sqrt(_fsum(s0, s0, partials)), math.sqrt(_fsum(s1, s1, partials))
    new = np.empty(len(labels), np.int64)
    for i in range(len(labels)):
        near0 = _fsum(vectors[i], s0, partials) * n1
        new[i] = 0 if near0 >= _fsum(vectors[i], s1, partials) * n0 else 1
    return new, n0, n1


@jit
def _same(a: Any, b: Any) -> bool:
    for i in range(len(a)):
        if a[i] != b[i]:
            return False
    return True


@jit
def two_means(vectors: Any, seeds: int, iterations: int, eps: float) -> Any:
    """``divide._two_means``: (labels, whether any start gave two halves)."""
    n = vectors.shape[0]
    partials = np.empty(vectors.shape[1] + 2)
    gram = np.empty((n, n))
    for i in range(n):
        for j in range(i, n):
            gram[i, j] = gram[j, i] = _fsum(vectors[i], vectors[j], partials)
    centre = _sums(vectors, np.zeros(n, np.int64), -1)
    atypical = np.empty(n)
    for i in range(n):
        atypical[i] = _fsum(vectors[i], centre, partials)
    # the ``seeds`` members least like the centre (ties: the lower), in that order
    taken = np.zeros(n, np.int64)
    best_labels = np.zeros(n, np.int64)
    best = 0.0
    found = False
    for _ in range(min(seeds, n)):
        a = -1
        for i in range(n):
            if not taken[i] and (a < 0 or atypical[i] < atypical[a]):
                a = i
        taken[a] = 1
        b = 0
        for j in range(1, n):
            if gram[a, j] < gram[a, b]:
                b = j
        labels = np.empty(n, np.int64)
        for i in range(n):
            labels[i] = 0 if gram[i, a] >= gram[i, b] else 1
        for _ in range(iterations):
            new = _step(vectors, labels, partials)[0]
            if _same(new, labels):
                break
            labels = new
        if _same(labels[1:], labels[:-1]):
            continue  # one half only
        _, n0, n1 = _step(vectors, labels, partials)
        score = n0 + n1
        if not found or score > best + eps:
            best, found = score, True
            for i in range(n):
                best_labels[i] = labels[i]
    return best_labels, found


@jit
def spreads(vectors: Any, labels: Any) -> Any:
    """``divide._spread`` of the whole cluster and of its two halves by ``labels``."""
    partials = np.empty(vectors.shape[1] + 2)
    out = np.empty(2)
    for halves in range(2):
        spread = 0.0
        for group in range(2 if halves else 1):
            g = group if halves else -1
            total = _sums(vectors, labels, g)
            members = speaking = 0
            for i in range(vectors.shape[0]):
                if g < 0 or labels[i] == g:
                    members += 1
                    for t in range(vectors.shape[1]):
                        if vectors[i, t] != 0.0:
                            speaking += 1
                            break
            spread += speaking - _fsum(total, total, partials) / members
        out[halves] = spread if spread >= 0.0 else 0.0
    return out[0], out[1]
