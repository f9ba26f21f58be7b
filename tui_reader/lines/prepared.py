"""Provides BlockSpec (what a block shows) and Prepared (a pane's blocks, made in a thread)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Block, Spans


@dataclass
class BlockSpec:
    """What one block shows: text, mark kind, gutter label and styled spans (text offsets)."""

    key: str  # passage id, or "p<n>" for a paragraph
    start: int  # offset of the text in the article body
    text: str
    kind: str = "plain"
    label: str = ""
    spans: Spans = field(default_factory=list)
    paragraph: bool = False  # starts a new paragraph of the article (a blank line above)
    headline: bool = False  # the report's title as a passage: shown first, in place of the title


@dataclass(frozen=True)
class Prepared:
    """A pane's blocks made from their specs: in a worker thread for a long report, so that the
    UI thread only mounts the pane (14,700 blocks of a 5 MB report: 10-20 ms of Python)."""

    blocks: list[Block]
    headline: bool  # the first block is the report's title
    widest: int  # the longest gutter label
    chars: int  # the text's length: whether the pane will scroll, before it is wrapped

    @classmethod
    def of(cls, specs: list[BlockSpec]) -> Prepared:
        # Not the specs themselves: their lists of spans would stay for every full garbage
        # collection to visit (docs/performance.md). The text as written: control characters
        # are neutralised where a row is painted.
        blocks = [
            Block(i, s.key, s.start, s.text, s.kind, s.label, tuple(s.spans), s.paragraph)
            for i, s in enumerate(specs)
        ]
        widest = max((len(spec.label) for spec in specs), default=0)
        chars = sum(len(spec.text) for spec in specs)
        return cls(blocks, bool(specs) and specs[0].headline, widest, chars)
