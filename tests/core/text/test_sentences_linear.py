"""Sentence splitting costs time linear in its input, whatever the input (issue 16).

Same method as tests/core/ingest/test_linear_time.py: an input 8 times longer may cost at most
24 times the CPU. ``NEWSREADER_FUZZ_EXAMPLES`` sets the number of generated inputs (default 15).
"""

from __future__ import annotations

import os
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from syntok import segmenter

from index.text import sentences
from index.text.sentences import MAX_SENTENCE, split_sentences
from tests.strategies import HOSTILE_RUN, assert_linear, repeated


@settings(max_examples=int(os.environ.get("NEWSREADER_FUZZ_EXAMPLES", "15")), deadline=None)
@given(HOSTILE_RUN)
@example(("", "A.", ""))  # the acronym pattern read a run of "A." to its end from each letter
@example(("", "A.", " He said."))
@example(("", "Mr. A. ", ""))
def test_sentence_splitting_is_linear(run: tuple[str, str, str]) -> None:
    assert_linear(split_sentences, repeated(*run))


def test_a_line_without_full_stops_is_cut_at_spaces_without_the_splitter() -> None:
    """2 MB of words with no character where syntok could end a sentence: pieces of at most
    MAX_SENTENCE characters cut at spaces, every word kept once, syntok never called (it cost
    ~5 us a word: 23 s for 20 MiB)."""
    text = "Harbour " + "ferry, gull: pier -- " * 100_000 + "Done"
    with patch.object(sentences, "_syntok_spans", side_effect=AssertionError("syntok called")):
        with pytest.raises(AssertionError):
            split_sentences("A. B")
        spans = split_sentences(text[:-4])  # the last piece is the splitter's: keep it short
    assert all(0 < end - start <= MAX_SENTENCE for start, end in spans)
    assert " ".join(text[s:e] for s, e in spans) == text[:-4].strip()
    assert all(text[s - 1] == " " for s, _ in spans[1:])  # cut at spaces


def test_long_runs_are_cut_only_where_nothing_could_end_a_sentence() -> None:
    """Sentences around a long run keep the splitter's cuts; the run's last part starts the
    next sentence the splitter reads; lines under the limit are not touched."""
    run = "word " * 1000  # 5,000 characters
    text = f"First one. Second (two) here. {run}tail end. Last one!"
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans[:2] == ["First one.", "Second (two) here."]
    assert spans[-1] == "Last one!"
    assert spans[-2].endswith("tail end.") and len(spans[-2]) <= MAX_SENTENCE
    assert all(len(x) <= MAX_SENTENCE for x in spans)
    assert "".join(spans).replace(" ", "") == text.replace(" ", "")
    short = "Mr. Kim said so. (Yonhap) It rained; then it stopped."
    assert split_sentences(short) == split_sentences(short + "\n")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["The", "word", "Mr", "U", ")", "]", "}", '"', "'", ",", ":", "-", "\u2014", "2,5"]
            + ["And", "He", "\u201c", "\u201d", "\u2019", "\n", "\u00e9", "x"]
        ),
        max_size=30,
    ),
    st.booleans(),
)
def test_syntok_never_splits_a_run_without_a_candidate(words: list[str], spaced: bool) -> None:
    """The premise of the rule: without a terminal or an opening bracket, syntok returns a
    line whole."""
    line = (" " if spaced else "").join(words).replace("\n", " ")
    assert not sentences._CANDIDATE.search(line)
    found = [s for paragraph in segmenter.analyze(line) for s in paragraph if s]
    assert len(found) <= 1
