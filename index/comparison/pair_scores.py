"""Similarity scores of passage pairs: concept TF-IDF, character grams, shared information."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

from index.base.cancel import checkpoint
from index.comparison.pair_arrays import (
    Pairs,
    best_pairs,
    concept_matrix,
    gram_matrix,
    pair_cosines,
)
from index.comparison.passage_terms import Features

CANDIDATE_COSINE = 0.1  # below this concept cosine a pair is never scored further
CANDIDATES = 3  # per passage and other article, this many best pairs by concepts are scored
PAIR_SHARED_CONCEPTS = 2.5  # two lone statements: no event around them to be generic against
SHARED_CONCEPTS = 4.0  # a pair sharing less than ~4 average concepts' worth of IDF is damped
# A concept found in more passages than this (a floor, or a share of the event's passages) pairs
# no passages by itself: it keeps comparing a huge article near linear (see _cosines).
DF_FLOOR = 300
DF_SHARE = 0.01


def _df(docs: Sequence[Mapping[str, float]]) -> Counter[str]:
    """How many of ``docs`` hold each term, in order of first use."""
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(iter(doc))  # an iterator, not the mapping: counts keys, in C
    return df


def _idf(docs: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every term of ``docs``."""
    return _idf_of(_df(docs), len(docs))


def _idf_of(df: Mapping[str, int], n: int) -> dict[str, float]:
    """Smoothed inverse document frequency of terms found in ``df[term]`` of ``n`` documents."""
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def _unit(doc: Mapping[str, float], idf: Mapping[str, float]) -> dict[str, float]:
    """The unit-length TF-IDF vector of one document (sublinear TF)."""
    # Most terms occur once in a sentence: skip the logarithm for them.
    vec = {t: idf[t] if c == 1 else (1.0 + math.log(c)) * idf[t] for t, c in doc.items() if c > 0}
    scale = 1.0 / (math.sqrt(math.fsum(v * v for v in vec.values())) or 1.0)
    return {t: v * scale for t, v in vec.items()}


def _tfidf(docs: Sequence[Mapping[str, float]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (smoothed IDF over ``docs``, sublinear TF)."""
    idf = _idf(docs)
    return [_unit(doc, idf) for doc in docs]


def _cosines(vectors: Sequence[Mapping[str, float]], groups: Sequence[int]) -> Pairs:
    """Cosines of at least CANDIDATE_COSINE between vectors i < j of different groups that share
    a term found in at most DF_FLOOR vectors (or DF_SHARE of them, if more); of those, only the
    CANDIDATES best of either passage against the other's group: the pairs worth the costlier
    character comparison (only the best one or two can become links). (i, j, cosine) arrays.

    A term in more passages would pair most of them (quadratic time on a 20,000-sentence
    article, a sentence repeated 300 times); its IDF is low, so a pair sharing only such terms
    stays below CANDIDATE_COSINE. Such terms still count in the cosine of the pairs found.
    Rows are multiplied a block at a time and the weak pairs dropped at once, so memory holds
    only what can be chosen; each pair's terms are added in order of first use in the event.
    """
    cap = max(DF_FLOOR, int(DF_SHARE * len(vectors)))
    return best_pairs(concept_matrix(vectors), groups, cap, CANDIDATE_COSINE, CANDIDATES)


def _combine(
    char_cos: npt.NDArray[np.float64],
    concept_cos: npt.NDArray[np.float64],
    shared_info: npt.NDArray[np.float64],
    shared_numbers: npt.NDArray[np.bool_],
) -> npt.NDArray[np.float64]:
    """One score in [0, 1] per pair: the stronger of concept and blended similarity, damped when
    the pair shares little information (a short caption sharing "Ministry of Foreign Affairs")."""
    score = np.maximum(concept_cos, 0.5 * (char_cos + concept_cos) + 0.05)
    score *= np.minimum(1.0, shared_info)
    # The same specific figure (1,500; 10,000) is strong evidence of one fact.
    score += np.where(shared_numbers, 0.15, 0.0)
    return np.minimum(1.0, score)


def scores(
    feats: Sequence[Features],
    groups: Sequence[int],
    floor: float = 0.0,
    shared_concepts: float = SHARED_CONCEPTS,
    counted: Sequence[bool] | None = None,
) -> Pairs:
    """Scores of the candidate cross-group pairs, as (i, j, score) arrays in (i, j) order; pairs
    that cannot reach ``floor`` are left out before the costlier character comparison. Only the
    ``counted`` passages (all by default) make the document frequencies: headlines repeat the
    event's main words, and counting them would make those words look common and weaken every
    body sentence that states them."""
    weigh = [True] * len(feats) if counted is None else list(counted)
    concept_docs = [dict.fromkeys(f.concepts, 1.0) for f in feats]
    body_docs = [d for d, c in zip(concept_docs, weigh, strict=True) if c]
    df = _df(concept_docs)
    idf = _idf_of(dict.fromkeys(df, 0) | _df(body_docs), len(body_docs))
    first, second, ccos = _cosines([_unit(doc, idf) for doc in concept_docs], groups)
    checkpoint()
    # Information shared is measured in units of "a few typical concepts", so it does not depend
    # on how many passages the event has: the IDF of the concepts a pair shares (a 0/1 row times
    # the other's row of IDFs, columns in the order of first use).
    unit = shared_concepts * (sum(idf.values()) / len(idf)) if idf else 1.0
    present = concept_matrix(concept_docs)
    weighed = sparse.csr_matrix(present.multiply(np.fromiter(map(idf.__getitem__, df), float)))
    shared = pair_cosines(present, first, second, weighed) / unit
    numbers = np.fromiter(
        (
            bool(feats[i].numbers and feats[i].numbers & feats[j].numbers)
            for i, j in zip(first.tolist(), second.tolist(), strict=True)
        ),
        dtype=bool,
        count=len(first),
    )
    # Pairs that even identical characters would not lift to the floor are not compared.
    todo = _combine(np.ones(len(first)), ccos, shared, numbers) >= floor
    first, second, ccos, shared, numbers = (
        first[todo], second[todo], ccos[todo], shared[todo], numbers[todo]
    )  # fmt: skip
    # Character cosines: one TF-IDF row per distinct normalised text (wire copy repeats
    # sentences), document frequencies over every passage, one product per distinct text pair.
    row_of: dict[str, int] = {}
    passages: list[int] = []
    counted_too: list[int] = []
    for f, count in zip(feats, weigh, strict=True):
        row = row_of.setdefault(f.text, len(row_of))
        if row == len(passages):
            passages.append(0)
            counted_too.append(0)
        passages[row] += 1
        counted_too[row] += count
    checkpoint()
    rows = len(row_of)
    text_row = np.fromiter(map(row_of.__getitem__, (f.text for f in feats)), np.int64, len(feats))
    distinct, which = np.unique(text_row[first] * rows + text_row[second], return_inverse=True)
    matrix = gram_matrix(list(row_of), passages, counted_too)
    char_cos = pair_cosines(matrix, distinct // max(rows, 1), distinct % max(rows, 1))
    return first, second, _combine(char_cos[which.reshape(-1)], ccos, shared, numbers)


def score_pairs(
    feats: Sequence[Features],
    groups: Sequence[int],
    floor: float = 0.0,
    shared_concepts: float = SHARED_CONCEPTS,
) -> dict[tuple[int, int], float]:
    """``scores`` as a mapping (i, j) -> score."""
    first, second, score = scores(feats, groups, floor, shared_concepts)
    return dict(zip(zip(first.tolist(), second.tolist(), strict=True), score.tolist(), strict=True))
