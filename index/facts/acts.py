"""Which act a date or figure belongs to (its clause's past verbs), and what the act was done to."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.text.lexicon import NUMBER_WORDS, SPEECH_VERBS, STOP, act_class, is_past, stem

_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _GERUND(word: str) -> bool:  # noqa: N802 - a predicate used like the patterns above
    return word.islower() and word.endswith("ing") and len(word) > 5 and word not in _PREPOSITIONAL


# -ing words that work as prepositions: ", including the captain," dates no act of its own.
_PREPOSITIONAL = frozenset("including according following regarding excluding concerning".split())


def nearest_verb(text: str, start: int, end: int) -> str | None:
    """Stem of the past verb a date or count belongs to: the nearest before it in its clause,
    else the first after it."""
    found = _nearest(text, start, end)
    if found is None:
        return None
    return _phrasal(text, found) if is_past(found.group()) else act_class(stem(found.group()))


def _nearest(text: str, start: int, end: int) -> re.Match[str] | None:
    left = text[:start]
    cut = max(left.rfind(p) for p in (". ", "; ", ": ", ", "))
    # "played for four teams before retiring in 1993": the nearest verb, past or -ing, dates it.
    before = [
        m
        for m in _WORDS.finditer(text, cut + 1, start)
        if is_past(m.group()) or (_GERUND(m.group()) and _GERUND_HEAD.search(text, 0, m.start()))
    ]
    if before:
        return before[-1]
    for m in _WORDS.finditer(text, end, min(len(text), end + 120)):
        if is_past(m.group()):
            return m
    for m in _WORDS.finditer(text, 0, start):
        if is_past(m.group()):
            return m
    return None


# An -ing word after these is an act of its own ("before retiring in 1993", "was sinking on
# Friday"); after a noun it describes the noun ("vessels transiting the Gulf on Friday") and the
# day belongs to the clause's verb.
_GERUND_HEAD = re.compile(
    r"(?:\b(?:before|after|while|since|when|by|upon|was|were|is|are|been|be|and)|,)\s+$",
    re.IGNORECASE,  # ", thwarting an attack on 10 Nov": a clause of its own after a comma
)


def _phrasal(text: str, verb: re.Match[str]) -> str:
    """ "checked into" and "checked out" are two actions: the particle is part of the verb. One
    act told by two verbs ("foiled" / "thwarted") is named once (the shared act groups)."""
    particle = _PARTICLE.match(text, verb.end())
    act = act_class(stem(verb.group()))
    return f"{act} {particle.group(1)}" if particle else act


# Particles that make another action of a verb: "checked out" is not "checked in".
_PARTICLE = re.compile(r"\s+(out|up|off|down|away|back)\b")


_CLAUSE_STOP = re.compile(r"[.;:!?]\s|\s(?:but|while|although|after|before|when|because)\s")
_ACTION_REACH = 90


def clause_actions(text: str, start: int, end: int) -> frozenset[str]:
    """Stems of the actions a span may date: its nearest past verb, and the past verbs joined
    to it by "and"/"or" in the same clause ("on Thursday intercepted three boats and foiled an
    attack" dates both acts; "finalized in December, made optional" dates one)."""
    verb = _nearest(text, start, end)
    if verb is None:
        return frozenset()
    nearest = nearest_verb(text, start, end) or ""
    left_edge = max(0, start - _ACTION_REACH)
    stops = list(_CLAUSE_STOP.finditer(text, left_edge, start))
    lo = stops[-1].end() if stops else left_edge
    right = text[end : end + _ACTION_REACH]
    stop = _CLAUSE_STOP.search(right)
    hi = end + (stop.start() if stop else len(right))
    # Joined after the nearest verb only: in "played and coached for ten seasons and was named
    # coach of the year in 1987" the year dates the naming, not the coaching.
    found = {nearest} | {
        _phrasal(text, m)
        for m in _WORDS.finditer(text, max(lo, verb.end()), hi)
        if is_past(m.group()) and _JOINED.search(text, max(0, m.start() - 5), m.start())
    }
    return frozenset(v for v in found if v not in _SPEECH)  # the day it was said is no act


_JOINED = re.compile(r"\b(?:and|or)\s+$")
_SPEECH = frozenset(stem(w) for w in SPEECH_VERBS)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: to the nearest stop on each side, at most
    ``_ACTION_REACH`` characters away."""
    left_edge = max(0, start - _ACTION_REACH)
    stops = list(_CLAUSE_STOP.finditer(text, left_edge, start))
    lo = stops[-1].end() if stops else left_edge
    right = text[end : end + _ACTION_REACH]
    stop = _CLAUSE_STOP.search(right)
    return lo, end + (stop.start() if stop else len(right))


# The object stem of "another ...": an act done to one more thing of a kind, never the same one.
ANOTHER = "*another"
# The object stem of a pronoun ("it was proposed in August", "signed it on Monday"): the thing
# the story is about, named before.
ANAPHOR = "*it"
_ANAPHOR_BEFORE = re.compile(
    r"\b(?:it|they)\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_ANAPHOR_AFTER = re.compile(r"\s+(?:it|them)\b")
# Words that open a noun phrase: skipped before an object's first word, they end it after.
_DETERMINERS = frozenset("a an the its his her their our this these those my your".split())
# Prepositions that the shared stop list does not hold: they end an object too.
_PREPOSITIONS = frozenset(
    "near across along off outside inside toward towards through against among around between"
    " beyond within without via amid behind beside below above onto upon".split()
)
_OBJECT_WORDS = 3  # "a five-boat pirate attack": the head noun and two words before it
_BY = re.compile(r"\s+by\b")


def act_objects(text: str, start: int, end: int, acts: frozenset[str]) -> frozenset[str]:
    """What each of ``acts`` in the clause around ``text[start:end]`` was done to, as
    "act object-stem" pairs: "signed an executive order" gives "sign execut", "sign order";
    "a spending bill signed by the president" (a passive) gives "sign spend", "sign bill". A
    verb followed by a preposition ("checked into", "disappeared from") names no object."""
    lo, hi = clause_bounds(text, start, end)
    out: set[str] = set()
    for m in _WORDS.finditer(text, lo, hi):
        if not is_past(m.group()) or (act := _phrasal(text, m)) not in acts:
            continue
        if _ANAPHOR_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _ANAPHOR_AFTER.match(
            text, m.end()
        ):
            out.add(f"{act} {ANAPHOR}")  # "it was proposed", "overturned it": the story's thing
            continue
        if _BY.match(text, m.end()):  # passive: the thing done to stands before the verb
            edge = max(lo, m.start() - 60)
            cut = edge > 0 and text[edge - 1].isalpha()  # the window's first word may be a tail
            before = [
                w for w in _WORDS.finditer(text, edge, m.start()) if w.start() > edge or not cut
            ]
            stems = _object_stems(text, m, before[::-1], forward=False)
        else:  # not cut at the clause's edge: a stop or a function word ends the phrase
            stems = _object_stems(text, m, _WORDS.finditer(text, m.end()), forward=True)
        out.update(f"{act} {w}" for w in stems)
    return frozenset(out)


def _object_stems(
    text: str, verb: re.Match[str], words: Iterable[re.Match[str]], forward: bool
) -> list[str]:
    """The lower-case content words next to ``verb``, walking away from it, up to a function
    word, a name, another verb or anything but a space between two words."""
    found: list[str] = []
    prev = verb
    opened = True  # a noun phrase may start here: articles and number words are skipped
    for w in words:
        gap = text[prev.end() : w.start()] if forward else text[w.end() : prev.start()]
        if gap and not gap.isspace():
            break  # a comma or a bracket ends the phrase
        prev = w
        word = w.group()
        if word in ("and", "or") and found:
            opened = True  # "two trawlers and their nets": both were seized
            continue
        if word.lower() == "another" and opened and not found:
            found.append(ANOTHER)  # "overturned another regulation": not the one told elsewhere
            continue
        if (word.lower() in _DETERMINERS or word.lower() in NUMBER_WORDS) and opened:
            continue
        opened = False
        if word in STOP or word in _PREPOSITIONS or not word.islower() or is_past(word):
            break
        found.append(stem(word))
        if len(found) == _OBJECT_WORDS:
            break
    return found
