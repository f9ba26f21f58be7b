"""Provides TypingInput and TypingArea: text boxes whose editing keys stay in typing order.

Textual types a printable key in the widget's own key handler, but runs a bound key (backspace,
ctrl+u, arrows, Enter) only after the key has bubbled up to the App. Keys that arrive in one
read (a fast typist, a paste with a correction, a loaded machine) are then applied out of order:
"a b backspace c" gives "ab" instead of "ac" (Textual issue 6605). These boxes run their own
non-priority bindings in the key handler, in order with the letters; what runs is unchanged,
because the focused widget is the first place the App would look for the binding anyway.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run ``widget``'s own binding of ``event``'s key now; True when one ran (the key is used).
    Priority bindings are left alone: the App checked them before the key reached the widget."""
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class TypingInput(Input):
    """An Input whose backspace, ctrl+u, arrows and Enter apply in order with the letters."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable and await run_own_binding(self, event):
            return
        await super()._on_key(event)


class TypingArea(TextArea):
    """A TextArea whose bound editing keys apply in order with the letters."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable and await run_own_binding(self, event):
            return
        await super()._on_key(event)
