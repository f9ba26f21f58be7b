"""Pilot: a name the reports spell differently is shown in the detail panel (not a conflict)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import write_corpus
from tests.pilot import open_first_event, open_search, settle
from tui_reader.app import NewsReaderApp


def corpus_with_a_variant(root: Path) -> Path:
    """The shared corpus, the Coast Herald spelling the harbour master "Elin Satto"."""
    corpus = write_corpus(root)
    herald = corpus / "harbour" / "coast-herald.md"
    herald.write_text(herald.read_text().replace("Elin Sato", "Elin Satto"), encoding="utf-8")
    return corpus


async def test_detail_panel_names_the_other_spellings(tmp_path: Path) -> None:
    app = NewsReaderApp(corpus_with_a_variant(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_first_event(app, pilot)
        assert screen.model is not None and screen.model.comparison.variants
        detail = screen.query_one("#detail")
        seen = []
        for _ in range(8):  # n walks the linked passages of every report
            await pilot.press("n")
            await settle(app, pilot)
            text = str(detail.render())
            seen.append(text)
            if "also spelled" in text:
                break
        shown = seen[-1]
        assert "~ name also spelled (not a conflict): " in shown, seen
        assert "Elin Satto (Coast Herald)" in shown or "Elin Sato (" in shown


async def test_search_for_one_spelling_finds_the_other(tmp_path: Path) -> None:
    from tests.pilot import type_query

    app = NewsReaderApp(corpus_with_a_variant(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = await open_search(app, pilot)
        await type_query(app, pilot, "Sato")
        ids = {hit.id for hit in screen.hits}
        assert ids == {
            "harbour/bay-gazette.md",
            "harbour/coast-herald.md",
            "harbour/island-post.md",
        }
        herald = next(hit for hit in screen.hits if hit.id == "harbour/coast-herald.md")
        start, end = herald.snippet_matches[0]
        assert herald.snippet[start:end] == "Satto"


def corpus_with_an_exonym(root: Path) -> Path:
    """The shared corpus, two harbour reports naming the ferry owners' city each its own way."""
    corpus = write_corpus(root)
    for name, city in (("bay-gazette.md", "Peking"), ("coast-herald.md", "Beijing")):
        path = corpus / "harbour" / name
        line = f"\nThe ferry company's owners flew in from {city} on Tuesday night.\n"
        path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
    return corpus


async def test_a_variant_compare_shows_is_found_by_search(tmp_path: Path) -> None:
    from tests.pilot import type_query, wait_until

    app = NewsReaderApp(corpus_with_an_exonym(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        assert screen.model is not None
        forms = {f for v in screen.model.comparison.variants for f in v.forms}
        assert {"Peking", "Beijing"} <= forms  # compare lists them as one name
        await pilot.press("escape")
        search = await open_search(app, pilot)
        for spelling in ("Peking", "Beijing"):
            await pilot.press("ctrl+u")  # an empty box: the query is this spelling alone
            await type_query(app, pilot, spelling)
            await wait_until(pilot, lambda: len(search.hits) == 2, f"both reports for {spelling}")
            assert {hit.id for hit in search.hits} == {
                "harbour/bay-gazette.md",
                "harbour/coast-herald.md",
            }
