"""Provides PickDialog: choose two or more articles to compare (from the command palette)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from index import Article

from ..text import date_only, one_line, outlet
from ..widgets.lists import PickList


def pick_label(a: Article) -> str:
    """Outlet · date · title; no empty field between two separators when the date is unknown."""
    parts = [outlet(a.source, a.path), date_only(a.published), one_line(a.title, 70)]
    return " · ".join(p for p in parts if p)


class PickDialog(ModalScreen[list[Article]]):
    """Space selects, Enter compares the selection (at least two)."""

    BINDINGS = [
        Binding("escape", "dismiss_empty", "Cancel", id="cancel-pick"),
        Binding("enter", "compare", "Compare", id="compare-picked", priority=True),
    ]

    def __init__(self, articles: list[Article]) -> None:
        super().__init__()
        self.articles = articles

    def compose(self) -> ComposeResult:
        yield Static(
            Content("Space selects reports, Enter compares them, Esc cancels"), id="pick-help"
        )
        options = []
        for i, a in enumerate(self.articles):
            options.append((Content(pick_label(a)), i))
        yield PickList(*options, id="pick")

    def action_dismiss_empty(self) -> None:
        self.dismiss([])

    def action_compare(self) -> None:
        chosen = self.query_one(SelectionList).selected
        if len(chosen) < 2:
            self.notify("Select at least two reports (Space)", severity="warning")
            return
        self.dismiss([self.articles[i] for i in sorted(chosen)])
