"""Saved web pages become articles: the report's text and metadata, not the page around it."""

from __future__ import annotations

import gzip
import shutil
import socket
from pathlib import Path

import pytest

from index import load_corpus, load_file
from tests.helpers import WEB_FIXTURES, web_pages

PAGES = web_pages()
# Text from every kind of furniture the page styles carry: none may reach an article body.
FURNITURE = (
    "cookies",  # cookie banner
    "Accept all",
    "Related stories",
    "Regional budget talks",  # related link
    "Nobody seems to ask",  # a reader's comment
    "Leave a Reply",
    "Glad to see this covered",  # a WordPress comment
    "Most read",
    "Dog rescues owner",  # sidebar
    "Sign up to our daily newsletter",
    "READ MORE",
    "Recommended for you",
    "Top stories",
    "All rights reserved",
    "Share on Facebook",
    "Previous post",
    "free articles left",  # paywall note
    "Front page",  # a table-layout menu
    "dataLayer",  # script
    "You need to enable JavaScript",
)


def test_fixture_pages_cover_nine_site_styles() -> None:
    assert len({p["style"] for p in PAGES}) >= 8
    assert all((WEB_FIXTURES / str(p["file"])).is_file() for p in PAGES)


@pytest.mark.parametrize("gold", PAGES, ids=[str(p["file"]) for p in PAGES])
def test_page_gives_the_report_and_its_metadata(gold: dict[str, object]) -> None:
    path = WEB_FIXTURES / str(gold["file"])
    articles, skipped = load_file(WEB_FIXTURES, path)
    assert skipped == []
    [art] = articles
    assert art.id == art.path == gold["file"]
    assert art.title == gold["title"]
    assert art.source == gold["outlet"]
    assert art.published == str(gold["published"])[:10]
    assert art.author == gold["author"]
    paragraphs = [str(p) for p in gold["paragraphs"]]  # type: ignore[attr-defined]
    body_paragraphs = art.body.split("\n\n")
    # Every paragraph we wrote is there, whole, in order.
    positions = [body_paragraphs.index(p) for p in paragraphs]
    assert positions == sorted(positions)
    for junk in FURNITURE:
        assert junk not in art.body, junk
    if gold["style"] != "tables":  # the old table layout has no canonical link
        assert art.url == gold["url"]


def test_compressed_page_and_page_saved_as_xml(tmp_path: Path) -> None:
    gold = PAGES[0]
    data = (WEB_FIXTURES / str(gold["file"])).read_bytes()
    (tmp_path / "saved.html.gz").write_bytes(gzip.compress(data))
    (tmp_path / "saved-as.xml").write_bytes(data)
    articles, skipped = load_corpus(tmp_path)
    assert skipped == []
    assert [a.id for a in articles] == ["saved-as.xml", "saved.html.gz"]
    assert {a.title for a in articles} == {gold["title"]}


def test_gzip_bomb_and_damaged_gzip_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREADER_MAX_FILE_MB", "0.5")
    # 100 KB on disk, 8 MB inflated: over the limit, never inflated whole.
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b" " * (8 << 20)))
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(b"<html><p>text</p></html>")[:20])
    articles, skipped = load_corpus(tmp_path)
    assert articles == []
    reasons = {s.path: s.reason for s in skipped}
    assert reasons["bomb.html.gz"] == "file inflates to more than 0.5 MB"
    assert reasons["cut.html.gz"].startswith("damaged gzip file")


def test_page_without_article_text_says_so(tmp_path: Path) -> None:
    (tmp_path / "menu.html").write_text(
        "<html><head><title>Index</title></head><body><nav><a href='/a'>Home</a>"
        "<a href='/b'>World</a></nav></body></html>",
        encoding="utf-8",
    )
    articles, skipped = load_corpus(tmp_path)
    assert articles == []
    assert [(s.path, s.reason) for s in skipped] == [("menu.html", "page with no article text")]


def test_page_charset_declared_in_meta_is_honoured(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='iso-8859-1'><title>Fjord news</title></head><body>"
        "<article><h1>Ferja på grunn ved Hestnes</h1><p>Ferja Solvik gikk på grunn lørdag "
        "kveld, og alle om bord ble hentet i land av båter fra øya.</p><p>Rederiet sier at "
        "styringen sviktet like før grunnstøtingen, og politiet har åpnet en sak.</p>"
        "</article></body></html>"
    )
    (tmp_path / "latin.htm").write_bytes(html.encode("iso-8859-1"))
    [art], _ = load_corpus(tmp_path)
    assert "lørdag" in art.body and "øya" in art.body
    assert "\ufffd" not in art.body


def test_extraction_never_opens_a_network_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during extraction")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for gold in PAGES[:9]:
        shutil.copy(WEB_FIXTURES / str(gold["file"]), tmp_path)
    # A page whose whole text is a URL: some libraries fetch a string that looks like one.
    (tmp_path / "url.html").write_text("https://news.example/story", encoding="utf-8")
    articles, skipped = load_corpus(tmp_path)
    assert len(articles) == 9
    assert [s.path for s in skipped] == ["url.html"]


def test_page_text_is_never_markup_or_control_sequences(tmp_path: Path) -> None:
    html = (
        "<html><head><title>A [bold]title[/]</title></head><body><article><h1>A [bold]title[/]"
        "</h1><p>First line with an escape \x1b[31mred\x1b[0m and [@click=app.quit]x[/] in it, "
        "long enough to be a paragraph of a report.</p><p>Second paragraph of the report, "
        "also long enough to count as text that a reader would want to see.</p>"
        "</article></body></html>"
    )
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    [art], _ = load_corpus(tmp_path)
    assert "\x1b" not in art.body and "[@click=app.quit]x[/]" in art.body


def test_charset_of_the_http_header_recorded_by_fetch_is_honoured(tmp_path: Path) -> None:
    from index.ingest.sidecar import Origin, write_origin

    html = (
        "<html><head><title>Powódź w Łodzi</title></head><body><article><h1>Powódź w Łodzi</h1>"
        "<p>Rzeka wystąpiła z brzegów w nocy, a strażacy ewakuowali mieszkańców trzech ulic "
        "w pobliżu mostu.</p><p>Władze miasta zapowiedziały pomoc dla poszkodowanych rodzin "
        "jeszcze w tym tygodniu.</p></article></body></html>"
    )
    page = tmp_path / "lodz.html"
    page.write_bytes(html.encode("iso-8859-2"))  # no <meta charset>: only the server said it
    [before], _ = load_corpus(tmp_path)
    assert "Łodzi" not in before.body  # read as cp1252 without the header's word
    write_origin(
        page,
        Origin(
            url="https://news.example/lodz",
            retrieved="2025-05-01T10:00:00+00:00",
            content_type="text/html; charset=ISO-8859-2",
        ),
    )
    [after], _ = load_corpus(tmp_path)
    assert after.title == "Powódź w Łodzi" and "mieszkańców" in after.body
    assert after.url == "https://news.example/lodz"  # no canonical link: the fetched URL
