"""How the same people died, told two ways: "burnt to death" in one report, "suffocated to
death" in another.

"<verb> to death" names the manner of a death. Two reports that give the same dead (the same
count, or two more words in common) different manners disagree on how it happened; verbs of
one manner ("burned" / "burnt", "choked" / "suffocated") are one act (index/text/lexicon.py).
Verdicts, not manners, are left alone: "sentenced to death", "put to death", "bored to death".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index.base.models import Article, Conflict, Passage
from index.conflicts.clauses import between, in_quote
from index.facts.numbers import extract_quantities
from index.text.lexicon import STOP, act_class, is_past, stem

__all__ = ["manner_pair_conflicts"]

_MANNER = re.compile(r"\b([a-z]+)\s+to\s+death\b")
# A sentence or a feeling, not how someone died.
_NOT_MANNER = frozenset(
    "sentenced condemned put doomed bored scared frightened worried tickled".split()
)
_WORD = re.compile(r"[a-z][a-z']{2,}")
_MIN_SHARED = 2  # content words the two passages share when no count of the dead does
# More passages than this telling a manner of death is a list or a generated text, not one
# event's dead: they are not paired (the work stays linear).
_MOST = 60


def _manners(text: str) -> list[tuple[int, int, str]]:
    """(start, end, manner) of each "<past verb> to death" outside quotes."""
    out = []
    for m in _MANNER.finditer(text):
        verb = m.group(1)
        if verb in _NOT_MANNER or not is_past(verb) or in_quote(text, m.start()):
            continue
        out.append((m.start(), m.end(), act_class(stem(verb))))
    return out


def _counts(text: str) -> frozenset[float]:
    return frozenset(q.value for q in extract_quantities(text) if q.value == int(q.value))


def _words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(text.lower()) if w not in STOP)


def manner_pair_conflicts(
    articles: Sequence[Article], by_article: Mapping[str, Sequence[Passage]]
) -> list[tuple[Passage, Passage, Conflict]]:
    """Passages of two reports giving the same dead two manners of death; body offsets."""
    body = {a.id: a.body for a in articles}
    found = [
        (p, manners, _counts(p.text), _words(p.text))
        for a in articles
        for p in by_article.get(a.id, ())
        if not p.in_title
        for manners in [_manners(p.text)]
        if manners
    ]
    out: list[tuple[Passage, Passage, Conflict]] = []
    if len(found) > _MOST:
        return out
    for i, (p, mp, cp, wp) in enumerate(found):
        for q, mq, cq, wq in found[i + 1 :]:
            if q.article_id == p.article_id:
                continue
            kinds_p, kinds_q = {k for *_, k in mp}, {k for *_, k in mq}
            if kinds_p & kinds_q:
                continue  # one manner told in both: the other words are no contradiction
            death = {"death", *kinds_p, *kinds_q}
            if not (cp & cq) and len((wp & wq) - death) < _MIN_SHARED:
                continue  # nothing says these are the same dead
            (sp, ep, _), (sq, eq, _) = mp[0], mq[0]
            why = f'Manner of death differs: "{p.text[sp:ep]}" vs "{q.text[sq:eq]}"'
            out.append(between("manner", p, (sp, ep), q, (sq, eq), why, body))
    return out
