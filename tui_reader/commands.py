"""Provides NewsCommands: command palette actions (events, compare, toggles, theme, search)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from index import Event

from .keymap import key_label, screen_bindings
from .messages import OpenEvent
from .state import HasState
from .text import counted, one_line

if TYPE_CHECKING:
    from .screens.compare import CompareScreen

Command = tuple[str, Callable[[], object], str]  # (title, callback, help: never article text)


class NewsCommands(Provider):
    """Every action of the app, plus one 'Open event' command per event."""

    def _app_action(self, action: str) -> Callable[[], object]:
        return partial(self.app.run_action, action)

    def _show_config(self) -> None:
        from .config import config_path

        config = getattr(self.app, "config", None)
        path = config.path if config is not None else config_path()
        text = f"{path} (newsreader config --edit opens it; restart to apply a change)"
        self.app.notify(text, title="Config file", timeout=10, markup=False)

    def _open_event(self, event: Event) -> None:
        self.app.post_message(OpenEvent(event))

    def commands(self) -> list[Command]:
        """(title, callback, help); help strings are parsed as markup, so they stay ours only."""
        app = self.app
        events = app.state.events if isinstance(app, HasState) else None
        items: list[Command] = [
            ("Search articles", self._app_action("search"), "Full-text search (/)"),
            (
                "Search passages in a conflict",
                self._app_action("search('conflict:any ')"),
                "conflict:TYPE (number, date, role, actor, certainty, negation, quote, manner)",
            ),
            (
                "Search what only one outlet reports",
                self._app_action("search('only:')"),
                "only:OUTLET, then the outlet's name",
            ),
            (
                "Search claims shared by several sources",
                self._app_action("search('shared:>=3 ')"),
                "shared:>=N independent sources",
            ),
            ("All articles", self._app_action("articles"), "Flat list of every article (A)"),
            (
                "Compare two chosen articles",
                self._app_action("pick_compare"),
                "Pick reports to compare",
            ),
            (
                "Toggle: dim unique passages",
                partial(self._on_compare, "dim"),
                "On the compare screen (d)",
            ),
            (
                "Toggle: synchronised scrolling",
                partial(self._on_compare, "sync"),
                "On the compare screen (s)",
            ),
            (
                "Reload the corpus",
                self._app_action("reload"),
                "Re-scan the corpus folder: new, changed, deleted files (R)",
            ),
            (
                "Refresh feeds",
                self._app_action("refresh_feeds"),
                "Fetch the corpus's feeds again, then reload (F)",
            ),
            (
                "Switch theme",
                app.action_change_theme,
                "Choose a colour theme (saved in the config file)",
            ),
            (
                "Config file",
                self._show_config,
                "Where theme, keys, corpus and export settings are kept",
            ),
            ("Keys", self._app_action("help"), "Every key (?)"),
            ("Quit", app.exit, "Leave newsreader (q)"),
        ]
        items.extend(self._screen_actions())
        shown = getattr(self.screen, "event", None)
        if isinstance(shown, Event):  # the compare screen's event: event:ID (ids are ev-<hex>)
            search = self._app_action(f"search('event:{shown.id} ')")
            items.append(("Search this event's reports", search, f"event:{shown.id} and words"))
        for event in events or []:
            title = f"Open event: {one_line(event.title, 80)}"
            help_text = f"Compare its {counted(len(event.article_ids), 'report')}"
            items.append((title, partial(self._open_event, event), help_text))
        return items

    def _screen_actions(self) -> list[Command]:
        # The keys of the screen under the palette, as commands (so every action is reachable),
        # the mark keys included.
        screen = self.screen
        name = type(screen).__name__.removesuffix("Screen")
        items: list[Command] = []
        for binding in screen_bindings(type(screen)):
            if binding.description:
                keys = key_label(binding.key)
                # Help text is parsed as markup: keys with brackets are left out of it.
                help_text = f"key {keys}" if "[" not in keys and "]" not in keys else ""
                items.append(
                    (
                        f"{name}: {binding.description}",
                        partial(screen.run_action, binding.action),
                        help_text,
                    )
                )
        return items

    def _on_compare(self, toggle: str) -> None:
        from .screens.compare import CompareScreen  # loaded with the first comparison

        screen = self.app.screen
        if isinstance(screen, CompareScreen):
            toggles: dict[str, Callable[[CompareScreen], None]] = {
                "dim": CompareScreen.action_toggle_dim,
                "sync": CompareScreen.action_toggle_sync,
            }
            toggles[toggle](screen)
        else:
            self.app.notify("Open an event first: this toggle acts on the compare screen")

    async def discover(self) -> Hits:
        for title, callback, help_text in self.commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for title, callback, help_text in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, self._highlight(matcher, title), callback, text=title, help=help_text
                )

    @staticmethod
    def _highlight(matcher: object, title: str) -> Content:
        # Matcher.highlight() parses the candidate as markup; event titles are untrusted.
        content = Content(title)
        _score, offsets = matcher.fuzzy_search.match(matcher.query, title)  # type: ignore[attr-defined]
        for offset in offsets:
            content = content.stylize("reverse", offset, offset + 1)
        return content
