"""Provides ReaderScreen: one article alone, paragraph by paragraph, search hits and marks shown."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Static

from index import Anchored, Article, Passage, split_passages

from ..text import one_line
from ..widgets import BlockSpec
from ..widgets.passage_block import PassageBlock
from ..widgets.reader_pane import ReaderPane
from .mark_actions import STAR, Spans, star_block
from .reader_marks import ReaderMarks

__all__ = ["STAR", "ReaderMarks", "ReaderScreen", "paragraphs"]


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of the body: the reader's display blocks."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", body)]


class ReaderScreen(ReaderMarks):
    """Read one report; ``n``/``N`` step through search hits, ``)``/``(`` through sentences.

    The sentence under the cursor is what ``m`` marks and ``a`` annotates: the same passages
    (same offsets) the compare screen marks, so a mark made here is that passage's mark there.
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("n", "hit(1)", "Next hit", id="next-hit"),
        Binding("N", "hit(-1)", "Prev hit", show=False, id="prev-hit"),
        Binding("right_parenthesis", "sentence(1)", "Next sentence", id="next-sentence"),
        Binding(
            "left_parenthesis", "sentence(-1)", "Prev sentence", show=False, id="prev-sentence"
        ),
    ]

    def __init__(self, article: Article, matches: tuple[tuple[int, int], ...] = ()) -> None:
        super().__init__()
        self.article = article
        self.matches = sorted(matches)
        self.hit = 0 if self.matches else -1
        self.spans = paragraphs(article.body)
        self.sentences: list[Passage] = split_passages(article)  # as compare.py cuts them
        self.marked: list[tuple[int, int]] = []
        # sorted offsets for bisection: a long report has hundreds of paragraphs
        self._starts = [s for s, _e in self.spans]
        self._ends = [e for _s, e in self.spans]
        self._sentence_starts = [p.start for p in self.sentences]
        self._sentence_ends = [p.end for p in self.sentences]
        self._painted: dict[int, list[tuple[int, int, str]]] = {}
        self._starred: set[int] = set()
        self.cursor = self._sentence_at(self.matches[0][0]) if self.matches else -1

    def compose(self) -> ComposeResult:
        body = self.article.body
        specs = [BlockSpec(f"p{i}", s, body[s:e]) for i, (s, e) in enumerate(self.spans)]
        yield ReaderPane(self.article, specs, id="reader")
        yield Static(Content(self._status()), id="hit-status")
        yield Footer()

    def on_mount(self) -> None:
        self._paint()  # the hits, even when the marks database cannot be opened
        self.show_marks()
        pane = self.pane
        pane.focus()
        if self.hit >= 0:
            self.call_after_refresh(self._go, self.hit)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Without search hits n / N do nothing: keep them out of the footer.
        return bool(self.matches) if action == "hit" else True

    @property
    def pane(self) -> ReaderPane:
        return self.query_one(ReaderPane)

    # ---- where things are ----

    def _block_of(self, offset: int) -> int:
        """The paragraph holding ``offset`` (else the next one, else the last)."""
        return min(bisect_right(self._ends, offset), len(self.spans) - 1)

    def _blocks_over(self, start: int, end: int) -> range:
        """The paragraphs that ``[start, end)`` overlaps."""
        first = bisect_right(self._ends, start)
        return range(first, bisect_left(self._starts, end, lo=first))

    def _sentence_at(self, offset: int) -> int:
        """The sentence holding ``offset`` (else the next one): -1 if the body has none."""
        return min(bisect_right(self._sentence_ends, offset), len(self.sentences) - 1)

    def _in_block(self, i: int) -> range:
        start, end = self.spans[i]
        return range(
            bisect_left(self._sentence_starts, start), bisect_left(self._sentence_starts, end)
        )

    @property
    def current_hit(self) -> tuple[int, int] | None:
        """The body offsets of the hit the user is on."""
        return self.matches[self.hit] if self.hit >= 0 else None

    def current_passage(self) -> Passage | None:
        return self.sentences[self.cursor] if self.cursor >= 0 else None

    # ---- drawing ----

    def _status(self) -> str:
        parts = [
            f"hit {self.hit + 1} of {len(self.matches)} · n / N move between hits"
            if self.matches
            else self.article.path
        ]
        passage = self.current_passage()
        line = self.mark_line(passage) if passage is not None else None
        if line:
            parts.append(f"{STAR} {line}")
        elif passage is not None:
            parts.append("m marks this sentence · a adds a note")
        else:
            parts.append(") or a click picks a sentence to mark")
        return one_line(" · ".join(parts), 400)

    def _paint(self) -> None:
        """Spans of every block: cursor sentence, marks, then hits on top."""
        per_block: dict[int, list[tuple[int, int, str]]] = {}

        def add(start: int, end: int, name: str, whole: bool) -> None:
            for i in self._blocks_over(start, end):
                s, e = self.spans[i]
                if whole or (start, end) != (s, e):
                    per_block.setdefault(i, []).append((max(start, s) - s, min(end, e) - s, name))

        passage = self.current_passage()
        if passage is not None and len(self._in_block(self._block_of(passage.start))) > 1:
            add(passage.start, passage.end, "pane--cursor", False)
        for start, end in self.marked:  # a whole marked paragraph is shown by its block style
            add(start, end, "pane--marked", False)
        for n, (start, end) in enumerate(self.matches):
            add(start, end, "pane--match-current" if n == self.hit else "pane--match", True)
        starred = {i for s, e in self.marked for i in self._blocks_over(s, e)}
        blocks = self.pane.blocks
        # Only the paragraphs whose spans or star change are touched (long reports).
        for i in set(per_block) | set(self._painted) | starred | self._starred:
            if i >= len(blocks):
                continue
            spans = per_block.get(i, [])
            if spans != blocks[i].body.spans:
                blocks[i].body.set_spans(spans)
            star_block(blocks[i], i in starred)
        self._painted, self._starred = per_block, starred
        status = self.query_one("#hit-status", Static)
        text = self._status()
        if str(status.content) != text:  # an update re-lays out the screen: slow on long reports
            status.update(Content(text))

    def paint_marks(self, spans: Spans) -> None:
        self.marked = sorted(spans.get(self.article.id, []))
        self._paint()

    def marks_scope(self) -> tuple[Mapping[str, Article], str | None] | None:
        return {self.article.id: self.article}, None

    # ---- moving ----

    def _set_cursor(self, n: int) -> None:
        if not 0 <= n < len(self.sentences):
            return
        self.cursor = n
        self.pane.set_current(self._block_of(self.sentences[n].start), top=False)
        self._paint()

    def _go(self, n: int) -> None:
        self.hit = n
        self._set_cursor(self._sentence_at(self.matches[n][0]))

    def action_hit(self, step: int) -> None:
        """Go to the next/previous search hit (its sentence becomes the cursor)."""
        if self.matches:
            self._go((self.hit + step) % len(self.matches))

    def action_sentence(self, step: int) -> None:
        """Move the cursor to the next/previous sentence (after scrolling: from the screen)."""
        pane = self.pane
        if not self.sentences or not pane.blocks:
            return
        if self.cursor < 0 or pane.current < 0 or not pane.in_view(pane.current):
            block = pane.first_visible() if step > 0 else pane.last_visible()
            inside = self._in_block(block) or [self._sentence_at(self.spans[block][0])]
            self._set_cursor(inside[0] if step > 0 else inside[-1])
            return
        n = self.cursor + step
        if not 0 <= n < len(self.sentences):
            self.notify("No further sentence in this report", timeout=2)
            return
        self._set_cursor(n)

    def reveal(self, passage: Passage) -> None:
        block = self._block_of(passage.start)
        if 0 <= block < len(self.pane.blocks) and not self.pane.in_view(block):
            self.pane.set_current(block, top=False)

    def jump_to_mark(self, mark: Anchored) -> None:
        if mark.start is not None and self.sentences:
            self._set_cursor(self._sentence_at(mark.start))
            self.pane.focus()

    def on_click(self, event: events.Click) -> None:
        # A click on a paragraph puts the cursor on its first sentence.
        widget = event.widget
        while widget is not None and not isinstance(widget, PassageBlock):
            widget = widget.parent  # type: ignore[assignment]
        if isinstance(widget, PassageBlock):
            inside = self._in_block(widget.index)
            if inside and self.cursor not in inside:
                self._set_cursor(inside[0])
