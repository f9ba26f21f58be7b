"""One-pass text analyzer giving exactly the terms of the stemming + accent-folding chain, faster.

Whoosh's ``StemmingAnalyzer(minsize=1) | CharsetFilter(accent_map)`` runs five generators per
token (tokenize, lowercase, stop, stem, fold). This analyzer does one regex pass and looks each
surface word up in a memo of its final term, which is most of the indexing time saved in the
analysis step. Its output (text, positions, character offsets, stopped flags) is the chain's;
tests compare the two on varied text in index and query modes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import STOP_WORDS, Analyzer, Token
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

from index.engine.text_postings import Posting, text_postings

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

    def _kept_terms(self, words: list[str]) -> list[bytes | None]:
        """The UTF-8 term each surface word is indexed as, None for a stop word."""
        memo = self._index_memo
        missing = set(words).difference(memo)
        if missing:
            if len(memo) + len(missing) > MEMO_SIZE:
                memo.clear()
                missing = set(words)
            for word in missing:
                stemmed, _plain, stop = self._terms(word)
                memo[word] = None if stop else stemmed.encode("utf-8")
        return list(map(memo.__getitem__, words))

    def postings(self, value: str, chars: bool) -> tuple[list[Posting], int]:
        """Each distinct term of ``value`` with its frequency and its value bytes exactly as
        Whoosh's ``Characters`` (``chars``) or ``Positions`` format encodes them when indexing,
        and the field length (terms kept): ``field.index(value)`` without a Token per word.

        Positions as the chain numbers them: leading stop words count, later ones do not."""
        return text_postings(value, chars, self._kept_terms)
