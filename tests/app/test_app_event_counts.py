"""Pilot: the events list's counts come without building a compare model on the UI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.helpers import write_corpus
from tests.pilot import settle
from tui_reader.app import NewsReaderApp
from tui_reader.compare.model import CompareModel, comparison_counts


async def test_event_counts_build_no_compare_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[CompareModel] = []
    init = CompareModel.__init__

    def counting_init(self: CompareModel, comparison: object) -> None:
        built.append(self)
        init(self, comparison)  # type: ignore[arg-type]

    monkeypatch.setattr(CompareModel, "__init__", counting_init)
    app = NewsReaderApp(write_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)  # the events grouped, their comparisons prefetched
        table = app.screen.query_one("#events", DataTable)
        event = next(e for e in app.state.events or [] if len(e.article_ids) > 1)
        comparison = app.state.comparisons[event.id]
        sources, shared, conflicts = comparison_counts(comparison)
        row = [str(table.get_cell(event.id, k)) for k in ("sources", "shared", "conflicts")]
        assert row == [str(sources), str(shared), str(conflicts)]
        assert conflicts > 0  # the harbour strike's figures disagree
        assert not built  # a model of every passage is made only when an event is opened
        model = CompareModel(comparison)
        assert (model.total_sources, *model.counts()) == (sources, shared, conflicts)
