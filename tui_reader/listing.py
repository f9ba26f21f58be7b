"""Provides listed(): the events the events screen shows under a filter and sort (index's rules)."""

from __future__ import annotations

from dataclasses import dataclass

from index import Event, EventFilter, event_facts, sort_facts

from .state import AppState

SORT_CYCLE = (None, "conflicts", "reports", "date", "title")
"""What S steps through: the grouping's own order (largest events first), then each sort."""


@dataclass(frozen=True, slots=True)
class Listed:
    """The events to show, and how many could not be decided yet (not compared)."""

    events: list[Event]
    pending: int
    compared: int  # events of several reports already compared
    comparable: int  # events of several reports


def listed(state: AppState, wanted: EventFilter, sort: str | None) -> Listed:
    """Apply ``wanted`` and ``sort`` to ``state.events``; conflicts are counted as the panes
    show them (without the ones the user dismissed)."""
    facts, pending, compared, comparable = [], 0, 0, 0
    for event in state.events or []:
        comparison = state.comparisons.get(event.id)
        if len(event.article_ids) > 1:
            comparable += 1
            compared += comparison is not None
        if comparison is not None:
            comparison = state.undismissed(comparison)
        one = event_facts(event, state.articles_of(event), comparison)
        keep = wanted.keeps(one)
        if keep is None:
            pending += 1
        elif keep:
            facts.append(one)
    return Listed([f.event for f in sort_facts(facts, sort)], pending, compared, comparable)
