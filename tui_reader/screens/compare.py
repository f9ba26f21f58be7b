"""Provides CompareScreen: reports side by side, marks, navigation between linked passages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Footer, Static
from textual.worker import Worker

from index import Article, Comparison, Event

from ..marks import GUTTER, LEGEND, CompareModel, PassageView
from ..text import one_line
from ..widgets import ArticlePane, BlockSpec, DetailPanel
from .marking import Marking

if TYPE_CHECKING:
    from ..app import NewsReaderApp

WIDE = 150  # columns from which three panes fit by default
NARROW = 100  # below this only the active pane is shown; Tab flips


def block_specs(model: CompareModel, article_id: str) -> list[BlockSpec]:
    """The blocks of one report: gutter symbol and strength, conflicting words spanned."""
    body = model.articles[article_id].body
    specs: list[BlockSpec] = []
    previous_end = 0
    for view in model.views.get(article_id, []):
        label = GUTTER[view.kind]
        if view.kind != "unique":
            label += f"{len(view.supporters)}/{model.total}"
        spans = [(s, e, "pane--conflict") for s, e in view.conflict_spans]
        if view.kind == "verbatim":
            spans = [(0, len(view.passage.text), "pane--verbatim")]
        passage = view.passage
        # A new paragraph of the report starts a new visual paragraph too.
        paragraph = bool(specs) and "\n" in body[previous_end : passage.start]
        previous_end = passage.end
        specs.append(
            BlockSpec(
                passage.id,
                passage.start,
                passage.text,
                view.kind,
                label,
                spans,
                paragraph=paragraph,
            )
        )
    return specs


class CompareScreen(Marking):
    """Reports of one event side by side; the detail panel explains the current mark."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("n", "next('linked', 1)", "Next link", id="next-link"),
        Binding("N", "next('linked', -1)", "Prev link", show=False, id="prev-link"),
        Binding("c", "next('conflict', 1)", "Next conflict", id="next-conflict"),
        Binding("C", "next('conflict', -1)", "Prev conflict", show=False, id="prev-conflict"),
        Binding("u", "next('unique', 1)", "Next unique", show=False, id="next-unique"),
        Binding("tab,l,right", "pane(1)", "Next pane", id="next-pane"),
        Binding("shift+tab,h,left", "pane(-1)", "Prev pane", show=False, id="prev-pane"),
        Binding("right_square_bracket", "report(1)", "Next report", show=False, id="next-report"),
        Binding("left_square_bracket", "report(-1)", "Prev report", show=False, id="prev-report"),
        Binding("enter", "align", "Align", id="align"),
        Binding("s", "toggle_sync", "Sync", id="sync"),
        Binding("d", "toggle_dim", "Dim unique", id="dim"),
        Binding("plus", "panes(1)", "More panes", show=False, id="more-panes"),
        Binding("minus", "panes(-1)", "Fewer panes", show=False, id="fewer-panes"),
    ]

    app: NewsReaderApp  # type: ignore[assignment]

    def __init__(self, key: str, articles: list[Article], event: Event | None) -> None:
        super().__init__()
        self.key = key
        self.event = event
        self.requested = articles
        self.model: CompareModel | None = None
        self.shown: list[str] = []  # article id per pane
        self.active = 0
        self.pane_count = 0
        self.sync = False
        self.dim = False

    def compose(self) -> ComposeResult:
        yield Static(self._title(f"comparing {len(self.requested)} reports…"), id="compare-title")
        yield Static(Content(LEGEND), id="legend")
        yield Horizontal(id="panes")
        yield DetailPanel(Content(""), id="detail")
        yield Footer()

    def on_mount(self) -> None:
        cached = self.app.comparisons.get(self.key)
        if cached is not None:
            self.call_after_refresh(self.comparison_ready, self.key, cached)
        else:
            self.app.load_comparison(self.key, self.requested, self.event)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The pane-mounting worker belongs to this screen; its failures go to the App's handler.
        self.app.on_worker_state_changed(event)

    def data_changed(self, what: str) -> None:
        """Say so in the title row when this screen's comparison failed (details in the toast)."""
        if what == "compare-failed" and self.model is None:
            self.query_one("#compare-title", Static).update(self._title("comparison failed"))

    def comparison_ready(self, key: str, comparison: Comparison) -> None:
        """Build the panes once this screen's comparison arrives."""
        if key != self.key or self.model is not None:
            return
        self.model = CompareModel(self.undismissed(comparison))  # marking.py
        self.update_title()
        self.refresh_bindings()
        self.pane_count = 3 if self.size.width >= WIDE else 2
        self.shown = [a.id for a in comparison.articles][: self.pane_count]
        self._remount()

    def update_title(self) -> None:
        """Counts and the state of the toggles, in the title row."""
        if self.model is None:
            return
        shared, conflicts = self.model.counts()
        flags = "".join([" · sync on" if self.sync else "", " · unique dimmed" if self.dim else ""])
        status = f"{self.model.total} reports · {shared} shared · {conflicts} conflicting{flags}"
        self.query_one("#compare-title", Static).update(self._title(status))

    def _title(self, status: str) -> Content:
        title = one_line(self.event.title if self.event else "Chosen reports", 120)
        return Content.assemble((title, "bold"), "  ", (status, "dim"))

    def _remount(self) -> None:
        self.run_worker(self._mount_panes(), exclusive=True, group="panes", exit_on_error=False)

    async def _mount_panes(self) -> None:
        assert self.model is not None
        box = self.query_one("#panes", Horizontal)
        await box.remove_children()
        panes = [self._pane(i, aid) for i, aid in enumerate(self.shown)]
        await box.mount_all(panes)
        if not self.is_attached:  # the user left (or quit) while the panes were mounting
            return
        self.active = min(self.active, len(panes) - 1)
        self._layout_mode()
        self._activate(self.active)
        self.show_marks()  # stars marked passages, fills the marks panel (marking.py)
        for pane in panes:
            self.watch(pane, "scroll_y", self._follower(pane), init=False)
        if self.pending_align and self.model is not None:
            view = self.model.by_id.get(self.pending_align)
            self.pending_align = None
            if view is not None:
                self.call_after_refresh(self.align_on, view)

    def _follower(self, pane: ArticlePane) -> Callable[[float], None]:
        # One parameter exactly: Textual passes (old, new) to two-parameter watchers.
        return lambda _y: self._follow(pane)

    def _pane(self, i: int, article_id: str) -> ArticlePane:
        assert self.model is not None
        article = self.model.articles[article_id]
        pane = ArticlePane(article, block_specs(self.model, article_id), classes="compare-pane")
        pane.set_class(self.dim, "-dim")
        return pane

    def _layout_mode(self) -> None:
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        for i, pane in enumerate(self.panes):
            pane.set_class(i == self.active, "-active")

    def on_resize(self, event: events.Resize) -> None:
        # Re-lay out and keep the reader's place: the current block stays in view.
        self._layout_mode()
        panes = self.panes
        if panes:
            pane = panes[self.active]
            if pane.current >= 0:
                self.call_after_refresh(pane.set_current, pane.current, True, pane.current_top)
            elif pane.blocks:
                block = pane.blocks[pane.first_visible()]
                self.call_after_refresh(pane.scroll_to_widget, block, top=True, animate=False)

    def _activate(self, i: int) -> None:
        panes = self.panes
        if not panes:
            return
        self.active = i % len(panes)
        self._layout_mode()
        panes[self.active].focus()
        self.show_detail()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        panes = self.panes
        if isinstance(event.widget, ArticlePane) and event.widget in panes:
            index = panes.index(event.widget)
            if index != self.active:
                self.active = index
                self._layout_mode()
                self.show_detail()

    def current_view(self) -> PassageView | None:
        """The passage the active pane's cursor is on."""
        panes = self.panes
        if self.model is None or not panes:
            return None
        pane = panes[self.active]
        if pane.current < 0:
            return None
        return self.model.by_id.get(pane.blocks[pane.current].key)

    def show_detail(self) -> None:
        """Explain the current passage in the detail panel."""
        view = self.current_view()
        detail = self.query_one_optional(DetailPanel)
        if detail is None:  # the screen is being torn down
            return
        if view is None or self.model is None:
            detail.show(
                Content(
                    "n/N linked passage · c/C conflict · u unique · Enter aligns the "
                    "other panes · [ ] change report · ? all keys"
                )
            )
        else:
            detail.explain(self.model, view, self._mark_line(view.passage))
