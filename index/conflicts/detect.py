"""Typed conflicts between aligned passages: numbers, dates, roles, actors, claims, quotes."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from index.base.models import Article, Conflict, Passage, Span
from index.conflicts.actors import actor_conflicts
from index.conflicts.bodies import body_conflicts
from index.conflicts.certainty import certainty_conflicts, negation_conflicts
from index.conflicts.dates import date_conflicts
from index.conflicts.doers import subject_conflicts
from index.conflicts.numbers import number_conflicts, tally_conflicts
from index.conflicts.quotes import quote_conflicts, quote_diff
from index.conflicts.roles import role_conflicts

_NON_WORD = re.compile(r"\W+")
_Check = Callable[[str, str, "str | None", "str | None"], list[Conflict]]


def _no_dates(check: Callable[[str, str], list[Conflict]]) -> _Check:
    def run(a: str, b: str, _pa: str | None, _pb: str | None) -> list[Conflict]:
        return check(a, b)

    return run


# Quotes first: a reworded quote explains the number or negation inside it better.
_CHECKS: list[_Check] = [
    _no_dates(quote_conflicts),
    _no_dates(number_conflicts),
    _no_dates(tally_conflicts),
    date_conflicts,
    _no_dates(role_conflicts),
    _no_dates(actor_conflicts),
    _no_dates(subject_conflicts),
    _no_dates(body_conflicts),
    _no_dates(negation_conflicts),
    _no_dates(certainty_conflicts),
]
__all__ = ["detect_conflicts", "detect_text_conflicts", "quote_diff"]


@lru_cache(maxsize=8192)
def _normal(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


@lru_cache(maxsize=8192)
def _detect(
    a: str, b: str, published_a: str | None, published_b: str | None
) -> tuple[Conflict, ...]:
    if _normal(a) == _normal(b):
        # The same words: a wire copy republished a day later is not a date conflict either.
        return ()
    found: list[Conflict] = []
    for check in _CHECKS:
        for c in check(a, b, published_a, published_b):
            # One disagreement per pair of spans: the first family that explains it wins.
            if not any(_overlaps(c.a, f.a) and _overlaps(c.b, f.b) for f in found):
                found.append(c)
    return tuple(found)


def _overlaps(x: Span, y: Span) -> bool:
    return x.start < y.end and y.start < x.end


def detect_text_conflicts(
    a: str, b: str, published_a: str | None = None, published_b: str | None = None
) -> tuple[Conflict, ...]:
    """Conflicts between two bare statements; span offsets index ``a`` and ``b``."""
    return _detect(a, b, published_a, published_b)


def detect_conflicts(
    a: Passage, b: Passage, article_a: Article, article_b: Article
) -> tuple[Conflict, ...]:
    """Conflicts between two aligned passages; spans are offsets into each article's body (its
    title for a headline passage)."""
    out = []
    for c in detect_text_conflicts(a.text, b.text, article_a.published, article_b.published):
        sa = _shift(c.a, a.start, a.source(article_a))
        sb = _shift(c.b, b.start, b.source(article_b))
        out.append(Conflict(c.type, sa, sb, c.explanation))
    return tuple(out)


def _shift(span: Span, offset: int, body: str) -> Span:
    start, end = span.start + offset, span.end + offset
    return Span(start, end, body[start:end])
