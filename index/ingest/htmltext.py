"""An HTML fragment (a feed entry's content) to plain paragraphs, in one linear pass."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring

# Elements that end a paragraph; text inside inline elements (a, em, span...) flows on.
_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article header footer "
    "aside figure dl dt dd hr address details summary main nav".split()
)
# Never text of the report: code, styling, embedded objects, a picture's caption.
_SKIP = frozenset("script style noscript template iframe object embed svg figcaption".split())
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BREAK = "\x00"  # paragraph marker while collecting; the input's NULs are removed first


def html_paragraphs(fragment: str) -> str:
    """Plain text of ``fragment`` with one blank line between paragraphs (blocks and ``<br>``).
    Whitespace inside a paragraph is collapsed as a browser would."""
    fragment = fragment.replace(_BREAK, "")
    if "<" not in fragment:
        return _join(fragment.replace("\n\n", _BREAK))
    try:
        root: HtmlElement = fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _join(fragment)
    parts: list[str] = []
    skipping = 0
    for event, node in etree.iterwalk(root, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in _SKIP or skipping:
                skipping += 1
                continue
            if tag in _BLOCKS:
                parts.append(_BREAK)
            if node.text and isinstance(node.tag, str):
                parts.append(node.text)
        else:
            if skipping:
                skipping -= 1
                if skipping:
                    continue
            elif tag in _BLOCKS:
                parts.append(_BREAK)
            if node.tail and node is not root:
                parts.append(node.tail)
    return _join("".join(parts))


def _join(text: str) -> str:
    paragraphs = (_SPACES.sub(" ", p).strip() for p in text.split(_BREAK))
    return "\n\n".join(p for p in paragraphs if p)
