"""Sentence splitting costs time linear in its input, whatever the input (issue 16).

Same method as tests/core/ingest/test_linear_time.py: an input 8 times longer may cost at most
24 times the CPU. ``NEWSREADER_FUZZ_EXAMPLES`` sets the number of generated inputs (default 15).
"""

from __future__ import annotations

import os

from hypothesis import example, given, settings

from index.text.sentences import split_sentences
from tests.strategies import HOSTILE_RUN, assert_linear, repeated


@settings(max_examples=int(os.environ.get("NEWSREADER_FUZZ_EXAMPLES", "15")), deadline=None)
@given(HOSTILE_RUN)
@example(("", "A.", ""))  # the acronym pattern read a run of "A." to its end from each letter
@example(("", "A.", " He said."))
@example(("", "Mr. A. ", ""))
def test_sentence_splitting_is_linear(run: tuple[str, str, str]) -> None:
    assert_linear(split_sentences, repeated(*run))
