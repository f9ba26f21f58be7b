"""Pilot: issue 17's broken items: gutter width, events columns, list keys, help, one key per
action, marks panel after a resize, a click selects a passage, counted words."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, OptionList, Static

from index import Article
from tests.helpers import write_corpus
from tests.pilot import (
    open_first_event,
    open_search,
    press_to,
    screen_text,
    settle,
    type_query,
    wait_until,
)
from tui_reader.app import NewsReaderApp
from tui_reader.dialogs.help import HelpDialog
from tui_reader.keymap import GLOBAL_BINDINGS, as_bindings, screen_bindings
from tui_reader.screens.articles import ArticlesScreen
from tui_reader.screens.compare import CompareScreen
from tui_reader.screens.events import EventsScreen
from tui_reader.screens.reader import ReaderScreen
from tui_reader.screens.search import SearchScreen
from tui_reader.widgets import ArticlePane, BlockSpec, MarksPanel


class PaneApp(App[None]):
    """One compare pane whose labels count ten reports."""

    def compose(self) -> ComposeResult:
        article = Article("a", "a.md", "A title", "One. Two.", source="Outlet")
        specs = [
            BlockSpec("p0", 0, "One.", "conflict", "!7/10"),
            BlockSpec("p1", 5, "Two.", "shared", "=10/10"),
        ]
        yield ArticlePane(article, specs, classes="compare-pane")


async def test_gutter_fits_a_count_of_ten_and_more() -> None:
    app = PaneApp(css_path=str(Path(__file__).parents[2] / "tui_reader" / "app.tcss"))
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        pane = app.query_one(ArticlePane)
        for index, label in enumerate(("!7/10", "=10/10")):
            first = pane.paint_block(index)[0].text
            assert first.startswith(label), first  # whole on the block's first row, never cut
            assert first[len(label)] != "0"  # not '!7/1' then '0' on the next
        assert "!7/10" in screen_text(app) and "=10/10" in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 35), (140, 40), (200, 50)])
async def test_events_columns_fit_every_size(tmp_path: Path, size: tuple[int, int]) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EventsScreen)
        for table_id in ("#events", "#reports"):
            table = screen.query_one(table_id, DataTable)
            await wait_until(pilot, lambda t=table: t.columns, "columns")
            used = sum(c.get_render_width(table) for c in table.columns.values())
            assert used <= table.size.width, (table_id, used, table.size.width)
        events = screen.query_one("#events", DataTable)
        keys = [k.value for k in events.columns]
        assert keys[:6] == ["title", "reports", "sources", "shared", "conflicts", "dates"]
        if size[0] >= 140:  # room for the outlets too (at 80 they would squeeze the titles)
            assert "outlets" in keys, keys
        if size[0] == 80:
            assert "outlets" not in keys, keys
        assert events.columns[events.columns.__iter__().__next__()].width >= 20
        text = screen_text(app)
        for heading in ("Sources", "Shared", "Conflicts", "Dates"):
            assert heading in text
        reports = screen.query_one("#reports", DataTable)
        title = next(c for c in reports.columns.values() if c.key.value == "title")
        assert title.width >= 20


async def test_help_scrolls_with_j_k_g_and_lists_the_screen_first(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_event(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_dialog = app.screen
        assert isinstance(help_dialog, HelpDialog)
        body = help_dialog.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 0
        text = str(help_dialog.query_one("#help-text", Static).content)
        assert text.index("Compare") < text.index("Everywhere") < text.index("Events")
        await pilot.press("j", "j")
        await pilot.pause()
        assert body.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0


async def test_j_k_g_G_move_in_the_lists(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        events = app.screen.query_one("#events", DataTable)
        assert events.has_focus and events.cursor_row == 0
        await pilot.press("j")
        assert events.cursor_row == 1
        await pilot.press("k")
        assert events.cursor_row == 0
        await pilot.press("G")
        assert events.cursor_row == events.row_count - 1
        await pilot.press("g")
        assert events.cursor_row == 0
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        await type_query(app, pilot, "harbour")
        await pilot.press("enter")
        results = search.query_one("#results", OptionList)
        assert results.has_focus and results.highlighted == 0
        await pilot.press("j")
        assert results.highlighted == 1
        await pilot.press("G")
        last = results.highlighted
        assert last == results.option_count - 1 == 2
        await pilot.press("k")
        assert results.highlighted == 1
        await pilot.press("g")
        assert results.highlighted == 0


def test_no_screen_gives_a_global_key_another_meaning() -> None:
    from tui_reader.dialogs.help import SCREEN_SECTIONS

    assert SCREEN_SECTIONS
    global_keys = {
        key.strip(): b.action for b in as_bindings(GLOBAL_BINDINGS) for key in b.key.split(",")
    }
    for screen in (EventsScreen, CompareScreen, ReaderScreen, ArticlesScreen, SearchScreen):
        for binding in screen_bindings(screen):
            for key in binding.key.split(","):
                assert key.strip() not in global_keys, (screen.__name__, key, binding.action)


async def test_capital_a_and_e_go_to_articles_and_events(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await press_to(app, pilot, "A", ArticlesScreen)
        await press_to(app, pilot, "E", EventsScreen)


async def test_marks_panel_narrows_when_the_screen_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "data"))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("c", "m")
        await wait_until(pilot, lambda: screen.query_one_optional(MarksPanel), "the panel")
        await pilot.resize_terminal(80, 24)
        await wait_until(pilot, lambda: screen.size.width == 80, "the resize")
        await settle(app, pilot)
        panel = screen.query_one(MarksPanel)
        pane = screen.panes[screen.row.active]
        # as when the screen opened at 80 columns: the pane has the width, M shows the panel
        assert not panel.display
        assert pane.outer_size.width == 80
        await pilot.press("M")
        await pilot.pause()
        assert panel.display and panel.outer_size.width <= 80 * 0.4 + 1
        await pilot.resize_terminal(150, 40)
        await wait_until(pilot, lambda: screen.size.width == 150, "the resize")
        assert panel.display
        app.state.marks.close()


async def test_a_click_on_a_passage_selects_it(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        assert screen.current_view() is None
        right = screen.panes[1]
        block = right.blocks[1]
        top = right.rows.tops[1] - right.scroll_offset.y
        await pilot.click(right, offset=(12, top))
        await pilot.pause()
        assert screen.row.active == 1
        view = screen.current_view()
        assert view is not None and view.passage.id == block.key
        assert str(screen.query_one("#detail", Static).content) != ""


def test_counted_words() -> None:
    from tui_reader.text import counted

    assert counted(1, "event") == "1 event"
    assert counted(2, "report") == "2 reports"
    assert counted("1", "matching article") == "1 matching article"
    assert counted("35,000+", "matching article") == "35,000+ matching articles"


async def test_one_hit_is_one_matching_article_and_errors_stand_alone(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = await open_search(app, pilot)
        await type_query(app, pilot, "orchid")
        status = str(screen.query_one("#search-status", Static).content)
        assert status == "1 matching article"
        await pilot.press(*["backspace"] * 6)
        await type_query(app, pilot, '"unclosed')
        assert str(screen.query_one("#search-error", Static).content)
        assert "Type to search." not in screen_text(app)
