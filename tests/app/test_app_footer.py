"""Pilot: a screen's footer builds its keys once per set of keys shown, each in its final style."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from tests.helpers import write_corpus
from tests.pilot import open_reader, press_to, settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.app_requests import ScreenRequests
from tui_reader.dialogs.help import HelpDialog
from tui_reader.messages import ComparisonWanted
from tui_reader.screens.compare import CompareScreen
from tui_reader.screens.reader import ReaderScreen
from tui_reader.widgets import KeyFooter

SIZE = (120, 36)


def shown(screen: ReaderScreen | CompareScreen) -> list[tuple[str, str, bool]]:
    """(key, description, compact) of every key in the screen's footer."""
    try:
        footer = screen.query_one(KeyFooter)
    except NoMatches:
        return []
    return [(k.key, k.description, k.compact) for k in footer.query(FooterKey)]


async def test_reader_footer_keys_are_built_once_and_never_restyled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[KeyFooter] = []
    restyled: list[DOMNode] = []
    compose, update_styles = KeyFooter.compose, App.update_styles

    def counting_compose(self: KeyFooter) -> Iterator[Widget]:
        builds.append(self)
        return compose(self)

    def recording_update(self: App[object], node: DOMNode, animate: bool = True) -> None:
        restyled.append(node)
        update_styles(self, node, animate)

    monkeypatch.setattr(KeyFooter, "compose", counting_compose)
    monkeypatch.setattr(App, "update_styles", recording_update)
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.state.articles, "articles")
        screen = await open_reader(app, pilot, app.state.articles[0].id)
        await wait_until(pilot, lambda: shown(screen), "the reader's footer keys")
        keys = shown(screen)
        assert ("m", "Mark", False) in keys  # the mark key first, not compact: as Textual shows it
        # Textual's own footer restyles each key twice as it mounts (compact, then not)
        assert not [n for n in restyled if isinstance(n, FooterKey) and screen in n.ancestors]
        built = len(builds)
        # The help over the reader and back: the reader's keys are the same, nothing is rebuilt.
        await press_to(app, pilot, "question_mark", HelpDialog)
        await press_to(app, pilot, "escape", ReaderScreen)
        await pilot.pause()
        assert len(builds) == built
        assert shown(screen) == keys
        # Search hits make n a key of the reader (check_action): the footer is rebuilt with it.
        screen.matches = [(0, 3)]
        screen.refresh_bindings()
        await wait_until(pilot, lambda: ("n", "Next hit", False) in shown(screen), "Next hit")
        assert len(builds) > built


async def test_compare_footer_comes_after_the_screen_and_is_greyed_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The comparison is held back until the footer is seen greyed, then let through.
    held: list[ComparisonWanted] = []
    compare = ScreenRequests.on_comparison_wanted
    monkeypatch.setattr(ScreenRequests, "on_comparison_wanted", lambda _s, m: held.append(m))
    builds: list[KeyFooter] = []
    compose, on_mount = KeyFooter.compose, CompareScreen.on_mount
    keys_at_mount: list[int] = []

    def counting_compose(self: KeyFooter) -> Iterator[Widget]:
        builds.append(self)
        return compose(self)

    def recording_mount(self: CompareScreen) -> None:
        keys_at_mount.append(len(self.query(FooterKey)))
        on_mount(self)

    monkeypatch.setattr(KeyFooter, "compose", counting_compose)
    monkeypatch.setattr(CompareScreen, "on_mount", recording_mount)
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.state.comparisons.clear()  # a prefetched one would be shown at once
        await pilot.press("enter")
        await wait_until(pilot, lambda: held, "the comparison asked for")
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.model is None
        # Not in the screen's mount, which a key pressed as the screen opens waits for.
        assert keys_at_mount == [0]
        await wait_until(pilot, lambda: shown(screen), "the compare screen's footer keys")
        keys = {k.description: k for k in screen.query_one(KeyFooter).query(FooterKey)}
        assert keys["Mark"].has_class("-disabled") and keys["Mark"]._disabled
        assert not keys["Back"].has_class("-disabled") and not keys["Back"]._disabled
        built = len(builds)
        compare(app, held[0])
        await wait_until(pilot, lambda: screen.model is not None, "the comparison")
        await wait_until(pilot, lambda: not keys["Mark"].has_class("-disabled"), "Mark enabled")
        await settle(app, pilot)
        assert not keys["Mark"]._disabled  # a click on it presses m again
        # Textual's Footer builds them twice (the keys enabled, then the pane focused)
        assert len(builds) == built  # the same keys, enabled in place
        after = {k.description: k for k in screen.query_one(KeyFooter).query(FooterKey)}
        assert after == keys
