"""RSS 0.9x/1.0/2.0 and Atom feeds to Articles with feedparser: one article per entry, offline.

An entry's id is ``path#<entry id>`` (its ``<guid>``/``<id>``, else its link), so it stays the same
when a newer copy of the feed replaces the file. An entry that carries only a summary is loaded
as a summary (``Article.is_summary``): the reader and JSON say so.
"""

from __future__ import annotations

import io
import time
from typing import Any

import feedparser

from index.base.models import Article, Skipped
from index.ingest.clean import clean_text, clean_title
from index.ingest.htmltext import html_paragraphs
from index.ingest.sidecar import Origin

NO_ENTRIES = "feed with no entries"
_KEY_CHARS = 300  # an id is printed and stored everywhere: a longer entry id is cut
_TEXT_TYPES = ("text/plain",)

Loaded = tuple[list[Article], list[Skipped]]


def load_feed(rel: str, data: bytes, origin: Origin | None = None) -> Loaded:
    """Every entry of one feed file. Bytes are handed to feedparser in a BytesIO, which it
    never treats as a URL or a file name (a plain string may be fetched or opened)."""
    headers = {"content-location": origin.final_url or origin.url} if origin else {}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    # Entries kept from an older copy of a feed keep the ids they had in the live feed's file.
    prefix = origin.ids_as if origin and origin.ids_as else rel
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("version"):
            return [], [Skipped(rel, f"broken feed: {_bozo(parsed)}")]
        return [], [Skipped(rel, NO_ENTRIES)]
    feed_title = clean_title(_plain(parsed.get("feed", {}).get("title", ""))) or None
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries):
        key = _entry_key(entry, n)
        art_id = f"{prefix}#{key}"
        if key in seen:
            skipped.append(Skipped(art_id, "entry repeats an earlier entry's id"))
            continue
        seen.add(key)
        item = _entry_article(art_id, rel, entry, feed_title)
        if isinstance(item, Article):
            articles.append(item)
        else:
            skipped.append(item)
    if parsed.get("bozo") and not articles:
        # What a lenient parse salvaged from a broken file is noise: one line says why.
        return [], [Skipped(rel, f"broken feed: {_bozo(parsed)}")]
    return articles, skipped


def entry_keys(data: bytes) -> list[str]:
    """The key of every entry of a feed, in document order (the ``#<key>`` of its id)."""
    parsed = feedparser.parse(io.BytesIO(data))
    return [_entry_key(entry, n) for n, entry in enumerate(parsed.get("entries") or [])]


def _bozo(parsed: Any) -> str:
    error = parsed.get("bozo_exception")
    text = str(error).splitlines()[0] if error and str(error) else type(error).__name__
    return clean_title(text)[:200] or "not a feed"


def _entry_key(entry: Any, n: int) -> str:
    """The entry's own id, else its link, else its position (unstable, the feed gave nothing)."""
    for field in ("id", "link"):
        value = clean_title(str(entry.get(field) or ""))
        if value:
            return value[:_KEY_CHARS]
    return str(n)


def _plain(value: object) -> str:
    """A feed text field (HTML after feedparser's sanitising) as plain text."""
    return html_paragraphs(str(value)) if value else ""


def _entry_text(entry: Any) -> tuple[str, bool]:
    """(text, is_summary): the longest full content when the entry has one, else its summary."""
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return _detail_text(best), False
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary") or ""
    return _detail_text({"value": summary, "type": detail.get("type", "text/html")}), True


def _detail_text(detail: Any) -> str:
    value = str(detail.get("value") or "")
    if detail.get("type") in _TEXT_TYPES:
        return value
    return html_paragraphs(value)


def _date(entry: Any) -> str | None:
    """The entry's publication time (else its update time) in UTC, as feedparser parsed it."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    except (TypeError, ValueError):
        return None


def _entry_article(art_id: str, rel: str, entry: Any, feed_title: str | None) -> Article | Skipped:
    text, is_summary = _entry_text(entry)
    title = clean_title(_plain(entry.get("title", "")))
    body = clean_text(text, title or None)
    if not body:
        return Skipped(art_id, "entry with no text")
    source = entry.get("source") or {}
    outlet = clean_title(_plain(source.get("title", ""))) if hasattr(source, "get") else ""
    link = clean_title(str(entry.get("link") or "")) or None
    author = clean_title(str(entry.get("author") or "")) or None
    return Article(
        id=art_id,
        path=rel,
        title=title or _first_words(body),
        body=body,
        source=outlet or feed_title,
        published=_date(entry),
        url=link,
        author=author,
        is_summary=is_summary,
    )


def _first_words(body: str) -> str:
    first = body.split("\n", 1)[0]
    return first if len(first) <= 120 else first[:120].rsplit(" ", 1)[0] + "…"
