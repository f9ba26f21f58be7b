"""Pilot: '/' searches as you type, shows query errors inline, opens a hit, n/N walk the hits."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from tests.helpers import write_corpus
from tests.pilot import open_search, settle, type_query
from tui_reader.app import NewsReaderApp
from tui_reader.screens.reader import ReaderScreen
from tui_reader.screens.search import SearchScreen
from tui_reader.widgets import ArticlePane


async def test_search_open_and_walk_hits(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = await open_search(app, pilot)
        await type_query(app, pilot, "harbour")
        assert len(screen.hits) == 3
        results = screen.query_one(OptionList)
        assert results.option_count == 3
        hit = screen.hits[0]
        await pilot.press("down", "enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.article.id == hit.id
        first = reader.current_hit
        assert first is not None
        assert reader.article.body[first[0] : first[1]].lower().startswith("harbour")
        # Every hit is marked in its block, the current one differently.
        pane = reader.query_one(ArticlePane)
        names = [n for b in pane.blocks for (_s, _e, n) in b.spans]
        assert names.count("pane--match-current") == 1
        assert len(names) == len(hit.matches)
        assert len(hit.matches) >= 2  # "harbour" twice in every harbour report
        await pilot.press("n")
        assert reader.current_hit == tuple(sorted(hit.matches))[1]
        await pilot.press("N")
        assert reader.current_hit == first
        # '/' from the reader goes back to the same search, query and results kept.
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen is screen
        assert len(screen.hits) == 3 and screen.query_one(Input).value == "harbour"


async def test_malformed_query_shows_error_inline(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        await type_query(app, pilot, '"unclosed')
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        error = str(screen.query_one("#search-error", Static).content)
        assert "unclosed" in error and "quote" in error
        assert app.is_running
        # Fixing the query clears the error and shows results.
        await type_query(app, pilot, '"')
        assert str(screen.query_one("#search-error", Static).content) == ""
