"""Do two facts of one slot speak of the same thing: the same names, time, act and party?

The guards that keep a table of figures honest: another person's age, a sub-area's toll, a
campaign total against one attack's, two parties' offers, two acts dated apart are not one fact
told two ways. Each guard is a general test on the clauses (index/conflicts/fact_items.py).
"""

from __future__ import annotations

import re

from index.conflicts.fact_items import SPEECH_STEMS, FactItem
from index.facts.acts import ANAPHOR, ANOTHER
from index.text.lexicon import act_group

__all__ = ["same_referent"]

_DIGITS = re.compile(r"\d[\d,.]*")


def same_referent(x: FactItem, y: FactItem) -> bool:
    """Do two facts of one slot speak of the same thing (same names, same time, same action)?"""
    rx, ry = x.raw, y.raw
    if {"converted", "rate", "part", "vague", "modal"} & (rx.marks | ry.marks):
        # a conversion, a rate, a remainder, "hundreds of", what "can" or "could" be: not the
        # figure itself
        return False
    if ("total" in rx.marks) != ("total" in ry.marks):
        return False  # a campaign total against one operation's figure
    if ("period" in rx.marks) != ("period" in ry.marks):
        return False  # "hosted it since 2009" against "hosted it in 2010": a start, not a date
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
    if x.fact.kind == "percent" and x.near & y.near - SPEECH_STEMS:
        return True  # "turnout was almost 90%" / "turnout reached 93.87 percent"
    if x.fact.kind == "money":
        # The party is named on both sides (above): one more word in common says it is the
        # same sum ("has already brought in" / "has already accumulated").
        return shared >= 1
    if x.fact.kind == "count":
        # people killed / injured: the slot says much already; "comments", "people" marching:
        # one more word in common ("received", "marched") says it is the same count.
        # "people" alone is the least specific count of all: two more words in common.
        need = 0 if " " in x.fact.slot else 2 if x.fact.slot == "people" else 1
        # One teller's two figures for one count are one count told two ways ("Police said as
        # many as 20,000 people ..." / "Police put the march at roughly 30,000 people").
        return shared >= need or bool(x.teller and x.teller == y.teller)
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
