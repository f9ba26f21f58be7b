"""Provides SearchScreen: results update as you type; Enter opens the article at its first hit."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..keymap import SEARCH_BINDINGS
from ..messages import (
    ArticlesChanged,
    EventsChanged,
    OpenArticle,
    ProgressChanged,
    SearchFailed,
    SearchFinished,
    SearchProgress,
    SearchWaiting,
    SearchWanted,
)
from ..state import AppState
from ..text import counted, date_only, neutralize, one_line, outlet
from ..widgets.lists import KeyFooter, ListOptions
from ..widgets.typing import TypingInput

DEBOUNCE = 0.2  # seconds of quiet typing before a query runs


def hit_prompt(hit: Any) -> Content:
    """Two lines: outlet · date · title, then the snippet with its matched words emphasised."""
    meta = " · ".join(x for x in (outlet(hit.source, hit.path), date_only(hit.published)) if x)
    head = Content.assemble((meta, "bold"), "  ", one_line(hit.title, 100))
    snippet = Content(neutralize(hit.snippet.replace("\n", " ")))
    for start, end in hit.snippet_matches:
        snippet = snippet.stylize("bold reverse", start, end)
    return Content("\n").join([head, snippet])


class SearchScreen(Screen[None]):
    """Full-text search over the index (Whoosh query syntax: AND, OR, "phrases", source:x)."""

    BINDINGS = SEARCH_BINDINGS

    def __init__(self, state: AppState, query: str = "") -> None:
        super().__init__()
        self.state = state
        self._first_query = query  # typed into the box once it is mounted
        self.hits: list[Any] = []
        self._timer: Timer | None = None
        self.last_query = ""
        self.waiting = False  # the last query waits for the first index to be built

    def compose(self) -> ComposeResult:
        yield TypingInput(
            placeholder='Search: words, "a phrase", source:reuters, conflict:number, only:yonhap',
            id="query",
        )
        yield Static(Content(""), id="search-error")
        yield Static(Content("Type to search."), id="search-status")
        yield ListOptions(id="results", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.type_query(self._first_query)

    def type_query(self, query: str) -> None:
        """Put ``query`` in the search box (it runs as if typed), the cursor after it."""
        box = self.query_one(Input)
        box.value = query
        box.cursor_position = len(query)
        box.focus()

    def on_input_changed(self, message: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, lambda: self._run(message.value))

    def on_input_submitted(self, message: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._run(message.value)
        if self.hits:
            self.query_one(OptionList).focus()

    def _run(self, query: str) -> None:
        self.last_query = query
        self.waiting = False
        if not query.strip():
            self.query_one("#search-error", Static).update(Content(""))
            self._show([], "Type to search.")
            return
        self.post_message(SearchWanted(query, self))

    def on_articles_changed(self, _message: ArticlesChanged) -> None:
        """Re-run the query once the index is ready (it may have been typed during indexing)."""
        if self.last_query.strip():
            self._run(self.last_query)

    def on_events_changed(self, _message: EventsChanged) -> None:
        """Filter fields need the events: a query typed before they were grouped runs again."""
        if self.last_query.strip():
            self._run(self.last_query)

    def on_search_progress(self, message: SearchProgress) -> None:
        if message.query == self.last_query:
            status = f"Comparing events for the filters: {message.done}/{message.total}"
            self.query_one("#search-status", Static).update(Content(status))

    def on_search_waiting(self, message: SearchWaiting) -> None:
        if message.query == self.last_query:
            self.waiting = True
            self.query_one("#search-error", Static).update(Content(""))
            self._show([], self._indexing_line())

    def on_progress_changed(self, message: ProgressChanged) -> None:
        if self.waiting and message.what == "Indexing":
            self.query_one("#search-status", Static).update(Content(self._indexing_line()))

    def _indexing_line(self) -> str:
        done, total = self.state.indexing or (0, 0)
        files = f" ({done}/{total} files)" if total else ""
        return f"Indexing{files}: the search runs once the index is built."

    def on_search_finished(self, message: SearchFinished) -> None:
        if message.query != self.last_query:
            return  # a newer query is on its way
        results = message.results
        self.query_one("#search-error", Static).update(Content(""))
        # a total past the count bound is a lower bound: total_label says "35,000+", never a guess
        self._show(list(results.hits), counted(results.total_label(), "matching article"))

    def on_search_failed(self, message: SearchFailed) -> None:
        if message.query == self.last_query:
            # The error replaces the status line: "Type to search." under it reads as a hint
            # that the query was never run.
            self.query_one("#search-error", Static).update(Content(one_line(message.error)))
            self._show([], "")

    def _show(self, hits: list[Any], status: str) -> None:
        self.hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        options: list[Option | None] = []
        for i, hit in enumerate(hits):
            if i:
                options.append(None)  # a separator line between hits
            options.append(Option(hit_prompt(hit), id=str(i)))
        results.add_options(options)
        if hits:
            results.highlighted = 0
        self.query_one("#search-status", Static).update(Content(status))

    def action_focus_results(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        hit = self.hits[int(message.option_id or 0)]
        article = self.state.by_id.get(hit.id)
        if article is None and self.state.index is not None:
            article = self.state.index.article(hit.id)
        if article is None:
            self.notify(f"Article not found: {hit.id}", severity="error", markup=False)
            return
        self.post_message(OpenArticle(article, tuple(hit.matches)))
