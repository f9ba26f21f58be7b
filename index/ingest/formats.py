"""Turn one file into Articles and Skipped entries: text formats by name, web files by content.

Ids: a .txt/.md file and a .json file holding one object give one article whose id is the file's
relative path; a .json list and a .jsonl file give ``path#n``, n the 0-based index of the object
in the list, or the 0-based line number in the .jsonl file (blank lines count, so ``#n`` is
always line n+1).
"""

from __future__ import annotations

import json
from typing import Any

from index.base.models import Article, Skipped
from index.ingest.clean import clean_text, clean_title, cut_at_word, split_title
from index.ingest.dateline import dateline_date
from index.ingest.decode import Unreadable, max_file_bytes
from index.ingest.feeds import load_feed
from index.ingest.filetypes import WEB_TYPES
from index.ingest.frontmatter import article_meta, split_front_matter
from index.ingest.html_page import load_page
from index.ingest.mdtext import markdown_blocks
from index.ingest.sidecar import Origin
from index.ingest.sniff import gunzip, sniff
from index.ingest.sources import infer_source
from index.text.controls import strip_controls

NO_TEXT = "no article text"
_BODY_KEYS = ("body", "text", "content")
_TITLE_CHARS = 120

Loaded = tuple[list[Article], list[Skipped]]


def _article(
    art_id: str, path: str, title: str, body: str, meta: dict[str, str | None], raw: str
) -> Article:
    source = meta.get("source") or infer_source(raw)
    return Article(
        id=art_id,
        path=path,
        title=title,
        body=body,
        source=source,
        published=meta.get("published"),
        url=meta.get("url"),
        author=meta.get("author"),
    )


def _fallback_title(body: str) -> str:
    """A display title from the body's first paragraph (kept in the body), shortened."""
    return cut_at_word(body.split("\n", 1)[0], _TITLE_CHARS)


def load_txt(rel: str, text: str) -> Loaded:
    """The first real line is the title, the rest the body."""
    title, body = split_title(text)
    if not body:
        return [], [Skipped(rel, NO_TEXT)]
    # A dateline under the headline is the report's date: "on Thursday" is resolved against it.
    # (read from the raw lines: the cleaning drops a "Published on: ..." line as page furniture)
    meta: dict[str, str | None] = {"published": dateline_date(strip_controls(text))}
    return [_article(rel, rel, title, body, meta, text)], []


def load_md(rel: str, text: str) -> Loaded:
    """Front matter, then Markdown reduced to plain paragraphs; title from front matter, the
    first heading, or the first line."""
    # Controls go before parsing: an escape sequence must never combine with Markdown syntax
    # (a "\\" ending an OSC 8 link would otherwise escape the next character).
    raw_meta, src = split_front_matter(strip_controls(text, normalise=True))
    meta = article_meta(raw_meta)
    blocks = markdown_blocks(src)
    plain = "\n\n".join(b.text for b in blocks)
    title = meta.get("title")
    if title:
        body = clean_text(plain, title)
    else:
        heading = next((b for b in blocks if b.kind == "heading"), None)
        if heading is not None and clean_title(heading.text):
            title = clean_title(heading.text)
            # The heading is the title: it leaves the body when nothing real precedes it.
            rest = blocks[1:] if blocks[0] is heading else blocks
            body = clean_text("\n\n".join(b.text for b in rest), title) or title
        else:
            title, body = split_title(plain)
    if not body:
        return [], [Skipped(rel, NO_TEXT)]
    if not meta.get("published"):
        meta["published"] = dateline_date(plain)
    return [_article(rel, rel, title, body, meta, plain)], []


def _from_object(art_id: str, rel: str, obj: object) -> Article | Skipped:
    if not isinstance(obj, dict):
        return Skipped(art_id, f"entry {art_id} is not a JSON object")
    raw_body = next((obj[k] for k in _BODY_KEYS if isinstance(obj.get(k), str)), None)
    meta = article_meta(obj)
    body = clean_text(raw_body, meta.get("title")) if raw_body else ""
    if not body:
        return Skipped(art_id, f"entry {art_id} has no body text")
    title = meta.get("title") or _fallback_title(body)
    return _article(art_id, rel, title, body, meta, raw_body or "")


def _collect(items: list[Article | Skipped]) -> Loaded:
    articles = [x for x in items if isinstance(x, Article)]
    skipped = [x for x in items if isinstance(x, Skipped)]
    return articles, skipped


def _parse_error(error: ValueError | RecursionError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
    if isinstance(error, RecursionError):
        return "invalid JSON: nested too deeply"
    # Python refuses integers of more than 4300 digits (a guard against slow conversions).
    return "invalid JSON: a number is too long"


def load_json(rel: str, text: str) -> Loaded:
    """One object (id ``path``) or a list of objects (ids ``path#n``); JSON Lines content in a
    .json file is read as .jsonl."""
    try:
        data: Any = json.loads(text)
    except (ValueError, RecursionError) as error:  # ValueError includes JSONDecodeError
        if isinstance(error, json.JSONDecodeError) and error.msg == "Extra data":
            # One object per line saved as .json: read it as JSON Lines when that works.
            articles, skipped = load_jsonl(rel, text)
            if articles:
                return articles, skipped
        return [], [Skipped(rel, _parse_error(error))]
    if isinstance(data, list):
        if not data:
            return [], [Skipped(rel, NO_TEXT)]
        return _collect([_from_object(f"{rel}#{n}", rel, obj) for n, obj in enumerate(data)])
    return _collect([_from_object(rel, rel, data)])


def load_jsonl(rel: str, text: str) -> Loaded:
    """One object per line (id ``path#n``, n = 0-based line); a bad line never stops the rest."""
    items: list[Article | Skipped] = []
    for n, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        art_id = f"{rel}#{n}"
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as error:  # one bad line never costs the others
            reason = _parse_error(error).replace("at line 1 column", f"at line {n + 1} column")
            items.append(Skipped(art_id, reason))
            continue
        items.append(_from_object(art_id, rel, obj))
    if not items:
        return [], [Skipped(rel, NO_TEXT)]
    return _collect(items)


LOADERS = {
    ".txt": load_txt,
    ".md": load_md,
    ".markdown": load_md,
    ".json": load_json,
    ".jsonl": load_jsonl,
}


_PAGE_TYPES = frozenset({".html", ".htm", ".xhtml"})


def load_web(rel: str, kind: str, data: bytes, origin: Origin | None) -> Loaded:
    """A saved page or feed (``kind`` is its file type, e.g. ``.html.gz``): inflated when
    compressed, then read as what its bytes are, a feed (RSS, Atom) or a page, whatever its
    name says; a .xml file that is neither is skipped with the reason."""
    try:
        data = gunzip(data, max_file_bytes())
    except Unreadable as error:
        return [], [Skipped(rel, str(error))]
    found = sniff(data)
    if found == "feed":
        return load_feed(rel, data, origin)
    base = kind.removesuffix(".gz")
    if found == "page" or base in _PAGE_TYPES:
        return load_page(rel, data, origin)
    assert base in WEB_TYPES
    return [], [Skipped(rel, "neither a feed (RSS, Atom) nor a web page")]
