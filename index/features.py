"""Weighted TF-IDF vectors for event grouping: names, numbers and years outweigh topic words."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from index.models import Article

Vector = dict[str, float]

# Topic words say what kind of event it is; names, numbers and years say which one. The weights
# are round multipliers, not fitted: a distinguishing token counts as much as two topic words.
NAME_WEIGHT = 2.0
NUMBER_WEIGHT = 2.0
TITLE_WEIGHT = 2.0

_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019-]*\w)?|\d+(?:[.,]\d+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"\u201c\u201d]\s+|\n\s*)$")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are around as at be because been
    before being below between both but by can could did do does doing down during each even ever
    every few for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just last like made make many may me might more most much must my
    myself near new no nor not now of off on once one only or other our ours ourselves out over own
    per said same say says she should since so some still such than that the their theirs them
    themselves then there these they this those through to too two under until up upon us very
    was we were what when where which while who whom whose why will with within without would yet
    you your yours yourself according told tell tells news report reported reports reporting
    reuters ap afp cnn bbc via et al mr mrs ms dr monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow week year years time times people first
    don't didn't doesn't isn't wasn't can't won't it's he's she's that's""".split()
)


def _stem(word: str) -> str:
    """A light plural/possessive stripper: 'quakes' and 'quake' are one feature, 'news' stays."""
    for suffix in ("'s", "\u2019s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _normalise_number(token: str) -> str:
    """'1,500' and '1500' are one number; a decimal like '6.1' keeps its point."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):
        return token.replace(",", "")
    return token


def _tokens(text: str) -> list[tuple[str, bool, bool]]:
    """(feature, is_name_candidate, is_number) for each token of ``text``."""
    out: list[tuple[str, bool, bool]] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if raw[0].isdigit():
            number = _normalise_number(raw)
            out.append(("#" + number, bool(_YEAR.fullmatch(number)), True))
            continue
        word = _stem(raw.lower())
        if len(word) < 2 or word in STOPWORDS:
            continue
        capitalised = raw[0].isupper()
        initial = bool(_SENTENCE_START.search(text, 0, match.start())) if capitalised else False
        out.append((word, capitalised and not initial, False))
    return out


def article_terms(article: Article) -> tuple[dict[str, float], dict[str, float]]:
    """Occurrence counts (a title occurrence counts double) and each term's kind weight."""
    body = _tokens(article.body)
    # A word is a name when the body shows it capitalised mid-sentence more often than lowercase;
    # titles are often in Title Case, so they never decide name-ness on their own.
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for word, is_name, is_number in body:
        if not is_number:
            (capital if is_name else lower)[word] += 1
    names = {w for w, n in capital.items() if n > lower.get(w, 0)}
    counts: dict[str, float] = {}
    kinds: dict[str, float] = {}
    for tokens, boost in ((body, 1.0), (_tokens(article.title), TITLE_WEIGHT)):
        for word, is_year, is_number in tokens:
            counts[word] = counts.get(word, 0.0) + boost
            if is_number:
                kinds[word] = NAME_WEIGHT if is_year else NUMBER_WEIGHT
            else:
                kinds[word] = NAME_WEIGHT if word in names else 1.0
    return counts, kinds


def tfidf_vectors(articles: Sequence[Article]) -> list[Vector]:
    """Unit-length sublinear TF-IDF vectors, one per article, times each term's kind weight."""
    analysed = [article_terms(a) for a in articles]
    df: Counter[str] = Counter()
    for counts, _ in analysed:
        df.update(counts.keys())
    n = len(articles)
    vectors: list[Vector] = []
    for counts, kinds in analysed:
        vec: Vector = {}
        for term, count in counts.items():
            if df[term] < 2:
                continue  # a term no other article has cannot link two articles
            idf = math.log((n + 1) / df[term])
            if idf > 0:
                vec[term] = (1.0 + math.log(count)) * kinds[term] * idf
        norm = math.sqrt(sum(v * v for v in vec.values()))
        vectors.append({t: v / norm for t, v in vec.items()} if norm else {})
    return vectors
