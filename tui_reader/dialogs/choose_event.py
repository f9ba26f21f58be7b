"""Provides EventChoiceDialog: choose the event to merge with, or to move a report to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from index import Event

from ..widgets.typing import TypingInput


class EventChoiceDialog(ModalScreen[Event | None]):
    """A list of events (titles, report counts, outlets) under a filter field: typing keeps the
    events whose label has every typed word (a corpus has thousands); Enter returns the
    highlighted Event, Esc None."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", id="cancel-choice"),
        Binding("down", "list('cursor_down')", "Down", show=False),
        Binding("up", "list('cursor_up')", "Up", show=False),
    ]

    def __init__(self, heading: str, choices: list[tuple[Event, str]]) -> None:
        """``choices``: each event with its label (literal text, never markup)."""
        super().__init__()
        self.heading = heading
        self.choices = choices
        self.shown = list(range(len(choices)))  # indexes into choices, as listed

    def compose(self) -> ComposeResult:
        yield Static(
            Content(f"{self.heading} · type to filter · Enter chooses · Esc cancels"),
            id="choice-help",
        )
        yield TypingInput(placeholder="filter events", id="choice-filter")
        yield OptionList(*self._options(), id="choice")

    def _options(self) -> list[Option]:
        return [Option(Content(self.choices[i][1])) for i in self.shown]

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0 if self.shown else None

    def on_input_changed(self, message: Input.Changed) -> None:
        words = message.value.lower().split()
        self.shown = [
            i
            for i, (_e, label) in enumerate(self.choices)
            if all(w in label.lower() for w in words)
        ]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options())
        options.highlighted = 0 if self.shown else None

    def on_input_submitted(self, _message: Input.Submitted) -> None:
        self._choose(self.query_one(OptionList).highlighted)

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self._choose(message.option_index)

    def _choose(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.shown):
            self.dismiss(self.choices[self.shown[index]][0])

    async def action_list(self, action: str) -> None:
        await self.query_one(OptionList).run_action(action)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
