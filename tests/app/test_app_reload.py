"""Pilot: R re-scans the corpus (new, changed, deleted files); the watcher offers a reload."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.helpers import GAZETTE, write_corpus
from tests.pilot import run_palette_command, settle, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.screens.events import EventsScreen
from tui_reader.watch import changed_since

NEW = """---
title: Lighthouse keeper retires after forty years
source: Valley Times
---

The last keeper of the Lindqvist lighthouse handed over the keys on Friday.
"""


def test_changed_since_counts_what_the_index_has_not_seen(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    since = time.time()
    old, new = corpus / GAZETTE, corpus / "new.md"
    os.utime(old, (since - 10, since - 10))  # written before the index looked: seen
    new.write_text(NEW, encoding="utf-8")
    os.utime(new, (since + 5, since + 5))
    gone = corpus / "harbour/island-post.md"
    gone.unlink()
    never = corpus / "never-indexed.md"  # deleted before any index saw it
    index = corpus / ".ix" / "seg.bin"
    index.parent.mkdir()
    index.write_bytes(b"x")
    os.utime(index, (since + 5, since + 5))
    paths = [str(p) for p in (old, new, gone, never, index, tmp_path / "outside.md")]
    indexed = {GAZETTE, "harbour/island-post.md"}
    found = changed_since(corpus, paths, since, indexed, skip=corpus / ".ix")
    assert found == ["harbour/island-post.md", "new.md"]


async def test_r_reloads_new_changed_and_deleted_files(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    app = NewsReaderApp(corpus, index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert len(app.state.by_id) == 4
        (corpus / "lighthouse.md").write_text(NEW, encoding="utf-8")
        (corpus / "harbour/island-post.md").unlink()
        gazette = corpus / GAZETTE
        gazette.write_text(gazette.read_text().replace("240", "250"), encoding="utf-8")

        # The watcher notices and offers a reload, once.
        def told() -> list[str]:
            return [n.message for n in app._notifications if n.title == "Corpus changed"]

        await wait_until(pilot, told, "the corpus-changed notification")
        assert "press R to reload" in told()[0]
        assert len(app.state.by_id) == 4  # nothing reloaded before the user asks
        await pilot.press("R")
        await wait_until(pilot, lambda: "lighthouse.md" in app.state.by_id, "the new file")
        await settle(app, pilot)
        report = app.state.report
        assert report is not None
        assert (report.added, report.updated, report.removed) == (1, 1, 1)
        assert "harbour/island-post.md" not in app.state.by_id
        assert "250" in app.state.by_id[GAZETTE].body
        assert isinstance(app.screen, EventsScreen)
        # Nothing changed since: the palette's Reload finds nothing to do.
        await run_palette_command(app, pilot, "Reload the corpus")
        await settle(app, pilot)
        report = app.state.report
        assert report is not None and (report.added, report.updated, report.removed) == (0, 0, 0)
        assert len(told()) == 1
