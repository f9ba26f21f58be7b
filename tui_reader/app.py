"""Provides NewsReaderApp: state, global keys, and the glue from worker messages to screens."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from index import Article, Comparison, Event

from .commands import NewsCommands
from .jobs import Jobs
from .messages import ComparisonReady, EventsReady, IndexProgress, IndexReady
from .text import one_line

if TYPE_CHECKING:
    from index import CorpusIndex, IndexReport


PREFETCH = 40  # events (largest first) compared in the background for the list's link counts


class NewsReaderApp(Jobs, App[None]):
    """Compare how outlets report the same event. The CLI builds it and calls ``run()``."""

    CSS_PATH = "app.tcss"
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {NewsCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("slash", "search", "Search", id="search"),
        Binding("a", "articles", "Articles", id="articles"),
        Binding("e", "events", "Events", show=False, id="events"),
    ]
    """Keys that work on every screen."""
    # Textual's palette commands that newsreader's own palette entries replace ("Keys" there is
    # a side panel that squeezes the compare panes, not the list of every key).
    _OWN_COMMANDS = frozenset({"Keys", "Theme", "Quit"})

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands but those newsreader's palette has under the same name."""
        return (c for c in super().get_system_commands(screen) if c.title not in self._OWN_COMMANDS)

    def __init__(self, corpus: Path, index_dir: Path | None = None, rebuild: bool = False) -> None:
        super().__init__()
        self.corpus = Path(corpus)
        self.index_dir = Path(index_dir) if index_dir is not None else None
        self.rebuild = rebuild
        self.index: CorpusIndex | None = None
        self.articles: list[Article] = []
        self.by_id: dict[str, Article] = {}
        self.events: list[Event] | None = None
        self.comparisons: dict[str, Comparison] = {}
        self.report: IndexReport | None = None
        self.failure: str | None = None

    def on_mount(self) -> None:
        from .screens.events import EventsScreen

        self.push_screen(EventsScreen())
        self.load_index()

    def on_unmount(self) -> None:
        if self.index is not None:
            self.index.close()

    def _tell_screens(self, what: str) -> None:
        # Plain method calls on the UI thread: every screen on the stack refreshes what it shows.
        for screen in self.screen_stack:
            hook = getattr(screen, "data_changed", None)
            if hook is not None:
                hook(what)

    def on_index_progress(self, message: IndexProgress) -> None:
        for screen in self.screen_stack:
            hook = getattr(screen, "index_progress", None)
            if hook is not None:
                hook(message.done, message.total, message.path)

    def on_index_ready(self, message: IndexReady) -> None:
        self.articles = message.articles
        self.by_id = {a.id: a for a in message.articles}
        self.report = message.report
        self.notify(message.report.summary_line(), title="Index", markup=False)
        if getattr(message.report, "note", None):
            self.notify(one_line(message.report.note), title="Index", markup=False)
        skipped = list(getattr(message.report, "skipped", ()))
        if skipped:
            lines = [f"{one_line(s.path)}: {one_line(s.reason)}" for s in skipped[:8]]
            more = f"\n… and {len(skipped) - 8} more" if len(skipped) > 8 else ""
            self.notify(
                "\n".join(lines) + more,
                title=f"Skipped {len(skipped)} file(s)",
                severity="warning",
                markup=False,
                timeout=10,
            )
        damaged = list(getattr(message.report, "notices", ()))
        if damaged:  # loaded, but with U+FFFD where bytes were undecodable: not to be quoted as is
            lines = [f"{one_line(n.path)}: {one_line(n.message)}" for n in damaged[:8]]
            more = f"\n… and {len(damaged) - 8} more" if len(damaged) > 8 else ""
            self.notify(
                "\n".join(lines) + more,
                title=f"Damaged {len(damaged)} file(s)",
                severity="warning",
                markup=False,
                timeout=10,
            )
        self._tell_screens("articles")
        self.load_events(message.articles)

    def on_events_ready(self, message: EventsReady) -> None:
        self.events = message.events
        self._tell_screens("events")
        jobs = [(ev, self.articles_of(ev)) for ev in message.events if len(ev.article_ids) > 1]
        jobs = jobs[:PREFETCH]
        if jobs:
            self.prefetch_comparisons(jobs)

    def on_comparison_ready(self, message: ComparisonReady) -> None:
        self.comparisons[message.key] = message.comparison
        for screen in self.screen_stack:
            hook = getattr(screen, "comparison_ready", None)
            if hook is not None:
                hook(message.key, message.comparison)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures become visible: an error notification, never a crash."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        text = one_line(str(error)) or type(error).__name__
        name = event.worker.name or "background task"
        if name == "index":
            self.failure = text
            self._tell_screens("failure")
        elif name == "compare":
            self._tell_screens("compare-failed")
        self.notify(text, title=f"{name} failed", severity="error", markup=False, timeout=15)

    def articles_of(self, event: Event) -> list[Article]:
        """The event's articles that are in the index, in the event's order."""
        return [self.by_id[i] for i in event.article_ids if i in self.by_id]

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _back_to(self, kind: type) -> bool:
        """Pop back to a screen of this kind if one is open (keeps its state); False if none."""
        if not any(isinstance(screen, kind) for screen in self.screen_stack):
            return False
        while not isinstance(self.screen, kind):
            self.pop_screen()
        return True

    def action_search(self) -> None:
        from .screens.search import SearchScreen

        if not self._back_to(SearchScreen):
            self.push_screen(SearchScreen())

    def action_articles(self) -> None:
        from .screens.articles import ArticlesScreen

        if not self._back_to(ArticlesScreen):
            self.push_screen(ArticlesScreen())

    def action_events(self) -> None:
        from .screens.events import EventsScreen

        self._back_to(EventsScreen)

    def action_pick_compare(self) -> None:
        """Choose reports to compare from the full list."""
        from .screens.pick import PickScreen

        def chosen(articles: list[Article] | None) -> None:
            if articles:
                self.open_articles(articles)

        self.push_screen(PickScreen(self.articles), chosen)

    def open_event(self, event: Event) -> None:
        """Show the compare screen for an event."""
        from .screens.compare import CompareScreen

        self.push_screen(CompareScreen(event.id, self.articles_of(event), event))

    def open_articles(self, articles: list[Article]) -> None:
        """Compare hand-picked articles (no event)."""
        from .screens.compare import CompareScreen

        key = "+".join(sorted(a.id for a in articles))
        self.push_screen(CompareScreen(key, articles, None))

    def open_article(self, article: Article, matches: tuple[tuple[int, int], ...] = ()) -> None:
        """Read one article alone, with search hits marked."""
        from .screens.reader import ReaderScreen

        self.push_screen(ReaderScreen(article, matches))
