"""Pair passages of an event's articles that state the same fact (wire copy, edit, paraphrase)."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from operator import mul

from rapidfuzz import fuzz

from index.base.cancel import checkpoint
from index.base.models import Link, Passage
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


def _cosines(
    vectors: Sequence[dict[str, float]], groups: Sequence[int]
) -> dict[tuple[int, int], float]:
    """Cosines of at least CANDIDATE_COSINE between vectors i < j of different groups that share
    a term found in at most DF_FLOOR vectors (or DF_SHARE of them, if more); of those, only the
    pairs among the CANDIDATES best of either passage against the other's group.

    A term in more passages would pair most of them (quadratic time on a 20,000-sentence
    article, a sentence repeated 300 times); its IDF is low, so a pair sharing only such terms
    stays below CANDIDATE_COSINE. Such terms still count in the cosine of the pairs found.
    Pairs are summed one passage at a time and the weak ones dropped at once, so memory holds
    only what _candidates can choose; each pair's terms are added in the same order (first use in
    the event) as a global inverted index would, so every cosine is the same float.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for term, weight in vec.items():
            postings[term].append((i, weight))
    cap = max(DF_FLOOR, int(DF_SHARE * len(vectors)))
    rank = {term: k for k, term in enumerate(postings)}
    seen: dict[str, int] = defaultdict(int)  # how many earlier vectors hold the term
    common = {term for term, plist in postings.items() if len(plist) > cap}
    # The CANDIDATES best pairs of each (passage, other group), worst on top: only those can be
    # chosen by _candidates, so the rest need not be kept (millions on a hostile article).
    best: dict[tuple[int, int], list[tuple[float, int, int]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        gi = groups[i]
        sums: dict[int, float] = defaultdict(float)
        terms = sorted(vec, key=rank.__getitem__)
        for term in terms:
            at = seen[term]
            seen[term] = at + 1
            if term in common:
                continue
            wi = vec[term]
            for j, w in postings[term][at + 1 :]:
                if groups[j] != gi:
                    sums[j] += wi * w
        heavy = [t for t in terms if t in common]
        for j, total in sums.items():
            for term in heavy:  # never on an ordinary event: no term is that common there
                other = vectors[j].get(term)
                if other is not None:
                    total += vec[term] * other
            if total >= CANDIDATE_COSINE:
                item = (total, -i, -j)
                # The CANDIDATES best (higher cosine, then earlier pair: _candidates order).
                for heap in (best[(i, groups[j])], best[(j, gi)]):
                    if len(heap) < CANDIDATES:
                        heapq.heappush(heap, item)
                    elif item > heap[0]:
                        heapq.heapreplace(heap, item)
    return {(-mi, -mj): total for heap in best.values() for total, mi, mj in heap}


def _combine(char_cos: float, concept_cos: float, shared_info: float, shared_numbers: int) -> float:
    """One score in [0, 1]: the stronger of concept and blended similarity, damped when the pair
    shares little information (a short caption sharing "Ministry of Foreign Affairs")."""
    score = max(concept_cos, 0.5 * (char_cos + concept_cos) + 0.05) * min(1.0, shared_info)
    if shared_numbers:
        score += 0.15  # the same specific figure (1,500; 10,000) is strong evidence of one fact
    return min(1.0, score)


def _candidates(
    concept_cos: Mapping[tuple[int, int], float], groups: Sequence[int]
) -> list[tuple[int, int]]:
    """Pairs worth the costlier character comparison: for each passage and other article, the
    CANDIDATES pairs of highest concept cosine (only the best one or two can become links)."""
    ranked: dict[tuple[int, int], list[tuple[float, int, int]]] = defaultdict(list)
    for (i, j), ccos in concept_cos.items():
        if ccos >= CANDIDATE_COSINE:
            ranked[(i, groups[j])].append((-ccos, i, j))
            ranked[(j, groups[i])].append((-ccos, i, j))
    keep: set[tuple[int, int]] = set()
    for options in ranked.values():
        if len(options) > CANDIDATES:
            options.sort()
        keep.update((i, j) for _neg, i, j in options[:CANDIDATES])
    return sorted(keep)


def score_pairs(
    feats: Sequence[Features],
    groups: Sequence[int],
    floor: float = 0.0,
    shared_concepts: float = SHARED_CONCEPTS,
    counted: Sequence[bool] | None = None,
) -> dict[tuple[int, int], float]:
    """Scores of the candidate cross-group pairs; pairs that cannot reach ``floor`` are left out
    before the costlier character comparison. Only the ``counted`` passages (all by default)
    make the document frequencies: headlines repeat the event's main words, and counting them
    would make those words look common and weaken every body sentence that states them."""
    weigh = [True] * len(feats) if counted is None else list(counted)
    concept_docs = [dict.fromkeys(f.concepts, 1.0) for f in feats]
    body_docs = [d for d, c in zip(concept_docs, weigh, strict=True) if c]
    idf = _idf_of(dict.fromkeys(_df(concept_docs), 0) | _df(body_docs), len(body_docs))
    concept_vecs = [_unit(doc, idf) for doc in concept_docs]
    concept_cos = _cosines(concept_vecs, groups)
    # Information shared is measured in units of "a few typical concepts", so it does not depend
    # on how many passages the event has.
    unit = shared_concepts * (sum(idf.values()) / len(idf)) if idf else 1.0
    checkpoint()
    todo = []
    for i, j in _candidates(concept_cos, groups):
        ccos = concept_cos[(i, j)]
        shared = sum(map(idf.__getitem__, feats[i].concepts & feats[j].concepts)) / unit
        shared_numbers = len(feats[i].numbers & feats[j].numbers)
        if _combine(1.0, ccos, shared, shared_numbers) >= floor:
            todo.append((i, j, ccos, shared, shared_numbers))
        # else even identical characters would not lift it to the floor
    # Grams are counted over every passage but vectors are built only for the pairs to score:
    # a huge article's grams are never all held at once. Each passage's grams are made once.
    needed = {feats[k].text for i, j, *_rest in todo for k in (i, j)}
    df: Counter[str] = Counter()
    counted_df: Counter[str] = Counter()
    grams: dict[str, Mapping[str, int]] = {}  # by normalised text: wire copy repeats sentences
    for f, count in zip(feats, weigh, strict=True):
        counts = grams.get(f.text)
        if counts is None:
            counts = f.grams
            if f.text in needed:
                grams[f.text] = counts
        df.update(iter(counts))
        if count:
            counted_df.update(iter(counts))
    gram_idf = _idf_of(dict.fromkeys(df, 0) | counted_df, sum(weigh))
    # Grams become small ints (first use in the event): int sets intersect faster than string
    # sets, and their order, hence each dot product's float, no longer depends on the hash seed.
    # A gram of a single passage adds nothing to any dot product (only to the norm, applied in
    # _unit): it gets no id, which shrinks the intersections without changing a score.
    ids = {g: n for n, g in enumerate(g for g, count in df.items() if count > 1)}
    gram_vecs: dict[str, dict[int, float]] = {}
    gram_sets: dict[str, frozenset[int]] = {}
    for text in sorted(grams):
        vec = _unit(grams.pop(text), gram_idf)
        gram_vecs[text] = {ids[t]: v for t, v in vec.items() if t in ids}
        gram_sets[text] = frozenset(gram_vecs[text])
    # Two passages with the same texts as an already scored pair have its character cosine.
    char_of: dict[tuple[str, str], float] = {}
    out: dict[tuple[int, int], float] = {}
    for n, (i, j, ccos, shared, shared_numbers) in enumerate(todo):
        if n % 256 == 0:
            checkpoint()
        key = (feats[i].text, feats[j].text)
        char_cos = char_of.get(key)
        if char_cos is None:
            vi, vj = gram_vecs[key[0]], gram_vecs[key[1]]
            common = gram_sets[key[0]] & gram_sets[key[1]]
            # Products and their sum in C (map, operator.mul, sum): the pair loop's hot spot.
            char_cos = char_of[key] = sum(
                map(mul, map(vi.__getitem__, common), map(vj.__getitem__, common))
            )
        out[(i, j)] = _combine(char_cos, ccos, shared, shared_numbers)
    return out


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
    scores = {
        (i, j): s
        for (i, j), s in score_pairs(feats, groups, floor, counted=[not t for t in heads]).items()
        if owner[i] != owner[j]
    }
    # ranked[(passage, other article)] = [(score, partner), ...], best first, ties to the earlier.
    ranked: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
    for (i, j), s in scores.items():
        ranked[(i, groups[j])].append((s, j))
        ranked[(j, groups[i])].append((s, i))
    for options in ranked.values():
        options.sort(key=lambda t: (-t[0], t[1]))
    chosen: set[tuple[int, int]] = set()
    for (x, _group), options in ranked.items():
        best, y = options[0]
        mutual = ranked[(y, groups[x])][0][1] == x
        if shares_content(feats[x], feats[y]) and (
            best >= STRONG_THRESHOLD
            or (mutual and best >= LINK_THRESHOLD)
            or (lead[x] and lead[y] and best >= LEAD_THRESHOLD)
        ):
            chosen.add((min(x, y), max(x, y)))
        # A sentence that merges two sentences of the other report matches both about equally.
        if len(options) > 1 and options[1][0] >= max(LINK_THRESHOLD, SECOND_RATIO * best):
            y2 = options[1][1]
            if shares_content(feats[x], feats[y2]):
                chosen.add((min(x, y2), max(x, y2)))
    split = _split_sentences(chosen, scores, ranked, groups)
    chosen |= {(i, j) for i, j in split if shares_content(feats[i], feats[j])}
    links: list[Link] = []
    for i, j in chosen:
        a, b = feats[i], feats[j]
        verbatim = fuzz.ratio(a.text, b.text) >= VERBATIM_RATIO
        links.append(Link(a.passage.id, b.passage.id, round(scores[(i, j)], 4), verbatim))
    order = {f.passage.id: k for k, f in enumerate(feats)}
    links.sort(key=lambda link: (order[link.a], order[link.b]))
    return links


def _split_sentences(
    chosen: set[tuple[int, int]],
    scores: Mapping[tuple[int, int], float],
    ranked: Mapping[tuple[int, int], list[tuple[float, int]]],
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
                options = ranked.get((n, groups[y]), [])
                if scores.get(pair, 0.0) >= SPLIT_THRESHOLD and (
                    not SPLIT_NEEDS_BEST or (options and options[0][1] == y)
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
