"""The event-wide checks: conflicts between passages of different reports wherever they stand.

Each takes the event's articles and their passages and returns (passage, passage, conflict)
triples with body offsets; the comparison adds them to the links (index/comparison/build.py).
One list, so a new check is one line here and runs everywhere the comparison does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from index.base.models import Article, Conflict, Passage
from index.conflicts.cause_pairs import cause_pair_conflicts
from index.conflicts.manner_pairs import manner_pair_conflicts
from index.conflicts.name_pairs import name_pair_conflicts
from index.conflicts.polarity_pairs import polarity_pair_conflicts
from index.conflicts.quote_pairs import quote_pair_conflicts
from index.conflicts.role_pairs import role_pair_conflicts
from index.conflicts.unknown_pairs import unknown_pair_conflicts
from index.conflicts.venue_pairs import venue_pair_conflicts
from index.conflicts.where_pairs import where_pair_conflicts

__all__ = ["EVENT_CHECKS", "EventCheck"]

EventCheck = Callable[
    [Sequence[Article], Mapping[str, Sequence[Passage]]], list[tuple[Passage, Passage, Conflict]]
]

EVENT_CHECKS: tuple[EventCheck, ...] = (
    quote_pair_conflicts,  # one utterance quoted in other words
    role_pair_conflicts,  # one person's title or rank
    polarity_pair_conflicts,  # an act denied or hedged in one report, stated in another
    name_pair_conflicts,  # one person's first name
    unknown_pair_conflicts,  # an open question answered as fact
    where_pair_conflicts,  # a place an open question asks for, named as fact
    manner_pair_conflicts,  # how the same dead died
    venue_pair_conflicts,  # a game at home or at the opponent's
    cause_pair_conflicts,  # a cause denied and asserted
)
