"""Acceptance: the marks panel leaves the key bar whole and the text room, at 80x24 too."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_corpus import write_corpus
from test_app_reader_marks import GAZETTE, open_reader
from textual.widgets import Footer

from tui_reader.app import NewsReaderApp
from tui_reader.marks_store import close_store
from tui_reader.widgets.marks_panel import MarksPanel


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_marks_panel_does_not_cover_the_footer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "data"))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=size) as pilot:
        reader = await open_reader(app, pilot, GAZETTE)
        await pilot.press("right_parenthesis", "m")
        await pilot.pause()
        panel = reader.query_one(MarksPanel)
        assert panel.display and panel.region.width > 0
        footer = reader.query_one(Footer)
        width, height = size
        # every cell of the key bar is the footer's, none the panel's
        for x in (0, width // 2, width - 2):
            widget, _ = reader.get_widget_at(x, height - 1)
            assert widget is footer or footer in widget.ancestors, (x, widget)
        # the text keeps most of a narrow screen
        assert panel.outer_size.width <= width * 0.4 + 1
        close_store(app)
