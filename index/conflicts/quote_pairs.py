"""Quotes of one utterance across an event's reports, wherever they stand, worded differently.

Two reports quote the same words in passages that need not align (a lede against paragraph
nine), and a quote often runs over several sentences, so that a passage opens inside it or
closes it. Quoted spans are found per report by following the quote marks through the whole
body; spans of different reports that share most of their content words are compared with the
same test as quotes of one sentence pair (index/conflicts/quotes.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from index.base.models import Article, Conflict, Passage
from index.conflicts.clauses import conflict
from index.conflicts.quotes import judge_quotes, quote_stems, same_speaker
from index.facts.names import candidate_names

# Straight quotes toggle; curly ones say which side they are on.
_MARK = re.compile(r"[\"“”]")
# A quote that runs longer than this is an unbalanced mark, not speech.
_LONGEST = 1500
# Content words a quote needs before it can be told apart from another (shorter ones are
# phrases: "a grave threat", "tense").
_MIN_WORDS = 3
# Quotes sharing a content word with more reports than this are too common to pair by it.
_COMMON = 12
# ...or in more quotes than this (a report quoting one word again and again): work stays bounded.
_MOST = 60


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted words inside one passage (a quote over several passages gives one span each)."""

    passage: Passage
    start: int  # offsets in the passage's source (the body, or the title for a headline)
    end: int
    text: str
    speakers: tuple[str, ...]
    content: frozenset[str]


def _regions(body: str) -> list[tuple[int, int]]:
    """(start, end) of the quoted text in a body, following the marks across sentences."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _MARK.finditer(body):
        mark = m.group()
        if opened is None:
            if mark != "”":
                opened = m.end()
            continue
        if mark == "“":
            opened = m.end()  # a new opening: the last one was never closed
            continue
        if m.start() - opened <= _LONGEST:
            out.append((opened, m.start()))
        opened = None
    return out


def _speakers(body: str, passages: Sequence[Passage], region: tuple[int, int]) -> tuple[str, ...]:
    """Names in the passages a quote touches, outside the quote: who is quoted."""
    names: list[str] = []
    for p in passages:
        if p.end <= region[0] or p.start >= region[1]:
            continue
        for s, _end, form in candidate_names(p.text):
            if not (region[0] <= p.start + s < region[1]):
                names.append(form)
    return tuple(names)


def report_quotes(article: Article, passages: Sequence[Passage]) -> list[QuoteSpan]:
    """Every quoted span of one report, cut at its passages' bounds."""
    out: list[QuoteSpan] = []
    # A headline's offsets index the title: its quotes are followed there, apart from the body's.
    for source, known in (
        (article.body, [p for p in passages if not p.in_title]),
        (article.title, [p for p in passages if p.in_title]),
    ):
        out.extend(_source_quotes(source, known))
    return out


def _source_quotes(source: str, passages: Sequence[Passage]) -> list[QuoteSpan]:
    """The quoted spans of one text (a body or a title) cut at its passages' bounds."""
    out: list[QuoteSpan] = []
    if not passages:
        return out
    for region in _regions(source):
        speakers = _speakers(source, passages, region)
        for p in passages:
            start, end = max(region[0], p.start), min(region[1], p.end)
            text = source[start:end]
            stripped = text.strip(" ,.;:")
            if not stripped:
                continue
            start += text.index(stripped)
            end = start + len(stripped)
            content = quote_stems(stripped)
            if len(content) >= _MIN_WORDS:
                out.append(QuoteSpan(p, start, end, stripped, speakers, content))
    return out


def quote_pair_conflicts(
    articles: Sequence[Article], by_article: Mapping[str, Sequence[Passage]]
) -> list[tuple[Passage, Passage, Conflict]]:
    """Reworded quotes between passages of different reports; spans index each passage's source
    (the body, or the title for a headline)."""
    by_id = {a.id: a for a in articles}
    spans = [q for a in articles for q in report_quotes(a, by_article.get(a.id, ()))]
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(spans):
        for w in q.content:
            by_word[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in by_word.values():
        if len(ids) > _MOST or len({spans[i].passage.article_id for i in ids}) > _COMMON:
            continue
        pairs.update(combinations(ids, 2))
    out: list[tuple[Passage, Passage, Conflict]] = []
    done: set[tuple[str, str]] = set()
    for i, j in sorted(pairs):
        x, y = spans[i], spans[j]
        if x.passage.article_id == y.passage.article_id:
            continue
        key = (x.passage.id, y.passage.id)
        if key in done or len(x.content & y.content) < 2:
            continue
        why = judge_quotes(x.text, y.text, same_speaker(x.speakers, y.speakers))
        if why is None:
            continue
        done.add(key)
        tx = x.passage.source(by_id[x.passage.article_id])
        ty = y.passage.source(by_id[y.passage.article_id])
        found = conflict("quote", tx, (x.start, x.end), ty, (y.start, y.end), why)
        out.append((x.passage, y.passage, found))
    return out
