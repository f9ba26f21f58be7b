"""Number conflicts: different counts of the same counted thing in two aligned passages."""

from __future__ import annotations

from index.conflict_text import clause_around, conflict, similar_context
from index.models import Conflict
from index.numbers import Quantity, extract_quantities

# Counted things that news reports name in different words; anything else must match exactly.
_CLASSES = {
    "troop": (
        "troop soldier infantryman force man personnel serviceman servicemember fighter"
        " combatant marine paratrooper commando military"
    ),
    "people": "people person civilian resident individual victim",
    "dollar": "dollar buck usd",
    "euro": "euro eur",
    "ruble": "ruble rouble",
    "pound": "pound sterling",
    "missile": "missile rocket",
    "drone": "drone uav",
}
CLASS_OF = {word: cls for cls, words in _CLASSES.items() for word in words.split()}
# Generic measures: compared only when each passage has exactly one (which percentage is which?).
_ONE_EACH = frozenset({"percent", "age", "magnitude"})


def counted_class(unit: str | None) -> str | None:
    """The class of a counted thing ("infantryman" -> "troop"), or the lemma itself."""
    if unit is None:
        return None
    return CLASS_OF.get(unit, unit)


def _key(q: Quantity) -> tuple[str, str | None] | None:
    cls = counted_class(q.unit)
    return None if cls is None else (cls, q.state)


def _compatible(x: Quantity, y: Quantity) -> bool:
    return x.low <= y.high and y.low <= x.high


def _fmt(q: Quantity) -> str:
    return " ".join(q.text.split())


def number_conflicts(a: str, b: str) -> list[Conflict]:
    """Counts of one class whose ranges cannot overlap, where neither side explains the other."""
    qa, qb = extract_quantities(a), extract_quantities(b)
    if not qa or not qb:
        return []
    out: list[Conflict] = []
    keys_a = {k for q in qa if (k := _key(q)) is not None}
    for key in sorted(keys_a, key=str):
        xs = [q for q in qa if _key(q) == key]
        ys = [q for q in qb if _key(q) == key]
        if not ys or (key[0] in _ONE_EACH and (len(xs) != 1 or len(ys) != 1)):
            continue
        lone_x = [x for x in xs if not any(_compatible(x, y) for y in ys)]
        lone_y = [y for y in ys if not any(_compatible(x, y) for x in xs)]
        if not lone_x or not lone_y:
            continue  # one passage gives more figures, but every shared figure agrees
        # "8,000 residents moved to shelters" vs "a town of 90,000 people": same class, other fact.
        # The same noun ("troops"/"troops") is evidence enough; synonyms need shared context.
        pairs = [(x, y) for x in lone_x for y in lone_y
                 if x.unit == y.unit or similar_context(clause_around(a, x.start, x.end, 70),
                                                        clause_around(b, y.start, y.end, 70),
                                                        ratio=0.2)]
        if not pairs:
            continue
        x, y = min(pairs, key=lambda p: abs(p[0].value - p[1].value))
        out.append(conflict("number", a, (x.start, x.end), b, (y.start, y.end),
                            f"Numbers differ: {_fmt(x)} vs {_fmt(y)}"))
    return out
