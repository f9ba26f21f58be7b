"""Where a hit's matched words are in its body, from the character offsets in its postings."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from whoosh import query as wq

from index.engine.posting_blocks import is_blocked, read_block, walk

BODY = "body"


def _walk(q: wq.Query) -> Iterator[wq.Query]:
    yield q
    if not isinstance(q, wq.Not) and q.is_leaf() is False:
        for child in q.children():
            yield from _walk(child)


def query_shape(q: wq.Query) -> tuple[list[tuple[list[str], int]], set[str]]:
    """The body phrases of a query (words, slop) and the words it also searches on their own.

    Words of a phrase are highlighted only where they form the phrase, unless the query also
    asks for them as plain terms. Negated parts are ignored: they never match a hit.
    """
    phrases: list[tuple[list[str], int]] = []
    plain: set[str] = set()
    for node in _walk(q):
        if isinstance(node, wq.Phrase) and node.fieldname == BODY:
            phrases.append((list(node.words), int(node.slop)))
        elif isinstance(node, wq.Term) and node.fieldname == BODY:
            plain.add(str(node.text))
    return phrases, plain


class Postings:
    """Character offsets of words in the bodies of one page of hits.

    One postings matcher per word walks the page's documents in docnum order, instead of one
    matcher per word per hit (creating a matcher reads the term's info and first block).
    """

    def __init__(self, searcher: Any, docnums: Iterable[int]) -> None:
        self._searcher = searcher
        self._docnums = sorted(set(docnums))
        self._tables: dict[str, dict[int, dict[int, tuple[int, int]]]] = {}
        self._known: dict[tuple[str, int], dict[int, tuple[int, int]]] = {}

    def prefill(self, docnum: int, word: str, value: bytes) -> None:
        """Take ``word``'s offsets in ``docnum`` from its encoded posting value (read already by
        the phrase search) instead of reading them again."""
        decoded = self._searcher.schema[BODY].format.decode_characters(value)
        self._known[(word, docnum)] = {int(p): (int(s), int(e)) for p, s, e in decoded}

    def get(self, docnum: int, word: str) -> dict[int, tuple[int, int]]:
        """Position -> (start, end) offsets of ``word`` in document ``docnum``'s body."""
        known = self._known.get((word, docnum))
        if known is not None:
            return known
        table = self._tables.get(word)
        if table is None:
            table = self._tables[word] = self._read(word)
        return table.get(docnum, {})

    def _read(self, word: str) -> dict[int, dict[int, tuple[int, int]]]:
        """Offsets of ``word`` in each page document, segment by segment: blocks holding no
        page document are skipped undecoded, a page document is found in its block by
        bisection."""
        fmt = self._searcher.schema[BODY].format
        text = word.encode("utf-8")
        found: dict[int, dict[int, tuple[int, int]]] = {}
        for leaf, offset in self._searcher.leaf_searchers():
            reader = leaf.reader()
            end = offset + reader.doc_count_all()
            local = [d - offset for d in self._docnums if offset <= d < end]
            if not local or (BODY, text) not in reader:
                continue
            # The raw postings (page documents are live, no deletion filter needed).
            raw = getattr(reader, "_terms", None)
            matcher = reader.postings(BODY, text) if raw is None else raw.matcher(BODY, text, fmt)
            if not is_blocked(matcher):  # postings inlined in the term info: walk them
                ids, _, values = walk(matcher, values=True)
                blocks = [(ids, values or ())]
            else:
                blocks = _page_blocks(matcher, local)
            for ids, values in blocks:
                for docnum in local:
                    i = bisect_left(ids, docnum)
                    if i < len(ids) and ids[i] == docnum:
                        found[docnum + offset] = {
                            int(p): (int(s), int(e)) for p, s, e in fmt.decode_characters(values[i])
                        }
        return found


def _page_blocks(matcher: Any, local: list[int]) -> list[tuple[Sequence[int], Sequence[Any]]]:
    """The decoded blocks of a blocked matcher that hold one of ``local`` (sorted) docnums."""
    blocks: list[tuple[Sequence[int], Sequence[Any]]] = []
    i = 0
    while matcher.is_active() and i < len(local):
        high = matcher.block_max_id()
        if local[i] <= high:
            ids, _, values = read_block(matcher, values=True)
            blocks.append((ids, values or ()))
            while i < len(local) and local[i] <= high:
                i += 1
        matcher._next_block()
    return blocks


def _phrase_offsets(
    postings: Postings, docnum: int, words: list[str], slop: int
) -> set[tuple[int, int]]:
    """Offsets of the words of each occurrence of a phrase (in order, each within ``slop``)."""
    tables = [postings.get(docnum, w) for w in words]
    if not tables or any(not t for t in tables):
        return set()
    found: set[tuple[int, int]] = set()
    for first in sorted(tables[0]):
        chosen = [first]
        for table in tables[1:]:
            nxt = [p for p in table if chosen[-1] < p <= chosen[-1] + max(slop, 1)]
            if not nxt:
                break
            chosen.append(min(nxt))
        if len(chosen) == len(tables):
            found.update(table[p] for table, p in zip(tables, chosen, strict=True))
    return found


def body_matches(
    postings: Postings,
    docnum: int,
    matched_words: Iterable[str],
    phrases: list[tuple[list[str], int]],
    plain: set[str],
) -> tuple[tuple[int, int], ...]:
    """Sorted offsets of every body word the hit matched (stemmed forms map back to the text)."""
    phrase_words = {w for words, _ in phrases for w in words}
    offsets: set[tuple[int, int]] = set()
    for word in matched_words:
        if word in phrase_words and word not in plain:
            continue
        offsets.update(postings.get(docnum, word).values())
    for words, slop in phrases:
        offsets.update(_phrase_offsets(postings, docnum, words, slop))
    return tuple(sorted(offsets))
