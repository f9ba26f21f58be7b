"""Pilot: the help modal lists every key, the command palette runs actions, sync scrolling."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import SelectionList

from tests.helpers import write_corpus
from tests.pilot import (
    open_first_event,
    press_to,
    run_palette_command,
    screen_text,
    settle,
    wait_until,
)
from tui_reader.app import NewsReaderApp
from tui_reader.dialogs.help import HelpDialog, help_sections
from tui_reader.dialogs.pick import PickDialog
from tui_reader.screens.compare import CompareScreen
from tui_reader.screens.events import EventsScreen


def test_help_sections_cover_every_binding() -> None:
    sections = dict(help_sections())
    compare_keys = " ".join(k for k, _d in sections["Compare"])
    for key in ("n", "N", "c", "C", "u", "s", "d", "[", "]", "+", "-", "Enter", "Tab", "h", "l"):
        assert f" {key} " in f" {compare_keys.replace(' / ', ' ')} ", key
    assert any("Quit" in d for _k, d in sections["Everywhere"])


async def test_help_modal_opens_and_closes(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await press_to(app, pilot, "question_mark", HelpDialog)
        assert "Switch list" in screen_text(app)  # the events screen's own keys come first
        for _ in range(60):  # the other screens' keys below them, j scrolling to them
            if "Next conflict" in screen_text(app):
                break
            await pilot.press("j")
        assert "Next conflict" in screen_text(app)
        await press_to(app, pilot, "escape", EventsScreen)


async def test_help_is_kept_per_screen_opens_at_its_top_and_hides_the_screen_beneath(
    tmp_path: Path,
) -> None:
    """Opened again, the help is the same laid-out screen (not composed and wrapped afresh),
    from its top; it is opaque, so Textual draws nothing of the (maybe long) screen under it."""
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        first = await press_to(app, pilot, "question_mark", HelpDialog)
        assert first.styles.background.a == 1  # Screen.render: a blank, not the screen beneath
        await pilot.press("G")
        await wait_until(pilot, lambda: "Switch list" not in screen_text(app), "scrolled")
        await press_to(app, pilot, "escape", EventsScreen)
        again = await press_to(app, pilot, "question_mark", HelpDialog)
        assert again is first
        await wait_until(pilot, lambda: "Switch list" in screen_text(app), "at its top again")


async def test_palette_opens_event_and_compares_chosen(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Open event: Orchid")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.event is not None and screen.event.title.startswith("Orchid")
        await pilot.press("escape")
        await run_palette_command(app, pilot, "Compare two chosen")
        assert isinstance(app.screen, PickDialog)
        picker = app.screen.query_one(SelectionList)
        picker.select(0)
        picker.select(3)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.event is None
        assert sorted(screen.row.shown) == sorted(
            [app.state.articles[0].id, app.state.articles[3].id]
        )


async def test_sync_scrolling_follows_the_active_pane(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 12)) as pilot:  # short, so the panes scroll
        screen = await open_first_event(app, pilot)
        left, right = screen.panes
        assert left.max_scroll_y > 0 and right.max_scroll_y > 0
        await pilot.press("s")
        assert screen.row.sync
        left.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        await pilot.pause()
        assert right.scroll_y == right.max_scroll_y
        await pilot.press("s")
        left.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        assert right.scroll_y == right.max_scroll_y  # sync off: the right pane stays


async def test_light_theme_renders_marks(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("c")
        app.theme = "textual-light"
        await pilot.pause()
        pane = screen.panes[screen.row.active]
        block = pane.blocks[pane.current]
        words = [block.text[s:e] for s, e, name in block.spans if name == "pane--conflict"]
        assert words
        painted = [s for strip in pane.paint_block(pane.current) for s in strip]
        styled = [s for s in painted if s.text.strip() and any(s.text in w for w in words)]
        assert styled and all(s.style and s.style.underline for s in styled)  # from the CSS
        assert "410" in screen_text(app) or "240" in screen_text(app)


async def test_palette_offers_the_screens_actions(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        await run_palette_command(app, pilot, "Compare: Next conflict")
        assert app.screen is screen
        view = screen.current_view()
        assert view is not None and view.kind == "conflict"


async def test_help_names_the_config_file_and_each_actions_id(tmp_path: Path) -> None:
    from tui_reader.config import config_path

    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        help_dialog = await press_to(app, pilot, "question_mark", HelpDialog)
        text = str(help_dialog.query_one("#help-text").render())
        assert str(config_path()) in text  # where the settings are
        assert "newsreader config --path" in text and "[keys]" in text
        assert "Next conflict  [next-conflict]" in text  # each key with the id [keys] re-binds
        assert "Filter  [filter-events]" in text
        await pilot.press("G")  # the Settings section is on screen at the end
        await wait_until(pilot, lambda: "newsreader config --path" in screen_text(app), "Settings")
