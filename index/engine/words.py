"""Word queries (words, prefixes, phrases, OR, NOT) ranked from each term's blocks read once."""

from __future__ import annotations

import heapq
import threading
import weakref
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from index.engine.phrases import segment_matches
from index.engine.posting_blocks import is_blocked, read_block, walk
from index.engine.snippets import BODY
from index.engine.word_query import WordQuery

# Whoosh scores an OR of words one document at a time through a tree of union matchers, and
# reads each document's field length through a column reader: 100 ms at 100k articles for one
# common word. Here each word's posting blocks are decoded once, field lengths come from one
# read of the segment's length column (kept while the segment is open), and the score of each
# posting is Whoosh's BM25F formula with the same operations, so one word ranks exactly as
# Whoosh ranks it. Prefixes, wildcards and fuzzy words are their expanded terms (Whoosh gave
# them a constant score per term and took seconds for short prefixes), exact phrases come from
# index/engine/phrases.py, and excluded documents are dropped after reading their docnums.

# Length byte -> field length; byte 0 means "no length", which Whoosh's scorer reads as 1.
_LENGTHS = [1.0] + [float(byte_to_length(code)) for code in range(1, 256)]
_columns: weakref.WeakKeyDictionary[Any, dict[str, bytes]] = weakref.WeakKeyDictionary()
_columns_lock = threading.Lock()
# A bound on one plain-word query's work (about 250 ms of decoding and scoring at 100k). Past
# it, Whoosh's AND with a bounded count: slower for common words (four words of 180,000
# postings: 297 ms there, 226 ms here) but it can skip blocks of a common word next to a rare
# one. Expanded queries have no bound: Whoosh took 65 s for b* at 100k (3.1 s here).
POSTINGS_BUDGET = 200_000


@dataclass(frozen=True)
class WordHit:
    """A document with some of the words: global docnum, score, how many of the query's groups
    (words) it has, and the body terms it has (for the highlights)."""

    docnum: int
    score: float
    words: int
    body_words: tuple[str, ...]


def search_any_words(
    searcher: Any, query: WordQuery, limit: int, require_all: bool = False
) -> tuple[list[WordHit], int] | None:
    """The best ``limit`` documents with at least one of the words and none excluded: all the
    words first, then more words before fewer (only all, with ``require_all``), then by
    BM25F (title terms boosted as the query says), then docnum; and how many documents
    qualify (exact). None when the index or weighting is not the kind this reads, or plain
    words have more than POSTINGS_BUDGET postings together (the caller then asks Whoosh)."""
    weighting = searcher.weighting
    if type(weighting) is not BM25F or weighting._field_B:
        return None
    if not query.expanded and _postings_count(searcher, query) > POSTINGS_BUDGET:
        return None
    scores: dict[int, float] = {}
    counts: Counter[int] = Counter()
    bodies: list[tuple[int, str, Sequence[int]]] = []
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        if not hasattr(reader, "_terms") or not hasattr(reader, "_perdoc"):
            return None
        found = _segment_scores(searcher, reader, query, weighting)
        if found is None:
            return None
        seg_scores, seg_counts, seg_bodies = found
        bodies.extend((offset, text, ids) for text, ids in seg_bodies)
        if reader.has_deletions():
            for docnum in reader.deleted_docs_set:
                seg_scores.pop(docnum, None)
        if offset:
            scores.update((docnum + offset, score) for docnum, score in seg_scores.items())
            counts.update({docnum + offset: n for docnum, n in seg_counts.items()})
        else:
            scores.update(seg_scores)
            counts.update(seg_counts)
    words = len(query.groups)
    if require_all:
        scores = {docnum: s for docnum, s in scores.items() if counts[docnum] == words}
    ranked = _best(scores, counts, words, limit)
    found_words = _body_words(ranked, bodies)
    hits = [WordHit(d, s, n, tuple(found_words.get(d, ()))) for d, s, n in ranked]
    return hits, len(scores)


def _postings_count(searcher: Any, query: WordQuery) -> int:
    reader = searcher.reader()
    total = 0
    for group in query.groups + query.excluded:
        for term in group:
            if isinstance(term, wq.Term) and term.fieldname in searcher.schema:
                text = searcher.schema[term.fieldname].to_bytes(term.text)
                total += reader.doc_frequency(term.fieldname, text)
    return total


def _best(
    scores: dict[int, float], counts: Counter[int], words: int, limit: int
) -> list[tuple[int, float, int]]:
    """Top (docnum, score, words) tier by tier (all the words, then one fewer...), a heap
    within a tier."""
    tiers: dict[int, list[int]] = {}
    if words == 1:
        tiers[1] = list(scores)
    else:
        for docnum, n in counts.items():
            if docnum in scores:  # not deleted, not excluded
                tiers.setdefault(n, []).append(docnum)
    best: list[tuple[int, float, int]] = []
    for n in sorted(tiers, reverse=True):
        wanted = max(1, limit) - len(best)
        if wanted <= 0:
            break
        top = heapq.nsmallest(wanted, ((-scores[docnum], docnum) for docnum in tiers[n]))
        best.extend((docnum, -negative, n) for negative, docnum in top)
    return best


def _body_words(
    ranked: list[tuple[int, float, int]], bodies: list[tuple[int, str, Sequence[int]]]
) -> dict[int, list[str]]:
    """The body terms each ranked document has, from the blocks already read (a set test in C
    per block), so highlighting reads only those terms, not every term of a long prefix."""
    page = {docnum for docnum, _, _ in ranked}
    found: dict[int, list[str]] = {}
    for offset, text, ids in bodies:
        local = {docnum - offset for docnum in page}
        if not local.isdisjoint(ids):
            for docnum in local.intersection(ids):
                words = found.setdefault(docnum + offset, [])
                if text not in words:
                    words.append(text)
    return found


def _segment_scores(
    searcher: Any, reader: Any, query: WordQuery, weighting: BM25F
) -> tuple[dict[int, float], Counter[int], list[tuple[str, Sequence[int]]]] | None:
    """Per segment docnum: the summed BM25F of the query's terms and how many groups it has
    (excluded documents left out); and the blocks of docnums of each body term."""
    parent = searcher.get_parent()
    k1, b = weighting.K1, weighting.B
    scores: dict[int, float] = {}
    counts: Counter[int] = Counter()
    bodies: list[tuple[str, Sequence[int]]] = []
    field_norms: dict[str, list[float]] = {}
    for group in query.groups:
        docs: set[int] = set()
        for term in group:
            if isinstance(term, wq.Phrase):
                phrase = segment_matches(searcher, reader, term, weighting)
                if phrase is None:
                    return None
                for docnum, (value, _encoded) in phrase.items():
                    scores[docnum] = scores.get(docnum, 0.0) + value
                docs.update(phrase)
                continue
            field = _field(searcher, term)
            if field is None:
                return None
            text = field.to_bytes(term.text)
            if (term.fieldname, text) not in reader:
                continue
            lengths = _field_lengths(reader, term.fieldname)
            norms = field_norms.get(term.fieldname)
            if norms is None:
                # Whoosh's bm25() with its operations in its order, the length part per length
                # byte (once per field: a long prefix has thousands of terms).
                avgfl = parent.avg_field_length(term.fieldname) or 1
                norms = [k1 * ((1 - b) + b * fl / avgfl) for fl in _LENGTHS]
                field_norms[term.fieldname] = norms
            idf, k1_1, boost = parent.idf(term.fieldname, text), k1 + 1, float(term.boost)
            matcher = reader._terms.matcher(term.fieldname, text, field.format)
            for ids, weights in _blocks(matcher):
                norm = [norms[lengths[d]] if d < len(lengths) else norms[0] for d in ids]
                values = [
                    idf * ((tf * k1_1) / (tf + n)) for tf, n in zip(weights, norm, strict=True)
                ]
                if boost != 1.0:
                    values = [value * boost for value in values]
                get = scores.get
                for docnum, value in zip(ids, values, strict=True):
                    scores[docnum] = get(docnum, 0.0) + value
                docs.update(ids)
                if term.fieldname == BODY:
                    bodies.append((str(term.text), array("I", ids)))  # 4 bytes a docnum
        counts.update(docs)
    for group in query.excluded:
        for term in group:
            if isinstance(term, wq.Phrase):
                phrase = segment_matches(searcher, reader, term, weighting)
                if phrase is None:
                    return None
                for docnum in phrase:
                    scores.pop(docnum, None)
                continue
            field = _field(searcher, term)
            if field is None:
                return None
            text = field.to_bytes(term.text)
            if (term.fieldname, text) in reader:
                matcher = reader._terms.matcher(term.fieldname, text, field.format)
                for ids, _weights in _blocks(matcher):
                    for docnum in ids:
                        scores.pop(docnum, None)
    return scores, counts, bodies


def _field(searcher: Any, term: wq.Term) -> Any | None:
    if term.fieldname not in searcher.schema:
        return None
    field = searcher.schema[term.fieldname]
    return field if field.scorable else None


def _blocks(matcher: Any) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """(docnums, weights) of the postings, a block at a time when the matcher allows it."""
    if not is_blocked(matcher):  # postings kept inline in the term info
        ids, weights, _ = walk(matcher, values=False)
        yield ids, weights
        return
    while matcher.is_active():
        ids, weights, _ = read_block(matcher, values=False)
        yield ids, weights
        matcher._next_block()


def _field_lengths(reader: Any, fieldname: str) -> bytes:
    """The segment's length byte of ``fieldname`` for every document, read once per segment."""
    perdoc = reader._perdoc
    with _columns_lock:
        cached = _columns.setdefault(perdoc, {})
        found = cached.get(fieldname)
    if found is not None:
        return found
    column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    data = b"" if column is None else column._dbfile.get(column._basepos, column._count)
    with _columns_lock:
        cached[fieldname] = data
    return data
