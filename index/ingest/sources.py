"""Infer an article's outlet from what its text says about its own origin; never guess."""

from __future__ import annotations

import re

from index.ingest.clean import TOP, byline_outlet, clean_lines
from index.text.credits import APPEARED, is_page_furniture

# "... the situation. (Yonhap)": a wire tag closing the story's last paragraph. The tag is one to
# three capitalised words and must follow the end of a sentence, so "(NIS)" inside a sentence
# or "(Reporting by ...)" never counts.
_TAG = r"[A-Z][A-Za-z.&'’-]*(?: [A-Z][A-Za-z.&'’-]*){0,2}"
_WIRE_TAG = re.compile(rf"[.!?\"”’']\s*\((?P<tag>{_TAG})\)\s*$")
_NOT_OUTLET = frozenset(
    "photo photos file video image images pictured left right center centre top bottom "
    "above below graphic map updated update corrected correction agencies end".split()
)
# "SEOUL (AP) —" / "WASHINGTON, Oct 21 (Reuters) -": a wire dateline names its agency. A bare
# "JAKARTA -" names only a place. The place is "two capitals, then up to 40 more place
# characters": "[A-Z]{2,}[A-Z .'’-]*" let both runs share every capital, so a line of 30,000
# capitals was tried at 30,000 split points (41 s).
_DATELINE = re.compile(
    r"[A-Z]{2}[A-Z .'’-]{0,40}"  # the place, in capitals
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})?"  # ", South Korea"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # ", Oct. 21"
    rf"\s*\((?P<tag>{_TAG})\)\s*[-–—:]"
)
# Credit lines after the story ("Contributing: Reuters") cite helpers, not the outlet.
_CREDIT = re.compile(
    r"(?:contributing|additional\s+reporting|reporting|writing|editing|compiled)\b"
    r"|\(?\s*(?:reporting|writing|editing)\s+by\b|copyright\b|©|\(c\)\s",
    re.IGNORECASE,
)


# Wire trailers after the last paragraph: "(END)", "###", a contact e-mail address. The address
# has one "@" ("\S+@\S+" tried every "@" of a line of 300,000 as the split: 131 s).
_TRAILER = re.compile(
    r"\(?\s*end\s*\)?|#{1,3}|[-–—]+\s*end\s*[-–—]+|[^\s@]+@[^\s@]+\.\w+", re.IGNORECASE
)
# A dateline sits in a line's first characters: the pattern reads no further (a guard; it is
# linear anyway).
_SHORT_LINE = 300


def _tag(m: re.Match[str] | None) -> str | None:
    if not m:
        return None
    tag = m.group("tag").strip()
    words = tag.casefold().split()
    if any(w in _NOT_OUTLET for w in words):
        return None
    return tag


def _appeared_on(lines: list[str]) -> str | None:
    for line in reversed(lines):
        m = APPEARED.match(line)
        if m:
            return m.group(1).strip().rstrip(".") or None
    return None


def _closing_tag(lines: list[str]) -> str | None:
    for line in reversed(lines):
        if _CREDIT.match(line) or _TRAILER.fullmatch(line) or is_page_furniture(line):
            continue
        return _tag(_WIRE_TAG.search(line))  # only the last real paragraph counts
    return None


def infer_source(raw_text: str) -> str | None:
    """The outlet the text names as its own origin, or None.

    Signals, strongest first: "This article originally appeared on X"; a byline "Name, X" near
    the top; a wire tag "(X)" closing the last real paragraph; a wire dateline "CITY (X) —".
    An outlet the article only cites ("X reported", "according to X", "Contributing: X") and a
    plain place dateline ("JAKARTA -") are not sources.
    """
    lines = clean_lines(raw_text)
    if not lines:
        return None
    found = _appeared_on(lines)
    if found:
        return found
    for line in lines[:TOP]:
        outlet = byline_outlet(line)
        if outlet:
            return outlet
    found = _closing_tag(lines)
    if found:
        return found
    for line in lines[:TOP]:
        found = _tag(_DATELINE.match(line, 0, _SHORT_LINE))
        if found:
            return found
    return None
