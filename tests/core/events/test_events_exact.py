"""The grouping's faster paths give the very floats and choices of the plain computations."""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from index.events import divide
from index.events.divide import SEEDS, Vector, dot
from index.events.features import Matrix
from index.events.group import TIE, _heads
from tests.helpers import Sums

rows_strategy = st.lists(
    st.dictionaries(st.sampled_from("abcdefghij"), st.floats(0.1, 3.0), min_size=1, max_size=6),
    min_size=1,
    max_size=24,
)


def unit(row: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(math.fsum(w * w for w in row.values()))
    return {t: w / norm for t, w in row.items()}


def central(members: list[int], sums: Sums) -> int:
    """The member closest to the others' sum, as the grouping found it one cluster at a time."""
    closeness = sums.dots(members, [[m] for m in members])
    bar = closeness.max() - TIE
    return min(m for m, c in zip(members, closeness.tolist(), strict=True) if c >= bar)


@settings(max_examples=150, deadline=None)
@given(rows_strategy, st.data())
def test_heads_of_all_clusters_at_once_are_those_found_one_at_a_time(
    rows: list[dict[str, float]], data: st.DataObject
) -> None:
    # repeated rows tie exactly: the first of them must win both ways
    rows = [unit(row) for row in rows] + [unit(row) for row in rows[: len(rows) // 2]]
    matrix = Matrix.from_weights(rows)
    labels = data.draw(st.lists(st.integers(0, 4), min_size=len(rows), max_size=len(rows)))
    clusters = [[i for i, g in enumerate(labels) if g == c] for c in range(5)]
    clusters = [c for c in clusters if c]
    sums = Sums(matrix)
    assert _heads(matrix, clusters) == [central(c, sums) for c in clusters]


def plain_two_means(vectors: list[Vector]) -> list[int] | None:
    """2-means over dict vectors, every dot made when needed (the check's first form)."""
    n = len(vectors)

    def total(idx: list[int]) -> Vector:
        out: Vector = {}
        for i in idx:
            for t, w in vectors[i].items():
                out[t] = out.get(t, 0.0) + w
        return out

    centre = total(list(range(n)))
    seeds = sorted(range(n), key=lambda i: (dot(vectors[i], centre), i))[:SEEDS]
    best: tuple[float, list[int]] | None = None
    for a in seeds:
        b = min(range(n), key=lambda j: (dot(vectors[a], vectors[j]), j))
        labels = [0 if dot(v, vectors[a]) >= dot(v, vectors[b]) else 1 for v in vectors]
        for _ in range(20):
            sums = [total([i for i in range(n) if labels[i] == g]) for g in (0, 1)]
            norms = math.sqrt(dot(sums[0], sums[0])), math.sqrt(dot(sums[1], sums[1]))
            new = [
                0 if dot(v, sums[0]) * norms[1] >= dot(v, sums[1]) * norms[0] else 1
                for v in vectors
            ]
            if new == labels:
                break
            labels = new
        if len(set(labels)) < 2:
            continue
        sums = [total([i for i in range(n) if labels[i] == g]) for g in (0, 1)]
        score = math.sqrt(dot(sums[0], sums[0])) + math.sqrt(dot(sums[1], sums[1]))
        if best is None or score > best[0] + 1e-9:
            best = (score, labels)
    return None if best is None else best[1]


def plain_unit(rows: list[Vector]) -> list[Vector]:
    n = len(rows)
    df: Counter[str] = Counter()
    for row in rows:
        df.update(row.keys())
    out = []
    for row in rows:
        vec = {t: w * math.log(n / df[t]) for t, w in row.items() if df[t] < n}
        norm = math.sqrt(math.fsum(w * w for w in vec.values()))
        out.append({t: w / norm for t, w in vec.items()} if norm else {})
    return out


@settings(max_examples=300, deadline=None)
@given(rows_strategy)
def test_dense_two_means_chooses_as_the_dict_one(rows: list[dict[str, float]]) -> None:
    rows = rows + rows[:3]  # identical members tie exactly
    dense = divide._unit(rows)
    plain = plain_unit(rows)
    # the same unit weights, zeros where a dict has no entry
    for d, p in zip(dense, plain, strict=True):
        assert sorted(w for w in d if w) == sorted(p.values())
    assert divide._two_means(dense) == plain_two_means(plain)
