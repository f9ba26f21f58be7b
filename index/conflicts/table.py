"""The event fact table: every report's facts by slot, and the values that cannot both hold."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from index.base.cancel import checkpoint
from index.base.fact_table import Dispute, FactRow, FactTable, Nature
from index.base.models import Article, Passage
from index.conflicts.fact_items import SPEECH_STEMS, FactItem, report_items
from index.conflicts.referents import same_referent

_MAX_SLOT = 120
_EARLY = re.compile(r"morning|early|dawn", re.IGNORECASE)
# A figure a quarter or more above a lower bound is not what the bound's reporter knew.
_GREW = 1.25


def _compatible(x: FactItem, y: FactItem) -> bool:
    if x.fact.kind == "bearing":  # "east" and "north-east" may be one rough bearing
        turn = abs(x.fact.low - y.fact.low) % 360
        return min(turn, 360 - turn) <= 45
    (xl, xh), (yl, yh) = x.bounds, y.bounds
    if x.fact.kind == "date":
        (xl, xh), (yl, yh) = _common_scale(x, y) or ((xl, xh), (yl, yh))
        if _adjacent_night(x, y, xl, yl):
            return True
    return xl <= yh and yl <= xh


def _adjacent_night(x: FactItem, y: FactItem, xv: float, yv: float) -> bool:
    """ "Thursday night" and "early Friday morning" can be the same night, and so can
    "Thursday" and "early Friday, around 1:30 a.m.": small hours are told either way."""
    if abs(xv - yv) not in (1.0, 6.0):
        return False
    first, second = (x, y) if (xv - yv) % 7 == 6 else (y, x)
    return bool(_EARLY.search(second.fact.value))


def _band(v: float) -> int:
    """A date's encoding: weekdays (1), month-days (2), resolved days (3)."""
    return 0 if v < 100 else (1 if v < 1000 else (2 if v < 100000 else 3))


def _as_band(x: FactItem, band: int) -> tuple[float, float] | None:
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


def _common_scale(
    x: FactItem, y: FactItem
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Both dates in the coarser of their two encodings, or None when they have none."""
    band = min(_band(x.fact.low), _band(y.fact.low))
    bx, by = _as_band(x, band), _as_band(y, band)
    return (bx, by) if bx is not None and by is not None else None


def _same_scale(x: FactItem, y: FactItem) -> bool:
    """Dates are compared in one encoding: resolved days, weekdays or month-days; a resolved
    day is compared with a weekday or a month-day in their encoding."""
    return x.fact.kind != "date" or _common_scale(x, y) is not None


def _agrees(x: FactItem, y: FactItem) -> bool:
    same = x.fact.low == y.fact.low and x.fact.high == y.fact.high
    if not same and math.isinf(x.fact.high):
        return False  # a bound agrees only with itself: "at least 40" is no count of its own
    if not same and math.isinf(y.fact.high) and _grew(x, y):
        return False  # "$459 million" is past what "over $363 million" knew
    return (same or _compatible(x, y)) and same_referent(x, y)


def _holds(x: FactItem, y: FactItem) -> bool:
    """Does ``y`` state ``x``'s closed figure (open bounds that overlap are no same figure)?
    A percentage is of anything: only one of the same thing counts ("90 percent of the
    candidates" is no turnout)."""
    if math.isinf(x.fact.high) or math.isinf(y.fact.high) or not _compatible(x, y):
        return False
    if "vague" in y.raw.marks:
        return False  # "tens of thousands" states no figure
    if x.fact.kind not in ("date", "year", "bearing") and x.fact.low == 0 < x.fact.high:
        # "as many as 20,000" states 20,000 as its top: "three people" is not that figure.
        low, high = y.bounds
        return low <= x.fact.high <= high
    if x.fact.kind in ("date", "year"):
        # A day is of an act: "escorted on Thursday" does not hold apart "foiled on Friday" and
        # "intercepted and foiled on Thursday"; the same act dated twice does.
        return bool(x.raw.actions & y.raw.actions)
    if x.fact.kind == "money" and x.party and y.party and not x.party & y.party:
        return False  # a sum is a party's: the Red Sox's like sum says nothing of the Nationals'
    return x.fact.kind != "percent" or same_referent(x, y)


def _grew(x: FactItem, y: FactItem) -> bool:
    """Of two figures, one or both a lower bound ("more than 40"), does one tell a figure that
    grew past the other? A bound is written near what its reporter knew: "more than $363
    million" and "$368 million" are one sum, "at least 3" dead and "at least 10" or "12" dead
    are a toll that grew. A figure under a lower bound cannot hold with it at all."""
    if not _compatible(x, y):
        return True
    low, high = sorted((x.fact.low, y.fact.low))
    return high >= _GREW * low


def _nature(x: FactItem, y: FactItem) -> Nature:
    if _compatible(x, y) and (math.isinf(x.fact.high) or math.isinf(y.fact.high)):
        return "evolving"  # "at least 3" then "at least 10" or "12": a toll that grew
    if "revised" in x.raw.marks | y.raw.marks:
        return "evolving"  # one report told the figure a later one says was changed
    return "conflict"


def _states_too(x: FactItem, y: FactItem, theirs: list[FactItem]) -> bool:
    """Does ``y``'s report (``theirs``) state ``x``'s figure too, other than as the value
    ``y`` replaced ("upgraded their offer -- $160 million -- to $184 million")?"""
    return any((_agrees(x, it) or _holds(x, it)) and not _replaced(it, y) for it in theirs)


def _replaced(old: FactItem, new: FactItem) -> bool:
    """Is ``old`` the value ``new`` replaced, in one sentence of one report ("upgraded their
    offer -- $160 million -- to $184 million")? The report holds them apart as then and now,
    not as two things."""
    return (
        "revised" in new.raw.marks
        and old.raw.sentence == new.raw.sentence
        and old.raw.in_title == new.raw.in_title
        and old.raw.start < new.raw.start
    )


def _disputes(items: list[FactItem]) -> list[tuple[int, int, Nature]]:
    out: list[tuple[int, int, Nature]] = []
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_article[it.fact.span.article_id].append(i)
    for i, x in enumerate(items):
        for j in range(i + 1, len(items)):
            y = items[j]
            ax, ay = x.fact.span.article_id, y.fact.span.article_id
            if ax == ay or not _same_scale(x, y) or not same_referent(x, y):
                continue
            if math.isinf(x.fact.high) or math.isinf(y.fact.high):
                if not _grew(x, y):
                    continue
            elif _compatible(x, y):
                continue
            # The other report states this figure too, for the same thing: two referents; or
            # it states both figures for this slot and so holds them apart itself ("sent 1,500
            # special forces" and, elsewhere, "10,000 troops" by another count).
            theirs_x = [items[k] for k in by_article[ax]]
            theirs_y = [items[k] for k in by_article[ay]]
            if _states_too(x, y, theirs_y) or _states_too(y, x, theirs_x):
                continue
            out.append((i, j, _nature(x, y)))
    return out


def _comparable(slot: str) -> bool:
    verb = slot.rsplit(" ", 1)[-1]
    return not (slot.startswith(("date of ", "year of ")) and verb in SPEECH_STEMS)


def build_fact_table(
    articles: Sequence[Article], passages: Mapping[str, Sequence[Passage]] | None = None
) -> FactTable:
    """The facts of every report of an event by slot; disputed rows first. ``passages`` (the
    comparison's, by article id) saves splitting the bodies again."""
    slots: dict[str, list[FactItem]] = defaultdict(list)
    for article in articles:
        checkpoint()
        known = passages.get(article.id) if passages is not None else None
        # The body's sentences: the headline passage is read from the title (report_facts).
        sentences = (
            [(p.start, p.end) for p in known if not p.in_title] if known is not None else None
        )
        for item in report_items(article, sentences):
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


def _why(x: FactItem, y: FactItem, nature: Nature) -> str:
    verb = "Figures grew" if nature == "evolving" else "Values differ"
    return f"{verb} for {x.fact.slot}: {x.fact.span.text} vs {y.fact.span.text}"
