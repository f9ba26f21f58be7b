"""Pilot: conflict spans are painted in the theme's translucent tint, not the full colour."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color

from tests.pilot import settle
from tui_reader.app import NewsReaderApp
from tui_reader.screens.compare import CompareScreen
from tui_reader.widgets.passage_block import PassageText


async def test_conflict_spans_blend_their_background(corpus_dir: Path, tmp_path: Path) -> None:
    app = NewsReaderApp(corpus_dir, index_dir=tmp_path / "ix")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        app.open_event(max(app.state.events, key=lambda e: len(e.article_ids)))
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        texts = [
            t
            for t in app.screen.query(PassageText)
            if any(name == "pane--conflict" for _, _, name in t.spans)
        ]
        assert texts, "the largest bundled event has conflicts"
        text = texts[0]
        start, end, _ = next(s for s in text.spans if s[2] == "pane--conflict")
        painted = [
            span
            for span in text.render().spans
            if span.start <= start < span.end or start <= span.start < end
        ]
        backgrounds = {
            str(span.style.background)
            for span in painted
            if getattr(span.style, "background", None) is not None
        }
        full = text.get_component_styles("pane--conflict").background  # "$error 35%"
        assert full.a < 1  # the stylesheet asks for a tint
        opaque = Color(full.r, full.g, full.b)
        assert backgrounds and str(opaque) not in backgrounds
