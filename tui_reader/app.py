"""Provides NewsReaderApp: the Textual App, built of its state, its workers and its handlers."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from .app_requests import ScreenRequests
from .app_results import WorkerResults
from .commands import NewsCommands
from .config import Config
from .configured import apply_config
from .corrections import Corrections
from .jobs import Jobs
from .keymap import GLOBAL_BINDINGS
from .notices import Notice, show
from .render_cache import forget_closed_renders
from .screens.events import EventsScreen
from .session import first_export_folder
from .state import AppState, MarksStore, Settings
from .text import one_line
from .watch import CorpusWatcher

SWITCH_INTERVAL = 0.001  # seconds a thread may hold the GIL while another waits for it


class NewsReaderApp(WorkerResults, ScreenRequests):
    """Compare how outlets report the same event. The CLI builds it and calls ``run()``.

    The App is the only writer of ``state``: worker results arrive as messages (jobs.py), the
    App stores them (app_results.py) and tells every screen on the stack with a StateChanged
    message. Screens ask for screens and workers with request messages (app_requests.py); keys
    and the palette open screens (app_actions.py).
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
        self.config = config
        # the export dialog's folder: the configured one, else the last export's (session.py)
        self.state.export_dir = first_export_folder(config.export_folder if config else None)
        if config is not None:
            self.state.export_format = config.export_format
        self.jobs = Jobs(self, self.state)
        self.watcher = CorpusWatcher(self, self.state)
        self.corrections = Corrections(self, self.state)
        self._switch_interval = sys.getswitchinterval()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands but those newsreader's palette has under the same name."""
        return (c for c in super().get_system_commands(screen) if c.title not in self._OWN_COMMANDS)

    def on_mount(self) -> None:
        # A thread that computes (a comparison, the grouping) holds the GIL; each time the UI
        # thread lets it go (every wait of its event loop) it asks for it back and waits up to
        # one switch interval, several times a key: at the default 5 ms a key of 10 ms of CPU
        # took 40-77 ms during a 5 MB comparison, at 1 ms 20-35 ms (docs/performance.md).
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        if self.config is not None:
            apply_config(self, self.config)
        self.screen_change_signal.subscribe(self, forget_closed_renders)
        self.push_screen(EventsScreen(self.state))
        self._index()
        self.watcher.start()

    def on_unmount(self) -> None:
        gc.unfreeze()  # what on_events_ready froze is collectable again (tests run many apps)
        sys.setswitchinterval(self._switch_interval)
        self.watcher.stop()
        if self.state.index is not None:
            self.state.index.close()
        self.state.marks.close()

    def _marks_unavailable(self, error: str) -> None:
        show(self, Notice(one_line(error), "Marks unavailable", "error", 15))
