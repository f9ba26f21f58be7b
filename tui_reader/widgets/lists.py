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
    """Textual's Footer, its keys built only when they change, each in its final style.

    A screen's footer is built just after the screen's first paint, so the first key pressed
    on a new screen waited for it (docs/performance.md, "a key answered while analysis runs").
    Textual rebuilds every key of the footer whenever the screen's bindings *may* have changed
    (focus moved, a dialog opened over the screen): four times around opening the reader and
    its first ``?``. Here the keys are rebuilt only when the bindings shown differ. And a
    FooterKey starts compact (its class default) and is then bound to the footer's ``compact``
    (False): two class changes, each restyling the key alone with an empty style cache (70
    restyles on the reader's footer). Set before mounting, the value never changes.
    """

    def __init__(self) -> None:
        super().__init__()
        self._built: object = None  # the bindings the keys were last built from

    def _shown(self) -> object:
        """What the keys are built from: the screen's active bindings, enabled or not."""
        active = self.screen.active_bindings.values()
        return [(b, enabled, tip) for _node, b, enabled, tip in active], self.compact

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and self._built == self._shown():
            return  # the same keys: building them again only costs time
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        self._built = self._shown() if self._bindings_ready else None
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # the command palette's key is not bound to the footer: it stays compact
                compact = widget.has_class("-command-palette") or self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)  # styled as it mounts
            yield widget
