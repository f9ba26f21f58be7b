"""Provides EventsScreen: the start screen, indexing progress, then events beside their reports."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Footer, ProgressBar, Static

from index import Event, EventFilter, NewsreaderError

from ..columns import date_range, fit
from ..compare.model import CompareModel
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
from ..text import counted, date_only, one_line, outlet
from ..widgets.filter_bar import FilterBar
from ..widgets.lists import ListTable

WIDE = 160  # columns from which the reports list goes beside the events instead of under them
COUNTS = [
    len("Reports"),
    len("Sources"),
    len("Shared"),
    len("Conflicts"),
]  # the count columns' text widths
DATE = len("2024-10-17")
MAX_OUTLET = 24  # the reports table's outlet column at most


CORRECTED = "✎"  # before the title of an event the reader merged, split or moved reports of


class EventsScreen(Screen[None]):
    """Usable at once: quit, help and the article list work while the index worker runs."""

    BINDINGS = EVENTS_BINDINGS
    AUTO_FOCUS = "#events"  # not the (hidden) filter input, first in the DOM

    _shown: tuple[int, int] = (0, 0)  # the table widths the lists were last filled for

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.correcting = CorrectionKeys(self, state)
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
        yield Footer()

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
            status = f"{counted(len(self.state.articles), 'article')} · {line} · grouping events…"
            self.query_one("#status", Static).update(Content(status))
            self.query_one("#progress", ProgressBar).update(total=1, progress=1)

    def _show_events(self, focus: str | None = None) -> None:
        if self.state.events is not None:
            self._fill_events(focus)
            self._show_status()

    def _show_status(self) -> None:
        shown, total = self.shown, len(self.state.events or [])
        counting = self._needs_conflicts() and shown.compared < shown.comparable
        bar = self.query_one("#progress", ProgressBar)
        bar.display = counting
        if counting:
            bar.update(total=shown.comparable, progress=shown.compared)
        corrected = len(self.state.corrected)
        by_you = f" ({corrected} {CORRECTED} corrected by you)" if corrected else ""
        articles = counted(len(self.state.articles), "article")
        parts = [f"{counted(total, 'event')}{by_you} from {articles}"]
        if self.wanted.text or self.sort:
            listed_part = f"{len(shown.events)} shown"
            if self.wanted.text:
                listed_part += f" · filter: {one_line(self.wanted.text, 60)}"
            if self.sort:
                listed_part += f" · sorted by {self.sort}"
            parts.append(listed_part)
        if counting:
            parts.append(f"counting conflicts {shown.compared}/{shown.comparable}")
        parts.append("Enter compares · f filters · S sorts · A lists all articles")
        self.query_one("#status", Static).update(Content(" · ".join(parts)))

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
        rows = []
        for event in events:
            articles = self.state.articles_of(event)
            outlets = ", ".join(sorted({outlet(a.source, a.path) for a in articles}))
            dates = date_range([date_only(a.published) for a in articles])
            rows.append((event, len(articles), dates, outlets))
        dates_width = max([len("Dates"), *(len(r[2]) for r in rows)])
        longest = max((len(r[3]) for r in rows), default=0)
        widths = fit(self._shown[0], [*COUNTS, dates_width], longest)
        table.clear(columns=True)
        # What a reader scans first comes first; every column fits the table's width.
        table.add_column("Event", key="title", width=widths.title)
        table.add_column("Reports", key="reports", width=COUNTS[0])
        # independent sources: copies of one report (wire copy, syndication) count once
        table.add_column("Sources", key="sources", width=COUNTS[1])
        table.add_column("Shared", key="shared", width=COUNTS[2])
        table.add_column("Conflicts", key="conflicts", width=COUNTS[3])
        table.add_column("Dates", key="dates", width=dates_width)
        if widths.outlets:
            table.add_column("Outlets", key="outlets", width=widths.outlets)
        for event, count, dates, outlets in rows:
            sources, shared, conflicts = self._counts(event)
            # an event the reader corrected says so before its title
            mark = f"{CORRECTED} " if event.id in self.state.corrected else ""
            cells: list[object] = [
                Text(mark + one_line(event.title, widths.title - len(mark))),
                str(count),
                sources,
                shared,
                conflicts,
                dates,
            ]
            if widths.outlets:
                cells.append(Text(one_line(outlets, widths.outlets)))
            table.add_row(*cells, key=event.id)
        if events:
            ids = [e.id for e in events]
            # the same event stays under the cursor when the order or the filter changed
            row = ids.index(before) if before in ids else min(keep, len(events) - 1)
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
        if self._needs_conflicts() and self.state.events is not None:
            self._show_events()  # the filter or the order may change with each count
            return
        table = self.query_one("#events", DataTable)
        event = self.state.event(message.key)
        if message.key in table.rows and event is not None and table.columns:
            sources, shared, conflicts = self._counts(event)
            table.update_cell(message.key, "sources", sources)
            table.update_cell(message.key, "shared", shared)
            table.update_cell(message.key, "conflicts", conflicts)

    def _fill_reports(self, event: Event) -> None:
        table = self.query_one("#reports", DataTable)
        articles = self.state.articles_of(event)
        names = [outlet(a.source, a.path) for a in articles]
        outlet_width = min(MAX_OUTLET, max([len("Outlet"), *map(len, names)]))
        title = fit(self._shown[1], [outlet_width, DATE]).title
        table.clear(columns=True)
        table.add_column("Outlet", key="outlet", width=outlet_width)
        table.add_column("Date", key="date", width=DATE)
        table.add_column("Title", key="title", width=title)
        for article, name in zip(articles, names, strict=True):
            table.add_row(
                Text(one_line(name, outlet_width)),
                date_only(article.published),
                Text(one_line(article.title, title)),
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
