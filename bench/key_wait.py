"""Where a key waits: the first ``?`` after opening a long report, stack sampled, GC timed.

Usage: nice -n 10 python bench/key_wait.py [--mb 5] [--presses 3] [--short] [--compare]
Writes a corpus (bench/long_article.py's write_long_corpus), indexes it, runs the real app
headless (run_test) until it is idle, opens the long report (``--short``: the ordinary one) in
the reader and, as soon as it has painted, hands ``?`` to the app's driver as a terminal would,
``--presses`` times a second apart. ``--compare``: opens the long report's event on the compare
screen instead (its comparison not made yet) and presses ``?`` (then Escape) every 100 ms until
the comparison is shown, as bench/long_tui.py's compare measure does (each press of 50 ms or
more reported). For each press it prints the milliseconds until the help is the screen, every
garbage collection inside that time (generation, ms, thread), and where the event loop's thread
was, from a thread that samples its stack every 2 ms (``sys._current_frames``): the frames seen
most often, and the longest gaps between two samples (the sampler needs the GIL too: a gap is a
time something held it, a collection or a C call in another thread). This is how the cause of
issue 14's slow first key was found (docs/performance.md): Textual's footer rebuilt and
restyled, and full collections.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from long_tui import painted, until  # noqa: E402

LOOP = threading.main_thread().ident


class Watch:
    """Samples the loop thread's stack and times collections while ``on`` is set."""

    def __init__(self) -> None:
        self.on = threading.Event()
        self.t0 = 0.0
        self.samples: list[tuple[float, float, list[str]]] = []  # (at, gap, frames) in ms
        self.collections: list[tuple[int, int, float, str]] = []  # (at, gen, ms, thread)
        self._started = 0.0
        gc.callbacks.append(self._collected)
        threading.Thread(target=self._sample, daemon=True, name="key-wait-sampler").start()

    def _collected(self, phase: str, info: dict[str, Any]) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._started = now
        elif self.on.is_set():
            at, ms = (self._started - self.t0) * 1000, (now - self._started) * 1000
            name = threading.current_thread().name
            self.collections.append((round(at), info["generation"], ms, name))

    def _sample(self) -> None:
        last = time.perf_counter()
        while True:
            if not self.on.is_set():
                self.on.wait()
                last = time.perf_counter()
            time.sleep(0.002)
            now = time.perf_counter()
            frame = sys._current_frames().get(LOOP)
            frames = []
            while frame is not None and len(frames) < 4:
                code = frame.f_code
                frames.append(f"{os.path.basename(code.co_filename)}:{code.co_name}")
                frame = frame.f_back
            self.samples.append(((now - self.t0) * 1000, (now - last) * 1000, frames))
            last = now

    def start(self) -> None:
        self.samples, self.collections = [], []
        self.t0 = time.perf_counter()
        self.on.set()

    def report(self, ms: float) -> None:
        self.on.clear()
        print(f"--- ? answered in {ms:.0f} ms ({len(self.samples)} samples)")
        for at, gen, took, name in self.collections:
            if took >= 1:
                print(f"  collection of generation {gen} at +{at} ms: {took:.0f} ms ({name})")
        for at, gap, frames in sorted(self.samples, key=lambda s: -s[1])[:4]:
            print(f"  gap {gap:.0f} ms before +{at:.0f} ms: {' < '.join(frames[:3])}")
        seen = Counter(" < ".join(frames[:3]) for _at, _gap, frames in self.samples)
        for where, n in seen.most_common(6):
            print(f"  {n:3d} x {where}")


async def compare(app: Any, pilot: Any, watch: Watch, article: Any) -> None:
    """``?`` and Escape pressed while the long report's event is compared, each press watched."""
    from index import analysis_cache
    from tui_reader.dialogs.help import HelpDialog
    from tui_reader.screens.compare import CompareScreen

    app.state.comparisons.clear()  # a prefetched one would be shown at once
    analysis_cache().clear()  # and made again from the passages the prefetch kept
    event = next(e for e in app.state.events or [] if article.id in e.article_ids)
    start = time.perf_counter()
    app.open_event(event)
    waits = []
    while time.perf_counter() - start < 300:
        screen = app.screen
        if isinstance(screen, CompareScreen) and screen.model is not None:
            break
        watch.start()
        send(app, "question_mark", "?")
        await until(pilot, lambda: isinstance(app.screen, HelpDialog), 600)
        ms = (time.perf_counter() - watch.t0) * 1000
        waits.append(round(ms))
        if ms >= 50:
            watch.report(ms)
        watch.on.clear()
        send(app, "escape", None)
        await until(pilot, lambda: isinstance(app.screen, CompareScreen), 600)
        await pilot.pause(0.1)
    took = time.perf_counter() - start
    print(f"compared in {took:.1f} s; every ? (ms): {waits}; worst {max(waits, default=0)} ms")


def send(app: Any, key: str, char: str | None) -> None:
    """Hand a key to the app's driver as a terminal's would come."""
    from textual import events

    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)


async def run(corpus: Path, index_dir: Path, presses: int, short: bool, comparing: bool) -> None:
    from tui_reader.app import NewsReaderApp
    from tui_reader.dialogs.help import HelpDialog

    watch = Watch()
    app = NewsReaderApp(corpus, index_dir=index_dir)
    async with app.run_test(size=(140, 40)) as pilot:
        await until(pilot, lambda: app.state.articles, 600)
        pick = min if short else max
        article = pick(app.state.articles, key=lambda a: len(a.body))
        await until(pilot, lambda: app.state.events is not None, 600)
        await until(pilot, lambda: not any(w.is_running for w in app.workers), 900)
        if comparing:
            await compare(app, pilot, watch, article)
            app.workers.cancel_all()
            return
        start = time.perf_counter()
        app.open_article(article)
        await until(pilot, painted(app, article.id), 600)
        took = (time.perf_counter() - start) * 1000
        print(f"{len(article.body):,} characters painted in {took:.0f} ms")

        for _ in range(presses):
            before = app.screen
            watch.start()
            send(app, "question_mark", "?")
            await until(pilot, lambda: isinstance(app.screen, HelpDialog), 600)
            watch.report((time.perf_counter() - watch.t0) * 1000)
            send(app, "escape", None)
            await until(pilot, lambda: app.screen is before, 600)  # noqa: B023 - awaited here
            await pilot.pause(1.0)
        app.workers.cancel_all()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--presses", type=int, default=3)
    parser.add_argument("--short", action="store_true", help="open the ordinary report instead")
    parser.add_argument("--compare", action="store_true", help="keys while its event compares")
    args = parser.parse_args()
    from long_article import write_long_corpus

    from index import CorpusIndex

    with tempfile.TemporaryDirectory(prefix="key-wait-") as tmp:
        # a cache of its own: the comparison is made, not read back from an earlier run's
        os.environ["NEWSREADER_CACHE_DIR"] = str(Path(tmp) / "cache")
        corpus = write_long_corpus(Path(tmp), args.mb)
        CorpusIndex(corpus, Path(tmp) / "ix").update()
        asyncio.run(run(corpus, Path(tmp) / "ix", args.presses, args.short, args.compare))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
