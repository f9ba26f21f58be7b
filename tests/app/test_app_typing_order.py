"""Pilot: keys arriving in one read (a fast typist, a loaded machine) edit the boxes in order."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.helpers import write_corpus
from tests.pilot import open_search, settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.dialogs.note import NoteDialog


async def burst(app: NewsReaderApp, pilot: Pilot[object], keys: str) -> None:
    """Post every key at once, as the terminal driver does when they come in one read
    ('<' is backspace, '^' ctrl+u, '{' left), then let every message land."""
    named = {"<": ("backspace", None), "^": ("ctrl+u", None), "{": ("left", None)}
    for char in keys:
        key, character = named.get(char, (char, char))
        app.post_message(events.Key(key, character))
    for _ in range(5):  # the bubbling of a bound key takes a few turns of the loop
        await pilot.pause()


async def test_search_box_applies_backspace_ctrl_u_and_arrows_in_order(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = await open_search(app, pilot)
        box = screen.query_one(Input)
        await burst(app, pilot, "ab<c")
        assert box.value == "ac"  # Textual's own Input: "ab" (the c typed, then the b erased)
        await burst(app, pilot, "^xy{z")
        assert box.value == "xzy"  # Textual's own Input: "" (ctrl+u erased what came after it)


async def test_note_box_applies_backspace_in_order(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        dialog = NoteDialog("A passage.")
        await app.push_screen(dialog)
        area = dialog.query_one(TextArea)
        await wait_until(pilot, lambda: area.has_focus, "the note box has the keys")
        await burst(app, pilot, "ab<c")
        assert area.text == "ac"
