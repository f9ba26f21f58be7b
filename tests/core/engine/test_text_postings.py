"""A field value's postings from arrays: Whoosh's own value bytes, in memory a small multiple of
the text however often a word repeats."""

from __future__ import annotations

import random
import tracemalloc
from array import array
from itertools import accumulate
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from whoosh.analysis.tokenizers import default_pattern
from whoosh.formats import Characters, Positions

from index.engine import posting_values, text_postings
from index.engine.analyzer import FastNewsAnalyzer
from index.engine.posting_values import characters_value, positions_value
from index.engine.schema import build_schema

# Values on both sides of each width pickle chooses (1, 2 or 4 bytes).
EDGES = [0, 1, 255, 256, 257, 65535, 65536, 70000, 2**24, 2**31 - 2]


def occurrences(rng: random.Random, count: int, big: bool) -> list[tuple[int, int, int]]:
    """(position, start, end) of ``count`` words, ascending, gaps sometimes on the edges."""
    out, pos, end = [], -1, 0
    for _ in range(count):
        gap = rng.choice(EDGES[1:6]) if big and rng.random() < 0.2 else rng.randint(1, 3)
        pos += gap
        start = end + (rng.choice(EDGES[:7]) if big and rng.random() < 0.2 else rng.randint(0, 2))
        end = start + (rng.choice(EDGES[1:5]) if big and rng.random() < 0.1 else rng.randint(1, 9))
        out.append((pos, start, end))
    return out


@pytest.mark.parametrize("count", [1, 2, 255, 256, 257, 999, 1000, 1001, 2000, 2001, 4500])
@pytest.mark.parametrize("big", [False, True])
def test_values_are_the_bytes_whooshs_formats_encode(count: int, big: bool) -> None:
    """Both ways of writing (a list pickled, numpy a pass at a time) give Whoosh's bytes,
    across pickle's int widths, its memo forms (entry 256 on) and its batches of 1,000."""
    items = occurrences(random.Random(count * 2 + big), count, big)
    # the k-th kept word is the one at position first + k: fill the offsets of every k
    first = items[0][0]
    kept = array("I", [p - first for p, _, _ in items])
    starts, ends = array("I", bytes(4 * (kept[-1] + 1))), array("I", bytes(4 * (kept[-1] + 1)))
    for k, (_, s, e) in zip(kept, items, strict=True):
        starts[k], ends[k] = s, e
    chars = Characters().encode(items)
    positions = Positions().encode([p for p, _, _ in items])
    for vector_from in (10**9, 2):  # never / always numpy
        with (
            patch.object(posting_values, "VECTOR_FROM", vector_from),
            patch.object(posting_values, "PASS_ITEMS", 2000),
        ):
            assert characters_value(first, kept, starts, ends) == chars
            assert positions_value(first, kept) == positions


TOKENS = ["the", "of", "a", "U.N.", "3.5%", "it's", "..", "a.b..c", "**", "Priština", "--"]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(TOKENS + ["ferry", "Runs", "x"]) | st.text(max_size=5), max_size=60),
    st.sampled_from([" ", "\n", "", ". "]),
)
# a first piece with no word at all, then a stop word: the first kept word is still the second
# (found by CI: the wordless piece was taken for one whose first word was kept)
@example(tokens=["..", "::::::", "the", "U.N."], sep=" ")
def test_postings_of_text_cut_in_chunks_are_the_fields_own(tokens: list[str], sep: str) -> None:
    """Chunks of 8 characters (so every cut and the grouping by term ids are exercised) give
    what Whoosh's own field.index gives, for the title and body formats."""
    text = sep.join(tokens)
    schema = build_schema()
    with patch.object(text_postings, "CHUNK", 8):
        for name, chars in (("title", False), ("body", True)):
            field = schema[name]
            expected = sorted((t, f, v) for t, f, _w, v in field.index(text))
            postings, length = FastNewsAnalyzer().postings(text, chars)
            assert sorted(postings) == expected
            assert length == sum(f for _, f, _ in expected)


def test_a_long_text_with_frequent_words_is_the_fields_own() -> None:
    text = "The ferry, the pier and a gull; " * 2000 + "U.N. " * 700 + "harbour"
    schema = build_schema()
    for name, chars in (("title", False), ("body", True)):
        field = schema[name]
        expected = sorted((t, f, v) for t, f, _w, v in field.index(text))
        postings, _length = FastNewsAnalyzer().postings(text, chars)
        assert sorted(postings) == expected
        assert max(f for _, f, _ in postings) > posting_values.VECTOR_FROM


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab.* -\u00e9\u0663", max_size=80))
def test_the_split_pattern_finds_whooshs_tokens(text: str) -> None:
    parts = text_postings._split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    spans = list(zip(offsets[1:-1:2], offsets[2::2], strict=True))
    assert parts[1::2] == [m.group() for m in default_pattern.finditer(text)]
    assert spans == [m.span() for m in default_pattern.finditer(text)]


def test_one_word_repeated_costs_memory_a_small_multiple_of_the_text() -> None:
    """A 2 MB one-word text: a tuple per word (and its copy) peaked at ~60x the text."""
    text = "word " * 400_000
    analyzer = FastNewsAnalyzer()
    analyzer.postings(text[:1000], True)  # numpy and the memo, outside the measure
    tracemalloc.start()
    try:
        postings, length = analyzer.postings(text, True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert length == 400_000
    assert [(term, count) for term, count, _ in postings] == [(b"word", 400_000)]
    assert peak < 16 * len(text)
