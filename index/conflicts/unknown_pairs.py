"""What one report says is not known and another report states as fact.

"It was not immediately clear what would happen to the pirates" in one report and "the pirates
would be handed over to authorities in Djibouti" in another: a difference of certainty a reader
wants to see (often an early report against a later one). The open question is the clause after
"unclear whether / not clear what / unknown how"; a passage of another report that states it
shares most of its content words and is itself neither hedged nor an open question.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from index.base.models import Article, Conflict, Passage
from index.conflicts.certainty import marked_verbs
from index.conflicts.clauses import between, in_quote
from index.text.lexicon import STOP, act_class, stem

_UNKNOWN = re.compile(
    r"\b(?:(?:it\s+)?(?:was|is|remains|remained|were|are)\s+(?:still\s+)?"
    r"(?:not\s+(?:immediately\s+|yet\s+)?clear|unclear|uncertain|unknown|not\s+known)"
    r"|no\s+one\s+knows|nobody\s+knows)"
    r"\s+(?:if|whether|what|where|who|how|when|why|which)\b(?P<rest>[^.;:!?]{10,200})",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][a-z']{2,}")
# A stem in more passages than this tells nothing of which passage states the question.
_MOST = 60
_MIN_SHARED = 2


def _stems(text: str) -> frozenset[str]:
    # One name per act or role: "the dead were bank employees" / "three bank workers died".
    return frozenset(
        act_class(stem(w.lower())) for w in _WORD.findall(text) if w.lower() not in STOP
    )


def unknown_pair_conflicts(
    articles: Sequence[Article], by_article: Mapping[str, Sequence[Passage]]
) -> list[tuple[Passage, Passage, Conflict]]:
    """An open question in one report answered as fact in another; spans are body offsets."""
    body = {a.id: a.body for a in articles}
    passages = [p for a in articles for p in by_article.get(a.id, ())]
    stems = [_stems(p.text) for p in passages]
    by_stem: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(stems):
        for s in found:
            by_stem[s].append(i)
    out: list[tuple[Passage, Passage, Conflict]] = []
    for p in passages:
        for m in _UNKNOWN.finditer(p.text):
            if in_quote(p.text, m.start()):
                continue
            # A word in most passages ("bank" in a bank fire) tells nothing of which passage
            # answers: the question is its rarer words, and most of them must be shared.
            question = frozenset(s for s in _stems(m.group("rest")) if len(by_stem[s]) <= _MOST)
            if len(question) < _MIN_SHARED:
                continue
            hits: dict[int, int] = defaultdict(int)
            for s in question:
                for j in by_stem[s]:
                    hits[j] += 1
            # Each other report's best answers: every passage sharing the most (a report that
            # states it twice, in the lead and in the body, states it in both).
            best: dict[str, int] = {}
            answers: list[int] = []
            for j, n in sorted(hits.items(), key=lambda h: (-h[1], h[0])):
                q = passages[j]
                if (
                    n >= _MIN_SHARED
                    and 2 * n > len(question)
                    and q.article_id != p.article_id
                    and best.setdefault(q.article_id, n) == n
                    and not _UNKNOWN.search(q.text)
                    and not marked_verbs(q.text)
                ):
                    answers.append(j)
            for j in answers:
                q = passages[j]
                asked = " ".join(m.group().split())
                why = f'Certainty differs: "{asked}" (not known) vs stated as fact'
                out.append(between("certainty", p, m.span(), q, (0, len(q.text)), why, body))
    return out
