"""Pairs of mentions from different reports of an event, within groups of one key."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def across_reports(
    groups: Mapping[str, Sequence[T]], report: Callable[[T], str], most: int
) -> Iterator[tuple[str, T, T]]:
    """(key, x, y) for every two mentions of one group that come from different reports. A
    group larger than ``most`` is a list or a generated text, not a thing the reports tell
    differently: skipped, so the work stays near linear whatever the event."""
    for key, found in groups.items():
        if len(found) > most:
            continue
        for i, x in enumerate(found):
            for y in found[i + 1 :]:
                if report(x) != report(y):
                    yield key, x, y
