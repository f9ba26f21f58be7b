"""Certainty and negation conflicts: hedged vs asserted, denied vs confirmed, did not vs did."""

from __future__ import annotations

import re
from functools import lru_cache

from index.base.models import Conflict, ConflictType, Span
from index.conflicts.clauses import STOP, clause_around, conflict, in_quote, similar_context, stem
from index.conflicts.objects import (
    other_complements,
    other_objects,
    other_particles,
    same_head,
    same_named,
    same_subject,
)
from index.text.lexicon import act_group, is_past

_ADV = r"(?:\w+ly\s+)?"
_HEDGE = re.compile(
    # "may have sent" hedges a past fact; "may send" is about the future, a different claim.
    r"\b(?:(?:may|might|could)\s+(?:well\s+)?have\s+(?:been\s+)?"
    r"|(?:reportedly|allegedly|possibly|probably|apparently|purportedly|likely)\s+"
    r"(?:has\s+|have\s+|had\s+|was\s+|were\s+|is\s+|are\s+)?(?:been\s+)?"
    r"|(?:is|are|was|were)\s+(?:believed|thought|said|suspected|reported|alleged|likely)\s+to\s+"
    r"have\s+(?:been\s+)?"
    r"|(?:suspected|accused)\s+of\s+)"
    r"(?P<verb>[a-z][a-z'-]+)",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|do\s+not|don['’]t|could\s+not|couldn['’]t|cannot"
    r"|can['’]t|can\s+not|would\s+not|wouldn['’]t|will\s+not|won['’]t|has\s+not|hasn['’]t|have\s+not"
    r"|haven['’]t|had\s+not|hadn['’]t|was\s+not|wasn['’]t|were\s+not|weren['’]t|is\s+not|isn['’]t|are\s+not"
    r"|aren['’]t|never|refused\s+to|declined\s+to|failed\s+to|no\s+longer)\s+"
    + _ADV
    + r"(?:be\s+|been\s+|have\s+|yet\s+)?(?P<verb>[a-z][a-z'-]+)",
    re.IGNORECASE,
)
# "remain unconfirmed", "an unverified report": negation carried by the prefix.
_UN = re.compile(
    r"\bun(?P<verb>(?:confirm|verifi|prov|report|sign|announc|claim)ed)\b", re.IGNORECASE
)
# "issued no warning" vs "issued a tsunami warning".
_NO_OBJECT = re.compile(r"\b(?P<verb>[a-z]{3,}ed)\s+no\s+(?P<noun>[a-z]{3,})", re.IGNORECASE)
# Future: "might appeal" (hedged) vs "would appeal" (asserted).
# "may be sent", "likely to be sent" look ahead: compared only with "will/would be sent".
_MAYBE = re.compile(
    r"\b(?:(?:may|might|could)\s+(?!not\b|have\b)|(?:is|are|was|were)\s+(?:likely|expected"
    r"|set|due|believed|thought|said|reported)\s+to\s+(?!have\b))(?:be\s+)?(?P<verb>[a-z]{3,})",
    re.IGNORECASE,
)
_WILL = re.compile(
    r"\b(?:will|would|shall)\s+(?!not\b|probably\b|likely\b|possibly\b|perhaps\b)"
    r"(?:\w+ly\s+)?(?:be\s+)?(?P<verb>[a-z]{3,})",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][a-z'-]+")
_CONFIRM = frozenset({"confirm", "acknowledg", "admit", "verify", "verifi"})
_DENY = frozenset({"deny", "deni", "reject", "refut", "dismiss"})


def _polarity(word: str) -> str | None:
    s = stem(word)
    if s in _CONFIRM:
        return "confirmed"
    if s in _DENY:
        return "denied"
    return None


_ADVERB_FIRST = re.compile(r"\w+ly\s", re.IGNORECASE)


def _verb_form(word: str) -> bool:
    """A past, a participle, an -ing form or a third person: "reportedly paid", "allegedly
    owns"; "unaware" is none of them."""
    low = word.lower()
    return is_past(word) or low.endswith("ing") or (low.endswith("s") and not low.endswith("ss"))


@lru_cache(maxsize=8192)
def _marked(text: str, which: str) -> tuple[tuple[int, int, int, int, str], ...]:
    """(marker start, verb end, verb start, verb end, verb stem) for hedged or negated verbs."""
    patterns = {"hedge": (_HEDGE,), "neg": (_NEGATION, _UN), "maybe": (_MAYBE,), "will": (_WILL,)}[
        which
    ]
    out = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            verb = m.group("verb")
            if (
                verb.lower() in STOP
                or len(verb) < 3
                or not verb[0].islower()
                or in_quote(text, m.start())
            ):
                continue  # words inside a direct quote are the quote check's business
            if pattern is _HEDGE and _ADVERB_FIRST.match(m.group()) and not _verb_form(verb):
                continue  # "apparently unaware": an adverb before an adjective hedges no act
            out.append((m.start(), m.end(), m.start("verb"), m.end("verb"), stem(verb)))
    return tuple(sorted(out))


def marked_verbs(text: str) -> frozenset[str]:
    """Stems of the verbs a passage negates or hedges (outside quotes)."""
    return frozenset(
        st for which in ("neg", "hedge", "maybe") for _s, _e, _vs, _ve, st in _marked(text, which)
    )


def verb_group(verb_stem: str) -> frozenset[str]:
    """A verb's stem and the stems news uses for the same act ("send", "ship", "deploy")."""
    return act_group(verb_stem)


def _plain(text: str, verb_stem: str) -> list[tuple[int, int]]:
    """Occurrences of a verb that are neither hedged nor negated."""
    covered = [
        (s, e)
        for which in ("hedge", "neg", "maybe")
        for s, e, _vs, _ve, _st in _marked(text, which)
    ]
    same = verb_group(verb_stem)
    return [
        (m.start(), m.end())
        for m in _WORD.finditer(text)
        if stem(m.group()) in same
        and m.group()[0].islower()
        and not in_quote(text, m.start())
        and not any(s <= m.start() < e for s, e in covered)
        and not _UNASSERTED.search(text[max(0, m.start() - 40) : m.start()])
        and not _NEG_SUBJECT.search(text[max(0, m.start() - 50) : m.start()])
        and not _DETERMINER.search(text[max(0, m.start() - 12) : m.start()])
        and not _hedged_sentence(text, m.start())
    ]


# "it was overturning the rule": after a form of "be" an -ing verb is asserted, not a gerund.
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been|be)\s+$", re.IGNORECASE)
# "a rescue call": after a determiner the word is a noun, not the verb; "listed as endangered":
# after "as" a participle names a state, no act.
_DETERMINER = re.compile(r"\b(?:a|an|the|its|his|her|their|our|this|that|as)\s+$", re.IGNORECASE)
_SENTENCE_HEDGE = re.compile(
    r"\b(?:allegedly|reportedly|apparently|purportedly|according\s+to"
    r"\s+(?:unconfirmed\s+)?reports|unconfirmed)\b",
    re.IGNORECASE,
)


def _hedged_sentence(text: str, pos: int) -> bool:
    """ "Allegedly, Ross was paid ...": a sentence-wide hedge covers every verb in it."""
    start = max(text.rfind(". ", max(0, pos - 300), pos), pos - 300, 0)
    stop = text.find(". ", pos, pos + 300)
    return bool(_SENTENCE_HEDGE.search(text[start : pos + 300 if stop < 0 else stop]))


# "members can invoke", "to sign", "nothing requires": the verb is there but not asserted.
_UNASSERTED = re.compile(
    r"\b(?:can|could|would|should|will|may|might|must|to|nothing|nobody|none|neither|nor"
    r"|no\s+one|if|whether|unless)\s+(?:\w+\s+){0,2}$"
    # "the possibility that X has sent": a verb inside a possibility is not asserted
    r"|\b(?:possibility|possible|chance|likelihood|prospect)\s+that\s+(?:[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)


_NEG_SUBJECT = re.compile(
    r"\b(?:nothing|nobody|none|neither|nor|no\s+one)\b[^,;.]*$", re.IGNORECASE
)


def _similar(a: str, sa: int, ea: int, b: str, sb: int, eb: int) -> bool:
    """The same verb is strong evidence: two shared content words around it are enough."""
    return similar_context(
        clause_around(a, sa, ea), clause_around(b, sb, eb), min_shared=2, ratio=0.25
    )


def _against(a: str, b: str, which: str) -> tuple[int, int, int, int] | None:
    """A verb marked (hedged/negated) in ``a`` stated plainly in ``b`` about the same thing."""
    for start, end, vs, ve, verb_stem in _marked(a, which):
        if which == "maybe":  # a hedged future against an asserted future only
            plain = [(s, e) for s, e, _x, _y, st in _marked(b, "will") if st == verb_stem]
        else:  # "likely to affect" vs "affecting": a gerund is not the asserted verb
            ing = a[vs:ve].lower().endswith("ing")
            plain = [
                (ps, pe)
                for ps, pe in _plain(b, verb_stem)
                if ing or not b[ps:pe].lower().endswith("ing") or _PROGRESSIVE.search(b, 0, ps)
            ]
        for ps, pe in plain:
            if other_objects(a, Span(vs, ve, a[vs:ve]), b, Span(ps, pe, b[ps:pe])):
                continue  # "has not closed the Burgas market" vs "closed the Varna pier"
            if other_particles(a, ve, b, pe):
                continue  # "never checked into" vs "checked out of"
            alike = (
                _similar(a, start, ve, b, ps, pe)
                or same_head(a, ve, b, pe)
                or same_named(a, Span(vs, ve, a[vs:ve]), b, Span(ps, pe, b[ps:pe]))
            )
            if alike and same_subject(a, start, b, ps) and not other_complements(a, ve, b, pe):
                return start, end, ps, pe
    if which == "neg":
        for m in _NO_OBJECT.finditer(a):
            hit = _object_affirmed(b, stem(m.group("verb")), stem(m.group("noun")))
            if hit and not in_quote(a, m.start()) and _similar(a, m.start(), m.end(), b, *hit):
                return m.start(), m.end(), hit[0], hit[1]
    return None


def _object_affirmed(text: str, verb_stem: str, noun_stem: str) -> tuple[int, int] | None:
    """ "issued a tsunami warning": the verb, then the noun within four words, no "no"."""
    words = list(_WORD.finditer(text))
    for i, w in enumerate(words):
        if stem(w.group()) != verb_stem or in_quote(text, w.start()):
            continue
        window = words[i + 1 : i + 5]
        if any(x.group().lower() == "no" for x in window):
            continue
        for x in window:
            if stem(x.group()) == noun_stem:
                return w.start(), x.end()
    return None


def _either_way(
    kind: ConflictType, a: str, b: str, which: str, marked: str, plain: str
) -> list[Conflict]:
    hit = _against(a, b, which)
    if hit is not None:
        sa, ea, sb, eb = hit
        text = f'"{_one(a[sa:ea])}" ({marked}) vs "{_one(b[sb:eb])}" ({plain})'
    else:
        hit = _against(b, a, which)
        if hit is None:
            return []
        sb, eb, sa, ea = hit
        text = f'"{_one(a[sa:ea])}" ({plain}) vs "{_one(b[sb:eb])}" ({marked})'
    label = "Certainty differs" if kind == "certainty" else "Negation differs"
    return [conflict(kind, a, (sa, ea), b, (sb, eb), f"{label}: {text}")]


def _one(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=8192)
def _polarities(text: str) -> tuple[tuple[int, int, str], ...]:
    """Confirm/deny words outside quotes and negations (per text: every pair asks again)."""
    negated = [(s, e) for s, e, _vs, _ve, _st in _marked(text, "neg")]
    out = []
    for m in _WORD.finditer(text):
        pol = _polarity(m.group())
        if (
            pol
            and not in_quote(text, m.start())
            and not any(s <= m.start() < e for s, e in negated)
        ):
            out.append((m.start(), m.end(), pol))
    return tuple(out)


def certainty_conflicts(a: str, b: str) -> list[Conflict]:
    """Hedged in one passage, asserted in the other; or confirmed in one and denied in the other."""
    found = _either_way("certainty", a, b, "hedge", "hedged", "asserted") or _either_way(
        "certainty", a, b, "maybe", "hedged", "asserted"
    )
    if found:
        return found
    pa, pb = _polarities(a), _polarities(b)
    kinds_a, kinds_b = {p[2] for p in pa}, {p[2] for p in pb}
    if len(kinds_a) == 1 and len(kinds_b) == 1 and kinds_a != kinds_b:
        (sa, ea, _ka), (sb, eb, _kb) = pa[0], pb[0]
        if similar_context(clause_around(a, sa, ea), clause_around(b, sb, eb)):
            return [
                conflict(
                    "certainty",
                    a,
                    (sa, ea),
                    b,
                    (sb, eb),
                    f"Certainty differs: {a[sa:ea]} vs {b[sb:eb]}",
                )
            ]
    return []


def negation_conflicts(a: str, b: str) -> list[Conflict]:
    """A verb negated in one passage and affirmed in the other about the same thing."""
    return _either_way("negation", a, b, "neg", "negated", "affirmed")
