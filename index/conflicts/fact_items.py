"""Each report's facts with what they are about: clause words, names, years, periods, party.

A figure alone says little ("12 people"); what makes two figures comparable is the clause around
it: the content words (what was done), the names before it (whose), the years and periods (when),
how a duration relates to its event. These are worked out once per fact here, then compared in
pairs by index/conflicts/referents.py and index/conflicts/table.py.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.base.fact_table import Fact, FactKind, FactSpan
from index.base.models import Article
from index.conflicts.clauses import clause_around, in_quote
from index.conflicts.numbers import spans_of
from index.conflicts.parties import party_of, pronoun_party, teller_of
from index.facts.names import name_key
from index.facts.table import RawFact, report_facts, revision_start
from index.text.lexicon import SPEECH_VERBS, STOP, stem

__all__ = ["SPEECH_STEMS", "FactItem", "report_items"]

SPEECH_STEMS = frozenset(stem(w) for w in SPEECH_VERBS)
# "DiLeo", "McNair", "O'Brien", "Hong-kyun", "NATO": one name each.
_CAPITAL = re.compile(
    r"(?<![\w'’])[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Za-z]+)?|(?<![\w.])[A-Z]{2,5}(?![\w])"
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CALENDAR = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)
# A capitalised word inside a sentence (after a lower-case word or a comma): a name.
_MID_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+(?:[A-Z][a-z]+)?")
_LOWER = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
# Number, scale and currency words say how much, not of what.
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty"
    " hundred thousand million billion trillion dollars dollar euros euro pounds pound percent"
    " cent least than more nearly about around some almost roughly estimated up".split()
)
# How a duration relates to its event: an offset from it, a span of it, a time until it.
_RELATION = {
    **dict.fromkeys(("before", "earlier", "ago", "after", "later", "since"), "offset"),
    **dict.fromkeys(("for", "past", "over", "during", "last", "through"), "span"),
    **dict.fromkeys(("in", "within"), "until"),
}
_NEAR = 3
_AFTER = 25  # characters after a figure whose names still say whose or of what it is
_REACH = 70  # characters of clause on each side that say what a figure is about


@dataclass(frozen=True)
class FactItem:
    """A fact of one report with what its clause says of it."""

    fact: Fact
    raw: RawFact
    stems: frozenset[str]  # content stems of its clause, without the figure
    names: frozenset[str]  # name keys of capitalised words in its clause
    years: frozenset[str]  # other years in its clause: the time the figure belongs to
    periods: frozenset[str]  # "in 54 games", "last season": the span a sports figure covers
    relation: str  # a duration's relation to its event: "offset", "span", "until" or ""
    known: frozenset[str]  # name keys its whole report mentions (title and body)
    near: frozenset[str] = frozenset()  # content stems within three words of the figure
    bounds: tuple[float, float] = (0.0, 0.0)  # low and high widened by rounding (_rounded)
    party: frozenset[str] = frozenset()  # an amount's subject, the first name of its clause
    teller: frozenset[str] = frozenset()  # a count's teller: "Police" in "Police said 20,000"


def _context(
    raw: RawFact, text: str, mid: frozenset[str]
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    s, e = raw.sentence
    sentence = text[s:e]
    around = clause_around(sentence, raw.start - s, raw.end - s, _REACH)
    if "revised" in raw.marks:
        # A changed value is of what the change verb changed: "upgraded their initial offer
        # ... to $184 million" is an offer, however far the clause split it from the verb.
        start = revision_start(sentence, raw.start - s)
        around += " " + sentence[start if start is not None else raw.start - s : raw.start - s]
    # What the figure is about: the lower-case content words of its clause (names apart).
    # The counted noun itself says nothing more than the slot already does.
    counted = {stem(w) for w in _LOWER.findall(text[raw.start : raw.end])}
    stems = (
        frozenset(
            stem(w)
            for w in _LOWER.findall(around)
            if w not in STOP and w not in _NUMBER_WORDS and len(w) > 2
        )
        - counted
    )
    # Whose figure it is stands before it ("the Orioles have offered $140 million", "Police
    # said 12 were hurt"); names after it say where or about what ("in the election for 288
    # candidates, all of whom support President X"), not whose.
    # The phrase right after it may still say of what ("13 nautical miles from the Mysore").
    fs, fe = raw.start - s, raw.end - s
    wide = clause_around(sentence[: fe + _AFTER], fs, fe, 2 * _REACH) + " " + sentence[fs:fe]
    first = re.match(r"\W*\w+", wide)
    capitals = list(_CAPITAL.finditer(wide))
    if len(capitals) * 2 > len(wide.split()):
        capitals = []  # A Headline In Title Case: its capitals are no names
    names = frozenset(
        name_key(m.group())
        for m in capitals
        if m.group().lower() not in _CALENDAR
        and m.group().lower() not in STOP
        # A sentence's first word is capitalised anyway: a name only if the report also
        # writes it capitalised inside a sentence ("Reid checked in" yes, "Police said" no).
        and not (
            first and m.start() < first.end() and raw.in_title is False and m.group() not in mid
        )
    )
    # Years inside the figure are what it counts ("both the 2004 and 2005 awards"), not when.
    years = frozenset(_YEAR.findall(around)) - {raw.value} - set(_YEAR.findall(raw.value))
    return stems, names, years


def _report_names(article: Article) -> frozenset[str]:
    return frozenset(
        name_key(m.group()) for m in _CAPITAL.finditer(f"{article.title}\n{article.body}")
    )


def report_items(article: Article, sentences: Sequence[tuple[int, int]] | None) -> list[FactItem]:
    """Every fact of one report with its context, bounds widened by rounding."""
    out = []
    known = _report_names(article)
    mid = frozenset(_MID_CAPITAL.findall(article.body))
    for raw in report_facts(article, sentences):
        text = article.title if raw.in_title else article.body
        span = FactSpan(article.id, raw.in_title, raw.start, raw.end, text[raw.start : raw.end])
        fact = Fact(raw.slot, _kind(raw.kind), raw.value, raw.low, raw.high, span)
        stems, names, years = _context(raw, text, mid)
        sentence = text[raw.sentence[0] : raw.sentence[1]]
        if in_quote(sentence, raw.start - raw.sentence[0]):
            raw = _with_mark(raw, "quoted")
        relation = _relation(text, raw) if raw.kind == "duration" else ""
        near = _near(text, raw)
        item = FactItem(fact, raw, stems, names, years, spans_of(sentence), relation, known, near)
        party = (
            party_of(sentence, raw.start - raw.sentence[0], mid)
            if raw.kind == "money"
            # "He hosted the ceremony five times": whose count is whom "He" names.
            else pronoun_party(text, raw.sentence[0], mid)
            if raw.kind == "times"
            else None
        )
        teller = teller_of(sentence, raw.start - raw.sentence[0]) if raw.kind == "count" else None
        # Compared with every other value of its slot: the widened bounds are worked out once.
        out.append(
            dataclasses.replace(
                item,
                bounds=_rounded(item),
                party=party or frozenset(),
                teller=teller or frozenset(),
            )
        )
    return out


def _near(text: str, raw: RawFact) -> frozenset[str]:
    """Content stems of the three words on each side of a figure, in its sentence: what a
    percentage or an amount measures is written next to it ("turnout reached 93.87 percent")."""
    s, e = raw.sentence
    before = _LOWER.findall(text[max(s, raw.start - 40) : raw.start])[-_NEAR:]
    after = _LOWER.findall(text[raw.end : min(e, raw.end + 40)])[:_NEAR]
    return frozenset(
        stem(w) for w in before + after if w not in STOP and w not in _NUMBER_WORDS and len(w) > 2
    )


def _relation(text: str, raw: RawFact) -> str:
    before = _LOWER.findall(text[max(raw.sentence[0], raw.start - 20) : raw.start])[-1:]
    after = _LOWER.findall(text[raw.end : min(raw.sentence[1], raw.end + 12)])[:1]
    for w in after + before:
        if w in _RELATION:
            return _RELATION[w]
    return ""


def _with_mark(raw: RawFact, mark: str) -> RawFact:
    return dataclasses.replace(raw, marks=raw.marks | {mark})


def _kind(kind: str) -> FactKind:
    kinds: dict[str, FactKind] = {
        k: k
        for k in (
            "count",
            "money",
            "percent",
            "age",
            "magnitude",
            "duration",
            "times",
            "date",
            "bearing",
        )
    }
    return kinds.get(kind, "year")


def _rounded(x: FactItem) -> tuple[float, float]:
    """Bounds widened by how round an exact figure is: "20,000" is a count to the thousands."""
    low, high = x.fact.low, x.fact.high
    if x.fact.kind in ("date", "year") or x.fact.value[:1] in "~<>" or math.isinf(high):
        return low, high
    value = round((low + high) / 2)
    if value < 1000:
        return low, high
    digits = str(int(value))
    zeros = len(digits) - len(digits.rstrip("0"))
    # Half a unit of its last digit, at most 5%: "$200 million" is no rounding of 184 million.
    tol = min(0.5 * 10.0**zeros, 0.05 * value) if zeros else 0.0
    return min(low, value - tol), max(high, value + tol)
