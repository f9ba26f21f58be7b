"""Whoosh's posting values (pickled gaps of positions and character offsets) made from arrays.

``Positions.encode`` / ``Characters.encode`` store a term's occurrences in one document as
``pack_uint(count) + pickle.dumps(gaps, 2)``, gaps being a list of ints or of (position gap,
start gap, length) tuples. Whoosh's readers (and ours) ``pickle.loads`` them, so the format is
kept. What changes is how the bytes are made: a term that occurs thousands of times in one
text (a 20 MiB file of one word: four million) no longer becomes a Python tuple per occurrence
and a copy of that list, but is written straight from the analyzer's arrays by numpy, a batch
of items at a time, into the very bytes pickle would give (tests compare them).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pickle import dumps
from typing import Any

# Occurrences from which a value is written by numpy: below, a list and pickle.dumps is faster
# (numpy's fixed cost is some 40 operations); ordinary news text never reaches it.
VECTOR_FROM = 512
# Items written per numpy pass: a multiple of pickle's batch size (1,000 items between MARK and
# APPENDS), so no batch straddles two passes; bounds the temporary arrays to about 3 MB.
PASS_ITEMS = 16_000
_BATCH = 1000
# Largest int pickle writes as a 4-byte BININT (beyond, LONG1: values are never that large).
_MAX_BININT = 0x7FFFFFFF
# whoosh.system.pack_uint: the count before the pickle, 4 bytes big-endian.
pack_uint = struct.Struct("!I").pack
ONE = pack_uint(1)
_HEAD = b"\x80\x02]q\x00"  # PROTO 2, EMPTY_LIST, BINPUT 0 (the list is memo entry 0)


def positions_value(first: int, kept: Sequence[int], _s: object = None, _e: object = None) -> bytes:
    """The value of a term at positions ``first + k`` for each k of ``kept`` (ascending)."""
    count = len(kept)
    if count == 1:
        return ONE + dumps([first + kept[0]], 2)
    if count >= VECTOR_FROM and first + kept[-1] <= _MAX_BININT:
        return b"".join(_vector_pickle(count, first, kept, None, None))
    gaps = [first + kept[0]]
    gaps.extend(b - a for a, b in zip(kept, kept[1:]))  # noqa: B905 - kept[1:] is shorter
    return pack_uint(count) + dumps(gaps, 2)


def characters_value(
    first: int, kept: Sequence[int], starts: Sequence[int], ends: Sequence[int]
) -> bytes:
    """The value of a term at positions ``first + k`` for each k of ``kept`` (ascending), the
    k-th kept word spanning ``starts[k]:ends[k]``."""
    count = len(kept)
    if count == 1:  # most terms of a text
        k = kept[0]
        start = starts[k]
        return ONE + dumps([(first + k, start, ends[k] - start)], 2)
    if count >= VECTOR_FROM and max(first + kept[-1], ends[kept[-1]]) <= _MAX_BININT:
        return b"".join(_vector_pickle(count, first, kept, starts, ends))
    gaps = []
    last_pos = last_end = 0
    for k in kept:
        pos, start, end = first + k, starts[k], ends[k]
        gaps.append((pos - last_pos, start - last_end, end - start))
        last_pos, last_end = pos, end
    return pack_uint(count) + dumps(gaps, 2)


def _vector_pickle(count: int, first: int, kept: Any, starts: Any, ends: Any) -> list[bytes]:
    """The pieces of ``pack_uint(count) + pickle.dumps(gaps, 2)`` (2+ items), written by numpy
    a pass at a time (joined once by the caller: the value is the largest object here)."""
    import numpy as np  # only for texts with a very frequent word: not on the search path

    ks = np.asarray(kept, dtype=np.int64)
    starts_all = None if starts is None else np.asarray(starts)
    ends_all = None if ends is None else np.asarray(ends)
    out = [pack_uint(count), _HEAD]
    last_pos = last_end = 0
    for at in range(0, len(ks), PASS_ITEMS):
        pos = ks[at : at + PASS_ITEMS] + first
        cols = [np.diff(pos, prepend=last_pos)]
        last_pos = int(pos[-1])
        if starts_all is not None and ends_all is not None:
            start = starts_all[ks[at : at + PASS_ITEMS]].astype(np.int64)
            end = ends_all[ks[at : at + PASS_ITEMS]].astype(np.int64)
            cols.append(start - np.concatenate(([last_end], end[:-1])))
            cols.append(end - start)  # gaps never negative: words ascend and never overlap
            last_end = int(end[-1])
        memo = None if starts is None else np.arange(at + 1, at + 1 + len(pos), dtype=np.int64)
        out.append(_items(np, cols, memo))
    out.append(b".")
    return out


def _items(np: Any, cols: list[Any], memo: Any) -> bytes:
    """MARK, up to 1,000 items, APPENDS, for each batch; an item is its ints (BININT1, 2 or 4
    as pickle chooses by size), then TUPLE3 and the tuple's memo entry (BINPUT for entries
    under 256, LONG_BINPUT beyond) when ``memo`` holds the entries."""
    n = len(cols[0])
    widths = [2 + (c >= 256) + 2 * (c >= 65536) for c in cols]
    item = np.sum(widths, axis=0)
    if memo is not None:
        item = item + 1 + np.where(memo < 256, 2, 5)
    batch = np.arange(n) // _BATCH
    offset = np.cumsum(item) - item + 1 + 2 * batch  # after each earlier batch's MARK, APPENDS
    batches = int(batch[-1]) + 1
    buf = np.zeros(int(item.sum()) + 2 * batches, dtype=np.uint8)
    firsts = np.arange(0, n, _BATCH)
    lasts = np.minimum(firsts + _BATCH, n) - 1
    buf[offset[firsts] - 1] = ord("(")
    buf[offset[lasts] + item[lasts]] = ord("e")
    at = offset
    for col, width in zip(cols, widths, strict=True):
        buf[at] = np.where(width == 2, ord("K"), np.where(width == 3, ord("M"), ord("J")))
        _little_endian(np, buf, at + 1, col, width - 1)
        at = at + width
    if memo is not None:
        small = memo < 256
        buf[at] = 0x87  # TUPLE3
        buf[at + 1] = np.where(small, ord("q"), ord("r"))
        _little_endian(np, buf, at + 2, memo, np.where(small, 1, 4))
    data: bytes = buf.tobytes()
    return data


def _little_endian(np: Any, buf: Any, at: Any, values: Any, sizes: Any) -> None:
    """Write each value's low ``sizes`` bytes (1, 2 or 4), least significant first, at ``at``."""
    for byte in range(4):
        chosen = sizes > byte
        if not chosen.any():
            return
        buf[at[chosen] + byte] = (values[chosen] >> (8 * byte)) & 0xFF
