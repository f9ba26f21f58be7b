"""Helpers the Pilot tests share: wait for a condition or the app's workers, open screens, read the
screen. No fixed sleeps: every wait polls a predicate until it holds, with a generous timeout."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, OptionList

from tui_reader.app import NewsReaderApp
from tui_reader.screens.compare import CompareScreen
from tui_reader.screens.reader import ReaderScreen
from tui_reader.screens.search import SearchScreen

TIMEOUT = 60.0  # seconds: generous, for a loaded CI machine; a passing wait returns at once
POLL = 0.02  # seconds between two looks at the predicate (lets timers and workers run)


async def wait_until(
    pilot: Pilot[object], predicate: Callable[[], object], what: str = "", timeout: float = TIMEOUT
) -> None:
    """Let the app run until ``predicate()`` holds; fail naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what or predicate}")
        await pilot.pause(POLL)
    await pilot.pause()  # and let the messages the condition came with land


async def settle(app: App[object], pilot: Pilot[object]) -> None:
    """Wait until every worker (index, events, comparisons) has finished and messages landed."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def open_first_event(app: NewsReaderApp, pilot: Pilot[object]) -> CompareScreen:
    await settle(app, pilot)
    table = app.screen.query_one("#events", DataTable)
    assert table.row_count == 2  # the harbour strike (3 reports) and the garden show
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def screen_text(app: App[object]) -> str:
    """Every text run of the rendered screen (from the SVG screenshot), spaces normalised."""
    svg = app.export_screenshot()
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg)
    return "".join(html.unescape(r).replace("\xa0", " ") for r in runs)


S = TypeVar("S", bound=Screen[Any])


async def press_to(app: App[object], pilot: Pilot[object], key: str, kind: type[S]) -> S:
    """Press ``key`` and wait until a screen of ``kind`` is up; that screen."""
    await pilot.press(key)
    await wait_until(pilot, lambda: isinstance(app.screen, kind), kind.__name__)
    screen = app.screen
    assert isinstance(screen, kind)
    return screen


async def open_search(app: NewsReaderApp, pilot: Pilot[object]) -> SearchScreen:
    """Press / and wait until the search screen is up."""
    return await press_to(app, pilot, "slash", SearchScreen)


async def type_query(app: NewsReaderApp, pilot: Pilot[object], text: str) -> None:
    """Type into the search box, then wait until the query has run (past the debounce)."""
    await pilot.press(*text)
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    query = screen.query_one("#query").value  # type: ignore[attr-defined]
    await wait_until(pilot, lambda: screen.last_query == query, f"the query {query!r} to run")
    await settle(app, pilot)


async def run_palette_command(app: App[object], pilot: Pilot[object], text: str) -> None:
    """Open the command palette, type ``text`` and run the command it lists first."""
    await pilot.press("ctrl+p", *text)

    def listed() -> bool:
        palette = app.screen
        if not isinstance(palette, CommandPalette):
            return False
        options = palette.query_one(OptionList)
        if options.highlighted is None or not options.option_count:
            return False
        return text.lower() in str(options.get_option_at_index(0).prompt).lower()

    await wait_until(pilot, listed, f"the palette to list {text!r}")
    await pilot.press("enter")
    await wait_until(pilot, lambda: not isinstance(app.screen, CommandPalette), "the palette")


async def open_reader(app: NewsReaderApp, pilot: Pilot[object], article_id: str) -> ReaderScreen:
    """Open the reader on one article, as the articles list does."""
    await settle(app, pilot)
    app.open_article(app.state.by_id[article_id])
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen
