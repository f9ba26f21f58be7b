"""Provides FiguresScreen: an event's figures and dates by slot, disputed first; Enter shows one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Static

from index import Article, Comparison, Event

from ..keymap import FIGURES_SCREEN_BINDINGS
from ..messages import ComparisonAdded, ComparisonFailed, ComparisonWanted, FiguresReady
from ..state import AppState
from ..text import one_line
from ..widgets import KeyFooter

if TYPE_CHECKING:
    from index import Fact, FigureRow, Figures, FigureValue

NATURE = {"conflict": ("!", "conflict"), "evolving": ("~", "differs over time"), "": ("", "")}


class FiguresScreen(Screen[None]):
    """One row per value of each slot: the slot (marked ! conflict, ~ differs over time), the
    value, 'n of m' independent sources and the outlets; the panel quotes the highlighted one."""

    BINDINGS = FIGURES_SCREEN_BINDINGS

    DEFAULT_CSS = """
    FiguresScreen #figures-title { height: 1; padding: 0 1; }
    FiguresScreen #figures { height: 1fr; }
    FiguresScreen #figures-detail {
        height: auto; max-height: 9; padding: 0 1; border-top: solid $primary;
    }
    """

    def __init__(
        self,
        state: AppState,
        key: str,
        articles: list[Article],
        event: Event | None,
        origin: Screen[object] | None = None,
    ) -> None:
        super().__init__()
        self.origin = origin  # the screen # was pressed on: Enter goes back to its panes
        self.state = state
        self.key = key
        self.event = event
        self.requested = articles
        self.figures: Figures | None = None
        self.cells: dict[str, tuple[FigureRow, FigureValue]] = {}
        self._shown_width = (0, 0, 0)

    def compose(self) -> ComposeResult:
        yield Static(self._title("reading the figures…"), id="figures-title")
        yield DataTable(id="figures", cursor_type="row", zebra_stripes=True)
        yield Static(Content(""), id="figures-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        cached = self.state.comparisons.get(self.key)
        if cached is not None:
            self._compute(cached)
        else:
            self.post_message(ComparisonWanted(self.key, self.requested, self.event))

    def on_comparison_added(self, message: ComparisonAdded) -> None:
        if message.key == self.key and self.figures is None:
            self._compute(self.state.comparisons[message.key])

    def on_comparison_failed(self, _message: ComparisonFailed) -> None:
        if self.figures is None:
            self.query_one("#figures-title", Static).update(self._title("comparison failed"))

    def _compute(self, comparison: Comparison) -> None:
        # The table is read from the (cached) comparison in a named thread worker: keys never
        # wait for it.
        from ..jobs import Jobs

        Jobs(self.app, self.state).figures(self.key, comparison, self)

    def on_figures_ready(self, message: FiguresReady) -> None:
        if message.key != self.key:
            return
        self.figures = message.figures
        self.query_one("#figures-title", Static).update(self._title(self._status()))
        self._fill()

    def _status(self) -> str:
        f = self.figures
        if f is None:
            return ""
        return f"{len(f.rows)} slots · {f.disputed} disputed · {f.sources} sources"

    def _title(self, status: str) -> Content:
        # The counts always show: the title gets what they leave of the line.
        room = max(10, self.size.width - len(status) - 13)
        title = one_line(self.event.title if self.event else "Chosen reports", room)
        return Content.assemble(("Figures: ", "bold"), (title, "bold"), "  ", (status, "dim"))

    # ---- the table ----

    def on_resize(self, event: Resize) -> None:
        if self.figures is not None and self._widths(event.size.width) != self._shown_width:
            self._fill()
            self.query_one("#figures-title", Static).update(self._title(self._status()))

    @staticmethod
    def _widths(width: int) -> tuple[int, int, int]:
        """(slot, value, outlets) column widths: the outlets get what the others leave (the
        cells' padding, the mark and the sources take 20 columns, a scrollbar 2)."""
        slot, value = (26, 18) if width >= 100 else (16, 14)
        return slot, value, max(16, width - 22 - slot - value)

    def _fill(self) -> None:
        assert self.figures is not None
        table = self.query_one("#figures", DataTable)
        keep = table.cursor_row
        table.clear(columns=True)
        self._shown_width = slot_width, value_width, outlets = self._widths(self.size.width)
        table.add_column("", key="mark", width=1)
        table.add_column("Slot", key="slot", width=slot_width)
        table.add_column("Value", key="value", width=value_width)
        table.add_column("Sources", key="sources", width=7)
        table.add_column("Outlets", key="outlets")
        self.cells = {}
        m = self.figures.sources
        for i, row in enumerate(self.figures.rows):
            symbol, _ = NATURE[row.nature]
            for j, value in enumerate(row.values):
                key = f"{i}:{j}"
                self.cells[key] = (row, value)
                style = "bold" if value.disputed else ""
                names = ", ".join(dict.fromkeys(one_line(o) for o in value.outlets))
                table.add_row(
                    Text(symbol if j == 0 else "", style="bold"),
                    Text(one_line(row.slot, slot_width) if j == 0 else "", style="bold"),
                    Text(one_line(value.value, value_width), style=style),
                    f"{value.sources} of {m}",
                    Text(one_line(names, outlets)),
                    key=key,
                )
        if not self.figures.rows:
            self.query_one("#figures-detail", Static).update(
                Content("No figure or date found in these reports.")
            )
            return
        table.focus()
        table.move_cursor(row=min(keep, table.row_count - 1))
        self._explain()

    def _current(self) -> tuple[FigureRow, FigureValue] | None:
        table = self.query_one("#figures", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.cells.get(key or "")

    def on_data_table_row_highlighted(self, _message: DataTable.RowHighlighted) -> None:
        self._explain()

    def _explain(self) -> None:
        """Quote each statement of the highlighted value, then why its slot is disputed."""
        current = self._current()
        detail = self.query_one("#figures-detail", Static)
        if current is None or self.figures is None:
            return
        row, value = current
        _, nature = NATURE[row.nature]
        width = max(20, self.size.width - 4)
        head = f"{row.slot}: {value.value}" + (f" · {nature}" if nature else "")
        lines = [Content.assemble((one_line(head, width), "bold"))]
        for k in range(len(value.facts)):
            lines.append(Content(one_line(self._statement(row.fact(value, k)), width)))
        for d in row.row.disputes:
            a, b = row.row.facts[d.a], row.row.facts[d.b]
            if value.value in (a.value, b.value):
                pair = f"{self._side(a)} vs {self._side(b)}"
                lines.append(Content.assemble(("≠ ", "bold"), one_line(pair, width - 2)))
        lines.append(Content("Enter: show it in the reports · Esc: back"))
        detail.update(Content("\n").join(lines[:8]))

    def _outlet(self, article_id: str) -> str:
        article = self.state.by_id.get(article_id)
        return one_line(article.source if article and article.source else article_id)

    def _statement(self, fact: Fact) -> str:
        where = " (headline)" if fact.span.in_title else ""
        return f"{self._outlet(fact.span.article_id)}{where}: “{fact.span.text}”"

    def _side(self, fact: Fact) -> str:
        return f"“{fact.span.text}” ({self._outlet(fact.span.article_id)})"

    # ---- keys ----

    def action_open_figure(self) -> None:
        """Open the compare panes on the highlighted value's first statement, its words marked."""
        current = self._current()
        if current is None:
            return
        row, value = current
        span = row.fact(value).span
        from .compare import CompareScreen

        below = self.origin
        if isinstance(below, CompareScreen) and below.key == self.key:
            self.app.pop_screen()
            below.focus_fact(span)
            return
        screen = CompareScreen(self.state, self.key, self.requested, self.event)
        screen.focus_fact(span)
        self.app.push_screen(screen)

    def on_data_table_row_selected(self, _message: DataTable.RowSelected) -> None:
        self.action_open_figure()
