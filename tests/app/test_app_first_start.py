"""Pilot: a first start lists the events before the index is written (a full build hands the app
the articles first), search says it is indexing until it is, then finds; the events are the
full grouping's, as a reopen reads them from the cache."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from index import CorpusIndex, cached_group_events
from index.store import parallel_build
from tests.helpers import write_corpus
from tests.pilot import open_search, settle, wait_until
from tui_reader.app import NewsReaderApp


class SlowBuild:
    """The build's indexing step held until ``release``: a build as slow as the test wants."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.waiting = threading.Event()  # the build reached its indexing
        real = parallel_build.add_read

        def held(builder: object, read: parallel_build.Read) -> None:
            self.waiting.set()
            self.gate.wait()
            real(builder, read)  # type: ignore[arg-type]

        monkeypatch.setattr(parallel_build, "add_read", held)

    def release(self) -> None:
        self.gate.set()


def status(app: NewsReaderApp, widget: str = "#status") -> str:
    return str(app.screen.query_one(widget, Static).content)


async def test_events_are_listed_while_the_first_index_is_built_and_search_waits_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = SlowBuild(monkeypatch)
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        try:
            table = app.screen.query_one("#events", DataTable)
            await wait_until(pilot, lambda: table.row_count, "the events listed")
            assert build.waiting.is_set() and not build.gate.is_set()  # the build is held
            assert app.state.report is None and app.state.indexing is not None
            assert table.row_count == 2 and len(app.state.articles) == 4
            assert "indexing" in status(app)
            # the list's counts wait for the index: search gets the cores first
            assert not [w for w in app.workers if w.name == "prefetch"]
            search = await open_search(app, pilot)
            await pilot.press(*"harbour")
            await wait_until(pilot, lambda: search.waiting, "the search to wait")
            assert "Indexing" in status(app, "#search-status") and not search.hits
            await pilot.press("z")  # keys answer while the build is held
            await wait_until(pilot, lambda: search.last_query == "harbourz", "the next query")
            await pilot.press("backspace")
            build.release()
            await wait_until(pilot, lambda: len(search.hits) == 3, "the search's hits")
            assert "matching" in status(app, "#search-status")
        finally:
            build.release()
        await settle(app, pilot)
        assert app.state.indexing is None and app.state.report is not None
        multi = [e.id for e in app.state.events or [] if len(e.article_ids) > 1]
        await wait_until(pilot, lambda: set(app.state.comparisons) >= set(multi), "the counts")
        assert multi
        grouped = [(e.id, e.article_ids) for e in app.state.grouped or []]
    # the same events a reopen reads back from the cache: the full grouping of the index's
    articles = CorpusIndex(corpus, tmp_path / "ix").articles()
    assert grouped == [(e.id, e.article_ids) for e in cached_group_events(articles)]


async def test_the_app_events_of_a_first_start_with_worker_processes_match_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "2")  # held worker processes, as at 1,000+
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await wait_until(pilot, lambda: app.state.report is not None, "the index")
        assert app.state.failure is None and app.state.indexing is None
        assert app.state.articles == CorpusIndex(corpus, tmp_path / "ix").articles()
        assert app.state.events is not None and len(app.state.events) == 2
        assert "indexing" not in status(app)


async def test_a_first_parts_events_are_listed_while_all_are_grouped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index
    from tui_reader import jobs

    # a first part of two articles out of four (at 2,000+ it is a 20th, 200-1,000 of them)
    monkeypatch.setattr(jobs, "FIRST_FROM", 4)
    monkeypatch.setattr(jobs, "FIRST_SHARE", 2)
    monkeypatch.setattr(jobs, "FIRST_LEAST", 2)
    gate = threading.Event()
    real = index.cached_group_events

    def held(articles: list[index.Article]) -> list[index.Event]:
        gate.wait()  # the whole grouping, as slow as the test wants
        return real(articles)

    monkeypatch.setattr(index, "cached_group_events", held)
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        try:
            table = app.screen.query_one("#events", DataTable)
            await wait_until(pilot, lambda: table.row_count, "the first part's events")
            first = app.state.articles[:2]
            assert app.state.first_part == (2, 4) and app.state.grouped is None
            listed = {i for e in app.state.events or [] for i in e.article_ids}
            assert listed == {a.id for a in first}
            assert "from the first 2 of 4 articles" in status(app)
            assert "grouping all" in status(app)
            await pilot.press("J")  # a correction waits for the whole grouping
            await wait_until(
                pilot,
                lambda: any("every article is grouped" in n.message for n in app._notifications),
                "the correction refused",
            )
            gate.set()
            await wait_until(pilot, lambda: app.state.grouped is not None, "all the events")
            assert app.state.first_part is None and table.row_count == 2
            assert "first 2" not in status(app)
        finally:
            gate.set()
        await settle(app, pilot)


async def test_the_events_list_fills_a_part_at_a_time_and_a_newer_filling_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui_reader.screens import events_lists
    from tui_reader.screens.events import EventsScreen

    monkeypatch.setattr(events_lists, "ROWS_AT_ONCE", 1)  # two events: two parts
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EventsScreen)
        table = screen.query_one("#events", DataTable)
        wanted = [e.id for e in app.state.events or []]
        assert len(wanted) == 2
        screen._fill_events()
        assert table.row_count == 1  # the first part now (the cursor's row), the rest later
        screen._fill_events()  # again before the first filling's second part came
        await wait_until(pilot, lambda: table.row_count == 2, "the second part")
        await pilot.pause()
        assert [str(k.value) for k in table.rows] == wanted  # each once: the old part dropped
        assert table.cursor_row == 0
        # the rows live as long as the list: frozen out of the collector's sight as they came
        # (its full collections walked them on the UI thread)
        rows = {id(row) for row in table.rows.values()}
        assert len(rows) == 2 and not any(id(o) in rows for o in gc.get_objects())


async def test_the_index_progress_is_posted_paced_not_once_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    from tests.helpers import write_numbered_corpus
    from tui_reader import jobs
    from tui_reader.messages import IndexProgress

    # A clock that never moves: within one stage nothing is due but its first and last file
    # (one message a file woke the UI 10,000 times on a first start of 10,000 files).
    monkeypatch.setattr(jobs, "time", SimpleNamespace(monotonic=lambda: 0.0))
    corpus = write_numbered_corpus(tmp_path / "corpus", 30)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    posted: list[IndexProgress] = []
    post = app.post_message

    def counting(message: object) -> bool:
        if isinstance(message, IndexProgress):
            posted.append(message)
        return post(message)  # type: ignore[arg-type]

    app.post_message = counting  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: app.state.report is not None, "the index")
        await settle(app, pilot)
    stages = {m.what for m in posted}
    assert "Indexing" in stages
    for stage in stages:
        told = [(m.done, m.total) for m in posted if m.what == stage]
        assert len(told) <= 2, (stage, told)
        assert told[-1][0] == told[-1][1] == 30, (stage, told)  # the last file is always told
