"""How many articles match an OR of words: exact below a bound, a sure lower bound above it."""

from __future__ import annotations

from typing import Any

from whoosh import query as wq

# Past this many matches the total is shown as "N+" (N a sure lower bound) instead of being
# counted: at 100k articles an exact count of a common word read and decoded every posting
# block of it, 20-40 ms of a 50-130 ms query. Nobody reads 1,000 results; everybody sees a
# total that is never more than the truth.
COUNT_BOUND = 1000


def union_count(searcher: Any, q: wq.Query) -> tuple[int, bool] | None:
    """(count, exact) of the articles matching an OR of plain terms; None for any other query.

    When the document frequencies alone prove at least COUNT_BOUND matches, the count is that
    proof rounded down to two significant figures and ``exact`` is False; otherwise it is
    exact, from a set union of each term's document ids (deletions excluded).
    """
    terms = _plain_terms(searcher, q)
    if terms is None:
        return None
    leaves = [leaf.reader() for leaf, _offset in searcher.leaf_searchers()]
    surely = sum(_segment_lower_bound(reader, terms) for reader in leaves)
    if surely >= COUNT_BOUND:
        return round_down(surely), False
    total = 0
    for reader in leaves:
        found: set[int] = set()
        for fieldname, text in terms:
            if (fieldname, text) in reader:
                found.update(reader.postings(fieldname, text).all_ids())
        if reader.has_deletions():
            found = {docnum for docnum in found if not reader.is_deleted(docnum)}
        total += len(found)
    return total, True


def _plain_terms(searcher: Any, q: wq.Query) -> list[tuple[str, bytes]] | None:
    terms: list[tuple[str, bytes]] = []
    stack = [q]
    while stack:
        node = stack.pop()
        if isinstance(node, wq.Term):
            terms.append((node.fieldname, searcher.schema[node.fieldname].to_bytes(node.text)))
        elif isinstance(node, wq.Or):
            stack.extend(node.children())
        else:
            return None
    return terms


def _segment_lower_bound(reader: Any, terms: list[tuple[str, bytes]]) -> int:
    """The most documents any one term is in, less every deleted document of the segment: the
    union of the terms' documents has at least that many live ones."""
    deleted = int(reader.doc_count_all() - reader.doc_count())
    most = max((int(reader.doc_frequency(f, text)) for f, text in terms), default=0)
    return max(0, most - deleted)


def round_down(count: int) -> int:
    """``count`` rounded down to two significant figures (35,284 -> 35,000; 1,234 -> 1,200)."""
    scale: int = 10 ** max(0, len(str(count)) - 2)
    return count // scale * scale
