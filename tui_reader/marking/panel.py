"""Provides PanelDock: when a screen shows its marks panel, and moving the keys in and out of it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from textual.screen import Screen
from textual.widgets import Footer, OptionList

from index import Article

from ..widgets.marks_panel import MarksPanel

if TYPE_CHECKING:
    from index import Anchored

NARROW_MARKS = 100  # below this many columns the panel opens only when asked for (M)


class PanelDock:
    """The marks panel of one screen: mounted when there are marks (on a wide screen) or when
    the user asks with M; M hides it again and gives the keys back to the text."""

    def __init__(self, screen: Screen[Any]) -> None:
        self.screen = screen
        self.hidden = False  # hidden with M
        self.asked = False  # M pressed: the user, not the width, decides whether the panel shows

    @property
    def panel(self) -> MarksPanel | None:
        """The mounted panel, if any."""
        return self.screen.query_one_optional(MarksPanel)

    def fill(self, marks: Sequence[Anchored], articles: Mapping[str, Article]) -> None:
        """List ``marks`` in the panel, mounting it first when it should show."""
        panel = self.panel
        if panel is None:
            if not marks or self.hidden:
                return
            if not self.asked and self.screen.app.size.width < NARROW_MARKS:
                return  # the gutter stars show the marks; the text keeps the narrow width
            panel = MarksPanel(id="marks-panel")
            # Before the footer: docked widgets later in the DOM are drawn over earlier ones,
            # so the key bar stays whole instead of losing its right end under the panel.
            footer = self.screen.query_one_optional(Footer)
            if footer is not None:
                self.screen.mount(panel, before=footer)
            else:
                self.screen.mount(panel)
            self.screen.call_after_refresh(panel.show, marks, articles)
            return
        if panel.is_mounted:
            panel.show(marks, articles)
        else:  # mounted by a call just before this one: its list is not composed yet
            self.screen.call_after_refresh(panel.show, marks, articles)
        panel.display = self._shows()

    def _shows(self) -> bool:
        """Whether the mounted panel shows: not hidden with M, and on a narrow screen only when
        asked for (as when the screen opened narrow)."""
        wide = self.screen.app.size.width >= NARROW_MARKS
        return not self.hidden and (self.asked or wide)

    def fit(self) -> None:
        """After a resize: a panel that opened on a wide screen leaves a narrow one to the text
        (at 80 columns it took 40% of the width from a single pane), and comes back when the
        screen is wide again."""
        panel = self.panel
        if panel is not None and not panel.has_focus_within:
            panel.display = self._shows()

    def toggle(self) -> bool | None:
        """M: into the shown panel's list; from the list, hide it. Returns True when the panel
        should show (refill it, then focus_list), False when it was hidden (give the keys back
        to the text), None when only the focus moved."""
        self.asked = True
        panel = self.panel
        shown = panel is not None and panel.display and not self.hidden
        if shown and panel is not None and not panel.has_focus_within:
            # Tab moves between panes on the compare screen: M is the way into the list.
            panel.query_one(OptionList).focus()
            return None
        self.hidden = shown
        return not self.hidden

    def focus_list(self) -> None:
        """Put the keys in the panel's list (once it is shown)."""
        panel = self.panel
        if panel is not None and panel.display:
            panel.query_one(OptionList).focus()
