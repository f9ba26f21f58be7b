"""What a verb was done to, and by whom: the tests that tell one act from two.

"never checked into Morningside" and "had checked into Morningside Recovery Center" are one act
(the same verb, the same named thing after it); "checked out of" it is another (a particle is
part of the verb); "closed the Varna pier" and "closed the Burgas market" are two (both name
what was closed, and the names differ). The certainty and negation checks ask these questions
of aligned sentence pairs and of passages paired across reports alike.
"""

from __future__ import annotations

import re

from index.base.models import Span
from index.conflicts.actors import mentions
from index.conflicts.clauses import STOP, stem
from index.conflicts.roles import same_person
from index.facts.names import candidate_names, name_key

__all__ = [
    "CALENDAR_WORDS",
    "other_complements",
    "other_objects",
    "other_particles",
    "same_head",
    "same_named",
    "same_object",
    "same_subject",
    "subject",
]

_ANY_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”]|\s(?:but|and|while|because|after|before|since)\s")
_OBJECT_WORDS = 6
# Adverbs between a verb and its object ("has not formally overturned it"): any -ly word, and
# the few short ones news puts there.
_ADVERBS = frozenset("yet ever even again also still".split())
_PRONOUNS = frozenset("it this that".split())  # a thing; "him" or "them" may be anyone
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)


def subject(text: str, pos: int) -> str | None:
    """The nearest name before ``pos`` in its sentence: who the verb is about."""
    sentence_start = max(text.rfind(". ", 0, pos) + 2, 0) if ". " in text[:pos] else 0
    places = mentions(text)
    names = [
        n
        for s, e, n in candidate_names(text)
        if sentence_start <= s < pos - 1
        and pos - s < 80
        and not any(ps < e and s < pe for ps, pe, _c in places)
        # people, not "Washington said"
        and not (" " not in n and not text[sentence_start:s].strip())
    ]  # "Officials"
    return names[-1] if names else None


def same_subject(a: str, sa: int, b: str, sb: int) -> bool:
    """False only when both verbs have a named subject and they are different people."""
    x, y = subject(a, sa), subject(b, sb)
    return x is None or y is None or same_person(x, y)


def _after(text: str, span: Span) -> tuple[frozenset[str], frozenset[str], bool]:
    """(content stems, names, opens with a pronoun) of the words that follow a verb in its
    clause: what the act was done to ("checked into Morningside", "overturned it")."""
    rest = _CLAUSE_END.split(text[span.end : span.end + 80], maxsplit=1)[0]
    words = _ANY_WORD.findall(rest)[:_OBJECT_WORDS]
    first = next(
        (w.lower() for w in words if w.lower() not in _ADVERBS and not w.endswith("ly")), ""
    )
    names = frozenset(
        name_key(w) for w in words if w[0].isupper() and w.lower() not in CALENDAR_WORDS
    )
    content = frozenset(stem(w) for w in words if w[0].islower() and w not in STOP and len(w) > 2)
    return content, names, first in _PRONOUNS


# Words between a verb and the head of what it governs: "agreed to having her photograph
# taken", "agreed to be photographed".
_LEAD_WORDS = frozenset(
    "to be being been having have get got a an the his her their its our my your".split()
)


def _head(text: str, end: int) -> str | None:
    """Stem of the first content word a verb ending at ``end`` governs, or None (a name, a
    pronoun or a function word comes first)."""
    rest = _CLAUSE_END.split(text[end : end + 80], maxsplit=1)[0]
    for w in _ANY_WORD.findall(rest)[:_OBJECT_WORDS]:
        lw = w.lower()
        if lw in _LEAD_WORDS or lw in _ADVERBS or lw.endswith("ly"):
            continue
        return None if w[0].isupper() or lw in STOP or len(lw) < 3 else stem(lw)
    return None


def _complement(text: str, end: int) -> str | None:
    """Stem of the verb after "to" in the words a verb governs ("require agencies to seek")."""
    rest = _CLAUSE_END.split(text[end : end + 80], maxsplit=1)[0]
    at = re.search(r"\bto\s", rest)
    return _head(rest, at.start()) if at is not None else None


def same_head(a: str, ea: int, b: str, eb: int) -> bool:
    """The same verb done to the same head word ("never agreed to having her photograph
    taken" / "agreed to be photographed"): one act, however the rest is worded; unless each
    asks something else of it ("require agencies to seek" / "require agencies to designate")."""
    head = _head(a, ea)
    return head is not None and head == _head(b, eb) and not other_complements(a, ea, b, eb)


def other_complements(a: str, ea: int, b: str, eb: int) -> bool:
    """Both verbs ask an act of their object, and not the same one."""
    ca, cb = _complement(a, ea), _complement(b, eb)
    return ca is not None and cb is not None and ca != cb


def same_object(a: str, sa: Span, b: str, sb: Span) -> bool:
    """Is the act done to the same thing? Passages that do not align need more than the
    aligned pair's test: a name in common after the verb, or three content words; an object
    told by a pronoun ("has not overturned it") needs the same named doer on both sides."""
    if other_objects(a, sa, b, sb):
        return False
    ca, na, pa = _after(a, sa)
    cb, nb, pb = _after(b, sb)
    if na & nb or len(ca & cb) >= 3 or same_head(a, sa.end, b, sb.end):
        return True
    if pa or pb:
        x, y = subject(a, sa.start), subject(b, sb.start)
        return x is not None and y is not None and same_person(x, y)
    return False


def same_named(a: str, sa: Span, b: str, sb: Span) -> bool:
    """The same verb done to the same named thing ("never checked into Morningside" / "had
    checked into Morningside Recovery Center"): one act, whatever else either clause says."""
    return bool(_after(a, sa)[1] & _after(b, sb)[1])


def other_particles(a: str, ea: int, b: str, eb: int) -> bool:
    """A particle is part of the verb: "checked into" and "checked out of" are two acts."""
    pa, pb = _particle(a, ea), _particle(b, eb)
    return pa is not None and pb is not None and pa != pb


# Particles that make another act of a verb ("on" and "over" are more often prepositions of
# time and place: "arrived on Monday" / "arrived in Paris" are one act).
_PARTICLES = {"in": "in", "into": "in", "out": "out", "up": "up", "down": "down", "off": "off"}
_PARTICLES |= {"back": "back", "away": "away"}


def _particle(text: str, end: int) -> str | None:
    words = _ANY_WORD.findall(text[end : end + 12])
    return _PARTICLES.get(words[0].lower()) if words else None


def other_objects(a: str, sa: Span, b: str, sb: Span) -> bool:
    """Both acts are done to something named, and the names differ: "closed the Varna pier"
    against "has not closed the Burgas market", "no offer to Varitek" against "an offer to
    Teixeira". True only when both sides name their object."""
    _ca, na, _pa = _after(a, sa)
    _cb, nb, _pb = _after(b, sb)
    return bool(na and nb and not na & nb)
