"""Provides PaneRow: the compared reports side by side, the active pane, and moving between them."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from typing import Any

from textual import events
from textual.containers import Horizontal
from textual.message import Message
from textual.worker import Worker

from ..lines.prepared import Prepared
from ..notices import report_failure
from ..widgets import ArticlePane
from . import navigation
from .blocks import block_specs
from .model import CompareModel, PassageView

NARROW = 100  # screen columns below which only the active pane is shown; Tab flips
LONG = 2_000  # blocks in the panes from which they are frozen once painted (a 5 MB report: 14,700)


class PaneRow(Horizontal):
    """One ArticlePane per shown report. The screen's keys call its methods; it tells the screen
    with a message when the panes were rebuilt or moved on their own (after a rebuild)."""

    class Rebuilt(Message):
        """The panes were (re)mounted: marks need painting again."""

    class CursorMoved(Message):
        """The current passage changed without a key of the screen (a deferred alignment)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.model: CompareModel | None = None
        self.shown: list[str] = []  # article id per pane
        self.active = 0
        self.sync = False
        self.dim = False
        self.pending_align: str | None = None  # passage id to align once the panes are rebuilt
        self.fact_blocks: dict[str, int] = {}  # article id: the block its figure's words mark

    @property
    def panes(self) -> list[ArticlePane]:
        """The mounted panes, left to right."""
        return list(self.query(ArticlePane))

    def show(self, model: CompareModel, shown: list[str] | None = None) -> None:
        """Show ``model`` (again: after dismissed conflicts changed it), in the same reports unless
        ``shown`` names others."""
        self.model = model
        if shown is not None:
            self.shown = shown
        self.remount()

    def remount(self) -> None:
        """Rebuild the panes (another report, pane count or model)."""
        self.run_worker(self._mount_panes(), exclusive=True, group="panes", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self, event)

    async def _mount_panes(self) -> None:
        model, shown = self.model, list(self.shown)
        assert model is not None
        # The blocks of a long report (14,000 for 5 MB: 40-60 ms of Python) are made in a thread:
        # a key pressed as the panes come waits for none of it.
        ready = await asyncio.to_thread(lambda: [Prepared.of(block_specs(model, i)) for i in shown])
        await self.remove_children()
        self.fact_blocks = {}  # the new panes' blocks carry no figure yet
        panes = [self._pane(model, i, blocks) for i, blocks in zip(shown, ready, strict=True)]
        await self.mount_all(panes)
        if not self.is_attached:  # the user left (or quit) while the panes were mounting
            return
        self.active = min(self.active, len(panes) - 1)
        self.activate(self.active)
        for pane in panes:
            self.watch(pane, "scroll_y", self._follower(pane), init=False)
        self.post_message(self.Rebuilt())
        if sum(len(pane.blocks) for pane in panes) > LONG:
            # Once painted, a long report's blocks live as long as the screen: out of the sight
            # of full collections (20-70 ms each, the GIL held, several as the panes came). The
            # price: the screen's widgets are never collected (~0.3 MB a long report opened).
            self.call_after_refresh(gc.freeze)
        if self.pending_align is not None:
            view, self.pending_align = model.by_id.get(self.pending_align), None
            if view is not None:
                self.call_after_refresh(self._align_later, view)

    def _align_later(self, view: PassageView) -> None:
        self.align_on(view)
        self.post_message(self.CursorMoved())

    def _pane(self, model: CompareModel, article_id: str, blocks: Prepared) -> ArticlePane:
        article, note = model.articles[article_id], model.copy_note(article_id)
        pane = ArticlePane(article, blocks, note=note, classes="compare-pane")
        pane.set_class(self.dim, "-dim")
        return pane

    def _follower(self, pane: ArticlePane) -> Callable[[float], None]:
        # One parameter exactly: Textual passes (old, new) to two-parameter watchers.
        return lambda _y: self._follow(pane)

    # ---- layout and the active pane ----

    def relayout(self) -> None:
        """Narrow screens show only the active pane; the active pane is marked."""
        self.set_class(self.screen.size.width < NARROW, "-narrow")
        for i, pane in enumerate(self.panes):
            pane.set_class(i == self.active, "-active")

    def keep_place(self) -> None:
        """After a resize: re-lay out, and keep the current block (or the first seen) in view."""
        self.relayout()
        panes = self.panes
        if panes:
            pane = panes[self.active]
            if pane.current >= 0:
                self.call_after_refresh(pane.set_current, pane.current, True, pane.current_top)
            elif pane.blocks:
                self.call_after_refresh(pane.bring_into_view, pane.first_visible(), True)

    def activate(self, i: int) -> None:
        """Make pane ``i`` (modulo the count) the active one and give it the keys."""
        panes = self.panes
        if not panes:
            return
        self.active = i % len(panes)
        self.relayout()
        panes[self.active].focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A click or Textual's focus chain moved the keys to another pane: it becomes active.
        panes = self.panes
        if isinstance(event.widget, ArticlePane) and event.widget in panes:
            index = panes.index(event.widget)
            if index != self.active:
                self.active = index
                self.relayout()

    def on_click(self, event: events.Click) -> None:
        """A click on a passage makes it the current one (and its pane the active one)."""
        panes = self.panes
        pane = event.widget
        if not isinstance(pane, ArticlePane) or pane not in panes:
            return
        offset = event.get_content_offset(pane)
        block = -1 if offset is None else pane.block_at(offset.y)
        if block >= 0:
            pane.set_current(block, scroll=False)
            self.activate(panes.index(pane))
            self.post_message(self.CursorMoved())

    def current_view(self) -> PassageView | None:
        """The passage the active pane's cursor is on."""
        panes = self.panes
        if self.model is None or not panes:
            return None
        pane = panes[self.active]
        if pane.current < 0:
            return None
        return self.model.by_id.get(pane.blocks[pane.current].key)

    # ---- moving ----

    def next(self, what: str, step: int) -> bool:
        """Move to the next/previous block of a kind (navigation.WANT) in the active pane's
        report, else in the reports after (before) it: a report shown in another pane makes that
        pane active, one not on screen comes into the active pane. False when none is left."""
        panes = self.panes
        if not panes or self.model is None:
            return True
        pane = panes[self.active]
        if pane.current >= 0 and pane.in_view(pane.current):
            start = pane.current
        elif step > 0:  # after free scrolling, continue from what is on screen
            start = pane.first_visible() - 1
        else:
            start = pane.last_visible() + 1
        # below the compared passages (the part of a long report left out): from the last one
        start = min(start, len(self.model.views.get(self.shown[self.active], [])))
        wanted = navigation.WANT[what]
        found = navigation.next_anywhere(self.model, self.shown[self.active], start, step, wanted)
        if found is None:
            return False
        article_id, index = found
        if article_id == self.shown[self.active]:
            pane.set_current(index, top=False)
        elif article_id in self.shown:
            target = self.shown.index(article_id)
            panes[target].set_current(index, top=False)
            self.activate(target)
        else:  # the report comes into the active pane, the others aligned on the passage
            self.shown[self.active] = article_id
            self.pending_align = self.model.views[article_id][index].passage.id
            self.remount()
        return True

    def next_report(self, step: int) -> bool:
        """Show another report in the active pane; False when every report is shown."""
        if self.model is None or not self.panes:
            return True
        order = [a.id for a in self.model.comparison.articles]
        candidate = navigation.next_report(order, self.shown, self.active, step)
        if candidate is None:
            return False
        self.shown[self.active] = candidate
        self.remount()
        return True

    def more_or_fewer(self, step: int) -> None:
        """Show one more or one fewer pane (at least one, at most one per report)."""
        if self.model is None:
            return
        order = [a.id for a in self.model.comparison.articles]
        shown = navigation.more_or_fewer(order, self.shown, step)
        if shown != self.shown:
            self.shown = shown
            self.remount()

    def align(self, view: PassageView) -> bool:
        """Scroll every other pane to the passage linked to ``view`` (strongest first). A pane
        whose report does not state it switches to one that does, if one is not on screen yet;
        the alignment then waits for the rebuilt panes. False when no other pane states it."""
        assert self.model is not None
        shown = navigation.with_linked_reports(self.model, view, self.shown, self.active)
        if shown is not None:
            self.pending_align = view.passage.id
            self.show(self.model, shown)
            return True
        return self.align_on(view)

    def align_on(self, view: PassageView) -> bool:
        """Put ``view``'s block at the top of the active pane and its links atop the others;
        False when no other pane states it."""
        panes = self.panes
        active = panes[self.active]
        block = active.block_for(view.passage.id)
        if block is None:
            return True
        active.set_current(block.index, top=True)
        links = navigation.ranked(view)
        aligned = 0
        for i, pane in enumerate(panes):
            if i == self.active:
                continue
            target = next((b for k in links if (b := pane.block_for(view.other(k)))), None)
            if target is not None:
                pane.set_current(target.index, top=True)
                aligned += 1
        return aligned > 0

    def go_to(self, article_id: str, offset: int) -> None:
        """Put the cursor on the passage of ``article_id`` holding body ``offset`` (bringing the
        report into the active pane if it is not shown)."""
        if self.model is None:
            return
        views = self.model.views.get(article_id, [])
        target = next((v for v in views if v.passage.start <= offset < v.passage.end), None)
        if target is None:
            return
        if article_id not in self.shown:
            self.shown[self.active] = article_id
            self.pending_align = target.passage.id
            self.remount()
            return
        index = self.shown.index(article_id)
        pane = self.panes[index]
        block = pane.block_for(target.passage.id)
        if block is not None:
            pane.set_current(block.index)
            self.activate(index)

    # ---- toggles ----

    def toggle_sync(self) -> None:
        """Turn synchronised (proportional) scrolling on or off."""
        self.sync = not self.sync

    def toggle_dim(self) -> None:
        """Dim or undim passages that only one report has."""
        self.dim = not self.dim
        for pane in self.panes:
            pane.set_class(self.dim, "-dim")

    def _follow(self, leader: ArticlePane) -> None:
        # Only the active pane leads, so the mirrored panes never echo back.
        panes = self.panes
        if not self.sync or not panes or leader is not panes[self.active]:
            return
        if leader.max_scroll_y == 0:
            return
        ratio = leader.scroll_y / leader.max_scroll_y
        for pane in panes:
            if pane is not leader:
                pane.scroll_to(y=round(ratio * pane.max_scroll_y), animate=False)
