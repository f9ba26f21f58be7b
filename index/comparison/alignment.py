"""Pair passages of an event's articles that state the same fact (wire copy, edit, paraphrase)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz

from index.base.cancel import checkpoint
from index.base.models import Link, Passage
from index.comparison.pair_arrays import top_per_group
from index.comparison.pair_scores import PAIR_SHARED_CONCEPTS, score_pairs, scores
from index.comparison.passage_terms import (
    Features,
    features,
    linkable,
    normalise,
    shares_content,
)

# A link says "these two passages state the same fact". Each passage proposes its best match in
# every other article; the proposal becomes a link when the two are each other's best match and
# score LINK_THRESHOLD, or score STRONG_THRESHOLD alone. Two passages of the reports' leads (the
# title and the first LEAD_SENTENCES sentences: news states its main fact first) link from
# LEAD_THRESHOLD, as the event's main fact is stated in the words every report uses, which the
# in-event IDF weighs least. Calibrated on data the score was not built on (bench/links_dev.py:
# ECB+ co-mention recall and links judged by reading; bench/README.md has the figures).
LINK_THRESHOLD = 0.25
STRONG_THRESHOLD = 0.35
LEAD_THRESHOLD = 0.20
LEAD_SENTENCES = 2
SECOND_RATIO = 0.85  # a second match this close to the best is linked too (merged sentences)
SPLIT_THRESHOLD = 0.2  # a neighbour of a linked sentence joins the link from this score
SPLIT_NEEDS_BEST = True
VERBATIM_RATIO = 90.0  # rapidfuzz ratio on normalised text, 0-100


def is_verbatim(a: str, b: str) -> bool:
    """Near-identical text (wire copy): rapidfuzz ratio >= 90 on normalised text."""
    return fuzz.ratio(normalise(a), normalise(b)) >= VERBATIM_RATIO


def align(passages_by_article: Mapping[str, Sequence[Passage]]) -> list[Link]:
    """Links (without conflicts) between passages of different articles that state the same fact.

    Each passage proposes its best match in every other article; the proposal becomes a link at
    LINK_THRESHOLD when the two are each other's best, at STRONG_THRESHOLD alone, or at
    LEAD_THRESHOLD between two passages of the reports' leads; in every case the two must share
    a concept that is not a name (sharing who and where is not stating the same thing). A
    passage may so receive several links from one article (one sentence there merges two
    sentences here), but proposes only one. Deterministic: ties go to the earlier passage.
    """
    article_ids = list(passages_by_article)
    feats: list[Features] = []
    # A headline is matched as a report of its own: a sentence's best match among the other
    # report's sentences stays its best (and mutual) whether or not the headline says it too.
    groups: list[int] = []
    owner: list[int] = []  # the article: passages of one article are never paired
    lead: list[bool] = []
    heads: list[bool] = []
    for g, article_id in enumerate(article_ids):
        sentences = 0
        for passage in passages_by_article[article_id]:
            checkpoint()
            title = passage.in_title
            f = features(passage)
            if linkable(f):
                feats.append(f)
                groups.append(g + len(article_ids) if title else g)
                owner.append(g)
                heads.append(title)
                lead.append(title or sentences < LEAD_SENTENCES)
            sentences += not title
    # Pairs below every threshold can neither link nor be anyone's best above a threshold.
    floor = min(LINK_THRESHOLD, LEAD_THRESHOLD, SPLIT_THRESHOLD)
    first, second, score = scores(feats, groups, floor, counted=[not t for t in heads])
    owners, group = np.asarray(owner, dtype=np.int64), np.asarray(groups, dtype=np.int64)
    apart = owners[first] != owners[second]
    first, second, score = first[apart], second[apart], score[apart]
    score_of = dict(
        zip(zip(first.tolist(), second.tolist(), strict=True), score.tolist(), strict=True)
    )
    # Each passage's best and second best match in every other group, ties to the earlier.
    x, y = np.concatenate((first, second)), np.concatenate((second, first))
    by_pair = np.lexsort((y, x))
    x, y, s = x[by_pair], y[by_pair], np.concatenate((score, score))[by_pair]
    top, rank = top_per_group(x, y, s, group, 2)
    best: dict[tuple[int, int], tuple[float, int]] = {}
    runner_up: dict[tuple[int, int], tuple[float, int]] = {}
    for xi, yi, si, r in zip(
        x[top].tolist(), y[top].tolist(), s[top].tolist(), rank.tolist(), strict=True
    ):
        (runner_up if r else best)[(xi, groups[yi])] = (si, yi)
    chosen: set[tuple[int, int]] = set()
    for (x_, g), (top_score, y_) in best.items():
        mutual = best[(y_, groups[x_])][1] == x_
        if shares_content(feats[x_], feats[y_]) and (
            top_score >= STRONG_THRESHOLD
            or (mutual and top_score >= LINK_THRESHOLD)
            or (lead[x_] and lead[y_] and top_score >= LEAD_THRESHOLD)
        ):
            chosen.add((min(x_, y_), max(x_, y_)))
        # A sentence that merges two sentences of the other report matches both about equally.
        second_score, y2 = runner_up.get((x_, g), (0.0, -1))
        if y2 >= 0 and second_score >= max(LINK_THRESHOLD, SECOND_RATIO * top_score):
            if shares_content(feats[x_], feats[y2]):
                chosen.add((min(x_, y2), max(x_, y2)))
    split = _split_sentences(chosen, score_of, best, groups)
    chosen |= {(i, j) for i, j in split if shares_content(feats[i], feats[j])}
    links: list[Link] = []
    for i, j in chosen:
        a, b = feats[i], feats[j]
        verbatim = fuzz.ratio(a.text, b.text) >= VERBATIM_RATIO
        links.append(Link(a.passage.id, b.passage.id, round(score_of[(i, j)], 4), verbatim))
    order = {f.passage.id: k for k, f in enumerate(feats)}
    links.sort(key=lambda link: (order[link.a], order[link.b]))
    return links


def _split_sentences(
    chosen: set[tuple[int, int]],
    score_of: Mapping[tuple[int, int], float],
    best: Mapping[tuple[int, int], tuple[float, int]],
    groups: Sequence[int],
) -> set[tuple[int, int]]:
    """Links for sentences one report split in two: when x is linked to y, x's neighbour that
    has no link into y's article, shares enough with y and has y as its best match there, is
    linked to y as well ("The US could not confirm it." + "If true, it would be ..." = one)."""
    linked_to = {(x, groups[y]) for i, j in chosen for x, y in ((i, j), (j, i))}
    extra: set[tuple[int, int]] = set()
    for i, j in sorted(chosen):
        for x, y in ((i, j), (j, i)):
            for n in (x - 1, x + 1):
                if not 0 <= n < len(groups) or groups[n] != groups[x]:
                    continue
                if (n, groups[y]) in linked_to:
                    continue
                pair = (min(n, y), max(n, y))
                if score_of.get(pair, 0.0) >= SPLIT_THRESHOLD and (
                    not SPLIT_NEEDS_BEST or best.get((n, groups[y]), (0.0, -1))[1] == y
                ):
                    extra.add(pair)
    return extra


def pair_score(a: str, b: str) -> float:
    """The alignment score of two standalone statements (IDF over just the two)."""
    return pair_decision(a, b)[0]


def pair_decision(a: str, b: str) -> tuple[float, bool]:
    """The score of two standalone statements and whether ``align`` would link them: two lone
    statements are each other's best match, so the mutual rule applies (LINK_THRESHOLD and a
    shared concept that is not a name), or they are near-verbatim."""
    fa = features(Passage("a:0", "a", 0, len(a), a))
    fb = features(Passage("b:0", "b", 0, len(b), b))
    score = score_pairs([fa, fb], [0, 1], shared_concepts=PAIR_SHARED_CONCEPTS).get((0, 1), 0.0)
    linked = score >= LINK_THRESHOLD and shares_content(fa, fb)
    return score, linked or is_verbatim(a, b)
