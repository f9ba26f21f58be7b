"""Provides EventsScreen: the start screen, indexing progress, then events beside their reports."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, ProgressBar, Static

from index import Event, EventFilter, NewsreaderError

from ..correcting import CorrectionKeys
from ..keymap import EVENTS_BINDINGS
from ..listing import SORT_CYCLE, Listed, listed
from ..messages import (
    ArticlesChanged,
    ComparisonAdded,
    ConflictsWanted,
    EventsChanged,
    IndexFailed,
    OpenArticle,
    OpenEvent,
    OpenFigures,
    ProgressChanged,
)
from ..state import AppState
from ..text import counted, one_line
from ..widgets.filter_bar import FilterBar
from ..widgets.lists import KeyFooter, ListTable
from .events_lists import CORRECTED, Filler, counts, fill_events, fill_reports, show_status

__all__ = ["CORRECTED", "WIDE", "EventsScreen"]  # CORRECTED: the mark the tests look for

WIDE = 160  # columns from which the reports list goes beside the events instead of under them
FILL_PAUSE = 0.005  # seconds between two parts of the events list (keys are answered there)


class EventsScreen(Screen[None]):
    """Usable at once: quit, help and the article list work while the index worker runs."""

    BINDINGS = EVENTS_BINDINGS
    AUTO_FOCUS = "#events"  # not the (hidden) filter input, first in the DOM

    _shown: tuple[int, int] = (0, 0)  # the table widths the lists were last filled for

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.correcting = CorrectionKeys(self, state)
        # the events list's rows, a part at a time: a timer, not call_later, so the loop runs
        # between parts (keys, and the table measuring the rows just added, on its idle)
        self.filler = Filler(state, lambda add: self.set_timer(FILL_PAUSE, add))
        self.wanted = EventFilter()  # the typed filter (f)
        self.sort: str | None = None  # S cycles through SORT_CYCLE
        self.shown = Listed([], 0, 0, 0)

    def compose(self) -> ComposeResult:
        with Vertical(id="loading"):
            yield Static(Content(f"Indexing {self.state.corpus}"), id="status")
            yield ProgressBar(id="progress", show_eta=False)
        yield FilterBar(id="filter-bar")
        with Horizontal(id="event-browser"):
            yield ListTable(id="events", cursor_type="row", zebra_stripes=True)
            yield ListTable(id="reports", cursor_type="row")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < WIDE, "-narrow")
        # What happened before this screen was mounted (nothing, on a normal start).
        self._show_failure()
        self._show_articles()
        self._show_events()

    def on_screen_resume(self) -> None:
        # Back from a comparison: conflicts dismissed there no longer count here.
        if self.state.events is not None and self.query_one("#events", DataTable).row_count:
            self._fill_events()

    def on_resize(self, event: Resize) -> None:
        # Below WIDE columns the reports list goes under the events instead of beside them,
        # where its titles would be cut to a few characters.
        self.set_class(event.size.width < WIDE, "-narrow")
        self.call_after_refresh(self._refit)  # once the tables have their new widths

    def _widths(self) -> tuple[int, int]:
        return (
            self.query_one("#events", DataTable).size.width,
            self.query_one("#reports", DataTable).size.width,
        )

    def _refit(self) -> None:
        """Fill the lists again when their widths changed: every column fits the table."""
        if self._widths() != self._shown and self.state.events is not None:
            self._fill_events()

    def on_progress_changed(self, message: ProgressChanged) -> None:
        """Advance the bar (progress messages coalesce: only the newest is drawn)."""
        done, total = message.done, message.total
        if self.state.events is not None and message.what == "Indexing":
            self._show_status()  # the events stay listed; their line tells the indexing
            return
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True  # hidden once the events showed; a re-fetch or re-index shows it again
        bar.update(total=max(total, 1), progress=done)
        self.query_one("#status", Static).update(
            Content(f"{message.what} {done}/{total}: {message.path}")
        )

    def on_index_failed(self, _message: IndexFailed) -> None:
        self._show_failure()

    def on_articles_changed(self, _message: ArticlesChanged) -> None:
        self._show_articles()

    def on_events_changed(self, message: EventsChanged) -> None:
        self._show_events(message.focus)

    def _show_failure(self) -> None:
        if self.state.failure:
            self.query_one("#status", Static).update(Content(f"Index failed: {self.state.failure}"))
            self.query_one("#progress", ProgressBar).display = False

    def _show_articles(self) -> None:
        articles = counted(len(self.state.articles), "article")
        bar = self.query_one("#progress", ProgressBar)
        if self.state.events is not None:
            self._show_status()  # indexed after the grouping: the line drops "indexing"
        elif self.state.report is not None:
            line = self.state.report.summary_line()
            status = f"{articles} · {line} · grouping events…"
            self.query_one("#status", Static).update(Content(status))
            bar.update(total=1, progress=1)
        elif self.state.articles:  # a first build read them: grouped now, indexed after
            status = f"{articles} read · grouping events… · then indexing for search"
            self.query_one("#status", Static).update(Content(status))
            bar.update(total=None)  # the grouping tells no progress: the bar says "busy"

    def _show_events(self, focus: str | None = None) -> None:
        if self.state.events is not None:
            self._fill_events(focus)
            self._show_status()

    def _show_status(self) -> None:
        shown = self.shown
        counting = self._needs_conflicts() and shown.compared < shown.comparable
        status, bar = self.query_one("#status", Static), self.query_one("#progress", ProgressBar)
        show_status(status, bar, self.state, shown, (self.wanted, self.sort), counting)

    def _needs_conflicts(self) -> bool:
        return self.wanted.needs_comparisons or self.sort == "conflicts"

    # ---- filter (f) and sort (S) ----

    def action_filter(self) -> None:
        self.query_one(FilterBar).open(self.wanted.text)

    def on_filter_bar_applied(self, message: FilterBar.Applied) -> None:
        from datetime import date

        from index import parse_filter

        bar = self.query_one(FilterBar)
        try:
            wanted = parse_filter(message.text, date.today())
        except NewsreaderError as error:
            bar.show_error(one_line(str(error)))
            return  # the bar stays open with the typed text, to be fixed
        bar.show_error("")
        bar.close()
        self.wanted = wanted
        if wanted.sort:
            self.sort = wanted.sort
        self._relist()
        self.query_one("#events", DataTable).focus()

    def on_filter_bar_closed(self, _message: FilterBar.Closed) -> None:
        self.query_one("#events", DataTable).focus()

    def action_sort(self) -> None:
        self.sort = SORT_CYCLE[(SORT_CYCLE.index(self.sort) + 1) % len(SORT_CYCLE)]
        self.notify(f"Sorted by {self.sort or 'size (the grouping order)'}", timeout=2)
        self._relist()

    def _relist(self) -> None:
        if self._needs_conflicts():
            self.post_message(ConflictsWanted())
        self._show_events()

    def _fill_events(self, focus: str | None = None) -> None:
        """Fill the events list; ``focus`` (an event id) goes under the cursor, else the event
        that was there stays."""
        table = self.query_one("#events", DataTable)
        keep = table.cursor_row
        before = focus or self._cursor_key(table)
        self.shown = listed(self.state, self.wanted, self.sort)
        events = self.shown.events
        self._shown = self._widths()
        filling = fill_events(table, self.state, events, self._shown[0])
        if events:
            ids = [e.id for e in events]
            # the same event stays under the cursor when the order or the filter changed
            row = ids.index(before) if before in ids else min(keep, len(events) - 1)
            self.filler.fill(table, filling, row + 1)
            if not self.query_one(FilterBar).has_class("-open"):
                table.focus()
            table.move_cursor(row=row)
            self._fill_reports(events[row])
        else:
            self.query_one("#reports", DataTable).clear()

    @staticmethod
    def _cursor_key(table: DataTable[object]) -> str | None:
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_comparison_added(self, message: ComparisonAdded) -> None:
        """Fill in an event's link counts once its comparison is computed."""
        if self._needs_conflicts() and self.state.events is not None:
            self._show_events()  # the filter or the order may change with each count
            return
        table = self.query_one("#events", DataTable)
        event = self.state.event(message.key)
        if message.key in table.rows and event is not None and table.columns:
            sources, shared, conflicts = counts(self.state, event)
            table.update_cell(message.key, "sources", sources)
            table.update_cell(message.key, "shared", shared)
            table.update_cell(message.key, "conflicts", conflicts)

    def _fill_reports(self, event: Event) -> None:
        fill_reports(self.query_one("#reports", DataTable), self.state, event, self._shown[1])

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        if message.data_table.id == "events":
            event = self.state.event(message.row_key.value)
            if event is not None:
                self._fill_reports(event)

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        if message.data_table.id == "events":
            event = self.state.event(message.row_key.value)
            if event is not None:
                self.post_message(OpenEvent(event))
        else:
            article = self.state.by_id.get(message.row_key.value or "")
            if article is not None:
                self.post_message(OpenArticle(article))

    def action_figures(self) -> None:
        """The highlighted event's figures and dates, side by side."""
        table = self.query_one("#events", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            event = self.state.event(key)
            if event is not None:
                self.post_message(OpenFigures(event.id, self.state.articles_of(event), event))

    def action_open_event(self) -> None:
        table = self.query_one("#events", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            event = self.state.event(key)
            if event is not None:
                self.post_message(OpenEvent(event))

    # ---- corrections of the grouping (correcting.py) ----

    def _current_event(self) -> Event | None:
        table = self.query_one("#events", DataTable)
        if not table.row_count:
            return None
        return self.state.event(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _current_report(self) -> str | None:
        table = self.query_one("#reports", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_merge_event(self) -> None:
        """Merge the highlighted event with one chosen from a list."""
        self.correcting.merge(self._current_event())

    def action_move_report(self) -> None:
        """Move the highlighted report to an event chosen from a list."""
        self.correcting.move(self.state.by_id.get(self._current_report() or ""))

    def action_split_event(self) -> None:
        """Split some of the highlighted event's reports off into a new event."""
        reports = self.query_one("#reports", DataTable)
        selected = self._current_report() if reports.has_focus else None
        self.correcting.split(self._current_event(), selected)

    def action_undo_correction(self) -> None:
        """Undo the latest merge, move or split."""
        self.correcting.undo()
