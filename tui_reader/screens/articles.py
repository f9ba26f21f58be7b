"""Provides ArticlesScreen: every article in a list beside a reader pane; Enter reads one alone."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import Worker

from index import Article

from ..keymap import ARTICLES_BINDINGS
from ..messages import ArticlesChanged, OpenArticle
from ..notices import report_failure
from ..reading import paragraphs
from ..state import AppState
from ..text import date_only, one_line, outlet
from ..widgets import BlockSpec, KeyFooter, ListTable, PreviewPane


class ArticlesScreen(Screen[None]):
    """Every indexed article: outlet, date, title, file."""

    BINDINGS = ARTICLES_BINDINGS

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state

    def compose(self) -> ComposeResult:
        yield Static("All articles", classes="screen-title", markup=False)
        with Horizontal(id="article-browser"):
            yield ListTable(id="articles", cursor_type="row", zebra_stripes=True)
            yield Vertical(id="preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Outlet", key="outlet")
        table.add_column("Date", key="date")
        table.add_column("Title", key="title")
        table.add_column("File", key="path")
        self._fill()
        table.focus()

    def on_articles_changed(self, _message: ArticlesChanged) -> None:
        self._fill()  # the index reported its articles (the list was opened while indexing)

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for a in self.state.articles:
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
        article = self.state.by_id.get(message.row_key.value or "")
        if article is not None and not self.has_class("-narrow"):
            self.run_worker(self._preview(article), exclusive=True, group="preview")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)  # the preview's mounting, should it fail

    async def _preview(self, article: Article) -> None:
        box = self.query_one("#preview", Vertical)
        await box.remove_children()
        specs = [
            BlockSpec(f"p{i}", s, article.body[s:e])
            for i, (s, e) in enumerate(paragraphs(article.body))
        ]
        await box.mount(PreviewPane(article, specs, id="preview-pane"))

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        article = self.state.by_id.get(message.row_key.value or "")
        if article is not None:
            self.post_message(OpenArticle(article))

    def action_read(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            article = self.state.by_id.get(key or "")
            if article is not None:
                self.post_message(OpenArticle(article))
