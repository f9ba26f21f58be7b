"""Provides the app's annotation store: opened on first use, in the user data dir."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual.app import App

from index import AnnotationStore, NewsreaderError

from .text import one_line

_STORES: WeakKeyDictionary[App[None], AnnotationStore | None] = WeakKeyDictionary()


def store_for(app: App[None]) -> AnnotationStore | None:
    """The store of ``app`` (``--data-dir`` / ``NEWSREADER_DATA_DIR`` / XDG), None if unusable.

    A failure is shown once as an error notification; the reader keeps working without marks.
    """
    if app in _STORES:
        return _STORES[app]
    store: AnnotationStore | None = None
    try:
        store = AnnotationStore.open()
    except NewsreaderError as error:
        app.notify(
            one_line(str(error)),
            title="Marks unavailable",
            severity="error",
            markup=False,
            timeout=15,
        )
    _STORES[app] = store  # a failure is remembered too: one message, not one per keypress
    return store


def close_store(app: App[None]) -> None:
    """Close the app's store (every write is already committed; this only frees the file)."""
    store = _STORES.pop(app, None)
    if store is not None:
        store.close()
