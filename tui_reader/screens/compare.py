"""Provides CompareScreen: reports side by side, the detail panel, the keys that move and mark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from index import Article, Comparison, Event

from ..compare.detail_panel import DetailPanel
from ..compare.fact_focus import go_to_fact, paint_fact
from ..compare.model import LEGEND, CompareModel, PassageView
from ..compare.pane_row import PaneRow
from ..follow import copy_citation, copy_conflict, open_in_browser
from ..keymap import (
    COMPARE_BINDINGS,
    CONFLICT_BINDINGS,
    DISMISS_BINDINGS,
    FOLLOW_BINDINGS,
    MARK_BINDINGS,
)
from ..marking import MarkController
from ..messages import (
    ComparisonAbandoned,
    ComparisonAdded,
    ComparisonFailed,
    ComparisonWanted,
    OpenFigures,
)
from ..state import AppState
from ..text import counted, one_line
from ..widgets import ArticlePane, KeyFooter, MarksPanel
from .compare_marks import CompareMarks
from .compare_moves import CompareMoves

if TYPE_CHECKING:
    from index import FactSpan

WIDE = 150  # columns from which three panes fit by default

# Until the comparison arrives these keys show greyed out in the footer.
NEEDS_MODEL = {"next", "pane", "report", "panes", "align", "toggle_sync", "toggle_dim"}
NEEDS_MODEL |= {"mark", "note", "dismiss_conflict", "export", "toggle_marks"}
NEEDS_MODEL |= {"open_url", "copy_citation", "copy_conflict", "list_conflicts"}


class CompareScreen(Screen[None]):
    """Reports of one event side by side; the detail panel explains the current mark."""

    # The mark keys first: the footer lists them before the moving keys.
    BINDINGS = [
        *MARK_BINDINGS,
        *DISMISS_BINDINGS,
        *COMPARE_BINDINGS,
        *FOLLOW_BINDINGS,
        *CONFLICT_BINDINGS,
    ]

    def __init__(
        self, state: AppState, key: str, articles: list[Article], event: Event | None
    ) -> None:
        super().__init__()
        self.state = state
        self.key = key
        self.event = event
        self.requested = articles
        self.model: CompareModel | None = None
        self.full_comparison: Comparison | None = None  # before dismissed conflicts were taken off
        self.moves = CompareMoves(self)
        self.marks = CompareMarks(self)  # what the mark controller asks of these panes
        self.marking = MarkController(self, self.marks, state)
        self.fact: FactSpan | None = None  # the figure the Figures screen asked to show
        self._fact_pending = False  # shown once the panes are built

    def compose(self) -> ComposeResult:
        yield Static(
            self._title(f"comparing {counted(len(self.requested), 'report')}…"), id="compare-title"
        )
        yield Static(Content(LEGEND), id="legend")
        yield PaneRow(id="panes")
        yield DetailPanel(Content(""), id="detail")
        yield KeyFooter(late=True)  # keys pressed as it opens wait for none of its keys

    @property
    def row(self) -> PaneRow:
        """The reports side by side."""
        return self.query_one(PaneRow)

    @property
    def panes(self) -> list[ArticlePane]:
        """The mounted panes, left to right."""
        return self.row.panes

    def on_mount(self) -> None:
        cached = self.state.comparisons.get(self.key)
        if cached is not None:
            self.call_after_refresh(self._show, cached)
        else:
            self.post_message(ComparisonWanted(self.key, self.requested, self.event))

    def on_unmount(self) -> None:
        if self.model is None:  # left before the comparison came: stop computing it
            self.app.post_message(ComparisonAbandoned(self.key))

    def on_comparison_added(self, message: ComparisonAdded) -> None:
        if message.key == self.key and self.model is None:
            self._show(self.state.comparisons[message.key])

    def on_comparison_failed(self, _message: ComparisonFailed) -> None:
        # Said in the title row when this screen's comparison failed (details in the toast).
        if self.model is None:
            self.query_one("#compare-title", Static).update(self._title("comparison failed"))

    def _show(self, comparison: Comparison) -> None:
        """Build the panes once this screen's comparison is in."""
        if self.model is not None:
            return
        self.full_comparison = comparison
        self.model = CompareModel(self.state.undismissed(comparison))
        self.update_title()
        self.refresh_bindings()
        count = 3 if self.size.width >= WIDE else 2
        self.row.show(self.model, [a.id for a in comparison.articles][:count])

    def rebuild(self) -> None:
        """After dismissals changed: the model again without the dismissed conflicts."""
        if self.full_comparison is not None:
            self.model = CompareModel(self.state.undismissed(self.full_comparison))
            self.update_title()
            self.row.show(self.model)

    def on_pane_row_rebuilt(self, _message: PaneRow.Rebuilt) -> None:
        self.marking.refresh()  # stars marked passages, fills the marks panel
        if self._fact_pending and self.fact is not None:
            self._fact_pending = False
            self.call_after_refresh(self._go_to_fact, self.fact)
        paint_fact(self.row, self.fact)
        self.show_detail()

    # ---- a figure from the Figures screen (compare/fact_focus.py) ----

    def focus_fact(self, span: FactSpan) -> None:
        """Put the cursor on the passage stating ``span``, its words marked (now, or once the
        panes are built)."""
        self.fact = span
        if self.model is None or not self.panes:
            self._fact_pending = True
        else:
            self.call_after_refresh(self._go_to_fact, span)

    def _go_to_fact(self, span: FactSpan) -> None:
        note = go_to_fact(self.row, span)
        paint_fact(self.row, span)
        self.show_detail()
        if note:
            self.notify(one_line(note, 200), timeout=4, markup=False)

    def action_figures(self) -> None:
        """This event's figures and dates, side by side."""
        self.post_message(OpenFigures(self.key, self.requested, self.event))

    def on_pane_row_cursor_moved(self, _message: PaneRow.CursorMoved) -> None:
        self.show_detail()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, ArticlePane):  # the row made it the active pane
            self.show_detail()

    def on_resize(self, _event: events.Resize) -> None:
        self.marking.dock.fit()
        self.row.keep_place()  # re-lays out and keeps the reader's place

    def on_screen_resume(self) -> None:
        # Marks may have been made or deleted in the reader meanwhile.
        self.marking.refresh_if_read()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action in NEEDS_MODEL and self.model is None else True

    # ---- what is shown ----

    def update_title(self) -> None:
        """Counts and the state of the toggles, in the title row."""
        if self.model is None:
            return
        shared, conflicts = self.model.counts()
        row = self.row
        flags = "".join([" · sync on" if row.sync else "", " · unique dimmed" if row.dim else ""])
        total, sources = self.model.total, self.model.total_sources
        # copies among the reports: how many independent sources they come from
        independent = f" · {sources} independent sources" if sources != total else ""
        status = (
            f"{counted(total, 'report')}{independent} · {shared} shared · {conflicts} conflicting"
            + flags
        )
        self.query_one("#compare-title", Static).update(self._title(status))

    def _title(self, status: str) -> Content:
        # the event's title is whole; the header cuts it so title and status share one line
        room = max(20, self.app.size.width - len(status) - 4)
        title = one_line(self.event.title if self.event else "Chosen reports", room)
        if self.event is not None and self.event.id in self.state.corrected:
            title = f"✎ {title}"  # the reader corrected this event's grouping (events list)
        return Content.assemble((title, "bold"), "  ", (status, "dim"))

    def current_view(self) -> PassageView | None:
        """The passage the active pane's cursor is on."""
        return self.row.current_view()

    def show_detail(self) -> None:
        """Explain the current passage in the detail panel."""
        view = self.current_view()
        detail = self.query_one_optional(DetailPanel)
        if detail is None:  # the screen is being torn down
            return
        if view is None or self.model is None:
            detail.show_hint()
        else:
            detail.explain(self.model, view, self.marking.mark_line(view.passage))

    # ---- moving (keys): compare_moves.py ----

    def action_next(self, what: str, step: int) -> None:
        self.moves.next(what, step)

    def action_list_conflicts(self) -> None:
        self.moves.list_conflicts()

    def action_pane(self, step: int) -> None:
        self.moves.pane(step)

    def action_report(self, step: int) -> None:
        self.moves.report(step)

    def action_panes(self, step: int) -> None:
        self.row.more_or_fewer(step)

    def action_align(self) -> None:
        self.moves.align()

    def action_toggle_sync(self) -> None:
        self.moves.toggle_sync()

    def action_toggle_dim(self) -> None:
        self.moves.toggle_dim()

    # ---- follow and copy (follow.py) ----

    def action_open_url(self) -> None:
        """Open the active pane's report in the browser."""
        panes = self.panes
        open_in_browser(self, panes[self.row.active].article if panes else None)

    def action_copy_citation(self) -> None:
        """Copy the passage under the cursor as a citation."""
        view, model = self.current_view(), self.model
        passage = None if view is None else view.passage
        article = None if passage is None or model is None else model.articles[passage.article_id]
        copy_citation(self, passage, article)

    def action_copy_conflict(self) -> None:
        """Copy the current passage's conflicts, both sides cited."""
        copy_conflict(self, self.model, self.current_view())

    # ---- marks (keys and the panel's messages go to the controller) ----

    def action_mark(self) -> None:
        self.marking.mark()

    def action_note(self) -> None:
        self.marking.note()

    def action_export(self) -> None:
        self.marking.export()

    def action_toggle_marks(self) -> None:
        self.marking.toggle_panel()

    def on_marks_panel_jump(self, message: MarksPanel.Jump) -> None:
        self.marking.jump(message.mark)

    def on_marks_panel_remove(self, message: MarksPanel.Remove) -> None:
        self.marking.remove(message.mark)

    def on_marks_panel_leave(self, _message: MarksPanel.Leave) -> None:
        self.marks.focus_text()

    def action_dismiss_conflict(self) -> None:
        self.marks.dismiss_conflict()
