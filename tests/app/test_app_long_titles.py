"""Pilot: an event's title is whole in the core and cut only by each display, to its width."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from tests.helpers import write_corpus
from tests.pilot import open_first_event, settle
from tui_reader.app import NewsReaderApp

TAIL = " as talks between the union and the port authority drag on through the week"


def long_titled_corpus(root: Path) -> Path:
    """The shared corpus with every harbour report's title made far longer than a row."""
    corpus = write_corpus(root)
    for path in (corpus / "harbour").iterdir():
        lines = path.read_text(encoding="utf-8").splitlines()
        lines = [
            (line.rstrip('"') + TAIL + ('"' if line.endswith('"') else ""))
            if line.startswith("title:")
            else line
            for line in lines
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


async def test_long_event_title_is_cut_by_the_table_and_compare_header(tmp_path: Path) -> None:
    app = NewsReaderApp(long_titled_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        whole = app.state.events[0].title  # type: ignore[index]
        assert whole.endswith(TAIL.strip()) and "\u2026" not in whole
        cell = str(app.screen.query_one("#events", DataTable).get_row_at(0)[0])
        assert cell.endswith("\u2026") and len(cell) < 60  # cut to the column at 80 columns
        screen = await open_first_event(app, pilot)
        header = screen.query_one("#compare-title", Static)
        assert header.size.height == 1  # title and counts share one row at 80 columns
        text = str(header.render())
        assert "\u2026" in text and "reports" in text
