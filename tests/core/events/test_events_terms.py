"""The batch tokenizer gives exactly the terms of a plain token-by-token reading of each article.

The reference below is the grouping's first tokenizer (one Python step per token); the fast one
(index/events/scan.py, terms.py) reaches the same terms through whole-text regular expressions
over an ASCII "shadow" of the text and sums in numpy. Any difference in a token's span, in what
opens a sentence, in a run of capitals or in a date would show here.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from index.events.scan import shadow
from index.events.terms import Tokenizer, article_terms
from index.events.words import (
    NAME_WEIGHT,
    NUMBER_WEIGHT,
    TITLE_WEIGHT,
    dates,
    published_month,
    word_feature,
)

_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019-]*\w)?|\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_OPENERS = " \t\"'([\u2018\u201c"
_CLOSERS = "\"'\u2019\u201d)"


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r"


def _tokens(text: str) -> list[tuple[str, bool, bool, int, int]]:
    out = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        start, end = match.span()
        if raw[0].isdigit():
            token = raw.replace(",", "") if _THOUSANDS.fullmatch(raw) else raw
            out.append(("#" + token, bool(_YEAR.fullmatch(token)), True, start, end))
            continue
        word = word_feature(raw.lower())
        if word:
            name = raw[0].isupper() and not _sentence_initial(text, start)
            out.append((word, name, False, start, end))
    return out


def _phrases(text: str, tokens: list[tuple[str, bool, bool, int, int]]) -> list[str]:
    found = []
    run: list[str] = []
    last_end = -2
    for word, _, is_number, start, end in tokens:
        adjacent = start == last_end + 1 and text[last_end] == " "
        if not is_number and text[start].isupper() and (adjacent or not run):
            run.append(word)
        else:
            if len(run) > 1:
                found.append("_".join(run))
            run = [word] if not is_number and text[start].isupper() else []
        last_end = end
    if len(run) > 1:
        found.append("_".join(run))
    return found


def reference(title: str, body: str, published: str | None) -> tuple[dict, dict]:
    tokens = _tokens(body)
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for word, is_name, is_number, _, _ in tokens:
        if not is_number:
            (capital if is_name else lower)[word] += 1
    names = {w for w, n in capital.items() if n > lower.get(w, 0)}
    body_phrases = _phrases(body, tokens)
    counts: dict[str, float] = {}
    kinds: dict[str, float] = {}
    for text, toks, phrases, boost in (
        (body, tokens, body_phrases, 1.0),
        (title, _tokens(title), None, TITLE_WEIGHT),
    ):
        for word, flag, is_number, _, _ in toks:
            counts[word] = counts.get(word, 0.0) + boost
            if is_number:
                kinds[word] = NAME_WEIGHT if flag else NUMBER_WEIGHT if len(word) > 2 else 1.0
            else:
                kinds[word] = NAME_WEIGHT if word in names else 1.0
        if phrases is None:
            phrases = [p for p in _phrases(text, toks) if p in body_phrases]
        for feature in phrases + dates(text):
            counts[feature] = counts.get(feature, 0.0) + boost
            kinds[feature] = NAME_WEIGHT
    month = published_month(published)
    if month:
        counts[month] = 1.0
        kinds[month] = NAME_WEIGHT
    return counts, kinds


# Pieces that move token, sentence and run boundaries, in ASCII and beyond
_PIECES = st.sampled_from(
    [
        " ",
        "  ",
        ". ",
        "? ",
        ": ",
        "\n",
        "\t",
        '"',
        "'",
        "\u2019",
        "\u2018",
        "\u201c",
        "\u201d",
        "(",
        ")",
        "[",
        "-",
        "_",
        ",",
        "`",
        "<",
        "{",
        "|",
        "~",
        "1",
        "2009",
        "1,500",
        "6.4",
        "3",
        "Red",
        "Sox",
        "The",
        "A",
        "a",
        "of",
        "Mar",
        "March",
        "Sept.",
        "12",
        "x",
        "mcDonald",
        "\u00c9cole",
        "\u00e9t\u00e9",
        "\u0130stanbul",
        "\u01c5",
        "\u00b2",
        "\u0663",
        "Zo\u00eb",
        "O'Neil",
        "rock'n'roll",
        "isn't",
        "U.S.",
        "New York",
        "Bank",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT, _TEXT, st.sampled_from([None, "", "2009-03-04", "1999-12", "x"]))
def test_terms_equal_the_token_by_token_reading(
    title: str, body: str, published: str | None
) -> None:
    assert article_terms(title, body, published) == reference(title, body, published)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_the_shadow_keeps_every_offset(text: str) -> None:
    assert len(shadow(text)) == len(text) and shadow(text).isascii()


def test_real_reports_in_one_batch(corpus_dir: Path) -> None:
    from index.ingest.loader import load_corpus

    articles, _ = load_corpus(corpus_dir)
    tokenizer = Tokenizer()
    rows = tokenizer.rows([(a.title, a.body, a.published) for a in articles])
    for r, a in enumerate(articles):
        span = slice(rows.ptr[r], rows.ptr[r + 1])
        names = [tokenizer.vocabulary[f] for f in rows.features[span].tolist()]
        got = (
            dict(zip(names, rows.counts[span].tolist(), strict=True)),
            dict(zip(names, rows.kinds[span].tolist(), strict=True)),
        )
        assert got == reference(a.title, a.body, a.published), a.id
