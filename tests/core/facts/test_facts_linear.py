"""Facts and conflict patterns run in linear time: doubling hostile input about doubles the work."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings

from index import Article, Passage
from index.conflicts.detect import detect_text_conflicts
from index.conflicts.table import build_fact_table
from index.facts.dates import extract_dates
from index.facts.numbers import extract_quantities
from tests.strategies import HOSTILE_RUN, assert_linear, repeated

# Runs of what the patterns look for: digits, separators, capitals, punctuation, words.
HOSTILE = {
    "digits": "9",
    "groups": "1,000,",
    "dots": "1.5.",
    "capitals": "Abc ",
    "upper": "ABCD",
    "punctuation": "$(-,",
    "quotes": '"a ',
    "numbers": "12 at least 3 more than ",
    "months": "May 5 ",
}


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
def test_growing_hostile_input_grows_the_work_in_proportion(check: str, kind: str) -> None:
    """CPU time, not wall time: a loaded machine slows both runs alike (tests/strategies)."""
    assert_linear(CHECKS[check], repeated("", HOSTILE[kind], ""))


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
