"""Provides follow and copy: open a report's URL in the browser, copy passages as citations.

The citation text is built here without Textual (plain functions, tested alone); the two
``follow_*``/``copy_*`` helpers are what the compare and reader screens' keys call.
"""

from __future__ import annotations

import webbrowser
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from index import Article, Passage

from .text import date_only, one_line, outlet

if TYPE_CHECKING:
    from textual.screen import Screen

    from .compare.model import CompareModel, PassageView

WEB_SCHEMES = ("http", "https")  # article URLs are untrusted: no file:, javascript:, "-e"...


def source_line(article: Article) -> str:
    """'Outlet, date, URL' of an article, the parts it lacks left out; control-free."""
    parts = [outlet(article.source, article.path), date_only(article.published)]
    parts.append(one_line(article.url) if web_url(article) else "")
    return ", ".join(p for p in parts if p)


def citation(text: str, article: Article) -> str:
    """'"text" — Outlet, date, URL': one line, every control character and escape removed."""
    return f"\u201c{one_line(text)}\u201d \u2014 {source_line(article)}"


def conflict_citation(model: CompareModel, view: PassageView) -> str | None:
    """Every conflict of ``view``'s passage with both sides cited, one block per conflict; None
    when the passage has no conflict."""
    own = model.articles[view.passage.article_id]
    blocks: list[str] = []
    for link, conflict, mine_is_a in view.conflicts():
        other = model.passages.get(view.other(link))
        if other is None:
            continue
        theirs = model.articles[other.article_id]
        mine_span, their_span = (conflict.a, conflict.b) if mine_is_a else (conflict.b, conflict.a)
        blocks.append(
            "\n".join(
                [
                    f"Conflict ({one_line(conflict.type)}): {one_line(mine_span.text)} "
                    f"\u2260 {one_line(their_span.text)}",
                    citation(view.passage.text, own),
                    citation(other.text, theirs),
                    one_line(conflict.explanation),
                ]
            )
        )
    return "\n\n".join(blocks) if blocks else None


def web_url(article: Article) -> str | None:
    """The article's URL when it is a web address (http or https), else None."""
    url = one_line(article.url)
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None


def open_in_browser(screen: Screen[Any], article: Article | None) -> None:
    """Open the article's URL in the browser (Python's webbrowser), in a thread worker; says so
    when there is no article, no web URL or no browser."""
    if article is None:
        screen.notify("Go to a report first", timeout=2)
        return
    url = web_url(article)
    if url is None:
        what = "no URL" if not one_line(article.url) else "no web address (http or https)"
        screen.notify(f"This report has {what}", title="Not opened", timeout=3)
        return
    app = screen.app

    def work() -> None:
        try:
            browser = webbrowser.get()
        except webbrowser.Error:
            app.call_from_thread(
                app.notify,
                "No web browser found (set BROWSER to choose one)",
                title="Not opened",
                severity="warning",
            )
            return
        # A text browser (lynx, w3m) runs in this terminal: give it the screen while it runs.
        console = isinstance(browser, webbrowser.GenericBrowser) and not isinstance(
            browser, webbrowser.BackgroundBrowser
        )
        if console:
            app.call_from_thread(_open_suspended, app, browser, url)
            return
        opened = browser.open(url)
        app.call_from_thread(
            app.notify,
            f"Opened {url}" if opened else f"The browser did not open {url}",
            markup=False,
            timeout=3,
        )

    app.run_worker(work, name="browser", group="browser", thread=True, exit_on_error=False)


def _open_suspended(app: Any, browser: webbrowser.BaseBrowser, url: str) -> None:
    from textual.app import SuspendNotSupported

    try:
        with app.suspend():
            browser.open(url)
    except SuspendNotSupported:
        app.notify("This terminal cannot run a text browser from here", title="Not opened")


def copy_citation(screen: Screen[Any], passage: Passage | None, article: Article | None) -> None:
    """Copy ``passage`` of ``article`` as a citation (says so when there is no passage)."""
    text = None if passage is None or article is None else citation(passage.text, article)
    copy_text(screen, text, "the passage as a citation")


def copy_conflict(
    screen: Screen[Any], model: CompareModel | None, view: PassageView | None
) -> None:
    """Copy the conflicts of ``view``'s passage, both sides cited."""
    if model is None or view is None:
        copy_text(screen, None, "")
        return
    text = conflict_citation(model, view)
    if text is None:
        screen.notify("No conflict on this passage (c goes to the next)", timeout=2)
        return
    copy_text(screen, text, "the conflict, both sides")


def copy_text(screen: Screen[Any], text: str | None, what: str) -> None:
    """Copy ``text`` to the clipboard (OSC 52: works over ssh) and say what was copied."""
    if not text:
        screen.notify("Go to a passage first", timeout=2)
        return
    screen.app.copy_to_clipboard(text)
    screen.notify(f"Copied {what} ({len(text)} characters)", timeout=2)
