"""Pilot: the events list (reports, outlets, dates, link counts), its reports, and the reader."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tests.helpers import write_corpus
from tests.pilot import press_to, settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.screens.articles import ArticlesScreen
from tui_reader.screens.reader import ReaderScreen
from tui_reader.widgets import ArticlePane


def cells(table: DataTable, row: int) -> list[str]:
    return [str(c) for c in table.get_row_at(row)]


async def test_events_list_with_counts_and_reports(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(200, 36)) as pilot:  # wide enough for the Outlets column
        await settle(app, pilot)
        events = app.screen.query_one("#events", DataTable)
        title, reports, sources, shared, conflicts, dates, outlets = cells(events, 0)
        assert title.startswith("Ferry strike closes Lindqvist harbour")
        assert reports == "3" and sources == "3"  # three outlets, none copying another
        # as many outlets as the column holds (the reports list beside names each)
        assert outlets.startswith("Coast Her")
        assert dates == "2025-03-04 – 05"  # the end drops the year and month it shares
        # Link counts come from the background comparison, and agree with it.
        comparison = app.state.comparisons[app.state.events[0].id]  # type: ignore[index]
        n_conflicts = sum(1 for link in comparison.links if link.conflicts)
        assert (shared, conflicts) == (str(len(comparison.links) - n_conflicts), str(n_conflicts))
        assert n_conflicts >= 1
        assert cells(events, 1)[2:5] == ["1", "-", "-"]  # a single report has nothing to link
        side = app.screen.query_one("#reports", DataTable)
        assert side.row_count == 3
        await pilot.press("down")
        await pilot.pause()
        assert side.row_count == 1 and "Valley Times" in cells(side, 0)[0]
        # Tab to the reports of the event, Enter reads the report alone.
        await pilot.press("tab", "enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.article.id == "garden/show.md"
        pane = reader.query_one(ArticlePane)
        assert len(pane.blocks) == 3  # one block per paragraph


async def test_article_list_opens_reader(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await press_to(app, pilot, "A", ArticlesScreen)
        await pilot.press("down")
        await settle(app, pilot)
        # The reader pane beside the list follows the highlighted row.
        preview = app.screen.query_one("#preview-pane", ArticlePane)
        assert preview.article.id == app.state.articles[1].id
        assert preview.blocks
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.article.id == app.state.articles[1].id
        await press_to(app, pilot, "escape", ArticlesScreen)


async def test_narrow_events_list_keeps_counts_on_screen(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        events = app.screen.query_one("#events", DataTable)
        title = cells(events, 0)[0]
        assert title.endswith("…")
        # Every column fits in 80 columns (tests/app/test_app_ux_fixes.py checks every size).
        shown = sum(column.get_render_width(events) for column in events.columns.values())
        assert shown <= 80
        await pilot.resize_terminal(150, 36)  # the list still over the reports, the whole width
        await wait_until(pilot, lambda: "[bold]" in cells(events, 0)[0], "a wider title")
        # the title's markup is text, not styling
        assert cells(events, 0)[0].startswith("Ferry strike closes Lindqvist harbour [bold]")
