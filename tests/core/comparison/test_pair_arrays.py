"""The array scoring (pair_arrays, pair_scores) equals the per-pair formulas, pair by pair."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable

import pytest

from index.base.models import Passage
from index.comparison import pair_arrays, pair_scores
from index.comparison.pair_arrays import gram_matrix, pair_cosines
from index.comparison.passage_terms import Features, char_grams, features

_WORDS = (
    "ferry harbour storm minister rescue police bridge village court ruling council budget "
    "flood levee river 1,500 2024 convoy border crossing troops envoy summoned talks"
).split()


def _feats(seed: int, n: int) -> list[Features]:
    rng = random.Random(seed)
    made = [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 14))) for _ in range(n)]
    texts = made + made[: n // 4]  # some texts twice, as wire copy repeats sentences
    return [features(Passage(f"a:{k}", "a", 0, len(t), t)) for k, t in enumerate(texts)]


def _unit(doc: dict[str, float], idf: dict[str, float]) -> dict[str, float]:
    vec = {t: (1.0 + math.log(c)) * idf[t] for t, c in doc.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _char_reference(feats: list[Features], counted: list[bool]) -> Callable[[int, int], float]:
    """Character-gram TF-IDF cosine, as dictionaries: IDF over the counted passages."""
    grams = [dict(char_grams(f.text)) for f in feats]
    df, counted_df = Counter[str](), Counter[str]()
    for g, c in zip(grams, counted, strict=True):
        df.update(g.keys())
        if c:
            counted_df.update(g.keys())
    n = sum(counted)
    idf = {t: math.log((1 + n) / (1 + counted_df[t])) + 1.0 for t in df}
    return lambda i, j: _cosine(_unit(grams[i], idf), _unit(grams[j], idf))


@pytest.mark.parametrize("cells", [pair_arrays.PRODUCT_CELLS, 0])
def test_gram_cosines_are_the_tfidf_cosines_of_char_grams(
    cells: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both ways: all rows by all (small events) and each pair's two rows (large ones).
    monkeypatch.setattr(pair_arrays, "PRODUCT_CELLS", cells)
    feats = _feats(5, 40)
    counted = [k % 5 != 0 for k in range(len(feats))]  # some passages (headlines) not counted
    rows: dict[str, int] = {}
    for f in feats:
        rows.setdefault(f.text, len(rows))
    per_text = [sum(f.text == t for f in feats) for t in rows]
    per_counted = [
        sum(f.text == t and c for f, c in zip(feats, counted, strict=True)) for t in rows
    ]
    matrix = gram_matrix(list(rows), per_text, per_counted)
    pairs = [(i, j) for i in range(len(feats)) for j in range(i + 1, len(feats))]
    left = [rows[feats[i].text] for i, _ in pairs]
    got = pair_cosines(matrix, left, [rows[feats[j].text] for _, j in pairs])
    reference = _char_reference(feats, counted)
    for (i, j), cosine in zip(pairs, got.tolist(), strict=True):
        assert math.isclose(cosine, reference(i, j), abs_tol=1e-12), (i, j)


def test_scores_follow_the_per_pair_formula() -> None:
    feats = _feats(9, 30)
    groups = [k % 3 for k in range(len(feats))]
    first, second, score = pair_scores.scores(feats, groups)
    assert len(first) > 20
    docs = [dict.fromkeys(f.concepts, 1.0) for f in feats]
    idf = pair_scores._idf(docs)
    vectors = [_unit(d, idf) for d in docs]
    unit = pair_scores.SHARED_CONCEPTS * sum(idf.values()) / len(idf)
    char = _char_reference(feats, [True] * len(feats))
    for i, j, got in zip(first.tolist(), second.tolist(), score.tolist(), strict=True):
        assert groups[i] != groups[j]
        concept = _cosine(vectors[i], vectors[j])
        shared = sum(idf[c] for c in feats[i].concepts & feats[j].concepts) / unit
        expected = max(concept, 0.5 * (char(i, j) + concept) + 0.05) * min(1.0, shared)
        expected += 0.15 if feats[i].numbers & feats[j].numbers else 0.0
        assert math.isclose(got, min(1.0, expected), abs_tol=1e-12), (i, j)
