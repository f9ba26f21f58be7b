"""Provides HelpDialog: a modal listing every key of every screen, built from their BINDINGS."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..compare.model import LEGEND
from ..config import config_path
from ..keymap import (
    ALL_BINDINGS,
    ARTICLES_BINDINGS,
    COMPARE_BINDINGS,
    CONFLICT_BINDINGS,
    DISMISS_BINDINGS,
    EVENTS_BINDINGS,
    FIGURES_SCREEN_BINDINGS,
    FOLLOW_BINDINGS,
    GLOBAL_BINDINGS,
    LIST_ROW,
    MARK_BINDINGS,
    READER_BINDINGS,
    SCROLL_BINDINGS,
    SEARCH_BINDINGS,
    as_bindings,
    key_label,
)

Rows = list[tuple[str, str]]
PANEL_ROWS: Rows = [
    ("Enter / Delete", "In the marks panel: jump to / delete"),
    ("Esc", "In the marks panel: back to the text"),
]


def rows(bindings: list[BindingType]) -> Rows:
    """(keys, description) of each binding."""
    return [(key_label(b.key), b.description or b.action) for b in as_bindings(bindings)]


def action_ids() -> dict[tuple[str, str], str]:
    """The [keys] id of each help row (keys, description): what the config file re-binds."""
    ids: dict[tuple[str, str], list[str]] = {}
    for b in as_bindings(ALL_BINDINGS):
        if b.id:
            row = (key_label(b.key), b.description or b.action)
            ids.setdefault(row, [])
            if b.id not in ids[row]:
                ids[row].append(b.id)
    out = {row: ", ".join(names) for row, names in ids.items()}
    out[LIST_ROW] = "list-down, list-up, list-first, list-last"
    return out


def settings_rows(path: str) -> Rows:
    """Where the settings are and how a key is re-bound (the README's Configuration)."""
    return [
        ("Config file", path),
        ("", "newsreader config --path prints it, newsreader config --edit opens it"),
        ("[keys]", 'Re-bind any action by its id (in brackets): next-conflict = "c,ctrl+n"'),
    ]


# Which help sections belong to which screen class: that screen's keys are listed first.
SCREEN_SECTIONS = {
    "EventsScreen": ("Events",),
    "CompareScreen": ("Compare", "Marks (compare)"),
    "ArticlesScreen": ("Articles",),
    "ReaderScreen": ("Reader", "Marks (reader)"),
    "SearchScreen": ("Search",),
}


def help_sections(screen: str = "") -> list[tuple[str, Rows]]:
    """(section name, [(keys, description)]) for the App and every screen; the sections of the
    screen class named ``screen`` (the one under the help) come first."""
    sections = _sections()
    first = SCREEN_SECTIONS.get(screen, ())
    return [s for s in sections if s[0] in first] + [s for s in sections if s[0] not in first]


def _sections() -> list[tuple[str, Rows]]:
    palette = ("Ctrl+P", "Command palette: open an event, compare, toggles, theme")
    return [
        ("Everywhere", [*rows(GLOBAL_BINDINGS), LIST_ROW, palette]),
        ("Events", rows(EVENTS_BINDINGS)),
        (
            "Compare",
            [
                *rows(COMPARE_BINDINGS),
                *rows(FOLLOW_BINDINGS),
                *rows(CONFLICT_BINDINGS),
                ("j / k / ↑ / ↓", "Scroll the active pane"),
            ],
        ),
        ("Figures", [*rows(FIGURES_SCREEN_BINDINGS), ("j / k / ↑ / ↓", "Move between values")]),
        ("Marks (compare)", [*rows(MARK_BINDINGS), *rows(DISMISS_BINDINGS), *PANEL_ROWS]),
        ("Articles", rows(ARTICLES_BINDINGS)),
        (
            "Reader",
            [
                *rows(READER_BINDINGS),
                *rows(FOLLOW_BINDINGS),
                ("click", "Put the cursor on a paragraph's first sentence"),
                ("j / k / ↑ / ↓", "Scroll"),
            ],
        ),
        ("Marks (reader)", [*rows(MARK_BINDINGS), *PANEL_ROWS]),
        (
            "Search",
            [
                *rows(SEARCH_BINDINGS),
                ("conflict:TYPE", "Passages in a conflict: number, date, role, ..., any"),
                ("only:OUTLET", "Passages only that outlet has (only:yonhap)"),
                ("shared:>=N", "Passages stated by at least N independent sources"),
                ("event:ID", "The reports of one event (with words or alone)"),
                ("Name", "A capitalised word finds its other spellings: Zelensky, Zelenskyy"),
            ],
        ),
    ]


class HelpDialog(ModalScreen[None]):
    """Every key, grouped by screen, the current screen's first; Esc, q or ? closes it, j / k /
    g / G scroll it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="close-help"),
        *SCROLL_BINDINGS,
    ]

    def __init__(self, screen: str = "") -> None:
        super().__init__()
        self.for_screen = screen

    def _scroll(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_scroll_down(self) -> None:
        self._scroll().scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self._scroll().scroll_up(animate=False)

    def action_scroll_home(self) -> None:
        self._scroll().scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self._scroll().scroll_end(animate=False)

    def on_screen_resume(self) -> None:
        """Opened again (the app keeps one per screen kind): from its top, as when new."""
        self._scroll().scroll_home(animate=False)

    def compose(self) -> ComposeResult:
        lines: list[Content] = []
        ids = action_ids()
        config = getattr(self.app, "config", None)
        path = str(config.path if config is not None else config_path())
        sections = [*help_sections(self.for_screen), ("Settings", settings_rows(path))]
        note = "Any key is re-bound in the config file by the id in brackets: Settings, at the end"
        lines += [Content.assemble((note, "dim")), Content("")]
        for title, section in sections:
            lines.append(Content.assemble((title, "bold underline")))
            for keys, description in section:
                name = ids.get((keys, description))
                lines.append(
                    Content.assemble(
                        (f"  {keys:<22}", "bold"),
                        description,
                        (f"  [{name}]" if name else "", "dim"),
                    )
                )
            lines.append(Content(""))
        lines.append(Content.assemble(("Marks", "bold underline")))
        lines.append(Content("  " + LEGEND))
        with VerticalScroll(id="help-body"):
            yield Static(Content("\n").join(lines), id="help-text")
