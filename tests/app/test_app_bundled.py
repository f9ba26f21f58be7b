"""Pilot on the bundled corpus: every multi-report event opens, and each conflict is explained."""

from __future__ import annotations

from pathlib import Path

from tests.pilot import settle
from tui_reader.app import NewsReaderApp
from tui_reader.compare.detail_panel import DetailPanel
from tui_reader.screens.compare import CompareScreen


async def test_bundled_events_open_and_conflicts_explain(corpus_dir: Path, tmp_path: Path) -> None:
    app = NewsReaderApp(corpus_dir, index_dir=tmp_path / "ix")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        assert app.state.events
        explained = 0
        for event in [e for e in app.state.events if len(e.article_ids) > 1]:
            app.open_event(event)
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, CompareScreen) and screen.model is not None
            assert len(screen.panes) == min(3, len(event.article_ids))
            for pane in screen.panes:  # every passage of the report is on screen, in order
                assert [b.key for b in pane.blocks] == [
                    v.passage.id for v in screen.model.views[pane.article.id]
                ]
            await pilot.press("c")
            view = screen.current_view()
            if view is not None and view.kind == "conflict":
                detail = str(screen.query_one(DetailPanel).content)
                _link, conflict, _mine = view.conflicts()[0]
                assert f"{conflict.type} vs " in detail
                explained += 1
            await pilot.press("escape")
            await pilot.pause()
        assert explained >= 1
