"""Pilot: copies count once. A verbatim republication of a report under another outlet makes
'5 reports · 4 independent sources': the events list's Sources column, the compare title, the
gutter's n/m, the detail panel, and the copy's pane header 'copy of <outlet>'."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from tests.helpers import write_corpus
from tests.pilot import settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.screens.compare import CompareScreen


def _corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path, with_copy=True)


async def test_a_copy_counts_once_everywhere(tmp_path: Path) -> None:
    app = NewsReaderApp(_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#events", DataTable)
        assert table.row_count == 2  # the copy joined its original's event
        # Event, Reports, Sources: the reprint counts with the wire report
        await wait_until(pilot, lambda: str(table.get_row_at(0)[2]) != "…", "the comparison")
        row = table.get_row_at(0)
        assert (str(row[1]), str(row[2])) == ("5", "4")
        assert str(table.get_row_at(1)[2]) == "1"
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.model is not None
        title = str(screen.query_one("#compare-title", Static).content)
        assert "5 reports · 4 independent sources" in title
        model = screen.model
        # every gutter counts independent sources: never more than 4, whatever the reports
        labels = [b.label for pane in screen.panes for b in pane.blocks if b.label[:1] in "│≡!"]
        assert labels and all(label.endswith("/4") for label in labels)
        # the passage the wire and its copy share with the others: one source for the two
        view = next(
            v
            for v in model.views["harbour/reprint.md"]
            if v.passage.text.startswith("Harbour master")
        )
        assert {"harbour/reprint.md", "harbour/ferry-wire.md"} <= set(view.supporters)
        k = len(set(view.supporters))
        assert model.strength(view) == f"{k - 1} of 4 sources ({k} reports)"
        # the copy's pane says whose copy it is; the original's does not
        await pilot.press("plus", "plus", "plus")
        await wait_until(pilot, lambda: len(screen.panes) == 5, "five panes")
        headers = {pane.article.id: pane.header_text() for pane in screen.panes}
        assert "copy of Ferry Wire" in headers["harbour/reprint.md"]
        assert "copy of" not in headers["harbour/ferry-wire.md"]


async def test_no_copies_no_change(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        title = str(screen.query_one("#compare-title", Static).content)
        assert "3 reports · " in title and "independent" not in title
