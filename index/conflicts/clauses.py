"""Small text helpers the conflict checks share: content stems, clause context, verb stems."""

from __future__ import annotations

import re
from functools import lru_cache

from index.base.models import Conflict, ConflictType, Span
from index.facts.names import name_key

STOP = frozenset(
    "the a an of to in on at for from with by and or but were was are is be been being have has"
    " had who that which will would could can may might should as than into since after before"
    " during said says say according while when where there their its his her our they them it"
    " this these those per each more less not no so if then also all both only just about over"
    " under did do does he she we i you us him me my your what whether whom how why because"
    " last next week month year today yesterday monday tuesday wednesday thursday friday"
    " saturday sunday morning evening night earlier later".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_IRREGULAR = {
    "sent": "send",
    "said": "say",
    "went": "go",
    "took": "take",
    "gave": "give",
    "made": "make",
    "fought": "fight",
    "left": "leave",
    "met": "meet",
    "told": "tell",
    "held": "hold",
    "found": "find",
    "brought": "bring",
    "began": "begin",
    "begun": "begin",
    "came": "come",
    "saw": "see",
    "seen": "see",
    "knew": "know",
    "known": "know",
    "thought": "think",
    "kept": "keep",
    "paid": "pay",
    "led": "lead",
    "shot": "shoot",
    "struck": "strike",
    "sought": "seek",
    "spoke": "speak",
    "spoken": "speak",
    "wrote": "write",
    "written": "write",
    "won": "win",
    "lost": "lose",
    "stood": "stand",
    "ran": "run",
    "hit": "hit",
    "put": "put",
}


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A crude verb/noun stem so 'summoned', 'summons' and 'summoning' compare equal."""
    w = word.lower().strip("'’-")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return re.sub(r"(.)\1$", r"\1", w)  # "planned" -> "plan"


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


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
