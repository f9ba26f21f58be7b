"""Applies the config file to the running app: its theme and key bindings, and saves the theme
chosen in the palette back to the file."""

from __future__ import annotations

from textual.app import App

from .config import Config, save_theme
from .keymap import ALL_BINDINGS, as_bindings
from .notices import Notice, show


def binding_ids() -> set[str]:
    """Every action id a [keys] line may name (? help and the README list them)."""
    return {b.id for b in as_bindings(ALL_BINDINGS) if b.id}


def apply_config(app: App[None], config: Config) -> None:
    """Theme and keys from ``config``; an unknown theme or action is one notice, not a crash."""
    if config.theme is not None:
        if config.theme in app.available_themes:
            app.theme = config.theme
        else:
            show(app, Notice(f"{config.path}: no theme {config.theme!r}", "Config", "warning", 8))
    unknown = sorted(set(config.keys) - binding_ids())
    if unknown:
        text = f"{config.path}: no action {unknown[0]!r} in [keys] (? help names them)"
        show(app, Notice(text, "Config", "warning", 8))
    app.set_keymap({k: v for k, v in config.keys.items() if k not in unknown})

    def saved(theme: str) -> None:
        # The palette's choice persists: written to the config file, other lines kept.
        try:
            save_theme(config.path, theme)
        except (OSError, ValueError) as error:
            show(app, Notice(f"{config.path}: theme not saved ({error})", "Config", "error", 8))

    app.watch(app, "theme", saved, init=False)
