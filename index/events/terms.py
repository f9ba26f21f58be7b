"""Article terms for event grouping, a batch of articles at a time: each text scanned in C
(``scan``), each distinct token classified once per process, the counts and kinds summed in numpy.

An article's terms are its features (words, numbers, phrases, dates, its publication month), how
often each occurs (a title occurrence counts double) and each one's kind weight: 2 for a name (a
word the body capitalises mid-sentence more often than not), a year, a number of two digits or
more, a phrase or a date; 1 otherwise.
"""

from __future__ import annotations

import weakref
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np
import numpy.typing as npt

from index.events.scan import capital_runs, sentence_initial, shadow, tokens
from index.events.shingles import Samples, TokenWords, WordBatch, crossing, shingle_text
from index.events.words import (
    NAME_WEIGHT,
    TITLE_WEIGHT,
    dates,
    may_hold_month,
    number_feature,
    published_month,
    word_feature,
)

# Where an entry comes from, in the order a feature's kind is decided: the last one wins (a word
# of the title that is also a phrase of the body takes the title word's kind).
BODY, BODY_EXTRA, TITLE, TITLE_EXTRA, PUBLISHED = range(5)
Text = tuple[str, str, str | None]  # title, body, published
# Runs of capitalised words remembered with their phrases (names recur from report to report)
MEMO = 200_000
Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Rows:
    """Terms of consecutive articles: row r is ``features[ptr[r]:ptr[r + 1]]`` (feature ids of
    the tokenizer's vocabulary, ascending), with the same slices of ``counts`` and ``kinds``."""

    ptr: Ints
    features: Ints
    counts: Floats
    kinds: Floats


class Tokenizer:
    """Turns batches of articles into ``Rows``; remembers every feature it named (``vocabulary``)
    and what each distinct token is, so a token is classified once per process."""

    def __init__(self) -> None:
        self.vocabulary: list[str] = []
        self._ids: dict[str, int] = {}
        # learns through a weak method: a strong one made the tokenizer a reference cycle, held
        # (100k: ~9 MB) until a full collection, and a full collection in the app's grouping
        # thread holds the keys for up to ~0.1 s
        self._raws = _Numbered(weakref.WeakMethod(self._learn))
        self._raw_feature = array("q")  # feature id of a token, -1 when it is not a feature
        self._raw_kind = array("d")  # kind of a number token, 0.0 for a word
        self._raw_upper = array("b")  # 1 when the token starts with a capital
        self._raw_month = array("b")  # 1 when a date may use the token's letters
        self._words = TokenWords()  # each token's words, for its text's shingles
        self._runs: dict[str, list[str]] = {}  # the phrases of a run of capitalised words

    def feature(self, name: str) -> int:
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = len(self.vocabulary)
            self.vocabulary.append(name)
        return found

    def _learn(self, raw: str) -> None:
        """Classify a token seen for the first time (``_raws`` numbers it)."""
        lower = raw.lower()
        if raw[0].isdigit():
            name, kind = number_feature(raw)
            self._raw_feature.append(self.feature(name))
            self._raw_kind.append(kind)
            self._raw_upper.append(0)
        else:
            name = word_feature(lower)
            self._raw_feature.append(self.feature(name) if name else -1)
            self._raw_kind.append(0.0)
            self._raw_upper.append(1 if raw[0].isupper() else 0)
        # a month's name starts with a capital: a token without one holds none (most tokens)
        self._raw_month.append(1 if lower != raw and may_hold_month(raw) else 0)
        self._words.learn(raw, lower)

    def _phrases(self, runs: list[str]) -> list[str]:
        """Each run cut where a word is no feature (a stopword): the pieces of 2+ words."""
        found = []
        memo = self._runs
        for run in runs:
            pieces = memo.get(run)
            if pieces is None:
                if len(memo) >= MEMO:
                    memo.clear()
                pieces = memo[run] = self._pieces(run)
            found += pieces
        return found

    def _pieces(self, run: str) -> list[str]:
        found = []
        words: list[str] = []
        for raw in run.split(" "):
            feature = self._raw_feature[self._raws[raw]]
            if feature >= 0:
                words.append(self.vocabulary[feature])
                continue
            if len(words) > 1:
                found.append("_".join(words))
            words = []
        if len(words) > 1:
            found.append("_".join(words))
        return found

    def rows(self, texts: Sequence[Text]) -> Rows:
        """The terms of ``texts``, one row each."""
        return self._scan(texts, None)

    def terms(self, texts: Sequence[Text]) -> tuple[Rows, Samples]:
        """The terms of ``texts`` and their sampled shingles (``Sampler.text`` of each), from
        the same scan of each text: the shingles' words are the tokens' words."""
        words = WordBatch(self._words)
        rows = self._scan(texts, words)
        return rows, words.samples()

    def _scan(self, texts: Sequence[Text], words: WordBatch | None) -> Rows:
        entries = _Entries()
        raws = self._raws
        number = raws.__getitem__
        for row, (title, body, published) in enumerate(texts):
            shade = shadow(body)
            found = entries.tokens(row, BODY, map(number, tokens(body)))
            for raw in sentence_initial(body, shade):
                entries.opening[row, raws[raw]] += 1
            phrases = self._phrases(capital_runs(body, shade))
            entries.extra(row, BODY_EXTRA, map(self.feature, phrases))
            titled_found = (0, 0)
            if title:
                titled_found = entries.tokens(row, TITLE, map(number, tokens(title)))
                known = set(phrases)
                titled = [
                    p for p in self._phrases(capital_runs(title, shadow(title))) if p in known
                ]
                entries.extra(row, TITLE_EXTRA, map(self.feature, titled))
            month = published_month(published)
            if month:
                entries.extra(row, PUBLISHED, [self.feature(month)])
            if words is not None:
                text = shingle_text(title, body)
                if crossing(text):
                    words.spelled(text)
                else:
                    words.tokens(*(found if text is body else titled_found))
        entries.count()
        if words is not None:
            words.found(entries.in_order)
        # dates last, only in the texts whose tokens may hold a month (a few in ten)
        months = np.frombuffer(self._raw_month, dtype=np.int8)[entries.raw_ids()] == 1
        for row, source in sorted(set(zip(*entries.segments(months), strict=True))):
            title, body, _ = texts[row]
            text, extra = (body, BODY_EXTRA) if source == BODY else (title, TITLE_EXTRA)
            entries.extra(row, extra, map(self.feature, dates(text)))
        return entries.rows(len(texts), self)


class _Numbered(dict[str, int]):
    """Distinct tokens numbered in the order first seen; a new one is passed to ``learn``."""

    def __init__(self, learn: weakref.WeakMethod[Callable[[str], None]]) -> None:
        super().__init__()
        self._learn = learn

    def __missing__(self, raw: str) -> int:
        learn = self._learn()
        assert learn is not None, "a token numbered after its tokenizer was freed"
        learn(raw)
        number = self[raw] = len(self)
        return number


class _Entries:
    """Every (row, feature) occurrence group of a batch, before they are summed: the counted
    tokens of each text as segments, the phrases, dates and months one by one."""

    def __init__(self) -> None:
        # lists, not arrays: list.extend from an iterator is twice as fast as array.extend
        self.found: list[int] = []  # every token of the counted texts, in order
        self.found_lengths: list[int] = []  # of each segment (a text's body or title)
        self.segment_rows: list[int] = []
        self.segment_sources: list[int] = []
        self.extra_features: list[int] = []
        self.extra_rows: list[int] = []
        self.extra_sources: list[int] = []
        # how often each (row, token) opens a sentence
        self.opening: Counter[tuple[int, int]] = Counter()
        # after count(): ``found`` as an array; each segment's distinct tokens (ascending), how
        # often each occurs, and how many a segment has
        self.in_order = np.zeros(0, dtype=np.int64)
        self.raws = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)
        self.segment_lengths = np.zeros(0, dtype=np.int64)

    def tokens(self, row: int, source: int, raws: Iterable[int]) -> tuple[int, int]:
        """Count a text's tokens (by number): where they start in ``found``, how many."""
        start = len(self.found)
        self.found.extend(raws)
        self.found_lengths.append(len(self.found) - start)
        self.segment_rows.append(row)
        self.segment_sources.append(source)
        return start, len(self.found) - start

    def count(self) -> None:
        """Each segment's tokens sorted in place, their runs counted in one pass (a Counter of
        each text's tokens, then their numbers looked up, took about twice as long)."""
        found = self.in_order = np.fromiter(self.found, np.int64, len(self.found))
        found = found.copy()
        bounds = np.r_[0, np.cumsum(np.array(self.found_lengths, dtype=np.int64))]
        ends = bounds.tolist()
        for start, end in zip(ends[:-1], ends[1:], strict=True):
            if end - start > 1:
                found[start:end].sort()
        first = np.r_[True, found[1:] != found[:-1]][: len(found)]
        first[bounds[:-1][bounds[:-1] < len(found)]] = True  # a segment starts a run
        starts = np.flatnonzero(first)
        self.raws = found[starts]
        self.counts = np.diff(np.r_[starts, len(found)])
        self.segment_lengths = np.diff(np.searchsorted(starts, bounds))

    def extra(self, row: int, source: int, features: Iterable[int]) -> None:
        start = len(self.extra_features)
        self.extra_features.extend(features)
        added = len(self.extra_features) - start
        self.extra_rows.extend(repeat(row, added))
        self.extra_sources.extend(repeat(source, added))

    def raw_ids(self) -> Ints:
        return self.raws

    def segments(self, mask: npt.NDArray[np.bool_]) -> tuple[list[int], list[int]]:
        """(rows, sources) of the token entries where ``mask`` holds."""
        lengths = self.segment_lengths
        rows = np.repeat(np.array(self.segment_rows, dtype=np.int64), lengths)[mask]
        sources = np.repeat(np.array(self.segment_sources, dtype=np.int8), lengths)[mask]
        return rows.tolist(), sources.tolist()

    def rows(self, n: int, tokenizer: Tokenizer) -> Rows:
        lengths = self.segment_lengths
        raw = np.r_[self.raw_ids(), np.full(len(self.extra_features), -1, dtype=np.int64)]
        row = np.r_[
            np.repeat(np.array(self.segment_rows, dtype=np.int64), lengths),
            np.array(self.extra_rows, dtype=np.int64),
        ]
        source = np.r_[
            np.repeat(np.array(self.segment_sources, dtype=np.int8), lengths),
            np.array(self.extra_sources, dtype=np.int8),
        ]
        count = np.r_[self.counts.astype(np.float64), np.ones(len(self.extra_features))]
        count[(source == TITLE) | (source == TITLE_EXTRA)] *= TITLE_WEIGHT
        # by token, with a last entry that entries of no token (-1) read
        raw_feature = np.frombuffer(tokenizer._raw_feature, dtype=np.int64)
        raw_kind = np.r_[np.frombuffer(tokenizer._raw_kind, dtype=np.float64), 0.0]
        raw_upper = np.r_[np.frombuffer(tokenizer._raw_upper, dtype=np.int8) == 1, False]
        feature = np.r_[raw_feature[self.raw_ids()], np.array(self.extra_features, dtype=np.int64)]
        keep = feature >= 0
        row, raw, feature, count, source = (a[keep] for a in (row, raw, feature, count, source))
        if not len(row):
            empty = np.zeros(0, dtype=np.int64)
            return Rows(np.zeros(n + 1, dtype=np.int64), empty, np.zeros(0), np.zeros(0))
        # name-ness: body words capitalised mid-sentence (not opening one) against the rest
        word = (source == BODY) & (raw_kind[raw] == 0.0)
        opening = _lookup(self.opening, (row << 32) | raw)
        mid = np.where(word & raw_upper[raw], count - opening, 0.0)
        rest = np.where(word, count - mid, 0.0)
        key = (row << 32) | feature
        # by feature, then in the order the sources decide a feature's kind (the last one wins)
        order = np.lexsort((source, key))
        key = key[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        last = order[np.r_[starts[1:], len(key)] - 1]
        name = np.add.reduceat(mid[order], starts) > np.add.reduceat(rest[order], starts)
        number = raw_kind[raw[last]]
        is_word = (source[last] == BODY) | (source[last] == TITLE)
        kinds = np.where(is_word & (number > 0), number, NAME_WEIGHT)
        kinds[is_word & (number == 0) & ~name] = 1.0
        rows = key[starts] >> 32
        ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=ptr[1:])
        counts = np.add.reduceat(count[order], starts)
        return Rows(ptr, key[starts] & 0xFFFFFFFF, counts, kinds)


def _lookup(counts: Counter[tuple[int, int]], keys: Ints) -> Floats:
    """``counts`` of each (row, token) key packed as row << 32 | token; 0 where absent."""
    if not counts:
        return np.zeros(len(keys))
    known = np.array([(r << 32) | t for r, t in counts], dtype=np.int64)
    values = np.array(list(counts.values()), dtype=np.float64)
    order = np.argsort(known)
    known, values = known[order], values[order]
    at = np.minimum(np.searchsorted(known, keys), len(known) - 1)
    return np.where(known[at] == keys, values[at], 0.0)


def article_terms(
    title: str, body: str, published: str | None = None
) -> tuple[dict[str, float], dict[str, float]]:
    """One article's terms as dicts: {feature: count}, {feature: kind weight}."""
    tokenizer = Tokenizer()
    rows = tokenizer.rows([(title, body, published)])
    names = [tokenizer.vocabulary[f] for f in rows.features.tolist()]
    counts = dict(zip(names, rows.counts.tolist(), strict=True))
    return counts, dict(zip(names, rows.kinds.tolist(), strict=True))
