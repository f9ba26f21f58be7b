"""Provides ArticlesScreen: every article in a list beside a reader pane; Enter reads one alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from index import Article

from ..text import date_only, one_line, outlet
from ..widgets import ArticlePane, BlockSpec
from .reader import paragraphs

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
        with Horizontal(id="article-browser"):
            yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
            yield Vertical(id="preview")
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
            table.add_row(
                Text(outlet(a.source, a.path)),
                date_only(a.published),
                Text(one_line(a.title, 70)),
                Text(one_line(a.path, 40)),
                key=a.id,
            )

    def on_resize(self, event: Resize) -> None:
        # The reader pane beside the list only when there is room for both.
        self.set_class(event.size.width < 110, "-narrow")

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        article = self.app.by_id.get(message.row_key.value or "")
        if article is not None and not self.has_class("-narrow"):
            self.run_worker(self._preview(article), exclusive=True, group="preview")

    async def _preview(self, article: Article) -> None:
        box = self.query_one("#preview", Vertical)
        await box.remove_children()
        specs = [
            BlockSpec(f"p{i}", s, article.body[s:e])
            for i, (s, e) in enumerate(paragraphs(article.body))
        ]
        await box.mount(ArticlePane(article, specs, id="preview-pane"))

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
