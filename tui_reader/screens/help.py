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
    "question_mark": "?",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "plus": "+",
    "minus": "-",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "ctrl+p": "Ctrl+P",
    "left_parenthesis": "(",
    "right_parenthesis": ")",
}


def key_label(keys: str) -> str:
    """'j,down' -> 'j / down' with symbols for named keys."""
    return " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def own_bindings(*owners: type) -> list[Binding]:
    """The bindings newsreader itself declares on ``owners`` (not Textual's), in that order."""
    found: list[Binding] = []
    for owner in owners:
        for b in owner.__dict__.get("BINDINGS", []):
            found.append(b if isinstance(b, Binding) else Binding(*b))
    return found


def screen_bindings(screen: type) -> list[Binding]:
    """Every binding of a screen class, inherited ones first (as Textual merges them)."""
    ours = [c for c in reversed(screen.__mro__) if c.__module__.startswith("tui_reader")]
    return own_bindings(*ours)


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(screen name, [(keys, description)]) for the App and every screen."""
    from ..app import NewsReaderApp
    from .articles import ArticlesScreen
    from .compare import CompareScreen
    from .events import EventsScreen
    from .mark_actions import MarkActions
    from .marking import Marking
    from .reader import ReaderScreen
    from .search import SearchScreen

    sections = []
    owners: list[tuple[str, tuple[type, ...]]] = [
        ("Everywhere", (NewsReaderApp,)),
        ("Events", (EventsScreen,)),
        ("Compare", (CompareScreen,)),
        ("Marks (compare)", (MarkActions, Marking)),
        ("Articles", (ArticlesScreen,)),
        ("Reader", (ReaderScreen,)),
        ("Marks (reader)", (MarkActions,)),
        ("Search", (SearchScreen,)),
    ]
    for title, classes in owners:
        rows = [(key_label(b.key), b.description or b.action) for b in own_bindings(*classes)]
        sections.append((title, rows))
    sections[0][1].append(("Ctrl+P", "Command palette: open an event, compare, toggles, theme"))
    sections[2][1].append(("j / k / ↑ / ↓", "Scroll the active pane"))
    for title in ("Marks (compare)", "Marks (reader)"):
        dict(sections)[title].append(("Enter / Delete", "In the marks panel: jump to / delete"))
        dict(sections)[title].append(("Esc", "In the marks panel: back to the text"))
    reader = dict(sections)["Reader"]
    reader.append(("click", "Put the cursor on a paragraph's first sentence"))
    reader.append(("j / k / ↑ / ↓", "Scroll"))
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
