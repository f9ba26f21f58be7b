"""Provides AppActions: the App's keys and palette commands, and how it opens each screen."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from index import Article, Event

from .app_base import AppBase
from .notices import Notice, show
from .screens.events import EventsScreen


class AppActions(AppBase):
    """The actions of the global keys (keymap.py) and the palette (commands.py).

    The other screens and the dialogs are imported when first opened: their modules load the
    comparison and export code, which the first paint (the events list) does not need.
    """

    def action_help(self) -> None:
        from .dialogs.help import HelpDialog

        if isinstance(self.screen, HelpDialog):
            return
        # one help per screen kind, installed: opened again it is shown as it was laid out and
        # rendered, not composed and wrapped afresh (~30 ms over a long comparison)
        name = f"help-{type(self.screen).__name__}"
        if not self.is_screen_installed(name):
            self.install_screen(HelpDialog(type(self.screen).__name__), name)
        self.push_screen(name)

    def action_search(self, query: str = "") -> None:
        """The search screen; ``query`` (from the palette: "conflict:any ") is typed into it."""
        from .screens.search import SearchScreen

        if not self._back_to(SearchScreen):
            self.push_screen(SearchScreen(self.state, query))
        elif query and isinstance(self.screen, SearchScreen):
            self.screen.type_query(query)

    def action_articles(self) -> None:
        from .screens.articles import ArticlesScreen

        if not self._back_to(ArticlesScreen):
            self.push_screen(ArticlesScreen(self.state))

    def action_reload(self) -> None:
        """Re-scan the corpus folder: new, changed and deleted files, incrementally."""
        if self._busy():
            return
        show(self, Notice("Looking for new, changed and deleted files", "Reloading", timeout=3))
        self._index(rebuild=False)

    def _busy(self) -> bool:
        if any(w.name in ("fetch", "index") and w.is_running for w in self.workers):
            show(self, Notice("Wait until fetching or indexing is done", "Busy", "warning", 4))
            return True
        return False

    def action_refresh_feeds(self) -> None:
        """Fetch the corpus's feeds again (the only network use of the app), then re-index."""
        if not self._busy():
            self.jobs.refresh_feeds()

    def action_events(self) -> None:
        self._back_to(EventsScreen)

    def action_pick_compare(self) -> None:
        """Choose reports to compare from the full list."""
        from .dialogs.pick import PickDialog

        def chosen(articles: list[Article] | None) -> None:
            if articles:
                self.open_articles(articles)

        self.push_screen(PickDialog(self.state.articles), chosen)

    def _back_to(self, kind: type[Screen[Any]]) -> bool:
        """Pop back to a screen of this kind if one is open (keeps its state); False if none."""
        if not any(isinstance(screen, kind) for screen in self.screen_stack):
            return False
        while not isinstance(self.screen, kind):
            self.pop_screen()
        return True

    # ---- opening screens ----

    def open_event(self, event: Event) -> None:
        """Show the compare screen for an event."""
        from .screens.compare import CompareScreen

        self.push_screen(CompareScreen(self.state, event.id, self.state.articles_of(event), event))

    def open_articles(self, articles: list[Article]) -> None:
        """Compare hand-picked articles (no event)."""
        from .screens.compare import CompareScreen

        key = "+".join(sorted(a.id for a in articles))
        self.push_screen(CompareScreen(self.state, key, articles, None))

    def open_article(self, article: Article, matches: tuple[tuple[int, int], ...] = ()) -> None:
        """Read one article alone, with search hits marked."""
        from .screens.reader import ReaderScreen

        self.push_screen(ReaderScreen(self.state, article, matches))
