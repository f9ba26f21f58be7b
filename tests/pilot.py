"""Helpers the Pilot tests share: wait for the app's workers, open screens, read the screen."""

from __future__ import annotations

import html
import re

from textual.widgets import DataTable

from tui_reader.app import NewsReaderApp
from tui_reader.screens.compare import CompareScreen
from tui_reader.screens.reader import ReaderScreen


async def settle(app: NewsReaderApp, pilot: object) -> None:
    """Wait until every worker (index, events, comparisons) has finished and messages landed."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]


async def open_first_event(app: NewsReaderApp, pilot: object) -> CompareScreen:
    await settle(app, pilot)
    table = app.screen.query_one("#events", DataTable)
    assert table.row_count == 2  # the harbour strike (3 reports) and the garden show
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def screen_text(app: NewsReaderApp) -> str:
    """Every text run of the rendered screen (from the SVG screenshot), spaces normalised."""
    svg = app.export_screenshot()
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg)
    return "".join(html.unescape(r).replace("\xa0", " ") for r in runs)


async def type_query(app: NewsReaderApp, pilot: object, text: str) -> None:
    await pilot.press(*text)  # type: ignore[attr-defined]
    await pilot.pause(0.35)  # type: ignore[attr-defined]  # past the 200 ms debounce
    await settle(app, pilot)


async def open_reader(app: NewsReaderApp, pilot: object, article_id: str) -> ReaderScreen:
    """Open the reader on one article, as the articles list does."""
    await settle(app, pilot)
    app.open_article(app.by_id[article_id])
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen
