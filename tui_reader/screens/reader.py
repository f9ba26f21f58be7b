"""Provides ReaderScreen: one article alone, paragraph by paragraph, search hits marked."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from index.models import Article

from ..widgets import ArticlePane, BlockSpec


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of the body: the reader's display blocks."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", body)]


class ReaderScreen(Screen[None]):
    """Read one report; ``n``/``N`` step through search hits (every hit is marked)."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("n", "hit(1)", "Next hit", id="next-hit"),
        Binding("N", "hit(-1)", "Prev hit", id="prev-hit"),
    ]

    def __init__(self, article: Article, matches: tuple[tuple[int, int], ...] = ()) -> None:
        super().__init__()
        self.article = article
        self.matches = sorted(matches)
        self.hit = 0 if self.matches else -1
        self.spans = paragraphs(article.body)

    def compose(self) -> ComposeResult:
        body = self.article.body
        specs = [BlockSpec(f"p{i}", s, body[s:e]) for i, (s, e) in enumerate(self.spans)]
        yield ArticlePane(self.article, specs, id="reader")
        yield Static(Content(self._status()), id="hit-status")
        yield Footer()

    def on_mount(self) -> None:
        self._mark()
        pane = self.query_one(ArticlePane)
        pane.focus()
        if self.hit >= 0:
            self.call_after_refresh(self._go, self.hit)

    def _status(self) -> str:
        if not self.matches:
            return f"{self.article.path}"
        return f"hit {self.hit + 1} of {len(self.matches)} · n / N move between hits"

    def _block_of(self, offset: int) -> int:
        for i, (s, e) in enumerate(self.spans):
            if s <= offset < e or offset < s:
                return i
        return len(self.spans) - 1

    def _mark(self) -> None:
        pane = self.query_one(ArticlePane)
        per_block: dict[int, list[tuple[int, int, str]]] = {}
        for n, (start, end) in enumerate(self.matches):
            i = self._block_of(start)
            base = self.spans[i][0]
            name = "pane--match-current" if n == self.hit else "pane--match"
            per_block.setdefault(i, []).append((start - base, end - base, name))
        for block in pane.blocks:
            block.body.set_spans(per_block.get(block.index, []))

    def _go(self, n: int) -> None:
        self.hit = n
        self._mark()
        pane = self.query_one(ArticlePane)
        pane.set_current(self._block_of(self.matches[n][0]), top=False)
        self.query_one("#hit-status", Static).update(Content(self._status()))

    def action_hit(self, step: int) -> None:
        if self.matches:
            self._go((self.hit + step) % len(self.matches))

    @property
    def current_hit(self) -> tuple[int, int] | None:
        """The body offsets of the hit the user is on."""
        return self.matches[self.hit] if self.hit >= 0 else None
