"""Pilot: c/C and n/N go through every report of the event; L lists all conflicts to jump to."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from index import Article, Comparison, Conflict, Link, Passage, Span
from tests.helpers import write_corpus
from tests.pilot import open_first_event, settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.compare.model import CompareModel
from tui_reader.compare.navigation import WANT, next_anywhere
from tui_reader.dialogs.conflicts import ConflictsDialog, conflict_rows

HERALD = "harbour/coast-herald.md"


def _model() -> CompareModel:
    """Three reports: a conflict between the 2nd and 3rd; the 1st has only a unique passage."""
    arts = [Article(f"r{i}", f"r{i}.txt", "T", "x" * 40, source=f"Outlet {i}") for i in range(3)]
    ps = [Passage(f"r{i}:0", f"r{i}", 0, 20, "x" * 20) for i in range(3)]
    ps += [Passage(f"r{i}:1", f"r{i}", 20, 40, "x" * 20) for i in range(3)]
    clash = Conflict("number", Span(20, 22, "12"), Span(20, 22, "15"), "12 vs 15")
    links = (Link("r1:1", "r2:1", 0.9, False, (clash,)), Link("r1:0", "r2:0", 0.9, False))
    return CompareModel(Comparison(None, tuple(arts), tuple(ps), links, ()))


def test_next_anywhere_continues_into_other_reports() -> None:
    model = _model()
    conflict = WANT["conflict"]
    assert next_anywhere(model, "r0", -1, 1, conflict) == ("r1", 1)
    assert next_anywhere(model, "r1", 1, 1, conflict) == ("r2", 1)
    assert next_anywhere(model, "r2", 1, 1, conflict) is None
    assert next_anywhere(model, "r2", 1, -1, conflict) == ("r1", 1)
    assert next_anywhere(model, "r1", 1, -1, conflict) is None
    assert next_anywhere(model, "r0", 0, 1, WANT["linked"]) == ("r1", 0)
    rows = conflict_rows(model)
    assert [pid for _label, pid in rows] == ["r1:1"]
    assert "Outlet 1: 12" in str(rows[0][0]) and "Outlet 2: 15" in str(rows[0][0])


async def test_c_visits_every_reports_conflicts(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        model = screen.model
        assert model is not None
        order = [a.id for a in model.comparison.articles]
        expected = [v.passage.id for a in order for v in model.views[a] if v.kind == "conflict"]
        assert len({model.passages[p].article_id for p in expected}) == 2
        visited: list[str] = []
        for _ in range(len(expected) + 1):
            await pilot.press("c")
            await settle(app, pilot)
            view = screen.current_view()
            if view is not None and (not visited or view.passage.id != visited[-1]):
                visited.append(view.passage.id)
        assert visited == expected
        assert any(
            "No further conflict passage in any report" in n.message for n in app._notifications
        )
        # C goes back through them; the report not on screen comes into the active pane.
        await pilot.press("C")
        await settle(app, pilot)
        view = screen.current_view()
        assert view is not None and view.passage.id == expected[-2]


async def test_report_without_conflicts_goes_on_to_the_next(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first_event(app, pilot)
        model = screen.model
        assert model is not None

        # Show the report that has no conflict in the active pane, then ask for a conflict.
        def calm(article_id: str) -> bool:
            return not any(v.kind == "conflict" for v in model.views[article_id])

        if calm(screen.row.shown[1]):
            await pilot.press("tab")
        elif not calm(screen.row.shown[0]):
            await pilot.press("right_square_bracket")
            await settle(app, pilot)
        assert calm(screen.row.shown[screen.row.active])
        await pilot.press("C")  # backwards first: the reports before it, if any
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        view = screen.current_view()
        assert view is not None and view.kind == "conflict"


async def test_conflict_list_jumps(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("L")
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictsDialog), "the list")
        dialog = app.screen
        assert isinstance(dialog, ConflictsDialog)
        listed = dialog.query_one(OptionList)
        assert listed.option_count == len(dialog.rows) >= 1
        assert "240" in str(dialog.rows[0][0]) and "410" in str(dialog.rows[0][0])
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "back")
        assert screen.current_view() is None  # Esc goes back without moving
        await pilot.press("L")
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictsDialog), "the list")
        target = app.screen.rows[0][1]  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is screen, "the jump")
        await settle(app, pilot)
        view = screen.current_view()
        assert view is not None and view.passage.id == target
        assert HERALD in screen.row.shown or view.passage.article_id in screen.row.shown


async def test_n_c_u_say_which_report_a_pane_now_shows(tmp_path: Path) -> None:
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        model = screen.model
        assert model is not None and len(model.comparison.articles) > len(screen.row.shown)
        checked = []
        for key in ("u", "n", "c"):  # each walks into the report no pane shows, then says so
            app._notifications.clear()
            start = list(screen.row.shown)
            for _ in range(40):
                await pilot.press(key)
                await settle(app, pilot)
                if screen.row.shown != start:
                    break
            if screen.row.shown == start:
                continue  # this key's passages are all on screen already
            pane = next(
                i for i, (a, b) in enumerate(zip(start, screen.row.shown, strict=True)) if a != b
            )
            article = model.articles[screen.row.shown[pane]]
            said = [n.message for n in app._notifications]
            assert any(
                m.startswith(f"Pane {pane + 1} now shows") and (article.source or "") in m
                for m in said
            ), (key, said)
            checked.append(key)
        assert checked, "no key brought another report into a pane"
