"""Small text helpers the conflict checks share: content stems, clause context, verb stems."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from index.base.models import Conflict, ConflictType, Passage, Span
from index.facts.names import name_key
from index.text.lexicon import STOP, stem

__all__ = [
    "STOP",
    "stem",
    "content_stems",
    "clause_around",
    "between",
    "conflict",
    "in_quote",
    "similar_context",
]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@lru_cache(maxsize=8192)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text``, spelling-folded so Zelenskyy == Zelensky."""
    return frozenset(
        name_key(stem(w)) or w for w in _WORD.findall(text) if w.lower() not in STOP and len(w) > 1
    )


_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')


@lru_cache(maxsize=8192)
def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of direct quotes: their dates are the speaker's, their words the quote family's."""
    return tuple((m.start(), m.end()) for m in _QUOTED.finditer(text))


def in_quote(text: str, pos: int) -> bool:
    return any(s < pos < e for s, e in quoted_spans(text))


_CLAUSE_END = re.compile(r"[.!?;]\s")


def clause_around(text: str, start: int, end: int, reach: int = 90) -> str:
    """The words around a span, within its sentence, without the span itself."""
    left = text[max(0, start - reach) : start]
    right = text[end : end + reach]
    if start - reach > 0:
        left = left.split(" ", 1)[-1]  # no half words at the window's edges
    if end + reach < len(text):
        right = right.rsplit(" ", 1)[0]
    left = _CLAUSE_END.split(left)[-1]
    right = _CLAUSE_END.split(right)[0]
    return f"{left} {right}"


def similar_context(a: str, b: str, min_shared: int = 1, ratio: float = 0.34) -> bool:
    """Do two stretches of text talk about the same thing (enough shared content words)?"""
    sa, sb = content_stems(a), content_stems(b)
    if not sa or not sb:
        return False
    shared = len(sa & sb)
    return shared >= min_shared and shared / min(len(sa), len(sb)) >= ratio


def conflict(
    kind: ConflictType, a: str, sa: tuple[int, int], b: str, sb: tuple[int, int], explanation: str
) -> Conflict:
    """A conflict with spans local to the two texts; the explanation is one clean line."""
    line = " ".join(_CONTROL.sub(" ", explanation).split())  # quoted text is untrusted
    return Conflict(
        kind, Span(sa[0], sa[1], a[sa[0] : sa[1]]), Span(sb[0], sb[1], b[sb[0] : sb[1]]), line
    )


def between(
    kind: ConflictType,
    p: Passage,
    sp: tuple[int, int],
    q: Passage,
    sq: tuple[int, int],
    explanation: str,
    body: Mapping[str, str],
) -> tuple[Passage, Passage, Conflict]:
    """An event-wide check's finding: two passages and their conflict, the spans given in each
    passage's text and returned as offsets of its article's body (``body`` by article id)."""
    flag = conflict(
        kind,
        body[p.article_id],
        (p.start + sp[0], p.start + sp[1]),
        body[q.article_id],
        (q.start + sq[0], q.start + sq[1]),
        explanation,
    )
    return p, q, flag


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
