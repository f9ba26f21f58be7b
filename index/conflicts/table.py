"""The event fact table: every report's facts by slot, and the values that cannot both hold."""

from __future__ import annotations

import dataclasses
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from index.base.cancel import checkpoint
from index.base.fact_table import Dispute, Fact, FactKind, FactRow, FactSpan, FactTable, Nature
from index.base.models import Article, Passage
from index.conflicts.clauses import clause_around, in_quote
from index.conflicts.numbers import spans_of
from index.conflicts.parties import party_of
from index.facts.acts import ANAPHOR, ANOTHER
from index.facts.names import name_key
from index.facts.table import RawFact, report_facts
from index.text.lexicon import SPEECH_VERBS, STOP, act_group, stem

_SPEECH_STEMS = frozenset(stem(w) for w in SPEECH_VERBS)
# "DiLeo", "McNair", "O'Brien", "Hong-kyun", "NATO": one name each.
_CAPITAL = re.compile(
    r"(?<![\w'’])[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Za-z]+)?|(?<![\w.])[A-Z]{2,5}(?![\w])"
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CALENDAR = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)
_EARLY = re.compile(r"morning|early|dawn", re.IGNORECASE)
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
_MAX_SLOT = 120
_DIGITS = re.compile(r"\d[\d,.]*")
_NEAR = 3
_AFTER = 25  # characters after a figure whose names still say whose or of what it is
_REACH = 70  # characters of clause on each side that say what a figure is about
# A figure a quarter or more above a lower bound is not what the bound's reporter knew.
_GREW = 1.25


@dataclass(frozen=True)
class _Item:
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


def _context(
    raw: RawFact, text: str, mid: frozenset[str]
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    s, e = raw.sentence
    sentence = text[s:e]
    around = clause_around(sentence, raw.start - s, raw.end - s, _REACH)
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
    years = frozenset(_YEAR.findall(around)) - {raw.value}
    return stems, names, years


def _report_names(article: Article) -> frozenset[str]:
    return frozenset(
        name_key(m.group()) for m in _CAPITAL.finditer(f"{article.title}\n{article.body}")
    )


def _items(article: Article, sentences: Sequence[tuple[int, int]] | None) -> list[_Item]:
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
        item = _Item(fact, raw, stems, names, years, spans_of(sentence), relation, known, near)
        party = (
            party_of(sentence, raw.start - raw.sentence[0], mid) if raw.kind == "money" else None
        )
        # Compared with every other value of its slot: the widened bounds are worked out once.
        out.append(dataclasses.replace(item, bounds=_rounded(item), party=party or frozenset()))
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


def _rounded(x: _Item) -> tuple[float, float]:
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


def _compatible(x: _Item, y: _Item) -> bool:
    if x.fact.kind == "bearing":  # "east" and "north-east" may be one rough bearing
        turn = abs(x.fact.low - y.fact.low) % 360
        return min(turn, 360 - turn) <= 45
    (xl, xh), (yl, yh) = x.bounds, y.bounds
    if x.fact.kind == "date":
        (xl, xh), (yl, yh) = _common_scale(x, y) or ((xl, xh), (yl, yh))
        if _adjacent_night(x, y, xl, yl):
            return True
    return xl <= yh and yl <= xh


def _adjacent_night(x: _Item, y: _Item, xv: float, yv: float) -> bool:
    """ "Thursday night" and "early Friday morning" can be the same night, and so can
    "Thursday" and "early Friday, around 1:30 a.m.": small hours are told either way."""
    if abs(xv - yv) not in (1.0, 6.0):
        return False
    first, second = (x, y) if (xv - yv) % 7 == 6 else (y, x)
    return bool(_EARLY.search(second.fact.value))


def _band(v: float) -> int:
    """A date's encoding: weekdays (1), month-days (2), resolved days (3)."""
    return 0 if v < 100 else (1 if v < 1000 else (2 if v < 100000 else 3))


def _as_band(x: _Item, band: int) -> tuple[float, float] | None:
    """A date in another encoding: a resolved single day is also a weekday and a month-day
    ("Friday" in a report dated Friday 11 November is 11 November too)."""
    lo, hi = x.bounds
    if _band(x.fact.low) == band:
        return lo, hi
    if _band(x.fact.low) != 3 or x.fact.low != x.fact.high or band not in (1, 2):
        return None
    day = date.fromordinal(int(x.fact.low))
    v = 100.0 + day.weekday() if band == 1 else 1000.0 + day.month * 40 + day.day
    return v, v


def _common_scale(x: _Item, y: _Item) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Both dates in the coarser of their two encodings, or None when they have none."""
    band = min(_band(x.fact.low), _band(y.fact.low))
    bx, by = _as_band(x, band), _as_band(y, band)
    return (bx, by) if bx is not None and by is not None else None


def _same_scale(x: _Item, y: _Item) -> bool:
    """Dates are compared in one encoding: resolved days, weekdays or month-days; a resolved
    day is compared with a weekday or a month-day in their encoding."""
    return x.fact.kind != "date" or _common_scale(x, y) is not None


def _same_referent(x: _Item, y: _Item) -> bool:
    """Do two facts of one slot speak of the same thing (same names, same time, same action)?"""
    rx, ry = x.raw, y.raw
    if {"converted", "rate", "part", "vague", "modal"} & (rx.marks | ry.marks):
        # a conversion, a rate, a remainder, "hundreds of", what "can" or "could" be: not the
        # figure itself
        return False
    if ("total" in rx.marks) != ("total" in ry.marks):
        return False  # a campaign total against one operation's figure
    if x.fact.kind == "bearing":
        # The place is the slot. One distance from it names one point ("150 nautical miles
        # west of Aden" against "... east of Aden"); without distances, more in common.
        dx, dy = _DIGITS.findall(x.fact.span.text), _DIGITS.findall(y.fact.span.text)
        return (bool(dx) and dx == dy) or len(x.stems & y.stems) >= 2
    if x.years and y.years and not (x.years & y.years):
        return False  # "in 2004" against "in 2008": figures of two times
    only_x, only_y = x.names - y.names, y.names - x.names
    if x.party and y.party:
        if not x.party & y.party:
            return False  # "the Orioles offered" / "the Red Sox offered": two parties' sums
        # One party's sum: the names on one side only are its reporter, payee or officials.
    elif only_x and only_y:
        if not (x.names & y.known or y.names & x.known):
            return False  # "Cheeks was fired" vs "O'Brien, fired": nothing ties the two
        # "the Red Sox offered" vs "the Orioles offered": one ties its figure to a name the
        # other report knows too but does not tie its own to. A name the other report never
        # uses (the reporter, the source) tells nothing about what the figure is of. A date or
        # a count of one action verb is keyed by that verb: both sides must name another party.
        tied_x, tied_y = bool(only_x & y.known), bool(only_y & x.known)
        keyed = x.fact.kind in ("date", "times")
        if x.fact.kind == "money" or ((tied_x and tied_y) if keyed else (tied_x or tied_y)):
            # An amount is a party's own: two sides naming different parties are two offers.
            return False
    if x.periods != y.periods or x.relation != y.relation:
        return False  # "in 54 games" vs "last season"; "in 30 days" vs "nine days before"
    if x.fact.kind == "duration" and not x.relation:
        return False  # "the first two months" vs "three years at the helm": spans of what?
    if x.fact.kind == "money" and not (x.names & y.names):
        return False  # an amount is someone's: the offer, the fee, the loan of a named party
    shared = len(x.stems & y.stems)
    if x.fact.kind in ("date", "year"):
        # One action dated in both clauses ("checked in"; "intercepted ... and foiled" against
        # "foiled") is the same act; other verbs need more in common ("thwarted an attack" /
        # "foiled an attack").
        acts = x.raw.actions & y.raw.actions
        if any(f"{a} {ANAPHOR}" in x.raw.objects | y.raw.objects for a in acts):
            return True  # "it was proposed in August": the act done to what the story is about
        if acts and _other_things(x.raw.objects, y.raw.objects, acts):
            return False  # "signed an executive order" / "a spending bill signed by": two acts
        if x.raw.slot == y.raw.slot or acts:
            # ...of the same thing: "released from a hospital in 1992" and "released a film in
            # 2005" share the verb only. Something else in common, a word or a name, is needed.
            # (every verb of the act's group: "fired" is the act "dismiss" too)
            verbs = {v for a in {x.raw.slot.rsplit(" ", 1)[-1]} | acts for v in act_group(a)}
            return bool(x.names & y.names) or bool((x.stems & y.stems) - verbs)
        return shared >= 3 and not (x.raw.actions and y.raw.actions)
    if x.fact.kind == "times":
        return True  # "married twice": the slot holds the verb, the guards above the referent
    if x.fact.kind == "percent" and x.near & y.near - _SPEECH_STEMS:
        return True  # "turnout was almost 90%" / "turnout reached 93.87 percent"
    if x.fact.kind == "money":
        # The party is named on both sides (above): one more word in common says it is the
        # same sum ("has already brought in" / "has already accumulated").
        return shared >= 1
    if x.fact.kind == "count":
        # people killed / injured: the slot says much already; "comments", "people" marching:
        # one more word in common ("received", "marched") says it is the same count.
        # "people" alone is the least specific count of all: two more words in common.
        return shared >= (0 if " " in x.fact.slot else 2 if x.fact.slot == "people" else 1)
    return shared >= 2


def _other_things(ox: frozenset[str], oy: frozenset[str], acts: frozenset[str]) -> bool:
    """Every act the two clauses share was done, on each side, to something named, and to
    nothing in common."""
    for act in acts:
        tx = {o for o in ox if o.rsplit(" ", 1)[0] == act}
        ty = {o for o in oy if o.rsplit(" ", 1)[0] == act}
        if f"{act} {ANOTHER}" in tx | ty:
            continue  # "overturned another regulation": one more act of the kind
        if not (tx and ty) or tx & ty:
            return False
    return True


def _agrees(x: _Item, y: _Item) -> bool:
    same = x.fact.low == y.fact.low and x.fact.high == y.fact.high
    if not same and math.isinf(x.fact.high):
        return False  # a bound agrees only with itself: "at least 40" is no count of its own
    if not same and math.isinf(y.fact.high) and _grew(x, y):
        return False  # "$459 million" is past what "over $363 million" knew
    return (same or _compatible(x, y)) and _same_referent(x, y)


def _holds(x: _Item, y: _Item) -> bool:
    """Does ``y`` state ``x``'s closed figure (open bounds that overlap are no same figure)?
    A percentage is of anything: only one of the same thing counts ("90 percent of the
    candidates" is no turnout)."""
    if math.isinf(x.fact.high) or math.isinf(y.fact.high) or not _compatible(x, y):
        return False
    if x.fact.kind in ("date", "year"):
        # A day is of an act: "escorted on Thursday" does not hold apart "foiled on Friday" and
        # "intercepted and foiled on Thursday"; the same act dated twice does.
        return bool(x.raw.actions & y.raw.actions)
    return x.fact.kind != "percent" or _same_referent(x, y)


def _grew(x: _Item, y: _Item) -> bool:
    """Of two figures, one or both a lower bound ("more than 40"), does one tell a figure that
    grew past the other? A bound is written near what its reporter knew: "more than $363
    million" and "$368 million" are one sum, "at least 3" dead and "at least 10" or "12" dead
    are a toll that grew. A figure under a lower bound cannot hold with it at all."""
    if not _compatible(x, y):
        return True
    low, high = sorted((x.fact.low, y.fact.low))
    return high >= _GREW * low


def _nature(x: _Item, y: _Item) -> Nature:
    if _compatible(x, y) and (math.isinf(x.fact.high) or math.isinf(y.fact.high)):
        return "evolving"  # "at least 3" then "at least 10" or "12": a toll that grew
    return "conflict"


def _disputes(items: list[_Item]) -> list[tuple[int, int, Nature]]:
    out: list[tuple[int, int, Nature]] = []
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_article[it.fact.span.article_id].append(i)
    for i, x in enumerate(items):
        for j in range(i + 1, len(items)):
            y = items[j]
            ax, ay = x.fact.span.article_id, y.fact.span.article_id
            if ax == ay or not _same_scale(x, y) or not _same_referent(x, y):
                continue
            if math.isinf(x.fact.high) or math.isinf(y.fact.high):
                if not _grew(x, y):
                    continue
            elif _compatible(x, y):
                continue
            # The other report states this figure too, for the same thing: two referents.
            if any(_agrees(x, items[k]) for k in by_article[ay]) or any(
                _agrees(y, items[k]) for k in by_article[ax]
            ):
                continue
            # A report that states both figures for this slot holds them apart itself
            # ("sent 1,500 special forces" and, elsewhere, "10,000 troops" by another count).
            if any(_holds(y, items[k]) for k in by_article[ax]) or any(
                _holds(x, items[k]) for k in by_article[ay]
            ):
                continue
            out.append((i, j, _nature(x, y)))
    return out


def _comparable(slot: str) -> bool:
    verb = slot.rsplit(" ", 1)[-1]
    return not (slot.startswith(("date of ", "year of ")) and verb in _SPEECH_STEMS)


def build_fact_table(
    articles: Sequence[Article], passages: Mapping[str, Sequence[Passage]] | None = None
) -> FactTable:
    """The facts of every report of an event by slot; disputed rows first. ``passages`` (the
    comparison's, by article id) saves splitting the bodies again."""
    slots: dict[str, list[_Item]] = defaultdict(list)
    for article in articles:
        checkpoint()
        known = passages.get(article.id) if passages is not None else None
        # The body's sentences: the headline passage is read from the title (report_facts).
        sentences = (
            [(p.start, p.end) for p in known if not p.in_title] if known is not None else None
        )
        for item in _items(article, sentences):
            # One row for the days of the event's actions: the verbs tell them apart below.
            slot = item.fact.kind if item.fact.kind in ("date", "year") else item.fact.slot
            if _comparable(item.raw.slot):
                slots[slot].append(item)
    rows = []
    for slot, items in slots.items():
        checkpoint()
        # A slot stated over a hundred times in one event is no single fact (a list, a
        # generated text): not compared pairwise, so the work stays near linear.
        pairs = _disputes(items) if 1 < len(items) <= _MAX_SLOT else []
        disputes = tuple(Dispute(i, j, n, _why(items[i], items[j], n)) for i, j, n in pairs)
        rows.append(FactRow(slot, items[0].fact.kind, tuple(it.fact for it in items), disputes))
    rows.sort(key=lambda r: (not r.disputes, -len({f.span.article_id for f in r.facts}), r.slot))
    return FactTable(tuple(rows))


def _why(x: _Item, y: _Item, nature: Nature) -> str:
    verb = "Figures grew" if nature == "evolving" else "Values differ"
    return f"{verb} for {x.fact.slot}: {x.fact.span.text} vs {y.fact.span.text}"
