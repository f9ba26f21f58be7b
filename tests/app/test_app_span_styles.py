"""Pilot: conflict spans are painted in the theme's translucent tint, not the full colour."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color

from tests.pilot import settle
from tui_reader.app import NewsReaderApp
from tui_reader.screens.compare import CompareScreen


async def test_conflict_spans_blend_their_background(corpus_dir: Path, tmp_path: Path) -> None:
    app = NewsReaderApp(corpus_dir, index_dir=tmp_path / "ix")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        app.open_event(max(app.state.events, key=lambda e: len(e.article_ids)))
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        found = [
            (pane, block)
            for pane in app.screen.panes
            for block in pane.blocks
            if any(name == "pane--conflict" for _, _, name in block.spans)
        ]
        assert found, "the largest bundled event has conflicts"
        pane, block = found[0]
        start, end, _ = next(s for s in block.spans if s[2] == "pane--conflict")
        words = block.text[start:end]
        painted = [
            segment
            for strip in pane.paint_block(block.index)
            for segment in strip
            if segment.text.strip() and segment.text in words
        ]
        backgrounds = {str(s.style.bgcolor) for s in painted if s.style and s.style.bgcolor}
        full = pane.get_component_styles("pane--conflict").background  # "$error 35%"
        assert full.a < 1  # the stylesheet asks for a tint
        opaque = Color(full.r, full.g, full.b).rich_color
        assert backgrounds and str(opaque) not in backgrounds
