"""Actor conflicts between institutions: one statement credited to different named bodies."""

from __future__ import annotations

import re
from functools import lru_cache

from index.base.models import Conflict
from index.conflicts.actors import mentions
from index.conflicts.clauses import clause_around, conflict, similar_context

# Head nouns of bodies, folded into classes: two bodies of one class differ only by what
# qualifies them ("foreign" / "defense" ministry), bodies of two classes always differ.
# "The military" may be any of the armed services: not a head, so never a conflict by itself.
_HEAD_CLASS = {
    "ministry": "office",
    "department": "office",
    "office": "office",
    "agency": "office",
    "service": "office",
    "bureau": "office",
    "authority": "office",
    "administration": "office",
    "council": "council",
    "commission": "council",
    "committee": "council",
    "board": "council",
    "assembly": "assembly",
    "parliament": "assembly",
    "congress": "assembly",
    "senate": "assembly",
    "army": "army",
    "navy": "navy",
    "police": "police",
    "court": "court",
    "tribunal": "court",
    "embassy": "embassy",
    "centre": "centre",
    "center": "centre",
    "institute": "institute",
    "bank": "bank",
    "fund": "fund",
    "organization": "organization",
    "organisation": "organization",
    "cross": "cross",
    "crescent": "cross",
    "guard": "guard",
    "corps": "corps",
}
# Qualifiers that say nothing about which body it is ("the national police" is the police).
_NEUTRAL = frozenset(
    "the a an its their our his her this that national federal state central local regional"
    " new main top own relevant same country's nation's government's affairs of for on u.n. un"
    " united nations multiple several".split()
)
# Qualifiers that name one domain in other words (spy agency / intelligence service).
_DOMAIN = {
    "spy": "intelligence",
    "defence": "defense",
    "external": "foreign",
    "home": "interior",
    "treasury": "finance",
    "armed": "army",
    "forces": "army",
}
_CLASSES = frozenset(_HEAD_CLASS.values())
# Domains that name one ministry or service in any report: two of them are two bodies.
_KNOWN_DOMAINS = frozenset(
    "foreign defense interior finance health justice education intelligence transport energy"
    " environment agriculture trade economy labor labour culture tourism".split()
)
# Acronyms of bodies news names without their full name.
_ACRONYMS = {"UNSC": ("security", "council"), "UNGA": ("general", "assembly")}
_HEADS = "|".join(sorted(_HEAD_CLASS, key=len, reverse=True))
_CAP = r"(?:U\.N\.|[A-Z][\w'’-]*)"
# A capitalised name holding a head ("U.N. Security Council", "Ministry of Foreign Affairs"),
# a lowercase body after a determiner or possessive ("the spy agency"), or an acronym.
_PROPER = re.compile(rf"(?<![\w.]){_CAP}(?:\s+(?:(?:of|for|on)\s+)?{_CAP})*(?![\w])")
_COMMON = re.compile(
    rf"(?:\b(?:[Tt]he|[Ii]ts|[Aa])\s+|['’]s\s+)((?:[\w.'’-]+\s+){{0,2}}?(?:{_HEADS}))\b"
)
_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{2,6}(?![\w.])")
_SAY = re.compile(
    r"\s*(?:has\s+|had\s+|also\s+|later\s+)?(?:said|says|told|added|stated|announced|reported"
    r"|warned|noted|claimed|confirmed|denied|insisted|explained|wrote)\b"
)
# "told the ministry" makes it the one told, not the speaker: no "told" here.
_SAID_BEFORE = re.compile(r"(?:\bsaid|\bsays|\baccording\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
# What a body owns that a statement can attribute to one body or another, as nouns ("the
# council ruled" is an act, "the council's ruling" a thing it owns).
_OWNED = frozenset(
    "resolution resolutions decision decisions ruling rulings statement statements report"
    " reports investigation inquiry sanctions spokesman spokeswoman spokesperson official"
    " officials member members chief head envoy vote data figures estimate estimates survey"
    " charter mandate rules law laws regulations decree finding findings".split()
)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:)]|$|in\b|on\b)")
_OF_BEFORE = re.compile(r"\b([a-z]+)\s+of\s+(?:the\s+)?(?:multiple\s+|several\s+|[a-z]+\s+)?$")
_MAX_CAST = 12  # bodies playing a part in one passage; more is a list, not an attribution
Body = tuple[int, int, frozenset[str]]  # start, end, key (empty: unknown, never compared)


def _key(name: str) -> frozenset[str]:
    """What identifies a body: its head's class plus its distinctive qualifiers."""
    for start, end, _country in reversed(mentions(name)):
        name = name[:start] + " " + name[end:]  # "South Korea's ministry": the country's own
    words = [w.lower().strip("'’") for w in re.findall(r"[\w.'’-]+", name)]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    out = set()
    for w in words:
        if w in _NEUTRAL or not w:
            continue
        w = _HEAD_CLASS.get(w) or _DOMAIN.get(w, w)
        # "appeals court" / "Court of Appeal": one word, whatever its number
        out.add(w[:-1] if w.endswith("s") and len(w) > 4 and not w.endswith("ss") else w)
    return frozenset(out)


@lru_cache(maxsize=8192)
def bodies(text: str) -> tuple[Body, ...]:
    """Named bodies of ``text`` as (start, end, key), in reading order."""
    found: list[Body] = []
    for m in _PROPER.finditer(text):
        words = m.group().split()
        if not any(w.lower() in _HEAD_CLASS for w in words):
            continue
        start = m.start() + (4 if words[0] == "The" else 0)
        found.append((start, m.end(), _key(text[start : m.end()])))
    for m in _COMMON.finditer(text):
        if not any(s <= m.start(1) < e for s, e, _k in found):
            found.append((m.start(1), m.end(1), _key(m.group(1))))
    for m in _ACRONYM.finditer(text):
        if any(s <= m.start() < e for s, e, _k in found) or mentions(m.group()):
            continue  # part of a name already found, or a country (US, EU, UN)
        key = frozenset(_ACRONYMS.get(m.group(), ()))
        found.append((m.start(), m.end(), key or frozenset({"=" + m.group()})))
    return tuple(sorted(found))


def _initials(key_text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", key_text))


def _same(x: frozenset[str], y: frozenset[str], text_x: str, text_y: str) -> bool | None:
    """True: one body (or one named more vaguely); False: two bodies; None: cannot tell."""
    acro_x = next((k[1:] for k in x if k.startswith("=")), None)
    acro_y = next((k[1:] for k in y if k.startswith("=")), None)
    if acro_x or acro_y:
        if acro_x and acro_y:
            return True if acro_x == acro_y else None  # two unknown acronyms: cannot tell
        acro, other = (acro_x, text_y) if acro_x else (acro_y, text_x)
        return True if acro == _initials(other) else None  # "JRCC" for its full name
    if not x or not y:
        return None
    if x <= y or y <= x:
        return True  # "the ministry" / "the foreign ministry"
    mx, my = x - _CLASSES, y - _CLASSES
    if mx and my and (mx <= my or my <= mx):
        return True  # "Disaster Management Agency" / "Board for Disaster Management"
    if not (x & y & _CLASSES):
        return False  # a ministry and an army, a council and a court
    if (_described(text_x) or _described(text_y)) and not (
        mx <= _KNOWN_DOMAINS and my <= _KNOWN_DOMAINS
    ):
        return None  # "the weather agency" may be the Geophysics Agency: a description
    return False  # the foreign and the defence ministry, the Assembly and the Council


def _described(name: str) -> bool:
    """A body described in common words ("the disaster agency"), not named ("BNPB")."""
    return name.split()[-1].islower()


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") else noun  # every plural of _OWNED ends in s


def _role(text: str, start: int, end: int) -> str | None:
    """What the body is in its sentence: who said it, or whose resolution, ruling, report..."""
    if _SAY.match(text, end) or (
        _SAID_BEFORE.search(text[max(0, start - 40) : start]) and _CLAUSE_END.match(text, end)
    ):
        return "who said it"  # "..., said the ministry." but not "said the council would"
    after = re.match(r"(?:['’]s)?\s+([a-z]+)(?:\s+([a-z]+))?", text[end:])
    for word in after.groups() if after else ():
        if word in _OWNED:  # "Council resolutions", "Council's new resolution"
            return f"whose {_singular(word)}"
    before = _OF_BEFORE.search(text[max(0, start - 40) : start])
    if before and before.group(1) in _OWNED:
        return f"whose {_singular(before.group(1))}"
    return None


def _named_in(key: frozenset[str], name: str, text: str) -> bool:
    """Does ``text`` name this body too (so naming both is no disagreement)?"""
    return any(_same(key, k, name, text[s:e]) is not False for s, e, k in bodies(text) if k)


def _cast(text: str) -> list[tuple[int, int, frozenset[str], str]]:
    """The bodies of ``text`` that play a part we compare, with that part."""
    out = []
    for start, end, key in bodies(text):
        role = _role(text, start, end) if key else None
        if role is not None:
            out.append((start, end, key, role))
    return out


def body_conflicts(a: str, b: str) -> list[Conflict]:
    """One statement credited to different bodies ("General Assembly resolutions" / "Security
    Council resolutions"; "the ministry said" / "the army said"); spelling variants and
    acronyms of one body, vaguer names of it, and passages naming both bodies never count."""
    ca, cb = _cast(a), _cast(b)
    if len(ca) > _MAX_CAST or len(cb) > _MAX_CAST:
        return []  # a list of bodies, not one statement credited to one of them
    for sa, ea, ka, ra in ca:
        for sb, eb, kb, rb in cb:
            if rb != ra or _same(ka, kb, a[sa:ea], b[sb:eb]) is not False:
                continue
            if _named_in(ka, a[sa:ea], b) or _named_in(kb, b[sb:eb], a):
                continue  # a passage naming both bodies: they may play other parts there
            if not (
                similar_context(
                    a[:sa] + " " + a[ea:], b[:sb] + " " + b[eb:], min_shared=2, ratio=0.3
                )
                or similar_context(
                    clause_around(a, sa, ea, 100),
                    clause_around(b, sb, eb, 100),
                    min_shared=3,
                    ratio=0.3,
                )
            ):
                continue
            wa, wb = " ".join(a[sa:ea].split()), " ".join(b[sb:eb].split())
            return [
                conflict("actor", a, (sa, ea), b, (sb, eb), f"Actors differ: {wa} vs {wb} ({ra})")
            ]
    return []
