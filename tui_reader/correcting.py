"""Provides CorrectionKeys: what the events screen's correction keys do (merge, move, split, undo).

Each key opens a dialog (dialogs/choose_event.py, dialogs/split.py) whose typed result becomes a
Correction, sent to the App in a CorrectionWanted message; the App saves it with the marks and
regroups (corrections.py). Nothing here writes the state.
"""

from __future__ import annotations

from typing import Any, Literal

from textual.screen import Screen

from index import Article, Event

from .messages import CorrectionWanted
from .notices import Notice, show
from .state import AppState
from .text import one_line, outlets_line


def event_label(state: AppState, event: Event) -> str:
    """Title · n reports · outlets, for a list of events to choose from (literal text)."""
    articles = state.articles_of(event)
    outlets = outlets_line(articles)
    n = len(articles)
    return f"{one_line(event.title, 60)} · {n} report{'s' * (n != 1)} · {one_line(outlets, 40)}"


class CorrectionKeys:
    """The correction keys of one screen (the events list)."""

    def __init__(self, screen: Screen[Any], state: AppState) -> None:
        self.screen = screen
        self.state = state

    def _others(self, event: Event) -> list[tuple[Event, str]]:
        return [(e, event_label(self.state, e)) for e in self.state.events or [] if e != event]

    def _tell(self, text: str) -> None:
        show(self.screen, Notice(text, "Correct the grouping", "warning", 5))

    def _grouping(self) -> bool:
        """True (and the user told) while the events listed are those of a first part: a
        correction applies to the whole grouping, which is not there yet."""
        if self.state.first_part is None:
            return False
        self._tell("Wait until every article is grouped (the list says when)")
        return True

    def merge(self, event: Event | None) -> None:
        """Choose another event; the two become one."""
        if event is None or self._grouping():
            return
        others = self._others(event)
        if not others:
            self._tell("There is no other event to merge with")
            return
        from .dialogs.choose_event import EventChoiceDialog

        def chosen(other: Event | None) -> None:
            if other is not None:
                self._send("merge", (event.article_ids[0],), other.article_ids[0])

        heading = f"Merge “{one_line(event.title, 50)}” with"
        self.screen.app.push_screen(EventChoiceDialog(heading, others), chosen)

    def move(self, article: Article | None) -> None:
        """Choose another event for one report."""
        if self._grouping():
            return
        if article is None:
            self._tell("Highlight a report in the reports list first (Tab)")
            return
        own = self.state.event_of(article.id)
        others = self._others(own) if own is not None else []
        if not others:
            self._tell("There is no other event to move the report to")
            return
        from .dialogs.choose_event import EventChoiceDialog

        def chosen(other: Event | None) -> None:
            if other is not None:
                self._send("move", (article.id,), other.article_ids[0])

        heading = f"Move “{one_line(article.title, 50)}” to"
        self.screen.app.push_screen(EventChoiceDialog(heading, others), chosen)

    def split(self, event: Event | None, selected: str | None) -> None:
        """Choose some of the event's reports; they become a new event."""
        if event is None or self._grouping():
            return
        articles = self.state.articles_of(event)
        if len(articles) < 2:
            self._tell("An event of one report cannot be split")
            return
        from .dialogs.split import SplitDialog

        def chosen(ids: tuple[str, ...] | None) -> None:
            if ids:
                self._send("split", ids, None)

        dialog = SplitDialog(one_line(event.title, 50), articles, selected)
        self.screen.app.push_screen(dialog, chosen)

    def undo(self) -> None:
        """Forget the latest correction of this corpus."""
        if not self._grouping():
            self.screen.post_message(CorrectionWanted(None))

    def _send(
        self, kind: Literal["merge", "move", "split"], articles: tuple[str, ...], target: str | None
    ) -> None:
        from index import Correction

        self.screen.post_message(CorrectionWanted(Correction(kind, articles, target)))
