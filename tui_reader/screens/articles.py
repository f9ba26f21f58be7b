"""Provides ArticlesScreen: a flat list of every article; Enter reads one alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ..text import date_only, one_line, outlet

if TYPE_CHECKING:
    from ..app import NewsReaderApp


class ArticlesScreen(Screen[None]):
    """Every indexed article: outlet, date, title, file."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("enter", "read", "Read", id="read"),
    ]

    app: NewsReaderApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        yield Static("All articles", classes="screen-title", markup=False)
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Outlet", key="outlet")
        table.add_column("Date", key="date")
        table.add_column("Title", key="title")
        table.add_column("File", key="path")
        self.data_changed("articles")
        table.focus()

    def data_changed(self, what: str) -> None:
        """Refill when the index reports its articles."""
        if what != "articles":
            return
        table = self.query_one(DataTable)
        table.clear()
        for a in self.app.articles:
            table.add_row(Text(outlet(a.source, a.path)), date_only(a.published),
                          Text(one_line(a.title, 70)), Text(one_line(a.path, 40)), key=a.id)

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        article = self.app.by_id.get(message.row_key.value or "")
        if article is not None:
            self.app.open_article(article)

    def action_read(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            article = self.app.by_id.get(key or "")
            if article is not None:
                self.app.open_article(article)
