"""Facts and conflict patterns run in linear time: doubling hostile input about doubles the work."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings

from index import Article, Passage
from index.conflicts.detect import detect_text_conflicts
from index.conflicts.table import build_fact_table
from index.facts.dates import extract_dates
from index.facts.numbers import extract_quantities
from tests.strategies import HOSTILE_RUN, assert_linear, repeated

# Long runs of what the patterns look for: digits, separators, capitals, punctuation, words.
HOSTILE = {
    "digits": "9" * 4000,
    "groups": "1,000," * 700,
    "dots": "1.5." * 1000,
    "capitals": "Abc " * 1000,
    "upper": "ABCD" * 1000,
    "punctuation": "$(-," * 1000,
    "quotes": '"a ' * 1300,
    "numbers": "12 at least 3 more than " * 200,
    "months": "May 5 " * 700,
}


def _cost(fn: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - began)
    return best


def _table(text: str) -> object:
    # The comparison hands its passages to the table; here the whole text is one passage, so
    # the sentence splitter (checked in tests/core/text) is not what is timed.
    a = Article("a.txt", "a.txt", text[:200], text)
    b = Article("b.txt", "b.txt", "t", text[::-1])
    whole = {x.id: [Passage(f"{x.id}:0", x.id, 0, len(x.body), x.body)] for x in (a, b)}
    return build_fact_table([a, b], whole)


CHECKS: dict[str, Callable[[str], object]] = {
    "quantities": lambda t: extract_quantities(t + " "),
    "dates": lambda t: extract_dates(t + " ", "2024-01-02"),
    "pairwise": lambda t: detect_text_conflicts(t + " ", t + "  "),
    "table": _table,
}


@pytest.mark.parametrize("check", sorted(CHECKS))
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_doubling_hostile_input_about_doubles_the_work(check: str, kind: str) -> None:
    fn, text = CHECKS[check], HOSTILE[kind]
    small, large = _cost(fn, text), _cost(fn, text + text)
    # Linear work doubles; a quadratic pattern quadruples. Timer noise on tiny runs is
    # absorbed by the floor of 50 ms.
    assert large <= 3.0 * small + 0.05, f"{check} on {kind}: {small:.4f}s -> {large:.4f}s"


EXAMPLES = settings(
    max_examples=int(os.environ.get("NEWSREADER_FUZZ_EXAMPLES", "15")), deadline=None
)


@EXAMPLES
@given(HOSTILE_RUN)
@example(("", "9", ""))
@example(("", "1,", " people"))
@example(("On ", "May 5 ", "2024."))
def test_number_and_date_extraction_are_linear(run: tuple[str, str, str]) -> None:
    """Long runs of every character class and of each pattern's trigger (tests/strategies):
    an input 8 times longer costs at most 24 times the CPU, counted per thread."""
    assert_linear(extract_quantities, repeated(*run))
    assert_linear(lambda text: extract_dates(text, "2024-01-02"), repeated(*run))
