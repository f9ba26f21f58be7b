"""Page furniture a report keeps in its text: credit lines and photo captions, told by shape.

A report's body often carries lines that are about the page, not the event: "Contributing:
<agency>", "Reporting by ...; Editing by ...", "This article originally appeared on <outlet>",
a copyright line, and the caption of a picture ("... (AP Photo/<name>)", "Photo: <agency>",
"Image copyright <agency>", "Courtesy of <body>", "<people> (R) meet ... in this photo released
by ..."). They are shown in the reader as written, but they are not something "only one report
says" and a conflict is never built from them. The shapes are general (a credit's verbs, a
caption's photo words and position markers), never one outlet's phrases. Every pattern is
anchored or bounded, so a check is linear in the passage.
"""

from __future__ import annotations

import re

# Longer than this, a passage is prose even if it starts like a credit ("Reporting by the
# agency showed ..."): credits and captions are one or two short sentences.
_LONGEST = 400

APPEARED = re.compile(
    r"this\s+(?:article|story)\s+(?:originally|first)\s+(?:appeared|was\s+published)\s+"
    r"(?:on|in|by)\s+([^:]{2,60}?)\s*(?::|\.$|$)",
    re.IGNORECASE,
)
"""'This article originally appeared on X': the outlet a syndicated copy names as its origin."""

# Who wrote, edited or helped: at the start of the line, with "by" or a colon.
_CREDIT = re.compile(
    r"""[\s(\[]*(?:
      (?:additional\s+)?(?:reporting|writing|editing|research|compiled|produced|edited|written)
        (?:\s+and\s+\w+)?\s+by\b
    | contributing(?:\s+to\s+this\s+(?:report|story|article))?\s*[:\-–—]
    | contributors?\s*:
    | (?:copyright|©|\(c\)\s)
    | (?:[-–—]+\s*)?\(?\s*end\s*\)?\s*[-–—]*$ | \#{1,3}\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "... contributed to this report." closing the line.
_CONTRIBUTED = re.compile(
    r"\bcontributed(?:\s+(?:reporting|research))?\s+to\s+this\s+(?:report|story|article)\W*$",
    re.IGNORECASE,
)
# A caption or picture credit: a label at the start, an agency's photo credit anywhere, "in this
# (handout) photo", or a position marker naming who stands where in the picture.
_CAPTION_START = re.compile(
    r"[\s(\[]*(?:(?:file\s+)?(?:photos?|pictures?|images?|pictured|graphic|video)\s*[:|]"
    r"|(?:photo|image|picture)\s+(?:credit|copyright|by)\b|courtesy\s+(?:of\b|:))",
    re.IGNORECASE,
)
_CAPTION_ANY = re.compile(
    r"\(\s*[^()]{0,40}?\b(?:photo|photos|image|images|pictures?)\s*/"  # (AP Photo/Name)
    r"|\bimage\s+copyright\b|\bgetty\s+images\b"
    r"|\bin\s+this\s+(?:[\w-]+\s+){0,3}?(?:photo|photograph|picture|image|handout)\b"
    # "(2nd L)", "(left)": who stands where; a bare "(R)" is also a US party label, so not alone
    r"|\((?:\d(?:st|nd|rd|th)\s+(?:L|R|left|right)|left|right|centre|center)\)",
    re.IGNORECASE,
)


def is_credit(text: str) -> bool:
    """A credit or boilerplate line: who reported, wrote or edited it, where it first appeared,
    a copyright notice, a wire trailer."""
    line = text.strip()
    if not line or len(line) > _LONGEST:
        return False
    return bool(
        _CREDIT.match(line) or APPEARED.match(line.lstrip("([ ")) or _CONTRIBUTED.search(line)
    )


def is_caption(text: str) -> bool:
    """The caption or credit of a picture, by its shape."""
    line = text.strip()
    if not line or len(line) > _LONGEST:
        return False
    return bool(_CAPTION_START.match(line) or _CAPTION_ANY.search(line))


def is_page_furniture(text: str) -> bool:
    """A credit line or a caption: text about the page, not the event."""
    return is_credit(text) or is_caption(text)
