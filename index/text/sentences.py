"""Sentence splitting with exact offsets: every line is a boundary, syntok splits within a line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from syntok import segmenter
from syntok._segmentation_states import State

from index.base.cancel import checkpoint
from index.base.models import Article, Passage

# Abbreviations that precede a name or number and so never end a sentence by themselves.
_TITLE_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr Sen Rep Gen Lt Col Gov Atty Pres Sgt Capt No St Prof Jr Sr Maj Adm Cmdr Brig
    Gens Reps Sens Hon Rev Fr Ft Mt Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\.$")
_SINGLE_INITIAL = re.compile(r"(?:^|[\s(\"'])[A-Z]\.$")
# The first letter of a segment, skipping quotes, brackets and dashes in front of it.
_FIRST_LETTER = re.compile(r"^[\s\"'\u2018\u2019\u201c\u201d(\[\u2014\u2013-]*(\w)")
# syntok keeps "the U.S. He said" together; an acronym followed by a word that almost only starts
# sentences is a boundary. An acronym is tried only from its first letter ("(?<![A-Z]\.)"):
# tried from each letter, a run of 100,000 "A." was read to its end 50,000 times.
_ACRONYM_THEN_STARTER = re.compile(
    r"\b(?<![A-Z]\.)(?:[A-Z]\.){2,}(\s+)(?=(?:He|She|It|They|We|I|The|This|That|These|Those|But|And|In|On|"
    r"At|A|An|There|His|Her|Their|Its|Our|Officials|Police)\b)"
)
_LINE = re.compile(r"[^\r\n]+")
_VISIBLE = re.compile(r"\S")
# The longest sentence where nothing could end one: a longer such run of a line is cut at a
# space (a documented rule: docs/robustness.md). Real sentences stay far below it.
MAX_SENTENCE = 2000
# Where syntok may end a sentence: its terminals and opening brackets (syntok._segmentation_
# states.State); without one of them in a run, it never splits the run (a test checks).
_CANDIDATE = re.compile(
    "["
    + re.escape("".join(sorted(set("".join(State.terminals)) | set(State.opening_brackets))))
    + "]"
)
# A segment that is only a bracketed credit or wire tag, "(Yonhap)" or "[Reuters]", ends the
# sentence before it rather than standing alone.
_BRACKETED_TAG = re.compile(r"^[(\[][^()\[\]]{1,40}[)\]][.,;]?$")


# What can end or open a sentence inside a line for syntok (its State.terminals, opening and
# closing brackets; the zero-width space it reads as a space): a line with none of these before
# its final . ! or ? is one sentence, which syntok would return whole. Most lines of wire copy
# are one sentence, and syntok costs ~70 microseconds each.
_INNER_BREAKS = frozenset(
    ".!?;\u203c\u203d\u2047\u2048\u2049\u3002\ufe52\ufe57\uff01\uff0e\uff1f\uff61"
    "([{\uff5f\uff5b\uff3b\uff08\ufe5d\ufe5b\ufe59\ufd3e\u301a\u3018\u2985\u2983\u2329"
    ")]}\uff60\uff5d\uff3d\uff09\ufe5e\ufe5c\ufe5a\ufd3f\u301b\u3019\u2986\u2984\u232a"
    "\u200b"
)
_OPENING_QUOTES = frozenset("\"'\u201c\u2018")
_CLOSING_QUOTES = frozenset("\"'\u201d\u2019")


def _one_sentence(line: str) -> bool:
    """True when ``line`` (stripped) can only be one sentence: it starts with a letter, digit or
    quote, ends with . ! or ? (and maybe a closing quote), and holds no other sentence break."""
    end = len(line) - 1
    if end < 1 or not (line[0].isalnum() or line[0] in _OPENING_QUOTES):
        return False
    if line[end] in _CLOSING_QUOTES:
        end -= 1
    return line[end] in ".!?" and _INNER_BREAKS.isdisjoint(line[:end])


def _syntok_spans(line: str, base: int) -> list[tuple[int, int]]:
    """The sentences syntok finds in one line, as offsets into the whole text."""
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(line):
        for sentence in paragraph:
            if not sentence:
                continue
            first, last = sentence[0], sentence[-1]
            spans.append((base + first.offset, base + last.offset + len(last.value)))
    return spans


# How much of each side of a boundary _should_join reads: the merged left segment grows, and
# reading all of it made a line of 50k "Mr. A." pieces take minutes (quadratic).
_WINDOW = 64


def _should_join(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """True when the boundary between two segments of one line is a false split."""
    cut = max(left[0], left[1] - _WINDOW)
    # A cut window starts with "x" so its "^" is never mistaken for the segment's start.
    head = ("x" if cut > left[0] else "") + text[cut : left[1]]
    tail = text[right[0] : min(right[1], right[0] + _WINDOW)]
    word = _LAST_WORD.search(head)
    if word and word.group(1) in _TITLE_ABBREVIATIONS:
        return True
    if _SINGLE_INITIAL.search(head):
        return True
    if _BRACKETED_TAG.match(tail):
        return True
    first = _FIRST_LETTER.match(tail)
    return bool(first and first.group(1).islower())


def _split_acronym_boundaries(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Split "... the U.S. He said" that syntok left whole."""
    start, end = span
    pieces: list[tuple[int, int]] = []
    for gap in _ACRONYM_THEN_STARTER.finditer(text, start, end):
        pieces.append((start, gap.start(1)))
        start = gap.end(1)
    pieces.append((start, end))
    return pieces


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Exact (start, end) offsets of the sentences of ``text``, in order, never empty.

    ``text[start:end]`` has no surrounding whitespace; a line break always ends a sentence, so
    headlines and bylines without a full stop stay on their own. A sentence is at most
    MAX_SENTENCE characters where nothing could end it (see ``_groups``).
    """
    result: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        checkpoint()  # a paragraph at a time: a caller may stop a long split (base/cancel.py)
        for start, end, whole in _groups(text, line.start(), line.end()):
            if whole:
                start, end = _strip(text, start, end)
                if start < end:
                    result.append((start, end))
            elif _VISIBLE.search(text, start, end):
                _split_group(text, start, end, result)
    return result


def _groups(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, whole) pieces of one line: the splitter's to cut (whole False), or, for a
    run of more than MAX_SENTENCE characters holding no character where the splitter could
    end a sentence (it would return the run whole, after reading every word of it), pieces
    of at most MAX_SENTENCE characters cut at a space, each a sentence (whole True). So a
    20 MiB line without a full stop costs a scan, not the splitter's ~5 us a word."""
    # at: the splitter's next piece; run: the run since the latest candidate; last_run: the
    # final run (a last piece starting in it holds no candidate: it is whole)
    at = run = last_run = start
    long = end - start > MAX_SENTENCE
    if long:
        for found in chain(_CANDIDATE.finditer(text, start, end), (None,)):
            stop = end if found is None else found.start()
            if stop - run > MAX_SENTENCE:
                if run > at:
                    yield at, run, False
                cut = run
                while stop - cut > MAX_SENTENCE:
                    space = text.rfind(" ", cut + MAX_SENTENCE // 2, cut + MAX_SENTENCE)
                    nxt = space if space > cut else cut + MAX_SENTENCE
                    yield cut, nxt, True
                    checkpoint()
                    cut = nxt
                at = cut  # the rest of the run starts the splitter's next piece
            last_run = run
            run = end if found is None else found.end()
    if at < end:
        yield at, end, long and at >= last_run


def _split_group(text: str, start: int, end: int, result: list[tuple[int, int]]) -> None:
    """syntok's sentences of text[start:end] (part of one line), false splits joined and
    acronym boundaries split, appended to ``result``."""
    segments = _syntok_spans(text[start:end], start) or [(start, end)]
    merged: list[tuple[int, int]] = [segments[0]]
    for seg in segments[1:]:
        if _should_join(text, merged[-1], seg):
            merged[-1] = (merged[-1][0], seg[1])
        else:
            merged.append(seg)
    for span in merged:
        for piece in _split_acronym_boundaries(text, span):
            piece_start, piece_end = _strip(text, *piece)
            if piece_start < piece_end:
                result.append((piece_start, piece_end))


TITLE_SUFFIX = ":title"  # the id of an article's headline passage: f"{article.id}:title"
_NON_WORD = re.compile(r"[\W_]+")


def _words(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def title_passage(article: Article) -> Passage | None:
    """The headline as a passage (offsets index ``article.title``), or None when there is no
    title or the body already starts with it (a one-line report, a title made from the first
    paragraph, a lede that repeats the headline): the same words are never counted twice."""
    title = article.title
    start = len(title) - len(title.lstrip())
    end = len(title.rstrip())
    words = _words(title)
    if not words:
        return None
    # Only the body's first words can repeat the title: linear in the title, not the body.
    head = _words(article.body[: 2 * len(title) + 16])
    if head == words or head.startswith(words + " "):
        return None
    return Passage(f"{article.id}{TITLE_SUFFIX}", article.id, start, end, title[start:end], True)


def split_passages(article: Article) -> list[Passage]:
    """The sentences of an article's body as passages; offsets index ``article.body``."""
    body = article.body
    return [
        Passage(id=f"{article.id}:{i}", article_id=article.id, start=s, end=e, text=body[s:e])
        for i, (s, e) in enumerate(split_sentences(body))
    ]
