"""Fills the events screen's two tables (events, the highlighted event's reports) so every
column fits their width, and words its status line; the screen keeps the cursor and the keys."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable, ProgressBar, Static

from index import Event, EventFilter

from ..columns import Widths, date_range, fit
from ..compare.model import comparison_counts
from ..listing import Listed
from ..state import AppState
from ..text import counted, date_only, one_line, outlet, outlets_line

COUNTS = [
    len("Reports"),
    len("Sources"),
    len("Shared"),
    len("Conflicts"),
]  # the count columns' text widths
DATE = len("2024-10-17")
MAX_OUTLET = 24  # the reports table's outlet column at most
ROWS_AT_ONCE = 100  # events added to the list between two looks at the keys (~40 ms)
CORRECTED = "✎"  # before the title of an event the reader merged, split or moved reports of


@dataclass(frozen=True)
class EventRows:
    """The events list being filled: each event's fixed cells, and the columns' widths."""

    rows: list[tuple[Event, int, str, str]]  # event, reports, dates, outlets
    widths: Widths


def fill_events(
    table: DataTable[object], state: AppState, events: list[Event], width: int
) -> EventRows:
    """Clear ``table`` and give it columns that fit ``width`` (an Outlets column when there is
    room); ``add_events`` then adds the rows, keyed by event id, a part at a time."""
    rows = []
    for event in events:
        articles = state.articles_of(event)
        outlets = outlets_line(articles)
        dates = date_range([date_only(a.published) for a in articles])
        rows.append((event, len(articles), dates, outlets))
    dates_width = max([len("Dates"), *(len(r[2]) for r in rows)])
    longest = max((len(r[3]) for r in rows), default=0)
    widths = fit(width, [*COUNTS, dates_width], longest)
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
    return EventRows(rows, widths)


def add_events(
    table: DataTable[object], state: AppState, filling: EventRows, start: int, stop: int
) -> None:
    """Add rows ``start:stop`` of ``filling`` (their counts as compared now)."""
    widths = filling.widths
    for event, count, dates, outlets in filling.rows[start:stop]:
        sources, shared, conflicts = counts(state, event)
        # an event the reader corrected says so before its title
        mark = f"{CORRECTED} " if event.id in state.corrected else ""
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


class Filler:
    """Adds the events list's rows a part at a time. Adding a row costs Textual ~0.4 ms, and
    2,500 events froze the keys for a second: the rows up to the cursor's (a screenful at
    least) go in at once, the rest ROWS_AT_ONCE at a time, each part run by ``later`` (a
    screen's short timer, so keys and the table's own measuring run between two parts). A newer
    filling drops what is left of an older one."""

    def __init__(self, state: AppState, later: Callable[[Callable[[], None]], object]) -> None:
        self.state = state
        self.later = later
        self.generation = 0

    def fill(self, table: DataTable[object], filling: EventRows, first: int) -> None:
        """Add ``filling``'s rows to ``table``: at least its ``first`` ones now."""
        self.generation += 1
        self._add(table, filling, 0, max(ROWS_AT_ONCE, first), self.generation)

    def _add(
        self, table: DataTable[object], filling: EventRows, start: int, stop: int, generation: int
    ) -> None:
        if generation != self.generation:
            return
        add_events(table, self.state, filling, start, stop)
        # the rows live as long as the list: out of the collector's sight as they come (a 10k
        # first start's full collections walked their ~60,000 objects, 40-50 ms of the UI
        # thread's CPU each, doubled while the index's writers took both cores: keys waited
        # 100-150 ms). A freeze only moves the collector's lists: it costs nothing to repeat.
        gc.freeze()
        if stop < len(filling.rows):
            self.later(partial(self._add, table, filling, stop, stop + ROWS_AT_ONCE, generation))


def counts(state: AppState, event: Event) -> tuple[str, str, str]:
    """(independent sources, shared links, conflicts) as the list shows them."""
    comparison = state.comparisons.get(event.id)
    if comparison is None:
        # Not compared yet (beyond the prefetched events, until the event is opened).
        return ("…", "…", "…") if len(event.article_ids) > 1 else ("1", "-", "-")
    # The counts agree with the panes: a conflict the user dismissed is not counted.
    sources, shared, conflicts = comparison_counts(state.undismissed(comparison))
    return str(sources), str(shared), str(conflicts)


def fill_reports(table: DataTable[object], state: AppState, event: Event, width: int) -> None:
    """The event's reports: outlet, date and a title cut to fit ``width``."""
    articles = state.articles_of(event)
    names = [outlet(a.source, a.path) for a in articles]
    outlet_width = min(MAX_OUTLET, max([len("Outlet"), *map(len, names)]))
    title = fit(width, [outlet_width, DATE]).title
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


def status_line(
    state: AppState, shown: Listed, wanted: EventFilter, sort: str | None, counting: bool
) -> str:
    """How many events from how many articles, the filter and sort in force, the counting of
    conflicts while it runs, and the screen's main keys."""
    corrected = len(state.corrected)
    by_you = f" ({corrected} {CORRECTED} corrected by you)" if corrected else ""
    articles = counted(len(state.articles), "article")
    parts = [f"{counted(len(state.events or []), 'event')}{by_you} from {articles}"]
    if state.first_part is not None:  # listed while every article is grouped
        part, total = state.first_part
        events = counted(len(state.events or []), "event")
        parts[0] = f"{events} from the first {part:,} of {total:,} articles"
        parts.append("grouping all…")
    if wanted.text or sort:
        listed_part = f"{len(shown.events)} shown"
        if wanted.text:
            listed_part += f" · filter: {one_line(wanted.text, 60)}"
        if sort:
            listed_part += f" · sorted by {sort}"
        parts.append(listed_part)
    if counting:
        parts.append(f"counting conflicts {shown.compared}/{shown.comparable}")
    if state.indexing is not None:  # a first build indexes after the grouping: search waits
        done, total = state.indexing
        parts.append(f"indexing {done}/{total}" if total else "indexing")
    parts.append("Enter compares · f filters · S sorts · A lists all articles")
    return " · ".join(parts)


def show_status(
    status: Static,
    bar: ProgressBar,
    state: AppState,
    shown: Listed,
    view: tuple[EventFilter, str | None],
    counting: bool,
) -> None:
    """The status line (``view``: the filter and sort in force) and the bar under the listed
    events: conflicts counted, else the whole grouping running (no progress told), else the
    index being written; the bar is hidden when none of these runs."""
    status.update(Content(status_line(state, shown, view[0], view[1], counting)))
    indexing = state.indexing
    bar.display = counting or indexing is not None
    if counting:
        bar.update(total=shown.comparable, progress=shown.compared)
    elif state.first_part is not None:
        bar.update(total=None)
    elif indexing is not None:
        bar.update(total=max(indexing[1], 1), progress=indexing[0])
