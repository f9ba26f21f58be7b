"""Pilot: a long report is shown at once and the app answers every key while its analysis runs
(the reader's sentences, the event's comparison); leaving the screen stops that work."""

from __future__ import annotations

import gc
import random
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable
from textual.worker import get_current_worker

import index
from tests.helpers import write_corpus
from tests.pilot import press_to, screen_text, settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.compare import pane_row
from tui_reader.dialogs.help import HelpDialog
from tui_reader.screens.articles import ArticlesScreen
from tui_reader.screens.compare import CompareScreen
from tui_reader.screens.reader import ReaderScreen
from tui_reader.widgets import ArticlePane, article_pane

LONG = "long/ledger-archive.txt"
SUBJECTS = ["The harbour board", "A ferry captain", "The union", "Council staff", "Dock workers"]
VERBS = ["reported", "denied", "confirmed", "questioned", "announced", "delayed"]
OBJECTS = ["the new timetable", "a pay offer", "the repairs", "a safety review", "the closure"]
WHEN = ["on Monday", "last week", "in March", "before dawn", "after the vote"]


def long_text(paragraphs: int, seed: int = 7) -> str:
    """Made-up paragraphs of varied sentences (never one line repeated), numbered so the first
    and last can be found on screen."""
    rng = random.Random(seed)
    out = []
    for n in range(paragraphs):
        sentences = [
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(WHEN)}, item {n}-{k} of {rng.randint(2, 9000)}."
            for k in range(rng.randint(2, 5))
        ]
        out.append(" ".join(sentences))
    return "Ledger archive of the harbour year\n\n" + "\n\n".join(out) + "\n"


def corpus_with_long_report(tmp_path: Path, paragraphs: int = 600) -> Path:
    corpus = write_corpus(tmp_path)
    (corpus / "long").mkdir()
    (corpus / LONG).write_text(long_text(paragraphs), encoding="utf-8")
    return corpus


def gated(real: Callable[..., Any], gate: threading.Event, started: threading.Event, when: str):
    """``real`` made to wait for ``gate`` when called from the worker named ``when``."""

    def slow(*args: Any, **kwargs: Any) -> Any:
        try:
            name = get_current_worker().name
        except Exception:  # not in a worker
            name = ""
        if name == when:
            started.set()
            gate.wait(60)
        return real(*args, **kwargs)

    return slow


async def answers_help(app: NewsReaderApp, pilot: Any) -> None:
    """``?`` opens the help and Escape closes it again."""
    before = app.screen
    await pilot.press("question_mark")
    await wait_until(pilot, lambda: isinstance(app.screen, HelpDialog), "the help")
    await pilot.press("escape")
    await wait_until(pilot, lambda: app.screen is before, "back from the help")


async def test_reader_shows_a_long_report_and_answers_keys_while_it_splits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, started = threading.Event(), threading.Event()
    # a report this long (about 150 KB) is split in a worker process: split_apart
    monkeypatch.setattr(index, "split_apart", gated(index.split_apart, gate, started, "sentences"))
    monkeypatch.setattr(
        index, "split_passages", gated(index.split_passages, gate, started, "sentences")
    )
    app = NewsReaderApp(corpus_with_long_report(tmp_path), index_dir=tmp_path / "ix")
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            app.open_article(app.state.by_id[LONG])
            await wait_until(pilot, started.is_set, "the sentence worker")
            reader = app.screen
            assert isinstance(reader, ReaderScreen)
            assert len(reader.pane.blocks) == 600 and not reader.sentences
            assert "item 0-0" in screen_text(app)  # the paragraphs are on screen already
            await answers_help(app, pilot)
            await pilot.press("right_parenthesis")
            assert any("Still finding" in n.message for n in app._notifications)
            reader.pane.scroll_end(animate=False, immediate=True)
            await pilot.pause()
            assert "item 599-" in screen_text(app)  # the last paragraph, drawn when scrolled to
            gate.set()
            await wait_until(pilot, lambda: reader.sentences, "the sentences")
            await pilot.press("right_parenthesis")
            passage = reader.current_passage()
            assert passage is not None and "item 5" in passage.text  # one on screen
    finally:
        gate.set()


async def test_leaving_the_reader_stops_finding_sentences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, started = threading.Event(), threading.Event()
    monkeypatch.setattr(
        index, "split_passages", gated(index.split_passages, gate, started, "sentences")
    )
    app = NewsReaderApp(corpus_with_long_report(tmp_path, 50), index_dir=tmp_path / "ix")
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            app.open_article(app.state.by_id[LONG])
            await wait_until(pilot, started.is_set, "the sentence worker")
            worker = next(w for w in app.screen.workers if w.name == "sentences")
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(app.screen, ReaderScreen), "back")
            assert worker.is_cancelled
    finally:
        gate.set()


async def test_compare_answers_keys_and_leaving_stops_the_comparison(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, started = threading.Event(), threading.Event()
    monkeypatch.setattr(index, "compare", gated(index.compare, gate, started, "compare"))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            app.state.comparisons.clear()  # the prefetch's: this one is computed while we wait
            events = app.screen.query_one("#events", DataTable)
            events.focus()
            await pilot.press("enter")
            await wait_until(pilot, started.is_set, "the comparison")
            screen = app.screen
            assert isinstance(screen, CompareScreen) and screen.model is None
            await answers_help(app, pilot)
            worker = next(w for w in app.workers if w.name == "compare")
            await pilot.press("escape")
            await wait_until(pilot, lambda: screen not in app.screen_stack, "back to the events")
            await wait_until(pilot, lambda: worker.is_cancelled, "the comparison cancelled")
    finally:
        gate.set()


async def test_preview_shows_a_long_report_from_its_start_to_its_end(tmp_path: Path) -> None:
    app = NewsReaderApp(corpus_with_long_report(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        articles = await press_to(app, pilot, "A", ArticlesScreen)
        table = articles.query_one("#articles", DataTable)
        row = next(i for i, a in enumerate(app.state.articles) if a.id == LONG)
        table.move_cursor(row=row)

        def preview() -> ArticlePane | None:
            panes = app.screen.query("#preview-pane").results(ArticlePane)
            return next((p for p in panes if p.article.id == LONG), None)

        await wait_until(pilot, preview, "the long report's preview")
        pane = preview()
        assert pane is not None
        await wait_until(pilot, lambda: "item 0-0" in screen_text(app), "its first paragraph")
        pane.scroll_end(animate=False, immediate=True)
        await wait_until(pilot, lambda: "item 599-" in screen_text(app), "its last paragraph")


async def test_q_quits_while_the_comparison_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, started = threading.Event(), threading.Event()
    monkeypatch.setattr(index, "compare", gated(index.compare, gate, started, "compare"))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            app.state.comparisons.clear()
            app.screen.query_one("#events", DataTable).focus()
            await pilot.press("enter")
            await wait_until(pilot, started.is_set, "the comparison")
            await pilot.press("q")
            await wait_until(pilot, lambda: app.return_code is not None, "the app to quit")
    finally:
        gate.set()


async def test_compare_shows_the_part_of_a_long_report_left_out(tmp_path: Path) -> None:
    app = NewsReaderApp(corpus_with_long_report(tmp_path, 1000), index_dir=tmp_path / "ix")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        app.open_articles([app.state.by_id[LONG], app.state.by_id["harbour/bay-gazette.md"]])
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, CompareScreen) and app.screen.model is not None,
            "the comparison",
        )
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_until(pilot, lambda: len(screen.panes) == 2, "the panes")
        pane = next(p for p in screen.panes if p.article.id == LONG)
        kinds = [b.kind for b in pane.blocks]
        note = kinds.index("skipped")
        assert "Not compared from here on" in pane.blocks[note].text
        assert set(kinds[note:]) == {"skipped"} and "skipped" not in kinds[:note]
        pane.focus()
        pane.scroll_end(animate=False, immediate=True)
        await wait_until(pilot, lambda: "item 999-" in screen_text(app), "the last paragraph")


async def test_what_the_app_loaded_is_frozen_and_a_left_report_is_let_go(tmp_path: Path) -> None:
    app = NewsReaderApp(corpus_with_long_report(tmp_path, 100), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert app.state.events is not None
        # out of the collector's sight: a full collection no longer visits the whole app
        assert gc.get_freeze_count() > 0
        app.open_article(app.state.by_id[LONG])
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        pane = reader.pane
        await wait_until(pilot, lambda: reader.sentences, "the sentences")
        assert len(pane.blocks) == 100
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ReaderScreen), "back")
        await wait_until(pilot, lambda: not pane.is_attached, "the reader gone")
        assert pane.blocks == []  # let go at once, not with the (frozen) widget's cycles
    assert gc.get_freeze_count() == 0  # thawed as the app ended: collectable again


def tracked(thing: object) -> bool:
    """Whether a full collection visits ``thing`` (a frozen object is in no generation)."""
    return any(o is thing for o in gc.get_objects())


async def test_a_long_compare_pane_is_laid_out_once_and_frozen_once_painted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    widths: list[tuple[int, int]] = []  # (blocks, text width) of every layout made

    class Counted(article_pane.Layout):
        def __init__(self, blocks: list[Any], width: int, *args: Any) -> None:
            widths.append((len(blocks), width))
            super().__init__(blocks, width, *args)

    monkeypatch.setattr(article_pane, "Layout", Counted)
    app = NewsReaderApp(corpus_with_long_report(tmp_path, 1400), index_dir=tmp_path / "ix")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        app.open_articles([app.state.by_id[LONG], app.state.by_id["harbour/bay-gazette.md"]])
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), "the screen")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_until(pilot, lambda: len(screen.panes) == 2, "the panes")
        pane = next(p for p in screen.panes if p.article.id == LONG)
        assert len(pane.blocks) > pane_row.LONG
        await wait_until(pilot, lambda: pane.show_vertical_scrollbar, "the scrollbar")
        await wait_until(pilot, lambda: pane.rows.exact, "every block wrapped")
        # laid out at the width the scrollbar leaves, not first at the whole width then again
        assert [w for n, w in widths if n == len(pane.blocks)] == [pane.rows.width]
        # its blocks are out of the full collections' sight once painted
        await wait_until(pilot, lambda: not tracked(pane.blocks[-1]), "the blocks frozen")
        # marks are set in one go: only the blocks that change
        pane.mark_blocks({0, 5})
        assert pane.marked == {0, 5} and pane.blocks[5].marked and pane.blocks[0].marked
        pane.mark_blocks({5})
        assert not pane.blocks[0].marked and pane.blocks[5].marked and pane.marked == {5}


async def test_ordinary_compare_panes_stay_collectable(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        app.open_articles([app.state.by_id["harbour/bay-gazette.md"]])
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), "the screen")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_until(pilot, lambda: bool(screen.panes), "the pane")
        pane = screen.panes[0]
        await wait_until(pilot, lambda: pane._palette is not None, "the first paint")
        await settle(app, pilot)
        # a short report's few blocks are not frozen: the screen's widgets stay collectable
        assert tracked(pane.blocks[0]) and tracked(pane)
