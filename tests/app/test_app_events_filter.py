"""Pilot: the events list filters (f, a typed filter as in newsreader events --filter) and sorts
(S); conflicts are counted in the background, the list filling in as they land."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from tests.helpers import write_corpus
from tests.pilot import screen_text, settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.screens.events import EventsScreen


def titles(screen: EventsScreen) -> list[str]:
    table = screen.query_one("#events", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_filter_and_sort_the_events(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EventsScreen)
        assert len(titles(screen)) == 2
        await pilot.press("f")
        await pilot.pause()
        box = screen.query_one("#filter", Input)
        assert box.has_focus
        await pilot.press(*"outlet:valley", "enter")
        await pilot.pause()
        assert [t[:6] for t in titles(screen)] == ["Orchid"]
        assert "filter: outlet:valley" in screen_text(app)
        # a bad term: one line under the input, which keeps the typed text
        await pilot.press("f")
        await pilot.pause()
        assert box.value == "outlet:valley"  # the filter in force, to edit
        await pilot.press("ctrl+u", *"conflict:colour", "enter")
        await pilot.pause()
        error = str(screen.query_one("#filter-error", Static).content)
        assert "no conflict type 'colour'" in error
        assert box.value == "conflict:colour" and box.has_focus
        assert [t[:6] for t in titles(screen)] == ["Orchid"]  # the last good filter holds
        # conflicts: every comparison is counted in a worker, then the list is filtered
        await pilot.press("ctrl+u", *"conflict:number", "enter")
        await settle(app, pilot)
        assert [t[:5] for t in titles(screen)] == ["Ferry"]
        assert str(screen.query_one("#filter-error", Static).content) == ""
        # sorting by title puts the orchid show after the ferry strike; S cycles
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("ctrl+u", "enter")
        await pilot.pause()
        assert len(titles(screen)) == 2
        orders = []
        for _ in range(4):
            await pilot.press("S")
            await settle(app, pilot)
            orders.append(screen.sort)
        assert orders == ["conflicts", "reports", "date", "title"]
        assert [t[:5] for t in titles(screen)] == ["Ferry", "Orchi"]
        await pilot.press("S")  # back to the grouping's own order
        await wait_until(pilot, lambda: screen.sort is None)
        await pilot.press("S", "S", "S")  # date: the orchid show (April) is newer
        await pilot.pause()
        assert screen.sort == "date"
        assert [t[:5] for t in titles(screen)] == ["Orchi", "Ferry"]


async def test_a_filter_typed_before_the_events_are_grouped_applies_once_they_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index

    gate, grouping = threading.Event(), threading.Event()
    real = index.cached_group_events

    def held(articles: list[index.Article]) -> list[index.Event]:
        grouping.set()
        gate.wait(120)  # the first open: grouping takes a while; the user types meanwhile
        return real(articles)

    monkeypatch.setattr(index, "cached_group_events", held)
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, grouping.is_set, "the grouping started")
            screen = app.screen
            assert isinstance(screen, EventsScreen) and app.state.events is None
            await pilot.press("f")
            box = screen.query_one("#filter", Input)
            await wait_until(pilot, lambda: box.has_focus, "the filter input")
            await pilot.press(*"outlet:valley", "enter")
            await wait_until(pilot, lambda: not box.has_focus, "the filter applied")
            assert app.state.events is None  # still grouping: nothing listed yet
            assert titles(screen) == []
            gate.set()
            await wait_until(pilot, lambda: titles(screen), "the events listed")
            assert [t[:6] for t in titles(screen)] == ["Orchid"]  # only the filter's event
            await wait_until(
                pilot, lambda: "filter: outlet:valley" in screen_text(app), "the status line"
            )
    finally:
        gate.set()
