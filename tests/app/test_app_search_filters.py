"""Pilot: search filter fields (conflict:, only:, shared:, event:) in the search screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.helpers import GAZETTE, write_corpus
from tests.pilot import (
    open_first_event,
    open_search,
    run_palette_command,
    settle,
    type_query,
    wait_until,
)
from tui_reader.app import NewsReaderApp
from tui_reader.screens.reader import ReaderScreen
from tui_reader.screens.search import SearchScreen

HERALD, ISLAND = "harbour/coast-herald.md", "harbour/island-post.md"


async def test_conflict_filter_finds_the_passages_and_opens_them(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = await open_search(app, pilot)
        await type_query(app, pilot, "conflict:number")
        assert {hit.id for hit in screen.hits} == {GAZETTE, HERALD}
        status = str(screen.query_one("#search-status", Static).render())
        assert "2 matching articles" in status
        assert str(screen.query_one("#search-error", Static).render()) == ""
        await pilot.press("enter")  # to the results, then open the first
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        start, end = reader.current_hit or (0, 0)
        assert "workers joined the strike" in reader.article.body[start:end]


async def test_filters_with_words_and_a_bad_filter(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = await open_search(app, pilot)
        await type_query(app, pilot, "sign only:island")
        assert [hit.id for hit in screen.hits] == [ISLAND]
        screen.query_one(Input).value = ""
        await type_query(app, pilot, "shared:>=3 sato")
        assert {hit.id for hit in screen.hits} == {GAZETTE, HERALD, ISLAND}
        screen.query_one(Input).value = ""
        await type_query(app, pilot, "conflict:rumour")
        error = str(screen.query_one("#search-error", Static).render())
        assert "no conflict type" in error


async def test_palette_searches_conflicts_and_this_event(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "passages in a conflict")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.query_one(Input).value == "conflict:any "
        await wait_until(pilot, lambda: len(screen.hits) == 2, "the conflicting reports")
        await pilot.press("escape")
        await pilot.press("enter")  # the first event (the harbour strike) compared
        await settle(app, pilot)
        event = app.state.events[0]  # type: ignore[index]
        await run_palette_command(app, pilot, "search this event")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.query_one(Input).value == f"event:{event.id} "
        await wait_until(pilot, lambda: len(screen.hits) == 3, "the event's reports")


async def test_a_dismissed_conflict_is_no_longer_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "data"))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        assert screen.model is not None and screen.model.counts()[1] == 1
        await pilot.press("c", "x")  # the harbour strike's one conflict, dismissed as false
        await settle(app, pilot)
        assert screen.model.counts()[1] == 0
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        await type_query(app, pilot, "conflict:number")
        assert search.hits == []
        status = str(search.query_one("#search-status", Static).render())
        assert status.startswith("0 ")
        app.state.marks.close()
