"""Lets go of closed screens' rendered lines, which a Textual cache would keep alive.

Textual caches ``StylesCache.get_inner_outer``, a method, with ``functools.lru_cache(1024)``:
its keys hold the ``StylesCache`` of every widget that rendered, and with it the widget's
rendered strips, after the widget is gone (Textual issue 6665, open). Each compare screen
closed left ~3,400 objects alive (~2 MB over a 5 MB report), growing until 1,024 entries.
The cached values are two ``Style`` objects made from two colours, so emptying the cache
whenever the screen changes costs nothing a user can see and frees the closed screen whole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen


def _cache_clear() -> Callable[[], None] | None:
    try:  # a private module: if a Textual release moves or fixes it, there is nothing to do
        from textual._styles_cache import StylesCache
    except ImportError:  # pragma: no cover - another Textual
        return None
    clear: Callable[[], None] | None = getattr(StylesCache.get_inner_outer, "cache_clear", None)
    return clear


_CLEAR = _cache_clear()


def forget_closed_renders(screen: Screen[Any]) -> None:
    """On every change of screen (the App's ``screen_change_signal``): the cache emptied, so a
    screen just closed is freed with its widgets."""
    if _CLEAR is not None:
        _CLEAR()
