"""Provides ReaderScreen: one article alone, paragraph by paragraph, search hits and marks shown.

Its side of marking (the MarkSite, the export) is reader_marks.py."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from textual import events, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from index import Article, Passage

from ..follow import copy_citation, open_in_browser
from ..keymap import FOLLOW_BINDINGS, MARK_BINDINGS, READER_BINDINGS
from ..lines.layout import STAR
from ..marking import MarkController
from ..reading import ArticleMap
from ..state import AppState
from ..text import one_line
from ..widgets import BlockSpec, KeyFooter, MarksPanel, ReaderPane
from .reader_marks import ReaderMarks

APART = 100_000  # characters from which the sentences are split in a worker process


class ReaderScreen(Screen[None]):
    """Read one report; ``n``/``N`` step through search hits, ``)``/``(`` through sentences.

    The sentence under the cursor is what ``m`` marks and ``a`` annotates: the same passages
    (same offsets) the compare screen marks, so a mark made here is that passage's mark there.
    The paragraphs show at once; the sentences are found by a worker (seconds on a long report).
    """

    @dataclass
    class SentencesFound(Message):
        """The worker split the article into its sentences: their offsets, flat."""

        offsets: array[int]

    # The mark keys first in the footer.
    BINDINGS = [*MARK_BINDINGS, *READER_BINDINGS, *FOLLOW_BINDINGS]

    def __init__(
        self, state: AppState, article: Article, matches: tuple[tuple[int, int], ...] = ()
    ) -> None:
        super().__init__()
        self.state = state
        self.article = article
        self.matches = sorted(matches)
        self.hit = 0 if self.matches else -1
        self.map = ArticleMap(article)
        self.marked: list[tuple[int, int]] = []
        self._painted: dict[int, list[tuple[int, int, str]]] = {}
        self._starred: set[int] = set()
        self.cursor = -1  # the sentence under the cursor, once the sentences are known
        self.marking = MarkController(self, ReaderMarks(self), state)

    def compose(self) -> ComposeResult:
        body = self.article.body
        specs = [BlockSpec(f"p{i}", s, body[s:e]) for i, (s, e) in enumerate(self.map.spans)]
        yield ReaderPane(self.article, specs, id="reader")
        yield Static(Content(self._status()), id="hit-status")
        yield KeyFooter()  # built just after the first paint: the keys pressed then wait on it

    def on_mount(self) -> None:
        self.paint()  # the hits, even when the marks database cannot be opened
        self.marking.refresh()
        self.pane.focus()
        if self.hit >= 0:
            self.call_after_refresh(self._go, self.hit)
        self.find_sentences()

    @work(thread=True, name="sentences", group="sentences", exit_on_error=False)
    def find_sentences(self) -> None:
        """Split the article into sentences off the UI thread; a long one in a worker process
        (seconds of Python: in a thread it would slow every key), stopped if the user leaves."""
        from index import split_apart, split_passages  # the splitter loads with the first reader

        worker = get_current_worker()
        offsets: array[int] | None
        if len(self.article.body) > APART:
            offsets = split_apart(self.article, lambda: worker.is_cancelled)
        else:
            passages = split_passages(self.article)
            offsets = array("q", [x for p in passages for x in (p.start, p.end)])
        if offsets is not None and not worker.is_cancelled:  # cancelled: the user left
            self.post_message(self.SentencesFound(offsets))

    def on_reader_screen_sentences_found(self, message: SentencesFound) -> None:
        self.map.set_sentences(message.offsets)
        if self.hit >= 0:
            self._go(self.hit)
        else:
            self.paint()

    def on_resize(self, _event: events.Resize) -> None:
        self.marking.dock.fit()

    def on_screen_resume(self) -> None:
        # Marks may have been made or deleted on the compare screen meanwhile.
        self.marking.refresh_if_read()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Without search hits n / N do nothing: keep them out of the footer.
        return bool(self.matches) if action == "hit" else True

    @property
    def pane(self) -> ReaderPane:
        return self.query_one(ReaderPane)

    @property
    def sentences(self) -> Sequence[Passage]:
        """The article's sentences, as the comparison cuts them."""
        return self.map.sentences

    @property
    def current_hit(self) -> tuple[int, int] | None:
        """The body offsets of the hit the user is on."""
        return self.matches[self.hit] if self.hit >= 0 else None

    # ---- drawing ----

    def _status(self) -> str:
        parts = [
            f"hit {self.hit + 1} of {len(self.matches)} · n / N move between hits"
            if self.matches
            else self.article.path
        ]
        passage = self.current_passage()
        line = self.marking.mark_line(passage) if passage is not None else None
        if line:
            parts.append(f"{STAR} {line}")
        elif passage is not None:
            parts.append("m marks this sentence · a adds a note")
        else:
            parts.append(") or a click picks a sentence to mark")
        return one_line(" · ".join(parts), 400)

    def paint(self) -> None:
        """Spans of every block: cursor sentence, marks, then hits on top."""
        per_block: dict[int, list[tuple[int, int, str]]] = {}
        where = self.map

        def add(start: int, end: int, name: str, whole: bool) -> None:
            for i in where.blocks_over(start, end):
                s, e = where.spans[i]
                if whole or (start, end) != (s, e):
                    per_block.setdefault(i, []).append((max(start, s) - s, min(end, e) - s, name))

        passage = self.current_passage()
        if passage is not None and len(where.sentences_in(where.block_of(passage.start))) > 1:
            add(passage.start, passage.end, "pane--cursor", False)
        for start, end in self.marked:  # a whole marked paragraph is shown by its block style
            add(start, end, "pane--marked", False)
        for n, (start, end) in enumerate(self.matches):
            add(start, end, "pane--match-current" if n == self.hit else "pane--match", True)
        starred = {i for s, e in self.marked for i in where.blocks_over(s, e)}
        pane = self.pane
        # Only the paragraphs whose spans or star change are touched (long reports).
        for i in set(per_block) | set(self._painted) | starred | self._starred:
            if i < len(pane.blocks):
                pane.set_spans(i, per_block.get(i, []))
                pane.set_marked(i, i in starred)
        self._painted, self._starred = per_block, starred
        status = self.query_one("#hit-status", Static)
        text = self._status()
        if str(status.content) != text:  # an update re-lays out the screen: slow on long reports
            status.update(Content(text))

    # ---- moving ----

    def set_cursor(self, n: int) -> None:
        if not 0 <= n < len(self.sentences):
            return
        self.cursor = n
        self.pane.set_current(self.map.block_of(self.sentences[n].start), top=False)
        self.paint()

    def _go(self, n: int) -> None:
        self.hit = n
        start = self.matches[n][0]
        if self.sentences:
            self.set_cursor(self.map.sentence_at(start))
        else:  # the sentences are not known yet: the hit's paragraph
            self.pane.set_current(self.map.block_of(start), top=False)
            self.paint()

    def action_hit(self, step: int) -> None:
        """Go to the next/previous search hit (its sentence becomes the cursor)."""
        if self.matches:
            self._go((self.hit + step) % len(self.matches))

    def action_sentence(self, step: int) -> None:
        """Move the cursor to the next/previous sentence (after scrolling: from the screen)."""
        pane = self.pane
        if not self.sentences or not pane.blocks:
            if pane.blocks:
                self.notify("Still finding this report's sentences…", timeout=2)
            return
        if self.cursor < 0 or pane.current < 0 or not pane.in_view(pane.current):
            block = pane.first_visible() if step > 0 else pane.last_visible()
            inside = self.map.sentences_in(block) or [
                self.map.sentence_at(self.map.spans[block][0])
            ]
            self.set_cursor(inside[0] if step > 0 else inside[-1])
            return
        n = self.cursor + step
        if not 0 <= n < len(self.sentences):
            self.notify("No further sentence in this report", timeout=2)
            return
        self.set_cursor(n)

    def on_click(self, event: events.Click) -> None:
        # A click on a paragraph puts the cursor on its first sentence.
        pane = self.pane
        offset = event.get_content_offset(pane)
        block = -1 if offset is None else pane.block_at(offset.y)
        if block >= 0:
            inside = self.map.sentences_in(block)
            if inside and self.cursor not in inside:
                self.set_cursor(inside[0])

    # ---- follow and copy (follow.py) ----

    def action_open_url(self) -> None:
        """Open this report in the browser."""
        open_in_browser(self, self.article)

    def action_copy_citation(self) -> None:
        """Copy the sentence under the cursor as a citation."""
        copy_citation(self, self.current_passage(), self.article)

    # ---- marks (keys and the panel's messages go to the controller) ----

    def action_mark(self) -> None:
        self.marking.mark()

    def action_note(self) -> None:
        self.marking.note()

    def action_export(self) -> None:
        self.marking.export()

    def action_toggle_marks(self) -> None:
        self.marking.toggle_panel()

    def on_marks_panel_jump(self, message: MarksPanel.Jump) -> None:
        self.marking.jump(message.mark)

    def on_marks_panel_remove(self, message: MarksPanel.Remove) -> None:
        self.marking.remove(message.mark)

    def on_marks_panel_leave(self, _message: MarksPanel.Leave) -> None:
        self.pane.focus()

    def current_passage(self) -> Passage | None:
        """The sentence under the cursor (what m marks, a annotates, y copies)."""
        return self.sentences[self.cursor] if self.cursor >= 0 else None
