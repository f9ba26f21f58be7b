"""Provides NoteDialog: label and note for a marked passage, returned as a NoteResult."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioButton, RadioSet, Static, TextArea

from ..text import one_line
from ..widgets.typing import TypingArea

CHOICES: tuple[str | None, ...] = (None, "confirmed", "disputed", "follow up")


@dataclass(frozen=True)
class NoteResult:
    """What the user saved: a label (None: no label) and a note (may be empty)."""

    label: str | None
    note: str


class NoteDialog(ModalScreen[NoteResult | None]):
    """Ctrl+S saves, Esc cancels; the passage is shown literally at the top."""

    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > Vertical { width: 72; height: auto; max-height: 90%; padding: 1 2;
                            border: thick $accent; background: $surface; }
    NoteDialog #note-passage { color: $text-muted; margin-bottom: 1; max-height: 6; }
    NoteDialog RadioSet { layout: horizontal; width: 100%; }
    NoteDialog TextArea { height: 6; }
    NoteDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note-save"),
        Binding("escape", "cancel", "Cancel", id="note-cancel"),
    ]

    def __init__(self, passage: str, label: str | None = None, note: str = "") -> None:
        super().__init__()
        self.passage = passage
        self.label = label if label in CHOICES else None
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(one_line(self.passage, 300)), id="note-passage")
            yield Label("Label")
            with RadioSet(id="note-label"):
                for choice in CHOICES:
                    yield RadioButton(choice or "none", value=choice == self.label)
            yield Label("Note (Ctrl+S saves, Esc cancels)")
            yield TypingArea(self.note, id="note-text")
            with Horizontal():
                yield Button("Save", variant="primary", id="note-ok")
                yield Button("Cancel", id="note-no")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def result(self) -> NoteResult:
        index = self.query_one(RadioSet).pressed_index
        label = CHOICES[index] if 0 <= index < len(CHOICES) else None
        return NoteResult(label, self.query_one(TextArea).text.strip())

    def action_save(self) -> None:
        self.dismiss(self.result())

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.result() if event.button.id == "note-ok" else None)
