"""Pilot: marks and notes in the single-article reader, shared with the compare screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import Input, OptionList, RadioButton, Static

from index.marks.store import DB_NAME, AnnotationStore
from tests.helpers import GAZETTE, write_corpus
from tests.pilot import open_first_event, open_reader, press_to, settle, type_query
from tui_reader.app import NewsReaderApp
from tui_reader.dialogs.export import ExportDialog
from tui_reader.dialogs.note import NoteDialog
from tui_reader.screens.compare import CompareScreen
from tui_reader.screens.reader import ReaderScreen
from tui_reader.widgets.marks_panel import MarksPanel

SIZE = (120, 36)
UNION = "The union said 240 workers joined the strike over unpaid overtime."  # our corpus text


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(folder))
    return folder


def _saved(data_dir: Path, corpus: Path) -> list[tuple[str, str, str | None, str, str | None]]:
    with AnnotationStore(data_dir / DB_NAME) as store:
        return [(m.article_id, m.text, m.label, m.note, m.event_id) for m in store.marks(corpus)]


async def to_sentence(screen: ReaderScreen, pilot: object, text: str) -> None:
    """Walk the cursor with ')' until it is on the sentence ``text``."""
    for _ in range(len(screen.sentences) + 1):
        passage = screen.current_passage()
        if passage is not None and passage.text == text:
            return
        await pilot.press("right_parenthesis")  # type: ignore[attr-defined]
    raise AssertionError(f"no sentence {text!r}")


def said(app: NewsReaderApp, words: str) -> bool:
    return any(words in n.message for n in app._notifications)


def marked_blocks(screen: ReaderScreen) -> list[int]:
    return [b.index for b in screen.pane.blocks if b.marked]


async def test_search_mark_reopen_and_compare(tmp_path: Path, data_dir: Path) -> None:
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_query(app, pilot, "overtime")
        hits = app.screen.hits  # type: ignore[attr-defined]
        await pilot.press("down", *["down"] * [h.id for h in hits].index(GAZETTE), "enter")
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article.id == GAZETTE
        # the search hit's sentence is the cursor: m marks it, saved before the screen says so
        passage = reader.current_passage()
        assert passage is not None and passage.text == UNION
        await pilot.press("m")
        await pilot.pause()
        event_id = app.state.events[0].id  # type: ignore[index]
        assert _saved(data_dir, corpus) == [(GAZETTE, UNION, None, "", event_id)]
        assert marked_blocks(reader) == [1]
        assert said(app, "Marked and saved")
        app.state.marks.close()
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, GAZETTE)
        assert marked_blocks(reader) == [1]
        assert "★" in reader.pane.blocks[1].gutter_lines()
        gutter = list(reader.pane.paint_block(1)[0])[0]  # the star, in the success colour
        assert gutter.text.strip() == "★" and gutter.style is not None
        assert gutter.style.color == Color.parse(app.theme_variables["success"]).rich_color
        assert reader.query_one(MarksPanel).query_one(OptionList).option_count == 1
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_first_event(app, pilot)
        panes = [(p, b) for p in screen.panes for b in p.blocks if b.marked]
        assert [b.key for _p, b in panes] == [passage.id]  # the reader's sentence is compare's
        pane, block = panes[0]
        words = list(pane.paint_block(block.index)[0])[-1]  # tinted there too
        assert words.style is not None and words.style.bgcolor != pane.rich_style.bgcolor
        # and it is that passage's own mark there: its detail line, and m takes it off
        await pilot.press("c")
        view = screen.current_view()
        assert view is not None and view.passage.id == passage.id
        assert screen.marking.mark_line(view.passage) == "marked"
        await pilot.press("m")
        await pilot.pause()
        assert _saved(data_dir, corpus) == []
        app.state.marks.close()


async def test_compare_mark_shows_in_reader_and_unmarking_there_shows_back(
    tmp_path: Path, data_dir: Path
) -> None:
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        compare = await open_first_event(app, pilot)
        await pilot.press("c", "m")
        await pilot.pause()
        view = compare.current_view()
        assert view is not None
        p = view.passage
        reader = await open_reader(app, pilot, p.article_id)  # on top of the compare screen
        block = reader.map.block_of(p.start)
        assert marked_blocks(reader) == [block]
        # the panel lists it; Enter on it puts the cursor on that sentence; m unmarks it
        panel = reader.query_one(MarksPanel)
        panel.query_one(OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert reader.current_passage() == p
        await pilot.press("m")
        await pilot.pause()
        assert _saved(data_dir, corpus) == [] and marked_blocks(reader) == []
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is compare
        assert not any(b.marked for pane in compare.panes for b in pane.blocks)
        assert compare.marking.marks == []
        app.state.marks.close()


async def test_note_with_label_in_reader_is_exported(tmp_path: Path, data_dir: Path) -> None:
    corpus = write_corpus(tmp_path)
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, GAZETTE)
        await pilot.press("a")  # no sentence chosen yet: a hint, no dialog
        await pilot.pause()
        assert app.screen is reader
        assert said(app, "Go to a sentence first")
        await to_sentence(reader, pilot, UNION)
        await press_to(app, pilot, "a", NoteDialog)
        app.screen.query(RadioButton)[2].value = True  # "disputed"
        await pilot.press(*"call the union office", "ctrl+s")
        await pilot.pause()
        assert _saved(data_dir, corpus) == [
            (GAZETTE, UNION, "disputed", "call the union office", app.state.events[0].id)
        ]  # type: ignore[index]
        status = str(reader.query_one("#hit-status", Static).content)
        assert "disputed" in status and "call the union office" in status
        await press_to(app, pilot, "e", ExportDialog)
        assert "this report" in str(app.screen.query("Label").first().content)
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader
        text = target.read_text(encoding="utf-8")
        assert "## Your marked excerpts (1)" in text
        assert "### 1. disputed" in text and "call the union office" in text
        assert "240 workers" in text
        assert "410 workers" not in text  # only this report, not the event's other reports
        app.state.marks.close()


async def test_sentence_cursor_marks_one_sentence_of_a_paragraph(
    tmp_path: Path, data_dir: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "river.txt").write_text(
        "River barge stuck under the old bridge\n\n"
        "A grain barge wedged itself under the Amsel bridge at dawn. Crews spent six hours "
        "freeing it. Nobody was hurt.\n\n"
        "The bridge reopens to cars on Friday.\n",
        encoding="utf-8",
    )
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "river.txt")
        assert reader.current_passage() is None
        await pilot.press("right_parenthesis", "right_parenthesis")
        second = reader.current_passage()
        assert second is not None and second.text == "Crews spent six hours freeing it."
        block = reader.pane.blocks[0]
        assert reader.pane.current == 0
        cursor = [(s, e) for s, e, name in block.spans if name == "pane--cursor"]
        assert [block.text[s:e] for s, e in cursor] == [second.text]
        await pilot.press("space")
        await pilot.pause()
        assert [t for _a, t, *_ in _saved(data_dir, corpus)] == [second.text]
        marked = [(s, e) for s, e, name in block.spans if name == "pane--marked"]
        assert [block.text[s:e] for s, e in marked] == [second.text]  # not the paragraph
        # drawn as a tint of the theme's success colour, never the full colour behind the words
        success = Color.parse(app.theme_variables["success"])
        backgrounds = [
            segment.style.bgcolor
            for strip in reader.pane.paint_block(0)
            for segment in strip
            if segment.text and segment.text in second.text and segment.style is not None
        ]
        assert backgrounds and all(b is not None for b in backgrounds)
        assert success.rich_color not in backgrounds
        assert marked_blocks(reader) == [0]
        await pilot.press("left_parenthesis", "m")  # the first sentence: a second mark
        await pilot.pause()
        assert len(_saved(data_dir, corpus)) == 2
        # the last sentence of the report is the end: ')' says so and stays put
        for _ in range(4):
            await pilot.press("right_parenthesis")
        last = reader.current_passage()
        assert last is not None and last.text.startswith("The bridge reopens")
        await pilot.press("right_parenthesis")
        assert reader.current_passage() == last
        assert said(app, "No further sentence")
        # panel: jump back to the first mark, then delete it from there
        options = reader.query_one(MarksPanel).query_one(OptionList)
        options.focus()
        options.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        first = reader.current_passage()
        assert first is not None and first.text.startswith("A grain barge")
        options.focus()
        await pilot.press("delete")
        await pilot.pause()
        assert [t for _a, t, *_ in _saved(data_dir, corpus)] == [second.text]
        await pilot.press("M")
        await pilot.pause()
        assert not reader.query_one(MarksPanel).display
        app.state.marks.close()


def test_help_and_palette_list_the_reader_mark_keys() -> None:
    from tui_reader.dialogs.help import help_sections
    from tui_reader.keymap import screen_bindings

    sections = dict(help_sections())
    keys = {k for keys, _d in sections["Marks (reader)"] for k in keys.split(" / ")}
    assert {"m", "space", "a", "e", "M"} <= keys
    assert "x" not in keys  # dismissing a conflict needs the compare screen
    assert {"(", ")"} <= {k for keys, _d in sections["Reader"] for k in keys.split(" / ")}
    actions = [b.action for b in screen_bindings(ReaderScreen)]
    assert {"mark", "note", "export", "toggle_marks", "sentence(1)"} <= set(actions)
    assert {"mark", "dismiss_conflict", "align"} <= {
        b.action for b in screen_bindings(CompareScreen)
    }


async def test_palette_runs_a_reader_mark_action(tmp_path: Path, data_dir: Path) -> None:
    from tui_reader.commands import NewsCommands

    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, GAZETTE)
        await pilot.press("right_parenthesis")
        provider = NewsCommands(reader)
        titles = {title: callback for title, callback, _h in provider.commands()}
        assert {
            "Reader: Mark",
            "Reader: Note",
            "Reader: Export",
            "Reader: Marks panel",
            "Reader: Next sentence",
        } <= set(titles)
        app.call_later(titles["Reader: Mark"])  # as the palette runs a chosen command
        await pilot.pause()
        await pilot.pause()
        assert len(_saved(data_dir, corpus)) == 1
        # footer hints: a and e are Note and Export; Articles and Events have their own keys
        keys = {
            b.binding.description: key
            for key, b in reader.active_bindings.items()
            if b.binding.show or b.binding.description in ("Articles", "Events")
        }
        assert {"Mark", "Note", "Export", "Next sentence"} <= set(keys)
        assert (keys["Note"], keys["Export"], keys["Articles"], keys["Events"]) == tuple("aeAE")
        app.state.marks.close()


async def test_unusable_data_dir_is_one_error_and_the_reader_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(blocker))
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        article = app.state.by_id[GAZETTE]
        at = article.body.index("harbour")
        app.open_article(article, ((at, at + len("harbour")),))
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        names = [n for b in reader.pane.blocks for (_s, _e, n) in b.spans]
        assert names == ["pane--match-current"]  # hits are shown without the marks database
        await pilot.press("m", "right_parenthesis", "m", "a")
        await pilot.pause()
        errors = [n for n in app._notifications if n.title == "Marks unavailable"]
        assert len(errors) == 1
        assert app.screen is reader  # no note dialog for a note that could not be kept
        assert said(app, "Marks cannot be saved")
        assert reader.current_passage() == reader.sentences[1]  # the cursor still moves
        app.state.marks.close()


async def test_marking_after_scrolling_away_shows_what_was_marked(
    tmp_path: Path, data_dir: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [f"Lock keeper number {n} logged a barge at gate {n}." for n in range(60)]
    (corpus / "locks.txt").write_text(
        "Barges logged at the locks\n\n" + "\n\n".join(lines), encoding="utf-8"
    )
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "locks.txt")
        assert "picks a sentence" in str(reader.query_one("#hit-status", Static).content)
        await pilot.press("right_parenthesis")
        assert reader.current_passage() == reader.sentences[0]
        await pilot.press("end")
        await pilot.pause()
        assert not reader.pane.in_view(0)
        await pilot.press("m")
        await pilot.pause()
        await pilot.pause()
        assert [t for _a, t, *_ in _saved(data_dir, corpus)] == [lines[0]]
        assert reader.pane.in_view(0)  # the marked sentence was brought back into view
        app.state.marks.close()


async def test_a_note_that_fails_to_save_stays_in_the_dialog(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.marks.store import AnnotationError

    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, GAZETTE)
        await to_sentence(reader, pilot, UNION)
        real_add = AnnotationStore.add

        def failing_add(*_args: object, **_kwargs: object) -> None:
            raise AnnotationError("cannot write annotations: disk full")

        monkeypatch.setattr(AnnotationStore, "add", failing_add)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"ask the harbour master", "ctrl+s")
        await pilot.pause()
        assert said(app, "disk full")
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)  # shown again, with what was typed
        assert dialog.result().note == "ask the harbour master"
        monkeypatch.setattr(AnnotationStore, "add", real_add)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is reader
        assert [n for *_x, n, _e in _saved(data_dir, corpus)] == ["ask the harbour master"]
        # a mark deleted behind the screen's back (another process) gets the note anyway
        with AnnotationStore(data_dir / DB_NAME) as other:
            other.delete(other.marks(corpus)[0].id)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"today: ", "ctrl+s")  # the dialog opens with the cursor at the start
        await pilot.pause()
        assert [n for *_x, n, _e in _saved(data_dir, corpus)] == ["today: ask the harbour master"]
        app.state.marks.close()


async def test_compare_dismiss_that_fails_to_save_is_an_error_not_a_crash(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.marks.store import AnnotationError

    def failing_add(*_args: object, **_kwargs: object) -> None:
        raise AnnotationError("cannot write annotations: database is locked")

    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        compare = await open_first_event(app, pilot)
        assert compare.model is not None
        conflicts = compare.model.counts()[1]
        monkeypatch.setattr(AnnotationStore, "add", failing_add)
        await pilot.press("c", "x")
        await settle(app, pilot)
        assert app.is_running and app.screen is compare
        assert said(app, "database is locked")
        assert compare.model.counts()[1] == conflicts  # nothing was dismissed
        app.state.marks.close()
