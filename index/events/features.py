"""Weighted TF-IDF vectors for event grouping: names, numbers and years outweigh topic words."""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import mul

from index.base.models import Article

Vector = dict[str, float]
# A weighted vector in a tenth of a dict's memory: term ids (ascending; ids rank the terms in
# string order, so ties broken by id are broken as by term) and the weights in the same order
Compact = tuple[array, array]
Terms = tuple[dict[str, float], dict[str, float]]  # (counts, kind weights) from article_terms
# The same terms in a third of the memory: the terms in first-seen order, then the counts and
# kind weights as arrays of doubles (two dicts of float objects cost ~19 KB per article)
Packed = tuple[tuple[str, ...], array, array]

# Topic words say what kind of event it is; names, numbers and years say which one. The weights
# are round multipliers, not fitted: a distinguishing token counts as much as two topic words.
NAME_WEIGHT = 2.0
NUMBER_WEIGHT = 2.0
TITLE_WEIGHT = 2.0

_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019-]*\w)?|\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_PUBLISHED = re.compile(r"(?:1[89]|20)\d\d-[01]\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")

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


@lru_cache(maxsize=100_000)
def _word(lower: str) -> str:
    """The feature of a lowercased word, or "" for stopwords and one-letter words (cached)."""
    if lower in STOPWORDS:
        return ""
    word = _stem(lower)
    return "" if len(word) < 2 or word in STOPWORDS else word


@lru_cache(maxsize=100_000)
def _number(token: str) -> tuple[str, bool]:
    """The feature of a number and whether it is a year: '1,500' and '1500' are one number."""
    if _THOUSANDS.fullmatch(token):
        token = token.replace(",", "")
    return "#" + token, bool(_YEAR.fullmatch(token))


_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES.split())}
_MONTHS.update({name[:3]: n for name, n in _MONTHS.items()})
_MONTHS["sept"] = 9
_DATE = re.compile(
    r"\b(?:(?P<m1>[A-Z][a-z]{2,8})\.? (?P<d1>[0-3]?\d)(?!\d)"
    r"|(?P<d2>[0-3]?\d) (?P<m2>[A-Z][a-z]{2,8})\b)"
)
_OPENERS = " \t\"'([\u2018\u201c"
_CLOSERS = "\"'\u2019\u201d)"


def _sentence_initial(text: str, start: int) -> bool:
    """True when ``start`` begins a sentence or a line (looking back past quotes and brackets)."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r"


Token = tuple[str, bool, bool, int, int]  # feature, is_name or is_year, is_number, start, end


def _tokens(text: str) -> list[Token]:
    """(feature, flag, is_number, start, end) for each kept token; flag: a name or a year."""
    out: list[Token] = []
    append = out.append
    for match in _TOKEN.finditer(text):
        raw = match.group()
        start, end = match.span()
        if raw[0].isdigit():
            feature, is_year = _number(raw)
            append((feature, is_year, True, start, end))
            continue
        word = _word(raw.lower())
        if word:
            name = raw[0].isupper() and not _sentence_initial(text, start)
            append((word, name, False, start, end))
    return out


def _dates(text: str) -> list[str]:
    """'March 3' / '3 March' / 'Mar. 3' as one feature: the day of an event tells events apart."""
    found = []
    for m in _DATE.finditer(text):
        month = _MONTHS.get((m.group("m1") or m.group("m2")).lower())
        day = int(m.group("d1") or m.group("d2"))
        if month and 1 <= day <= 31:
            found.append(f"@{month}-{day}")
    return found


def _phrases(text: str, tokens: list[Token]) -> list[str]:
    """Runs of adjacent capitalised words ('Red Sox', 'Betty Ford Center') as one feature each."""
    found = []
    run: list[str] = []
    last_end = -2
    for word, _, is_number, start, end in tokens:
        adjacent = start == last_end + 1 and text[last_end] == " "
        if not is_number and text[start].isupper() and (adjacent or not run):
            run.append(word)
        else:
            if len(run) > 1:
                found.append("_".join(run))
            run = [word] if not is_number and text[start].isupper() else []
        last_end = end
    if len(run) > 1:
        found.append("_".join(run))
    return found


def article_terms(article: Article) -> tuple[dict[str, float], dict[str, float]]:
    """Occurrence counts (a title occurrence counts double) and each term's kind weight."""
    body = _tokens(article.body)
    # A word is a name when the body shows it capitalised mid-sentence more often than lowercase;
    # titles are often in Title Case, so they never decide name-ness on their own.
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for word, is_name, is_number, _, _ in body:
        if not is_number:
            (capital if is_name else lower)[word] += 1
    names = {w for w, n in capital.items() if n > lower.get(w, 0)}
    body_phrases = _phrases(article.body, body)
    counts: dict[str, float] = {}
    kinds: dict[str, float] = {}
    for text, tokens, phrases, boost in (
        (article.body, body, body_phrases, 1.0),
        (article.title, _tokens(article.title), None, TITLE_WEIGHT),
    ):
        for word, flag, is_number, _, _ in tokens:
            counts[word] = counts.get(word, 0.0) + boost
            if is_number:
                # a lone digit (3 dead, 2 ships) is too common to tell one event from another
                kinds[word] = NAME_WEIGHT if flag else NUMBER_WEIGHT if len(word) > 2 else 1.0
            else:
                kinds[word] = NAME_WEIGHT if word in names else 1.0
        if phrases is None:  # a Title Case headline is full of false phrases: keep the body's
            phrases = [p for p in _phrases(text, tokens) if p in body_phrases]
        for feature in phrases + _dates(text):
            counts[feature] = counts.get(feature, 0.0) + boost
            kinds[feature] = NAME_WEIGHT
    # reports of one event appear within days of each other: the month of publication is a date
    # the reports share even when the text never states the year
    published = _PUBLISHED.match(article.published or "")
    if published:
        counts["@pub-" + published.group()] = 1.0
        kinds["@pub-" + published.group()] = NAME_WEIGHT
    return counts, kinds


def pack_terms(terms: Terms, canon: dict[str, str] | None = None) -> Packed:
    """``article_terms`` packed; ``canon`` shares one string object per term across articles."""
    counts, kinds = terms
    keys = tuple(counts) if canon is None else tuple(map(canon.setdefault, counts, counts))
    return keys, array("d", counts.values()), array("d", map(kinds.__getitem__, keys))


def unpack_terms(packed: Packed) -> Terms:
    """The ``article_terms`` dicts back, with the same keys, order and values."""
    keys, counts, kinds = packed
    return dict(zip(keys, counts, strict=True)), dict(zip(keys, kinds, strict=True))


def tfidf_vectors(articles: Sequence[Article]) -> list[Vector]:
    """Unit-length sublinear TF-IDF vectors, one per article, times each term's kind weight."""
    return weigh_terms([article_terms(a) for a in articles])


def weigh_terms(analysed: Sequence[Terms]) -> list[Vector]:
    """``tfidf_vectors`` from the articles' ``article_terms`` (computed once by the caller)."""
    return weigh_packed([pack_terms(terms) for terms in analysed])


def weigh_packed(packed: Sequence[Packed]) -> list[Vector]:
    """``weigh_terms`` from packed terms."""
    vocabulary, vectors = weigh_compact(packed)
    return [
        {vocabulary[t]: w for t, w in zip(ids, weights, strict=True)} for ids, weights in vectors
    ]


def weigh_compact(packed: Sequence[Packed]) -> tuple[list[str], list[Compact]]:
    """``weigh_packed`` as compact vectors, with the vocabulary their term ids index (sorted)."""
    vocabulary, weigh = weigher(packed)
    return vocabulary, [weigh(row) for row in packed]


def weigher(packed: Sequence[Packed]) -> tuple[list[str], Callable[[Packed], Compact]]:
    """``weigh_compact`` one row at a time: the vocabulary and the weighing of any of ``packed``'s
    rows (the document frequencies are those of all of ``packed``)."""
    df: Counter[str] = Counter()
    for keys, _, _ in packed:
        df.update(keys)
    n = len(packed)
    # a term no other article has cannot link two articles; idf > 0 holds for every other term
    idf = {t: math.log((n + 1) / d) for t, d in df.items() if d >= 2}
    del df
    vocabulary = sorted(t for t, v in idf.items() if v > 0)
    known = {t: (i, idf[t]) for i, t in enumerate(vocabulary)}  # term -> (id, idf)
    del idf
    log = math.log

    def weigh(row: Packed) -> Compact:
        kept = [
            (e[0], (1.0 + log(count)) * kind * e[1])
            for term, count, kind in zip(*row, strict=True)
            if (e := known.get(term)) is not None
        ]
        # the norm sums the squares in the terms' first-seen order, as the dicts did: the same
        # float to the last bit, so the same unit vectors
        values = [v for _, v in kept]
        norm = math.sqrt(sum(map(mul, values, values)))
        kept.sort()
        if not norm:
            kept = []
        return array("i", (t for t, _ in kept)), array("d", (v / norm for _, v in kept))

    return vocabulary, weigh
