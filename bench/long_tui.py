"""Measures the app with one long article: reader first paint, preview, compare, key answers.

Usage: nice -n 10 python bench/long_tui.py [--mb 5] [--compare-timeout 120]
Writes a corpus (bench/long_article.py's write_long_corpus: one long report of about --mb
megabytes of fresh sentences beside an ordinary report of the same event), indexes it once,
then runs each measure in a fresh process driving the real app headless (run_test):

- reader: milliseconds from asking for the long report to its pane's first paint, as soon as
  the articles are listed ("busy": the events are grouped and compared meanwhile, in threads)
  and again with the app idle, and the process's peak RSS in MB (targets: <= 1000 ms,
  <= 400 MB); then how long ``?`` takes, five times a second apart, while the sentences are split;
- preview: milliseconds from the article list's cursor landing on the long report to the
  preview pane's first paint, busy and idle (target <= 200 ms), and ``?`` with the app idle;
- compare: Enter on the event, then ``?`` and Escape every 100 ms until the comparison is
  shown and for AFTER seconds more (the panes mount and paint then): every answer, the slowest
  (target: within 100 ms) and the slowest before the comparison was shown; beside them the UI
  thread's CPU per key and its longest event-loop callbacks in CPU (ui_cpu.py: figures the
  other processes' load barely moves); the seconds until the comparison was shown, and the
  process's peak RSS (targets: <= 10 s, <= 1 GB).

``--only compare --runs 5``: one measure, five fresh processes on the one corpus.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui_cpu import LoopMeter, cpu_now  # noqa: E402

POLL = 0.005
AFTER = 1.5  # seconds of keys after the comparison is shown (the panes mount and paint)


def peak_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def until(pilot: Any, predicate: Callable[[], object], timeout: float) -> float | None:
    """Seconds until ``predicate()`` holds, or None after ``timeout``."""
    start = time.perf_counter()
    while not predicate():
        if time.perf_counter() - start > timeout:
            return None
        await pilot.pause(POLL)
    return time.perf_counter() - start


async def key_answer(app: Any, pilot: Any) -> tuple[float, float, float]:
    """Seconds from ``?`` reaching the app to the help dialog being the screen, then Escape back;
    the UI thread's CPU seconds meanwhile (ui_cpu.py: what the key waited for, less the load);
    and the seconds until the app acted on the key (its help action called): the wait alone,
    without the help dialog's own mount, which is most of the first figure on an idle screen.

    The key is handed to the app's driver as a terminal's would be: Pilot's ``press`` also waits
    until every message queue of the app is idle, which counts the workers' messages too."""
    from textual import events

    from tui_reader.dialogs.help import HelpDialog

    def send(key: str, char: str | None) -> None:
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)

    acted: list[float] = []
    action = type(app).action_help

    def help_now() -> None:  # Textual finds an action on the instance first
        acted.append(time.perf_counter())
        action(app)

    app.action_help = help_now
    before = app.screen
    start, cpu = time.perf_counter(), cpu_now()
    send("question_mark", "?")
    await until(pilot, lambda: isinstance(app.screen, HelpDialog), 600)
    answered, used = time.perf_counter() - start, cpu_now() - cpu
    del app.action_help
    send("escape", None)
    await until(pilot, lambda: app.screen is before, 600)
    return answered, used, (acted[0] - start) if acted else answered


def painted(app: Any, article_id: str) -> Callable[[], bool]:
    """Whether a pane showing ``article_id`` has painted (its styles read: render_lines ran)."""
    from tui_reader.widgets import ArticlePane

    def check() -> bool:
        panes = app.screen.query(ArticlePane)
        return any(p.article.id == article_id and p._palette is not None for p in panes)

    return check


async def measure(task: str, corpus: Path, index_dir: Path, timeout: float) -> dict[str, Any]:
    from textual.widgets import DataTable

    from tui_reader.app import NewsReaderApp
    from tui_reader.screens.compare import CompareScreen

    out: dict[str, Any] = {"code": str(Path(sys.modules["tui_reader"].__file__ or "").parent)}
    app = NewsReaderApp(corpus, index_dir=index_dir)
    async with app.run_test(size=(140, 40)) as pilot:
        await until(pilot, lambda: app.state.articles, 600)
        long = max(app.state.articles, key=lambda a: len(a.body))
        if task == "reader":
            for when in ("busy", "idle"):  # as the app starts (grouping, comparing), then idle
                if when == "idle":
                    await pilot.press("escape")
                    await until(pilot, lambda: app.state.events is not None, 600)
                    await until(pilot, lambda: not any(w.is_running for w in app.workers), 900)
                start = time.perf_counter()
                app.open_article(long)
                await until(pilot, painted(app, long.id), 600)
                out[f"reader_first_paint_{when}_ms"] = round((time.perf_counter() - start) * 1000)
            out["reader_peak_rss_mb"] = round(peak_mb())
            answers = []  # the first comes while the pane's wrap worker runs too
            for _ in range(5):
                answers.append(round((await key_answer(app, pilot))[0] * 1000))
                await pilot.pause(1.0)
            out["reader_keys_while_splitting_ms"] = answers
        elif task == "preview":
            app.action_articles()
            await until(pilot, lambda: bool(app.screen.query("#articles")), 60)
            table = app.screen.query_one("#articles", DataTable)
            await until(pilot, lambda: table.row_count > 1, 60)
            row = next(i for i, a in enumerate(app.state.articles) if a.id == long.id)
            other = app.state.articles[(row + 1) % len(app.state.articles)]
            for when in ("busy", "idle"):
                if when == "idle":
                    await until(pilot, lambda: app.state.events is not None, 600)
                    await until(pilot, lambda: not any(w.is_running for w in app.workers), 900)
                table.move_cursor(row=(row + 1) % table.row_count)
                await until(pilot, painted(app, other.id), 60)
                start = time.perf_counter()
                table.move_cursor(row=row)
                await until(pilot, painted(app, long.id), 600)
                out[f"preview_{when}_ms"] = round((time.perf_counter() - start) * 1000)
            out["preview_peak_rss_mb"] = round(peak_mb())
            out["idle_key_ms"] = round((await key_answer(app, pilot))[0] * 1000)
        else:
            await until(pilot, lambda: app.state.events is not None, 600)
            app.state.comparisons.clear()  # a prefetched one would be shown at once
            event = next(e for e in app.state.events or [] if long.id in e.article_ids)
            meter = LoopMeter()
            meter.start()
            start = time.perf_counter()
            app.open_event(event)
            walls, cpus, acts, done = [], [], [], None
            # Keys go on for AFTER seconds past the comparison's arrival: the panes' mount and
            # first paint, which keys wait for too, come then.
            while time.perf_counter() - start < timeout:
                screen = app.screen
                if done is None and isinstance(screen, CompareScreen) and screen.model is not None:
                    done = time.perf_counter() - start
                    out["compare_keys_before_shown"] = len(walls)
                if done is not None and time.perf_counter() - start > done + AFTER:
                    break
                wall, cpu, acted = await key_answer(app, pilot)
                walls.append(round(wall * 1000))
                cpus.append(round(cpu * 1000))
                acts.append(round(acted * 1000))
                await pilot.pause(0.1)
            meter.on = False
            out["compare_keys_ms"] = walls
            out["compare_keys_ui_cpu_ms"] = cpus
            out["compare_keys_acted_ms"] = acts  # until the app acted on the key
            out["compare_worst_key_acted_ms"] = max(acts, default=0)
            out["compare_worst_key_ms"] = max(walls, default=0)
            out["compare_worst_key_ui_cpu_ms"] = max(cpus, default=0)
            shown = out.get("compare_keys_before_shown", len(walls))
            out["compare_worst_key_before_shown_ms"] = max(walls[:shown], default=0)
            out["compare_longest_callbacks_ui_cpu_ms"] = [
                f"{ms:.0f} {name}" for ms, name in meter.longest
            ]
            out["compare_full_collections_ms"] = [
                f"{ms:.0f} {name}" for ms, name in meter.collections
            ]
            out["compare_shown_s"] = None if done is None else round(done, 1)
            out["compare_peak_rss_mb"] = round(peak_mb())
        app.workers.cancel_all()
    return out


def fresh(task: str, corpus: Path, index_dir: Path, timeout: float) -> dict[str, Any]:
    """One measure in a fresh interpreter: its own peak RSS."""
    args = [sys.executable, __file__, "--task", task, str(corpus), str(index_dir)]
    args += ["--compare-timeout", str(timeout)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout + 900)
    if done.returncode:
        return {f"{task}_error": done.stderr.strip().splitlines()[-1:]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--compare-timeout", type=float, default=120.0)
    parser.add_argument("--task", choices=["reader", "preview", "compare"])
    parser.add_argument("--only", choices=["reader", "preview", "compare"], help="one measure")
    parser.add_argument("--runs", type=int, default=1, help="of each measure, one corpus")
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()
    if args.task:  # a child: one measure, JSON on the last line
        corpus, index_dir = args.paths
        print(json.dumps(asyncio.run(measure(args.task, corpus, index_dir, args.compare_timeout))))
        return 0
    from long_article import write_long_corpus

    from index import CorpusIndex

    with tempfile.TemporaryDirectory(prefix="long-tui-") as tmp:
        corpus = write_long_corpus(Path(tmp), args.mb)
        index_dir = Path(tmp) / "ix"
        CorpusIndex(corpus, index_dir).update()
        size = max(p.stat().st_size for p in corpus.iterdir())
        print(f"long report: {size:,} bytes")
        for task in [args.only] if args.only else ["reader", "preview", "compare"]:
            for _ in range(args.runs):
                for key, value in fresh(task, corpus, index_dir, args.compare_timeout).items():
                    print(f"{key}: {value}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
