"""Bearings: the direction in which something lies from a named place ("150 nautical miles west
of Aden"), a fact whose slot is the place and whose value is an angle."""

from __future__ import annotations

import re

__all__ = ["bearings"]

# "150 nautical miles west of Aden", "south-east of Padang": where a thing lies from a place.
_BEARING = re.compile(
    r"\b(north|south)?[- ]?(east|west)?(?:ern)?\s+of\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)
_ANGLE = {
    "north": 0.0,
    "north-east": 45.0,
    "east": 90.0,
    "south-east": 135.0,
    "south": 180.0,
    "south-west": 225.0,
    "west": 270.0,
    "north-west": 315.0,
}
_DISTANCE = re.compile(
    r"(?:(?:about|around|some|nearly|roughly)\s+)?\d[\d,.]*\s+(?:nautical\s+)?"
    r"(?:miles?|km|kilomet(?:re|er)s?)\s+$",
    re.IGNORECASE,
)


def bearings(sentence: str) -> list[tuple]:  # type: ignore[type-arg]
    """Bearing facts: the direction in which something lies from a named place, in degrees."""
    out: list[tuple] = []  # type: ignore[type-arg]
    for m in _BEARING.finditer(sentence):
        ns, ew = m.group(1), m.group(2)
        if not (ns or ew):
            continue
        direction = "-".join(w for w in (ns, ew) if w)
        start = m.start(1) if ns else m.start(2)
        distance = _DISTANCE.search(sentence, max(0, start - 40), start)
        if distance is not None:
            start = distance.start()  # the span holds the distance: "150 nautical miles west"
        end = m.end(2) if ew else m.end(1)
        angle = _ANGLE[direction]
        slot = "bearing from " + " ".join(m.group(3).split()).lower()
        out.append(("bearing", slot, direction, angle, angle, start, end, frozenset()))
    return out
