"""The average-link merge loop compiled with numba: a heap and each cluster's neighbours as arrays.

``linkage.py`` imports this module only when a grouping runs (numba costs ~0.2 s and ~60 MB to
import). Compiled code is cached beside this file (``__pycache__``), or in numba's user cache
directory when that is not writable; numba writes a cache file to a temporary name and renames
it, so processes compiling at once (a test run in several workers) do not corrupt it.

Every float is made by the operations of the Python form of the algorithm (the oracle in
``tests/core/events/test_linkage.py``), in the same order: IEEE additions, products and
quotients, no fast-math, so the clusters are the same to the last bit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numpy as np
from numba import njit

F = TypeVar("F", bound=Callable[..., Any])


def jit(function: F) -> F:
    """``function`` compiled on its first call (types taken from the arguments), cached on disk,
    run without the GIL (the app's keys are answered meanwhile). Arrays are typed ``Any`` here:
    numba types them; ``linkage.py`` types the call."""
    return cast(F, njit(cache=True, nogil=True, error_model="numpy")(function))


@jit
def _before(ka: float, ia: int, ja: int, kb: float, ib: int, jb: int) -> bool:
    """(ka, ia, ja) < (kb, ib, jb) as Python compares tuples."""
    if ka != kb:
        return ka < kb
    if ia != ib:
        return ia < ib
    return ja < jb


@jit
def _sift_down(keys: Any, lo: Any, hi: Any, size: int, at: int) -> None:
    """Restore the heap below ``at`` (a min-heap of (key, lo, hi) triples)."""
    k, a, b = keys[at], lo[at], hi[at]
    while True:
        child = 2 * at + 1
        if child >= size:
            break
        right = child + 1
        if right < size and _before(
            keys[right], lo[right], hi[right], keys[child], lo[child], hi[child]
        ):
            child = right
        if not _before(keys[child], lo[child], hi[child], k, a, b):
            break
        keys[at], lo[at], hi[at] = keys[child], lo[child], hi[child]
        at = child
    keys[at], lo[at], hi[at] = k, a, b


@jit
def _sift_up(keys: Any, lo: Any, hi: Any, at: int) -> None:
    k, a, b = keys[at], lo[at], hi[at]
    while at > 0:
        parent = (at - 1) // 2
        if not _before(k, a, b, keys[parent], lo[parent], hi[parent]):
            break
        keys[at], lo[at], hi[at] = keys[parent], lo[parent], hi[parent]
        at = parent
    keys[at], lo[at], hi[at] = k, a, b


@jit
def _find(cols: Any, start: int, count: int, x: int) -> int:
    """The position of the first of ``cols[start:start + count]`` (ascending) not below ``x``."""
    a, b = start, start + count
    while a < b:
        mid = (a + b) // 2
        if cols[mid] < x:
            a = mid + 1
        else:
            b = mid
    return a


@jit
def _weight(
    weights: Any, codes: Any, factors: Any, idf: Any, norms: Any, terms: Any, e: int, m: int
) -> float:
    """Entry ``e``'s weight (of row ``m``): kept, or made as ``Matrix.weights`` makes it."""
    if len(weights):
        return float(weights[e])
    return float(factors[codes[e]] * idf[terms[e]] / norms[m])


@jit
def _grow_pool(cols: Any, sims: Any, start: Any, count: Any, room: Any, need: int) -> Any:
    """The neighbour lists copied into larger arrays, packed, with ``need`` free at the end."""
    live = 0
    for i in range(len(count)):
        live += count[i]
    size = 2 * (live + need) + 16
    new_cols = np.empty(size, np.int64)
    new_sims = np.empty(size, np.float64)
    top = 0
    for i in range(len(start)):
        for e in range(count[i]):
            new_cols[top + e] = cols[start[i] + e]
            new_sims[top + e] = sims[start[i] + e]
        start[i], room[i] = top, count[i]
        top += count[i]
    return new_cols, new_sims, top


@jit
def _grow_heap(keys: Any, lo: Any, hi: Any) -> Any:
    size = 2 * len(keys) + 16
    new_keys, new_lo, new_hi = np.empty(size), np.empty(size, np.int64), np.empty(size, np.int64)
    for e in range(len(keys)):
        new_keys[e], new_lo[e], new_hi[e] = keys[e], lo[e], hi[e]
    return new_keys, new_lo, new_hi


@jit
def _dots(
    held: int,
    groups: Any,
    count: int,
    out: Any,
    first: Any,
    after: Any,
    dense: Any,
    ptr: Any,
    terms: Any,
    weighing: Any,
) -> None:
    """``out[u]`` = sum(held) . sum(groups[u]) for u < ``count``, as ``_Sums.dots`` made it: the
    held cluster's rows added member after member into ``dense``, then each group's products
    summed member after member, entry after entry (bincount's order)."""
    weights, codes, factors, idf, norms = weighing
    m = first[held]
    while m >= 0:
        for e in range(ptr[m], ptr[m + 1]):
            dense[terms[e]] += _weight(weights, codes, factors, idf, norms, terms, e, m)
        m = after[m]
    for u in range(count):
        total = 0.0
        m = first[groups[u]]
        while m >= 0:
            for e in range(ptr[m], ptr[m + 1]):
                w = _weight(weights, codes, factors, idf, norms, terms, e, m)
                total += dense[terms[e]] * w
            m = after[m]
        out[u] = total
    m = first[held]
    while m >= 0:
        for e in range(ptr[m], ptr[m + 1]):
            dense[terms[e]] = 0.0
        m = after[m]


@jit
def _remove(cols: Any, sims: Any, start: Any, count: Any, row: int, x: int) -> None:
    """Take ``x`` out of ``row``'s neighbours."""
    s, c = start[row], count[row]
    for at in range(_find(cols, s, c, x), s + c - 1):
        cols[at], sims[at] = cols[at + 1], sims[at + 1]
    count[row] = c - 1


@jit
def _put(cols: Any, sims: Any, start: Any, count: Any, row: int, x: int, value: float) -> None:
    """Set ``row``'s cross sum with ``x``, adding ``x`` if it is not there (room is: one was
    just removed)."""
    s, c = start[row], count[row]
    at = _find(cols, s, c, x)
    if at < s + c and cols[at] == x:
        sims[at] = value
        return
    for e in range(s + c, at, -1):
        cols[e], sims[e] = cols[e - 1], sims[e - 1]
    cols[at], sims[at] = x, value
    count[row] = c + 1


@jit
def average_link(
    ptr: Any,
    terms: Any,
    weighing: Any,
    width: int,
    graph_ptr: Any,
    graph_cols: Any,
    graph_sims: Any,
    ratio: float,
) -> Any:
    """``linkage.relative_average_link``'s clusters as (members, sizes): the clusters by their
    lowest row (the one that kept the cluster's place), each one's members in merge order."""
    n = len(ptr) - 1
    # each cluster's neighbouring clusters, ascending, with their cross sums: cols[start[i]:
    # start[i] + count[i]]; room[i] slots are held for it
    edges = len(graph_cols)
    cols = np.empty(edges + edges // 2 + 16, np.int64)
    sims = np.empty(len(cols), np.float64)
    for e in range(edges):
        cols[e], sims[e] = graph_cols[e], graph_sims[e]
    start = np.empty(n, np.int64)
    count = np.empty(n, np.int64)
    room = np.empty(n, np.int64)
    for i in range(n):
        start[i] = graph_ptr[i]
        count[i] = room[i] = graph_ptr[i + 1] - graph_ptr[i]
    top = edges
    cohesion = np.zeros(n)
    inside = np.zeros(n)
    for i in range(n):
        if count[i]:
            best = sims[start[i]]
            for e in range(start[i] + 1, start[i] + count[i]):
                if sims[e] > best:
                    best = sims[e]
            cohesion[i] = best
    # each cluster's members in order: a linked list through ``after``
    first = np.empty(n, np.int64)
    last = np.empty(n, np.int64)
    after = np.empty(n, np.int64)
    size = np.empty(n, np.int64)
    for i in range(n):
        first[i], last[i], after[i], size[i] = i, i, -1, 1
    # the heap of (-link, i, j), ordered as Python orders the tuples; refused pairs not pushed
    pairs = 0
    for i in range(n):
        for e in range(start[i], start[i] + count[i]):
            j = cols[e]
            if i < j and sims[e] >= ratio * (cohesion[i] + cohesion[j]) / 2:
                pairs += 1
    keys = np.empty(pairs + 16)
    lo = np.empty(pairs + 16, np.int64)
    hi = np.empty(pairs + 16, np.int64)
    heap = 0
    for i in range(n):
        for e in range(start[i], start[i] + count[i]):
            j = cols[e]
            if i < j and sims[e] >= ratio * (cohesion[i] + cohesion[j]) / 2:
                keys[heap], lo[heap], hi[heap] = -sims[e], i, j
                heap += 1
    for at in range(heap // 2 - 1, -1, -1):
        _sift_down(keys, lo, hi, heap, at)
    dense = np.zeros(width)
    while heap:
        neg, a, b = keys[0], lo[0], hi[0]
        heap -= 1
        if heap:
            keys[0], lo[0], hi[0] = keys[heap], lo[heap], hi[heap]
            _sift_down(keys, lo, hi, heap, 0)
        at = _find(cols, start[a], count[a], b)
        if at == start[a] + count[a] or cols[at] != b:
            continue  # a merged away or no longer neighbours
        cross = sims[at]
        if cross / (size[a] * size[b]) != -neg:
            continue  # a newer entry is in the heap
        if -neg < ratio * (cohesion[a] + cohesion[b]) / 2:
            continue  # refused for now
        keep, gone = a, b  # a < b
        # the union of both parts' neighbours, ascending: side 1 keep's only, 2 gone's, 3 both
        ka, kc, ga, gc = start[keep], count[keep], start[gone], count[gone]
        union = np.empty(kc + gc, np.int64)
        mine = np.empty(kc + gc)
        theirs = np.empty(kc + gc)
        side = np.empty(kc + gc, np.int8)
        x = y = u = 0
        while x < kc or y < gc:
            cx = cols[ka + x] if x < kc else n
            cy = cols[ga + y] if y < gc else n
            if cx == gone:
                x += 1
            elif cy == keep:
                y += 1
            elif cx < cy:
                union[u], mine[u], side[u] = cx, sims[ka + x], 1
                x += 1
                u += 1
            elif cy < cx:
                union[u], theirs[u], side[u] = cy, sims[ga + y], 2
                y += 1
                u += 1
            else:
                union[u], mine[u], theirs[u], side[u] = cx, sims[ka + x], sims[ga + y], 3
                x += 1
                y += 1
                u += 1
        # a neighbour of one part only: its cross sum with the other part, from the rows
        groups = np.empty(u, np.int64)
        found = np.empty(u)
        for other in (1, 2):
            held = gone if other == 1 else keep
            g = 0
            for v in range(u):
                if side[v] == other:
                    groups[g] = union[v]
                    g += 1
            if g:
                _dots(held, groups, g, found, first, after, dense, ptr, terms, weighing)
                g = 0
                for v in range(u):
                    if side[v] == other:
                        if other == 1:
                            theirs[v] = found[g]
                        else:
                            mine[v] = found[g]
                        g += 1
        total = np.empty(u)
        for v in range(u):
            total[v] = mine[v] + theirs[v]
        for v in range(u):
            c = union[v]
            if side[v] != 1:
                _remove(cols, sims, start, count, c, gone)
            _put(cols, sims, start, count, c, keep, total[v])
        inside[keep] += inside[gone] + cross
        after[last[keep]] = first[gone]
        last[keep] = last[gone]
        size[keep] += size[gone]
        size[gone] = 0
        count[gone] = room[gone] = 0
        s = size[keep]
        cohesion[keep] = 2 * inside[keep] / (s * (s - 1))
        if u > room[keep]:
            if top + 2 * u > len(cols):
                cols, sims, top = _grow_pool(cols, sims, start, count, room, 2 * u)
            start[keep], room[keep] = top, 2 * u
            top += 2 * u
        for v in range(u):
            cols[start[keep] + v], sims[start[keep] + v] = union[v], total[v]
        count[keep] = u
        for v in range(u):
            c = union[v]
            link = total[v] / (s * size[c])
            if link >= ratio * (cohesion[keep] + cohesion[c]) / 2:
                if heap == len(keys):
                    keys, lo, hi = _grow_heap(keys, lo, hi)
                keys[heap], lo[heap], hi[heap] = -link, keep, c
                if c < keep:
                    lo[heap], hi[heap] = c, keep
                _sift_up(keys, lo, hi, heap)
                heap += 1
    members = np.empty(n, np.int64)
    sizes = np.empty(n, np.int64)
    clusters = at = 0
    for i in range(n):
        if size[i]:
            sizes[clusters] = size[i]
            clusters += 1
            m = first[i]
            while m >= 0:
                members[at] = m
                at += 1
                m = after[m]
    return members, sizes[:clusters]
