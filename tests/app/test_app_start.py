"""Pilot: the app starts at once, indexes a tmp corpus in a worker, lists articles and events."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import DataTable, ProgressBar

from tests.helpers import write_corpus
from tests.pilot import press_to, settle
from tui_reader.app import SWITCH_INTERVAL, NewsReaderApp
from tui_reader.screens.articles import ArticlesScreen
from tui_reader.screens.events import EventsScreen


async def test_start_screen_shows_progress_then_articles(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        # Usable at once: the start screen and its progress bar exist before indexing ends.
        assert isinstance(app.screen, EventsScreen)
        assert app.screen.query_one(ProgressBar) is not None
        await settle(app, pilot)
        assert len(app.state.articles) == 4
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("added 4") for m in messages)
        await press_to(app, pilot, "A", ArticlesScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 4


async def test_index_failure_is_a_notification(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the index folder should be", encoding="utf-8")
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=blocker / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and errors[0].title == "index failed"
        assert app.state.failure
        assert isinstance(app.screen, EventsScreen)  # still running, not crashed
        assert app.is_running


async def test_skipped_files_are_listed(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    (corpus / "broken [x].json").write_text("{ not json", encoding="utf-8")
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert warnings and warnings[0].title == "Skipped 1 file(s)"
        assert "broken [x].json" in warnings[0].message
        assert all(not n.markup for n in app._notifications)  # paths are shown literally
        assert len(app.state.articles) == 4


async def test_the_ui_thread_waits_at_most_a_millisecond_for_the_gil(tmp_path: Path) -> None:
    """While the app runs, a computing thread gives the GIL back to the UI thread within 1 ms
    (not Python's 5 ms, paid on every wait of the event loop); the old value comes back after."""
    before = sys.getswitchinterval()
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert sys.getswitchinterval() == SWITCH_INTERVAL < before
    assert sys.getswitchinterval() == before
