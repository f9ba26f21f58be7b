"""Exact phrases matched rarest word first, block by block, with Whoosh's BM25F scores."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh import formats
from whoosh import query as wq
from whoosh.scoring import BM25F

from index.engine.posting_blocks import is_blocked, read_block, walk
from index.engine.snippets import BODY

# Whoosh's phrase matcher walks every document holding all the words through a tree of
# intersection and span matchers, a few Python calls per posting: 60-90 ms at 100k articles
# for two common words. Here each word's posting blocks are read once, blocks with no
# candidate are skipped unread, positions are decoded only for documents holding every word,
# and scores are Whoosh's own formula (BM25F of each word, summed as its matcher tree does),
# so results and their order are the same.


@dataclass(frozen=True)
class PhraseHit:
    """One document the phrase query matched: global docnum, its Whoosh score, and the encoded
    body postings of the phrase words when its body has the phrase (for the highlights)."""

    docnum: int
    score: float
    body_values: dict[str, bytes]


def plain_phrases(q: wq.Query) -> list[wq.Phrase] | None:
    """The phrases of a query made only of exact phrases (one, or an OR of them, as the parser
    makes for ``"a b"`` over title and body); None for any other query."""
    parts = list(q.children()) if isinstance(q, wq.Or) and not q.scale else [q]
    phrases: list[wq.Phrase] = []
    for part in parts:
        if not isinstance(part, wq.Phrase) or int(part.slop) != 1 or len(part.words) < 2:
            return None
        phrases.append(part)
    return phrases or None


def search_phrases(
    searcher: Any, phrases: list[wq.Phrase], limit: int
) -> tuple[list[PhraseHit], int] | None:
    """The best ``limit`` documents matching any of ``phrases`` (score, then docnum, as Whoosh
    orders them) and how many match; None when the index or weighting is not the kind this
    reads (the caller then asks Whoosh)."""
    weighting = searcher.weighting
    if type(weighting) is not BM25F or weighting._field_B:
        return None
    scores: dict[int, float] = {}
    values: dict[int, dict[str, bytes]] = {}
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        if not hasattr(reader, "_terms"):  # not a segment of the codec this reads
            return None
        deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
        for phrase in phrases:
            found = segment_matches(searcher, reader, phrase, weighting)
            if found is None:
                return None
            for docnum, (score, encoded) in found.items():
                if docnum in deleted:
                    continue
                key = docnum + offset
                # Whoosh's union matcher adds the scores of the fields that matched.
                scores[key] = scores[key] + score if key in scores else score
                if phrase.fieldname == BODY:
                    values.setdefault(key, {}).update(encoded)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[: max(1, limit)]
    hits = [PhraseHit(docnum, score, values.get(docnum, {})) for docnum, score in ranked]
    return hits, len(scores)


def segment_matches(
    searcher: Any, reader: Any, phrase: wq.Phrase, weighting: BM25F
) -> dict[int, tuple[float, dict[str, bytes]]] | None:
    """Segment docnum -> (Whoosh's score, encoded postings of the words) of the documents of
    one segment with the phrase, deletions included; None if the field cannot be read here."""
    fieldname = phrase.fieldname
    if fieldname not in searcher.schema:
        return {}
    field = searcher.schema[fieldname]
    if not field.format or not field.format.supports("positions"):
        return None
    try:
        words = [field.to_bytes(word) for word in phrase.words]
    except ValueError:
        return {}
    if any((fieldname, word) not in reader for word in words):
        return {}
    distinct = sorted(set(words), key=lambda word: reader.doc_frequency(fieldname, word))
    postings: dict[bytes, dict[int, tuple[float, bytes]]] = {}
    candidates: list[int] | None = None
    for word in distinct:
        table = _read_postings(reader, fieldname, word, candidates)
        if table is None:
            return None
        postings[word] = table
        candidates = sorted(table) if candidates is None else [d for d in candidates if d in table]
        if not candidates:
            return {}
    decode = _decoder(field.format)
    parent = searcher.get_parent()
    avgfl = parent.avg_field_length(fieldname) or 1
    idfs = [parent.idf(fieldname, word) for word in words]
    k1, b = weighting.K1, weighting.B
    found: dict[int, tuple[float, dict[str, bytes]]] = {}
    texts = dict(zip(words, (str(word) for word in phrase.words), strict=True))
    for docnum in candidates or ():
        starts = set(decode(postings[words[0]][docnum][1]))
        for shift, word in enumerate(words[1:], 1):
            starts &= {p - shift for p in decode(postings[word][docnum][1])}
            if not starts:
                break
        if not starts:
            continue
        length = reader.doc_field_length(docnum, fieldname, 1)
        norm = k1 * ((1 - b) + b * length / avgfl)
        term_scores = [
            idf * ((tf * (k1 + 1)) / (tf + norm))
            for idf, tf in zip(idfs, (postings[w][docnum][0] for w in words), strict=True)
        ]
        encoded = {texts[word]: postings[word][docnum][1] for word in words}
        found[docnum] = (_tree_sum(term_scores) * float(phrase.boost), encoded)
    return found


def _tree_sum(values: list[float]) -> float:
    """Sum in the order of Whoosh's binary intersection tree (same floats, same ranking)."""
    if len(values) == 1:
        return values[0]
    half = len(values) // 2
    return _tree_sum(values[:half]) + _tree_sum(values[half:])


def _read_postings(
    reader: Any, fieldname: str, word: bytes, candidates: list[int] | None
) -> dict[int, tuple[float, bytes]] | None:
    """docnum -> (weight, encoded positions) of ``word`` in one segment, deletions included;
    with ``candidates`` (sorted), only those documents, and blocks holding none are skipped
    without being decoded."""
    matcher = reader._terms.matcher(fieldname, word, reader.schema[fieldname].format)
    if not is_blocked(matcher):  # postings kept inline in the term info
        ids, weights, values = walk(matcher, values=True)
        wanted = None if candidates is None else set(candidates)
        return {
            docnum: (weight, value)
            for docnum, weight, value in zip(ids, weights, values or (), strict=True)
            if wanted is None or docnum in wanted
        }
    table: dict[int, tuple[float, bytes]] = {}
    low = -1
    while matcher.is_active():
        high = matcher.block_max_id()
        first = last = 0
        if candidates is not None:
            first, last = bisect_left(candidates, low + 1), bisect_right(candidates, high)
            if first == last:  # no candidate in this block: skip it undecoded
                low = high
                matcher._next_block()
                continue
        ids, weights, values = read_block(matcher, values=True)
        assert values is not None
        if candidates is None:
            table.update(zip(ids, zip(weights, values, strict=True), strict=True))
        else:
            for docnum in candidates[first:last]:
                i = bisect_left(ids, docnum)
                if i < len(ids) and ids[i] == docnum:
                    table[docnum] = (weights[i], values[i])
        low = high
        matcher._next_block()
    return table


def _decoder(fmt: Any) -> Any:
    """Positions from an encoded posting value: one unpickling, no per-position Python loop for
    the two formats the schema uses."""
    if type(fmt) is formats.Characters:
        return lambda value: accumulate(code[0] for code in loads(_terminated(value)[4:]))
    if type(fmt) is formats.Positions:
        return lambda value: accumulate(loads(_terminated(value)[4:]))
    return fmt.decode_positions


def _terminated(value: bytes) -> bytes:
    return value if value.endswith(b".") else value + b"."
