"""Provides ArticleMap: where one article's paragraphs and sentences are, found by bisection."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import overload

from index import Article, Passage


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of the body: the reader's display blocks.

    Every line is looked at once (a pattern asking for a non-space inside the line backtracked
    over a long blank one: quadratic)."""
    return [m.span() for m in re.finditer(r"[^\n]+", body) if not m.group().isspace()]


class Sentences(Sequence[Passage]):
    """An article's sentences, kept as two arrays of offsets; a Passage is made when asked for
    (the same one ``index.split_passages`` makes). A 5 MB report has 57,000 sentences: as objects
    every full garbage collection of the app visited them, 100 ms and more on the UI thread."""

    def __init__(self, article: Article, starts: array[int], ends: array[int]) -> None:
        self.article = article
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, n: int) -> Passage: ...

    @overload
    def __getitem__(self, n: slice) -> list[Passage]: ...

    def __getitem__(self, n: int | slice) -> Passage | list[Passage]:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        start, end = self.starts[n], self.ends[n]
        n = n % len(self)  # the id numbers a sentence from the first, as split_passages does
        body = self.article.body
        aid = self.article.id
        return Passage(id=f"{aid}:{n}", article_id=aid, start=start, end=end, text=body[start:end])


class ArticleMap:
    """The reader's paragraphs (display blocks) and sentences (what is marked: the same passages,
    same offsets, as the compare screen's) of one article, with lookups between them.

    Offsets are kept sorted for bisection: a long report has thousands of paragraphs. The
    sentences come later (``set_sentences``): splitting a long report takes seconds, so the
    reader does it in a worker and shows the paragraphs at once.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self.spans = paragraphs(article.body)
        self._starts = [s for s, _e in self.spans]
        self._ends = [e for _s, e in self.spans]
        self.set_sentences(array("q"))

    def set_sentences(self, offsets: Iterable[int]) -> None:
        """The article's sentences, as the comparison cuts them (index.split_passages), by their
        offsets: start, end, start, end, ... (what ``index.split_apart`` gives)."""
        flat = offsets if isinstance(offsets, array) else array("q", offsets)
        self._sentence_starts, self._sentence_ends = flat[::2], flat[1::2]
        self.sentences = Sentences(self.article, self._sentence_starts, self._sentence_ends)

    def block_of(self, offset: int) -> int:
        """The paragraph holding ``offset`` (else the next one, else the last)."""
        return min(bisect_right(self._ends, offset), len(self.spans) - 1)

    def blocks_over(self, start: int, end: int) -> range:
        """The paragraphs that ``[start, end)`` overlaps."""
        first = bisect_right(self._ends, start)
        return range(first, bisect_left(self._starts, end, lo=first))

    def sentence_at(self, offset: int) -> int:
        """The sentence holding ``offset`` (else the next one): -1 if the body has none."""
        return min(bisect_right(self._sentence_ends, offset), len(self.sentences) - 1)

    def sentences_in(self, block: int) -> range:
        """The sentences that start inside paragraph ``block``."""
        start, end = self.spans[block]
        return range(
            bisect_left(self._sentence_starts, start), bisect_left(self._sentence_starts, end)
        )
