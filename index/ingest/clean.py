"""Turn untrusted article text into the cleaned body: no control sequences, no page furniture."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from index.base.models import Article
from index.ingest.dateline import dateline_date
from index.text.controls import strip_controls
from index.text.credits import APPEARED

MAX_TITLE_CHARS = 300
"""A longer "title" is text, not a headline: see ``bounded_title``."""

# Runs of 2+ spaces or any other space character; a lone ASCII space (the common case) is left
# alone, which keeps the substitution nearly free on ordinary text.
_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"[ {_SPACE_CHARS}]{{2,}}|[{_SPACE_CHARS}]")

_DATE_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december mon monday tue tues tuesday wed wednesday "
    "thu thur thurs thursday fri friday sat saturday sun sunday a m p am pm noon midnight at on "
    "et est edt ct cst cdt mt mst mdt pt pst pdt utc gmt bst cet cest kst jst ist aest t z "
    "ago min mins minute minutes hr hrs hour hours day days week weeks just now".split()
)

# Whole-line page furniture, matched case-insensitively against a whitespace-normalised line.
# Deliberately narrow: each pattern is a widget label, never the start of a real sentence.
_FURNITURE = re.compile(
    r"""(?:
      advert(?:isement|isment)?s? | sponsored(?:\s+content)? | story\s+continues\s+below\s+advert\w*
    | continue\s+reading(?:\s+(?:below|the\s+main\s+story))?
    | (?:add|leave|post)\s+a\s+comment | \d*\s*comments? | view\s+comments | show\s+comments
    | your\s+email\s+address\s+will\s+not\s+be\s+published\.?
      (?:\s+required\s+fields\s+are\s+marked\s*\*?)?
    | required\s+fields\s+are\s+marked\s*\*?
    | sign\s+up\b.{0,40}newsletters?\b.{0,30} | (?:e-?)?newsletters?
    | subscribe(?:\s+(?:now|today|to\s+our\s+newsletter))?
    | letter
    | top\s+\d+\s+(?:stories|news) | most\s+(?:read|popular|viewed) | trending(?:\s+now)?
    | related(?:\s+(?:stories|articles|coverage|content))?
    | \d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read
    | share(?:\s+this(?:\s+(?:article|story|post))?)?(?:\s+on\s+\w+)?
    | share\s+via\s+\w+ | copy\s+link | print(?:\s+this\s+(?:article|page))?
    | follow\s+us\s+on\s+.{1,40}
    | read\s+more\s*[:.»>…]*
    | skip\s+to\s+(?:main\s+)?content | back\s+to\s+top
    | (?:image|photo)\s+credit
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_STAMP = re.compile(r"(?:updated|published|posted|last\s+updated)\b[:\s]*(.*)", re.IGNORECASE)
# A section label such as "- News": only at the very top or bottom of a text (see clean_lines).
_LABEL = re.compile(r"[-–—•|]\s*[A-Za-z][A-Za-z&]*(?:\s+[A-Za-z&]+)?")
_WORD = re.compile(r"[A-Za-z]+|\d+")
_CONTINUES = re.compile(r"[a-z]+(?![A-Za-z])")
_CLOSED = re.compile("[.!?:;\"”’')\\]]$")
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|van|von|de|da|del|der|al|bin)){1,3}"
_BYLINE = re.compile(
    rf"(?P<by>(?i:by)\s+)?{_NAME}(?:\s+(?:and|&)\s+{_NAME})*"
    r"(?:,\s+(?P<outlet>[A-Za-z][\w .&'’-]{1,40}))?"
)
_OUTLET_WORD = re.compile(
    r"\b(?:news|times|post|press|reuters|agency|journal|herald|tribune|guardian|telegraph|daily|"
    r"radio|tv|television|broadcasting|gazette|wire|media|yonhap|xinhua|tass|network|ledger|"
    r"courier|dispatch|chronicle|observer|standard|globe|examiner|inquirer|bulletin|monitor|"
    r"express|independent|mirror|online|today|magazine|weekly|review|star|sun|mail|record)\b",
    re.IGNORECASE,
)
TOP = 6  # bylines and outlet lines sit in the first few lines of a report


def normalise_line(line: str) -> str:
    """Collapse every run of spaces (NBSP and tabs included) to one space and trim the ends."""
    return _SPACES.sub(" ", line).strip()


def _is_stamp(line: str) -> bool:
    """ "Updated", or "Updated Oct. 21, 2024, 5:03 a.m. ET": a date/time and nothing else."""
    m = _STAMP.fullmatch(line)
    if not m:
        return False
    words = _WORD.findall(m.group(1))
    # a time or date word beyond the one-letter ones: "Updated a." is a sentence, not a stamp
    dated = not words or any(w.isdigit() or len(w) > 2 for w in words)
    return dated and all(w.isdigit() or w.lower() in _DATE_WORDS for w in words)


def is_furniture(line: str) -> bool:
    """True for a whole line that is page furniture (ads, share/comment widgets, read times)."""
    return bool(_FURNITURE.fullmatch(line)) or _is_stamp(line)


def clean_lines(raw: str) -> list[str]:
    """The non-empty, normalised lines of ``raw`` without furniture or back-to-back repeats."""
    return list(_clean_lines(raw))


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line without closing punctuation, followed directly (no blank
    line) by one starting with an all-lower-case word, is the same sentence. The first line (a
    .txt title) and a line starting "iPhone" or "eBay" never join. Anything else stays a line."""
    # Parts are gathered per joined line and joined once: appending to a growing string (and
    # searching its end) made a file of 500k short lines take minutes.
    groups: list[list[str]] = []
    first = True
    for line in lines:
        last = groups[-1][-1] if groups else ""
        if not first and last and _CONTINUES.match(line) and not _CLOSED.search(last):
            groups[-1].append(line)
            continue
        if last:
            first = False
        groups.append([line])
    return [" ".join(group) for group in groups]


@lru_cache(maxsize=8)  # the loader cleans a text, then infers its source from the same text
def _clean_lines(raw: str) -> tuple[str, ...]:
    lines = [x.strip() for x in _SPACES.sub(" ", strip_controls(raw, normalise=True)).split("\n")]
    # Furniture becomes a blank line first, so a wrapped sentence never swallows an ad label.
    lines = [x for x in _unwrap(["" if is_furniture(x) else x for x in lines]) if x]
    # Section labels ("- News") appear at the edges of a scraped page, never mid-report.
    while lines and _LABEL.fullmatch(lines[-1]):
        lines.pop()
    while lines and _LABEL.fullmatch(lines[0]):
        lines.pop(0)
    out: list[str] = []
    for line in lines:
        # A caption or paragraph printed twice in a row is a scraping artefact: keep one copy.
        if out and out[-1].casefold() == line.casefold():
            continue
        out.append(line)
    return tuple(out)


def clean_title(raw: str) -> str:
    """A title on one line: controls stripped, whitespace collapsed."""
    return normalise_line(strip_controls(raw, normalise=True).replace("\n", " "))


def cut_at_word(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, "…" ending a cut one."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    return (head.rsplit(" ", 1)[0] if " " in head else head).rstrip(" ,;:-") + "\u2026"


def bounded_title(article: Article) -> Article:
    """The article with a title of at most MAX_TITLE_CHARS: a longer one (a 200,000-character
    first line flooded every list and terminal) is cut at a word for display, and its whole
    text is kept at the head of the body (where a first line taken as the title is not)."""
    if len(article.title) <= MAX_TITLE_CHARS:
        return article
    whole = article.title
    body = article.body if article.body.startswith(whole) else f"{whole}\n\n{article.body}"
    return replace(article, title=cut_at_word(whole, MAX_TITLE_CHARS), body=body)


def byline_outlet(line: str, known: frozenset[str] = frozenset()) -> str | None:
    """The outlet of a byline line ("Jane Roe, USA TODAY" → "USA TODAY"), else None."""
    m = _BYLINE.fullmatch(line)
    if not m or not m.group("outlet"):
        return None
    outlet = m.group("outlet").strip()
    # The part after the comma must look like an outlet, so "Anna Berg, Oslo" is not a byline.
    if outlet.isupper() or _OUTLET_WORD.search(outlet) or outlet.casefold() in known:
        return outlet
    return None


def is_byline(line: str, known: frozenset[str] = frozenset()) -> bool:
    """A whole-line byline: "By Jane Roe" or "Jane Roe, OUTLET"."""
    m = _BYLINE.fullmatch(line)
    if not m:
        return False
    if m.group("outlet"):
        return byline_outlet(line, known) is not None
    return bool(m.group("by"))


def declared_outlets(lines: list[str]) -> frozenset[str]:
    """Outlets the text names as its own (case-folded): "originally appeared on X", and the
    outlet of a byline near the top."""
    found = set()
    for line in lines:
        m = APPEARED.match(line)
        if m:
            found.add(m.group(1).strip().rstrip(".").casefold())
    known = frozenset(found)
    found.update(o.casefold() for o in (byline_outlet(x, known) for x in lines[:TOP]) if o)
    return frozenset(found)


def _metadata_count(lines: list[str], outlets: frozenset[str]) -> int:
    """How many leading lines are a byline, a lone outlet name confirmed elsewhere or a
    dateline (a line that is only the report's date: it dates the report, it says nothing)."""
    n = 0
    while (
        n < len(lines)
        and n < TOP
        and (
            lines[n].casefold() in outlets
            or is_byline(lines[n], outlets)
            or dateline_date(lines[n]) is not None
        )
    ):
        n += 1
    return n


def _drop_title_repeats(lines: list[str], title: str) -> list[str]:
    key = title.casefold()
    while lines and lines[0].casefold() == key:
        lines = lines[1:]
    return lines


def clean_text(raw: str, title: str | None = None) -> str:
    """The cleaned body: one paragraph per line, paragraphs separated by exactly one blank line.

    Lines that only repeat ``title`` at the top, a byline ("Name, OUTLET") and a lone outlet
    line at the top are metadata, not report sentences, and are dropped.
    """
    lines = clean_lines(raw)
    outlets = declared_outlets(lines)
    lines = lines[_metadata_count(lines, outlets) :]
    if title:
        lines = _drop_title_repeats(lines, clean_title(title))
        lines = lines[_metadata_count(lines, outlets) :]
    return "\n\n".join(lines)


def split_title(raw: str) -> tuple[str, str]:
    """A plain-text report as (title, cleaned body): the first real line is the title.

    When that line is the only one, it is the body too.
    """
    lines = clean_lines(raw)
    outlets = declared_outlets(lines)
    lines = lines[_metadata_count(lines, outlets) :]
    if not lines:
        return "", ""
    title, rest = lines[0], _drop_title_repeats(lines[1:], lines[0])
    rest = rest[_metadata_count(rest, outlets) :]
    # A one-line report (a lone sentence or headline) is its own body: never drop its only text.
    return title, "\n\n".join(rest or [title])
