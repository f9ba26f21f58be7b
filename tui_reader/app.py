"""Provides NewsReaderApp: owns the AppState, starts workers, routes messages, opens screens."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import Worker

from index import Article, Event

from .commands import NewsCommands
from .config import Config
from .configured import apply_config
from .corrections import Corrections
from .jobs import Jobs
from .keymap import GLOBAL_BINDINGS
from .messages import (
    ArticlesChanged,
    ArticlesLoaded,
    ComparisonAbandoned,
    ComparisonAdded,
    ComparisonFailed,
    ComparisonReady,
    ComparisonWanted,
    ConflictsWanted,
    CorpusChanged,
    CorrectionWanted,
    EventsChanged,
    EventsFirst,
    EventsReady,
    ExportWritten,
    FeedsFetched,
    FeedsProgress,
    IndexFailed,
    IndexOpened,
    IndexProgress,
    IndexReady,
    OpenArticle,
    OpenEvent,
    OpenFigures,
    ProgressChanged,
    SearchWanted,
    StateChanged,
    WatchFailed,
)
from .notices import Notice, failure_text, feed_notices, report_failure, report_notices, show
from .screens.events import EventsScreen
from .session import first_export_folder, remember_export_folder
from .state import AppState, MarksStore, Settings
from .text import one_line
from .watch import CorpusWatcher

PREFETCH = 40  # events (largest first) compared in the background for the list's link counts


class NewsReaderApp(App[None]):
    """Compare how outlets report the same event. The CLI builds it and calls ``run()``.

    The App is the only writer of ``state``: worker results arrive as messages (jobs.py), the
    App stores them and tells every screen on the stack with a StateChanged message. Screens ask
    for screens and workers with request messages (OpenEvent, SearchWanted...), handled here.
    """

    CSS_PATH = "app.tcss"
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {NewsCommands}
    BINDINGS = GLOBAL_BINDINGS
    # Textual's palette commands that newsreader's own palette entries replace ("Keys" there is
    # a side panel that squeezes the compare panes, not the list of every key).
    _OWN_COMMANDS = frozenset({"Keys", "Theme", "Quit"})

    def __init__(
        self,
        corpus: Path,
        index_dir: Path | None = None,
        rebuild: bool = False,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        settings = Settings(Path(corpus), Path(index_dir) if index_dir else None, rebuild)
        self.state = AppState(settings, MarksStore(self._marks_unavailable))
        self.config = config  # the config file's settings (None: the defaults, nothing saved)
        # the export dialog's folder: the configured one, else the last export's (session.py)
        self.state.export_dir = first_export_folder(config.export_folder if config else None)
        if config is not None:
            self.state.export_format = config.export_format
        self.jobs = Jobs(self, self.state)
        self._comparing: str | None = None  # the comparison the user is waiting for
        self._counts_wanted = False  # the list's counts asked for while a first build indexed
        self.watcher = CorpusWatcher(self, self.state)
        self.corrections = Corrections(self, self.state)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands but those newsreader's palette has under the same name."""
        return (c for c in super().get_system_commands(screen) if c.title not in self._OWN_COMMANDS)

    def on_mount(self) -> None:
        if self.config is not None:
            apply_config(self, self.config)
        self.push_screen(EventsScreen(self.state))
        self._index()
        self.watcher.start()

    def on_unmount(self) -> None:
        gc.unfreeze()  # what on_events_ready froze is collectable again (tests run many apps)
        self.watcher.stop()
        if self.state.index is not None:
            self.state.index.close()
        self.state.marks.close()

    def _marks_unavailable(self, error: str) -> None:
        show(self, Notice(one_line(error), "Marks unavailable", "error", 15))

    def _index(self, rebuild: bool | None = None) -> None:
        """Start an index update; files changed after this moment count as changed."""
        self.state.indexed_at = time.time()
        self.state.change_told = False
        self.state.indexing = (0, 0)
        self.jobs.load_index(rebuild)

    def _tell_screens(self, make: Callable[[], StateChanged]) -> None:
        """Post a fresh state-changed message to every screen on the stack (they do not bubble:
        each screen handles its own, or ignores it)."""
        for screen in self.screen_stack:
            screen.post_message(make())

    # ---- worker results -> state -> screens ----

    def on_index_opened(self, message: IndexOpened) -> None:
        self.state.index = message.index  # searchable while it is brought up to date

    def on_index_progress(self, message: IndexProgress) -> None:
        done, total, path, what = message.done, message.total, message.path, message.what
        if what == "Indexing" and self.state.indexing is not None:
            self.state.indexing = (done, total)
        self._tell_screens(lambda: ProgressChanged(done, total, path, what))

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        """A first build read every article: listed now, grouped next, indexed after."""
        self.state.articles = message.articles
        self.state.by_id = {a.id: a for a in message.articles}
        self._tell_screens(ArticlesChanged)
        self.jobs.group_first(message.articles)  # listed until the whole grouping's come

    def on_index_ready(self, message: IndexReady) -> None:
        state = self.state
        state.indexing = None
        state.articles = message.articles
        state.by_id = {a.id: a for a in message.articles}
        if state.report is not None and message.report.added + message.report.updated + (
            message.report.removed
        ):
            state.comparisons.clear()  # reports changed since the last update: compare again
        state.report = message.report
        for notice in report_notices(message.report):
            show(self, notice)
        self._tell_screens(ArticlesChanged)
        if not message.grouped:  # else grouped already, before the build indexed them
            self.jobs.load_events(message.articles)
        elif self._counts_wanted:
            self._counts_wanted = False
            self._prefetch_counts()

    def on_feeds_progress(self, message: FeedsProgress) -> None:
        url = one_line(message.url, 100)
        self._tell_screens(lambda: ProgressChanged(message.done, message.total, url, "Fetching"))

    def on_feeds_fetched(self, message: FeedsFetched) -> None:
        for notice in feed_notices(message.results):
            show(self, notice)
        if any(r.status in ("new", "changed") for r in message.results):
            self.state.comparisons.clear()  # reports may have changed: compare them again
            self._index(rebuild=False)  # incremental: only the changed files

    def on_corpus_changed(self, message: CorpusChanged) -> None:
        """Offer a reload, once until the next one (the watcher may report many batches)."""
        if self.state.change_told:
            return
        self.state.change_told = True
        names = ", ".join(one_line(p, 60) for p in message.paths)
        more = (
            f" and {message.count - len(message.paths)} more"
            if message.count > len(message.paths)
            else ""
        )
        show(self, Notice(f"{names}{more}: press R to reload", "Corpus changed", timeout=15))

    def on_watch_failed(self, message: WatchFailed) -> None:
        text = f"{one_line(message.reason, 200)}; R still reloads"
        show(self, Notice(text, "Not watching the corpus", "warning", 8))

    def on_events_first(self, message: EventsFirst) -> None:
        """Events of a first part of the articles, listed until all are grouped: no
        corrections (they apply to the whole grouping), no comparisons for the counts yet."""
        if self.state.grouped is None:
            self.state.events, self.state.corrected = message.events, frozenset()
            self.state.first_part = (message.part, message.total)
            self._tell_screens(EventsChanged)

    def on_events_ready(self, message: EventsReady) -> None:
        self.state.first_part = None
        self.state.grouped = message.events
        self.corrections.apply()  # the reader's merges, moves and splits (corrections.py)
        self._events_changed()
        # What is loaded now lives as long as the app: out of the garbage collector's sight, a
        # full collection visits only what came later. It visited all 120,000 objects of the
        # app, 50-370 ms on the UI thread, and the first key after opening a screen waited.
        gc.freeze()

    def _events_changed(self, focus: str | None = None) -> None:
        """Tell the screens, and compare the multi-report events not compared yet (for the
        list's counts; a correction makes new events)."""
        self._tell_screens(lambda: EventsChanged(focus))
        self._prefetch_counts(focus)

    def _prefetch_counts(self, focus: str | None = None) -> None:
        events = sorted(self.state.events or [], key=lambda ev: ev.id != focus)  # focus first
        jobs = [(ev, self.state.articles_of(ev)) for ev in events if len(ev.article_ids) > 1]
        if jobs and self.state.indexing is not None and self.state.report is None:
            # A first build is still writing the index: search waits for it, and the list's
            # counts can wait for search (on_index_ready asks for them then).
            self._counts_wanted = True
        elif jobs:
            self.jobs.prefetch_comparisons(jobs[:PREFETCH])

    def on_comparison_ready(self, message: ComparisonReady) -> None:
        self.state.comparisons[message.key] = message.comparison
        self._tell_screens(lambda: ComparisonAdded(message.key))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place the App's worker failures become visible: a notification, no crash."""
        if not report_failure(self, event):
            return
        if event.worker.name == "index":
            self.state.indexing = None
            self.state.failure = failure_text(event.worker)
            self._tell_screens(IndexFailed)
        elif event.worker.name == "compare":
            self._tell_screens(ComparisonFailed)

    # ---- requests from screens ----

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
        self._comparing = message.key
        self.jobs.load_comparison(message.key, message.articles, message.event)

    def on_comparison_abandoned(self, message: ComparisonAbandoned) -> None:
        # The user left the screen waiting for it: a long comparison would hold a core for
        # nothing (the compare worker stops at its next checkpoint and posts nothing).
        if message.key == self._comparing and message.key not in self.state.comparisons:
            self.workers.cancel_group(self, "compare")
            self._comparing = None

    def on_conflicts_wanted(self, _message: ConflictsWanted) -> None:
        events = self.state.events or []
        jobs = [(ev, self.state.articles_of(ev)) for ev in events if len(ev.article_ids) > 1]
        if any(ev.id not in self.state.comparisons for ev, _a in jobs):
            self.jobs.prefetch_comparisons(jobs)  # replaces the first prefetch: it covers it

    def on_search_wanted(self, message: SearchWanted) -> None:
        self.jobs.search(message.query, message.reply_to)

    # ---- actions (keys and palette) ----

    # The other screens and the dialogs are imported when first opened: their modules load the
    # comparison and export code, which the first paint (the events list) does not need.

    def action_help(self) -> None:
        from .dialogs.help import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(type(self.screen).__name__))

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
