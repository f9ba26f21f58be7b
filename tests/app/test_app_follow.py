"""Pilot: o opens the report's URL in the browser, y copies a citation, Y a conflict's two sides."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest

from index import Article
from tests.helpers import GAZETTE, write_corpus
from tests.pilot import open_first_event, open_reader, wait_until
from tui_reader.app import NewsReaderApp
from tui_reader.follow import citation, web_url

URL = "https://example.org/news/harbour-strike"


class FakeBrowser(webbrowser.BaseBrowser):
    """Records what it was asked to open instead of starting a browser."""

    def __init__(self) -> None:
        super().__init__("fake")
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


def _corpus(tmp_path: Path) -> Path:
    corpus = write_corpus(tmp_path)
    gazette = corpus / GAZETTE
    text = gazette.read_text(encoding="utf-8")
    # The gazette has a web URL; the herald's "URL" is a script, never opened.
    gazette.write_text(text.replace("---\n\n", f'url: "{URL}"\n---\n\n', 1), encoding="utf-8")
    herald = corpus / "harbour/coast-herald.md"
    text = herald.read_text(encoding="utf-8")
    herald.write_text(text.replace("---\n\n", 'url: "javascript:alert(1)"\n---\n\n', 1))
    return corpus


def _told(app: NewsReaderApp, words: str) -> bool:
    return any(words in n.message for n in app._notifications)


def test_citation_strips_controls_and_names_the_source() -> None:
    article = Article(
        "a", "a.md", "T", "body", source="Coast\x1b[31m Herald", published="2025-03-04T11:30Z"
    )
    text = citation("The union\x07 said\n 410 \x1b]0;pwned\x07workers.", article)
    assert text == "\u201cThe union said 410 workers.\u201d \u2014 Coast Herald, 2025-03-04"
    with_url = Article("b", "b.txt", "T", "body", url=URL)
    assert citation("x", with_url) == f"\u201cx\u201d \u2014 (no outlet) b.txt, {URL}"
    assert web_url(Article("c", "c", "T", "b", url="javascript:alert(1)")) is None
    assert web_url(Article("c", "c", "T", "b", url="-e http://x")) is None


async def test_copy_citation_and_conflict(tmp_path: Path) -> None:
    app = NewsReaderApp(_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        await pilot.press("y")  # no passage yet
        assert _told(app, "Go to a passage first") and app.clipboard == ""
        await pilot.press("c")
        view = screen.current_view()
        assert view is not None and view.kind == "conflict"
        await pilot.press("y")
        assert app.clipboard.startswith("\u201c" + view.passage.text)
        article = screen.model.articles[view.passage.article_id] if screen.model else None
        assert article is not None and (article.source or "") in app.clipboard
        assert "2025-03-0" in app.clipboard
        await pilot.press("Y")
        both = app.clipboard
        assert both.startswith("Conflict (number):")
        assert "240" in both and "410" in both
        assert "[Reuters]" in both and "Coast Herald" in both and URL in both
        assert "javascript" not in both  # not a web address: left out of the citation
        await pilot.press("n")  # a linked passage without a conflict
        while (v := screen.current_view()) is not None and v.kind == "conflict":
            await pilot.press("n")
        await pilot.press("Y")
        assert app.clipboard == both and _told(app, "No conflict on this passage")


async def test_open_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    app = NewsReaderApp(_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_event(app, pilot)
        shown = screen.panes[screen.row.active].article.path
        await pilot.press("o")
        if shown == GAZETTE:
            await wait_until(pilot, lambda: browser.opened == [URL], "the browser")
        else:
            await wait_until(pilot, lambda: _told(app, "no "), "a refusal")
            assert browser.opened == []


async def test_open_url_in_reader_without_url_or_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_browser(using: str | None = None) -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    app = NewsReaderApp(_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_reader(app, pilot, "harbour/island-post.md")
        await pilot.press("o")
        assert _told(app, "This report has no URL")
        await pilot.press("escape")
        await open_reader(app, pilot, "harbour/coast-herald.md")
        await pilot.press("o")
        assert _told(app, "no web address")
        await pilot.press("escape")
        await open_reader(app, pilot, GAZETTE)
        await pilot.press("o")
        await wait_until(pilot, lambda: _told(app, "No web browser found"), "no browser")
        await pilot.press("right_parenthesis", "y")
        assert app.clipboard.startswith("\u201cDock workers") and URL in app.clipboard
