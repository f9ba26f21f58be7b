"""Acceptance: the marks panel leaves the key bar whole and the text room, at 80x24 too."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Footer

from tests.helpers import GAZETTE, write_corpus
from tests.pilot import open_reader
from tui_reader.app import NewsReaderApp
from tui_reader.widgets.marks_panel import MarksPanel


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_marks_panel_does_not_cover_the_footer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "data"))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=size) as pilot:
        reader = await open_reader(app, pilot, GAZETTE)
        await pilot.press("right_parenthesis", "m")
        await pilot.pause()
        if reader.query_one_optional(MarksPanel) is None:  # narrow: the panel waits for M
            await pilot.press("M")
            await pilot.pause()
        panel = reader.query_one(MarksPanel)
        assert panel.display and panel.region.width > 0
        footer = reader.query_one(Footer)
        width, height = size
        # every cell of the key bar is the footer's, none the panel's
        for x in (0, width // 2, width - 2):
            widget, _ = reader.get_widget_at(x, height - 1)
            assert widget is footer or footer in widget.ancestors, (x, widget)
        # the text keeps most of a narrow screen
        assert panel.outer_size.width <= width * 0.4 + 1
        app.state.marks.close()


async def test_keyboard_reaches_the_marks_list_in_compare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tab moves between panes there, so M is the keyboard's way into the list of marks."""
    from textual.widgets import OptionList

    from tests.pilot import open_first_event
    from tui_reader.widgets.article_pane import ArticlePane

    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "data"))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("c", "m")
        await pilot.pause()
        marked = screen.current_view()
        screen.panes[screen.row.active].set_current(0)
        await pilot.pause()
        assert screen.current_view() != marked
        options = screen.query_one(MarksPanel).query_one(OptionList)
        await pilot.press("M")  # the panel is shown: M puts the keyboard in its list
        await pilot.pause()
        assert options.has_focus
        await pilot.press("enter")  # jump to the mark, keyboard back in the text
        await pilot.pause()
        assert screen.current_view() == marked
        assert isinstance(app.focused, ArticlePane)
        await pilot.press("M", "M")  # into the list, then hide it: the text has the keys again
        await pilot.pause()
        assert not screen.query_one(MarksPanel).display
        assert isinstance(app.focused, ArticlePane)
        await pilot.press("M")  # shown again, and focused
        await pilot.pause()
        assert screen.query_one(MarksPanel).display and options.has_focus
        app.state.marks.close()


async def test_palette_has_one_keys_entry_and_it_is_ours(tmp_path: Path) -> None:
    """Textual's own "Keys" (a side panel that squeezes the panes) doubled newsreader's "Keys"."""
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Keys" not in titles and "Theme" not in titles and "Quit" not in titles
        assert "Screenshot" in titles  # the rest of Textual's commands stay


async def test_escape_in_the_marks_list_returns_to_the_text_not_the_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import OptionList

    from tests.pilot import open_first_event
    from tui_reader.screens.compare import CompareScreen
    from tui_reader.widgets.article_pane import ArticlePane

    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "data"))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("c", "m", "M")
        await pilot.pause()
        assert screen.query_one(MarksPanel).query_one(OptionList).has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and isinstance(screen, CompareScreen)
        assert isinstance(app.focused, ArticlePane)
        await pilot.press("escape")  # from the text, Esc still goes back to the events
        await pilot.pause()
        assert app.screen is not screen
        app.state.marks.close()


async def test_at_80_columns_the_panel_waits_for_m(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A narrow screen keeps its width for the text; the gutter stars show the marks."""
    from textual.widgets import OptionList

    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "data"))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await open_reader(app, pilot, GAZETTE)
        await pilot.press("right_parenthesis", "m")
        await pilot.pause()
        panel = reader.query_one_optional(MarksPanel)
        assert panel is None or not panel.display
        assert any(b.marked for b in reader.pane.blocks)
        await pilot.press("M")  # the first M shows the list, with the keys in it
        await pilot.pause()
        panel = reader.query_one(MarksPanel)
        assert panel.display and panel.query_one(OptionList).has_focus
        await pilot.press("M")
        await pilot.pause()
        assert not panel.display
        app.state.marks.close()


def test_help_says_how_to_leave_the_marks_list() -> None:
    from tui_reader.dialogs.help import help_sections

    for title in ("Marks (compare)", "Marks (reader)"):
        assert ("Esc", "In the marks panel: back to the text") in dict(help_sections())[title]
