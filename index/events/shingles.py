"""Sampled word 8-grams (shingles) of texts: the fingerprints by which copies are found.

A word is a run of word characters (``\\w+``) of the lowercased text. A shingle is sampled when
its first word's hash is 0 modulo SAMPLE, so every text keeps ~1/SAMPLE of its shingles whatever
its neighbours, and two copies sample the same ones.

The words are read from the text's tokens (scan.py), which the tokenizer finds anyway: each token
holds whole words (its ``\\w+`` runs, lowercased alone), so a token's word hashes are made once
and a text needs no second scan. A text where a word could cross a token's edge ('1990s' is the
tokens '1990' and 's'; a leading '_') or lowercase otherwise alone (a capital sigma) is read
word by word as before: every text has the same words, hence the same shingles, either way.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import overload

import numpy as np
import numpy.typing as npt

from index.base.models import Article
from index.events.scan import tokens

SHINGLE = 8
SAMPLE = 4  # a power of two (sample() masks its bits)
_WORD = re.compile(r"\w+")
# the same words in an ASCII text, found with ASCII classes (faster, and \w is [a-zA-Z0-9_] there)
_WORD_ASCII = re.compile(r"\w+", re.ASCII)
# Where the words of a text are not its tokens' words: a number followed by a word character
# (one word, two tokens), an underscore (a word may start with one, a token not), a capital sigma
# (lowercased by what follows it, which a token alone does not hold)
# (one character class a character, no alternation: the fastest scan of a text for them)
_CROSSING = re.compile(r"\d[^\W\d]|_|\u03a3")
_CROSSING_ASCII = re.compile(r"[0-9][A-Za-z_]")


class _Crc(dict[str, int]):
    """crc32 of each word, computed once (a dict lookup per word after that, in C)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode("utf-8", "replace"))
        return value


class _TokenWords(dict[str, tuple[int, ...]]):
    """The word hashes of each token, computed once."""

    def __init__(self, crc: _Crc) -> None:
        super().__init__()
        self._crc = crc

    def __missing__(self, token: str) -> tuple[int, ...]:
        value = self[token] = token_words(token, self._crc)
        return value


def token_words(token: str, crc: dict[str, int]) -> tuple[int, ...]:
    """The hashes of the words of ``token`` (usually one; 'don't' holds two)."""
    lower = token.lower()
    return tuple(map(crc.__getitem__, (_WORD_ASCII if lower.isascii() else _WORD).findall(lower)))


def shingle_text(title: str, body: str) -> str:
    """The text whose shingles are sampled: a report of one line has it as its title and no
    body, and its title is its text."""
    return body if body.strip() else title


def crossing(text: str) -> bool:
    """True when the words of ``text`` are not the words of its tokens (see above)."""
    if not text.isascii():
        return _CROSSING.search(text) is not None
    return "_" in text or _CROSSING_ASCII.search(text) is not None


# A shingle's hash: its word hashes as the digits of a number in base _BASE, modulo 2**64 (numpy
# unsigned arithmetic wraps); the same in every process, like the tuple hash it replaces
_BASE = np.uint64(1_000_003)


Shingles = npt.NDArray[np.uint64]


def _shingles(words: Shingles, starts: npt.NDArray[np.int64], size: int) -> Shingles:
    value = np.zeros(len(starts), dtype=np.uint64)
    for k in range(size):
        value = value * _BASE + words[starts + k]
    return value


class Sampler:
    """Samples texts' shingles, sharing the word hashes between them."""

    def __init__(self) -> None:
        self.crc = _Crc()
        self._tokens = _TokenWords(self.crc)

    def __call__(self, article: Article) -> Shingles:
        return self.text(article.title, article.body)

    def words(self, text: str) -> list[int]:
        """The hashes of the words of ``text``, in order."""
        if crossing(text):
            lower = text.lower()
            return list(map(self.crc.__getitem__, _words(lower)))
        return list(chain.from_iterable(map(self._tokens.__getitem__, tokens(text))))

    def text(self, title: str, body: str) -> Shingles:
        """Hashes of the text's sampled shingles, sorted and distinct: those starting at a word
        whose hash is 0 modulo SAMPLE (word hashes are crc32, so two copies sample the same
        shingles in any process). An array, not a set of ints: 8 bytes a shingle instead of ~70
        (10k reports: the sets held ~130 MB at the grouping's peak)."""
        return self.texts([(title, body)])[0]

    def texts(self, texts: Sequence[tuple[str, str]]) -> Samples:
        """``text`` of each (title, body), made for the batch at once."""
        words = [self.words(shingle_text(title, body)) for title, body in texts]
        lengths = np.array([len(w) for w in words], dtype=np.int64)
        hashes = np.fromiter(chain.from_iterable(words), np.uint64, int(lengths.sum()))
        return sample(hashes, lengths)


class TokenWords:
    """The word hashes of each token a tokenizer numbers (terms.py), by its number: its first
    word's, and the others' of the few tokens of several words ('don't', '1,500')."""

    def __init__(self) -> None:
        self.sampler = Sampler()
        self.first = array("Q")
        self.count = array("q")  # words in each token (one or more)
        self.more_at = array("q")  # where each token's other words start in ``more``
        self.more = array("Q")

    def learn(self, token: str, lower: str) -> None:
        """Add the next token's words (``lower``: the token lowercased)."""
        self.more_at.append(len(self.more))
        if lower.isalnum():  # one word: \w is a letter, a digit or '_'
            self.first.append(self.sampler.crc[lower])
            self.count.append(1)
            return
        words = token_words(token, self.sampler.crc)
        self.first.append(words[0] if words else 0)
        self.count.append(len(words))
        self.more.extend(words[1:])


class WordBatch:
    """The words of a batch's shingle texts, in order: as token numbers (most texts), or as word
    hashes (a text whose words cross its tokens' edges, ``crossing``)."""

    def __init__(self, table: TokenWords) -> None:
        self.table = table
        self.starts: list[int] = []  # of each text read as tokens: where they start in ``ids``
        self.spelled_hashes: list[int] = []  # the words of the others
        self.lengths: list[int] = []  # of each text: its tokens, or minus its words
        self.ids = np.zeros(0, dtype=np.int64)

    def tokens(self, start: int, length: int) -> None:
        """The next text, as the numbers of its tokens: ``ids[start:start + length]``."""
        self.starts.append(start)
        self.lengths.append(length)

    def found(self, ids: npt.NDArray[np.int64]) -> None:
        """The numbers of the tokens, in order, where ``tokens`` points."""
        self.ids = ids

    def spelled(self, text: str) -> None:
        """The next text, read word by word."""
        hashes = self.table.sampler.words(text)
        self.spelled_hashes += hashes
        self.lengths.append(-len(hashes))

    def samples(self) -> Samples:
        """The sampled shingles of the batch's texts."""
        table = self.table
        lengths = np.array(self.lengths, dtype=np.int64)
        read = lengths >= 0
        runs = lengths[read]  # each run of tokens, one after the other
        ids = np.repeat(np.array(self.starts, dtype=np.int64) - (np.cumsum(runs) - runs), runs)
        ids = self.ids[ids + np.arange(len(ids))]
        hashes = np.frombuffer(table.first, dtype=np.uint64)[ids]
        counts = np.frombuffer(table.count, dtype=np.int64)[ids]
        size = np.abs(lengths)
        other = np.flatnonzero(counts != 1)
        if len(other):  # tokens of several words (or none): their other words put in after
            extra = counts[other] - 1
            text = np.flatnonzero(read)[np.searchsorted(np.cumsum(lengths[read]), other, "right")]
            size += np.bincount(text, weights=extra, minlength=len(size)).astype(np.int64)
            many = extra > 0
            extra, where = extra[many], other[many]
            at = np.repeat(np.frombuffer(table.more_at, dtype=np.int64)[ids[where]], extra)
            at += np.arange(len(at)) - np.repeat(np.cumsum(extra) - extra, extra)
            more = np.frombuffer(table.more, dtype=np.uint64)[at]
            gone = other[~many]  # none so far: every token lowercased holds a word character
            gone += np.r_[0, np.cumsum(extra)][np.searchsorted(where, gone)]
            hashes = np.delete(np.insert(hashes, np.repeat(where + 1, extra), more), gone)
        if read.all():
            return sample(hashes, size)
        taken = np.repeat(read, size)  # the words of the texts read as tokens
        words = np.empty(len(taken), dtype=np.uint64)
        words[taken] = hashes
        words[~taken] = self.spelled_hashes
        return sample(words, size)


def _words(lower: str) -> list[str]:
    return (_WORD_ASCII if lower.isascii() else _WORD).findall(lower)


def sample(hashes: Shingles, lengths: npt.NDArray[np.int64]) -> Samples:
    """The sampled shingles of consecutive texts given their word hashes (``hashes``, text t's
    ``lengths[t]`` of them after the text before): one pass over all the words, instead of a
    dozen small numpy calls per text (a third of the sampling's time)."""
    ends = np.cumsum(lengths)
    # a shingle starts where a word's hash is 0 modulo SAMPLE (a power of two) and its text
    # holds SHINGLE words from there on (windows never cross into the next text)
    start = (hashes & np.uint64(SAMPLE - 1)) == 0
    tail = ends[:, None] - np.arange(1, SHINGLE, dtype=np.int64)  # each text's last words
    start[tail[tail >= (ends - lengths)[:, None]]] = False
    at = np.flatnonzero(start)
    values, own = _shingles(hashes, at, SHINGLE), np.searchsorted(ends, at, "right")
    bounds = np.searchsorted(own, np.arange(len(lengths) + 1)).tolist()
    # each text's sorted in place (one sort of them all by text and value took ten times longer)
    for first, end in zip(bounds[:-1], bounds[1:], strict=True):
        if end - first > 1:
            values[first:end].sort()
    distinct = np.r_[True, (values[1:] != values[:-1]) | (own[1:] != own[:-1])][: len(own)]
    values, own = values[distinct], own[distinct]
    bounds = np.searchsorted(own, np.arange(len(lengths) + 1))
    lonely = np.flatnonzero((np.diff(bounds) == 0) & (lengths > 0))
    if len(lonely):
        # a text with no sampled shingle: its whole text is one, put in its empty place
        firsts = (ends - lengths)[lonely].tolist()
        whole = [
            _shingles(hashes, np.array([first], dtype=np.int64), int(lengths[t]))
            for first, t in zip(firsts, lonely.tolist(), strict=True)
        ]
        values = np.insert(values, bounds[lonely], np.concatenate(whole))
        bounds = bounds + np.searchsorted(lonely, np.arange(len(lengths) + 1))
    return Samples(values, bounds.astype(np.int64))


@dataclass(frozen=True)
class Samples(Sequence[Shingles]):
    """The sampled shingles of consecutive texts, text t's ``values[bounds[t]:bounds[t + 1]]``:
    a batch's in one array, pickled and held as one (an array per text was, once unpickled, a
    bytes object and two arrays each, in a heap block of its own)."""

    values: Shingles
    bounds: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.bounds) - 1

    @overload
    def __getitem__(self, t: int) -> Shingles: ...

    @overload
    def __getitem__(self, t: slice) -> Sequence[Shingles]: ...

    def __getitem__(self, t: int | slice) -> Shingles | Sequence[Shingles]:
        if isinstance(t, slice):
            return [self[i] for i in range(len(self))[t]]
        t = range(len(self))[t]  # negative from the end; IndexError past it
        return self.values[self.bounds[t] : self.bounds[t + 1]]

    def __iter__(self) -> Iterator[Shingles]:
        ends = self.bounds.tolist()
        return (self.values[a:b] for a, b in zip(ends[:-1], ends[1:], strict=False))
