"""Provides CompareNav: the compare screen's navigation actions (marks, panes, reports, sync)."""

from __future__ import annotations

from textual.screen import Screen

from ..marks import CompareModel, PassageView
from ..widgets import ArticlePane

WANT = {
    "linked": ("shared", "verbatim", "conflict"),
    "conflict": ("conflict",),
    "unique": ("unique",),
}


NEEDS_MODEL = {"next", "pane", "report", "panes", "align", "toggle_sync", "toggle_dim"}


class CompareNav(Screen[None]):
    """Base of CompareScreen: every action here reads and moves the panes' current blocks."""

    model: CompareModel | None
    shown: list[str]  # article id per pane
    active: int
    pane_count: int
    sync: bool
    dim: bool
    pending_align: str | None = None  # passage id to align once the panes are rebuilt

    @property
    def panes(self) -> list[ArticlePane]:
        """The mounted panes, left to right."""
        return list(self.query(ArticlePane))

    def _activate(self, i: int) -> None:
        raise NotImplementedError

    def _remount(self) -> None:
        raise NotImplementedError

    def show_detail(self) -> None:
        raise NotImplementedError

    def current_view(self) -> PassageView | None:
        raise NotImplementedError

    def update_title(self) -> None:
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Until the comparison arrives, navigation keys show greyed out in the footer.
        if action in NEEDS_MODEL and self.model is None:
            return None
        return True

    def action_next(self, what: str, step: int) -> None:
        """Move the active pane's cursor to the next/previous block of a kind."""
        panes = self.panes
        if not panes:
            return
        pane = panes[self.active]
        blocks = pane.blocks
        kinds = WANT[what]
        if pane.current >= 0 and pane.in_view(pane.current):
            start = pane.current
        elif step > 0:  # after free scrolling, continue from what is on screen
            start = pane.first_visible() - 1
        else:
            start = pane.last_visible() + 1
        for offset in range(1, len(blocks) + 1):
            i = start + step * offset
            if not 0 <= i < len(blocks):
                break
            if blocks[i].kind in kinds:
                pane.set_current(i, top=False)
                self.show_detail()
                return
        self.notify(f"No further {what} passage in this report", timeout=2)

    def action_pane(self, step: int) -> None:
        """Focus the next/previous pane (in the narrow layout this flips the visible pane)."""
        if self.panes:
            self._activate(self.active + step)

    def action_report(self, step: int) -> None:
        """Show another report of the comparison in the active pane."""
        if self.model is None or not self.panes:
            return
        order = [a.id for a in self.model.comparison.articles]
        current = self.shown[self.active]
        others = set(self.shown) - {current}
        i = order.index(current)
        for offset in range(1, len(order) + 1):
            candidate = order[(i + step * offset) % len(order)]
            if candidate not in others:
                break
        if candidate == current:
            self.notify("Every report is already shown", timeout=2)
            return
        self.shown[self.active] = candidate
        self._remount()

    def action_panes(self, step: int) -> None:
        """Show one more or one fewer pane (at least one, at most one per report)."""
        if self.model is None:
            return
        order = [a.id for a in self.model.comparison.articles]
        count = max(1, min(len(self.shown) + step, len(order)))
        if count == len(self.shown):
            return
        if count < len(self.shown):
            self.shown = self.shown[:count]
        else:
            self.shown.append(next(a for a in order if a not in self.shown))
        self.pane_count = count
        self._remount()

    def action_align(self) -> None:
        """Scroll every other pane to the passage linked to the current one (strongest first).

        A pane whose report does not state the fact switches to a report that does, if one is
        not on screen yet; the alignment then happens once the panes are rebuilt.
        """
        view = self.current_view()
        if view is None or self.model is None:
            self.notify("Move to a passage first (n, c or u)", timeout=2)
            return
        if self._swap_in_linked(view):
            self.pending_align = view.passage.id
            self._remount()
            return
        self.align_on(view)

    def _swap_in_linked(self, view: PassageView) -> bool:
        assert self.model is not None
        ranked = sorted(view.links, key=lambda k: -k.score)
        linked = [
            self.model.passages[view.other(k)].article_id
            for k in ranked
            if view.other(k) in self.model.passages
        ]
        missing = [a for a in dict.fromkeys(linked) if a not in self.shown]
        swapped = False
        for i, article_id in enumerate(self.shown):
            if i == self.active or article_id in linked or not missing:
                continue
            self.shown[i] = missing.pop(0)
            swapped = True
        return swapped

    def align_on(self, view: PassageView) -> None:
        """Put ``view``'s block at the top of the active pane and its links atop the others."""
        panes = self.panes
        active = panes[self.active]
        block = active.block_for(view.passage.id)
        if block is None:
            return
        active.set_current(block.index, top=True)
        ranked = sorted(view.links, key=lambda k: -k.score)
        aligned = 0
        for i, pane in enumerate(panes):
            if i == self.active:
                continue
            target = next((b for k in ranked if (b := pane.block_for(view.other(k)))), None)
            if target is not None:
                pane.set_current(target.index, top=True)
                aligned += 1
        self.show_detail()
        if not aligned:
            self.notify("No other report states this passage", timeout=2)

    def action_toggle_sync(self) -> None:
        """Turn synchronised (proportional) scrolling on or off."""
        self.sync = not self.sync
        self.notify(f"Synchronised scrolling {'on' if self.sync else 'off'}", timeout=2)
        self.update_title()

    def action_toggle_dim(self) -> None:
        """Dim or undim passages that only one report has."""
        self.dim = not self.dim
        for pane in self.panes:
            pane.set_class(self.dim, "-dim")
        self.update_title()

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
