"""Provides HelpScreen: a modal listing every key of every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..marks import LEGEND

KEY_NAMES = {
    "question_mark": "?", "slash": "/", "left_square_bracket": "[", "right_square_bracket": "]",
    "plus": "+", "minus": "-", "escape": "Esc", "enter": "Enter", "tab": "Tab",
    "shift+tab": "Shift+Tab", "ctrl+p": "Ctrl+P",
}


def key_label(keys: str) -> str:
    """'j,down' -> 'j / down' with symbols for named keys."""
    return " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(screen name, [(keys, description)]) for the App and every screen."""
    from ..app import NewsReaderApp
    from .articles import ArticlesScreen
    from .compare import CompareScreen
    from .events import EventsScreen
    from .marking import Marking
    from .reader import ReaderScreen
    from .search import SearchScreen

    sections = []
    owners = [("Everywhere", NewsReaderApp), ("Events", EventsScreen), ("Compare", CompareScreen),
              ("Marks (compare)", Marking),
              ("Articles", ArticlesScreen), ("Reader", ReaderScreen), ("Search", SearchScreen)]
    for title, owner in owners:
        rows = []
        for b in getattr(owner, "BINDINGS", []):
            binding = b if isinstance(b, Binding) else Binding(*b)
            rows.append((key_label(binding.key), binding.description or binding.action))
        sections.append((title, rows))
    sections[0][1].append(("Ctrl+P", "Command palette: open an event, compare, toggles, theme"))
    sections[2][1].append(("j / k / ↑ / ↓", "Scroll the active pane"))
    return sections


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by screen; Esc, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="close-help")]

    def compose(self) -> ComposeResult:
        lines: list[Content] = []
        for title, rows in help_sections():
            lines.append(Content.assemble((title, "bold underline")))
            for keys, description in rows:
                lines.append(Content.assemble((f"  {keys:<22}", "bold"), description))
            lines.append(Content(""))
        lines.append(Content.assemble(("Marks", "bold underline")))
        lines.append(Content("  " + LEGEND))
        with VerticalScroll(id="help-body"):
            yield Static(Content("\n").join(lines), id="help-text")
