"""Provides FilterBar: the events list's typed filter (f), with its error on the line below."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from .typing import TypingInput


class FilterBar(Vertical):
    """Hidden until f; Enter applies the typed filter, Esc closes the bar (keeping the filter);
    an empty filter shows every event."""

    DEFAULT_CSS = """
    FilterBar { height: auto; display: none; }
    FilterBar.-open { display: block; }
    FilterBar > #filter-error { height: auto; padding: 0 2; color: $error; }
    """
    BINDINGS = [Binding("escape", "close", "Close filter", show=False, id="close-filter")]

    class Applied(Message):
        """The user typed a filter and pressed Enter."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Closed(Message):
        """The bar was closed with Esc."""

    def compose(self) -> ComposeResult:
        yield TypingInput(
            placeholder="Filter: outlet:yonhap conflict:number since:2024-10-01 last week words",
            id="filter",
        )
        yield Static(Content(""), id="filter-error")

    def open(self, text: str) -> None:
        """Show the bar with the filter in force (``text``) to edit, and put the keys in it."""
        self.add_class("-open")
        box = self.query_one(Input)
        box.focus()

        def fill() -> None:
            # after the key that opened the bar: it reaches the newly focused input too
            box.value = text
            box.cursor_position = len(text)

        self.call_after_refresh(fill)

    def show_error(self, error: str) -> None:
        """One line under the input ('' clears it)."""
        self.query_one("#filter-error", Static).update(Content(error))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Applied(event.value))

    def close(self) -> None:
        """Hide the bar (the filter stays in force)."""
        self.remove_class("-open")

    def action_close(self) -> None:
        self.close()
        self.post_message(self.Closed())
