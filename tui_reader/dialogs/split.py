"""Provides SplitDialog: choose the reports of an event to split off into a new event."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from index import Article

from .pick import pick_label


class SplitDialog(ModalScreen[tuple[str, ...]]):
    """The reports of one event; Space selects, Enter returns the selected reports' ids (at
    least one, not all), Esc an empty tuple."""

    BINDINGS = [
        Binding("escape", "dismiss_empty", "Cancel", id="cancel-split"),
        Binding("enter", "split", "Split off", id="split-chosen", priority=True),
    ]

    def __init__(self, title: str, articles: list[Article], selected: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.articles = articles
        self.selected = selected  # the report highlighted in the list: selected to begin with

    def compose(self) -> ComposeResult:
        head = f"Split off “{self.title_text}”: Space selects reports, Enter splits, Esc cancels"
        yield Static(Content(head), id="split-help")
        options = [
            (Content(pick_label(a)), i, a.id == self.selected) for i, a in enumerate(self.articles)
        ]
        yield SelectionList[int](*options, id="split")

    def action_dismiss_empty(self) -> None:
        self.dismiss(())

    def action_split(self) -> None:
        chosen = sorted(self.query_one(SelectionList).selected)
        if not chosen or len(chosen) == len(self.articles):
            self.notify(
                "Select some of the reports, not all (Space)", severity="warning", markup=False
            )
            return
        self.dismiss(tuple(self.articles[i].id for i in chosen))
