"""Provides EventsScreen: the start screen, indexing progress, then events beside their reports."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Footer, ProgressBar, Static

from index import Event

from ..compare.model import CompareModel
from ..correcting import CorrectionKeys
from ..keymap import EVENTS_BINDINGS
from ..messages import (
    ArticlesChanged,
    ComparisonAdded,
    EventsChanged,
    IndexFailed,
    OpenArticle,
    OpenEvent,
    OpenFigures,
    ProgressChanged,
)
from ..state import AppState
from ..text import date_only, one_line, outlet


def date_range(dates: list[str]) -> str:
    """'2024-10-17' or '2024-10-17 – 2024-10-19' from the known dates; '' when none."""
    known = sorted(d for d in dates if d)
    if not known:
        return ""
    return known[0] if known[0] == known[-1] else f"{known[0]} – {known[-1]}"


CORRECTED = "✎"  # before the title of an event the reader merged, split or moved reports of


class EventsScreen(Screen[None]):
    """Usable at once: quit, help and the article list work while the index worker runs."""

    BINDINGS = EVENTS_BINDINGS

    _shown_width = 0  # the title width the table was last filled for

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.correcting = CorrectionKeys(self, state)

    def compose(self) -> ComposeResult:
        with Vertical(id="loading"):
            yield Static(Content(f"Indexing {self.state.corpus}"), id="status")
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
        # independent sources: copies of one report (wire copy, syndication) count once
        events.add_column("Sources", key="sources")
        events.add_column("Shared", key="shared")
        events.add_column("Conflicts", key="conflicts")
        events.add_column("Dates", key="dates")
        events.add_column("Outlets", key="outlets")
        reports = self.query_one("#reports", DataTable)
        reports.add_column("Outlet", key="outlet")
        reports.add_column("Date", key="date")
        reports.add_column("Title", key="title")
        # What happened before this screen was mounted (nothing, on a normal start).
        self._show_failure()
        self._show_articles()
        self._show_events()

    def on_screen_resume(self) -> None:
        # Back from a comparison: conflicts dismissed there no longer count here.
        if self.state.events is not None and self.query_one("#events", DataTable).row_count:
            self._fill_events(self.state.events)

    def on_resize(self, event: Resize) -> None:
        # Below 110 columns the reports list goes under the events instead of beside them.
        self.set_class(event.size.width < 110, "-narrow")
        width = self._title_width()
        if width != self._shown_width and self.state.events is not None:
            self._fill_events(self.state.events)

    def _title_width(self) -> int:
        """Event titles get what the counts leave of the screen, 24 to 70 characters."""
        return max(24, min(70, self.size.width - 65))

    def on_progress_changed(self, message: ProgressChanged) -> None:
        """Advance the bar (progress messages coalesce: only the newest is drawn)."""
        done, total = message.done, message.total
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
        if self.state.report is not None:
            line = self.state.report.summary_line()
            status = f"{len(self.state.articles)} articles · {line} · grouping events…"
            self.query_one("#status", Static).update(Content(status))
            self.query_one("#progress", ProgressBar).update(total=1, progress=1)

    def _show_events(self, focus: str | None = None) -> None:
        events = self.state.events
        if events is not None:
            self._fill_events(events, focus)
            corrected = len(self.state.corrected)
            by_you = f" ({corrected} {CORRECTED} corrected by you)" if corrected else ""
            self.query_one("#status", Static).update(
                Content(
                    f"{len(events)} events{by_you} from {len(self.state.articles)} "
                    "articles · Enter compares · a lists all articles"
                )
            )
            self.query_one("#progress", ProgressBar).display = False

    def _fill_events(self, events: list[Event], focus: str | None = None) -> None:
        table = self.query_one("#events", DataTable)
        keep = table.cursor_row
        if focus is not None:
            keep = next((k for k, e in enumerate(events) if e.id == focus), keep)
        table.clear()
        self._shown_width = width = self._title_width()
        for event in events:
            articles = self.state.articles_of(event)
            outlets = sorted({outlet(a.source, a.path) for a in articles})
            dates = date_range([date_only(a.published) for a in articles])
            sources, shared, conflicts = self._counts(event)
            # an event the reader corrected says so before its title
            mark = f"{CORRECTED} " if event.id in self.state.corrected else ""
            table.add_row(
                Text(mark + one_line(event.title, width - len(mark))),
                str(len(articles)),
                sources,
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

    def _counts(self, event: Event) -> tuple[str, str, str]:
        """(independent sources, shared links, conflicts) as the list shows them."""
        comparison = self.state.comparisons.get(event.id)
        if comparison is None:
            # Not compared yet (beyond the prefetched events, until the event is opened).
            return ("…", "…", "…") if len(event.article_ids) > 1 else ("1", "-", "-")
        # The counts agree with the panes: a conflict the user dismissed is not counted.
        model = CompareModel(self.state.undismissed(comparison))
        shared, conflicts = model.counts()
        return str(model.total_sources), str(shared), str(conflicts)

    def on_comparison_added(self, message: ComparisonAdded) -> None:
        """Fill in an event's link counts once its comparison is computed."""
        table = self.query_one("#events", DataTable)
        event = self.state.event(message.key)
        if message.key in table.rows and event is not None:
            sources, shared, conflicts = self._counts(event)
            table.update_cell(message.key, "sources", sources)
            table.update_cell(message.key, "shared", shared)
            table.update_cell(message.key, "conflicts", conflicts)

    def _fill_reports(self, event: Event) -> None:
        table = self.query_one("#reports", DataTable)
        table.clear()
        for article in self.state.articles_of(event):
            table.add_row(
                Text(outlet(article.source, article.path)),
                date_only(article.published),
                Text(one_line(article.title, 80)),
                key=article.id,
            )

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
