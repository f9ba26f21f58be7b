"""Measures the app's first paint and time-to-events on the bundled corpus (headless run_test).

Run: python bench/first_paint.py [--runs 5]. The index is built once in a temp dir first, so
the runs measure an already-indexed corpus (the normal start). Prints milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


async def one_run(corpus: Path, index_dir: Path) -> tuple[float, float, float, float]:
    """(first paint, articles listed, events listed) in ms since the App was constructed, and
    the ms from Enter on the largest event to its compare panes being mounted."""
    from textual.widgets import DataTable

    from tui_reader.app import NewsReaderApp

    start = time.perf_counter()
    app = NewsReaderApp(corpus, index_dir=index_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        # run_test hands over once the first screen has been composed and painted.
        paint = time.perf_counter()
        articles = events = 0.0
        while not events:
            await pilot.pause(0.005)
            if not articles and app.state.articles:
                articles = time.perf_counter()
            table = app.screen.query_one("#events", DataTable)
            if app.state.events is not None and table.row_count:
                events = time.perf_counter()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.state.comparisons.clear()  # measure a cold comparison, as on a first visit
        pressed = time.perf_counter()
        app.screen.action_open_event()  # type: ignore[attr-defined]  # (pilot.press idles)
        while not (getattr(app.screen, "panes", None) and app.screen.panes[0].blocks):
            await pilot.pause(0.005)
        opened = (time.perf_counter() - pressed) * 1000
    paint, articles, events = ((t - start) * 1000 for t in (paint, articles, events))
    return paint, articles, events, opened


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    args = parser.parse_args()
    t0 = time.perf_counter()
    import tui_reader.app  # noqa: F401  (import cost, paid once per process)

    imported = (time.perf_counter() - t0) * 1000
    from index import CorpusIndex

    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "ix"
        report = CorpusIndex(args.corpus, index_dir).update()
        print(f"indexed once: {report.summary_line()}")
        runs = [asyncio.run(one_run(args.corpus, index_dir)) for _ in range(args.runs)]
    paint, articles, events, opened = (statistics.median(c) for c in zip(*runs, strict=True))
    print(f"import tui_reader.app: {imported:.0f} ms")
    worst = max(r[0] for r in runs)
    print(f"first paint (median of {args.runs}): {paint:.0f} ms  (max {worst:.0f})")
    print(f"articles listed: {articles:.0f} ms; events listed: {events:.0f} ms")
    print(f"first paint + import: {paint + imported:.0f} ms (target <= 500 ms)")
    print(f"compare screen of the largest event, Enter to panes shown: {opened:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
