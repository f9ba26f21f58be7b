"""Pilot: at 80x24 one pane shows at a time (Tab flips), and resizing keeps the reader's place."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer

from tests.helpers import write_corpus
from tests.pilot import open_first_event
from tui_reader.app import NewsReaderApp
from tui_reader.compare.detail_panel import DetailPanel


def visible(widget: object) -> bool:
    return bool(widget.display) and widget.region.area > 0  # type: ignore[attr-defined]


async def test_narrow_layout_flips_panes(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first_event(app, pilot)
        shown = [p for p in screen.panes if visible(p)]
        assert len(shown) == 1 and shown[0] is screen.panes[0]
        pane = shown[0]
        assert pane.region.width >= 70  # the one pane gets the width, text is not cut
        assert visible(screen.query_one(DetailPanel)) and visible(screen.query_one(Footer))
        assert pane.region.bottom <= screen.query_one(DetailPanel).region.y
        await pilot.press("tab")
        await pilot.pause()
        shown = [p for p in screen.panes if visible(p)]
        assert shown == [screen.panes[1]]


async def test_resize_keeps_position(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("c")
        pane = screen.panes[screen.row.active]
        key = pane.blocks[pane.current].key
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert screen.row.has_class("-narrow")
        pane = screen.panes[screen.row.active]
        block = pane.blocks[pane.current]
        assert block.key == key
        assert visible(pane)
        # The current passage is inside the pane's viewport after the re-layout.
        assert pane.in_view(block.index)
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert not screen.row.has_class("-narrow")
        assert sum(1 for p in screen.panes if visible(p)) == 2


async def test_next_continues_from_the_screen_after_scrolling(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 14)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("n")
        pane = screen.panes[screen.row.active]
        assert pane.current == 0
        pane.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert not pane.in_view(0)
        await pilot.press("N")  # backwards from the bottom of the screen, not from block 0
        assert pane.current > 0 and pane.in_view(pane.current)
