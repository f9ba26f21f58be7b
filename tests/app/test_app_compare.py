"""Pilot: open an event, step to a conflict, read the detail panel, switch panes and reports."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import write_corpus
from tests.pilot import open_first_event, settle
from tui_reader.app import NewsReaderApp
from tui_reader.compare.detail_panel import DetailPanel


async def test_next_conflict_is_explained(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        assert len(screen.panes) == 2  # two panes below 150 columns
        await pilot.press("c")
        await pilot.pause()
        view = screen.current_view()
        assert view is not None and view.kind == "conflict"
        assert view.conflict_spans  # the differing words are spanned inside the passage
        pane = screen.panes[screen.row.active]
        block = pane.blocks[pane.current]
        assert pane.in_view(block.index)
        assert [n for *_x, n in block.spans] == ["pane--conflict"] * len(view.conflict_spans)
        detail = str(screen.query_one(DetailPanel).content)
        assert "number" in detail and "240" in detail and "410" in detail
        assert "2 of 3 sources" in detail
        # Enter aligns the other pane on the linked passage.
        await pilot.press("enter")
        other = screen.panes[1]
        linked = {view.other(k) for k in view.links}
        assert other.blocks[other.current].key in linked


async def test_panes_reports_and_marks(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        assert len(screen.panes) == 3  # wide enough for three
        await pilot.press("minus")
        await settle(app, pilot)
        assert len(screen.panes) == 2
        await pilot.press("plus")
        await settle(app, pilot)
        assert len(screen.panes) == 3
        await pilot.press("plus")  # no fourth report: stays at three
        await settle(app, pilot)
        assert len(screen.panes) == 3
        await pilot.press("minus")
        await settle(app, pilot)
        await pilot.press("tab")
        assert screen.row.active == 1 and screen.focused is screen.panes[1]
        await pilot.press("h")
        assert screen.row.active == 0
        before = list(screen.row.shown)
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert screen.row.shown[0] not in before  # the one report not yet on screen
        assert screen.panes[0].article.id == screen.row.shown[0]
        await pilot.press("u")
        view = screen.current_view()
        assert view is not None and view.kind == "unique"
        await pilot.press("d")
        assert all(p.has_class("-dim") for p in screen.panes)
        assert "unique dimmed" in str(screen.query_one("#compare-title").content)
        await pilot.press("N")
        view = screen.current_view()
        assert view is not None and view.kind in ("shared", "verbatim", "conflict")


async def test_leaving_while_panes_mount_is_safe(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.screen.action_open_event()  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(app, pilot)
        app.screen.action_open_event()  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.is_running
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_enter_brings_in_a_report_that_states_the_passage(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("tab", "right_square_bracket")  # right pane: the third report
        await settle(app, pilot)
        assert screen.row.shown[1] == "harbour/island-post.md"
        await pilot.press("tab", "c")  # left pane: the strike count, which Island Post lacks
        view = screen.current_view()
        assert view is not None and view.kind == "conflict"
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.row.shown[1] == "harbour/coast-herald.md"
        right = screen.panes[1]
        assert right.current >= 0
        assert right.blocks[right.current].key in {view.other(k) for k in view.links}
