"""The reader's first paint, articles listed and events listed on a big corpus (headless)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

EVENTS_TIMEOUT = 300.0


async def first_paint(corpus: Path, index_dir: Path) -> dict[str, Any]:
    """Milliseconds from before importing the app to first paint, articles and events listed."""
    start = time.perf_counter()
    from textual.widgets import DataTable

    from tui_reader.app import NewsReaderApp

    imported = time.perf_counter()
    app = NewsReaderApp(corpus, index_dir=index_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        paint = time.perf_counter()  # run_test hands over once the first screen is painted
        articles = events = 0.0
        while not events and time.perf_counter() - paint < EVENTS_TIMEOUT:
            await pilot.pause(0.01)
            if not articles and app.state.articles:
                articles = time.perf_counter()
            table = app.screen.query_one("#events", DataTable)
            if app.state.events is not None and table.row_count:
                events = time.perf_counter()
        count = len(app.state.articles or [])
        app.workers.cancel_all()

    def ms(t: float) -> float | None:
        return (t - start) * 1000 if t else None

    return {
        "import_ms": ms(imported),
        "paint_ms": ms(paint),
        "articles_ms": ms(articles),
        "events_ms": ms(events),
        "articles": count,
    }
