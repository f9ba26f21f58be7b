"""Pilot: marks, notes and dismissed conflicts survive restarts; export with the reader open."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from index.marks.store import DB_NAME, DISMISSED, AnnotationStore
from tests.helpers import write_corpus
from tests.pilot import open_first_event, press_to, settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.dialogs.export import ExportDialog
from tui_reader.dialogs.note import NoteDialog
from tui_reader.widgets.marks_panel import MarksPanel


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(folder))
    return folder


def _saved(data_dir: Path, corpus: Path) -> list[tuple[str, str | None, str]]:
    with AnnotationStore(data_dir / DB_NAME) as store:
        return [(m.text, m.label, m.note) for m in store.marks(corpus)]


async def test_mark_and_note_survive_a_restart(tmp_path: Path, data_dir: Path) -> None:
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("c")
        view = screen.current_view()
        assert view is not None
        await pilot.press("m")
        await pilot.pause()
        assert _saved(data_dir, corpus) == [(view.passage.text, None, "")]  # saved at once
        await press_to(app, pilot, "a", NoteDialog)
        await pilot.press(*"ask the union", "ctrl+s")
        await pilot.pause()
        assert _saved(data_dir, corpus) == [(view.passage.text, None, "ask the union")]
        pane = screen.panes[screen.row.active]
        assert pane.blocks[pane.current].marked
        app.state.marks.close()
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        await settle(app, pilot)
        marked = [b for p in screen.panes for b in p.blocks if b.marked]
        assert [b.key for b in marked] == [view.passage.id]
        assert "★" in marked[0].gutter_lines()
        panel = screen.query_one(MarksPanel)
        assert panel.query_one(OptionList).option_count == 1
        assert "ask the union" in str(panel.query_one(OptionList).get_option_at_index(0).prompt)
        # m on the marked passage removes the mark
        pane = screen.panes[[p.article.id for p in screen.panes].index(view.passage.article_id)]
        pane.set_current(pane.block_for(view.passage.id).index)  # type: ignore[union-attr]
        screen.row.activate(screen.panes.index(pane))
        await pilot.press("m")
        await pilot.pause()
        assert _saved(data_dir, corpus) == []
        app.state.marks.close()


async def test_dismissed_conflict_is_not_flagged_again(tmp_path: Path, data_dir: Path) -> None:
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        assert screen.model is not None
        _, before = screen.model.counts()
        await pilot.press("c")
        view = screen.current_view()
        assert view is not None and view.kind == "conflict"
        await pilot.press("x")
        await settle(app, pilot)
        _, after = screen.model.counts()
        assert after < before
        assert screen.model.by_id[view.passage.id].kind != "conflict"
        assert [label for _t, label, _n in _saved(data_dir, corpus)] == [DISMISSED] * len(
            view.conflicts()
        )
        app.state.marks.close()
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        assert screen.model is not None
        assert screen.model.counts()[1] == after
        assert screen.model.by_id[view.passage.id].kind != "conflict"
        app.state.marks.close()


async def test_export_while_the_reader_is_open(tmp_path: Path, data_dir: Path) -> None:
    corpus = write_corpus(tmp_path)
    target = tmp_path / "out" / "brief.md"
    target.parent.mkdir()
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("c", "m", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# ") and "## Your marked excerpts (1)" in text
        # the next export starts in the folder of the last one
        target.write_text("edited by hand", encoding="utf-8")
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the dialog")
        path = app.screen.query_one("#export-path", Input)
        assert Path(path.value).parent == target.parent
        # an existing file: the dialog asks, keeping the path; nothing is written yet
        path.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path", Input).value == str(target)
        warning = str(dialog.query_one("#export-warning", Static).content)
        assert "brief.md already exists: Enter again replaces it" in warning, warning
        assert "--force" not in warning
        assert target.read_text(encoding="utf-8") == "edited by hand"
        # Enter again replaces it
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is screen, "the dialog closed")
        await wait_until(
            pilot, lambda: target.read_text(encoding="utf-8") != "edited by hand", "a rewrite"
        )
        assert "## Your marked excerpts (1)" in target.read_text(encoding="utf-8")
        # the command line exports the same mark while the app holds the database open
        from tui_reader.cli import main

        out = tmp_path / "out" / "marked.json"
        assert (
            main(
                [
                    "export",
                    "--corpus",
                    str(corpus),
                    "--index-dir",
                    str(tmp_path / "ix2"),
                    "--marked",
                    "--format",
                    "json",
                    "-o",
                    str(out),
                ]
            )
            == 0
        )
        assert '"label": null' in out.read_text(encoding="utf-8")
        app.state.marks.close()


def test_help_lists_the_mark_keys() -> None:
    from tui_reader.dialogs.help import help_sections

    rows = dict(help_sections())["Marks (compare)"]
    keys = {k for keys, _d in rows for k in keys.split(" / ")}
    assert {"m", "space", "a", "x", "e", "M"} <= keys
    assert any(d == "Export" for _k, d in rows)


async def test_panel_labels_jump_and_delete(tmp_path: Path, data_dir: Path) -> None:
    from textual.widgets import RadioButton

    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("space")  # no passage chosen yet: nothing saved, a hint instead
        await pilot.pause()
        assert _saved(data_dir, corpus) == []
        assert any("Go to a passage" in n.message for n in app._notifications)
        await pilot.press("u", "space")  # space marks too
        await pilot.pause()
        assert len(_saved(data_dir, corpus)) == 1
        await pilot.press("space")
        await pilot.pause()
        assert _saved(data_dir, corpus) == []
        await pilot.press("c", "a")
        await pilot.pause()
        app.screen.query(RadioButton)[2].value = True  # "disputed"
        await pilot.press("ctrl+s")
        await pilot.pause()
        view = screen.current_view()
        assert view is not None
        assert [(label, note) for _t, label, note in _saved(data_dir, corpus)] == [("disputed", "")]
        # move away, then jump back from the panel
        pane = screen.panes[screen.row.active]
        pane.set_current(0)
        panel = screen.query_one(MarksPanel)
        panel.query_one(OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current_view() == view
        panel.query_one(OptionList).focus()
        await pilot.press("delete")
        await pilot.pause()
        assert _saved(data_dir, corpus) == []
        assert not any(b.marked for p in screen.panes for b in p.blocks)
        await pilot.press("M")  # hide the (now empty) panel; no error
        app.state.marks.close()


async def test_unusable_data_dir_is_one_error_and_the_reader_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(blocker))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("c", "m", "n", "m")
        await pilot.pause()
        errors = [n for n in app._notifications if n.title == "Marks unavailable"]
        assert len(errors) == 1 and "cannot open annotations" in errors[0].message
        assert screen.current_view() is not None  # navigation still works
        app.state.marks.close()


async def test_events_list_counts_leave_out_dismissed_conflicts(
    tmp_path: Path, data_dir: Path
) -> None:
    from textual.widgets import DataTable

    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        assert screen.model is not None
        await pilot.press("c")
        await pilot.press("x")
        await settle(app, pilot)
        _, after = screen.model.counts()
        await pilot.press("escape")
        await settle(app, pilot)
        events = app.screen.query_one("#events", DataTable)
        assert str(events.get_row_at(0)[4]) == str(after)  # the Conflicts column, as the panes
        app.state.marks.close()


async def test_detail_panel_shows_the_note_of_a_marked_passage(
    tmp_path: Path, data_dir: Path
) -> None:
    from tui_reader.compare.detail_panel import DetailPanel

    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("c")
        detail = screen.query_one(DetailPanel)
        assert "★" not in str(detail.content)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"check the tally", "ctrl+s")
        await settle(app, pilot)
        assert "★" in str(detail.content) and "check the tally" in str(detail.content)
        app.state.marks.close()
