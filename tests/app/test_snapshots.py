"""SVG snapshots of the main screens (events, compare on a conflict, reader, figures, help) at
80x24 and 140x40. A change of layout, colour or wording shows as a failing test with a visual diff
(snapshot_report.html); accept it with ``pytest tests/app/test_snapshots.py --snapshot-update``.

Deterministic by construction: a fixed terminal size, our own hand-written corpus in tmp dirs
(autouse XDG fixture), one config file path, the index summary toasts cleared, no clock and no
blinking cursor on these screens, and every wait is for a condition, never a fixed time.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from tests.helpers import write_corpus
from tests.pilot import settle, wait_until
from tui_reader.app import NewsReaderApp

if not os.environ.get("CI"):  # an engineer's venv from before the plugin: skip, do not error
    pytest.importorskip("pytest_textual_snapshot", reason="pip install -e '.[test]' adds it")

SIZES = [(80, 24), (140, 40)]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture(autouse=True)
def _one_config_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ? help names the config file: one fixed path, not the tmp dir of this run (its length
    wrapped the line differently and moved the help's scroll bar)."""
    monkeypatch.setenv("NEWSREADER_CONFIG", "/home/reader/.config/newsreader/config.toml")


async def _events(pilot: Pilot[Any]) -> None:
    """The events list with every link count filled in (the background comparisons are done)."""
    app = pilot.app
    await settle(app, pilot)

    def counted() -> bool:
        table = app.screen.query_one_optional("#events", DataTable)
        if table is None or table.row_count < 2:
            return False
        shared, conflicts = table.get_row_at(0)[3:5]  # "…" until its comparison is in
        return "…" not in (str(shared), str(conflicts))

    def laid_out(table_id: str) -> bool:
        # A DataTable sizes its columns to new rows on its next idle: until then the columns
        # are as wide as their labels (seen once under load: "Ferry" for the whole title).
        table = app.screen.query_one(table_id, DataTable)
        row = table.get_row_at(0)
        return all(
            column.content_width >= min(len(str(cell)), 24)
            for column, cell in zip(table.columns.values(), row, strict=False)
        )

    await wait_until(pilot, counted, "the events' link counts")
    await wait_until(pilot, lambda: laid_out("#events") and laid_out("#reports"), "the columns")
    app.clear_notifications()  # the index summary toasts: their timing is not the screen's
    await pilot.pause()


async def _compare(pilot: Pilot[Any]) -> None:
    """The first event's reports side by side, the cursor on the first conflict."""
    await _events(pilot)
    await pilot.press("enter")
    await settle(pilot.app, pilot)
    await pilot.press("c")
    detail = pilot.app.screen.query_one("#detail")
    await wait_until(pilot, lambda: "Conflict" in str(detail.content), "the conflict's detail")
    await settle(pilot.app, pilot)


async def _reader(pilot: Pilot[Any]) -> None:
    """One report alone (the first event's first report), the cursor on its second sentence."""
    await _events(pilot)
    await pilot.press("tab", "enter", "right_parenthesis", "right_parenthesis")
    await settle(pilot.app, pilot)


async def _figures(pilot: Pilot[Any]) -> None:
    """The first event's figures (F), the cursor on its disputed slot."""
    await _events(pilot)
    await pilot.press("number_sign")
    await settle(pilot.app, pilot)
    table = pilot.app.screen.query_one("#figures", DataTable)
    await wait_until(pilot, lambda: table.row_count > 0, "the figures")
    await settle(pilot.app, pilot)


async def _help(pilot: Pilot[Any]) -> None:
    """Every key of every screen."""
    await _events(pilot)
    await pilot.press("question_mark")
    await settle(pilot.app, pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    "steps",
    [_events, _compare, _reader, _figures, _help],
    ids=["events", "compare", "reader", "figures", "help"],
)
def test_screen(snap_compare: Any, tmp_path: Path, steps: Steps, size: tuple[int, int]) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    assert snap_compare(app, terminal_size=size, run_before=steps)
