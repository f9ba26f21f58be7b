"""The reader's first paint, articles listed and events listed on a big corpus (headless)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

EVENTS_TIMEOUT = 300.0
POLL = 0.01  # seconds between two looks at the app


async def answered(screen: Any) -> float:
    """Seconds until the screen handles a message posted now (behind what it has waiting, as
    a key would be)."""
    done = asyncio.Event()
    start = time.perf_counter()
    screen.call_later(done.set)
    await done.wait()
    return time.perf_counter() - start


async def first_paint(corpus: Path, index_dir: Path, until_indexed: bool = False) -> dict[str, Any]:
    """Milliseconds from before importing the app to first paint, articles listed, events listed
    (the first ones, then every article's) and (``until_indexed``) the index written, search
    ready. ``lag_*_ms``: the longest and the 99th-percentile wait of a message posted to the
    screen every POLL until it was handled: how late a key would be answered meanwhile."""
    start = time.perf_counter()
    from textual.widgets import DataTable

    from tui_reader.app import NewsReaderApp

    imported = time.perf_counter()
    app = NewsReaderApp(corpus, index_dir=index_dir)
    lags: list[float] = []
    async with app.run_test(size=(120, 36)):
        paint = time.perf_counter()  # run_test hands over once the first screen is painted
        articles = first = events = indexed = 0.0

        def done() -> bool:
            return bool(events) and (bool(indexed) or not until_indexed)

        while not done() and time.perf_counter() - paint < EVENTS_TIMEOUT:
            await asyncio.sleep(POLL)
            lags.append(await answered(app.screen))
            now = time.perf_counter()
            if not articles and app.state.articles:
                articles = now
            rows = app.screen.query_one("#events", DataTable).row_count
            if not first and app.state.events is not None and rows:
                first = now  # a first part's events, on a first start of a big corpus
            if not events and app.state.grouped is not None and rows:
                events = now  # every article's
            if not indexed and app.state.report is not None:
                indexed = now
        count = len(app.state.articles or [])
        app.workers.cancel_all()

    def ms(t: float) -> float | None:
        return (t - start) * 1000 if t else None

    lags.sort()
    return {
        "import_ms": ms(imported),
        "paint_ms": ms(paint),
        "articles_ms": ms(articles),
        "first_events_ms": ms(first),
        "events_ms": ms(events),
        "indexed_ms": ms(indexed),
        "articles": count,
        "lag_max_ms": lags[-1] * 1000 if lags else None,
        "lag_p99_ms": lags[int(len(lags) * 0.99)] * 1000 if lags else None,
    }
