"""Reduce Markdown to plain text that keeps paragraph boundaries; raw HTML never survives."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MD = MarkdownIt("commonmark")  # built once per process: construction costs more than parsing
# Where hidden HTML starts, and what ends each kind. Found by a scan, not by one pattern
# "<script\b.*?</script>": that pattern read to the end of the text from every unclosed opener,
# so 120,000 "<script>" took minutes (quadratic).
_HIDDEN_START = re.compile(r"<(?:(script|style)\b|!--)", re.IGNORECASE)
_HIDDEN_END = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    "": re.compile("-->"),
}
_TAG = re.compile(r"<[^>]*>?")
_INLINE_TEXT = frozenset({"text", "text_special", "code_inline"})


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of the document: its kind and its plain text."""

    kind: str  # "heading", "paragraph", "code" or "html"
    text: str


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in _INLINE_TEXT:
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")  # a wrapped line inside one paragraph
        elif child.type == "hardbreak":
            parts.append("\n")
        # images (alt text), raw inline HTML tags and emphasis/link markers are dropped
    return "".join(parts)


def drop_hidden_html(src: str) -> str:
    """``src`` with scripts, styles and comments replaced by a space, in one pass.

    An element that is never closed hides everything after it (as a browser would): the scan
    then stops, so each character is read at most twice.
    """
    parts: list[str] = []
    pos = 0
    while (start := _HIDDEN_START.search(src, pos)) is not None:
        parts.append(src[pos : start.start()])
        parts.append(" ")
        end = _HIDDEN_END[(start.group(1) or "").lower()].search(src, start.end())
        if end is None:
            return "".join(parts)
        pos = end.end()
    parts.append(src[pos:])
    return "".join(parts)


def _html_text(src: str) -> str:
    """Text between the tags of an HTML block; scripts, styles and comments dropped."""
    return html.unescape(_TAG.sub(" ", drop_hidden_html(src)))


def markdown_blocks(src: str) -> list[Block]:
    """The document's blocks in order. List items and block quotes give their own paragraphs;
    code is kept as its words; HTML blocks keep their text, never their tags."""
    blocks: list[Block] = []
    tokens = _MD.parse(src)
    for i, token in enumerate(tokens):
        if token.type == "inline":
            kind = "heading" if i and tokens[i - 1].type == "heading_open" else "paragraph"
            text = _inline_text(token)
        elif token.type in ("fence", "code_block"):
            kind, text = "code", " ".join(token.content.split())
        elif token.type == "html_block":
            kind, text = "html", " ".join(_html_text(token.content).split())
        else:
            continue
        if text.strip():
            blocks.append(Block(kind, text))
    return blocks
