"""Sorting and filtering `newsreader events`: the options to an EventFilter, comparisons counted."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from index import Article, Event, EventFacts, EventFilter


@dataclass(frozen=True, slots=True)
class Listing:
    """What the options ask for: which events, in which order."""

    wanted: EventFilter
    sort: str | None

    @property
    def counts_conflicts(self) -> bool:
        """Whether the filter or the sort needs every event's conflicts (so its comparison)."""
        return self.wanted.needs_comparisons or self.sort == "conflicts"


def from_args(args: argparse.Namespace) -> Listing:
    """The typed --filter, then the options (which add to it); FilterError when one is bad."""
    from index import parse_date, parse_filter

    today = date.today()
    wanted = parse_filter(args.filter, today)
    wanted = replace(
        wanted,
        outlets=(*wanted.outlets, *(o.casefold() for o in args.outlet)),
        since=parse_date(args.since, today) if args.since else wanted.since,
        until=parse_date(args.until, today) if args.until else wanted.until,
        conflicts=(*wanted.conflicts, *([args.has_conflict] if args.has_conflict else [])),
    )
    return Listing(wanted, args.sort or wanted.sort)


def select(
    events: Sequence[Event], by_id: Mapping[str, Article], listing: Listing
) -> list[EventFacts]:
    """The events the listing keeps, in its order. Conflicts are counted (each event compared,
    with the comparison cache) only when the filter or the sort needs them."""
    from index import compare, event_facts, sort_facts

    wanted = listing.wanted
    need = listing.counts_conflicts
    facts = []
    show = need and sys.stderr.isatty()
    for i, event in enumerate(events):
        articles = [by_id[a] for a in event.article_ids if a in by_id]
        first = event_facts(event, articles)
        if wanted.keeps(first) is False:
            continue  # decided without comparing
        if need and first.conflicts is None:
            if show:
                print(f"\rcomparing {i + 1}/{len(events)}", end="", file=sys.stderr, flush=True)
            first = event_facts(event, articles, compare(articles, event))
        if wanted.keeps(first):
            facts.append(first)
    if show:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
    return sort_facts(facts, listing.sort)
