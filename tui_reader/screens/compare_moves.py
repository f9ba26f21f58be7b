"""Provides CompareMoves: the compare screen's moving keys (n / c / u across the reports, ],
Enter, panes, toggles), each saying what it changed; and ComparePage, what they need of it."""

from __future__ import annotations

from typing import Any, Protocol

from textual.notifications import SeverityLevel

from ..compare import navigation
from ..compare.model import CompareModel, PassageView
from ..compare.pane_row import PaneRow
from ..widgets import ArticlePane


class ComparePage(Protocol):
    """What the compare screen offers the helpers it delegates its keys to."""

    model: CompareModel | None

    @property
    def app(self) -> Any: ...

    @property
    def row(self) -> PaneRow: ...

    @property
    def panes(self) -> list[ArticlePane]: ...

    def current_view(self) -> PassageView | None: ...

    def show_detail(self) -> None: ...

    def update_title(self) -> None: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...


class CompareMoves:
    """Moving between passages, panes and reports; a pane switched to another report by any of
    them (n, c, u, ], Enter) says which report it now shows."""

    def __init__(self, page: ComparePage) -> None:
        self.page = page

    def next(self, what: str, step: int) -> None:
        """Go to the next/previous linked, conflict or unique passage of any report."""
        page = self.page
        before = list(page.row.shown)
        if page.row.next(what, step):
            self.say_switched(before)
            page.show_detail()
        else:
            page.notify(f"No further {what} passage in any report", timeout=2)

    def list_conflicts(self) -> None:
        """Every conflict of the compared reports in a list; Enter goes to one."""
        from ..dialogs.conflicts import ConflictsDialog

        page, model = self.page, self.page.model
        if model is None:
            return
        if not model.counts()[1]:
            page.notify("These reports have no conflict", timeout=2)
            return

        def chosen(passage_id: str | None) -> None:
            passage = model.passages.get(passage_id or "")
            if passage is not None and model is page.model:
                page.row.go_to(passage.article_id, passage.start)
                page.show_detail()

        page.app.push_screen(ConflictsDialog(model), chosen)

    def pane(self, step: int) -> None:
        """Focus the next/previous pane (in the narrow layout this flips the visible pane)."""
        if self.page.panes:
            self.page.row.activate(self.page.row.active + step)
            self.page.show_detail()

    def report(self, step: int) -> None:
        """Show another report of the comparison in the active pane."""
        before = list(self.page.row.shown)
        if not self.page.row.next_report(step):
            self.page.notify("Every report is already shown", timeout=2)
        self.say_switched(before)

    def say_switched(self, before: list[str]) -> None:
        """Name the report a pane shows after ], Enter, n, c or u brought another one into it."""
        model = self.page.model
        if model is not None:
            articles = model.comparison.articles
            for line in navigation.switched(before, self.page.row.shown, articles):
                self.page.notify(line, timeout=4, markup=False)

    def align(self) -> None:
        """Line the other panes up on the passages linked to the current one."""
        page = self.page
        view = page.current_view()
        if view is None or page.model is None:
            page.notify("Move to a passage first (n, c or u)", timeout=2)
            return
        before = list(page.row.shown)
        aligned = page.row.align(view)
        self.say_switched(before)
        page.show_detail()
        if not aligned:
            page.notify("No other report states this passage", timeout=2)

    def toggle_sync(self) -> None:
        """Turn synchronised (proportional) scrolling on or off."""
        self.page.row.toggle_sync()
        self.page.notify(
            f"Synchronised scrolling {'on' if self.page.row.sync else 'off'}", timeout=2
        )
        self.page.update_title()

    def toggle_dim(self) -> None:
        """Dim or undim passages that only one report has."""
        self.page.row.toggle_dim()
        self.page.update_title()
