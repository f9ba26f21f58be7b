"""Doer conflicts: the same act (verb and object) done by a different body in each passage."""

from __future__ import annotations

import difflib
import itertools
import re
from functools import lru_cache

from index.base.models import Conflict
from index.conflicts.actors import mentions
from index.conflicts.clauses import STOP, conflict, similar_context, stem
from index.facts.names import candidate_names, same_name

# Doers whose difference matters: "the army" vs "the Red Cross", "rescuers" vs "soldiers".
_DOERS = frozenset(
    "army military soldier troop police policeman officer rescuer volunteer firefighter navy"
    " guard council commission committee court panel judge jury parliament congress senate"
    " cabinet company firm operator airline union prosecutor investigator medic doctor"
    " authority cross crescent agency ministry department service corps board bank fund party"
    " organization organisation office institute".split()
)
# Doers that are one body in other words: "the judges" and "the panel" decide together.
_SAME_BODY = [
    frozenset(g.split())
    for g in (
        "judg panel court justic bench",
        "army military soldier troop",
        "polic policeman officer",
        "rescuer rescue",
    )
]
# Words organisations share without being one ("Norwegian ... Authority"), as stems.
_GENERIC_ORG = frozenset(
    stem(w)
    for w in (
        "national state federal royal new central regional international united general public"
        " safety security maritime investigation health service authority agency board council"
        " commission committee ministry department office bureau institute organization"
        " organisation association union corps force cross crescent court"
    ).split()
)
# Heads too vague to prove a different doer on their own.
_VAGUE = frozenset("official authority government agency ministry source people".split())
_SAYING = frozenset(
    "say tell add report confirm deni deny declin note warn stat announc believ think claim"
    " quot accord cit explain insist argu suggest write"
    " respond repli reply".split()
)
_IRREGULAR_PAST = frozenset(
    {
        "sent",
        "took",
        "gave",
        "made",
        "fought",
        "left",
        "met",
        "held",
        "found",
        "brought",
        "began",
        "came",
        "saw",
        "kept",
        "paid",
        "led",
        "shot",
        "struck",
        "won",
        "lost",
        "ran",
        "hit",
        "put",
        "set",
    }
)
_AUX = frozenset({"will", "would", "has", "have", "had", "was", "were", "is", "are", "also"})
_SUBJECT_OK = frozenset({"the", "a", "an", "of", "from", "and", "'s", "for", "at", "in"})
_TOK = re.compile(r"[A-Za-z0-9][\w'’.-]*")
_PREP = frozenset({"from", "of", "at", "in", "for", "with", "on"})


def _subject_words(words: list[str]) -> list[str] | None:
    """The words of a plain noun-phrase subject, or None (digits, verbs, clauses, too long)."""
    if not 1 <= len(words) <= 8:
        return None
    for w in words:
        low = w.lower()
        if any(ch.isdigit() for ch in w) or (low in STOP and low not in _SUBJECT_OK):
            return None
        if (
            w.islower()
            and (low.endswith("ed") or low.endswith("ing"))
            and low not in ("united", "armed")
        ):
            return None
    return words


def _head(words: list[str]) -> str | None:
    head = None
    for w in words:
        low = w.lower()
        if low in _PREP and head is not None:
            break
        if low not in STOP:
            head = w
    return head


def _proper(words: list[str]) -> bool:
    """An organisation's name: two or more capitalised words after the determiner."""
    caps = [w for w in words[1:] if w[:1].isupper()] + (
        [words[0]] if words[0].lower() not in ("the", "a", "an") else []
    )
    return len(caps) >= 2


def _stems(words: list[str]) -> set[str]:
    return {stem(p) for w in words for p in w.lower().split("-") if p not in STOP and len(p) > 1}


_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}?\s[-–—]+\s")


def _beyond_country(subject: str) -> bool:
    """Does the subject say more than a country ("Norwegian Maritime Authority": yes)?"""
    rest = subject
    for start, end, _c in reversed(mentions(subject)):
        rest = rest[:start] + " " + rest[end:]
    return any(w.lower() not in STOP for w in re.findall(r"[A-Za-z]+", rest))


@lru_cache(maxsize=8192)
def _tokens_after_dateline(text: str) -> tuple[tuple[re.Match[str], ...], tuple[str, ...]]:
    """The first 40 word tokens and their lowercase forms, skipping a "JAKARTA -" dateline (a
    place, not a subject); the subject sits in the first words, the matcher needs no more."""
    m = _DATELINE.match(text)
    tokens = tuple(itertools.islice(_TOK.finditer(text, m.end() if m else 0), 40))
    return tokens, tuple(t.group().lower() for t in tokens)


def subject_conflicts(a: str, b: str) -> list[Conflict]:
    """Same verb and object, different doer: "The army set up kitchens" / "The Red Cross set up"."""
    (ta, la), (tb, lb) = _tokens_after_dateline(a), _tokens_after_dateline(b)
    if len(ta) < 3 or len(tb) < 3:
        return []
    block = None
    for blk in difflib.SequenceMatcher(a=la, b=lb, autojunk=False).get_matching_blocks():
        if blk.a > 9 or blk.b > 9 or blk.size == 0:
            break
        # "... Authority will investigate": shared capitalised words still belong to the subject.
        k = 0
        while (
            k < blk.size
            and ta[blk.a + k].group()[0].isupper()
            and tb[blk.b + k].group()[0].isupper()
        ):
            k += 1
        blk = type(blk)(blk.a + k, blk.b + k, blk.size - k)
        if blk.size == 0:
            continue
        verb = next((w for w in la[blk.a : blk.a + blk.size] if w not in _AUX), "")
        past = verb.endswith("ed") or stem(verb) != verb.rstrip("s") and verb in _IRREGULAR_PAST
        if (
            blk.a > 0
            and blk.b > 0
            and verb
            and verb not in STOP
            and (blk.size >= 2 or past)
            and ta[blk.a].group().islower()
            and tb[blk.b].group().islower()
        ):
            block = blk
            break
    if block is None or stem(verb) in _SAYING:
        return []
    i, j = block.a, block.b
    wa = _subject_words([m.group() for m in ta[:i]])
    wb = _subject_words([m.group() for m in tb[:j]])
    if wa is None or wb is None:
        return []
    ha, hb = _head(wa), _head(wb)
    if ha is None or hb is None or ha.isupper() or hb.isupper():
        return []  # no noun, or an acronym that may name either
    sub_a, sub_b = a[ta[0].start() : ta[i - 1].end()], b[tb[0].start() : tb[j - 1].end()]
    if "," in sub_a or "," in sub_b or "(" in sub_a or "(" in sub_b:
        return []  # an apposition or aside: not a plain subject
    names_a, names_b = candidate_names(sub_a), candidate_names(sub_b)
    if any(same_name(x[2], y[2]) for x in names_a for y in names_b if " " in x[2] and " " in y[2]):
        return []  # one person under two titles: the role check's business
    if {m[2] for m in mentions(sub_a)} & {m[2] for m in mentions(sub_b)} and (
        not _beyond_country(sub_a) or not _beyond_country(sub_b)
    ):
        return []  # "South Korea's ministry" / "South Korea": one country, named two ways
    if _proper(wa) and _proper(wb):
        if not (ha[:1].isupper() and hb[:1].isupper()):
            return []  # "Tara Reid" / "the American Pie actress": a name and a description
        sa, sb = _stems(wa), _stems(wb)
        if sa <= sb or sb <= sa or same_name(sub_a, sub_b):
            return []
        # A shared rare name ("INS Sukanya" / "Warship Sukanya") is one thing, named two ways;
        # shared generic words ("Norwegian ... Authority") are not.
        if any(w not in _GENERIC_ORG and not re.search(r"(?:ian|ese|ish|an)$", w) for w in sa & sb):
            return []
    else:
        doers = {stem(ha.lower()), stem(hb.lower())}
        if not doers <= {stem(d) for d in _DOERS} or doers & {stem(v) for v in _VAGUE}:
            return []
        if any(doers <= group for group in _SAME_BODY) or _stems(wa) & _stems(wb):
            return []  # "the judges" / "a three-judge panel": maybe one body in other words
    if not similar_context(a[ta[i].start() :], b[tb[j].start() :], min_shared=2, ratio=0.3):
        return []
    return [
        conflict(
            "actor",
            a,
            (ta[0].start(), ta[i - 1].end()),
            b,
            (tb[0].start(), tb[j - 1].end()),
            f"Actors differ: {' '.join(sub_a.split())} vs {' '.join(sub_b.split())}"
            f" ({' '.join(la[i : i + block.size])} ...)",
        )
    ]
