"""Provides the app's lists: DataTable, OptionList and SelectionList with j / k / g / G, and
KeyFooter, the list of keys at the bottom of a screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, SelectionList
from textual.widgets._footer import FooterKey

from ..keymap import OPTION_BINDINGS, TABLE_BINDINGS


class ListTable(DataTable[object]):
    """A table that moves as every list of the app does (j / k / g / G besides the arrows)."""

    BINDINGS = TABLE_BINDINGS


class ListOptions(OptionList):
    """An option list with the same keys."""

    BINDINGS = OPTION_BINDINGS


class PickList(SelectionList[int]):
    """A selection list with the same keys."""

    BINDINGS = OPTION_BINDINGS


class KeyFooter(Footer):
    """Textual's Footer, its keys built as the screen mounts and again only when they change,
    each in its final style.

    Textual's Footer builds its keys after the screen's first paint, so the first key pressed
    on a new screen waited for it (docs/performance.md, "a key answered while analysis runs"),
    and builds them all again whenever the screen's bindings *may* have changed (focus moved,
    a dialog opened over the screen): three builds around opening the reader and its first
    ``?``, two of them asked for before the first ran. And a FooterKey starts compact (its class
    default) and is then bound to the footer's ``compact`` (False): two class changes, each
    restyling the key alone with an empty style cache (70 restyles on the reader's footer).
    Here the value is set before mounting and never changes.
    """

    def __init__(self) -> None:
        super().__init__()
        self._built: object = None  # the bindings the keys were last built (or asked) from
        # Built as the screen mounts, so in its first paint: Footer waits for a bindings
        # signal and builds after the next refresh, in the time of the first key pressed.
        self.set_reactive(Footer._bindings_ready, True)

    def _shown(self) -> object:
        """What the keys are built from: the screen's active bindings that are shown (and the
        command palette's key), enabled or not, with their tooltips."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return [
            (key, b, enabled, tip)
            for key, (_node, b, enabled, tip) in self.screen.active_bindings.items()
            if b.show or key == palette
        ], self.compact

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            shown = self._shown()
            if shown == self._built:
                return  # the same keys, built or about to be: building them again only costs
            if screen.app.app_focus:  # Footer then asks for a build, after the next refresh
                self._built = shown  # (two signals before it ran asked for two builds)
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._built is None:
            self._built = self._shown()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # the command palette's key is not bound to the footer: it stays compact
                compact = widget.has_class("-command-palette") or self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)  # styled as it mounts
            yield widget
