"""Provides the app's lists: DataTable, OptionList and SelectionList with j / k / g / G, and
KeyFooter, the list of keys at the bottom of a screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
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

    def __init__(self, late: bool = False) -> None:
        super().__init__()
        self._built: object = None  # the bindings the keys were last built (or asked) from
        # Built as the screen mounts, so in its first paint: Footer waits for a bindings
        # signal and builds after the next refresh, in the time of the first key pressed.
        # ``late``: built as Footer does, after the screen's first paint. The screen's message
        # queue waits until every widget it composes is mounted, and a key pressed as the screen
        # opens waits in that queue: on the compare screen (keys pressed while it compares) the
        # footer's 15 keys were a third of that wait (docs/performance.md).
        if not late:
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
            if self._restate(shown):
                return
            if screen.app.app_focus:  # Footer then asks for a build, after the next refresh
                self._built = shown  # (two signals before it ran asked for two builds)
        super().bindings_changed(screen)

    def _restate(self, shown: object) -> bool:
        """When the keys Footer would show are the ones built and only their enabled states
        changed (the compare screen's keys once its comparison is in, its pane focused): the
        built keys greyed or not in place, not all built again. False otherwise."""
        built, keys = _display(self._built), list(self.query(FooterKey))
        if built is None or _display(shown) != built or not keys:
            return False  # other keys, or none built yet: Footer builds them
        enabled = {binding.action: on for binding, on in _first_per_action(shown)}
        if any(key.action not in enabled for key in keys):
            return False
        self._built = shown
        for key in keys:
            key._disabled = not enabled[key.action]  # what a click on the key reads
            key.set_class(key._disabled, "-disabled")
        return True

    def compose(self) -> ComposeResult:
        if self._built is None and self._bindings_ready:
            self._built = self._shown()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # the command palette's key is not bound to the footer: it stays compact
                compact = widget.has_class("-command-palette") or self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)  # styled as it mounts
            yield widget


def _first_per_action(shown: object) -> list[tuple[Binding, bool]]:
    """(binding, enabled) of each action's first binding: the one Footer shows."""
    assert isinstance(shown, tuple)
    first: dict[str, tuple[Binding, bool]] = {}
    for _key, binding, on, _tip in shown[0]:
        first.setdefault(binding.action, (binding, on))
    return list(first.values())


def _display(shown: object) -> object:
    """What Footer's keys show of ``shown`` (KeyFooter._shown), enabled states left out."""
    if not isinstance(shown, tuple):
        return None
    tips = {b.action: tip for _k, b, _on, tip in reversed(shown[0])}  # the first one's
    return [(b, tips[b.action]) for b, _on in _first_per_action(shown)], shown[1]
