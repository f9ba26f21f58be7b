"""Provides AppBase: the App's typed parts, and the steps its handler modules share."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import App

from .config import Config
from .corrections import Corrections
from .jobs import Jobs
from .messages import EventsChanged, StateChanged
from .state import AppState
from .watch import CorpusWatcher

PREFETCH = 40  # events (largest first) compared in the background for the list's link counts


class AppBase(App[None]):
    """The App's typed parts, set by NewsReaderApp.__init__, and the steps its handlers share.

    The App is split by job (app_results.py: worker results; app_requests.py: the screens'
    requests; app_actions.py: keys and the screens they open); each part subclasses this one,
    so every handler sees the same typed state and Textual finds it on the App's class.
    """

    state: AppState  # the App alone writes it, on the UI thread (state.py)
    config: Config | None  # the config file's settings (None: the defaults, nothing saved)
    jobs: Jobs  # the named thread workers (jobs.py); their results come as messages
    watcher: CorpusWatcher
    corrections: Corrections

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
            self.state.counts_wanted = True
        elif jobs:
            self.jobs.prefetch_comparisons(jobs[:PREFETCH])
