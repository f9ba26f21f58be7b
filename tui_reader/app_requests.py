"""Provides ScreenRequests: the App's handlers of what screens ask for (screens, workers, saves)."""

from __future__ import annotations

from .app_actions import AppActions
from .messages import (
    ComparisonAbandoned,
    ComparisonWanted,
    ConflictsWanted,
    CorrectionWanted,
    ExportWritten,
    OpenArticle,
    OpenEvent,
    OpenFigures,
    SearchWanted,
)
from .session import remember_export_folder


class ScreenRequests(AppActions):
    """Screens ask for screens and workers with request messages (OpenEvent, SearchWanted...):
    they never start a worker or write the state themselves."""

    def on_open_event(self, message: OpenEvent) -> None:
        self.open_event(message.event)

    def on_open_figures(self, message: OpenFigures) -> None:
        from .screens.figures import FiguresScreen

        figures = FiguresScreen(
            self.state, message.key, message.articles, message.event, origin=self.screen
        )
        self.push_screen(figures)

    def on_open_article(self, message: OpenArticle) -> None:
        self.open_article(message.article, message.matches)

    def on_correction_wanted(self, message: CorrectionWanted) -> None:
        """Merge, move, split (saved with the marks), or undo the latest; then regroup."""
        if self.state.grouped is None:
            return
        if message.correction is None:
            focus = self.corrections.undo()
        else:
            focus = self.corrections.save(message.correction)
        if focus is not None:
            self._events_changed(focus)

    def on_export_written(self, message: ExportWritten) -> None:
        self.state.export_dir = message.path.parent
        remember_export_folder(message.path.parent.resolve())  # for the next session too

    def on_comparison_wanted(self, message: ComparisonWanted) -> None:
        self.state.comparing = message.key
        self.jobs.load_comparison(message.key, message.articles, message.event)

    def on_comparison_abandoned(self, message: ComparisonAbandoned) -> None:
        # The user left the screen waiting for it: a long comparison would hold a core for
        # nothing (the compare worker stops at its next checkpoint and posts nothing).
        state = self.state
        if message.key == state.comparing and message.key not in state.comparisons:
            self.workers.cancel_group(self, "compare")
            state.comparing = None

    def on_conflicts_wanted(self, _message: ConflictsWanted) -> None:
        events = self.state.events or []
        jobs = [(ev, self.state.articles_of(ev)) for ev in events if len(ev.article_ids) > 1]
        if any(ev.id not in self.state.comparisons for ev, _a in jobs):
            self.jobs.prefetch_comparisons(jobs)  # replaces the first prefetch: it covers it

    def on_search_wanted(self, message: SearchWanted) -> None:
        self.jobs.search(message.query, message.reply_to)
