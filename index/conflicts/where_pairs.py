"""Where something goes, open in one report and named in another.

"It was not clear ... where they would be taken" or "working to find out to which country the
pirates can be handed over" in one report, and "the pirates were taken onboard and would be
handed over to authorities in Djibouti" in another: the second states as fact what the first
says is not known. An answer does the question's act (the same verb or its group), to what the
question is about (a word in common), and names a place after it ("in Djibouti"); a hedged
passage ("possibly at Djibouti") or another open question answers nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index.base.models import Article, Conflict, Passage
from index.conflicts.certainty import marked_verbs
from index.conflicts.clauses import between
from index.conflicts.pairing import body_passages
from index.text.lexicon import SPEECH_VERBS, STOP, act_class, is_past, stem

__all__ = ["where_pair_conflicts"]

_OPEN = (
    r"\b(?:(?:it\s+)?(?:was|is|remains|remained|were|are)\s+(?:still\s+)?"
    r"(?:not\s+(?:immediately\s+|yet\s+)?clear|unclear|uncertain|unknown|not\s+known)"
    r"|no\s+one\s+knows|nobody\s+knows|find\s+out|determine|establish|ascertain)"
)
# The place asked may follow another question: "what would happen to them, or where ...".
_WHERE = re.compile(
    _OPEN + r"\s+(?:[^.;:!?]{0,120}?\bor\s+)?(?:(?:to|in|at|from)\s+)?"
    r"(?:where|which\s+(?:country|countries|city|port|town|place|state|nation))\b"
    r"(?P<rest>[^.;:!?]{5,160})",
    re.IGNORECASE,
)
_OPEN_ANY = re.compile(_OPEN + r"\s+(?:\w+\s+)?(?:if|whether|what|where|who|how|which)\b", re.I)
_MAYBE = re.compile(r"\b(?:possibly|probably|perhaps|may|might|could|likely)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][a-z']+")
# A place: a capitalised run right after a preposition of place, past the verb.
_PLACE = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?[A-Z][a-z]+")
_PLACE_REACH = 80  # characters past the verb the place may stand
_ABOUT_REACH = 40  # characters either side of the verb its subject or object may stand
_SPEECH = frozenset(stem(v) for v in SPEECH_VERBS)
# Passages asking where, in one event, beyond which it is a list or a generated text.
_MOST = 20


def _verbs(text: str) -> dict[str, tuple[int, int]]:
    """Act class -> offsets of each past verb or participle that is no speech verb."""
    out: dict[str, tuple[int, int]] = {}
    for m in _WORD.finditer(text):
        word = m.group()
        if is_past(word) and stem(word) not in _SPEECH:
            out.setdefault(act_class(stem(word.lower())), (m.start(), m.end()))
    return out


def _content(text: str) -> frozenset[str]:
    return frozenset(stem(w.lower()) for w in _WORD.findall(text) if w.lower() not in STOP)


def _answers(acts: frozenset[str], about: frozenset[str], text: str) -> bool:
    if _OPEN_ANY.search(text) or _MAYBE.search(text) or marked_verbs(text):
        return False  # a hedge or another question states nothing
    for act, (start, end) in _verbs(text).items():
        # Done to what the question asks about: it stands by the verb ("The pirates were taken
        # onboard"; not "New Delhi had taken a serious view of piracy").
        around = text[max(0, start - _ABOUT_REACH) : end + _ABOUT_REACH]
        if (
            act in acts
            and about & _content(around)
            and _PLACE.search(text, end, end + _PLACE_REACH)
        ):
            return True
    return False


def where_pair_conflicts(
    articles: Sequence[Article], by_article: Mapping[str, Sequence[Passage]]
) -> list[tuple[Passage, Passage, Conflict]]:
    """A place one report says is not known, named as fact by another; body offsets."""
    body, passages = body_passages(articles, by_article)
    asked = [(p, m) for p in passages for m in _WHERE.finditer(p.text)]
    out: list[tuple[Passage, Passage, Conflict]] = []
    if len(asked) > _MOST:
        return out
    for p, m in asked:
        acts = frozenset(_verbs(m.group("rest")))
        about = _content(m.group()) - acts - {stem(w) for w in ("clear", "known", "find")}
        if not acts or not about:
            continue
        for q in passages:
            if q.article_id == p.article_id or not _answers(acts, about, q.text):
                continue
            why = f'Certainty differs: "{" ".join(m.group().split())}" (not known) vs stated'
            out.append(between("certainty", p, m.span(), q, (0, len(q.text)), why, body))
    return out
