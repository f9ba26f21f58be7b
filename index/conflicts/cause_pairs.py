"""Why it happened: a cause one report denies and another asserts.

"A source said the Cleveland losses played no role in the firing" in one report and "the 88-72
loss in Cleveland was the last straw" in another: the first says the loss did not cause it, the
second that it did. A denied cause ("played no role in", "had nothing to do with", "was not the
reason for") and an asserted one ("was the last straw", "was the reason", "the cause") are about
the same thing when their subjects share two content words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index.base.models import Article, Conflict, Passage
from index.conflicts.clauses import between
from index.conflicts.pairing import body_passages, opposed
from index.text.lexicon import STOP, stem

__all__ = ["cause_pair_conflicts"]

_SUBJECT = r"(?P<subject>[^.;:!?]{3,100}?)"
_DENIED = re.compile(
    _SUBJECT + r"\s+(?:(?:played|plays|had|has|have)\s+no\s+(?:role|part)\s+in"
    r"|(?:had|has|have)\s+nothing\s+to\s+do\s+with"
    r"|(?:was|were|is|are)\s+not\s+(?:the\s+)?(?:reason|cause)\s+(?:for|of))\b",
    re.IGNORECASE,
)
_ASSERTED = re.compile(
    _SUBJECT + r"\s+(?:was|were|is|are|proved)\s+(?:\w+ly\s+)?(?:the\s+)?"
    r"(?:last\s+straw|final\s+straw|reason|cause|trigger|catalyst)\b",
    re.IGNORECASE,
)
# Where a subject starts: after a reporting "that" (a comma may set off an apposition).
_LEAD = re.compile(r".*\bthat\b\s*", re.IGNORECASE | re.DOTALL)
_WORD = re.compile(r"[A-Za-z][a-z']{2,}")
_MIN_SHARED = 2
# Causes told in one event beyond which it is a list, not one story's reasons.
_MOST = 40


def _causes(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int, frozenset[str]]]:
    out = []
    for m in pattern.finditer(text):
        lead = _LEAD.match(m.group("subject"))
        start = m.start("subject") + (lead.end() if lead else 0)
        subject = text[start : m.end("subject")]
        words = frozenset(stem(w.lower()) for w in _WORD.findall(subject) if w.lower() not in STOP)
        out.append((start, m.end(), words))
    return out


def cause_pair_conflicts(
    articles: Sequence[Article], by_article: Mapping[str, Sequence[Passage]]
) -> list[tuple[Passage, Passage, Conflict]]:
    """A cause denied in one report and asserted in another; spans are body offsets."""
    body, passages = body_passages(articles, by_article)
    out: list[tuple[Passage, Passage, Conflict]] = []
    found = opposed(passages, lambda t: _causes(t, _DENIED), lambda t: _causes(t, _ASSERTED), _MOST)
    for p, (ps, pe, pw), q, (qs, qe, qw) in found:
        if len(pw & qw) >= _MIN_SHARED:
            why = f'Cause differs: "{" ".join(p.text[ps:pe].split())}" vs "{q.text[qs:qe]}"'
            out.append(between("negation", p, (ps, pe), q, (qs, qe), why, body))
    return out
