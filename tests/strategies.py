"""Hypothesis strategies the property tests share: hostile text, and what any load must give."""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable
from typing import TypeVar

from hypothesis import strategies as st

from index.base.models import Article, Skipped

T = TypeVar("T")
BAD_CHARS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EXTENSIONS = [".txt", ".md", ".markdown", ".json", ".jsonl"]

# Text built from the pieces that break parsers and terminals: escapes, markup, JSON, BOMs.
PIECES = st.sampled_from(
    [
        "\x1b[",
        "\x1b]52;c;",
        "\x1b]8;;",
        "\x07",
        "\x1b\\",
        "\x9b",
        "\x9d",
        "\x00",
        "\r",
        "\n",
        "\n\n",
        "---\n",
        "+++\n",
        "# ",
        "<b>",
        "</div>",
        "```",
        "> ",
        "- ",
        "{",
        "}",
        "[",
        "]",
        '"',
        ":",
        ",",
        "\ufeff",
        "\u00a0",
        "\u202e",
        "\t",
        "Advertisement",
        "(Yonhap)",
        "title: ",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


def check(result: tuple[list[Article], list[Skipped]]) -> None:
    """What any load must give: Articles or Skipped, one-line reasons, control-free text."""
    articles, skipped = result
    assert all(isinstance(a, Article) for a in articles)
    assert all(isinstance(s, Skipped) and s.reason and "\n" not in s.reason for s in skipped)
    assert articles or skipped
    for art in articles:
        assert art.body and not BAD_CHARS.search(art.body) and not BAD_CHARS.search(art.title)
        assert "\n\n\n" not in art.body and art.body == art.body.strip()
        assert art.title and "\n" not in art.title
        art.body.encode("utf-8")  # no lone surrogates: every later writer needs UTF-8
        art.title.encode("utf-8")
        for value in (art.source, art.url, art.author, art.published):
            assert value is None or (value and not BAD_CHARS.search(value))


# --- linear time (issue 16) --------------------------------------------------------------------
# A hostile input is one short unit repeated to a chosen length between an optional prefix and
# suffix: the shape that makes a backtracking pattern quadratic. Units are single characters of
# every class, and the triggers of the patterns in index/ingest, index/text and index/facts.
CLASS_SAMPLES = list("Aa1 \t\n.,:;!?@#-()[]{}<>*_`\\'\"/|=&+~$%^") + [
    "\n\n",
    "\u2014",
    "\u2019",
    "\u201c",
    "é",
    "\u00a0",
    "\u2028",
    "\x1b",
    "\x07",
    "\x9b",
    "\ufffd",
    "\ufeff",
    "\u202e",
]
TRIGGERS = [
    "AA ",  # dateline place
    "A, ",
    "(A",  # wire tag
    ".(A",
    "A.",  # acronyms, initials
    "A.A. ",
    "Mr. A. ",
    "By A ",
    "a@",  # e-mail trailer
    "@a.",
    "end ",
    "<script>",  # hidden HTML
    "<script> ",
    "<style ",
    "<!-- ",
    "</script",
    "<a ",
    "&#",
    "---\n",  # front matter
    "+++\n",
    "key: ",
    "\x1b[",  # escape sequences
    "\x1b]",
    "\x1bP",
    "[a](",  # Markdown
    "**a",
    "> ",
    "- ",
    "```",
    '{"body":',  # JSON
    '["',
    "Advertisement\n",  # furniture
    "Updated ",
    "Share ",
    "sign up ",
    "this article originally appeared on ",
    "<p>",  # HTML reduction (pages, feed entries)
    "</p>",
    "<br>",
    "<td>",
    "<div><span>",
    "&amp;",
    "<a href='x'>",
    "1,",  # numbers and dates
    "1.5",
    "12 ",
    "$1",
    "3 million ",
    "at least ",
    "-1",
    "May 5 ",
    "2024-",
    "1/2/",
    "Monday, ",
]
EDGES = st.sampled_from(
    ["", "Title\n\n", "---\n", "<script>", "<!--", "By ", "AA (", "# T\n\n", "\n", ")", ". He"]
)
UNIT = st.one_of(
    st.sampled_from(CLASS_SAMPLES),
    st.sampled_from(TRIGGERS),
    st.lists(st.sampled_from(CLASS_SAMPLES + TRIGGERS), min_size=2, max_size=3).map("".join),
    st.text(min_size=1, max_size=4),
)
HOSTILE_RUN = st.tuples(EDGES, UNIT, EDGES)

# Bytes the decoder treats specially: invalid, overlong and surrogate UTF-8, BOMs, cp1252.
BYTE_UNITS = st.one_of(
    st.sampled_from(
        [b"\xc0\xaf", b"\xed\xa0\x80", b"\xff", b"\xe9", b"\xc3\xa9", b"\xef\xbb\xbf", b"\x80"]
    ),
    st.binary(min_size=1, max_size=4).filter(lambda b: b"\x00" not in b),
    UNIT.map(lambda s: s.encode("utf-8", "surrogatepass")),
)

# How much longer the big input is, and how much more work it may cost: linear is 8, n log n
# about 10, quadratic 64. Generous, because these are CPU-time measurements on a shared machine.
GROWTH = 8
MAX_RATIO = 24.0
_FLOOR = 0.001  # seconds: below this a measurement is noise, so the small run counts as this
_SMALL = 1000  # units of input the small run starts at; doubled until it costs _FLOOR


def _cpu_seconds(step: Callable[[T], object], data: T) -> float:
    """The least thread CPU time of three runs of ``step(data)`` (no GC pauses counted)."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(3):
            start = time.thread_time()
            step(data)
            best = min(best, time.thread_time() - start)
    finally:
        gc.enable()
    return best


def work_ratio(step: Callable[[T], object], make: Callable[[int], T]) -> float:
    """How much more CPU ``step`` spends on ``make(GROWTH * n)`` than on ``make(n)``.

    ``make(n)`` builds an input of about n units. n starts at _SMALL and doubles (to 64 times
    that at most) until the small run costs at least _FLOOR, so the ratio is not timer noise.
    """
    n = _SMALL
    small = _cpu_seconds(step, make(n))
    while small < _FLOOR and n < 64 * _SMALL:
        n *= 2
        small = _cpu_seconds(step, make(n))
    return _cpu_seconds(step, make(GROWTH * n)) / max(small, _FLOOR)


def assert_linear(step: Callable[[T], object], make: Callable[[int], T]) -> None:
    """Fail when growing the input GROWTH-fold costs more than MAX_RATIO times the work, in
    each of three measurements (a real quadratic fails every time; a noisy machine not)."""
    ratios = []
    for _ in range(3):
        ratios.append(work_ratio(step, make))
        if ratios[-1] <= MAX_RATIO:
            return
    raise AssertionError(f"work grew {min(ratios):.0f}-fold for an input {GROWTH} times longer")


def repeated(prefix: str, unit: str, suffix: str) -> Callable[[int], str]:
    """``make`` for ``assert_linear``: ``unit`` repeated to about n characters between edges."""
    return lambda n: prefix + unit * max(1, n // len(unit)) + suffix
