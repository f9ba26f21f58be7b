"""Provides every key of the app and its screens, and the helpers that list a screen's keys.

A screen's BINDINGS are built from the lists here; its ``action_*`` methods do the work. The help
dialog lists these same lists, the command palette offers the keys of the screen under it, and
tests check the README's keys table against them: a key added here shows up in all of them.
(Dialogs keep their few keys to themselves.)
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

GLOBAL_BINDINGS: list[BindingType] = [
    # ctrl+c quits too, as in any terminal program (Textual's own binding only says "press q");
    # in a text box it still copies (the box's binding comes first).
    Binding("q,ctrl+c", "quit", "Quit", id="quit"),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("slash", "search", "Search", id="search"),
    # Capitals go to a screen; the lower-case a / e are Note / Export wherever passages are
    # marked: one key, one action, app-wide.
    Binding("A", "articles", "Articles", id="articles"),
    Binding("E", "events", "Events", show=False, id="events"),
    Binding("R", "reload", "Reload", show=False, id="reload"),
    Binding("F", "refresh_feeds", "Fetch feeds", show=False, id="refresh-feeds"),
]
"""Keys that work on every screen (the App's)."""

MARK_BINDINGS: list[BindingType] = [
    Binding("m,space", "mark", "Mark", id="mark"),
    Binding("a", "note", "Note", id="note"),
    Binding("e", "export", "Export", id="export"),
    Binding("M", "toggle_marks", "Marks panel", show=False, id="toggle-marks"),
]
"""The mark keys of the screens where passages can be marked (compare, reader); each screen's
actions hand them to its MarkController (marking/controller.py)."""

# '#' for the event's numbers: every letter near "figures" has a job already (F fetches feeds).
FIGURES_KEY = Binding("number_sign", "figures", "Figures", show=False, id="figures")

EVENTS_BINDINGS: list[BindingType] = [
    Binding("enter", "open_event", "Compare", id="open-event"),
    Binding("f", "filter", "Filter", id="filter-events"),
    Binding("S", "sort", "Sort", id="sort-events"),
    FIGURES_KEY,
    Binding("tab", "app.focus_next", "Switch list", show=False, id="switch-list"),
    # Corrections of the grouping (saved with the marks): capitals, so no stray key regroups.
    Binding("J", "merge_event", "Merge with…", show=False, id="merge-event"),
    Binding("V", "move_report", "Move report to…", show=False, id="move-report"),
    Binding("X", "split_event", "Split off reports…", show=False, id="split-event"),
    Binding("U", "undo_correction", "Undo correction", show=False, id="undo-correction"),
]
"""The events list (screens/events.py)."""

COMPARE_BINDINGS: list[BindingType] = [
    Binding("escape", "app.pop_screen", "Back", id="back"),
    Binding("n", "next('linked', 1)", "Next link", id="next-link"),
    Binding("N", "next('linked', -1)", "Prev link", show=False, id="prev-link"),
    Binding("c", "next('conflict', 1)", "Next conflict", id="next-conflict"),
    Binding("C", "next('conflict', -1)", "Prev conflict", show=False, id="prev-conflict"),
    Binding("u", "next('unique', 1)", "Next unique", show=False, id="next-unique"),
    Binding("tab,l,right", "pane(1)", "Next pane", id="next-pane"),
    Binding("shift+tab,h,left", "pane(-1)", "Prev pane", show=False, id="prev-pane"),
    Binding("right_square_bracket", "report(1)", "Next report", show=False, id="next-report"),
    Binding("left_square_bracket", "report(-1)", "Prev report", show=False, id="prev-report"),
    Binding("enter", "align", "Align", id="align"),
    Binding("s", "toggle_sync", "Sync", id="sync"),
    Binding("d", "toggle_dim", "Dim unique", id="dim"),
    Binding("plus", "panes(1)", "More panes", show=False, id="more-panes"),
    Binding("minus", "panes(-1)", "Fewer panes", show=False, id="fewer-panes"),
]
"""The compare screen's moving keys: passages, panes and reports (screens/compare.py)."""

FOLLOW_BINDINGS: list[BindingType] = [
    Binding("o", "open_url", "Open in browser", show=False, id="open-url"),
    Binding("y", "copy_citation", "Copy citation", show=False, id="copy-citation"),
]
"""Follow and copy (follow.py), wherever a report is read: compare and reader."""

CONFLICT_BINDINGS: list[BindingType] = [
    Binding("Y", "copy_conflict", "Copy conflict", show=False, id="copy-conflict"),
    Binding("L", "list_conflicts", "List conflicts", show=False, id="list-conflicts"),
    FIGURES_KEY,
]
"""The compare screen's keys for the event's conflicts."""

DISMISS_BINDINGS: list[BindingType] = [
    Binding("x", "dismiss_conflict", "Dismiss conflict", show=False, id="dismiss-conflict"),
]
"""The mark key only the compare screen has."""

READER_BINDINGS: list[BindingType] = [
    Binding("escape", "app.pop_screen", "Back", id="back"),
    Binding("n", "hit(1)", "Next hit", id="next-hit"),
    Binding("N", "hit(-1)", "Prev hit", show=False, id="prev-hit"),
    Binding("right_parenthesis", "sentence(1)", "Next sentence", id="next-sentence"),
    Binding("left_parenthesis", "sentence(-1)", "Prev sentence", show=False, id="prev-sentence"),
]
"""The reader's moving keys: hits and sentences (screens/reader.py)."""

ARTICLES_BINDINGS: list[BindingType] = [
    Binding("escape", "app.pop_screen", "Back", id="back"),
    Binding("enter", "read", "Read", id="read"),
]
"""The list of every article (screens/articles.py)."""

FIGURES_SCREEN_BINDINGS: list[BindingType] = [
    Binding("escape", "app.pop_screen", "Back", id="back"),
    Binding("enter", "open_figure", "Show in the reports", id="open-figure"),
]
"""The figures of an event (screens/figures.py): Enter opens the compare panes on a value."""

SEARCH_BINDINGS: list[BindingType] = [
    Binding("escape", "app.pop_screen", "Back", id="back"),
    Binding("down", "focus_results", "Results", show=False, id="results"),
]
"""The search screen (screens/search.py)."""

TABLE_BINDINGS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False, id="list-down"),
    Binding("k", "cursor_up", "Up", show=False, id="list-up"),
    Binding("g", "scroll_top", "First", show=False, id="list-first"),
    Binding("G", "scroll_bottom", "Last", show=False, id="list-last"),
]
"""Vim keys of every table (events, reports, articles): widgets/lists.py."""

OPTION_BINDINGS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False, id="list-down"),
    Binding("k", "cursor_up", "Up", show=False, id="list-up"),
    Binding("g", "first", "First", show=False, id="list-first"),
    Binding("G", "last", "Last", show=False, id="list-last"),
]
"""The same keys in every option list (search results, marks, the report picker)."""

SCROLL_BINDINGS: list[BindingType] = [
    Binding("j,down", "scroll_down", "Down", show=False, id="scroll-down"),
    Binding("k,up", "scroll_up", "Up", show=False, id="scroll-up"),
    Binding("g,home", "scroll_home", "Top", show=False, id="scroll-top"),
    Binding("G,end", "scroll_end", "Bottom", show=False, id="scroll-bottom"),
]
"""Scrolling text (the help, the panes)."""

ALL_BINDINGS: list[BindingType] = [
    *GLOBAL_BINDINGS,
    *MARK_BINDINGS,
    *EVENTS_BINDINGS,
    *COMPARE_BINDINGS,
    *FOLLOW_BINDINGS,
    *CONFLICT_BINDINGS,
    *DISMISS_BINDINGS,
    *READER_BINDINGS,
    *ARTICLES_BINDINGS,
    *FIGURES_SCREEN_BINDINGS,
    *SEARCH_BINDINGS,
    *TABLE_BINDINGS,
    *OPTION_BINDINGS,
    *SCROLL_BINDINGS,
]
"""Every key above: their ids are what the config file's [keys] table re-binds (configured.py)."""

LIST_ROW = ("j / k / g / G", "Down / up / first / last in any list")

KEY_NAMES = {
    "question_mark": "?",
    "number_sign": "#",
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


def as_bindings(bindings: list[BindingType]) -> list[Binding]:
    """Bindings given as Binding or as tuples, all as Binding."""
    return [b if isinstance(b, Binding) else Binding(*b) for b in bindings]


def screen_bindings(screen: type) -> list[Binding]:
    """Every binding newsreader declares on a screen class and its own bases (not Textual's),
    in the order Textual merges them."""
    ours = [c for c in reversed(screen.__mro__) if c.__module__.startswith("tui_reader")]
    return [b for owner in ours for b in as_bindings(owner.__dict__.get("BINDINGS", []))]
