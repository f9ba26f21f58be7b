"""Provides MarkSite: what a screen with markable passages tells its MarkController."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from index import Article, Passage

if TYPE_CHECKING:
    from index import Anchored, AnnotationStore

Spans = dict[str, list[tuple[int, int]]]  # article id -> marked (start, end) body offsets


@dataclass(frozen=True)
class MarkScope:
    """Which marks a screen shows and what a new mark is saved with."""

    articles: Mapping[str, Article]  # the reports on screen
    shown_event: str | None  # the marks saved with this event show too
    saved_event: str | None  # the event id a new mark is saved with (so the event finds it)


@dataclass(frozen=True)
class ExportPlan:
    """What ``e`` writes: the dialog's title and proposed file, and the document builder."""

    title: str
    default: Path
    document: Callable[[AnnotationStore | None], dict[str, Any] | None]


class MarkSite(Protocol):
    """Implemented by the compare and reader screens; the controller calls these, never the
    reverse (the screen's mark keys call the controller)."""

    no_passage_hint: str
    """What ``m`` and ``a`` say when the cursor is on no passage."""

    def current_passage(self) -> Passage | None:
        """The passage the cursor is on (what m and a act on)."""
        ...

    def marks_scope(self) -> MarkScope | None:
        """The reports on screen and their event; None while nothing is shown."""
        ...

    def paint_marks(self, spans: Spans) -> None:
        """Show which passages are marked."""
        ...

    def reveal(self, passage: Passage) -> None:
        """Bring ``passage`` into view before it is marked (the user may have scrolled away)."""
        ...

    def jump_to_mark(self, mark: Anchored) -> None:
        """Move the cursor to a mark chosen in the panel (its text is still in the report)."""
        ...

    def focus_text(self) -> None:
        """Give the keys back to the text."""
        ...

    def mark_removed(self, mark: Anchored) -> None:
        """After a mark was deleted from the panel (the compare screen re-flags a conflict)."""
        ...

    def export_plan(self) -> ExportPlan | None:
        """What ``e`` exports; None when there is nothing to export yet."""
        ...
