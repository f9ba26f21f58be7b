"""The Figures screen: # on the events and compare screens, disputed slots first with 'n of m
sources' and outlets, Enter opens the compare panes on the value's passage with its words marked."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from tests.helpers import write_corpus
from tests.pilot import open_first_event, run_palette_command, settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.compare.fact_focus import FACT_CLASS
from tui_reader.screens.compare import CompareScreen
from tui_reader.screens.figures import FiguresScreen


async def _figures(app: NewsReaderApp, pilot: object) -> FiguresScreen:
    screen = app.screen
    assert isinstance(screen, FiguresScreen)
    table = screen.query_one("#figures", DataTable)
    await wait_until(pilot, lambda: table.row_count > 0, "the figures")  # type: ignore[arg-type]
    return screen


def _row(table: DataTable[object], n: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(n)]


def _marked(screen: CompareScreen) -> list[tuple[str, str]]:
    """(article id, marked words) of every block with the figure's words marked."""
    out = []
    for pane in screen.panes:
        for block in pane.blocks:
            for start, end, name in block.spans:
                if name == FACT_CLASS:
                    out.append((pane.article.id, block.text[start:end]))
    return out


async def test_f_on_events_lists_disputed_slot_first_and_enter_shows_the_passage(
    tmp_path: Path,
) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("number_sign")
        screen = await _figures(app, pilot)
        table = screen.query_one("#figures", DataTable)
        # the disputed slot first, marked, each value with its sources and outlets
        assert _row(table, 0) == ["!", "worker", "240", "1 of 3", "[Reuters]"]
        assert _row(table, 1) == ["", "", "410", "1 of 3", "Coast Herald"]
        assert _row(table, 2)[1:4] == ["date", "Tuesday morni…", "3 of 3"]
        title = str(screen.query_one("#figures-title", Static).content)
        assert "1 disputed" in title and "3 sources" in title
        detail = str(screen.query_one("#figures-detail", Static).content)
        assert "[Reuters]: “240 workers”" in detail
        assert "“240 workers” ([Reuters]) vs “410 workers” (Coast Herald)" in detail
        await pilot.press("down")
        await wait_until(pilot, lambda: "410" in str(screen.query_one("#figures-detail").content))
        await pilot.press("enter")
        await settle(app, pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await wait_until(pilot, lambda: bool(_marked(compare)), "the figure's words marked")
        assert _marked(compare) == [("harbour/coast-herald.md", "410 workers")]
        view = compare.current_view()
        assert view is not None and view.passage.article_id == "harbour/coast-herald.md"
        assert "410 workers" in view.passage.text
        # back to the figures, the cursor where it was
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen and table.cursor_row == 1


async def test_f_on_compare_and_enter_comes_back_to_the_same_panes(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(140, 40)) as pilot:
        compare = await open_first_event(app, pilot)
        depth = len(app.screen_stack)
        await pilot.press("number_sign")
        screen = await _figures(app, pilot)
        assert len(app.screen_stack) == depth + 1
        await pilot.press("enter")  # 240 workers, [Reuters]
        await settle(app, pilot)
        assert app.screen is compare and len(app.screen_stack) == depth
        await wait_until(pilot, lambda: bool(_marked(compare)), "the figure's words marked")
        assert _marked(compare) == [("harbour/bay-gazette.md", "240 workers")]
        # a headline figure: the pane goes to the top and says where the words are
        await pilot.press("number_sign")
        screen = await _figures(app, pilot)
        table = screen.query_one("#figures", DataTable)
        row = next(i for i in range(table.row_count) if _row(table, i)[1] == "duration")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is compare
        messages = [n.message for n in app._notifications]
        assert any("In the headline: “two days”" in m for m in messages)
        # the words of the figure before are no longer marked: one figure at a time
        assert ("harbour/bay-gazette.md", "240 workers") not in _marked(compare)
        assert len(_marked(compare)) <= 1


async def test_palette_and_help_list_figures(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Events: Figures")
        await _figures(app, pilot)
        await pilot.press("escape", "question_mark")
        await settle(app, pilot)
        text = str(app.screen.query_one("#help-text", Static).content)
        assert "Figures\n  Esc" in text and "Show in the reports" in text
        assert text.count(f"  {'#':<22}Figures") == 2  # events, compare
