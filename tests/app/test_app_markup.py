"""Pilot: untrusted titles, outlets and text show literally ("[Reuters]", "[bold]", "[/]")."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList

from tests.helpers import write_corpus
from tests.pilot import open_first_event, screen_text, settle, type_query, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.text import clean, neutralize


async def test_brackets_survive_on_screen(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        assert "[Reuters]" in screen_text(app)  # the reports list beside the events
        await open_first_event(app, pilot)
        text = screen_text(app)
        assert "[Reuters]" in text
        assert "[bold]for two days[/]" in text
        assert "[@click=app.quit]" in text
        assert app.is_running


async def test_search_snippets_and_palette_are_literal(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_query(app, pilot, "printed")
        assert "[@click=app.quit]" in screen_text(app)
        await pilot.press("escape", "ctrl+p", *"Ferry strike")

        def prompts() -> list[str]:
            palette = app.screen
            if not isinstance(palette, CommandPalette):
                return []
            options = palette.query_one(OptionList)
            return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

        await wait_until(
            pilot,
            lambda: any("Open event: Ferry strike" in p for p in prompts()),
            "the palette to list the event",
        )
        wanted = "[bold]for two days[/]"  # the title's brackets, shown as typed, not as markup
        assert any("Open event: Ferry strike" in p and wanted in p for p in prompts())


def test_neutralize_keeps_offsets_and_drops_escapes() -> None:
    text = "a\x1b[31mred b"
    safe = neutralize(text)
    assert len(safe) == len(text) and "\x1b" not in safe
    assert safe.index("red") == text.index("red")


def test_clean_strips_terminal_controls() -> None:
    assert clean("a\x1b[31mred\x1b[0m b\x07\x1b]0;title\x07c") == "ared bc"
    assert clean("keep\ttabs\nand lines") == "keep\ttabs\nand lines"
