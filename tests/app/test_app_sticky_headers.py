"""Pilot: issue 17 item 7: a pane's outlet and date stay on its top row while its text scrolls,
and switching the report a pane shows (] or Enter) names the report it now shows."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import write_corpus
from tests.pilot import open_first_event, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.widgets.pane_header import header_parts


async def test_the_header_stays_while_the_text_scrolls(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(80, 14)) as pilot:  # short: every report scrolls
        screen = await open_first_event(app, pilot)
        pane = screen.panes[screen.row.active]
        meta, _title = header_parts(pane.article, pane.note)
        assert meta in pane.render_line(0).text
        assert pane.max_scroll_y > 0, "the report must be longer than the pane"
        pane.scroll_end(animate=False, immediate=True)
        await wait_until(pilot, lambda: pane.scroll_offset.y > 0, "the pane scrolled")
        await pilot.pause()
        assert meta in pane.render_line(0).text  # still there, the text under it moved on
        # the rows under the header show the text, and a click there finds its passage
        assert pane.block_at(0) == -1
        last = pane.scrollable_content_region.height - 1
        assert pane.block_at(last) == len(pane.blocks) - 1
        # a block brought to the top lands under the header, not behind it
        pane.bring_into_view(len(pane.blocks) // 2, top=True)
        await pilot.pause()
        assert pane.first_visible() == len(pane.blocks) // 2 or pane.scroll_offset.y == (
            pane.max_scroll_y
        )


async def test_switching_a_panes_report_names_it(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        before = list(screen.row.shown)
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: screen.row.shown != before, "another report")
        active = screen.row.active
        article = app.state.by_id[screen.row.shown[active]]
        meta, _title = header_parts(article)
        said = [n.message for n in app._notifications]
        assert f"Pane {active + 1} now shows {meta}" in " ".join(said), said
