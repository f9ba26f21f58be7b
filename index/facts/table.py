"""Every figure and date one report states, headline included, each with a slot and a value."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from index.base.models import Article
from index.facts.acts import act_objects, clause_actions, nearest_verb
from index.facts.bearings import bearings
from index.facts.counted import counted_class
from index.facts.dates import DateMention, extract_dates
from index.facts.names import name_key
from index.facts.numbers import Quantity, extract_quantities
from index.text.lexicon import CHANGE_VERBS
from index.text.sentences import split_sentences

# Periods, in days: a duration is compared as days ("nine days" vs "almost three weeks").
_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4, "year": 365.25, "hour": 1 / 24}
_CURRENCIES = frozenset({"dollar", "euro", "pound", "yen", "won", "ruble", "yuan"})
_TIMES = re.compile(r"\b(once|twice|thrice)\b", re.IGNORECASE)
_TIMES_VALUE = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_YEAR = re.compile(
    r"\b(?:in|of|since|from|until)\s+(?:(?:early|late|mid)[\s-])?(1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,  # "In 1957, ..." opens many sentences
)
_BOTH_YEARS = re.compile(
    r"\bboth\s+(?:the\s+|in\s+)?(?:1[89]|20)\d\d\s+and\s+(?:in\s+)?(?:1[89]|20)\d\d\b"
)
_NONE: frozenset[str] = frozenset()
_PERIOD_WORDS = frozenset({"since", "from", "until"})
_PERIOD = frozenset({"period"})
_MORE_YEARS = re.compile(r"(?:,\s*|,?\s+(?:and|or)\s+)(1[89]\d\d|20\d\d)\b")
# "(0241 GMT Friday)", "($141 billion)": a bracket restating the figure before it.
_BRACKET = re.compile(r"\(([^()]{1,60})\)")
_NAMED = re.compile(r"\b[A-Z][a-z]+\s*$")  # "the Orioles (seven years, ...)": a party's own
# Figures kept of one sentence (see _text_facts)
_MAX_PER_SENTENCE = 12


@dataclass(frozen=True)
class RawFact:
    """A fact found in one sentence; offsets index the title (``in_title``) or the body."""

    kind: str
    slot: str
    value: str
    low: float
    high: float
    in_title: bool
    start: int
    end: int
    sentence: tuple[int, int]  # offsets of its sentence in the same text
    marks: frozenset[str]  # "converted", "total", "part", "open", "speech", "quoted" ...
    # The actions a date or year belongs to: every past verb of its clause ("on Thursday
    # intercepted three boats and foiled an attack" dates both).
    actions: frozenset[str] = frozenset()
    # What those acts were done to, as "act object-stem" ("sign order"): two days of "signed"
    # are two acts when both name what was signed and the things differ.
    objects: frozenset[str] = frozenset()


def _fmt(x: float) -> str:
    if x >= 1e9 and x % 1e7 == 0:
        return f"{x / 1e9:g} billion"
    if x >= 1e6 and x % 1e4 == 0:
        return f"{x / 1e6:g} million"
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}"


def _value(q: Quantity, prefix: str = "") -> str:
    if math.isinf(q.high):
        return f">= {prefix}{_fmt(q.low)}"
    if q.low == 0.0 and q.high == q.value and q.approximate:
        return f"<= {prefix}{_fmt(q.value)}"
    if q.approximate and q.low != q.high:
        return f"~{prefix}{_fmt(q.value)}"
    return f"{prefix}{_fmt(q.value)}"


# "can only be declared valid with a turnout of more than 50 percent", "the toll could rise to
# 100", "was expected to be $145 million": a figure of what can, must, may or is expected to be
# is a condition or a guess, not a figure reported ("would" and "will" stay: "said he would pay
# $5 million" is a stated plan).
_MODAL = re.compile(
    r"\b(?:can|cannot|could|must|should|may|might|need\s+to|required|(?:expected|likely)\s+to)\b"
)
_CLAUSE_START = re.compile(r"[,;:()]|\b(?:and|but|while|whereas)\b")
# A figure right after "to" (a hedge word or two between) past a change verb of its sentence:
# the new value of what changed ("upgraded their offer -- $160 million -- to somewhere between
# $178 million and $184 million").
_CHANGE = "|".join(sorted(CHANGE_VERBS))
_REVISED = re.compile(rf"\b(?:{_CHANGE})\b[^.;!?]{{0,160}}?\bto(?:\s+[a-z]+){{0,2}}\s*$", re.I)


def revision_start(text: str, figure_start: int) -> int | None:
    """Where the change verb stands when the figure at ``figure_start`` is a changed value."""
    m = _REVISED.search(text[max(0, figure_start - 200) : figure_start])
    return None if m is None else max(0, figure_start - 200) + m.start()


def _marks(state: str | None, q: Quantity, text: str) -> set[str]:
    marks = {m for m in ("total", "rate", "part", "vague") if state and m in state}
    before = text[max(0, q.start - 80) : q.start]
    if _MODAL.search(_CLAUSE_START.split(before)[-1]):
        marks.add("modal")
    if math.isinf(q.high):
        marks.add("open")
    if revision_start(text, q.start) is not None:
        marks.add("revised")
    if q.start > 0 and text[max(0, q.start - 2) : q.start].strip().endswith("("):
        marks.add("converted")  # "euro110 billion ($141 billion)": a conversion, not a figure
    return marks


def _quantity_fact(q: Quantity, text: str) -> tuple[str, str, str, float, float] | None:
    """(kind, slot, value, low, high) of a quantity, or None when it is not a comparable fact."""
    cls = counted_class(q.unit)
    if cls is None:
        return None
    last = q.noun.split()[-1] if q.noun else ""
    if last[:1].isupper() and cls not in _CURRENCIES and not any(c.isdigit() for c in last):
        return None  # "12 Somali and 11 Yemeni pirates": a name, not the counted thing
    # The state and what qualifies the count ("+and crew") key the slot; the marks that say
    # it is no plain figure (a total, a rate, a remainder) are kept apart.
    parts = (q.state or "").split("+")
    state = " ".join(p for p in parts if p and p not in ("total", "rate", "part", "vague"))
    model = next((p for p in parts if any(c.isdigit() for c in p)), None)
    if model is not None and cls not in _CURRENCIES:
        # "seven AK-47s", "12 AK 47 guns", "six AK-47 assault rifles": the model is the thing
        # counted, whatever noun follows it.
        rest = " ".join(p for p in state.split() if p != model)
        return "count", f"{model} {rest}".strip(), _value(q), q.low, q.high
    if cls in _CURRENCIES:
        sign = {"dollar": "$", "euro": "€", "pound": "£"}.get(cls, "")
        return "money", cls, _value(q, sign), q.low, q.high
    if cls in ("percent", "magnitude"):
        return cls, cls, _value(q), q.low, q.high
    if cls == "age":
        who = name_key(q.noun) if q.noun != "years old" else ""
        return "age", f"age of {q.noun}" if who else "age", _value(q), q.low, q.high
    if cls in _DAYS:
        per = _DAYS[cls]
        return "duration", "duration", f"{_value(q)} {cls}s", q.low * per, q.high * per
    if cls in ("time", "season", "game", "match", "minute", "second", "decade", "term"):
        return None  # periods of play and repetitions: compared as "times" below
    slot = f"{cls} {state}".strip()
    return "count", slot, _value(q), q.low, q.high


_POSSESSIVE = re.compile(r"['’]s\b")
_LATE_EARLY = re.compile(r"\b(late|early)\s+$", re.IGNORECASE)


def _date_fact(d: DateMention, text: str) -> tuple[str, str, str, float, float] | None:
    if _POSSESSIVE.match(text, d.end):
        return None  # "Wednesday's loss": the day of a thing, and one report names several
    verb = nearest_verb(text, d.start, d.end)
    if verb is None:
        return None  # a dateline or a label: no action is dated
    slot = f"date of {verb}"
    shown = " ".join(d.text.split())
    if (late := _LATE_EARLY.search(text, 0, d.start)) is not None:
        shown = f"{late.group(1).lower()} {shown}"  # "late Thursday" may be "early Friday"
    if d.start_date is not None and d.end_date is not None:
        low, high = float(d.start_date.toordinal()), float(d.end_date.toordinal())
        return "date", slot, shown, low, high
    if d.weekday is not None:
        return "date", slot, shown, 100.0 + d.weekday, 100.0 + d.weekday
    if d.month is not None and d.day is not None:
        v = 1000.0 + d.month * 40 + d.day
        return "date", slot, shown, v, v
    if d.month is not None:  # "in December": any of its days
        return "date", slot, shown, 1000.0 + d.month * 40 + 1, 1000.0 + d.month * 40 + 31
    return None


# A clause ends at these: the verbs past them belong to another statement.


def _sentence_facts(text: str, s: int, e: int, published: str | None) -> list[tuple]:  # type: ignore[type-arg]
    sentence = text[s:e]
    out: list[tuple] = []  # type: ignore[type-arg]
    for q in extract_quantities(sentence):
        got = _quantity_fact(q, sentence)
        if got is not None:
            out.append((*got, q.start, q.end, frozenset(_marks(q.state, q, sentence))))
    for m in re.finditer(r"\b(?:(\w+)\s+times|once|twice|thrice)\b", sentence, re.IGNORECASE):
        word = m.group(1)
        number = _TIMES_VALUE.get(m.group().lower())
        if word:
            qs = extract_quantities(word)
            number = qs[0].value if qs and qs[0].text == word else None
        verb = nearest_verb(sentence, m.start(), m.end())
        if number is not None and verb is not None and number < 100:
            out.append(
                (
                    "times",
                    f"times {verb}",
                    m.group(),
                    number,
                    number,
                    m.start(),
                    m.end(),
                    frozenset(),
                )
            )
    # "emceed both the 2004 and 2005 Tony Awards": "both" says these two and no more, so the
    # act was done twice (a bare list of years says only "at least").
    for m in _BOTH_YEARS.finditer(sentence):
        verb = nearest_verb(sentence, m.start(), m.end())
        if verb is not None:
            out.append(("times", f"times {verb}", m.group(), 2.0, 2.0, m.start(), m.end(), _NONE))
    out.extend(bearings(sentence))
    for d in extract_dates(sentence, published):
        got = _date_fact(d, sentence)
        if got is not None:
            acts = clause_actions(sentence, d.start, d.end)
            objects = act_objects(sentence, d.start, d.end, acts)
            out.append((*got, d.start, d.end, frozenset(), acts, objects))
    # A bracket restates what comes before it, unless that is a name: "the Orioles (seven
    # years, $140 million)" gives a party's own figures.
    brackets = [
        (m.start(), m.end())
        for m in _BRACKET.finditer(sentence)
        if not _NAMED.search(sentence[max(0, m.start() - 40) : m.start()])
    ]
    if brackets:  # "(0241 GMT Friday)", "($141 billion)": a restatement, not a second figure
        out = [
            f if not any(a < f[5] < b for a, b in brackets) else (*f[:7], f[7] | {"converted"})
            for f in out
        ]
    for m in _YEAR.finditer(sentence):
        verb = nearest_verb(sentence, m.start(1), m.end(1))
        if verb is None:
            continue
        acts = clause_actions(sentence, m.start(1), m.end(1))
        objects = act_objects(sentence, m.start(1), m.end(1), acts)
        # "hosted in 2008 and 2006": every year of the list dates the same act.
        spans = [(m.start(1), m.end(1))]
        while (more := _MORE_YEARS.match(sentence, spans[-1][1])) is not None:
            spans.append((more.start(1), more.end(1)))
        # "since 2009", "until 2012": a bound of a period, not the year the act was done.
        marks = _PERIOD if m.group().split()[0].lower() in _PERIOD_WORDS else _NONE
        for s, e in spans:
            year = float(sentence[s:e])
            out.append(
                ("year", f"year of {verb}", sentence[s:e], year, year, s, e, marks)
                + (acts, objects)
            )
    return out


@lru_cache(maxsize=2048)
def _text_facts(
    text: str, published: str | None, in_title: bool, spans: tuple[tuple[int, int], ...]
) -> tuple[RawFact, ...]:
    found: list[RawFact] = []
    for s, e in spans:
        # A "sentence" stating dozens of figures is a table or a wall of text, not statements
        # to hold against each other: its first few are kept, so work stays linear.
        for kind, slot, value, low, high, fs, fe, marks, *acts in _sentence_facts(
            text, s, e, published
        )[:_MAX_PER_SENTENCE]:
            actions, objects = (acts[0], acts[1]) if acts else (frozenset(), frozenset())
            found.append(
                RawFact(
                    kind,
                    slot,
                    value,
                    low,
                    high,
                    in_title,
                    s + fs,
                    s + fe,
                    (s, e),
                    marks,
                    actions,
                    objects,
                )
            )
    return tuple(found)


def report_facts(
    article: Article, sentences: Sequence[tuple[int, int]] | None = None
) -> tuple[RawFact, ...]:
    """The facts of one report: its title (a headline is one sentence), then its body, whose
    sentence offsets may be given (the comparison's passages) or are split here."""
    title = article.title.strip()
    head = (
        _text_facts(article.title, article.published, True, ((0, len(article.title)),))
        if title
        else ()
    )
    spans = tuple(sentences) if sentences is not None else tuple(split_sentences(article.body))
    return head + _text_facts(article.body, article.published, False, spans)
