"""Render the export document as one standalone HTML page (inline CSS), or as JSON."""

from __future__ import annotations

import html
import json
from typing import Any

from markdown_it import MarkdownIt

from index.export.markdown import document_markdown

FORMATS = ("md", "html", "json")
_LINK_SCHEMES = ("http://", "https://", "mailto:")

CSS = """
body { font: 16px/1.5 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
       color: #1d1d1d; background: #fdfdfb; }
h1, h2, h3, h4 { font-family: Helvetica, Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.7em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; }
blockquote { margin: .6em 0; padding: .3em 1em; border-left: 4px solid #8aa4c8;
             background: #f1f4f8; }
blockquote p:last-child { font-size: .85em; color: #555; }
s { color: #a40000; } strong { color: #0b5d1e; }
code { background: #eee; padding: 0 .2em; }
"""


def _markdown_it() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])

    def validate_link(url: str) -> bool:
        # Only web and mail links; javascript:, data:, file: and relative links are left as text.
        return url.strip().lower().startswith(_LINK_SCHEMES)

    md.validateLink = validate_link  # type: ignore[method-assign]
    return md


def markdown_to_html(markdown: str, title: str) -> str:
    """A standalone page: raw HTML in the Markdown is escaped, never passed through."""
    body = _markdown_it().render(markdown)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="generator" content="newsreader">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def render(doc: dict[str, Any], fmt: str) -> str:
    """The document as ``md``, ``html`` or ``json`` text."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "json":
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    markdown = document_markdown(doc)
    if fmt == "md":
        return markdown
    events = doc["events"]
    single = doc["scope"] == "event" and len(events) == 1
    title = events[0]["title"] if single else "Marked excerpts"
    return markdown_to_html(markdown, f"newsreader: {title}")
