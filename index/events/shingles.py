"""Sampled word 8-grams (shingles) of texts: the fingerprints by which copies are found.

A shingle is sampled when its first word's hash is 0 modulo SAMPLE, so every text keeps ~1/SAMPLE
of its shingles whatever its neighbours, and two copies sample the same ones.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import overload

import numpy as np
import numpy.typing as npt

from index.base.models import Article

SHINGLE = 8
SAMPLE = 4
_WORD = re.compile(r"\w+")
# the same words in an ASCII text, found with ASCII classes (faster, and \w is [a-zA-Z0-9_] there)
_WORD_ASCII = re.compile(r"\w+", re.ASCII)


class _Crc(dict[str, int]):
    """crc32 of each word, computed once (a dict lookup per word after that, in C)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode("utf-8", "replace"))
        return value


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
    """Samples articles' shingles one at a time, sharing the word hashes between them."""

    def __init__(self) -> None:
        self._cache = _Crc()

    def __call__(self, article: Article) -> Shingles:
        return self.text(article.title, article.body)

    def text(self, title: str, body: str) -> Shingles:
        """Hashes of the body's sampled shingles, sorted and distinct: those starting at a word
        whose hash is 0 modulo SAMPLE (word hashes are crc32, so two copies sample the same
        shingles in any process). An array, not a set of ints: 8 bytes a shingle instead of ~70
        (10k reports: the sets held ~130 MB at the grouping's peak)."""
        # a report of one line has it as its title and no body: its title is its text
        text = (body if body.strip() else title).lower()
        words = (_WORD_ASCII if text.isascii() else _WORD).findall(text)
        if not words:
            return np.zeros(0, dtype=np.uint64)
        hashes = np.fromiter(map(self._cache.__getitem__, words), np.uint64, len(words))
        starts = np.flatnonzero(hashes[: max(0, len(hashes) - SHINGLE + 1)] % SAMPLE == 0)
        out = _shingles(hashes, starts, SHINGLE)
        if not len(out):  # a report with no sampled shingle: its whole text is one
            out = _shingles(hashes, np.zeros(1, dtype=np.int64), len(hashes))
        return np.unique(out)

    def texts(self, texts: Sequence[tuple[str, str]]) -> Samples:
        """``text`` of each (title, body), the same arrays, made for the batch at once: one
        hashing pass over all its words and one sort, instead of a dozen small numpy calls per
        text (a third of the sampling's time)."""
        words = []
        for title, body in texts:
            text = (body if body.strip() else title).lower()
            words.append((_WORD_ASCII if text.isascii() else _WORD).findall(text))
        lengths = np.array([len(w) for w in words], dtype=np.int64)
        total = int(lengths.sum())
        hashes = np.fromiter(
            map(self._cache.__getitem__, chain.from_iterable(words)), np.uint64, total
        )
        ends = np.cumsum(lengths)
        owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        # a shingle starts where a word's hash is 0 modulo SAMPLE and its text holds SHINGLE
        # words from there on (windows never cross into the next text)
        at = np.flatnonzero((hashes % SAMPLE == 0) & (np.arange(total) + SHINGLE <= ends[owner]))
        values, own = _shingles(hashes, at, SHINGLE), owner[at]
        order = np.lexsort((values, own))
        values, own = values[order], own[order]
        distinct = np.r_[True, (values[1:] != values[:-1]) | (own[1:] != own[:-1])][: len(own)]
        values, own = values[distinct], own[distinct]
        bounds = np.searchsorted(own, np.arange(len(texts) + 1))
        lonely = np.flatnonzero((np.diff(bounds) == 0) & (lengths > 0))
        if len(lonely):
            # a text with no sampled shingle: its whole text is one, put in its empty place
            firsts = (ends - lengths)[lonely].tolist()
            whole = [
                _shingles(hashes, np.array([first], dtype=np.int64), int(lengths[t]))
                for first, t in zip(firsts, lonely.tolist(), strict=True)
            ]
            values = np.insert(values, bounds[lonely], np.concatenate(whole))
            bounds = bounds + np.searchsorted(lonely, np.arange(len(texts) + 1))
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
