"""Pilot: the reader corrects the grouping on the events screen (merge J, move V, split X,
undo U); corrections are saved with the marks, survive a restart, and a corrected event says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, SelectionList, Static

from index.marks.store import DB_NAME, AnnotationStore
from tests.helpers import GAZETTE, write_corpus
from tests.pilot import run_palette_command, screen_text, settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.dialogs.choose_event import EventChoiceDialog
from tui_reader.dialogs.split import SplitDialog
from tui_reader.screens.events import CORRECTED, EventsScreen


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(folder))
    return folder


def _groups(app: NewsReaderApp) -> list[list[str]]:
    """The events' report ids as the screen's state holds them (largest first)."""
    return [sorted(e.article_ids) for e in app.state.events or []]


def _titles(app: NewsReaderApp) -> list[str]:
    table = app.screen.query_one("#events", DataTable)
    return [str(table.get_row_at(k)[0]) for k in range(table.row_count)]


async def _wait_events(app: NewsReaderApp, pilot: object, count: int) -> None:
    table = app.screen.query_one("#events", DataTable)
    await wait_until(pilot, lambda: table.row_count == count, f"{count} events")  # type: ignore[arg-type]


async def test_merge_survives_a_restart_and_undo_too(tmp_path: Path, data_dir: Path) -> None:
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert [len(g) for g in _groups(app)] == [3, 1]
        await pilot.press("J")
        await wait_until(pilot, lambda: isinstance(app.screen, EventChoiceDialog), "the dialog")
        assert "Orchid growers" in screen_text(app)  # the other event, the only choice
        await pilot.press("escape")  # cancel: nothing changes
        await wait_until(pilot, lambda: isinstance(app.screen, EventsScreen), "the events")
        assert [len(g) for g in _groups(app)] == [3, 1]
        await pilot.press("J", "enter")
        await _wait_events(app, pilot, 1)
        assert [len(g) for g in _groups(app)] == [4]
        assert _titles(app)[0].startswith(f"{CORRECTED} Ferry strike")  # the larger part names it
        status = str(app.screen.query_one("#status", Static).content)
        assert f"1 {CORRECTED} corrected by you" in status
        assert any("Merged" in n.message for n in app._notifications)
        app.state.marks.close()
    with AnnotationStore(data_dir / DB_NAME) as store:
        assert [c.kind for c in store.corrections(corpus)] == ["merge"]
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert [len(g) for g in _groups(app)] == [4]  # the correction survived the restart
        assert app.state.corrected == {app.state.events[0].id}  # type: ignore[index]
        assert [len(g) for g in _groups(app) if g] == [len(app.state.articles)]
        await pilot.press("U")
        await _wait_events(app, pilot, 2)
        assert [len(g) for g in _groups(app)] == [3, 1]
        assert not any(t.startswith(CORRECTED) for t in _titles(app))
        app.state.marks.close()
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert [len(g) for g in _groups(app)] == [3, 1]  # the undo was saved too
        await pilot.press("U")
        await wait_until(pilot, lambda: any("undo" in n.message for n in app._notifications))
        app.state.marks.close()


async def test_move_a_report_to_another_event(tmp_path: Path, data_dir: Path) -> None:
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        reports = app.screen.query_one("#reports", DataTable)
        await pilot.press("tab")
        row = list(reports.rows).index(next(k for k in reports.rows if k.value == GAZETTE))
        reports.move_cursor(row=row)
        await pilot.press("V")
        await wait_until(pilot, lambda: isinstance(app.screen, EventChoiceDialog), "the dialog")
        await pilot.press("enter")
        await wait_until(pilot, lambda: GAZETTE in _groups(app)[-1], "the report moved")
        groups = _groups(app)
        assert sorted(len(g) for g in groups) == [2, 2]
        garden = next(g for g in groups if GAZETTE in g)
        assert any(i.startswith("garden/") for i in garden)
        assert sum(t.startswith(CORRECTED) for t in _titles(app)) == 2  # both events changed
        # the cursor is on the event the report went to, its reports listed beside it
        assert GAZETTE in [k.value for k in reports.rows]
        app.state.marks.close()


async def test_split_off_reports_from_the_palette(tmp_path: Path, data_dir: Path) -> None:
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Events: Split off reports")
        await wait_until(pilot, lambda: isinstance(app.screen, SplitDialog), "the dialog")
        dialog = app.screen
        await pilot.press("enter")  # nothing selected: refused, the dialog stays
        await pilot.pause()
        assert app.screen is dialog
        picker = dialog.query_one(SelectionList)
        picker.select_all()
        await pilot.press("enter")  # all of them: refused too
        await pilot.pause()
        assert app.screen is dialog
        picker.deselect_all()
        picker.select(1)  # Coast Herald's report
        await pilot.press("enter")
        await _wait_events(app, pilot, 3)
        assert sorted(len(g) for g in _groups(app)) == [1, 1, 2]
        assert sum(t.startswith(CORRECTED) for t in _titles(app)) == 2
        # the new event is named by its report, not after the event it left
        assert f"{CORRECTED} Lindqvist ferry workers strike" in _titles(app)
        app.state.marks.close()


async def test_correction_keys_are_in_help(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        for words in ("Merge with", "Move report to", "Split off reports", "Undo correction"):
            assert words in text, words


async def test_a_correction_follows_an_edited_report_through_a_reload(
    tmp_path: Path, data_dir: Path
) -> None:
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("J", "enter")  # the harbour strike and the garden show as one
        await _wait_events(app, pilot, 1)
        show = corpus / "garden/show.md"
        show.write_text(show.read_text() + "\nThe show closes on Sunday evening.\n")
        grouped = app.state.grouped
        await pilot.press("R")
        await wait_until(pilot, lambda: app.state.grouped is not grouped, "the regrouping")
        await settle(app, pilot)
        assert "closes on Sunday" in app.state.by_id["garden/show.md"].body  # re-read
        assert [len(g) for g in _groups(app)] == [4]  # still merged, by the same report ids
        assert _titles(app)[0].startswith(CORRECTED)
        app.state.marks.close()


async def test_the_event_list_filters_as_you_type(tmp_path: Path, data_dir: Path) -> None:
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("J")
        await wait_until(pilot, lambda: isinstance(app.screen, EventChoiceDialog), "the dialog")
        dialog = app.screen
        assert isinstance(dialog, EventChoiceDialog)
        options = dialog.query_one(OptionList)
        await pilot.press(*"lighthouse")  # no event has it: nothing to choose, Enter does nothing
        await wait_until(pilot, lambda: options.option_count == 0, "an empty list")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        for _ in "lighthouse":
            await pilot.press("backspace")
        await pilot.press(*"GARDEN show")  # every word, in any case
        await wait_until(pilot, lambda: options.option_count == 1, "the garden show")
        await pilot.press("enter")
        await _wait_events(app, pilot, 1)
        assert [len(g) for g in _groups(app)] == [4]
        app.state.marks.close()
