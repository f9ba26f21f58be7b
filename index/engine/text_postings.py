"""A field value's postings (term, frequency, Whoosh's value bytes) in memory linear and small.

The text is tokenized a chunk at a time (cut after a character no token holds), words and
their offsets coming from one ``re.split`` and sums of lengths (no match object per word).
Each kept word is an ordinal k; a term keeps the ordinals of its words, and the kept words'
start and end offsets are two arrays: about 12 bytes a word, whatever the text (a tuple per
word and its copy cost ~300). The values are then written from those arrays
(``posting_values``), exactly as Whoosh's ``Positions``/``Characters`` formats encode them.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, compress, repeat
from operator import is_not
from pickle import dumps

from whoosh.analysis.tokenizers import default_pattern

from index.engine.posting_values import ONE, characters_value, positions_value

# One posting of an indexed field: (term as UTF-8, frequency, encoded positions).
Posting = tuple[bytes, int, bytes]
# The term of each surface word, None for a word not indexed (a stop word).
TermsOf = Callable[[list[str]], list[bytes | None]]

# Characters tokenized in one go: bounds the per-word lists of a huge text to about 1 MB.
CHUNK = 1 << 16
# Whoosh's token pattern (default_pattern, ``[\w\*]+(\.?[\w\*]+)*``) as one capturing group,
# so re.split gives separators and words in turn. The dot is not optional here: after a greedy
# run of word characters only a dot can follow, so the tokens are the same (a test compares),
# and the split is about 15% faster.
_split = re.compile(r"([\w*]+(?:\.[\w*]+)*)", default_pattern.flags).split
# A character no token holds (tokens are word characters, "*" and inner dots).
_CUT = re.compile(r"[^\w*.]", default_pattern.flags)


def text_postings(value: str, chars: bool, terms_of: TermsOf) -> tuple[list[Posting], int]:
    """Each distinct term of ``value`` with its frequency and value bytes (with character
    offsets when ``chars``), and the field length (words kept). Positions as Whoosh's chain
    numbers them: the first kept word is at its index among all words (leading stop words
    count), each later kept word one further (later stop words do not count)."""
    wide = "I" if len(value) < 1 << 32 else "Q"  # offsets of 4 bytes, but for a 4 GB text
    starts, ends = array(wide), array(wide)  # of each kept word (chars only)
    first = -1
    words_before = 0
    groups: _Groups = _ByDict() if len(value) <= CHUNK else _ById()
    for at, chunk in _chunks(value):
        parts = _split(chunk)  # separator, word, separator, ..., word, separator
        words = parts[1::2]
        terms = terms_of(words)
        keep = list(map(is_not, terms, repeat(None))) if None in terms else None
        if first < 0:
            # a piece with no word at all (only separators) keeps no word either
            if words and (keep is None or True in keep):
                first = words_before + (0 if keep is None else keep.index(True))
            words_before += len(words)
        if chars:
            # the j-th word spans offsets[2j + 1]:offsets[2j + 2]
            offsets = array(wide, accumulate(map(len, parts), initial=at))
            if keep is None:
                starts.extend(offsets[1:-1:2])
                ends.extend(offsets[2::2])
            else:
                starts.extend(compress(offsets[1:-1:2], keep))
                ends.extend(compress(offsets[2::2], keep))
        groups.add(terms if keep is None else list(compress(terms, keep)))  # type: ignore[arg-type]
    out: list[Posting] = []
    append = out.append
    if chars:
        for term, kept in groups.terms():
            if len(kept) == 1:  # most terms of a text: inline, a call each is ~10% of the time
                k = kept[0]
                start = starts[k]
                append((term, 1, ONE + dumps([(first + k, start, ends[k] - start)], 2)))
            else:
                append((term, len(kept), characters_value(first, kept, starts, ends)))
    else:
        for term, kept in groups.terms():
            append((term, len(kept), positions_value(first, kept)))
    return out, groups.count


def _chunks(value: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of ``value`` of about CHUNK characters, each cut after a character
    that no token holds, so every token lies whole in one piece."""
    at = 0
    while len(value) - at > CHUNK:
        cut = _CUT.search(value, at + CHUNK)
        if cut is None:
            break
        yield at, value[at : cut.end()]
        at = cut.end()
    yield at, value[at:] if at else value


class _Groups:
    """The kept words' ordinals by term."""

    count = 0  # words added

    def add(self, terms: list[bytes]) -> None:
        raise NotImplementedError

    def terms(self) -> Iterable[tuple[bytes, Sequence[int]]]:
        raise NotImplementedError


class _ByDict(_Groups):
    """An array of ordinals per term, filled word by word: the cheapest for a short text."""

    def __init__(self) -> None:
        self._found: dict[bytes, array[int]] = {}

    def add(self, terms: list[bytes]) -> None:
        found = self._found
        get = found.get
        for k, term in enumerate(terms, self.count):
            seen = get(term)
            if seen is None:
                found[term] = seen = array("I")
            seen.append(k)
        self.count += len(terms)

    def terms(self) -> Iterable[tuple[bytes, Sequence[int]]]:
        return self._found.items()


class _ById(_Groups):
    """A term id per kept word (4 bytes), grouped at the end by one stable sort in numpy: no
    Python step per word for a long text."""

    def __init__(self) -> None:
        self._ids_of: dict[bytes, int] = {}
        self._ids = array("I")

    def add(self, terms: list[bytes]) -> None:
        ids_of = self._ids_of
        for term in sorted(set(terms).difference(ids_of)):
            ids_of[term] = len(ids_of)
        self._ids.extend(map(ids_of.__getitem__, terms))
        self.count += len(terms)

    def terms(self) -> Iterator[tuple[bytes, Sequence[int]]]:
        if not self._ids:
            return
        import numpy as np  # only for long texts: not on the search path

        ids = np.frombuffer(self._ids, dtype=np.uint32)
        ends = np.cumsum(np.bincount(ids, minlength=len(self._ids_of))).tolist()
        order: memoryview = np.argsort(ids, kind="stable").astype(np.uint32).data
        lo = 0
        for term, hi in zip(self._ids_of, ends, strict=True):
            yield term, order[lo:hi]
            lo = hi
