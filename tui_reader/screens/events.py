"""Provides EventsScreen: the start screen, indexing progress, then events beside their reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Footer, ProgressBar, Static

from index import Comparison, Event, without_dismissed

from ..marks import CompareModel
from ..marks_store import store_for
from ..text import date_only, one_line, outlet

if TYPE_CHECKING:
    from ..app import NewsReaderApp


def date_range(dates: list[str]) -> str:
    """'2024-10-17' or '2024-10-17 – 2024-10-19' from the known dates; '' when none."""
    known = sorted(d for d in dates if d)
    if not known:
        return ""
    return known[0] if known[0] == known[-1] else f"{known[0]} – {known[-1]}"


class EventsScreen(Screen[None]):
    """Usable at once: quit, help and the article list work while the index worker runs."""

    BINDINGS = [
        Binding("enter", "open_event", "Compare", id="open-event"),
        Binding("tab", "app.focus_next", "Switch list", show=False),
    ]

    app: NewsReaderApp  # type: ignore[assignment]
    _shown_width = 0  # the title width the table was last filled for

    def compose(self) -> ComposeResult:
        with Vertical(id="loading"):
            yield Static(Content(f"Indexing {self.app.corpus}"), id="status")
            yield ProgressBar(id="progress", show_eta=False)
        with Horizontal(id="event-browser"):
            yield DataTable(id="events", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="reports", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        events = self.query_one("#events", DataTable)
        # What a reader scans first comes first: at 80 columns the outlets are the part that
        # scrolls off to the right, not the counts.
        events.add_column("Event", key="title")
        events.add_column("Reports", key="reports")
        events.add_column("Shared", key="shared")
        events.add_column("Conflicts", key="conflicts")
        events.add_column("Dates", key="dates")
        events.add_column("Outlets", key="outlets")
        reports = self.query_one("#reports", DataTable)
        reports.add_column("Outlet", key="outlet")
        reports.add_column("Date", key="date")
        reports.add_column("Title", key="title")
        for what in ("failure", "articles", "events"):
            self.data_changed(what)

    def on_screen_resume(self) -> None:
        # Back from a comparison: conflicts dismissed there no longer count here.
        if self.app.events is not None and self.query_one("#events", DataTable).row_count:
            self._fill_events(self.app.events)

    def on_resize(self, event: Resize) -> None:
        # Below 110 columns the reports list goes under the events instead of beside them.
        self.set_class(event.size.width < 110, "-narrow")
        width = self._title_width()
        if width != self._shown_width and self.app.events is not None:
            self._fill_events(self.app.events)

    def _title_width(self) -> int:
        """Event titles get what the counts leave of the screen, 24 to 70 characters."""
        return max(24, min(70, self.size.width - 56))

    def index_progress(self, done: int, total: int, path: str) -> None:
        """Advance the bar; called by the App for every (coalesced) progress message."""
        self.query_one("#progress", ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#status", Static).update(Content(f"Indexing {done}/{total}: {path}"))

    def data_changed(self, what: str) -> None:
        """Refresh after the App's state changed ('articles', 'events' or 'failure')."""
        status = self.query_one("#status", Static)
        if what == "failure" and self.app.failure:
            status.update(Content(f"Index failed: {self.app.failure}"))
            self.query_one("#progress", ProgressBar).display = False
        elif what == "articles" and self.app.report is not None:
            line = self.app.report.summary_line()
            status.update(Content(f"{len(self.app.articles)} articles · {line} · grouping events…"))
            self.query_one("#progress", ProgressBar).update(total=1, progress=1)
        elif what == "events" and self.app.events is not None:
            self._fill_events(self.app.events)
            status.update(
                Content(
                    f"{len(self.app.events)} events from {len(self.app.articles)} "
                    "articles · Enter compares · a lists all articles"
                )
            )
            self.query_one("#progress", ProgressBar).display = False

    def _fill_events(self, events: list[Event]) -> None:
        table = self.query_one("#events", DataTable)
        keep = table.cursor_row
        table.clear()
        self._shown_width = width = self._title_width()
        for event in events:
            articles = self.app.articles_of(event)
            outlets = sorted({outlet(a.source, a.path) for a in articles})
            dates = date_range([date_only(a.published) for a in articles])
            shared, conflicts = self._counts(event)
            table.add_row(
                Text(one_line(event.title, width)),
                str(len(articles)),
                shared,
                conflicts,
                dates,
                Text(one_line(", ".join(outlets), 40)),
                key=event.id,
            )
        if events:
            table.focus()
            table.move_cursor(row=min(keep, len(events) - 1))
            self._fill_reports(events[min(keep, len(events) - 1)])

    def _counts(self, event: Event) -> tuple[str, str]:
        comparison = self.app.comparisons.get(event.id)
        if comparison is None:
            # Not compared yet (beyond the prefetched events, until the event is opened).
            return ("…", "…") if len(event.article_ids) > 1 else ("-", "-")
        shared, conflicts = CompareModel(self._undismissed(comparison)).counts()
        return str(shared), str(conflicts)

    def _undismissed(self, comparison: Comparison) -> Comparison:
        # The counts agree with the panes: a conflict the user dismissed as false is not counted.
        store = store_for(self.app)
        if store is None:
            return comparison
        return without_dismissed(comparison, store.dismissed(self.app.corpus))

    def comparison_ready(self, key: str, comparison: Comparison) -> None:
        """Fill in an event's link counts once its comparison is computed."""
        table = self.query_one("#events", DataTable)
        if key in table.rows:
            shared, conflicts = CompareModel(self._undismissed(comparison)).counts()
            table.update_cell(key, "shared", str(shared))
            table.update_cell(key, "conflicts", str(conflicts))

    def _fill_reports(self, event: Event) -> None:
        table = self.query_one("#reports", DataTable)
        table.clear()
        for article in self.app.articles_of(event):
            table.add_row(
                Text(outlet(article.source, article.path)),
                date_only(article.published),
                Text(one_line(article.title, 80)),
                key=article.id,
            )

    def _event(self, key: str | None) -> Event | None:
        return next((e for e in self.app.events or [] if e.id == key), None)

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        if message.data_table.id == "events":
            event = self._event(message.row_key.value)
            if event is not None:
                self._fill_reports(event)

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        if message.data_table.id == "events":
            event = self._event(message.row_key.value)
            if event is not None:
                self.app.open_event(event)
        else:
            article = self.app.by_id.get(message.row_key.value or "")
            if article is not None:
                self.app.open_article(article)

    def action_open_event(self) -> None:
        table = self.query_one("#events", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            event = self._event(key)
            if event is not None:
                self.app.open_event(event)
