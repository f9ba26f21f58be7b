"""The one-pass analyzer gives exactly the tokens of Whoosh's stemming + accent-folding chain."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import CharsetFilter, StemmingAnalyzer
from whoosh.support.charset import accent_map

from index.engine.analyzer import FastNewsAnalyzer

REFERENCE = StemmingAnalyzer(minsize=1) | CharsetFilter(accent_map)
TEXTS = [
    "The troops were withdrawn from Priština on Monday, 5 dead and 12 injured.",
    'It is not what THE minister said: "we will NOT resign" (U.N. envoy, 3.5%).',
    "Ça va? Müller's café-bar re-opened; under_score words and 1,300 ships at 2 a.m.",
    "",
    "   ",
    "a an the of to",
    "Running runs ran; hospitals hospitalised; Ελληνικά κείμενα και 東京 news.",
]
WORDS = [
    "the",
    "of",
    "Troops",
    "running",
    "Priština",
    "café",
    "x",
    "5",
    "U.N.",
    "it's",
    "AND",
    "régime",
    "hospitals",
    "under_score",
    "3.14",
    "Ωmega",
    "a",
    "not",
    "?!",
    "--",
]


def tokens(analyzer, text: str, **kwargs) -> list[tuple]:
    return [
        (
            t.text,
            getattr(t, "pos", None),
            getattr(t, "startchar", None),
            getattr(t, "endchar", None),
            t.stopped,
            getattr(t, "original", None),
        )
        for t in analyzer(text, **kwargs)
    ]


MODES = [
    {},
    {"positions": True, "chars": True, "mode": "index"},
    {"positions": True, "chars": True, "removestops": False, "mode": "query"},
    {"positions": True, "start_pos": 7, "start_char": 40, "keeporiginal": True},
    {"no_morph": True, "removestops": False},
    {"tokenize": False},
    {"tokenize": False, "removestops": False, "positions": True, "chars": True},
]


def test_same_tokens_as_the_whoosh_chain_on_news_text() -> None:
    fast = FastNewsAnalyzer()
    for text in TEXTS + WORDS:
        for kwargs in MODES:
            assert tokens(fast, text, **kwargs) == tokens(REFERENCE, text, **kwargs), (text, kwargs)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=25), st.sampled_from(MODES))
def test_same_tokens_on_generated_text(words: list[str], kwargs: dict) -> None:
    text = " ".join(words)
    assert tokens(FastNewsAnalyzer(), text, **kwargs) == tokens(REFERENCE, text, **kwargs)


def test_pickles_without_its_memo() -> None:
    fast = FastNewsAnalyzer()
    list(fast("Troops withdrew"))
    copy = pickle.loads(pickle.dumps(fast))
    assert copy == fast and copy._memo == {}
    assert [t.text for t in copy("Troops withdrew")] == ["troop", "withdrew"]
