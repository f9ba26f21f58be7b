"""Provides Block (a passage or paragraph as shown) and Layout (where its lines are, per width)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from .wrap import wrap_starts

STAR = "★"  # under the gutter label of a marked passage: visible without colour
Spans = list[tuple[int, int, str]]  # (start, end, component class) offsets into the text
# A block keeps its spans and each width's line starts as tuples: a tuple of numbers and strings
# is dropped from the garbage collector's watch at its first collection, a list never is, and a
# 5 MB report has 14,000 blocks (every full collection visited their lists: docs/performance.md).
Kept = tuple[tuple[int, int, str], ...]


@dataclass
class Block:
    """What one block shows: literal text (controls neutralised), mark kind, gutter label, styled
    spans; whether it is marked (a star under the label) and starts a paragraph."""

    index: int
    key: str  # passage id, or "p<n>" for a paragraph
    start: int  # offset of the text in the article body
    text: str
    kind: str = "plain"
    label: str = ""
    spans: Kept = ()
    paragraph: bool = False  # a blank line above it (a new paragraph of the report)
    marked: bool = False

    def gutter_lines(self) -> list[str]:
        """The gutter's lines: the label, then the star of a marked block."""
        lines = [self.label] if self.label else []
        return [*lines, STAR] if self.marked else lines


@dataclass(frozen=True)
class Geometry:
    """How a pane lays its blocks out (the compare panes, the reader and the preview differ)."""

    gutter: int  # cells before the bar: the label (and star)
    gap_every: bool  # a blank line after every block (paragraphs), else only before paragraphs


EAGER_ROWS = 400  # rows wrapped before the first paint; the rest is estimated until wrapped


class Layout:
    """Every block's wrapped lines at one text width, and the row each block starts on.

    Wrapping is linear in the text (wrap.py), but a 5 MB report is still 100,000 rows: only the
    first EAGER_ROWS are wrapped at once, a block further on counts ceil(length / width) rows
    until it is wrapped (``ensure``, for the rows on screen) or the pane's worker hands every
    block's lines over (``adopt``). Finding the block on a row is a bisection.
    """

    def __init__(self, blocks: list[Block], width: int, header: int, geometry: Geometry) -> None:
        self.width = width  # the text column's width
        self.header = header  # rows of the header, its blank line not counted
        self.geometry = geometry
        self.blocks = blocks
        self.starts: list[tuple[int, ...] | None] = [None] * len(blocks)
        rows = 0
        for i, block in enumerate(blocks):
            if rows >= EAGER_ROWS:
                break
            self.starts[i] = tuple(wrap_starts(block.text, width))
            rows += len(self.starts[i] or ())
        self.exact = rows < EAGER_ROWS  # every block wrapped
        self.heights: list[int] = []
        self.tops: list[int] = []
        self.total = header
        self.measure()

    def _lines(self, i: int) -> int:
        starts = self.starts[i]
        return len(starts) if starts is not None else -(-len(self.blocks[i].text) // self.width)

    def measure(self) -> None:
        """Recompute the rows (after a block's height changed: wrapped, or a star added)."""
        blocks, width = self.blocks, self.width
        # inline, not a call per block: a long report has tens of thousands (as _lines and
        # gutter_lines count: wrapped lines or the estimate; the label's line and the star's)
        self.heights = [
            max(len(s) if s is not None else -(-len(b.text) // width), bool(b.label) + b.marked, 1)
            for s, b in zip(self.starts, blocks, strict=True)
        ]
        every = self.geometry.gap_every
        gaps = [1 if i == 0 or every or b.paragraph else 0 for i, b in enumerate(blocks)]
        steps = [g + h for g, h in zip(gaps, self.heights, strict=True)]
        ends = list(accumulate(steps, initial=self.header))
        self.tops = [end - h for end, h in zip(ends[1:], self.heights, strict=True)]
        self.total = ends[-1] + (1 if every and blocks else 0)

    def ensure(self, first: int, last: int) -> bool:
        """Wrap blocks ``first`` to ``last`` (inclusive) if they are not; True if any changed
        height (then ``measure`` has run)."""
        changed = False
        for i in range(max(first, 0), min(last + 1, len(self.blocks))):
            if self.starts[i] is None:
                before = self._lines(i)
                self.starts[i] = tuple(wrap_starts(self.blocks[i].text, self.width))
                changed = changed or self._lines(i) != before
        if changed:
            self.measure()
        return changed

    def adopt(self, starts: list[tuple[int, ...]]) -> None:
        """Every block's lines, wrapped at this width by the pane's worker."""
        self.starts = list(starts)
        self.exact = True
        self.measure()

    def at(self, y: int) -> tuple[int, int]:
        """(block, line in it) on row ``y``; line -1 on a blank row, block -1 in the header."""
        i = bisect_right(self.tops, y) - 1
        if i < 0:
            return -1, y
        line = y - self.tops[i]
        return i, line if line < self.heights[i] else -1

    def span(self, i: int, line: int, length: int) -> tuple[int, int]:
        """Text offsets (start, end) of line ``line`` of block ``i`` (``length``: its text's)."""
        starts = self.starts[i]
        if starts is None:  # not wrapped yet (the caller ensures the rows it paints)
            starts = self.starts[i] = tuple(wrap_starts(self.blocks[i].text, self.width))
        if line >= len(starts):
            return length, length
        end = starts[line + 1] if line + 1 < len(starts) else length
        return starts[line], end
