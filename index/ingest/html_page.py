"""Saved web pages to Articles: main text and metadata by trafilatura (offline), then cleaning."""

from __future__ import annotations

import re
from configparser import ConfigParser
from typing import Any

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import DEFAULT_CONFIG
from trafilatura.utils import load_html

from index.base.models import Article, Skipped
from index.ingest.clean import clean_text, clean_title
from index.ingest.decode import Unreadable
from index.ingest.sidecar import Origin
from index.ingest.sniff import decode_page

NO_ARTICLE = "page with no article text"
Loaded = tuple[list[Article], list[Skipped]]

# A <title> is often "Headline | Site": these separators split it.
_TITLE_PARTS = re.compile(r"\s+(?:[|–—-]|::|»|·)\s+")
_WORD = re.compile(r"\w+")
# Words of a byline or dateline that are neither the author's nor the date's: "By X", "Published:
# 21 Oct 2024, 09:10", "Updated". Small on purpose; the author and date come from the page itself.
_META_WORDS = frozenset(
    "by and published updated posted on at last modified am pm gmt utc jan feb mar apr may jun "
    "jul aug sep sept oct nov dec january february march april june july august september october "
    "november december mon tue wed thu fri sat sun monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)
_TOP_LINES = 4
_LINK_CHARS = 160
_SITE_WORDS = 5
_COPYRIGHT = re.compile(r"\s*(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)
# "By Jane Roe" opening a byline line: the author, when the page's metadata names none.
_BY = re.compile(r"(?i:by)\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\b")
# A table whose cell holds this much text lays out a page, it is not data (see _unwrap_layout).
_LAYOUT_CELL_CHARS = 400


def _offline_config() -> ConfigParser:
    """trafilatura's settings for local files: no extensive date search (it reads every text
    node of the page for date-like strings, slow and error-prone on news pages)."""
    config = ConfigParser()
    config.read_dict({"DEFAULT": dict(DEFAULT_CONFIG["DEFAULT"])})
    config["DEFAULT"]["EXTENSIVE_DATE_SEARCH"] = "off"
    return config


_CONFIG = _offline_config()


def load_page(rel: str, data: bytes, origin: Origin | None = None) -> Loaded:
    """The article of one saved page (``.html``, ``.htm``, ``.xhtml``; bytes already inflated).

    trafilatura is given a parsed tree, never a string or URL, so nothing is ever fetched: the
    URL of the sidecar is only a fallback for the canonical URL. Never raises for bad content."""
    try:
        text = decode_page(data, origin.content_type if origin else None)
    except Unreadable as error:
        return [], [Skipped(rel, str(error))]
    tree = load_html(text)
    if tree is None:
        return [], [Skipped(rel, "not an HTML page")]
    _unwrap_layout(tree)
    raw_title = _raw_title(tree)
    links = _link_texts(tree)
    doc = bare_extraction(
        tree,
        url=(origin.final_url or origin.url) if origin else None,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_tables=True,
        deduplicate=False,
        fast=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_CONFIG,
    )
    if doc is None:
        return [], [Skipped(rel, NO_ARTICLE)]
    return _article(rel, doc, raw_title, links, origin)


def _article(
    rel: str, doc: Any, raw_title: str, links: frozenset[str], origin: Origin | None
) -> Loaded:
    titles = {_key(p) for p in (doc.title or "", *_TITLE_PARTS.split(raw_title))}
    # A line that is all one link is a menu item, a promo or a related story, not report text.
    lines = [
        line
        for line in str(doc.text or "").split("\n")
        if _WORD.search(line) and (_key(line) not in links or _key(line) in titles)
    ]
    sitename = _outlet(doc.sitename)
    title, title_site = _headline(clean_title(str(doc.title or "")), raw_title, lines)
    outlet = sitename or title_site
    author = clean_title(str(doc.author)) if doc.author else _byline_author(lines)
    date = str(doc.date) if doc.date else None
    lines = _drop_dateline(lines, title, author, date, outlet)
    while lines and _COPYRIGHT.match(lines[-1]):  # a page's footer line, never the report's end
        lines.pop()
    body = clean_text("\n\n".join(lines), title)
    if not body:
        return [], [Skipped(rel, NO_ARTICLE)]
    url = doc.url or ((origin.final_url or origin.url) if origin else None)
    article = Article(
        id=rel,
        path=rel,
        title=title or _first_words(body),
        body=body,
        source=outlet,
        published=date,
        url=str(url) if url else None,
        author=author or None,
    )
    return [article], []


def _outlet(sitename: object) -> str | None:
    """The site name, unless trafilatura only took it from the URL (a host name is not an
    outlet's name: the outlet is never invented)."""
    if not sitename:
        return None
    name = clean_title(str(sitename))
    if "." in name and " " not in name:
        return None
    return name or None


def _raw_title(tree: HtmlElement) -> str:
    node = tree.find(".//title")
    return clean_title(node.text_content()) if node is not None else ""


def _headline(title: str, raw_title: str, lines: list[str]) -> tuple[str, str | None]:
    """The headline, and the site name a "Headline | Site" <title> gives.

    When the <title> has parts, the headline is the part the page prints as a line of its text
    (a site name sits in the masthead, not alone on a line of the article); the other part,
    when there is one, names the site."""
    parts = [p for p in _TITLE_PARTS.split(raw_title) if p]
    if len(parts) < 2:
        return title or raw_title, None
    shown = {line.strip().casefold() for line in lines[: _TOP_LINES * 2]}
    printed = [p for p in parts if p.casefold() in shown] or ([title] if title in parts else [])
    if not printed:
        return title or raw_title, None
    # A masthead may print the site name on a line too: the headline is the longer part.
    headline = max(printed, key=lambda p: len(p.split()))
    others = [p for p in parts if p != headline]
    site = others[0] if len(others) == 1 and len(others[0].split()) <= _SITE_WORDS else None
    return headline, site


def _drop_dateline(
    lines: list[str], title: str, author: str | None, date: str | None, outlet: str | None
) -> list[str]:
    """Leading lines made only of the page's own metadata ("21 Oct 2024 · Jane Roe", "By Jane
    Roe - Published: 2024-10-21"): every word is the author's, the outlet's, a date's or a
    dateline word. Only lines before the first sentence of the article are looked at."""
    known = set(_WORD.findall(" ".join(x for x in (author, outlet, date) if x).casefold()))
    if not known:
        return lines
    start = 0
    for n, line in enumerate(lines[: _TOP_LINES + 1]):
        words = _WORD.findall(line.casefold())
        if line.casefold() == title.casefold():
            continue
        if words and all(w in known or w in _META_WORDS or w.isdigit() for w in words):
            start = n + 1
    if not start:
        return lines
    return [x for n, x in enumerate(lines) if n >= start or x.casefold() == title.casefold()]


def _byline_author(lines: list[str]) -> str | None:
    for line in lines[: _TOP_LINES * 2]:
        m = _BY.match(line)
        if m:
            return m.group(1)
    return None


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _link_texts(tree: HtmlElement) -> frozenset[str]:
    """The texts of the page's links (short ones: a paragraph that happens to be one long link
    is kept), as _key compares them."""
    found = set()
    for link in tree.iter("a"):
        text = link.text_content()
        if len(text) <= _LINK_CHARS:
            found.add(_key(text))
    found.discard("")
    return frozenset(found)


def _first_words(body: str) -> str:
    first = body.split("\n", 1)[0]
    return first if len(first) <= 120 else first[:120].rsplit(" ", 1)[0] + "…"


def _unwrap_layout(tree: HtmlElement) -> None:
    """Tables that lay a page out (a cell holding paragraphs of text, as old sites do) become
    plain blocks, so the extractor sees paragraphs instead of a data table's rows. Text sizes
    are summed bottom-up in one pass: linear, however deep tables nest."""
    nodes = list(tree.iter())
    size: dict[HtmlElement, int] = {}
    for node in reversed(nodes):
        own = len(node.text or "") + size.get(node, 0)
        size[node] = own
        parent = node.getparent()
        if parent is not None:
            size[parent] = size.get(parent, 0) + own + len(node.tail or "")
    tables = []
    for node in nodes:
        if node.tag in ("td", "th") and size[node] >= _LAYOUT_CELL_CHARS:
            table = node.getparent()
            while table is not None and table.tag != "table":
                table = table.getparent()
            if table is not None and table.tag == "table":
                tables.append(table)
    # Outermost first: its rows and cells (nested tables too) become blocks, once each.
    for table in tables:
        if table.tag != "table":
            continue
        for node in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
            node.tag = "div"
