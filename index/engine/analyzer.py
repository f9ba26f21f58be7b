"""One-pass text analyzer giving exactly the terms of the stemming + accent-folding chain, faster.

Whoosh's ``StemmingAnalyzer(minsize=1) | CharsetFilter(accent_map)`` runs five generators per
token (tokenize, lowercase, stop, stem, fold). This analyzer does one regex pass and looks each
surface word up in a memo of its final term, which is most of the indexing time saved in the
analysis step. Its output (text, positions, character offsets, stopped flags) is the chain's;
tests compare the two on varied text in index and query modes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pickle import dumps
from typing import Any

from whoosh.analysis import STOP_WORDS, Analyzer, Token
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map
from whoosh.system import pack_uint

# One posting of an indexed field: (term as UTF-8, frequency, encoded positions).
Posting = tuple[bytes, int, bytes]

# Marks a word not yet in the memo (compared by identity: no term is this object).
_UNSEEN = bytes(b"unseen")
# Distinct surface words remembered; news text at 100k articles stays well under this.
MEMO_SIZE = 300_000


class FastNewsAnalyzer(Analyzer):  # type: ignore[misc]  # Whoosh is untyped
    """Tokenize with Whoosh's default pattern, lower-case, drop stop words (renumbering
    positions), Porter-stem and fold accents, in one pass with a memo per surface word."""

    is_morph = True

    def __init__(self) -> None:
        self._memo: dict[str, tuple[str, str, bool]] = {}
        self._index_memo: dict[str, bytes | None] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {}  # the schema is pickled into every index: never the memo

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._memo = {}
        self._index_memo = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FastNewsAnalyzer)

    def __hash__(self) -> int:
        return hash(FastNewsAnalyzer)

    def has_morph(self) -> bool:
        return True

    def _terms(self, word: str) -> tuple[str, str, bool]:
        """(stemmed term, unstemmed term, is a stop word) of one surface word."""
        found = self._memo.get(word)
        if found is None:
            lower = word.lower()
            stop = not lower or lower in STOP_WORDS  # minsize=1: an empty word is dropped too
            plain = lower.translate(accent_map)
            found = (plain if stop else stem(lower).translate(accent_map), plain, stop)
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[word] = found
        return found

    def __call__(  # noqa: C901 - mirrors the keyword arguments of Whoosh's tokenizers
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        no_morph: bool = False,
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            stemmed, plain, stop = self._terms(value)
            if stop and removestops:
                return
            t.original = value
            t.text = plain if (stop or no_morph) else stemmed
            t.boost = 1.0
            t.stopped = stop
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        terms = self._terms
        pos: int | None = None
        for index, match in enumerate(default_pattern.finditer(value)):
            word = match.group(0)
            stemmed, plain, stop = terms(word)
            if stop:
                if removestops:
                    continue
                t.text = plain
                t.stopped = True
                if positions:
                    t.pos = start_pos + index
            else:
                t.text = plain if no_morph else stemmed
                t.stopped = False
                if positions:
                    pos = start_pos + index if pos is None else pos + 1
                    t.pos = pos
            t.boost = 1.0
            if keeporiginal:
                t.original = word
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            yield t

    def _index_term(self, word: str) -> bytes | None:
        """The UTF-8 term a surface word is indexed as, None for a stop word."""
        stemmed, _plain, stop = self._terms(word)
        term = None if stop else stemmed.encode("utf-8")
        if len(self._index_memo) >= MEMO_SIZE:
            self._index_memo.clear()
        self._index_memo[word] = term
        return term

    def postings(self, value: str, chars: bool) -> tuple[list[Posting], int]:
        """Each distinct term of ``value`` with its frequency and its value bytes exactly as
        Whoosh's ``Characters`` (``chars``) or ``Positions`` format encodes them when indexing,
        and the field length (terms kept): ``field.index(value)`` without a Token per word.

        Positions as the chain numbers them: leading stop words count, later ones do not."""
        memo = self._index_memo
        found: dict[bytes, list[Any]] = {}
        pos = -1
        for index, match in enumerate(default_pattern.finditer(value)):
            word = match.group()
            term = memo.get(word, _UNSEEN)
            if term is _UNSEEN:
                term = self._index_term(word)
            if term is None:
                continue
            pos = index if pos < 0 else pos + 1
            item = (pos, match.start(), match.end()) if chars else pos
            seen = found.get(term)
            if seen is None:
                found[term] = [item]
            else:
                seen.append(item)
        out: list[Posting] = []
        length = 0
        for term, items in found.items():
            count = len(items)
            length += count
            out.append((term, count, pack_uint(count) + dumps(_deltas(items, chars), 2)))
        return out, length


def _deltas(items: list[Any], chars: bool) -> list[Any]:
    """What ``Characters.encode`` / ``Positions.encode`` pickle: gaps from the previous item."""
    if chars:
        if len(items) == 1:
            p, s, e = items[0]
            return [(p, s, e - s)]
        out = []
        last_pos = last_end = 0
        for p, s, e in items:
            out.append((p - last_pos, s - last_end, e - s))
            last_pos, last_end = p, e
        return out
    return [p - q for p, q in zip(items, [0, *items[:-1]], strict=True)]
