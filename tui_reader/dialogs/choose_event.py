"""Provides EventChoiceDialog: choose the event to merge with, or to move a report to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from index import Event


class EventChoiceDialog(ModalScreen[Event | None]):
    """A list of events (titles, report counts, outlets); Enter returns the chosen Event,
    Esc None."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", id="cancel-choice"),
        Binding("j", "list('cursor_down')", "Down", show=False),
        Binding("k", "list('cursor_up')", "Up", show=False),
    ]

    def __init__(self, heading: str, choices: list[tuple[Event, str]]) -> None:
        """``choices``: each event with its label (literal text, never markup)."""
        super().__init__()
        self.heading = heading
        self.choices = choices

    def compose(self) -> ComposeResult:
        yield Static(Content(f"{self.heading} · Enter chooses · Esc cancels"), id="choice-help")
        yield OptionList(
            *[Option(Content(label)) for _event, label in self.choices],
            id="choice",
        )

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[message.option_index][0])

    async def action_list(self, action: str) -> None:
        await self.query_one(OptionList).run_action(action)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
