"""Provides NewsCommands: command palette actions (events, compare, toggles, theme, search)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from .text import one_line

if TYPE_CHECKING:
    from .app import NewsReaderApp

Command = tuple[str, Callable[[], object], str]  # (title, callback, help: never article text)


class NewsCommands(Provider):
    """Every action of the app, plus one 'Open event' command per event."""

    @property
    def news(self) -> NewsReaderApp:
        return self.app  # type: ignore[return-value]

    def commands(self) -> list[Command]:
        """(title, callback, help); help strings are parsed as markup, so they stay ours only."""
        app = self.news
        items: list[Command] = [
            ("Search articles", app.action_search, "Full-text search (/)"),
            ("All articles", app.action_articles, "Flat list of every article (a)"),
            ("Compare two chosen articles", app.action_pick_compare, "Pick reports to compare"),
            (
                "Toggle: dim unique passages",
                partial(self._on_compare, "toggle_dim"),
                "On the compare screen (d)",
            ),
            (
                "Toggle: synchronised scrolling",
                partial(self._on_compare, "toggle_sync"),
                "On the compare screen (s)",
            ),
            ("Switch theme", app.action_change_theme, "Choose a colour theme"),
            ("Keys", app.action_help, "Every key (?)"),
            ("Quit", app.exit, "Leave newsreader (q)"),
        ]
        items.extend(self._screen_actions())
        for event in app.events or []:
            title = f"Open event: {one_line(event.title, 80)}"
            items.append(
                (
                    title,
                    partial(app.open_event, event),
                    f"Compare its {len(event.article_ids)} reports",
                )
            )
        return items

    def _screen_actions(self) -> list[Command]:
        # The keys of the screen under the palette, as commands (so every action is reachable),
        # inherited ones included (the mark keys come from MarkActions).
        from .screens.help import key_label, screen_bindings

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

    def _on_compare(self, action: str) -> None:
        from .screens.compare import CompareScreen

        screen = self.news.screen
        if isinstance(screen, CompareScreen):
            getattr(screen, f"action_{action}")()
        else:
            self.news.notify("Open an event first: this toggle acts on the compare screen")

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
