"""A closed screen's rendered lines are freed (render_cache.py works around Textual issue 6665)."""

from __future__ import annotations

import gc
from pathlib import Path

from textual._styles_cache import StylesCache

from tests.helpers import write_corpus
from tests.pilot import open_first_event, press_to, settle
from tui_reader.app import NewsReaderApp
from tui_reader.screens.events import EventsScreen


def _render_caches() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, StylesCache))


async def test_opening_and_closing_the_compare_screen_leaves_no_render_cache_behind(
    tmp_path: Path,
) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        counts = []
        for _ in range(4):
            await open_first_event(app, pilot)
            await settle(app, pilot)  # the panes rendered
            await press_to(app, pilot, "escape", EventsScreen)
            await settle(app, pilot)
            counts.append(_render_caches())
        # each compare screen rendered ~20 widgets; kept alive, the count grew by that per open
        assert counts[-1] - counts[0] < 10, counts
