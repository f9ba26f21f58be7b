"""Pilot: a comparison the user no longer waits for stops at its next checkpoint, quietly."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from textual.worker import WorkerState

from index import Article
from tests.helpers import write_corpus
from tests.pilot import settle, wait_until
from tui_reader.app import NewsReaderApp

_WHO = ["The mayor", "Police", "The union", "Rescuers", "Officials"]
_WHAT = [
    "{n} workers joined the strike at the north quay",
    "the ferry to Orsund was cancelled for {d} days",
    "{n} families left their homes near the harbour",
    "repairs to the pier would cost {n} thousand crowns",
]


def _long_report(chars: int) -> Article:
    """A report of ``chars`` characters of varied sentences (our own text)."""
    rng = random.Random(3)
    paragraphs: list[str] = []
    while sum(map(len, paragraphs)) < chars:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            what = rng.choice(_WHAT).format(n=rng.randint(2, 9000), d=rng.randint(2, 30))
            sentences.append(f"{rng.choice(_WHO)} said {what}.")
        paragraphs.append(" ".join(sentences))
    body = "\n\n".join(paragraphs)
    return Article(id="long.txt", path="long.txt", title="Strike record", body=body)


async def test_a_cancelled_comparison_posts_nothing_and_raises_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The comparison is held at its alignment until the worker is cancelled: a bounded
    # comparison of 200,000 characters can otherwise end before the cancel on a quiet machine.
    from index.comparison import build

    gate, align = threading.Event(), build.align

    def held_align(*args: object, **kwargs: object) -> object:
        gate.wait(60)
        return align(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "align", held_align)
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        long = _long_report(200_000)
        short = Article(id="short.txt", path="short.txt", title="Strike", body=long.body[:2_000])
        app.jobs.load_comparison("long-event", [long, short], None)
        (worker,) = [w for w in app.workers if w.group == "compare"]
        await wait_until(pilot, lambda: worker.state == WorkerState.RUNNING, "the compare worker")
        worker.cancel()  # as a newer comparison, or leaving the screen, does
        gate.set()
        await wait_until(pilot, lambda: worker.is_finished, "the cancelled worker to end", 30)
        await settle(app, pilot)
        assert "long-event" not in app.state.comparisons
        errors = [n for n in app._notifications if n.severity == "error"]
        assert not errors, [n.message for n in errors]
