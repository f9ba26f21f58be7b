"""Provides MarksPanel: the current event's marks, labels and notes; Enter jumps, Delete removes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from index import Article

from ..text import one_line, outlet
from .lists import ListOptions

if TYPE_CHECKING:
    from index import Anchored


def mark_line(mark: Anchored, article: Article | None) -> Content:
    """One mark as literal Content: label, outlet, the passage start, the note's first line."""
    a = mark.annotation
    label = a.label or "marked"
    where = outlet(article.source, article.path) if article else a.article_id
    state = {"orphaned": "  ORPHANED: text gone", "changed": "  (report edited)"}.get(
        mark.status, ""
    )
    head = Content.assemble((label, "bold"), " · ", one_line(where, 30), (state, "italic"))
    text = one_line(mark.text if mark.text is not None else a.text, 70)
    lines = [head, Content(text)]
    if a.note.strip():
        lines.append(Content.assemble(("note: ", "italic"), one_line(a.note, 70)))
    return Content("\n").join(lines)


class MarksPanel(Vertical):
    """A side panel; the screen refills it whenever marks change."""

    DEFAULT_CSS = """
    MarksPanel { dock: right; width: 40; max-width: 40%; border-left: solid $accent;
                 padding: 0 0 0 1; }
    MarksPanel > #marks-title { text-style: bold; height: auto; }
    MarksPanel > OptionList { height: 1fr; border: none; }
    """
    BINDINGS = [
        Binding("delete,backspace", "remove", "Delete mark", id="delete-mark"),
        # Esc leaves the list for the text; on the compare screen it would leave the event.
        Binding("escape", "leave", "Back to the text", show=False, id="leave-marks"),
    ]

    class Jump(Message):
        """The user chose a mark: show its passage."""

        def __init__(self, mark: Anchored) -> None:
            super().__init__()
            self.mark = mark

    class Remove(Message):
        """The user asked to delete a mark."""

        def __init__(self, mark: Anchored) -> None:
            super().__init__()
            self.mark = mark

    class Leave(Message):
        """The user left the list (Esc): the screen gives the keys back to its text."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.marks: list[Anchored] = []

    def compose(self) -> ComposeResult:
        yield Static(Content("Marks"), id="marks-title")
        yield ListOptions(id="marks-list")

    def show(self, marks: Sequence[Anchored], articles: Mapping[str, Article]) -> None:
        """Replace the list (keeps the highlighted row where possible)."""
        self.marks = list(marks)
        options = self.query_one(OptionList)
        keep = options.highlighted
        options.clear_options()
        options.add_options(
            [
                Option(
                    mark_line(m, articles.get(m.annotation.article_id)),
                    id=f"mark-{m.annotation.id}",
                )
                for m in self.marks
            ]
        )
        if self.marks:
            options.highlighted = min(keep or 0, len(self.marks) - 1)
        orphans = sum(m.orphaned for m in self.marks)
        title = f"Marks ({len(self.marks)})" + (f" · {orphans} orphaned" if orphans else "")
        self.query_one("#marks-title", Static).update(Content(title + "  M hides"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Jump(self.marks[event.option_index]))

    def action_leave(self) -> None:
        self.post_message(self.Leave())

    def action_remove(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and 0 <= index < len(self.marks):
            self.post_message(self.Remove(self.marks[index]))
