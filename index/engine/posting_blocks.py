"""Whoosh posting lists read a block at a time: docnums, weights and values as whole tuples."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from typing import Any

# whoosh-reloaded 2.7.5's W3 codec keeps each block of 128 postings as one pickled (ids,
# weights, values) tuple, ids delta-encoded. Its matcher hands them out one posting per
# Python call (and decodes ids in a generator); here a block is decoded in one go. Matchers
# of another kind (postings inlined in the term info) are walked the ordinary way.

Block = tuple[Sequence[int], Sequence[float], Sequence[Any] | None]


def is_blocked(matcher: Any) -> bool:
    """Does this matcher keep its postings in W3 blocks this module can read?"""
    return all(
        hasattr(matcher, name) for name in ("_read_data", "_next_block", "_byteids", "_data")
    )


def read_block(matcher: Any, values: bool) -> Block:
    """The docnums, weights (and encoded values) of the matcher's current block."""
    if matcher._data is None:
        matcher._read_data()
    raw = matcher._data[0]
    ids = raw if matcher._byteids else tuple(accumulate(raw))
    matcher._ids = ids  # what the matcher itself would have decoded
    matcher._read_weights()
    if values:
        matcher._read_values()
        return ids, matcher._weights, matcher._values
    return ids, matcher._weights, None


def walk(matcher: Any, values: bool) -> Block:
    """Every posting of a matcher that is not blocked, as one block."""
    ids: list[int] = []
    weights: list[float] = []
    found: list[Any] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if values:
            found.append(matcher.value())
        matcher.next()
    return ids, weights, found if values else None
