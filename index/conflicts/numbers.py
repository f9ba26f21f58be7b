"""Number conflicts: different counts of the same counted thing in two aligned passages."""

from __future__ import annotations

import re

from index.base.models import Conflict
from index.conflicts.clauses import clause_around, conflict, content_stems, similar_context
from index.conflicts.roles import same_person
from index.facts.counted import counted_class
from index.facts.numbers import Quantity, extract_quantities

# Periods ("three seasons", "23 games", "five years") measure spans that differ between
# passages far more often than they disagree: never compared.
_PERIODS = frozenset(
    "season game match year month week day hour minute second decade century"
    " time term inning round lap night".split()
)
# Generic measures: compared only when each passage has exactly one (which percentage is which?).
_ONE_EACH = frozenset({"percent", "age", "magnitude"})


def _key(q: Quantity) -> tuple[str, str | None] | None:
    cls = counted_class(q.unit)
    if cls is None or cls in _PERIODS or q.state == "vague":
        return None
    return cls, q.state


def _same_person_aged(x: Quantity, y: Quantity) -> bool:
    named = [q.noun for q in (x, y) if q.noun != "years old"]
    return len(named) < 2 or same_person(named[0], named[1])


def _compatible(x: Quantity, y: Quantity) -> bool:
    return x.low <= y.high and y.low <= x.high


def _several(qs: list[Quantity]) -> bool:
    """Does one passage give disagreeing figures of one class? Then it tells several things
    apart (two teams' offers, two officials' estimates) and the other passage's figure may be
    any of them: no conflict is claimed."""
    return any(not _compatible(x, y) for i, x in enumerate(qs) for y in qs[i + 1 :])


def _fmt(q: Quantity) -> str:
    return " ".join(q.text.split())


# The span a sports figure covers: "in 54 games", "over a combined 157 games", "last season",
# "in each of the past five seasons". Figures over different spans are different figures.
_SPAN = re.compile(
    r"\b(?:in|over|during|across|through)\s+(?:each\s+of\s+)?(?:a\s+combined\s+|the\s+(?:past|last)"
    r"\s+|his\s+|her\s+|their\s+)?([\w.,]+)\s+(games?|matches|seasons?|innings|starts"
    r"|appearances)\b|\b(last|this|next)\s+(season)\b",
    re.IGNORECASE,
)


def spans_of(text: str) -> frozenset[str]:
    """The spans of play a sentence's figures cover: 'in 54 games', 'last season'."""
    return frozenset(
        " ".join(w.lower().rstrip("s") for w in m.groups() if w) for m in _SPAN.finditer(text)
    )


_MONEY = frozenset({"dollar", "euro", "pound", "yen", "won", "ruble", "yuan"})


def _conversion(text: str, q: Quantity) -> bool:
    """ "110 billion euros ($143 billion)": an amount in brackets restates the one before it in
    another currency, at that day's rate; two reports' rates differ, their amount does not."""
    return q.unit in _MONEY and text[max(0, q.start - 2) : q.start].strip().endswith("(")


def number_conflicts(a: str, b: str) -> list[Conflict]:
    """Counts of one class whose ranges cannot overlap, where neither side explains the other."""
    qa = [q for q in extract_quantities(a) if not _conversion(a, q)]
    qb = [q for q in extract_quantities(b) if not _conversion(b, q)]
    if not qa or not qb or spans_of(a) != spans_of(b):
        return []  # "33 home runs last season" vs "13 home runs in 54 games": other spans
    out: list[Conflict] = []
    keys_a = {k for q in qa if (k := _key(q)) is not None}
    for key in sorted(keys_a, key=str):
        xs = [q for q in qa if _key(q) == key]
        ys = [q for q in qb if _key(q) == key]
        if not ys or (key[0] in _ONE_EACH and (len(xs) != 1 or len(ys) != 1)):
            continue
        if key[0] == "age" and not _same_person_aged(xs[0], ys[0]):
            continue  # "Lund, 71" and "Berg, 64": two people
        if _several(xs) or _several(ys):
            continue  # "Orioles ($140-150 million), Nationals ($160 million)": whose figure?
        lone_x = [x for x in xs if not any(_compatible(x, y) for y in ys)]
        lone_y = [y for y in ys if not any(_compatible(x, y) for x in xs)]
        if not lone_x or not lone_y:
            continue  # one passage gives more figures, but every shared figure agrees
        # "8,000 residents moved to shelters" vs "a town of 90,000 people": same class, other fact.
        # The same noun ("troops"/"troops") is evidence enough; synonyms need shared context.
        pairs = [
            (x, y)
            for x in lone_x
            for y in lone_y
            if x.unit == y.unit
            or similar_context(
                clause_around(a, x.start, x.end, 70),
                clause_around(b, y.start, y.end, 70),
                ratio=0.2,
            )
        ]
        if not pairs:
            continue
        x, y = min(pairs, key=lambda p: abs(p[0].value - p[1].value))
        what = f"Numbers differ: {_fmt(x)} vs {_fmt(y)}"
        if key[0] == "age":
            who = max((q.noun for q in (x, y) if q.noun != "years old"), key=len, default="")
            what = f"Ages differ{' for ' + who if who else ''}: {_fmt(x)} vs {_fmt(y)}"
        out.append(conflict("number", a, (x.start, x.end), b, (y.start, y.end), what))
    return out


# Vote tallies and scores: "voted 2-1", "a 5-4 ruling", "a unanimous panel".
_TALLY = re.compile(
    r"(?<![\w.-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\w.-])|\bunanimous(?:ly)?\b", re.IGNORECASE
)
_TALLY_WORDS = frozenset(
    {"vote", "voted", "decision", "ruling", "unanimous", "unanimously", "panel", "split", "divided"}
)


def _tallies(text: str) -> list[tuple[int, int, int, int | None]]:
    """(start, end, minority, majority) of tallies; "unanimous" is (0, None): any size."""
    out: list[tuple[int, int, int, int | None]] = []
    for m in _TALLY.finditer(text):
        if m.group(1) is None:
            out.append((m.start(), m.end(), 0, None))
            continue
        hi, lo = int(m.group(1)), int(m.group(2))
        around = text[max(0, m.start() - 40) : m.end() + 30].lower()
        if hi >= lo and any(w in around for w in _TALLY_WORDS):
            out.append((m.start(), m.end(), lo, hi))
    return out


def _tally_context(text: str, start: int, end: int) -> frozenset[str]:
    return content_stems(clause_around(text, start, end, 60)) - _TALLY_STEMS


_TALLY_STEMS = frozenset(
    {
        "vot",
        "vote",
        "decision",
        "rul",
        "ruling",
        "unanimous",
        "unanimously",
        "panel",
        "split",
        "divid",
    }
)


def tally_conflicts(a: str, b: str) -> list[Conflict]:
    """ "2-1" vs "3-0" or "unanimous" for the same vote (two shared words around it)."""
    for sa, ea, lo_a, hi_a in _tallies(a):
        for sb, eb, lo_b, hi_b in _tallies(b):
            if lo_a == lo_b and (hi_a is None or hi_b is None or hi_a == hi_b):
                continue  # the same tally, or "unanimous" vs "3-0"
            if len(_tally_context(a, sa, ea) & _tally_context(b, sb, eb)) < 2:
                continue
            return [
                conflict(
                    "number",
                    a,
                    (sa, ea),
                    b,
                    (sb, eb),
                    f"Vote counts differ: {a[sa:ea]} vs {b[sb:eb]}",
                )
            ]
    return []
